"""Names the model saw nowhere in the briefing, found by what the text and the data packages show.

A town the small pipeline leaves untagged ("in the city of Tarvik", "a home in Tarvik") is a place
when the word is a proper noun standing alone (no name word beside it, no span over it), never
written in lower case in the briefing, shown as a place where it stands (a preposition of place,
"the city of X", a state after it), and GeoNames knows a town of that name (1,000 people or more)
in a country or US state the briefing names as a place. Propagation then carries the new name to
its other occurrences. A lone proper noun no name holds, which two articles capitalise
mid-sentence and the briefing never writes in lower case ("on his Quorvo page"), is a name too.
Two or three name words no span holds, with what only people have beside them ("Veln Ha-jun,
the director of the institute,"), are a person.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import EntSpan, ParsedArticle, Token
from ..words import knowledge
from . import labels
from .evidence import PERSONAL, person_signs, place_signs
from .labels import after_a_place_noun
from .names import fold
from .places import named_places
from .tokens import Spans, each_segment, is_common_word, name_word, sentence_start


def unseen_places(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """Add a GPE span over each lone proper noun that is a town of the briefing's countries or
    states, shown as a place where it stands."""
    named = named_places(parsed, spans)
    if not named:
        return
    for toks, sps in each_segment(parsed, spans):
        covered = {i for sp in sps for i in range(sp.start, sp.end)}
        found = [EntSpan(t.i, t.i + 1, "GPE") for t in toks
                 if t.i not in covered and _lone_proper_noun(toks, t, covered, lower) and _shown_as_place(toks, t.i)
                 and knowledge.place_names(t.text, within=named) & named]
        if found:
            sps[:] = sorted(sps + found, key=lambda sp: sp.start)


def unseen_names(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """Add a span over each occurrence of a lone proper noun that no name of the briefing holds
    and the model put in no entity, not opening a sentence, when at least two articles write it
    so: another outlet capitalising the word too is the evidence that it is a name ("on his Quorvo
    page"). Its label is ORG, a website, a company or an app being what news names most without
    a pattern; the briefing's evidence votes it later (a person's signs make a person)."""
    words = {fold(t.text) for toks, sps in each_segment(parsed, spans) for sp in sps for t in toks[sp.start:sp.end]}
    where: dict[str, set[int]] = defaultdict(set)
    found: list[tuple[tuple[int, int], int, str]] = []
    for (a, si), sps in spans.items():
        seg = parsed[a].segments[si]
        taken = {i for sp in list(sps) + list(seg.ents) for i in range(sp.start, sp.end)}
        for t in seg.tokens:
            if t.i not in taken and fold(t.text) not in words and not sentence_start(seg.tokens, t.i) and \
                    _lone_proper_noun(seg.tokens, t, taken, lower) and not knowledge.demonym(t.text) and \
                    not knowledge.is_place(t.text):
                where[t.text].add(a)
                found.append(((a, si), t.i, t.text))
    touched = set()
    for key, i, text in found:
        if len(where[text]) >= 2:
            spans[key].append(EntSpan(i, i + 1, "ORG"))
            touched.add(key)
    for key in touched:
        spans[key].sort(key=lambda sp: sp.start)


def _lone_proper_noun(toks: tuple[Token, ...], t: Token, covered: set[int], lower: frozenset[str]) -> bool:
    """A capitalised proper noun of letters, not in capitals, with no capitalised word or name
    beside it, that the briefing never writes in lower case and that is no title, month or day."""
    if t.tag != "NNP" or not name_word(t) or is_common_word(t.text, lower):
        return False
    return not any(0 <= j < len(toks) and (j in covered or toks[j].text[:1].isupper() and toks[j].tag == "NNP")
                   for j in (t.i - 1, t.i + 1))


def _shown_as_place(toks: tuple[Token, ...], i: int) -> bool:
    """"in X", "near X", "X, Ill.", "the city of X"."""
    return place_signs(toks, i, i + 1) or after_a_place_noun(toks, i)


def unseen_people(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Add a PERSON span over a run of two or three name words the model put in no entity that is
    shaped like a person's name (a hyphenated given name counted once: "Veln Ha-jun") and shows
    what only people have where it stands: a job title or an honorific before it, an age or a job
    title in apposition ("Veln Ha-jun, the head of the institute, said"), a relative."""
    for (a, si), sps in spans.items():
        seg = parsed[a].segments[si]
        taken = {i for sp in list(sps) + list(seg.ents) for i in range(sp.start, sp.end)}
        found = [sp for sp in _name_runs(seg.tokens, taken)
                 if labels.person_shaped(sp, seg.tokens) and person_signs(seg.tokens, sp.start, sp.end) == PERSONAL]
        if found:
            sps[:] = sorted(sps + found, key=lambda sp: sp.start)


def _name_runs(toks: tuple[Token, ...], taken: set[int]) -> list[EntSpan]:
    """Runs of name words no span holds nor touches, a word's hyphenated lower-case part included
    ("Ha-jun")."""
    runs, i = [], 0
    while i < len(toks):
        e = i
        while e < len(toks) and e not in taken and name_word(toks[e]):
            e += 3 if _glued_lower_part(toks, e, taken) else 1
        if e > i and i - 1 not in taken and e not in taken:  # no part of a longer name
            runs.append(EntSpan(i, e, "PERSON"))
        i = max(e, i + 1)
    return runs


def _glued_lower_part(toks: tuple[Token, ...], i: int, taken: set[int]) -> bool:
    """A hyphen and a lower-case word written together with the word at `i`: "Ha-jun"."""
    return i + 2 < len(toks) and toks[i + 1].text == "-" and not toks[i].ws and not toks[i + 1].ws and \
        i + 2 not in taken and toks[i + 2].text.isalpha() and toks[i + 2].text.islower()
