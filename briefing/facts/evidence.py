"""Evidence that two claims of different articles state one fact, and how strong it is.

A pair is one fact when its claims' values are comparable and they say the same thing about the
same subject: what is counted (the thing), what happened to it (the event class, the verb, the
clause frame), who and where (shared entities), and the words of the sentence around it
(View.similarity). Each kind of evidence is a named band below, with one line on what it stands
for; a pair scores its band plus what its context adds (100 x sentence similarity, plus the
shared entities' weight), so within a band the better-matching sentence wins. Whether the values
agree only breaks ties (AGREEMENT, EXACT_FIGURE): two figures of one quantity that differ are
one fact, marked `differ`.

`evidence` returns an `Evidence` record (None when the claims are not comparable), so the
reasons of a pairing can be shown to an editor (`briefing review --explain`).
"""
from __future__ import annotations

import dataclasses
import re

from ..words.english import SPEECH_VERBS
from . import frames, ordinals, wording
from .dates import dates_agree, is_bare, times_agree
from .lexicon import LENGTH_UNITS
from .pool import Pool, date_key
from .sentences import Extracted, View
from .status import allowed, figures_agree

ENTITY_SUPPORT = 2.0  # summed weight of shared entities that makes two claims one fact

# Context similarity (0..1, see View.similarity) two claims need to be paired.
SAME_DATE_CONTEXT = 0.12  # the same date: some shared words of the event
COMMON_DATE_CONTEXT = 0.2  # the same weekday said more than COMMON_DATE times in the briefing: more of them
COMMON_DATE = 3
DAY_NAMED = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
OTHER_DATE_CONTEXT = 0.40  # two different dates of one event: the same verb and much of the sentence
SAME_FIGURE_CONTEXT = 0.10  # the same figure of things of no known kind
OTHER_FIGURE_CONTEXT = 0.30  # two different figures of the same thing
VAGUE_CONTEXT = 0.5  # a vague amount and another of one thing, nothing said of what happened: most of the sentence
FAR_APART = 4.0  # outlets disagree about a quantity by less than this factor; figures further apart count other things
NAME_CONTEXT = 0.1  # each unit of shared names' weight counts as this much sentence similarity
BARE_DATE_CONTEXT = 0.30  # a bare weekday whose clause frames share nothing: much of the sentence alike
RARE_DAY = 1  # a weekday said this often or less in each of two articles is rare: it names their event's day
RARE_DAY_CONTEXT = 0.15  # ... and needs some words of the sentence in common, or shared names
# A bare weekday whose clause frames share something, though less than one rare word: the frames'
# shared weight, plus this much per unit of sentence similarity and of shared names' weight, must
# reach frames.SAME_EVENT ("the club heard on Tuesday it will get a grant", "hours after word of the grant
# came on Tuesday").
JOINT_SIM = 5.0
JOINT_SUPPORT = 0.25

# Bands: the evidence a pair rests on.
# Dates and times:
SAME_DAY_OF_ONE_EVENT = 150  # the same date, with shared words of its event or sentence
SAME_GRANULARITY = 50  # ... said alike ("1991" and "1991" before "the early 90s")
SAME_GRANULARITY_BARE = 20  # ... a bare date said alike ("this month" before "later this month")
FRAME_WEIGHT = 10  # each unit of event words two dates or times share (frames.same_event)
SAME_DAY_OF_ONE_CLASS = 140  # a named date whose events share only a class of word ("freed", "released")
SAME_DAY_IN_CONTEXT = 130  # a bare date whose sentences share much of what happened
SAME_DAY_BY_ALL_SIGNS = 125  # a bare date whose event words, sentence and names together say one event
RARE_DAY_IN_CONTEXT = 120  # a bare date said once in each article, with some words or names in common
SAME_DAY_AS_A_ROW = 110  # a bare date left alone whose event shares words with what a row's outlets say of that day
OTHER_DATE_OF_ONE_EVENT = 80  # two dates, the same verb and much of the sentence: one event dated differently
OTHER_TIME_OF_ONE_EVENT = 80  # two times of day of one event
# Figures:
SAME_SPECIFIC_THING = 110  # the same specific counted thing ("four jets", "4 aircraft")
SAME_HAPPENING = 100  # things shared or unsaid, and the same thing happened to them (an event class or verb)
# the same thing happened to two counted words neither article sets apart ("laid off 2,000 staff", "2,100 employees")
SAME_HAPPENING_OTHER_WORD = 95
MEASURE_IN_CONTEXT = 90  # money, a per cent or a length of time, in sentences with words in common
RARE_FIGURE_IN_CONTEXT = 80  # the same exact figure of 13 or more, in sentences with words in common
SAME_THING_IN_CONTEXT = 80  # a counted thing in common, in sentences with words in common
# two sums whose clauses tell one event, whatever their verbs ("spent $4.2 million on a scoreboard",
# "the scoreboard cost $4.6 million"; frames.same_event, the verb that reports them left out)
MONEY_OF_ONE_EVENT = 75
SAME_DISTANCE = 70  # one bound of a distance in common ("at least 50 miles", "a 50-mile zone")
ONE_LENGTH_OF_ONE_THING = 60  # the length of one named thing ("a four-year war"), whatever the figures
ONE_LEFT_OF_ONE_THING = 50  # the one figure of a thing each article gives that the other does not
# two counted words no article sets apart, in clauses of one event where something happened to them
# ("the goalkeeper was booked twice in the second half", "was penalised once in the second half")
ONE_EVENT_OTHER_WORD = 45
ONE_COUNT_OF_ONE_EVENT = 40  # a count of people killed, missing… in each ("1,200 missing" / "1,450")
SAME_PERSONS_AGE = 120  # one named person's age (plus 10 when the figures overlap)
AGE_OF_ONE_KIND = 90  # the same age of the same kind of person ("the 27-year-old suspect", "Ana Ruiz, 27")
VAGUE_SAME_WORD = 60  # "thousands" and "thousands" of nothing said, about the same event
EQUIPMENT = 100  # one model-numbered product
# Ties between bands' scores: values that can both be true, and the very same figure.
AGREEMENT = 10
EXACT_FIGURE = 20
BAND = {name: value for name, value in (
    ("SAME_SPECIFIC_THING", SAME_SPECIFIC_THING), ("SAME_HAPPENING", SAME_HAPPENING),
    ("SAME_HAPPENING_OTHER_WORD", SAME_HAPPENING_OTHER_WORD),
    ("MEASURE_IN_CONTEXT", MEASURE_IN_CONTEXT), ("MONEY_OF_ONE_EVENT", MONEY_OF_ONE_EVENT),
    ("RARE_FIGURE_IN_CONTEXT", RARE_FIGURE_IN_CONTEXT),
    ("SAME_THING_IN_CONTEXT", SAME_THING_IN_CONTEXT), ("SAME_DISTANCE", SAME_DISTANCE),
    ("ONE_LENGTH_OF_ONE_THING", ONE_LENGTH_OF_ONE_THING), ("ONE_COUNT_OF_ONE_EVENT", ONE_COUNT_OF_ONE_EVENT),
    ("ONE_EVENT_OTHER_WORD", ONE_EVENT_OTHER_WORD))}

# Bands whose evidence is thin: a row resting on one is never surer than this, so a difference it
# finds goes to the editor (`briefing review`), not to "Where the outlets differ".
WEAK_BANDS = {"SAME_PREDICATE": 0.7, "ONE_LEFT_OF_ONE_THING": 0.6, "ONE_EVENT_OTHER_WORD": 0.7, "RARE_DAY_IN_CONTEXT": 0.7,
              "VAGUE_SAME_WORD": 0.6, "SAME_DAY_BY_ALL_SIGNS": 0.7, "SAME_DAY_AS_A_ROW": 0.7}


@dataclasses.dataclass(frozen=True)
class Evidence:
    """Why two claims may be one fact: the band's name, its score, and what went into it."""

    score: float
    band: str  # the name of the band above ("SAME_SPECIFIC_THING")
    sim: float = 0.0  # sentence similarity, 0..1
    support: float = 0.0  # shared entities' weight
    agree: bool = True  # do the two values allow a common value?
    trust: float = 1.0  # the most confidence this band's evidence allows (WEAK_BANDS)


def evidence(a: Extracted, b: Extracted, sents: View, pool: Pool) -> Evidence | None:
    """How sure we are that a and b state the same fact; None when they are not comparable."""
    if a.kind == "quote":
        scored = wording.pair_score(a, b)
        return None if scored is None else Evidence(scored[0], scored[1], agree=wording.agree(
            [a.claim.value, b.claim.value]), trust=WEAK_BANDS.get(scored[1], 1.0))
    sim = sents.similarity(a.context, b.context)
    support = min(sents.support(a.entities, b.entities), 2 * ENTITY_SUPPORT)
    if a.kind == "equipment":
        return Evidence(EQUIPMENT + support, "EQUIPMENT", sim, support)
    if a.kind == "ordinal":
        score = ordinals.pair_score(a, b)
        return None if score is None else Evidence(score + support, "SAME_ORDINAL", sim, support)
    found = _date(a, b, sim, support, sents, pool) if a.kind == "date" else \
        _time(a, b, sim, sents) if a.kind == "time" else _figure(a, b, sim, support, sents, pool)
    if found is None:
        return None
    band, score, agree = found
    return Evidence(score, band, sim, support, agree, WEAK_BANDS.get(band, 1.0))


def _date(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool):
    """The same date of the same event; a different date only for the very same event."""
    if dates_agree(a, b) and (is_bare(a.claim.text) or is_bare(b.claim.text)):
        return _same_bare_date(a, b, sim, support, sents, pool)
    if dates_agree(a, b):
        return _same_named_date(a, b, sim, support, sents, pool)
    if not a.granularity or not b.granularity:
        return None  # unresolved and worded differently: nothing says they differ
    same_event = a.verb and a.verb == b.verb and sim >= OTHER_DATE_CONTEXT
    return ("OTHER_DATE_OF_ONE_EVENT", OTHER_DATE_OF_ONE_EVENT + 100 * sim + support, False) if same_event else None


def _same_bare_date(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool):
    """"Monday", "last week": said of many things; the same day only for the same event, told by
    the words of its clause, else by much of the sentence or the rare names it shares."""
    joint = frames.overlap(a.frame, b.frame, sents)
    shared = frames.same_event(a.frame, b.frame, sents, shared=joint)
    same = SAME_GRANULARITY_BARE if a.granularity == b.granularity else 0
    if shared:
        return "SAME_DAY_OF_ONE_EVENT", SAME_DAY_OF_ONE_EVENT + same + FRAME_WEIGHT * shared + sim, True
    said = _event_similarity(a, b, sents)
    if said >= BARE_DATE_CONTEXT:
        return "SAME_DAY_IN_CONTEXT", SAME_DAY_IN_CONTEXT + same + 100 * said + support, True
    if joint and joint + JOINT_SIM * said + JOINT_SUPPORT * support >= frames.SAME_EVENT:
        return "SAME_DAY_BY_ALL_SIGNS", SAME_DAY_BY_ALL_SIGNS + same + FRAME_WEIGHT * joint + 100 * said + support, True
    rare = max(pool.per_article[(a.claim.article, date_key(a))], pool.per_article[(b.claim.article, date_key(b))])
    if rare <= RARE_DAY and (said >= RARE_DAY_CONTEXT or support >= ENTITY_SUPPORT):
        return "RARE_DAY_IN_CONTEXT", RARE_DAY_IN_CONTEXT + same + 100 * said + support, True
    return None


def joins_row(x: Extracted, row: list[Extracted], sents: View) -> Evidence | None:
    """A bare date no claim of another article took, against a row of that day two or more outlets
    already share: one more outlet's account of the row's event when its event words meet the
    words of all the row's accounts together ("the plant's reactor Friday" against "steam rose
    from the plant Friday" and "smoke Friday"), which no single account may hold. Only a day
    every claim of the row names; sharing only who acted is not enough (frames.overlap)."""
    if x.kind != "date" or not is_bare(x.claim.text) or not all(dates_agree(x, y) for y in row):
        return None
    pooled = frozenset().union(*(y.frame for y in row))
    shared = frames.overlap(x.frame, pooled, sents)
    if not shared:
        return None
    sim = sents.similarity(x.context, frozenset().union(*(y.context for y in row)))
    support = min(sents.support(x.entities, frozenset().union(*(y.entities for y in row))), 2 * ENTITY_SUPPORT)
    return Evidence(SAME_DAY_AS_A_ROW + FRAME_WEIGHT * shared + 100 * sim + support, "SAME_DAY_AS_A_ROW", sim, support,
                    True, WEAK_BANDS["SAME_DAY_AS_A_ROW"])


def _event_similarity(a: Extracted, b: Extracted, sents: View) -> float:
    """How alike two sentences are in what happened, leaving out the names of who acted: "Korsk
    Power moved closer to a deal" and "Korsk Power missed a deadline" share only their actor."""
    actors = {w.removeprefix(frames.WHO) for w in a.frame | b.frame if w.startswith(frames.WHO)}
    names = {w for e in actors if (ent := sents.entity_by_id.get(e)) for alias in ent.aliases
             for w in alias.lower().split()}
    return sents.similarity(a.context - names, b.context - names)


def _same_named_date(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool):
    """A named day, month or year: some shared words of the sentence or a shared entity will do,
    nothing for a rare day said once in each article, one word or class of the event otherwise."""
    common = max(pool.dates[date_key(a)], pool.dates[date_key(b)]) > COMMON_DATE
    floor = COMMON_DATE_CONTEXT if common else SAME_DATE_CONTEXT
    if a.granularity == b.granularity == "day" and DAY_NAMED.search(a.claim.text) and \
            DAY_NAMED.search(b.claim.text) and pool.dates[date_key(a)] <= pool.articles:
        floor = 0.0  # "Oct. 14" in each article, once: a rare day needs no more
    same = SAME_GRANULARITY if a.granularity == b.granularity else 0
    if sim >= floor or (support >= ENTITY_SUPPORT and not common):
        return "SAME_DAY_OF_ONE_EVENT", SAME_DAY_OF_ONE_EVENT + same + 100 * sim + support, True
    shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)  # "cleared in 2009", "acquitted …"
    return ("SAME_DAY_OF_ONE_CLASS", SAME_DAY_OF_ONE_CLASS + same + FRAME_WEIGHT * shared, True) if shared else None


def _time(a: Extracted, b: Extracted, sim: float, sents: View):
    """A time of day of the same event; a different one only for a closely linked event."""
    if times_agree(a, b):
        shared = frames.same_event(a.frame, b.frame, sents, frames.CLASS_WEIGHT)
        if shared or sim >= SAME_DATE_CONTEXT:
            return "SAME_DAY_OF_ONE_EVENT", SAME_DAY_OF_ONE_EVENT + FRAME_WEIGHT * shared + 100 * sim, True
        return None
    shared = frames.same_event(a.frame, b.frame, sents)
    return ("OTHER_TIME_OF_ONE_EVENT", OTHER_TIME_OF_ONE_EVENT + FRAME_WEIGHT * shared + 100 * sim, False) \
        if shared else None


def _figure(a: Extracted, b: Extracted, sim: float, support: float, sents: View, pool: Pool):
    """Figures: one quantity, told by its thing, what happened to it and its sentence; whether the
    values agree only breaks ties between pairs of one band."""
    if not _units_comparable(a, b):
        return None
    converted = a.unit != b.unit
    lo_a, hi_a = allowed(a, converted)
    lo_b, hi_b = allowed(b, converted)
    agree = figures_agree([a, b])  # as the row's status will say
    exact = a.low == b.low and a.high == b.high and not (a.vague or b.vague)
    if a.kind == "age":
        found = _age(a, b, sim, agree)
        return None if found is None else (*found, agree)
    if _other_quantities(a, b, agree, max(lo_a, lo_b) > FAR_APART * min(hi_a, hi_b)):
        return None
    kin = pool.kin(a, b)
    # one event matters only to the bands of two sums or of two kin words (MONEY_OF_ONE_EVENT,
    # ONE_EVENT_OTHER_WORD): not looked for in every other pair
    one_event = not agree and (a.kind == "money" or kin) and bool(frames.same_event(a.frame, b.frame, sents))
    band = _band(a, b, sim, support, exact, kin) if agree else \
        _band_of_difference(a, b, sim + NAME_CONTEXT * support, pool.alone(a) and pool.alone(b), one_event, kin) or \
        _left_over(a, b, sents, pool)
    if band is None:
        return None
    tie = (AGREEMENT if agree else 0) + (EXACT_FIGURE if exact else 0)
    return band[0], band[1] + tie + 100 * sim + support, agree


def _other_quantities(a: Extracted, b: Extracted, agree: bool, far_apart: bool) -> bool:
    """Do two figures count other quantities, whatever else they share? Different things happened
    to them ("killed", "homeless"), or values that differ far apart ("more than 90 trains" of one
    line, "1,400" nationwide) or of a scope only one names (_scopes_differ)."""
    if a.events and b.events and not a.events & b.events:
        return True
    return not agree and (far_apart or _scopes_differ(a, b))


def _left_over(a: Extracted, b: Extracted, sents: View, pool: Pool) -> tuple[str, int] | None:
    """Two figures of one specific thing, each the one its article gives that the other does not,
    in sentences with words in common besides the thing's own: told apart from the rest, they are
    one quantity."""
    if not (a.specific and b.specific and pool.left_over(a, b)):
        return None
    things = a.things | b.things
    if sents.similarity(a.context - things, b.context - things) >= SAME_FIGURE_CONTEXT:
        return ("ONE_LEFT_OF_ONE_THING", ONE_LEFT_OF_ONE_THING)
    return None


def _scopes_differ(a: Extracted, b: Extracted) -> bool:
    """Does one figure name a place or body its thing belongs to that the other's sentence does
    not name at all ("Velmar-area homes" against "homes" across the region)?"""
    return bool(a.named - b.entities or b.named - a.entities)


def _units_comparable(a: Extracted, b: Extracted) -> bool:
    """Units that convert (lengths), or one unit the other leaves out of the same figure of the
    same thing ("a 9.0 quake" and "a 9.0-magnitude quake"); durations convert by their scale."""
    if a.unit == b.unit or (a.unit in LENGTH_UNITS and b.unit in LENGTH_UNITS) or a.kind == "duration":
        return True
    return not (a.unit and b.unit) and bool(a.things & b.things) and a.low == b.low and a.high == b.high


def _age(a: Extracted, b: Extracted, sim: float, agree: bool):
    if a.speaker and b.speaker:  # two named people: the same one, or no pair
        return ("SAME_PERSONS_AGE", SAME_PERSONS_AGE + 10 * agree) if a.speaker == b.speaker else None
    exact = a.low == b.low and a.high == b.high
    return ("AGE_OF_ONE_KIND", AGE_OF_ONE_KIND + 100 * sim) if exact and a.things & b.things else None


def _vague_alone(a: Extracted, b: Extracted) -> bool:
    """A vague amount of nothing said ("hundreds were…") pairs only with the same word."""
    return (a.vague and not a.things) or (b.vague and not b.things)


@dataclasses.dataclass(frozen=True)
class _Shared:
    """What two figures have in common, as the band rules below read it."""

    thing: bool  # a counted word or class ("jets", "aircraft")
    named: bool  # ... other than a currency or per cent sign
    specific: bool  # both counted things are specific ("jets", not "people")
    unsaid: bool  # one of them counts nothing said
    events: bool  # what happened to them, by event class
    happening: bool  # ... or the same verb
    distance: bool  # both are distances
    bound: bool  # a bound both state ("at least 8 km", "an 8-km cordon")
    sim: float  # the sentences' likeness (with shared names, for differences)
    support: float
    exact: bool  # the very same figure
    rare: bool  # ... of 13 or more
    measure: bool  # money, a per cent or a length of time
    money: bool
    duration: bool  # a length of one named thing in each
    alone: bool  # each its article's one count of what happened
    one_event: bool = False  # their clauses' events are one (frames.same_event)
    kin: bool = False  # two specific counted words no article sets apart (Pool.kin)
    happened: bool = False  # both hang from a verb, not one of saying: something happened to them

    @classmethod
    def of(cls, a: Extracted, b: Extracted, sim: float, support: float, exact: bool, alone: bool,
           one_event: bool = False, kin: bool = False) -> "_Shared":
        things = a.things & b.things
        events = bool(a.events & b.events)
        return cls(bool(things), bool(things - {a.unit, b.unit}), a.specific and b.specific,
                   not a.things or not b.things, events, events or bool(a.verb and a.verb == b.verb),
                   "distance" in things, bool({a.low, a.high} & {b.low, b.high} - {0.0, float("inf")}), sim, support,
                   exact, exact and a.low >= 13, a.kind in ("money", "percent", "duration"), a.kind == "money",
                   a.kind == "duration", alone, one_event, kin,
                   bool(a.verb and b.verb) and not {a.verb, b.verb} & SPEECH_VERBS)


# The bands of two figures that can both be true, in order: the first that holds is the pair's.
SAME_VALUE_BANDS = (
    ("SAME_HAPPENING_OTHER_WORD", lambda s: s.kin and s.happening and s.sim >= SAME_FIGURE_CONTEXT),
    ("SAME_SPECIFIC_THING", lambda s: s.thing and s.specific),
    ("SAME_HAPPENING", lambda s: (s.thing or s.unsaid) and s.happening),
    ("MEASURE_IN_CONTEXT", lambda s: s.measure and s.sim >= SAME_FIGURE_CONTEXT),
    ("RARE_FIGURE_IN_CONTEXT", lambda s: s.rare and s.sim >= SAME_FIGURE_CONTEXT),
    ("SAME_THING_IN_CONTEXT", lambda s: s.thing and s.sim >= SAME_FIGURE_CONTEXT),
    ("SAME_DISTANCE", lambda s: s.distance and s.bound and (s.sim > 0 or s.support >= ENTITY_SUPPORT / 2)),
)
# The bands of two figures that cannot both be true: the sentences must say more that it is one
# quantity. A currency or a per cent sign names no thing ("$4.1 million" paid, "$9 million"
# awarded).
OTHER_VALUE_BANDS = (
    ("ONE_LENGTH_OF_ONE_THING", lambda s: s.named and s.duration and s.specific),
    ("SAME_SPECIFIC_THING", lambda s: s.named and s.specific and s.sim >= OTHER_FIGURE_CONTEXT),
    ("SAME_THING_IN_CONTEXT", lambda s: s.named and s.events and s.sim >= OTHER_FIGURE_CONTEXT),
    ("SAME_DISTANCE", lambda s: s.distance and s.sim >= OTHER_FIGURE_CONTEXT),
    ("MEASURE_IN_CONTEXT", lambda s: s.money and s.happening and s.sim >= OTHER_FIGURE_CONTEXT),
    ("MONEY_OF_ONE_EVENT", lambda s: s.money and s.one_event),
    ("ONE_COUNT_OF_ONE_EVENT", lambda s: s.events and (s.named or s.unsaid) and
     (s.alone or s.sim >= SAME_FIGURE_CONTEXT)),
    ("ONE_EVENT_OTHER_WORD", lambda s: s.kin and s.one_event and s.happened),
)


def _first(bands, shared: _Shared) -> tuple[str, int] | None:
    name = next((name for name, holds in bands if holds(shared)), None)
    return None if name is None else (name, BAND[name])


def _band(a: Extracted, b: Extracted, sim: float, support: float, exact: bool, kin: bool = False
          ) -> tuple[str, int] | None:
    """The band of two figures that can both be true, by what else they share. A vague amount
    needs more: the same event or much of the sentence ("millions of accounts", "two million
    accounts" are not one figure); one of nothing said pairs only with the same word. Two counted
    words no article sets apart (`kin`: Pool.kin) are one thing when the same thing happened to them."""
    shared = _Shared.of(a, b, sim, support, exact, False, kin=kin)
    if _vague_alone(a, b):
        same_word = a.vague and b.vague and a.claim.value == b.claim.value
        return ("VAGUE_SAME_WORD", VAGUE_SAME_WORD) if same_word and sim >= SAME_FIGURE_CONTEXT * 2 else None
    if (a.vague or b.vague) and not (shared.happening or sim >= OTHER_FIGURE_CONTEXT):
        return None
    return _first(SAME_VALUE_BANDS, shared)


def _band_of_difference(a: Extracted, b: Extracted, sim: float, alone: bool, one_event: bool = False,
                        kin: bool = False) -> tuple[str, int] | None:
    """The band of two figures that cannot both be true (`sim`: the sentences' words, and who and
    where: the shared names; `one_event`: their clauses tell one event; `kin`: Pool.kin). A vague
    amount says little of which quantity it is: one thing and most of the sentence, or the same
    event and much of it."""
    if _vague_alone(a, b):
        return None
    shared = _Shared.of(a, b, sim, 0.0, False, alone, one_event, kin)
    if (a.vague or b.vague) and not (shared.named and sim >= (OTHER_FIGURE_CONTEXT if shared.happening
                                                              else VAGUE_CONTEXT)):
        return None
    return _first(OTHER_VALUE_BANDS, shared)
