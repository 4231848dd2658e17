"""Entity spans across the whole briefing, over plain tokens: a name known anywhere is a name
everywhere (propagation, also inside hyphenated words), one label per surface form, and the
repairs that need the briefing's other names: a possessive inside a span ("Seoul's Unification
Ministry"), a leading role word ("Neighbour Jane Roe"), a family's plural ("the Kellers").

`spans` maps (article index, segment index) to that segment's entity spans; rules change it in place.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..words import knowledge
from . import evidence, labels
from ..model import EntSpan, Mention, Parsed, ParsedArticle, Token
from ..words.english import CALENDAR_NAMES, HONORIFICS, SPEECH_VERBS, TITLE_NOUNS
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


JOINING_WORDS = frozenset({"and", "in", "for", ","})  # not "&", which joins one company's name ("Roe & Vell")


def split_joined_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"talks between Acme and Tarvo Labs", "the town of Vell in Ostria": two names the model read
    as one. The span is cut at "and", "in", "for" or a comma (a "the" after it dropped) where each
    side is a name of its own elsewhere in the briefing and the whole is no known place
    ("Trinidad and Tobago"); "Council for Trade and Industry in Ostria" stays whole."""
    known = known_names(parsed, spans)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        out = []
        for sp in sps:
            out += _joined_parts(toks, sp, known) or [sp]
        sps[:] = out


def _joined_parts(toks: tuple[Token, ...], sp: EntSpan, known: dict[tuple[str, ...], Counter]) -> list[EntSpan]:
    """The two names a span joins, each with the label the briefing gives it most, else []."""
    if sp.end - sp.start < 3 or knowledge.is_place(surface(toks, sp.start, sp.end)):
        return []
    for i in range(sp.start + 1, sp.end - 1):
        if toks[i].text not in JOINING_WORDS:
            continue
        j = i + 1 + (toks[i + 1].text.lower() == "the")
        left, right = (tuple(fold(t.text) for t in toks[x:y]) for x, y in ((sp.start, i), (j, sp.end)))
        if j < sp.end and left in known and right in known:
            return [EntSpan(sp.start, i, known[left].most_common(1)[0][0]),
                    EntSpan(j, sp.end, known[right].most_common(1)[0][0])]
    return []


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


@dataclass
class _PlaceFacts:
    """What the briefing shows of each surface form, for `known_cities`."""

    places: set[str] = field(default_factory=set)  # countries and states named as places
    people: set[str] = field(default_factory=set)  # words of people's full names
    placed: set[str] = field(default_factory=set)  # forms shown as places (a label or a context)
    inside: set[str] = field(default_factory=set)  # words inside place names ("Chester County")
    speaking: set[str] = field(default_factory=set)  # subjects of verbs of speech
    common: set[str] = field(default_factory=set)  # "the X", capitals, nationalities

    def add(self, toks: tuple[Token, ...], sp: EntSpan) -> None:
        text = surface(toks, sp.start, sp.end)
        where = knowledge.place(text) if sp.label == "GPE" else None
        if where:
            self.places.add(where)
        if sp.label == "PERSON" and sp.end - sp.start >= 2:
            self.people.update(t.text for t in toks[sp.start:sp.end])
        if sp.label in ("GPE", "LOC") or evidence.place_signs(toks, sp.start, sp.end):
            self.placed.add(text)
        if sp.label in ("GPE", "LOC"):  # "Chester County", "South Austin": Chester, Austin too
            self.inside.update(t.text for t in toks[sp.start:sp.end] if t.text[:1].isupper())
        if labels.speaks(toks, sp.start, sp.end, SPEECH_VERBS):  # "Princeton said", "the company announced"
            self.speaking.add(text)
        if sp.start > 0 and toks[sp.start - 1].text.lower() == "the" or text.isupper() or knowledge.demonym(text):
            self.common.add(text)  # "the Pacific", "EU", "Canadian": a town of that name is not what is meant

    def is_place(self, text: str, label: str) -> bool:
        form = text.title() if text.isupper() else text
        if knowledge.place(text):
            return True
        if text in self.speaking:
            return False
        if (text in self.placed or text in self.inside) and label != "LOC" and knowledge.place_names(form) & self.places:
            return True
        return (text in self.placed or label == "LOC") and text not in self.common and \
            bool(knowledge.place_names(form, small=True) & self.places)


def known_cities(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Countries, US states, cities and towns the model labelled a person, an organisation, a group
    or a natural place. A country or state by its own name is a place whatever the model said
    ("Romania said", "Fresno, CA" read as a product). A city,
    town or village (of 1,000 people or more) is one when the briefing names its country or (US)
    state and shows it as a place somewhere: the model labels it one, "in"/"near" it, a state or
    country after it ("Evanston, Ill."), "the X area"; a town also needs a name never written "the
    X", in capitals or as a nationality ("the Pacific", "EU", "Canadian" are towns too). Never a name
    that speaks ("Princeton said") or is part of a person's name in the briefing."""
    facts = _PlaceFacts()
    for (a, si), sps in spans.items():
        for sp in sps:
            facts.add(parsed[a].segments[si].tokens, sp)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            text = surface(toks, sp.start, sp.end)
            if (sp.label in ("PERSON", "ORG", "NORP", "LOC") or sp.label != "GPE" and knowledge.place(text)) and \
                    text not in facts.people and \
                    not (sp.label == "PERSON" and toks[sp.end - 1].dep in ("nsubj", "nsubjpass")) and \
                    facts.is_place(text, sp.label):
                sps[n] = EntSpan(sp.start, sp.end, "GPE")


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


def join_first_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"Ashoka Mukpo" where the model marked only "Mukpo": a capitalised proper noun right before a
    one-word name the briefing mostly calls a person, itself in no name, no title, place or
    nationality, is the first name."""
    known = known_names(parsed, spans)
    people = {key for key, labels in known.items() if len(key) == 1 and labels.most_common(1)[0][0] == "PERSON"}
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            s = sp.start
            if sp.end - s != 1 or (fold(toks[s].text),) not in people or s == 0:
                continue
            first = toks[s - 1]
            if _is_propn(first) and not first.ws == "" and first.text.isalpha() and not first.text.isupper() and \
                    not _covered(sps, s - 1, s) and first.text.lower() not in TITLE_NOUNS and \
                    first.text.lower().rstrip(".") not in HONORIFICS and not knowledge.is_place(first.text) and \
                    not knowledge.demonym(first.text) and first.text not in CALENDAR_NAMES:
                sps[n] = EntSpan(s - 1, sp.end, "PERSON")


def drop_common_acronyms(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Capitals that are no name: a stock ticker ("(NYSE: BWF)" anywhere makes "BWF" one everywhere)
    and an abbreviated common noun ("its IPO", "an IPO", "IPOs")."""
    common = {word for pa in parsed for seg in pa.segments for t in seg.tokens
              if (word := _common_acronym(seg.tokens, t))}
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        sps[:] = [sp for sp in sps if not (sp.end - sp.start == 1 and toks[sp.start].text in common)]


def _common_acronym(toks: tuple[Token, ...], t: Token) -> str | None:
    """The acronym a token shows to be a ticker or a common noun, else None."""
    word = t.text.replace(".", "")
    if word[:-1].isupper() and word.endswith("s") and 3 <= len(word) <= 6:
        return word[:-1]  # "IPOs"
    if not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()) or t.i == 0:
        return None
    before = toks[t.i - 1].text.lower()
    ticker = before == ":" and t.i >= 3 and toks[t.i - 3].text == "(" and t.i + 1 < len(toks) and \
        toks[t.i + 1].text == ")"
    # "its IPO", not "a SEPTA manager" (the determiner is the manager's)
    return t.text if ticker or before in COMMON_DETERMINERS and toks[t.i - 1].head == t.i else None


COMMON_DETERMINERS = frozenset({"a", "an", "its", "their", "his", "her", "our", "your", "my", "every", "each"})


def drop_numbered_common_nouns(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """"Unit 3", "Reactor 4": a common noun (written in lower case elsewhere) and a number."""
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        sps[:] = [sp for sp in sps if not (sp.end - sp.start == 2 and toks[sp.end - 1].text.isdigit() and
                                           is_common_word(toks[sp.start].text, lower))]


def known_names(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]
                ) -> dict[tuple[str, ...], Counter]:
    """Every name in the briefing as its folded token sequence, with the labels it was given, in the
    order they were first given (before propagation, the votes `vote_labels` counts)."""
    known: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            known[tuple(fold(t.text) for t in toks[sp.start:sp.end])][sp.label] += 1
    return known


def propagate(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]],
              votes: dict[tuple[str, ...], Counter], lower: frozenset[str]) -> None:
    """Other occurrences of a name known anywhere in the briefing (`votes`: known_names of these
    spans) are mentions too, unless they sit inside a longer proper name; so is a person's surname
    alone. Known names are matched as token sequences, case-sensitively, with diacritics folded:
    one outlet's "Yılmaz" is another's "Yilmaz"."""
    known = defaultdict(Counter, votes)  # the surnames added here are no votes
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
                              if (sp := _occurrence(seg, folded, i, i + n, known, current, lower))), None)
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
                current: list[EntSpan], lower: frozenset[str]) -> EntSpan | None:
    """The known name at tokens [i, e) as a new span, or None: not known, in a date ("in May"), a
    one-word name opening a sentence as a common word ("Love ..."; a word the briefing never writes
    in lower case is the name there too), unless a person's signs show it there ("May said");
    already a mention, part of a longer one."""
    toks = seg.tokens
    key = tuple(folded[i:e])
    if e > len(toks) or key not in known:
        return None
    label = known[key].most_common(1)[0][0]
    shown = label == "PERSON" and evidence.person_signs(toks, i, e)  # "May said", "Price, 61,": the person
    if not shown and (_in_time(seg, i, e) or e - i == 1 and _common_word_opening(toks, i, lower)):
        return None
    inner = [sp for sp in current if sp.start < e and i < sp.end]
    if any(sp.start < i or sp.end > e or (sp.start, sp.end) == (i, e) for sp in inner):
        return None
    if _inside_longer_name(toks, i, e, [sp for sp in current if sp not in inner]):
        return None
    return EntSpan(i, e, label)


def _common_word_opening(toks: tuple[Token, ...], i: int, lower: frozenset[str]) -> bool:
    """A word opening a sentence, tagged no proper noun, that the briefing writes in lower case
    too ("Love won."); an acronym ("WHO said") is the name, whatever its tag."""
    tok = toks[i]
    return not tok.tag.startswith("NNP") and not tok.text.isupper() and sentence_start(toks, i) and \
        is_common_word(tok.text, lower)


def _in_time(seg: Parsed, s: int, e: int) -> bool:
    """Inside a date or time the model found ("in May", "May 5"); not a name it took alone for one
    ("Tarvo denial" beside "the Tarvo"), unless the name is a month's or a day's."""
    return any(ent.label in TIME_LABELS and ent.start <= s and e <= ent.end and
               ((ent.start, ent.end) != (s, e) or seg.tokens[s].text in CALENDAR_NAMES) for ent in seg.ents)


def sentence_start(toks: tuple[Token, ...], i: int) -> bool:
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


def vote_labels(parsed: list[ParsedArticle], spans: Spans, votes: dict[evidence.Key, Counter]) -> None:
    """One label per name across the briefing, by evidence (`choose_label`); a place nothing
    supports is no name (`unsupported_place`)."""
    ev = evidence.gather(parsed, spans)
    decided: dict[evidence.Key, str | None] = {}
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            key = evidence.key_of(toks, sp.start, sp.end)
            if key not in decided:
                label = choose_label(key, votes.get(key) or Counter([sp.label]), ev)
                decided[key] = None if label == "GPE" and unsupported_place(key, votes.get(key), ev) else label
            sps[n] = EntSpan(sp.start, sp.end, _label_here(toks, sp, key, decided[key], ev) or "")
        sps[:] = [sp for sp in sps if sp.label]


def _label_here(toks: tuple[Token, ...], sp: EntSpan, key: evidence.Key, label: str | None,
                ev: evidence.Evidence) -> str | None:
    """A word that is a person's surname and a word as well takes the reading its occurrence shows:
    "German said" beside the striker Kevin German is him, "the German team" the nationality."""
    if label == "PERSON" and sp.label != "PERSON" and _modifies_a_noun(toks, sp):
        return sp.label
    if label not in ("PERSON", None) and len(key) == 1 and any(full[-1] == key[0] for full in ev.person_names) and \
            evidence.person_signs(toks, sp.start, sp.end):
        return "PERSON"
    return label


def _modifies_a_noun(toks: tuple[Token, ...], sp: EntSpan) -> bool:
    """A one-word name modifying the lower-case noun after it with no person's sign there: "the
    German team" beside the striker Kevin German is the nationality."""
    tok = toks[sp.start]
    return sp.end - sp.start == 1 and tok.dep in ("amod", "compound") and tok.head == sp.end and \
        toks[sp.end].text.islower() and toks[sp.end].tag.startswith("NN") and \
        not evidence.person_signs(toks, sp.start, sp.end)


def unsupported_place(key: evidence.Key, counts: Counter | None, ev: evidence.Evidence) -> bool:
    """A place no data package knows, never in a place's context ("in X", "X County"), that the
    model called a place at fewer than half of the briefing's occurrences and the briefing never
    shows as a person: a disease, a technology ("the X outbreak", "X headsets"), not a name."""
    if ev.is_place(key) or ev.person_sign(key) or any(key[0] in full for full in ev.person_names):
        return False
    return 2 * (counts or Counter())["GPE"] < ev.occurrences[key]


def choose_label(key: evidence.Key, counts: Counter, ev: evidence.Evidence) -> str:
    """The label given most; a tie goes to the label the text supports (a person's signs, a place's,
    a kind noun), then to the label given first, never to the alphabet. PERSON needs a person's
    signs: without them it loses a tie and gives way to a kind or place the text shows. A name
    with what only people have (an honorific, an age, a relative) is a person unless it is a known
    place or names an organisation. A name without signs takes a kind the text shows often enough
    (`_kind_shown`)."""
    position = {label: n for n, label in enumerate(counts)}
    sign, kinds = ev.person_sign(key), ev.kinds_of(key)

    def supported(label: str) -> bool:
        return label == "PERSON" and sign > 0 or label in ("GPE", "LOC") and ev.is_place(key) or label in kinds

    ranked = sorted(counts, key=lambda label: (-counts[label], not supported(label), position[label]))
    best = ranked[0]
    if best == "PERSON" and not sign:
        rivals = [label for label in ranked[1:] if counts[label] == counts[best] or supported(label)]
        shown = [label for label, _ in kinds.most_common()]
        best = next(iter(rivals + shown), best)
    elif best != "PERSON" and sign == evidence.PERSONAL and not ev.is_place(key) and ev.can_be_a_person(key):
        best = "PERSON"
    elif not sign and kinds:
        best = _kind_shown(key, best, kinds, ev)
    return best


def _kind_shown(key: evidence.Key, best: str, kinds: Counter, ev: evidence.Evidence) -> str:
    """The kind the text shows at half of a name's occurrences or more ("the Pello complex", "a
    Velox SUV") over the model's label; but a place stays a place, and a name with an institution's
    head word keeps its label ("a Tarvo Airlines plane" is the airline's)."""
    kind, shown = kinds.most_common(1)[0]
    often = 2 * shown >= ev.occurrences[key]
    a_place = best in ("GPE", "LOC") and (kind in ("GPE", "LOC") or ev.is_place(key))
    headed = any(w.lower() in labels.ORGANISATION_HEADS for w in key)
    return kind if often and not a_place and not headed else best


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


