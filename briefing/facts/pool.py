"""What pairing needs to know about all the claims of a briefing (Pool): how common each date
is, how many articles there are, each article's figures of a thing and its counts of what
happened; with the kinds of claim that are figures (FIGURES) and a date's key (date_key)."""
from __future__ import annotations

import dataclasses
from collections import Counter

from .dates import unresolved_key
from .sentences import Extracted
from .status import allowed

FIGURES = frozenset({"number", "money", "percent", "duration", "age"})


@dataclasses.dataclass
class Pool:
    """What pairing needs to know about all the claims: how common each date is (a weekday said
    ten times needs more shared context), and how many articles there are."""

    dates: Counter  # date key -> claims
    articles: int = 0
    per_article: Counter = dataclasses.field(default_factory=Counter)  # (article, date key) -> claims
    events: Counter = dataclasses.field(default_factory=Counter)  # (article, event class) -> figures
    things: dict = dataclasses.field(default_factory=dict)  # (article, thing) -> that article's figures of it

    @classmethod
    def of(cls, items: list[Extracted]) -> "Pool":
        dated = [x for x in items if x.kind == "date"]
        things: dict[tuple[str, str], list[Extracted]] = {}
        for x in items:
            if x.kind in FIGURES and x.specific and not x.vague:
                for t in x.things - {x.unit}:
                    things.setdefault((x.claim.article, t), []).append(x)
        return cls(Counter(date_key(x) for x in dated), len({x.claim.article for x in items}),
                   Counter((x.claim.article, date_key(x)) for x in dated),
                   Counter((x.claim.article, e) for x in items if x.kind in FIGURES for e in x.events), things)

    def left_over(self, a: Extracted, b: Extracted) -> bool:
        """Are a and b the one figure of their thing each article gives that the other article
        does not ("the 20th floor" in both, then "the 7th floor" in one, "the 6th" in the other)?"""
        for t in (a.things & b.things) - {a.unit, b.unit}:
            mine = [x for x in self.things.get((a.claim.article, t), []) if not self._said(x, b.claim.article, t)]
            theirs = [x for x in self.things.get((b.claim.article, t), []) if not self._said(x, a.claim.article, t)]
            if mine == [a] and theirs == [b]:
                return True
        return False

    def _said(self, x: Extracted, article: str, thing: str) -> bool:
        """Does `article` give a figure of `thing` that agrees with x?"""
        lo, hi = allowed(x)
        return any(max(lo, l2) <= min(hi, h2) for y in self.things.get((article, thing), []) for l2, h2 in [allowed(y)])

    def kin(self, a: Extracted, b: Extracted) -> bool:
        """Do a and b count two different specific words that neither article sets against the
        other ("2,000 staff" in one, "2,100 employees" in the other, and no article counting
        both): two words for one thing, as far as the articles tell."""
        if not (a.specific and b.specific and a.things and b.things) or a.vague or b.vague or a.things & b.things:
            return False
        return not any((x.claim.article, t) in self.things for x, y in ((a, b), (b, a)) for t in y.things - {y.unit})

    def alone(self, x: Extracted) -> bool:
        """Is x its article's one count of what happened to them ("killed", "missing")?"""
        return bool(x.events) and all(self.events[(x.claim.article, e)] == 1 for e in x.events)


def date_key(x: Extracted) -> str:
    return x.claim.value if x.granularity else unresolved_key(x.claim.text)
