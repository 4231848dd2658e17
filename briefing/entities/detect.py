"""Names the model saw nowhere in the briefing, found by what the text and the data packages show.

A town the small pipeline leaves untagged ("in the city of Tarvik", "a home in Tarvik") is a place
when the word is a proper noun standing alone (no name word beside it, no span over it), never
written in lower case in the briefing, shown as a place where it stands (a preposition of place,
"the city of X", a state after it), and GeoNames knows a town of that name (1,000 people or more)
in a country or US state the briefing names as a place. Propagation then carries the new name to
its other occurrences.
"""
from __future__ import annotations

from ..model import EntSpan, ParsedArticle, Token
from ..words import knowledge
from ..words.english import HONORIFICS, MONTHS, TITLE_NOUNS, WEEKDAYS
from .evidence import AREA_NOUNS, place_signs
from .propagate import Spans, is_common_word, surface


def unseen_places(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """Add a GPE span over each lone proper noun that is a town of the briefing's countries or
    states, shown as a place where it stands."""
    named = {where for (a, si), sps in spans.items() for sp in sps if sp.label == "GPE"
             for where in [knowledge.place(surface(parsed[a].segments[si].tokens, sp.start, sp.end))] if where}
    if not named:
        return
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        covered = {i for sp in sps for i in range(sp.start, sp.end)}
        found = [EntSpan(t.i, t.i + 1, "GPE") for t in toks
                 if t.i not in covered and _lone_proper_noun(toks, t, covered, lower) and _shown_as_place(toks, t.i)
                 and knowledge.place_names(t.text, small=True) & named]
        if found:
            sps[:] = sorted(sps + found, key=lambda sp: sp.start)


def _lone_proper_noun(toks: tuple[Token, ...], t: Token, covered: set[int], lower: frozenset[str]) -> bool:
    """A capitalised proper noun of letters, not in capitals, with no capitalised word or name
    beside it, that the briefing never writes in lower case and that is no title, month or day."""
    if t.tag != "NNP" or not t.text.isalpha() or not t.text[:1].isupper() or t.text.isupper():
        return False
    if is_common_word(t.text, lower) or t.text.lower().rstrip(".") in HONORIFICS | TITLE_NOUNS or \
            t.text in MONTHS + WEEKDAYS:
        return False
    return not any(0 <= j < len(toks) and (j in covered or toks[j].text[:1].isupper() and toks[j].tag == "NNP")
                   for j in (t.i - 1, t.i + 1))


def _shown_as_place(toks: tuple[Token, ...], i: int) -> bool:
    """"in X", "near X", "X, Ill.", "the city of X"."""
    return place_signs(toks, i, i + 1) or i >= 2 and toks[i - 1].text == "of" and toks[i - 2].text in AREA_NOUNS
