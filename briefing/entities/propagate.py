"""Entity spans across the whole briefing, over plain tokens: a name known anywhere is a name
everywhere (propagation, also inside hyphenated words), one label per surface form, and the
repairs that need the briefing's other names: a possessive inside a span ("Seoul's Unification
Ministry"), a leading role word ("Neighbour Jane Roe"), a family's plural ("the Kellers").

`spans` maps (article index, segment index) to that segment's entity spans; rules change it in place.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..words import knowledge
from . import labels
from ..model import EntSpan, Mention, Parsed, ParsedArticle, Token
from ..words.english import HONORIFICS, SPEECH_VERBS, TITLE_NOUNS
from .names import COMPASS_POINTS, fold

Spans = dict[tuple[int, int], list[EntSpan]]


def _is_propn(tok: Token) -> bool:
    return tok.tag in ("NNP", "NNPS") and tok.text[:1].isupper()


def surface(toks: tuple[Token, ...], s: int, e: int) -> str:
    return "".join(t.text + t.ws for t in toks[s:e - 1]) + toks[e - 1].text


def _covered(spans: list[EntSpan], s: int, e: int) -> bool:
    return any(sp.start < e and s < sp.end for sp in spans)


POSSESSIVE_MARKS = frozenset({"'s", "’s"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def lower_words(parsed: list[ParsedArticle]) -> frozenset[str]:
    """Every word written in lower case somewhere in the briefing: "neighbour", "unit", "games"."""
    return frozenset(t.text for pa in parsed for seg in pa.segments for t in seg.tokens
                     if t.text.isalpha() and t.text.islower())


def is_common_word(word: str, lower: frozenset[str]) -> bool:
    """Written in lower case somewhere in the briefing, in the singular or the plural."""
    w = word.lower()
    return w in lower or w + "s" in lower or w + "es" in lower or w.endswith("s") and w[:-1] in lower


def split_possessives(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"Seoul's Unification Ministry", "the North's Masik Pass": one name owns another. The span
    is cut at the possessive where the owner is a name of its own elsewhere in the briefing, a
    known place or a compass point ("Macy's Thanksgiving Parade" stays whole)."""
    known = known_names(parsed, spans)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        out = []
        for sp in sps:
            cut = next((i for i in range(sp.start + 1, sp.end - 1) if toks[i].text in POSSESSIVE_MARKS), None)
            if cut is not None:
                owner, text = tuple(fold(t.text) for t in toks[sp.start:cut]), surface(toks, sp.start, cut)
                if owner in known or text in COMPASS_POINTS or knowledge.is_place(text):
                    label = known[owner].most_common(1)[0][0] if owner in known else "GPE"
                    out += [EntSpan(sp.start, cut, label), EntSpan(cut + 1, sp.end, sp.label)]
                    continue
            out.append(sp)
        sps[:] = out


def drop_role_words(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """"Neighbour Jane Roe", "Worshipper Ali Noor": a capitalised common noun (written in lower
    case elsewhere in the briefing, no first name) before a full name is not part of it."""
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            first = toks[sp.start].text
            if sp.label == "PERSON" and sp.end - sp.start >= 3 and first[:1].isupper() and not first.isupper() and \
                    is_common_word(first, lower) and \
                    not knowledge.is_given_name(first.lower()) and first.lower().rstrip(".") not in HONORIFICS:
                sps[n] = EntSpan(sp.start + 1, sp.end, sp.label)


def family_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"the Kellers" after "Dan Keller": a surname's plural names the family, a PERSON entity."""
    surnames = set()
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        surnames.update(fold(toks[sp.end - 1].text) for sp in sps if sp.label == "PERSON" and sp.end - sp.start >= 2)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            word = toks[sp.start].text
            if sp.end - sp.start == 1 and word.endswith("s") and fold(word[:-1]) in surnames and sp.label != "PERSON":
                sps[n] = EntSpan(sp.start, sp.end, "PERSON")


def known_cities(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Countries, US states and cities the model labelled a person, an organisation or a group.
    A country or state by its own name is a place ("Romania said"). A city is one when the
    briefing names its country or (US) state and shows it as a place somewhere: the model labels
    it one, "in"/"near" it, a state or country after it ("Evanston, Ill."), "the X area". Never a
    name that speaks ("Princeton said") or is part of a person's name in the briefing."""
    places, people, placed, speaking = set(), set(), set(), set()
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            text = surface(toks, sp.start, sp.end)
            if sp.label == "GPE" and knowledge.place(text):
                places.add(knowledge.place(text))
            if sp.label == "PERSON" and sp.end - sp.start >= 2:
                people.update(t.text for t in toks[sp.start:sp.end])
            if sp.label in ("GPE", "LOC"):  # "Chester County", "South Austin": Chester, Austin too
                placed.update([text] + [t.text for t in toks[sp.start:sp.end] if t.text[:1].isupper()])
            elif _place_context(toks, sp.start, sp.end):
                placed.add(text)
            if _speaks(toks, sp.start, sp.end):
                speaking.add(text)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            text = surface(toks, sp.start, sp.end)
            if sp.label not in ("PERSON", "ORG", "NORP") or text in people or \
                    sp.label == "PERSON" and toks[sp.end - 1].dep in ("nsubj", "nsubjpass"):
                continue
            if knowledge.place(text) or text in placed and text not in speaking and \
                    knowledge.place_names(text.title() if text.isupper() else text) & places:
                sps[n] = EntSpan(sp.start, sp.end, "GPE")


PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "throughout", "across", "into"})
AREA_NOUNS = frozenset({"area", "region", "suburbs", "outskirts", "metro", "city", "county"})


def _place_context(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """"in X", "near the X", "X, Ill.", "the X area"."""
    before = s - 1 if s > 0 and toks[s - 1].text.lower() != "the" else s - 2
    if before >= 0 and toks[before].text.lower() in PLACE_PREPOSITIONS:
        return True
    if e + 1 < len(toks) and toks[e].text == "," and knowledge.place(toks[e + 1].text):
        return True
    return e < len(toks) and toks[e].text in AREA_NOUNS


def _speaks(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """The name is the subject of a verb of speech: "Princeton said", "the company announced"."""
    return any(t.dep in ("nsubj", "nsubjpass") and not s <= t.head < e and toks[t.head].lemma in SPEECH_VERBS
               for t in toks[s:e])


def outlet_heads(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"the Statesman" is an outlet, an organisation, where the briefing names it in full after a
    place ("the Boise Statesman", "Austin American-Statesman"), whether or not the model found the
    full name; elsewhere it keeps its label ("known in the capital as the Statesman")."""
    heads = set()
    for pa in parsed:
        for seg in pa.segments:
            toks = seg.tokens
            for t in toks:
                if t.text.lower() in labels.PUBLICATION_HEADS and t.text[:1].isupper():
                    s = t.i
                    while s > max(0, t.i - 4) and (toks[s - 1].text[:1].isupper() or toks[s - 1].text == "-"):
                        s -= 1
                    if labels.publication_owner([w for w in toks[s:t.i] if w.text != "-"]):
                        heads.add(t.text)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            if sp.end - sp.start == 1 and toks[sp.start].text in heads and sp.start > 0 and \
                    toks[sp.start - 1].text.lower() == "the" and sp.label in ("GPE", "LOC", "FAC", "PERSON", "NORP"):
                sps[n] = EntSpan(sp.start, sp.end, "ORG")


def drop_numbered_common_nouns(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """"Unit 3", "Reactor 4": a common noun (written in lower case elsewhere) and a number."""
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        sps[:] = [sp for sp in sps if not (sp.end - sp.start == 2 and toks[sp.end - 1].text.isdigit() and
                                           is_common_word(toks[sp.start].text, lower))]


def known_names(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]
                ) -> dict[tuple[str, ...], Counter]:
    """Every name in the briefing as its folded token sequence, with the labels it was given."""
    known: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            known[tuple(fold(t.text) for t in toks[sp.start:sp.end])][sp.label] += 1
    return known


def propagate(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> None:
    """Other occurrences of a name known anywhere in the briefing are mentions too, unless they
    sit inside a longer proper name; so is a person's surname alone. Known names are matched as
    token sequences, case-sensitively, with diacritics folded: one outlet's "Yılmaz" is another's "Yilmaz"."""
    known = known_names(parsed, spans)
    _add_surnames(known)
    lengths: dict[str, list[int]] = defaultdict(list)  # first token -> lengths of the names it starts
    for key in known:
        lengths[key[0]].append(len(key))
    for ls in lengths.values():
        ls[:] = sorted(set(ls), reverse=True)  # longest first; a few lengths per token, never all names
    for a, pa in enumerate(parsed):
        for si, seg in enumerate(pa.segments):
            current = spans.setdefault((a, si), [])
            folded = [fold(t.text) for t in seg.tokens]
            i = 0
            while i < len(folded):
                found = next((sp for n in lengths.get(folded[i], ())
                              if (sp := _occurrence(seg, folded, i, i + n, known, current))), None)
                if found is not None:
                    current[:] = [sp for sp in current if not (sp.start < found.end and found.start < sp.end)]
                    current.append(found)  # a known longer name replaces its fragments
                    i = found.end - 1
                i += 1
            current.sort(key=lambda sp: sp.start)


def _add_surnames(known: dict[tuple[str, ...], Counter]) -> None:
    """"Okafor, 52, said" after "Mira Okafor": a person's last name alone is a known name too."""
    for key, labels in list(known.items()):
        if len(key) >= 2 and labels.most_common(1)[0][0] == "PERSON" and key[-1][:1].isupper() and \
                key[-1].isalpha() and len(key[-1]) >= 3 and (key[-1],) not in known:
            known[(key[-1],)]["PERSON"] += 1


def _occurrence(seg: Parsed, folded: list[str], i: int, e: int, known: dict[tuple[str, ...], Counter],
                current: list[EntSpan]) -> EntSpan | None:
    """The known name at tokens [i, e) as a new span, or None: not known, in a date ("in May"), a
    one-word name opening a sentence as a common word ("Love ..."), already a mention, part of a
    longer one."""
    toks = seg.tokens
    key = tuple(folded[i:e])
    if e > len(toks) or key not in known or _in_time(seg, i, e) or \
            e - i == 1 and not toks[i].tag.startswith("NNP") and _sentence_start(toks, i):
        return None
    inner = [sp for sp in current if sp.start < e and i < sp.end]
    if any(sp.start < i or sp.end > e or (sp.start, sp.end) == (i, e) for sp in inner):
        return None
    if _inside_longer_name(toks, i, e, [sp for sp in current if sp not in inner]):
        return None
    return EntSpan(i, e, known[key].most_common(1)[0][0])


def _in_time(seg: Parsed, s: int, e: int) -> bool:
    return any(ent.label in TIME_LABELS and ent.start <= s and e <= ent.end for ent in seg.ents)


def _sentence_start(toks: tuple[Token, ...], i: int) -> bool:
    return i == 0 or toks[i - 1].sent != toks[i].sent or toks[i - 1].text in ("“", "\"", "‘", "'", "(")


def _inside_longer_name(toks: tuple[Token, ...], s: int, e: int, spans: list[EntSpan]) -> bool:
    def glued(t: Token) -> bool:
        return _is_propn(t) and t.text.lower() not in TITLE_NOUNS and not _covered(spans, t.i, t.i + 1)

    before = toks[s - 1] if s > 0 else None
    after = toks[e] if e < len(toks) else None
    if before is not None and before.sent == toks[s].sent and glued(before) and \
            not (before.i == 0 or toks[before.i - 1].pos == "PUNCT" and toks[before.i - 1].text in ".!?“\""):
        return True
    if after is not None and glued(after):
        return True
    if before is not None and before.text in ("-", "–") and not before.ws and before.i > 0 and \
            not toks[before.i - 1].text.islower():
        return True  # "Rolls-Royce", but not "pro-Assad"
    return False


def vote_labels(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> None:
    """One label per surface form across the briefing: the majority of its mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            votes[surface(toks, sp.start, sp.end)][sp.label] += 1
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            best = max(votes[surface(toks, sp.start, sp.end)].items(), key=lambda kv: (kv[1], kv[0]))[0]
            sps[n] = EntSpan(sp.start, sp.end, best)


def sentence_span(seg: Parsed, token: int) -> tuple[int, int]:
    """Character span of the sentence holding a token."""
    s, e = seg.sents[seg.tokens[token].sent]
    return seg.tokens[s].start, seg.tokens[e - 1].end


def hyphen_parts(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> list[Mention]:
    """Known names inside a hyphenated token: "U.S.-Russia talks", "pro-Assad fighters"."""
    known = known_names(parsed, spans)
    out = []
    for (a, si), sps in sorted(spans.items()):
        pa = parsed[a]
        for tok in pa.segments[si].tokens:
            if "-" not in tok.text.strip("-") or _covered(sps, tok.i, tok.i + 1):
                continue
            for part in re.finditer(r"[^-\[\](){}\"“”]+", tok.text):
                labels = known.get((fold(part.group()),))
                if labels and part.group()[:1].isupper():
                    start = tok.start + part.start()
                    out.append(Mention(pa.article.id, si, tok.i, tok.i + 1, start, start + len(part.group()),
                                       part.group(), labels.most_common(1)[0][0],
                                       sentence_span(pa.segments[si], tok.i)))
    return out


