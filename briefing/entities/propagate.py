"""Names over the whole briefing, over plain tokens: a name known anywhere is a name everywhere
(`propagate`, also inside hyphenated words: `hyphen_parts`), a person's surname alone too; then one
label per name (`vote_labels`) by the votes the spans gave and what `evidence` finds, and a place
nothing supports is no name.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import EntSpan, Mention, Parsed, ParsedArticle, Token
from ..words import knowledge
from ..words.english import CALENDAR_NAMES, TITLE_NOUNS
from . import evidence, labels
from .names import fold
from .tokens import Spans, covered, each_segment, is_common_word, known_names, sentence_span, sentence_start

TIME_LABELS = frozenset({"DATE", "TIME"})


def _is_propn(tok: Token) -> bool:
    return tok.tag in ("NNP", "NNPS") and tok.text[:1].isupper()


def propagate(parsed: list[ParsedArticle], spans: Spans, votes: dict[tuple[str, ...], Counter],
              lower: frozenset[str]) -> None:
    """Other occurrences of a name known anywhere in the briefing (`votes`: known_names of these
    spans) are mentions too, unless they sit inside a longer proper name; so is a person's surname
    alone. Known names are matched as token sequences, case-sensitively, with diacritics folded:
    one outlet's "Yılmaz" is another's "Yilmaz"."""
    known = defaultdict(Counter, votes)  # the surnames added here are no votes
    _add_surnames(known)
    _add_short_company_names(known)
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


def _add_short_company_names(known: dict[tuple[str, ...], Counter]) -> None:
    """"Corvin Seeds" after "Corvin Seeds Ltd.": an organisation's name without its legal form is a
    known name too."""
    for key, labels in list(known.items()):
        short = evidence.without_its_legal_form(key) if labels.most_common(1)[0][0] == "ORG" else None
        if short and short not in known:
            known[short]["ORG"] += 1


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


def _inside_longer_name(toks: tuple[Token, ...], s: int, e: int, spans: list[EntSpan]) -> bool:
    def glued(t: Token) -> bool:
        return _is_propn(t) and t.text.lower() not in TITLE_NOUNS and not covered(spans, t.i, t.i + 1)

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
    """One label per name across the briefing, by evidence (`choose_label`); a surname that is no
    place counts its full names' occurrences as votes for the person (`_full_name_votes`); a place
    nothing supports is no name (`unsupported_place`)."""
    ev = evidence.gather(parsed, spans)
    counts: dict[evidence.Key, Counter] = {}
    for toks, sps in each_segment(parsed, spans):
        for sp in sps:
            key = evidence.key_of(toks, sp.start, sp.end)
            counts.setdefault(key, votes.get(key) or Counter([sp.label]))
    people = _full_name_votes(counts, ev)
    decided: dict[evidence.Key, str | None] = {}
    for key, c in counts.items():
        label = choose_label(key, c if ev.is_place(key) else c + Counter({"PERSON": people[key]}), ev)
        decided[key] = None if label == "GPE" and unsupported_place(key, votes.get(key), ev) else label
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            key = evidence.key_of(toks, sp.start, sp.end)
            sps[n] = EntSpan(sp.start, sp.end, _label_here(toks, sp, key, decided[key], ev) or "")
        sps[:] = [sp for sp in sps if sp.label]


def _full_name_votes(counts: dict[evidence.Key, Counter], ev: evidence.Evidence) -> Counter:
    """A name's last words -> the occurrences of the longer names ending in them that the briefing
    calls a person ("Jo Roe", "Ms Roe" for "Roe"): each names the person by the surname too, so a
    surname the model tagged a law once and an organisation once beside "Jo Roe" twice is her. Not
    a hyphenated name's last part ("Rahm" of "Al-Rahm")."""
    people = Counter()
    for key, c in counts.items():
        if len(key) >= 2 and choose_label(key, c, ev) == "PERSON":
            for n in range(1, len(key)):
                if key[-n - 1] not in ("-", "–"):
                    people[key[-n:]] += ev.occurrences[key]
    return people


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
    signs: without them it loses a tie and gives way to a kind or place the text shows ("fans in
    X": GPE, even with no other label given). A name
    with what only people have (an honorific, an age, a relative) is a person unless it is a known
    place or names an organisation. A name without signs takes a kind the text shows often enough
    (`_kind_shown`); a facility that speaks is the organisation that runs it (`_speaking_facility`)."""
    position = {label: n for n, label in enumerate(counts)}
    sign, kinds = ev.person_sign(key), ev.kinds_of(key)

    def supported(label: str) -> bool:
        return label == "PERSON" and sign > 0 or label in ("GPE", "LOC") and ev.is_place(key) or label in kinds

    ranked = sorted(counts, key=lambda label: (-counts[label], not supported(label), position[label]))
    best = ranked[0]
    if best == "PERSON" and not sign:
        rivals = [label for label in ranked[1:] if counts[label] == counts[best] or supported(label)]
        shown = [label for label, _ in kinds.most_common()] + (["GPE"] if key in ev.place else [])
        best = next(iter(rivals + shown), best)
    elif best != "PERSON" and (sign == evidence.PERSONAL or ev.surname_shown(key)) and not ev.is_place(key) and \
            ev.can_be_a_person(key):
        best = "PERSON"
    elif not sign and kinds:
        best = _kind_shown(key, best, kinds, ev)
    return _organisation_shown(key, _no_person_shown(key, _speaking_facility(key, best, ev), ev), ev)


def _speaking_facility(key: evidence.Key, best: str, ev: evidence.Evidence) -> str:
    """A facility that speaks somewhere in the briefing is the organisation that runs it ("Orvo
    said" beside "the Orvo and Castel stations"); not a name with a facility's head word ("Tarvo
    Airport said")."""
    speaks = ev.person.get(key, 0) >= evidence.SPEAKS
    return "ORG" if best == "FAC" and speaks and key[-1].lower() not in labels.FACILITY_HEADS else best


def _no_person_shown(key: evidence.Key, best: str, ev: evidence.Evidence) -> str:
    """A one-word name with no person's sign, no known place, that is no word of a person's full
    name in the briefing, singular or plural ("the Ostranders" beside "Dan Ostrander" are his family),
    is a team where the text names its coach or players ("Velo coach", "a Velo goalie"). Not a name
    written after "the" alone: people have such nicknames and stage names too ("the Ghostwriter")."""
    if len(key) != 1 or ev.person_sign(key) or ev.is_place(key) or _in_a_persons_name(key[0], ev):
        return best
    return "ORG" if key in ev.team and best in ("PERSON", "NORP", "LOC", "GPE") else best


def _in_a_persons_name(word: str, ev: evidence.Evidence) -> bool:
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return any(forms.intersection(full) for full in ev.person_names)


def _organisation_shown(key: evidence.Key, best: str, ev: evidence.Evidence) -> str:
    """A name the model called a place that the text shows as an organisation ("Verania's chief
    executive", "Velo users") or as someone told something ("told Veldana"; a person's signs make a
    person) is an organisation, unless a data package or the text shows it as a place; a place's
    context an organisation takes too ("an inquiry into Verania", "across Velo") does not, for
    what only an organisation has. So is a name called a person with an organisation's signs and
    no person's ("took to Velo")."""
    if best == "PERSON":
        return "ORG" if key in ev.organisation and not ev.person_sign(key) else best
    if best not in ("GPE", "LOC") or knowledge.is_place(" ".join(key)) or key in ev.firmly_placed:
        return best
    return "ORG" if key in ev.organisation or key in ev.listeners and key not in ev.place else best


def _kind_shown(key: evidence.Key, best: str, kinds: Counter, ev: evidence.Evidence) -> str:
    """The kind the text shows at half of a name's occurrences or more ("the Pello complex", "a
    Kessel RIB") over the model's label; but a place stays a place."""
    kind, shown = kinds.most_common(1)[0]
    often = 2 * shown >= ev.occurrences[key]
    a_place = best in ("GPE", "LOC") and (kind in ("GPE", "LOC") or ev.is_place(key))
    return kind if often and not a_place else best


def hyphen_parts(parsed: list[ParsedArticle], spans: Spans) -> list[Mention]:
    """Known names inside a hyphenated token: "U.S.-Russia talks", "pro-Assad fighters"."""
    known = known_names(parsed, spans)
    out = []
    for (a, si), sps in sorted(spans.items()):
        pa = parsed[a]
        for tok in pa.segments[si].tokens:
            if "-" not in tok.text.strip("-") or covered(sps, tok.i, tok.i + 1):
                continue
            for part in re.finditer(r"[^-\[\](){}\"“”]+", tok.text):
                labels = known.get((fold(part.group()),))
                if labels and part.group()[:1].isupper():
                    start = tok.start + part.start()
                    out.append(Mention(pa.article.id, si, tok.i, tok.i + 1, start, start + len(part.group()),
                                       part.group(), labels.most_common(1)[0][0],
                                       sentence_span(pa.segments[si], tok.i)))
    return out
