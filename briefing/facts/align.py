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


# Score bands: how sure two claims are one fact, by the evidence they share. A pair scores its
# band plus what its context adds (100·sim, the shared entities' support), so within a band the
# better-matching sentence wins; the best-scoring pairs are joined first.
# Dates and times:
SAME_DAY_OF_ONE_EVENT = 150  # the same date, with shared words of its event or sentence
SAME_GRANULARITY = 50  # ... said alike ("1991" and "1991" before "the early 90s")
SAME_GRANULARITY_BARE = 20  # ... a bare date said alike ("this month" before "later this month")
FRAME_WEIGHT = 10  # each unit of event words two dates or times share (frames.same_event)
SAME_DAY_OF_ONE_CLASS = 140  # a named date whose events share only a class of word ("freed", "released")
OTHER_DATE_OF_ONE_EVENT = 80  # two dates, the same verb and much of the sentence: one event dated differently
OTHER_TIME_OF_ONE_EVENT = 80  # two times of day of one event
# Figures of the same value (their intervals overlap):
SAME_SPECIFIC_THING = 110  # the same specific counted thing ("four jets", "4 aircraft")
EXACT_FIGURE = 20  # ... said with the very same figure
SAME_HAPPENING = 100  # things shared or unsaid, and the same thing happened to them (an event class or verb)
MEASURE_IN_CONTEXT = 90  # money, a per cent or a length of time, in sentences with words in common
RARE_FIGURE_IN_CONTEXT = 80  # an exact figure of 13 or more, in sentences with words in common
SAME_THING_IN_CONTEXT = 80  # a counted thing in common, in sentences with words in common
SAME_DISTANCE = 70  # one bound of a distance in common ("at least 50 miles", "a 50-mile zone")
# Figures of different values (only when neither article has another figure of that thing and event):
ONE_LENGTH_OF_ONE_THING = 60  # the one length of one named thing in each ("a four-year war")
OTHER_VALUE_OF_ONE_THING = 50  # one thing, and much of the sentence alike
ONE_COUNT_OF_ONE_EVENT = 40  # the one count of people killed, missing… in each ("10,700" / "10,259")
# Ages and vague amounts:
SAME_PERSONS_AGE = 120  # one named person's age (plus 10 when the figures overlap)
AGE_OF_ONE_KIND = 90  # the same age of the same kind of person ("the 27-year-old suspect", "Ana Ruiz, 27")
VAGUE_SAME_WORD = 60  # "thousands" and "thousands", about the same event


def _pair_score(a: Extracted, b: Extracted, sents: View, pool: Pool) -> float | None:
    """How sure we are that a and b state the same fact; None when they are not comparable."""
    if a.kind == "quote":
        return quotes.pair_score(a, b)
    sim = sents.similarity(a.context, b.context)
    support = min(sents.support(a.entities, b.entities), 2 * ENTITY_SUPPORT)
    if a.kind == "date":
        return _date_score(a, b, sim, support, sents, pool)
    if a.kind == "equipment":
        return 100 + support
    if a.kind == "time":
        return _time_score(a, b, sim, sents, pool)
    differ_ok = id(a) not in pool.crowded and id(b) not in pool.crowded
    return _figure_score(a, b, sim, support, differ_ok)


def _date_score(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool
                ) -> float | None:
    """The same date of the same event; a different date only for the very same event."""
    if dates_agree(a, b) and (is_bare(a.claim.text) or is_bare(b.claim.text)):
        return _same_bare_date(a, b, sim, sents)
    if dates_agree(a, b):
        return _same_named_date(a, b, sim, support, sents, pool)
    if not a.granularity or not b.granularity:
        return None  # unresolved and worded differently: nothing says they differ
    same_event = a.verb and a.verb == b.verb and sim >= OTHER_DATE_CONTEXT
    return OTHER_DATE_OF_ONE_EVENT + 100 * sim + support if same_event else None


def _same_bare_date(a: Extracted, b: Extracted, sim: float, sents: View) -> float | None:
    """"Monday", "last week": said of many things; the same day only for the same event."""
    shared = frames.same_event(a.frame, b.frame, sents)
    same = SAME_GRANULARITY_BARE if a.granularity == b.granularity else 0
    return SAME_DAY_OF_ONE_EVENT + same + FRAME_WEIGHT * shared + sim if shared else None


def _same_named_date(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool
                     ) -> float | None:
    """A named day, month or year: some shared words of the sentence or a shared entity will do,
    nothing for a rare day said once in each article, one word or class of the event otherwise."""
    common = max(pool.dates[_date_key(a)], pool.dates[_date_key(b)]) > COMMON_DATE
    floor = COMMON_DATE_CONTEXT if common else SAME_DATE_CONTEXT
    if a.granularity == b.granularity == "day" and DAY_NAMED.search(a.claim.text) and \
            DAY_NAMED.search(b.claim.text) and pool.dates[_date_key(a)] <= pool.articles:
        floor = 0.0  # "Feb. 21" in each article, once: a rare day needs no more
    same = SAME_GRANULARITY if a.granularity == b.granularity else 0
    if sim >= floor or (support >= ENTITY_SUPPORT and not common):
        return SAME_DAY_OF_ONE_EVENT + same + 100 * sim + support
    shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)  # "freed in 2013", "released …"
    return SAME_DAY_OF_ONE_CLASS + same + FRAME_WEIGHT * shared if shared else None


def _time_score(a: Extracted, b: Extracted, sim: float, sents: View, pool: Pool) -> float | None:
    """A time of day of the same event; a different one only for a closely linked event."""
    if _overlap([a, b]):
        shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)
        return SAME_DAY_OF_ONE_EVENT + FRAME_WEIGHT * shared + 100 * sim \
            if shared or sim >= SAME_DATE_CONTEXT else None
    shared = frames.same_event(a.frame, b.frame, sents)
    alone = id(a) not in pool.crowded and id(b) not in pool.crowded
    return OTHER_TIME_OF_ONE_EVENT + FRAME_WEIGHT * shared + 100 * sim if shared and alone else None


def _figure_score(a: Extracted, b: Extracted, sim: float, support: float, differ_ok: bool) -> float | None:
    """Figures: the same value of the same thing first; the thing's words and the event second."""
    if a.vague or b.vague:  # "thousands" pairs only with "thousands", about the same event
        if a.claim.value != b.claim.value or sim < SAME_FIGURE_CONTEXT * 2:
            return None
        return VAGUE_SAME_WORD + 100 * sim
    if not _units_comparable(a, b):
        return None
    tolerance = LENGTH_TOLERANCE if a.unit != b.unit else 0.0
    overlap = _overlap([a, b], tolerance)
    if a.kind == "age":
        return _age_score(a, b, sim, overlap)
    if a.events and b.events and not a.events & b.events:
        return None  # "killed" and "homeless": two different things happened to them
    band = _same_value_band(a, b, sim, support) if overlap else _other_value_band(a, b, sim, differ_ok)
    return None if band is None else band + 100 * sim + support


def _units_comparable(a: Extracted, b: Extracted) -> bool:
    """Units that convert (lengths), or one unit the other leaves out of the same figure of the
    same thing ("a 9.0 quake" and "a 9.0-magnitude quake"); durations convert by their scale."""
    if a.unit == b.unit or (a.unit in LENGTH_UNITS and b.unit in LENGTH_UNITS) or a.kind == "duration":
        return True
    return not (a.unit and b.unit) and bool(a.things & b.things) and a.low == b.low and a.high == b.high


def _age_score(a: Extracted, b: Extracted, sim: float, overlap: bool) -> float | None:
    if a.speaker and b.speaker:  # two named people: the same one, or no pair
        return SAME_PERSONS_AGE + 10 * overlap if a.speaker == b.speaker else None
    exact = a.low == b.low and a.high == b.high
    return AGE_OF_ONE_KIND + 100 * sim if exact and a.things & b.things else None


def _same_value_band(a: Extracted, b: Extracted, sim: float, support: float) -> int | None:
    """The band of two figures that can both be true, by what else they share."""
    exact = a.low == b.low and a.high == b.high
    shared = bool(a.things & b.things)
    if shared and a.specific and b.specific:
        return SAME_SPECIFIC_THING + (EXACT_FIGURE if exact else 0)
    if (shared or not a.things or not b.things) and (a.events & b.events or (a.verb and a.verb == b.verb)):
        return SAME_HAPPENING
    return _same_value_in_context(a, b, sim, support, exact, shared)


def _same_value_in_context(a: Extracted, b: Extracted, sim: float, support: float, exact: bool, shared: bool
                           ) -> int | None:
    """Two figures that can both be true and share neither a specific thing nor what happened:
    the kind of figure, its rarity or its thing, with words of the sentence in common."""
    if a.kind in ("money", "percent", "duration") and sim >= SAME_FIGURE_CONTEXT:
        return MEASURE_IN_CONTEXT
    if exact and a.low >= 13 and sim >= SAME_FIGURE_CONTEXT:  # a rare figure of things worded differently
        return RARE_FIGURE_IN_CONTEXT
    if shared and sim >= SAME_FIGURE_CONTEXT:
        return SAME_THING_IN_CONTEXT
    said = {a.low, a.high} & {b.low, b.high} - {0.0, math.inf}
    if "distance" in a.things & b.things and said and (sim or support >= ENTITY_SUPPORT / 2):
        return SAME_DISTANCE  # "at least 8 km from the track", "an 8-km cordon"
    return None


def _other_value_band(a: Extracted, b: Extracted, sim: float, differ_ok: bool) -> int | None:
    """The band of two different figures: one thing, one event, much of the sentence alike, and
    no other figure of that thing and event in either article (`differ_ok`)."""
    if not differ_ok:
        return None
    shared = bool(a.things & b.things)
    events = bool(a.events & b.events)
    if shared and a.kind == "duration" and a.specific and b.specific:
        return ONE_LENGTH_OF_ONE_THING  # the one age of one named thing in each: "a four-year war"
    if shared and (a.specific or events) and sim >= OTHER_FIGURE_CONTEXT:
        return OTHER_VALUE_OF_ONE_THING
    if events and (shared or not a.things or not b.things):
        return ONE_COUNT_OF_ONE_EVENT  # the one count of people killed, missing, … in each: "10,700" ≠ "10,259"
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
    used: set[tuple[str, str]] = set()
    facts = _paired_by_editor(with_ids([_fact(g, order) for g in groups]), groups, order, rules, used)
    out = _ruled(facts, rules, used)
    rank = {"differ": 0, "agree": 1, "single": 2}
    out.sort(key=lambda f: (rank[f.status], order[f.claims[0].article], f.claims[0].start))
    return out, _unmatched(rules, used)


def _paired_by_editor(facts: list[Fact], groups: list[list[Extracted]], order: dict[str, int], rules: Rules,
                      used: set[tuple[str, str]]) -> list[Fact]:
    """The `pair` rules: rows the editor says are one fact join; their status is decided again and
    each keeps the id of the first row it was made of."""
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
    if not joined:
        return facts
    ids = {n: f.id for n, f in enumerate(facts)}
    return [dataclasses.replace(_fact(g, order), id=ids[n]) for n, g in enumerate(groups) if g]


def _ruled(facts: list[Fact], rules: Rules, used: set[tuple[str, str]]) -> list[Fact]:
    """The `ignore` and `status` rules, by fact id."""
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
    return out


def _unmatched(rules: Rules, used: set[tuple[str, str]]) -> list[Diagnostic]:
    return [Diagnostic("warning", rules.origin(f"fact_{kind}", item), f"facts: {kind} rule `{item}` matches no fact "
                       "in this briefing; update or remove it (fact ids are the rows' anchors)")
            for kind, items in (("ignore", rules.fact_ignore), ("pair", [p[0] for p in rules.fact_pair]),
                                ("status", rules.fact_status))
            for item in items if (kind, item) not in used]


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

