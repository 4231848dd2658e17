"""A fact's status: do the claims of one row agree, and if not, why (the reason shown on the page).

Figures are compared by what their wording allows, not by the bare number: "more than 300"
allows 300 up to about one rounding step more (a writer who knew of 600 would say so), "nearly
500" a little under 500, "up to 500" anything to 500, "about 40" ten per cent either way,
"hundreds" 200 to 999, "dozens" 24 to 99. Figures converted from another unit keep the
precision they were stated with ("320 km" is 315-325 km, "190 miles" 298-314 km: they differ).
"""
from __future__ import annotations

import math
import re

from . import wording
from .dates import dates_agree, times_agree
from .lexicon import LENGTH_UNITS, TIME_UNITS, VAGUE, VAGUE_LEAD
from .sentences import Extracted

# What a vague amount allows, as a multiple of its word's value in lexicon.VAGUE (the extractor's
# lower bound): "hundreds" is two hundred or more and under a thousand.
VAGUE_ALLOWS = {"hundreds": (2, 10), "thousands": (2, 10), "millions": (2, 10), "billions": (2, 10),
                "dozens": (2, 8.25), "scores": (2, 5), "several": (1, VAGUE_LEAD["several"][1] / VAGUE["several"]),
                "tens of thousands": (2, 10),
                "hundreds of thousands": (2, 10)}
OPEN_BOUND_REACH = 0.1  # "more than N" reaches N plus its rounding step, or this share of N if more;
# "nearly N" this share under N
APPROACHING = re.compile(r"(?i)^(nearly|almost|close to|just under)\b")  # "nearly N": a little under N


def allowed(x: Extracted, converted: bool = False) -> tuple[float, float]:
    """The values a figure's wording allows, in its kind's base unit (days, kilometres)."""
    word = x.claim.value if x.vague else ""
    if word in VAGUE_ALLOWS:
        return _vague(x, word)
    if x.high == math.inf:  # "more than N": N up to one rounding step more
        return x.low, x.low + _reach(x.low, x)
    if x.low == 0.0 and x.high > 0 and APPROACHING.match(x.claim.text):  # "nearly N": a little under
        return x.high * (1 - OPEN_BOUND_REACH), x.high
    if converted and x.low == x.high and x.unit in LENGTH_UNITS:  # stated precision of a converted length
        half = _step(x.low / LENGTH_UNITS[x.unit]) / 2 * LENGTH_UNITS[x.unit]
        return x.low - half, x.high + half
    return x.low, x.high


def _scale(x: Extracted) -> float:
    """The size of the figure's unit in its kind's base unit: a mile in km, a decade in days."""
    if x.unit in LENGTH_UNITS:
        return LENGTH_UNITS[x.unit]
    return TIME_UNITS[x.unit][1] if x.kind == "duration" and x.unit in TIME_UNITS else 1.0


def _vague(x: Extracted, word: str) -> tuple[float, float]:
    low, high = VAGUE_ALLOWS[word]
    return x.low * low, x.low * high


def _step(figure: float) -> float:
    """The rounding step a figure was stated with: 320 -> 10, 1,400 -> 100, 1,712 -> 1, 8.5 -> 1."""
    n = round(figure)
    if n <= 0 or abs(figure - n) > 1e-9:
        return 1.0
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    return float(step)


def _reach(bound: float, x: Extracted) -> float:
    """How far past an open bound its wording reaches: one rounding step of the figure as stated
    ("more than three decades": a decade; "more than 1,400": a hundred), at least OPEN_BOUND_REACH."""
    scale = _scale(x)
    return max(_step(bound / scale) * scale, OPEN_BOUND_REACH * bound)


# Lengths of time in two units meet within this share: a month is 28 to 31 days and 30.44 only on
# average ("18 months" and "a year and a half", "90 days" and "three months"; "13 months" and "a year" differ)
CALENDAR_SLACK = 0.015


def figures_agree(group: list[Extracted]) -> bool:
    """Can every figure of the group be true at once, by what its wording allows?"""
    converted = len({x.unit for x in group}) > 1
    spans = [allowed(x, converted) for x in group]
    if converted and group[0].kind == "duration":
        spans = [(lo * (1 - CALENDAR_SLACK), hi * (1 + CALENDAR_SLACK)) for lo, hi in spans]
    return max(lo for lo, _ in spans) <= min(hi for _, hi in spans)


def status(group: list[Extracted]) -> tuple[str, str, tuple]:
    """(status, reason, diff): the reason says why a row differs ("more than 300 flights ≠ nearly
    500 flights"); quotes that differ get the word diff of the first two wordings."""
    if len({x.claim.article for x in group}) < 2:
        return "single", "", ()
    kind = group[0].kind
    if kind == "quote":
        return _quote_status(group)
    if kind in ("equipment", "ordinal"):  # paired only when they name the same thing alike
        return "agree", "", ()
    if kind == "date":
        if all(dates_agree(group[0], x) for x in group[1:]):
            return "agree", "", ()
        return "differ", _reason([date_shown(x) for x in group]), ()
    if kind == "time":
        same = all(times_agree(a, b) for n, a in enumerate(group) for b in group[n + 1:])
        return ("agree", "", ()) if same else ("differ", _reason([x.claim.value for x in group]), ())
    if figures_agree(group):
        return "agree", "", ()
    return "differ", _reason([shown(x) for x in group]), ()


def _quote_status(group: list[Extracted]) -> tuple[str, str, tuple]:
    """Quotes differ in their words: a word one wording changes against the first, as its diff
    marks it (two excerpts that overlap, or differ in case, punctuation or quote marks only,
    change no word); reported speech is no wording, so it differs from nothing."""
    quoted = [x for x in group if not x.reported]
    values, lead = wording.framed(quoted)
    if len(quoted) < 2 or wording.agree(values):
        return "agree", "", ()
    if wording.pair_score(quoted[0], quoted[1]) is None:
        return "agree", "", ()  # two quotes a report joined, not one quote told two ways: no wording differs
    for value in values[1:]:
        diff = wording.unframed(wording.diff(values[0], value), lead)
        if any(op != "=" for op, _ in diff):
            return "differ", wording_reason(diff), diff
    return "agree", "", ()


MAX_CHANGES = 3  # word changes a quote's reason names


def wording_reason(diff: tuple[tuple[str, str], ...]) -> str:
    """What changed between two wordings of one quote: "“entirely ready” ≠ “ready”"."""
    changes: list[list[str]] = []
    for op, words in diff:
        if op == "=":
            continue
        if op == "+" and changes and changes[-1][1] == "" and changes[-1][0] and changes[-1][2] == "-":
            changes[-1][1] = words  # a replacement: "-" then "+"
            changes[-1][2] = "="
        else:
            changes.append([words, "", "-"] if op == "-" else ["", words, "+"])
    shown = [f"“{old}” ≠ “{new}”" if old and new else f"“{old}” left out" if old else f"“{new}” added"
             for old, new, _ in changes[:MAX_CHANGES]]
    return "; ".join(shown) + ("; …" if len(changes) > MAX_CHANGES else "") if shown else "the wording differs"


def _reason(values: list[str]) -> str:
    return " ≠ ".join(dict.fromkeys(values))


QUALIFIER_WORDS = {"min": "more than", "max": "up to", "approx": "about"}


def shown(x: Extracted) -> str:
    """A figure as a reader compares it: "more than 1,400 trains", "4.5 years", "$2.5 million".
    Money and per cents as their outlet wrote them; other figures by their value, the qualifier
    in words ("nearly" where the outlet said it), with the counted noun when it is a plain one."""
    if x.kind in ("money", "percent"):
        return re.sub(r"\s+", " ", x.claim.text).strip()
    qual, _, figure = x.claim.value.partition(" ") if x.claim.value.split(" ")[0] in QUALIFIER_WORDS else \
        ("", "", x.claim.value)
    words = "nearly" if qual == "max" and APPROACHING.match(x.claim.text) else QUALIFIER_WORDS.get(qual, "")
    noun = x.subject if x.kind == "number" and not x.unit and re.fullmatch(r"[a-z][a-z -]*", x.subject) else ""
    if x.vague and noun:
        return f"{figure} of {noun}"  # "hundreds of fans"
    return " ".join(part for part in (words, figure, noun) if part)


def date_shown(x: Extracted) -> str:
    """A resolved date as a reader reads it: "Tue 16 Jan 2018", "Jan 2018", "2013"."""
    d = x.claim.date
    if not x.granularity:
        return x.claim.text
    first = d.first_day()
    if first is not None and d.granularity in ("day", "month"):
        return first.strftime("%a %-d %b %Y" if d.granularity == "day" else "%b %Y")
    return d.iso
