"""Alignment: claims compared only inside blocks (same speaker, same counted thing, shared rare
entities), so the work grows with the number of claims, not their square; the pairs with the
strongest evidence (evidence.py) are joined first, at most one claim per article in a fact, so
each article's claims are matched one to one with another's; a date left alone then joins the
row of its day whose accounts together share its event; each group with its confidence. rows.py
makes the groups the table's rows."""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from ..unionfind import UnionFind
from . import frames, matching, wording
from .dates import dates_agree, may_meet, unresolved_key
from .evidence import Evidence, evidence, joins_row
from .pool import FIGURES, Pool, date_key
from .sentences import Extracted, View

MAX_CANDIDATES = 20  # claims a claim is compared with inside a large block


def _keys(x: Extracted) -> list[tuple]:
    """What two claims of one block must share to be compared at all."""
    keys: list[tuple] = [("e", e) for e in sorted(x.entities)]
    if x.kind == "quote":
        keys += wording.keys(x)
    elif x.kind == "date":
        keys.append(("d", unresolved_key(x.claim.text)))  # the same words, resolved or not in their article
        keys += [("d", x.claim.value[:7])] * bool(x.granularity)
    else:
        keys.append(("v", x.claim.value))
        keys += [("t", t) for t in sorted(x.things)]
        keys += [("ev", e) for e in sorted(x.events)]  # what happened to them: one quantity whatever the values
    if x.verb:
        keys.append(("w", x.verb))
    return keys


def _candidates(members: list[int], items: list[Extracted]):
    """Pairs of claims from different articles worth scoring. A small block is compared in full;
    a large one through an index of shared keys, rarest key first, at most MAX_CANDIDATES per
    claim, so the work grows linearly with the block."""
    if len(members) <= MAX_CANDIDATES:
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if items[x].claim.article != items[y].claim.article:
                    yield x, y
        return
    index: dict[tuple, list[int]] = defaultdict(list)
    for n in members:
        for key in _keys(items[n]):
            index[key].append(n)
    for n in members:
        seen = {n}
        looked = 0  # claims examined, from any article: the cap holds when all come from one
        for key in sorted(_keys(items[n]), key=lambda k: (len(index[k]), k)):
            for m in index[key]:
                looked += 1
                if m not in seen and items[m].claim.article != items[n].claim.article:
                    seen.add(m)
                    if n < m:
                        yield n, m
                if len(seen) > MAX_CANDIDATES or looked > 4 * MAX_CANDIDATES:
                    break
            if len(seen) > MAX_CANDIDATES or looked > 4 * MAX_CANDIDATES:
                break


MARGIN = 30.0  # points of score (0.3 of sentence similarity) by which a pair must beat its rivals to be sure
DIFFER_MARGIN = 10.0  # two claims that differ join only when they beat every rival pair by this much
SURE = 1.0


@dataclasses.dataclass
class Group:
    """The claims of one fact, how sure the pairing is (0..1), and the evidence of each join."""

    members: list[Extracted]
    confidence: float = SURE
    joins: list[tuple[Extracted, Extracted, Evidence]] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Trace:
    """Every pair of claims compared, with its evidence (None: not comparable) and what became of
    it: what `briefing review --explain` shows."""

    pairs: list[tuple[Extracted, Extracted, Evidence | None, str]] = dataclasses.field(default_factory=list)


def align(items: list[Extracted], sents: View, trace: Trace | None = None) -> list[Group]:
    """Group claims into facts: the pairs with the strongest evidence first, at most one claim per
    article in a fact (a figure said twice in one article travels as one claim with two places).
    Two claims that differ join only when neither has a rival partner within DIFFER_MARGIN."""
    items = _restatements(items, sents)
    pool = Pool.of(items)
    pairs = _scored(items, sents, pool, trace)
    uf = UnionFind()
    articles = {n: {x.claim.article} for n, x in enumerate(items)}  # root -> articles in its group
    sure = _Confidence(items, pairs, uf)
    matched = _matched(pairs, items)
    for _, x, y, found in pairs:
        why = _join(uf, articles, items, x, y, sents, pool, found, sure) if (x, y) in matched else UNMATCHED
        if why == JOINED:
            sure.joined(x, y, found)
        if trace is not None:
            trace.pairs.append((items[x], items[y], found, why))
    _rows_joined(items, sents, uf, articles, sure, trace)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        groups[uf.find(n)].append(n)
    joins = sure.by_root()
    return [Group([items[k] for k in group], sure.of(group, joins.get(root, [])),
                  [(items[x], items[y], e) for x, y, e in joins.get(root, [])])
            for root, group in groups.items() if len(group) > 1 or not items[group[0]].paired_only]


JOINED = "joined"
UNMATCHED = "kept apart: matched one to one, each claim has a partner in the other article that fits the two better"


def _rows_joined(items: list[Extracted], sents: View, uf: UnionFind, articles: dict[int, set[str]],
                 sure: "_Confidence", trace: Trace | None) -> None:
    """After the pairs: a date no claim of another article took joins the row of its day whose
    outlets' accounts together share its event (evidence.joins_row), the row that shares most
    when no other shares as much; failing that, the row of a time its words may name ("earlier
    this month" and a row of "last week", dates.may_meet). Rows are found through their claims'
    words and days, so the work grows with the claims, not with claims times rows."""
    index: dict[str, set[int]] = defaultdict(set)  # a date's words or day -> claims in rows of two articles or more
    for n, x in enumerate(items):
        if x.kind == "date" and len(articles[uf.find(n)]) > 1:
            for key in _day_keys(x):
                index[key].add(n)
    for n, x in enumerate(items):
        if x.kind != "date" or uf.find(n) != n or len(articles[n]) > 1:
            continue
        keys = _day_keys(x)
        own = (m for key in keys for m in index.get(key, ()))
        near = (m for key, found in index.items() if may_meet(keys[0], key) for m in found)
        best = _best_row(x, _rows_of(own, x, uf, articles), items, sents, sure) or \
            _best_row(x, _rows_of(near, x, uf, articles), items, sents, sure)  # its own day first, then a time it may name
        if best is None:
            continue
        root, e = best
        if trace is not None:
            trace.pairs.append((x, items[root], e, ROW_JOINED))
        _union(uf, articles, sure, root, n)
        sure.joined(n, root, e)
        for key in keys:
            index[key].add(n)


def _rows_of(claims, x: Extracted, uf: UnionFind, articles: dict[int, set[str]]) -> list[int]:
    """The rows (roots) of these claims that x's article is not in yet, in order."""
    return sorted(r for r in {uf.find(m) for m in claims} if x.claim.article not in articles[r])


def _day_keys(x: Extracted) -> tuple[str, ...]:
    """What two dates that name one day have in common: their words, or the day they resolve to."""
    return (unresolved_key(x.claim.text), x.claim.value) if x.granularity else (unresolved_key(x.claim.text),)


def _best_row(x: Extracted, rows: list[int], items: list[Extracted], sents: View, sure: "_Confidence"
              ) -> tuple[int, Evidence] | None:
    """The row x joins (its root and the evidence): the one its event shares most with, unless
    another shares as much."""
    found = sorted(((e.score, root, e) for root in rows
                    for e in [joins_row(x, [items[m] for m in sure.members(root)], sents)] if e is not None),
                   key=lambda f: (-f[0], f[1]))
    if not found or (len(found) > 1 and found[1][0] == found[0][0]):
        return None
    return found[0][1], found[0][2]


ROW_JOINED = "joined the row of that day: its event shares words with the row's accounts together"


def _matched(pairs: list[tuple[float, int, int, Evidence]], items: list[Extracted]) -> set[tuple[int, int]]:
    """The pairs of each two articles' best one-to-one matching (matching.best): the most evidence in
    all, not the strongest pair first; all pairs of two articles with too many claims to match."""
    by_articles: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for neg, x, y, _ in pairs:
        if items[x].claim.article > items[y].claim.article:
            x, y = y, x
        by_articles[(items[x].claim.article, items[y].claim.article)].append((x, y, -neg))
    keep: set[tuple[int, int]] = set()
    for edges in by_articles.values():
        found = matching.best(edges)
        keep |= {(x, y) for x, y, _ in edges} if found is None else found
    return keep | {(y, x) for x, y in keep}


def _scored(items: list[Extracted], sents: View, pool: Pool, trace: Trace | None
            ) -> list[tuple[float, int, int, Evidence]]:
    """Every comparable pair of the blocks' candidates with its evidence, strongest first."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for n, x in enumerate(items):
        blocks[x.block].append(n)
    pairs: list[tuple[float, int, int, Evidence]] = []
    for members in blocks.values():
        for x, y in _candidates(members, items):
            found = evidence(items[x], items[y], sents, pool)
            if found is not None:
                pairs.append((-found.score, x, y, found))
            elif trace is not None:
                trace.pairs.append((items[x], items[y], None, "not comparable"))
    pairs.sort(key=lambda p: p[:3])
    return pairs


def _join(uf: UnionFind, articles: dict[int, set[str]], items: list[Extracted], x: int, y: int, sents: View,
          pool: Pool, found: Evidence, sure: "_Confidence") -> str:
    """Join the groups of x and y when one claim per article holds and the groups are comparable;
    say why not otherwise. A difference must be clear: no rival pair of either claim within
    DIFFER_MARGIN."""
    rx, ry = uf.find(x), uf.find(y)
    if rx == ry:
        return "already one fact"
    if articles[rx] & articles[ry]:
        return "kept apart: a better-matching claim of the same article is already in the fact"
    if not found.agree and items[x].kind in FIGURES:
        rival = max((r for r in (sure.rival(x, y), sure.rival(y, x)) if r is not None), default=None)
        if rival is not None and found.score - rival < DIFFER_MARGIN:
            return f"kept apart: the values differ and a rival pair scores {rival:.0f}, too close to tell"
    if (rx, ry) != (x, y) and not _joinable(items, sure.members(rx), sure.members(ry), sents, pool):
        return "kept apart: the facts they belong to are not comparable"
    _union(uf, articles, sure, rx, ry)
    return JOINED


def _union(uf: UnionFind, articles: dict[int, set[str]], sure: "_Confidence", rx: int, ry: int) -> None:
    """Two facts (their roots) become one: its articles, and its confidence (_Confidence.merged)."""
    joined = uf.union(rx, ry)
    articles[joined] = articles.pop(rx) | articles.pop(ry)
    sure.merged(rx, ry, joined)


def _joinable(items: list[Extracted], left: list[int], right: list[int], sents: View, pool: Pool) -> bool:
    """May two groups become one fact? Dates: each claim of one may name the time of each of the
    other's ("today" and "Tuesday" never with "Wednesday"), their first claims as finely, the events
    being linked through the pair that joins them ("pushing the stroller Thursday" - "died
    Thursday when the stroller plunged" - "plunging down the shaft Thursday"). Times: always, one
    event's times linked pair by pair. Figures and quotes: each claim of the smaller group is
    comparable with at least half of the other's."""
    a, b = items[min(left)], items[min(right)]
    if a.kind == "date":
        return a.granularity == b.granularity and all(dates_agree(items[m], items[n]) for m in left for n in right)
    if a.kind == "time":
        return True
    small, large = sorted((left, right), key=len)
    return all(2 * sum(evidence(items[m], items[n], sents, pool) is not None for n in large) >= len(large)
               for m in small)


class _Confidence:
    """How sure a grouping is, 0..1: 1 when each join beats every rival pair by MARGIN points or
    more (a rival: the same claim with another claim of the partner's article that nothing better
    took); down to 0.5 for a tie; never more than its band's trust (evidence.WEAK_BANDS). A claim
    left single is as sure as the pair that took its best candidate's partner was stronger."""

    def __init__(self, items: list[Extracted], pairs, uf: UnionFind):
        self.items = items
        self.candidates: dict[int, list[tuple[float, int]]] = defaultdict(list)  # claim -> (score, other)
        for neg, x, y, _ in pairs:
            self.candidates[x].append((-neg, y))
            self.candidates[y].append((-neg, x))
        self.taken: dict[tuple[int, str], float] = {}  # (claim, article) -> score of its join toward it
        self.joins: list[tuple[int, int, Evidence]] = []
        self.groups: dict[int, list[int]] = {}  # root -> its claims, for groups of two or more
        self.uf = uf

    def members(self, root: int) -> list[int]:
        """The claims of the group whose root is `root`."""
        return self.groups.get(root, [root])

    def merged(self, rx: int, ry: int, root: int) -> None:
        self.groups[root] = self.groups.pop(rx, [rx]) + self.groups.pop(ry, [ry])

    def joined(self, x: int, y: int, found: Evidence) -> None:
        self.joins.append((x, y, found))
        self.taken[(x, self.items[y].claim.article)] = found.score
        self.taken[(y, self.items[x].claim.article)] = found.score

    def rival(self, x: int, partner: int) -> float | None:
        """The best score of x with another claim of its partner's article that was free."""
        art = self.items[partner].claim.article
        mine = self.items[x].claim.article
        found = [s for s, m in self.candidates[x] if m != partner and self.items[m].claim.article == art
                 and self.taken.get((m, mine), -1.0) < s]
        return max(found, default=None)

    @staticmethod
    def _clear(score: float, rival: float | None) -> float:
        if rival is None:
            return SURE
        return max(0.0, min(SURE, 0.5 + 0.5 * (score - rival) / MARGIN))

    def by_root(self) -> dict[int, list[tuple[int, int, Evidence]]]:
        found: dict[int, list[tuple[int, int, Evidence]]] = defaultdict(list)
        for x, y, e in self.joins:
            found[self.uf.find(x)].append((x, y, e))
        return found

    def of(self, group: list[int], joins: list[tuple[int, int, Evidence]]) -> float:
        if len(group) == 1:
            return self._single(group[0])
        sure = [min(self._clear(e.score, self.rival(x, y)), self._clear(e.score, self.rival(y, x)), e.trust)
                for x, y, e in joins]
        return round(min(sure, default=SURE), 2)

    def _single(self, n: int) -> float:
        """A claim left alone: as sure as its best candidates' partners were better taken."""
        mine = self.items[n].claim.article
        sure = [self._clear(self.taken.get((m, mine), s), s) for s, m in self.candidates[n]]
        return round(min(sure, default=SURE), 2)


def _restatements(items: list[Extracted], sents: View) -> list[Extracted]:
    """The same figure of the same thing said again in one article ("the 23rd floor" twice, "at
    least 50 miles" and "a 50-mile zone"), or the same day of the same event ("the attack …
    Sunday", "the shooting took place Sunday"), joins the first saying as one more place, with its
    words added to the context."""
    out: list[Extracted] = []
    first: dict[tuple, list[int]] = defaultdict(list)
    for x in items:
        if x.kind in FIGURES and not x.vague and x.things and (x.specific or x.kind == "age" or "distance" in x.things):
            key = (x.claim.article, x.kind, re.sub(r"^(min|max|approx) ", "", x.claim.value), x.unit, x.speaker)
            k = next((k for k in first[key] if out[k].things & x.things), None)
        elif x.kind == "date":
            key = (x.claim.article, x.kind, date_key(x))
            k = next((k for k in first[key] if frames.overlap(out[k].frame, x.frame, sents) >= frames.CLASS_WEIGHT),
                     None)
        else:
            out.append(x)
            continue
        if k is not None:
            rep = out[k]
            out[k] = dataclasses.replace(rep, also=rep.also + (x.claim,), context=rep.context | x.context,
                                         events=rep.events | x.events, things=rep.things | x.things,
                                         frame=rep.frame | x.frame)
            continue
        first[key].append(len(out))
        out.append(x)
    return out


