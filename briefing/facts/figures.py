"""The values the figure readers pass between them: a figure as written (Figure), where it is read
(Site) and what it measures (Reading). numbers.py finds figures, meanings.py and ages.py read them."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import ParsedArticle, Token
from .sentences import View


@dataclass(frozen=True)
class Reading:
    """What a number measures."""

    kind: str  # number, age, duration, money, percent
    end: int  # token after the phrase the claim covers
    subject: str  # the row label: "runners", "Anna Ostrander: age"
    things: frozenset[str] = frozenset()  # the counted thing: lemma, compounds, synonym class
    unit: str = ""  # "year", "km", "$"
    scale: float = 1.0  # the unit's size in the kind's base unit (days, kilometres)
    person: str = ""  # ages: whose (an entity id)
    specific: bool = False


@dataclass(frozen=True)
class Figure:
    """A figure at tokens [i, j) of a segment as written: its value, and its qualifier ("more
    than") starting at token `qs`."""

    i: int
    j: int
    value: tuple[float, float]
    qual: str | None = None
    qs: int = 0
    ordinal: bool = False  # "23rd"
    vague: bool = False  # "hundreds", "several hundred"
    ranged: bool = False  # "10 to 15": a range said, not a rounded figure
    times: bool = False  # "once", "twice": how many times something happened
    cut: int = 0  # characters of token i that are the figure, when it is glued to a word ("14,and")
    tail: int = 0  # the token after a half said after the unit ("a mile and a half"), else 0


@dataclass(frozen=True)
class Site:
    """Where figures are read: a segment of an article, the briefing's view, the tokens of names."""

    pa: ParsedArticle
    si: int
    sents: View
    mention_tokens: set[int]

    @property
    def toks(self) -> tuple[Token, ...]:
        return self.pa.segments[self.si].tokens
