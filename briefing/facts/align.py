"""Alignment: claims compared only inside blocks (same speaker, same counted thing, shared rare
entities), so the work grows with the number of claims, not their square; the best-scoring pairs
are joined first, at most one claim per article in a fact; then each fact's status."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter, defaultdict

from slugify import slugify

from ..model import Diagnostic, Fact
from ..reading.overrides import Rules
from ..unionfind import UnionFind
from . import frames
from .dates import dates_agree, is_bare, unresolved_key
from .lexicon import LENGTH_UNITS
from . import quotes
from .sentences import Extracted, View

ENTITY_SUPPORT = 2.0  # summed weight of shared entities that makes two claims one fact


# Context similarity (0..1, see View.similarity) two claims need to be paired.
SAME_DATE_CONTEXT = 0.12  # the same date: some shared words of the event
COMMON_DATE_CONTEXT = 0.2  # the same weekday said more than COMMON_DATE times in the briefing: more of them
COMMON_DATE = 3
DAY_NAMED = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
OTHER_DATE_CONTEXT = 0.40  # two different dates of one event: the same verb and much of the sentence
SAME_FIGURE_CONTEXT = 0.10  # the same figure of things of no known kind
OTHER_FIGURE_CONTEXT = 0.30  # two different figures of the same thing
LENGTH_TOLERANCE = 0.1  # "20 km" and "12 miles": a conversion rounds


@dataclasses.dataclass
class Pool:
    """What pairing needs to know about all the claims: which figures share their thing and event
    with another figure of the same article (so a different value there says nothing), and how
    common each date is (a weekday said ten times needs more shared context)."""

    crowded: set[int]  # id() of such figures
    dates: Counter  # date key -> claims
    articles: int = 0

    @classmethod
    def of(cls, items: list[Extracted]) -> "Pool":
        sigs = Counter((x.claim.article, _signature(x)) for x in items if x.kind in FIGURES)
        crowded = {id(x) for x in items if x.kind in FIGURES and sigs[(x.claim.article, _signature(x))] > 1}
        return cls(crowded, Counter(_date_key(x) for x in items if x.kind == "date"),
                   len({x.claim.article for x in items}))


FIGURES = frozenset({"number", "money", "percent", "duration", "age"})


def _signature(x: Extracted) -> tuple:
    return x.kind, x.unit in LENGTH_UNITS or x.unit, x.things, x.events if not x.specific else frozenset()


def _date_key(x: Extracted) -> str:
    return x.claim.value if x.granularity else unresolved_key(x.claim.text)


def _pair_score(a: Extracted, b: Extracted, sents: View, pool: Pool) -> float | None:
    """How sure we are that a and b state the same fact; None when they are not comparable."""
    if a.kind == "quote":
        return quotes.pair_score(a, b)
    sim = sents.similarity(a.context, b.context)
    support = min(sents.support(a.entities, b.entities), 2 * ENTITY_SUPPORT)
    if a.kind == "date":
        # the same date of the same event; a different date only for the very same event
        if dates_agree(a, b) and (is_bare(a.claim.text) or is_bare(b.claim.text)):
            # "Monday", "last week": said of many things; the same day only for the same event
            shared = frames.same_event(a.frame, b.frame, sents)
            same = 20 if a.granularity == b.granularity else 0  # "this month" with "later this month" first
            return 150 + same + 10 * shared + sim if shared else None
        if dates_agree(a, b):
            common = max(pool.dates[_date_key(a)], pool.dates[_date_key(b)]) > COMMON_DATE
            floor = COMMON_DATE_CONTEXT if common else SAME_DATE_CONTEXT
            if a.granularity == b.granularity == "day" and DAY_NAMED.search(a.claim.text) and \
                    DAY_NAMED.search(b.claim.text) and pool.dates[_date_key(a)] <= pool.articles:
                floor = 0.0  # "Feb. 21" in each article, once: a rare day needs no more
            same = 50 if a.granularity == b.granularity else 0  # "1991" with "1991" before "the early 90s"
            if sim >= floor or (support >= ENTITY_SUPPORT and not common):
                return 150 + same + 100 * sim + support
            # a named day, month or year is rarer than a weekday: one word or class of the event will do
            shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)  # "freed in 2013", "released …"
            return 140 + same + 10 * shared if shared else None
        if not a.granularity or not b.granularity:
            return None  # unresolved and worded differently: nothing says they differ
        same_event = a.verb and a.verb == b.verb and sim >= OTHER_DATE_CONTEXT
        return 80 + 100 * sim + support if same_event else None
    if a.kind == "equipment":
        return 100 + support
    if a.kind == "time":  # a time of day of the same event; a different one only for a closely linked event
        if _overlap([a, b]):
            shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)
            return 150 + 10 * shared + 100 * sim if shared or sim >= SAME_DATE_CONTEXT else None
        shared = frames.same_event(a.frame, b.frame, sents)
        return 80 + 10 * shared + 100 * sim if shared and id(a) not in pool.crowded and id(b) not in pool.crowded \
            else None
    differ_ok = id(a) not in pool.crowded and id(b) not in pool.crowded
    return _figure_score(a, b, sim, support, differ_ok)


def _figure_score(a: Extracted, b: Extracted, sim: float, support: float, differ_ok: bool) -> float | None:
    """Figures: the same value of the same thing first; the thing's words and the event second."""
    if a.vague or b.vague:  # "thousands" pairs only with "thousands", about the same event
        if a.claim.value != b.claim.value or sim < SAME_FIGURE_CONTEXT * 2:
            return None
        return 60 + 100 * sim
    if a.unit != b.unit and not (a.unit in LENGTH_UNITS and b.unit in LENGTH_UNITS) and a.kind != "duration":
        # "a 9.0 quake" and "a 9.0-magnitude quake": a unit one of them leaves out
        if a.unit and b.unit or not (a.things & b.things and a.low == b.low and a.high == b.high):
            return None
    tolerance = LENGTH_TOLERANCE if a.unit != b.unit else 0.0
    overlap = _overlap([a, b], tolerance)
    exact = a.low == b.low and a.high == b.high
    shared = bool(a.things & b.things)
    if a.kind == "age":
        if a.speaker and b.speaker:  # two named people: the same one, or no pair
            return 120 + 10 * overlap if a.speaker == b.speaker else None
        # "the 27-year-old suspect" and "Ana Ruiz, 27": the same age of the same kind of person
        return 90 + 100 * sim if exact and shared else None
    if a.events and b.events and not a.events & b.events:
        return None  # "killed" and "homeless": two different things happened to them
    events = bool(a.events & b.events)
    if overlap:
        exact_bonus = 20 if exact else 0
        if shared and a.specific and b.specific:
            return 110 + exact_bonus + 100 * sim + support
        if (shared or not a.things or not b.things) and (events or (a.verb and a.verb == b.verb)):
            return 100 + 100 * sim + support
        if a.kind in ("money", "percent", "duration") and sim >= SAME_FIGURE_CONTEXT:
            return 90 + 100 * sim + support
        if exact and a.low >= 13 and sim >= SAME_FIGURE_CONTEXT:  # a rare figure of things worded differently
            return 80 + 100 * sim + support
        if shared and sim >= SAME_FIGURE_CONTEXT:
            return 80 + 100 * sim + support
        said = {a.low, a.high} & {b.low, b.high} - {0.0, math.inf}
        if "distance" in a.things & b.things and said and (sim or support >= ENTITY_SUPPORT / 2):
            return 70 + 100 * sim + support  # "at least 8 km from the track", "an 8-km cordon"
        return None
    # different figures: one thing, one event, much of the sentence alike, and no other figure of
    # that thing and event in either article
    if differ_ok and shared and a.kind == "duration" and a.specific and b.specific:
        return 60 + 100 * sim + support  # the one age of one named thing in each: "a four-year war"
    if differ_ok and shared and (a.specific or events) and sim >= OTHER_FIGURE_CONTEXT:
        return 50 + 100 * sim + support
    if differ_ok and events and (shared or not a.things or not b.things):
        return 40 + 100 * sim + support  # the one count of people killed, missing, … in each: "10,700" ≠ "10,259"
    return None


def _overlap(group: list[Extracted], tolerance: float = 0.0) -> bool:
    """Can every figure of the group be true at once? Two different open bounds ("more than
    350", "more than 600") are two different statements, though both could be true."""
    if len({x.low for x in group if x.high == math.inf}) > 1 or len({x.high for x in group if x.low == 0}) > 1:
        return False
    return max(x.low for x in group) * (1 - tolerance) <= min(x.high for x in group)


def _status(group: list[Extracted]) -> tuple[str, str, tuple]:
    """(status, note, diff): a note says why; quotes that differ get the word diff of the first two."""
    if len({x.claim.article for x in group}) < 2:
        return "single", "", ()
    kind = group[0].kind
    if kind == "quote":
        if quotes.agree([x.claim.value for x in group]):
            return "agree", "", ()
        return "differ", "", quotes.diff(group[0].claim.value, group[1].claim.value)
    if kind == "date":
        if all(dates_agree(group[0], x) for x in group[1:]):
            return "agree", "", ()
        return "differ", " ≠ ".join(dict.fromkeys(_date_shown(x) for x in group)), ()
    if kind == "equipment":
        return "agree", "", ()
    if kind == "time":
        return ("agree", "", ()) if _overlap(group) else ("differ", " ≠ ".join(dict.fromkeys(x.claim.value for x in group)), ())
    tolerance = LENGTH_TOLERANCE if len({x.unit for x in group}) > 1 else 0.0
    if _overlap(group, tolerance):
        return "agree", "", ()
    return "differ", " ≠ ".join(dict.fromkeys(x.claim.value for x in group)), ()


def _date_shown(x: Extracted) -> str:
    """A resolved date as a reader reads it: "Tue 16 Jan 2018", "Jan 2018", "2013"."""
    v, gran = x.claim.value, x.granularity
    try:
        if gran == "day" and not v.startswith("XXXX"):
            return dt.date.fromisoformat(v).strftime("%a %-d %b %Y")
        if gran == "month" and not v.startswith("XXXX"):
            return dt.date.fromisoformat(v + "-01").strftime("%b %Y")
    except ValueError:
        pass
    return v if gran else x.claim.text


MAX_CANDIDATES = 20  # claims a claim is compared with inside a large block


def _keys(x: Extracted) -> list[tuple]:
    """What two claims of one block must share to be compared at all."""
    keys: list[tuple] = [("e", e) for e in sorted(x.entities)]
    if x.kind == "quote":
        keys += quotes.keys(x)
    elif x.kind == "date":
        keys.append(("d", x.claim.value[:7] if x.granularity else unresolved_key(x.claim.text)))
    else:
        keys.append(("v", x.claim.value))
        keys += [("t", t) for t in sorted(x.things)]
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


def align(items: list[Extracted], sents: View) -> list[list[Extracted]]:
    """Group claims into facts: best-scoring pairs first, at most one claim per article in a fact
    (a figure said twice in one article travels as one claim with two places)."""
    items = _restatements(items, sents)
    pool = Pool.of(items)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for n, x in enumerate(items):
        blocks[x.block].append(n)
    pairs = []
    for members in blocks.values():
        for x, y in _candidates(members, items):
            score = _pair_score(items[x], items[y], sents, pool)
            if score is not None:
                pairs.append((-score, x, y))
    pairs.sort()
    uf = UnionFind()
    articles = {n: {x.claim.article} for n, x in enumerate(items)}  # root -> articles in its group
    for _, x, y in pairs:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or articles[rx] & articles[ry]:
            continue  # already one fact, or one claim per article
        if (rx, ry) != (x, y) and not _joinable(items[min(rx, ry)], items[max(rx, ry)], sents, pool):
            continue  # joining groups: their first claims (the roots) must be comparable too
        joined = uf.union(rx, ry)
        articles[joined] = articles.pop(rx) | articles.pop(ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        groups[uf.find(n)].append(n)
    return [[items[k] for k in group] for group in groups.values()
            if len(group) > 1 or not items[group[0]].paired_only]


def _joinable(a: Extracted, b: Extracted, sents: View, pool: Pool) -> bool:
    """May the groups whose first claims are a and b become one fact? Figures and quotes: a and b
    must be comparable themselves. Dates: the same day will do, the events being linked through
    the pair that joins them ("pushing the stroller Thursday" - "died Thursday when the stroller
    plunged" - "plunging down the shaft Thursday")."""
    if a.kind == "date":
        return a.granularity == b.granularity and dates_agree(a, b)
    if a.kind == "time":
        return True  # one event's times, linked pair by pair; the status says where they differ
    return _pair_score(a, b, sents, pool) is not None


def facts_of(groups: list[list[Extracted]], order: dict[str, int], rules: Rules | None = None
             ) -> tuple[list[Fact], list[Diagnostic]]:
    """Facts from groups of claims, with their ids, after the editor's fact rules (pair, ignore,
    status); a rule that matches no fact is reported."""
    rules = rules or Rules()
    facts = with_ids([_fact(g, order) for g in groups])
    used: set[tuple[str, str]] = set()
    by_id = {f.id: n for n, f in enumerate(facts)}
    joined: dict[int, int] = {}  # group index -> the group it joined
    for pair in rules.fact_pair:
        found = [by_id[i] for i in pair if i in by_id]
        if len(found) < 2:
            continue
        used.add(("pair", pair[0]))
        target = joined.get(found[0], found[0])
        for n in found[1:]:
            n = joined.get(n, n)
            if n != target:
                groups[target] = groups[target] + groups[n]
                groups[n] = []
                joined.update({k: target for k, v in joined.items() if v == n} | {n: target})
    if joined:  # rebuild: statuses of paired groups are decided again, ids stay those of the rows before
        ids = {n: f.id for n, f in enumerate(facts)}
        facts = [dataclasses.replace(_fact(g, order), id=ids[n]) for n, g in enumerate(groups) if g]
    out = []
    for f in facts:
        if f.id in rules.fact_ignore:
            used.add(("ignore", f.id))
            continue
        if f.id in rules.fact_status:
            used.add(("status", f.id))
            f = dataclasses.replace(f, status=rules.fact_status[f.id], note="set by the editor",
                                    diff=f.diff if rules.fact_status[f.id] == "differ" else ())
        out.append(f)
    rank = {"differ": 0, "agree": 1, "single": 2}
    out.sort(key=lambda f: (rank[f.status], order[f.claims[0].article], f.claims[0].start))
    problems = [Diagnostic("warning", rules.origin(f"fact_{kind}", item), f"facts: {kind} rule `{item}` matches no fact in this briefing; "
                                                  "update or remove it (fact ids are the rows' anchors)")
                for kind, items in (("ignore", rules.fact_ignore), ("pair", [p[0] for p in rules.fact_pair]),
                                    ("status", rules.fact_status))
                for item in items if (kind, item) not in used]
    return out, problems


def _fact(group: list[Extracted], order: dict[str, int]) -> Fact:
    members = sorted(group, key=lambda x: (order[x.claim.article], x.claim.start))
    status, note, diff = _status(members)
    first = members[0]
    return Fact(id="", kind=first.kind, status=status,
                subject=next((x.subject for x in members if x.speaker), first.subject) or first.claim.text,
                claims=tuple(sorted((c for x in members for c in (x.claim, *x.also)),
                                    key=lambda c: (order[c.article], c.start))), note=note, diff=diff)


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
            key = (x.claim.article, x.kind, _date_key(x))
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


def with_ids(facts: list[Fact]) -> list[Fact]:
    """Each fact's id, its permanent anchor: what the fact is (kind, subject, the first claim's
    wording), never where it sits, so editing elsewhere in an article does not move it. Two facts
    that read the same are told apart by their order."""
    seen: dict[str, int] = {}
    out = []
    for f in facts:
        base = "-".join(part for part in (f.kind, slugify(f.subject, max_length=32, word_boundary=True),
                                          slugify(f.claims[0].text, max_length=40, word_boundary=True)) if part)
        seen[base] = seen.get(base, 0) + 1
        out.append(dataclasses.replace(f, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out

