"""A figure's value: read from its words (parse_number: "2,000", "3.4 million", "$12m",
"thousands"), the interval its wording allows (bounds), and shown as a reader compares it
("min 30", "$3.4 million", "48 years", "23rd": value_shown, fmt)."""
from __future__ import annotations

import math
import re

from text_to_num import text2num

from .figures import Figure, Reading
from .lexicon import SCALES, VAGUE, VAGUE_LEAD


def parse_number(text: str, money: bool = False) -> tuple[float, float] | None:
    """'2,000' -> (2000, 2000); '3.4 million' -> (3.35e6, 3.45e6): a decimal figure stands for
    what rounds to it; '2½' -> 2.5; 'thousands' -> (1e3, 1e6); 'four', 'twenty-five' -> 4, 25.
    An amount of money may carry its scale as letters: '$12m', '$3bn', '$1tn', '€300k' (`money`:
    elsewhere "12m" is twelve metres)."""
    t = text.lower().replace(",", "").replace("\u00a0", " ").strip()
    m = re.fullmatch(r"\A(\d+)\s?(?:½|1/2)", t)  # "3½", "3 1/2"
    if m:
        v = int(m.group(1)) + 0.5
        return v, v
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?\s*(million|billion|thousand|trillion)?", t) or \
        (re.fullmatch(r"\b(\d+)(?:\.(\d+))?\s?(k|m|mn|mln|b|bn|tn)\b", t) if money else None)
    if m:
        scale = SCALES[m.group(3)] if m.group(3) else 1
        v = float(f"{m.group(1)}.{m.group(2) or 0}")
        half = 0.5 * 10 ** -len(m.group(2)) if m.group(2) else 0.0
        return (v - half) * scale, (v + half) * scale
    if t in VAGUE and t in VAGUE_LEAD:  # "several" alone: as it counts before a unit
        return float(VAGUE_LEAD[t][0]), float(VAGUE_LEAD[t][1])
    if t in VAGUE:
        return float(VAGUE[t]), float(VAGUE[t]) * 1000
    if t in ("dozen", "a dozen"):
        return 12.0, 12.0
    try:
        v = float(text2num(t, "en"))  # "four", "twenty-five", "three hundred"
    except ValueError:
        return None
    return v, v


def fmt(v: float) -> str:
    if v == math.inf:
        return "∞"
    v = round(v, 6)  # "19.3m" read as 19.25e6-19.35e6 has its middle back exactly
    if v >= 1e12 and v % 1e10 == 0:
        return f"{v / 1e12:,.2f}".rstrip("0").rstrip(".") + " trillion"
    if v >= 1e9 and v % 1e7 == 0:
        return f"{v / 1e9:,.2f}".rstrip("0").rstrip(".") + " billion"
    if v >= 1e6 and v % 1e4 == 0:
        return f"{v / 1e6:,.2f}".rstrip("0").rstrip(".") + " million"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0")


def bounds(fig: Figure, scale: float) -> tuple[float, float]:
    """The interval a figure allows in its kind's base unit: "more than 30" is [30, ∞), "about
    40" 10% either side; a vague amount ("hundreds") is its own range."""
    low, high = fig.value[0] * scale, fig.value[1] * scale
    if fig.vague:
        return low, high
    if fig.qual == "max":
        return 0.0, high
    if fig.qual == "min":
        return low, math.inf
    if fig.qual == "approx":
        return low * 0.9, high * 1.1
    return low, high


def value_shown(vague_text: str | None, fig: Figure, r: Reading) -> str:
    """The value as a reader compares it: "min 30", "$3.4 million", "48 years", "23rd"."""
    value, qual = fig.value, fig.qual
    if vague_text:
        return vague_text.lower()
    if fig.ordinal:
        return f"{fmt(value[0])}{'th' if 10 <= value[0] % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(value[0] % 10, 'th')}"
    if fig.ranged:
        figure = f"{fmt(value[0])}–{fmt(value[1])}"
    else:  # "3.4 million" stands for 3.35-3.45 million: shown as said
        figure = fmt((value[0] + value[1]) / 2)
    if r.kind == "money":
        figure = f"{r.unit}{figure}" if len(r.unit) == 1 else f"{figure} {r.unit}"
    elif r.kind == "percent":
        figure += "%"
    elif r.unit and r.kind != "age":
        figure += f" {r.unit if value == (1.0, 1.0) else _plural_unit(r.unit)}"
    elif r.kind == "age" and r.unit and r.unit != "year":
        figure += f" {r.unit}s"
    return f"{qual} {figure}" if qual else figure


def _plural_unit(unit: str) -> str:
    """"miles", "inches", "stories"; "feet" and "km" as they are."""
    if unit in ("feet", "ft", "km", "m", "kg", "mi", "lb") or unit.endswith("s"):
        return unit
    if unit.endswith(("ch", "sh")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"
