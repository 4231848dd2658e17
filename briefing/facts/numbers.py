"""Numbers, ages and durations: the value, its qualifier ("more than", "about") and what it counts."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

from .lexicon import (ANIMALS, CLASS_OF, CURRENCY_SIGNS, CURRENCY_WORDS, EVENT_OF, EVENT_SENSES, GENERIC_THINGS,
                      GROUP_SIZE_WORDS, LENGTH_UNITS, MEASURE_UNITS, MONTH_ABBREVIATIONS, MONTHS, PERCENT_WORDS, SCALES,
                      TIME_UNITS, VAGUE, kinds_of)

from ..model import Entity, Parsed, ParsedArticle, Token
from .sentences import Extracted, View, children, lemma, make_claim, span_text

QUALIFIERS = {
    ("up", "to"): "max", ("at", "most"): "max", ("no", "more", "than"): "max", ("fewer", "than"): "max",
    ("less", "than"): "max", ("nearly",): "max", ("almost",): "max", ("under",): "max",
    ("at", "least"): "min", ("more", "than"): "min", ("over",): "min", ("upward", "of"): "min",
    ("just", "over"): "min", ("well", "more", "than"): "min",
    ("about",): "approx", ("around",): "approx", ("some",): "approx", ("approximately",): "approx",
    ("roughly",): "approx", ("an", "estimated"): "approx", ("estimated",): "approx",
}
# Words that start a number phrase (text2num reads the whole phrase).
QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS.items(), key=lambda kv: -len(kv[0]))
NUMBER_WORDS = frozenset({"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                          "hundred", "thousand", "million", "billion", "dozen"})
RANGE_WORDS = frozenset({"to", "-", "–", "and"})
# A number right after one of these names something ("Section 12", "No. 5"): it counts nothing.
IDENTIFIER_WORDS = frozenset({"section", "article", "chapter", "no", "no.", "number", "page", "route", "highway",
                              "interstate", "flight", "room", "unit", "reactor", "gate", "platform", "line",
                              "bus", "channel", "suite", "apartment", "apt", "floor", "level", "phase", "stage"})
PHONE = re.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[.-]\d{4}")
LOST_HALF = re.compile(r"(\d{1,2})1/2")
MEASURED = frozenset({*TIME_UNITS, *LENGTH_UNITS, *MEASURE_UNITS, "mile", "kilometre", "kilometer", "percent"})
ORDINAL = re.compile(r"(?<!\d)(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
UNIT_OF = {**{w: w for w in TIME_UNITS}, **{w + "s": w for w in TIME_UNITS}}


def parse_number(text: str, money: bool = False) -> tuple[float, float] | None:
    """'2,000' -> (2000, 2000); '3.4 million' -> (3.35e6, 3.45e6): a decimal figure stands for
    what rounds to it; '2½' -> 2.5; 'thousands' -> (1e3, 1e6); 'four', 'twenty-five' -> 4, 25.
    An amount of money may carry its scale as letters: '$12m', '$3bn', '$1tn', '€300k' (`money`:
    elsewhere "12m" is twelve metres)."""
    t = text.lower().replace(",", "").replace("\u00a0", " ").strip()
    m = re.fullmatch(r"\A(\d+)\s?½", t)
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
    if t in VAGUE:
        return float(VAGUE[t]), float(VAGUE[t]) * (10 if t == "several" else 1000)
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


@dataclass(frozen=True)
class Reading:
    """What a number measures."""

    kind: str  # number, age, duration, money, percent
    end: int  # token after the phrase the claim covers
    subject: str  # the row label: "cheerleaders", "Anna Keller: age"
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


def extract(pa: ParsedArticle, si: int, sents: View, mention_tokens: set[int]) -> list[Extracted]:
    """Every figure of segment si with what it counts: numbers, ages, durations, money, per cents."""
    site = Site(pa, si, sents, mention_tokens)
    toks = site.toks
    skip = set(mention_tokens) | _dates_of(pa.segments[si])
    out = []
    i = 0
    while i < len(toks):
        if i in skip or not _opens_figure(toks, i):
            i += 1
            continue
        fig, j = _figure(pa.article.raw, toks, i, skip)
        reading = _measure(site, fig) if fig is not None else None
        if reading is None:
            i = j
            continue
        out.append(_extracted(site, fig, reading))
        i = max(j, reading.end) if reading.kind != "number" or fig.ordinal else j
    return out + _vague_lengths(pa, si, sents)


def _dates_of(seg: Parsed) -> set[int]:
    """Tokens of the segment's dates: the dates extractor's ("48 years" and "27-year-old" are
    ours, and so is a lone small number the model calls a date: "Ana Ruiz, 41,")."""
    toks = seg.tokens
    return {k for ent in seg.ents if ent.label in ("DATE", "TIME") and not _duration_like(toks, ent.start, ent.end)
            and not (ent.end - ent.start == 1 and re.fullmatch(r"\d{1,3}", toks[ent.start].text))
            for k in range(ent.start, ent.end)}


# An amount of money with its scale in letters, one token: "$3bn", "5.2bn", "300k"
SCALED = re.compile(r"\b(\d+(?:,\d{3})*(?:\.\d+)?)(k|m|mn|mln|b|bn|tn)\b", re.IGNORECASE)
# A figure glued to the next word by a lost space: "aged 14,and", "12;the"
GLUED = re.compile(r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)[,;:](?=[^\W\d_])")
TIMES = {"once": 1, "twice": 2, "thrice": 3}
VAGUE_LEAD = {"several": (3, 10), "few": (2, 6)}  # "several hundred": 300-999; "a few thousand": 2,000-5,999


def _opens_figure(toks: tuple[Token, ...], i: int) -> bool:
    t = toks[i]
    low = t.text.lower()
    if (low in VAGUE and t.tag in ("NNS", "CD", "JJ")) or ORDINAL.fullmatch(t.text) or GLUED.match(t.text):
        return True
    if t.tag == "CD" and (t.text[:1].isdigit() or low in NUMBER_WORDS):
        return True
    if low in ("a", "an") and i + 1 < len(toks) and toks[i + 1].text.lower() == "dozen":
        return True  # "a dozen cars"
    if low in TIMES:
        return _counts_times(toks, i)
    return i > 0 and toks[i - 1].text in CURRENCY_SIGNS and bool(SCALED.fullmatch(t.text))


def _counts_times(toks: tuple[Token, ...], i: int) -> bool:
    """"shot twice", "was hit once in the leg": how many times the verb before it happened (not
    "once the war ends", "he was once a lawyer", "twice as many")."""
    if toks[i].dep != "advmod":
        return False
    k = toks[i].head
    for _ in range(3):
        if toks[k].pos == "VERB" or toks[k].head == k:
            break
        k = toks[k].head
    return toks[k].pos == "VERB" and k < i


def _figure(raw: str, toks: tuple[Token, ...], i: int, skip: set[int]) -> tuple[Figure | None, int]:
    """The figure that token i opens, and the token after it; None when it counts nothing (a
    phone number, "Section 12", a conversion in parentheses)."""
    word = _word_figure(toks, i)
    if word is not None:
        return word
    value, j, ordinal, vague = _run(raw, toks, i, skip)
    if value is None or _not_a_count(raw, toks, i, j):
        return None, j
    value, j, ranged = _widened(toks, value, j, bool(ordinal or vague))
    lead = toks[i - 1].text.lower() if i else ""
    if lead in VAGUE_LEAD and j - i == 1 and value[0] in (100, 1000, 1e6) and not ordinal:
        low_x, high_x = VAGUE_LEAD[lead]  # "several hundred": a range, said vaguely
        start = i - 2 if lead == "few" and i > 1 and toks[i - 2].text.lower() == "a" else i - 1
        return Figure(start, j, (value[0] * low_x, value[0] * high_x - 1), qs=start, vague=True), j
    qual, qs = _qualifier(toks, i)
    return Figure(i, j, value, qual, qs, ordinal, vague, ranged), j


def _word_figure(toks: tuple[Token, ...], i: int) -> tuple[Figure | None, int] | None:
    """A figure in one word: "twice" (how many times), "14,and" (a figure glued to the next word)."""
    t = toks[i]
    low = t.text.lower()
    if low in TIMES:
        return Figure(i, i + 1, (float(TIMES[low]),) * 2, qs=i, times=True), i + 1
    glued = GLUED.match(t.text)
    if glued is None or t.tag == "CD":
        return None
    value = parse_number(glued.group(1))
    qual, qs = _qualifier(toks, i)
    return (Figure(i, i + 1, value, qual, qs, cut=len(glued.group(1))) if value else None), i + 1


def _run(raw: str, toks: tuple[Token, ...], i: int, skip: set[int]) -> tuple[tuple[float, float] | None, int, bool, bool]:
    """(value, end, ordinal?, vague?) of the run of number tokens from i: "2,000", "3.4 million",
    "23rd", "hundreds", "$12m" (an amount's scale in letters), "41/2 years"."""
    t = toks[i]
    if t.text.lower() in ("a", "an"):  # "a dozen"
        return (12.0, 12.0), i + 2, False, False
    vague = t.text.lower() in VAGUE and t.tag in ("NNS", "CD", "JJ")
    ordinal = ORDINAL.fullmatch(t.text)
    if ordinal:
        return parse_number(ordinal.group(1)), i + 1, True, False
    j = i + 1
    while j < len(toks) and toks[j].tag == "CD" and j not in skip and not vague:
        j += 1
    money = i > 0 and toks[i - 1].text in CURRENCY_SIGNS
    if money and j < len(toks) and not toks[j - 1].ws and toks[j].text.lower().rstrip(".") in SCALES:
        j += 1  # "$12" "m", "$19.3" "m." at a sentence's end
    value = parse_number(raw[toks[i].start:toks[j - 1].end].rstrip("."), money)
    half = LOST_HALF.fullmatch(t.text)
    if half and j < len(toks) and toks[j].text.lower().rstrip("s") in MEASURED:
        value = (int(half.group(1)) + 0.5,) * 2  # "41/2 years": a ½ lost in scraping, before a unit only
    return value, j, False, vague


def _widened(toks: tuple[Token, ...], value: tuple[float, float], j: int, fixed: bool
             ) -> tuple[tuple[float, float], int, bool]:
    """The value with a multiplier or a range after it ("two dozen", "10 to 15 hours", "between 6
    and 8 feet"): (value, end, a range?)."""
    if fixed:
        return value, j, False
    if j < len(toks) and toks[j].text.lower() == "dozen":
        value, j = (value[0] * 12, value[1] * 12), j + 1
    if j + 1 < len(toks) and toks[j].text.lower() in RANGE_WORDS and toks[j + 1].tag == "CD":
        upper = parse_number(toks[j + 1].text)
        if upper is not None and upper[1] > value[0]:
            return (value[0], upper[1]), j + 2, True
    return value, j, False


def _bounds(fig: Figure, scale: float) -> tuple[float, float]:
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


def _extracted(site: Site, fig: Figure, reading: Reading) -> Extracted:
    """The claim of a figure read as `reading`: its words from the qualifier to what it measures."""
    pa, si, toks = site.pa, site.si, site.toks
    raw = pa.article.raw
    i, j = fig.i, fig.j
    qs = min(fig.qs, i - 1) if reading.kind == "money" and i > 0 and toks[i - 1].text in CURRENCY_SIGNS else fig.qs
    end = max(reading.end, j)  # "$3.4 million": from the sign
    start, stop, _ = span_text(raw, toks, qs, end)
    if fig.cut and end == i + 1:
        stop = toks[i].start + fig.cut  # "14" of "14,and"
    shown = _shown(raw[toks[i].start:toks[j - 1].end] if fig.vague else None, fig, reading)
    sent = toks[i].sent
    low, high = _bounds(fig, reading.scale)
    return Extracted(
        make_claim(pa, si, sent, start, stop, shown), reading.kind, (reading.kind,), low, high,
        entities=frozenset(site.sents.ids.get((pa.article.id, si, sent), ())), subject=reading.subject,
        specific=reading.specific, speaker=reading.person, things=reading.things,
        context=site.sents.context(pa, si, qs, end), verb=_verb_of(toks, i), vague=fig.vague, unit=reading.unit,
        events=_events(toks, qs, end, reading.things, reading.kind == "money"))


VAGUE_LENGTH_HEADS = frozenset({"for", "over", "within", "take", "last", "spend"})


def _vague_lengths(pa: ParsedArticle, si: int, sents: View) -> list[Extracted]:
    """Lengths of time given without a figure ("cooled for months", "could take days"): like
    "hundreds", they pair only with the same word about the same event."""
    toks = pa.segments[si].tokens
    out = []
    for t in toks:
        unit = UNIT_OF.get(t.text.lower())
        if unit is None or t.tag != "NNS" or t.head == t.i or lemma(toks[t.head]) not in VAGUE_LENGTH_HEADS:
            continue
        if any(c.head == t.i and c.dep in ("nummod", "quantmod", "det", "amod", "poss", "compound") for c in toks):
            continue  # "for several months", "for the past months": the figures' or the dates' extractor
        prep = toks[t.i - 1] if t.i and toks[t.i - 1].i == t.head and toks[t.i - 1].pos == "ADP" else t
        claim = make_claim(pa, si, t.sent, prep.start, t.end, t.text.lower())  # "for months"
        verb = _verb_of(toks, t.i)
        days = TIME_UNITS[unit][1]
        out.append(Extracted(claim, "duration", ("duration",), 2 * days, math.inf,
                             entities=frozenset(sents.ids.get((pa.article.id, si, t.sent), ())),
                             subject=f"{verb or 'time'}: length", context=sents.context(pa, si, t.i, t.i + 1),
                             verb=verb, vague=True, unit=unit, events=_events(toks, t.i, t.i + 1, frozenset()),
                             paired_only=True))
    return out


def _shown(vague_text: str | None, fig: Figure, r: Reading) -> str:
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


def _duration_like(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A DATE entity that is a length of time or an age: "48 years", "10 to 15 hours", "27-year-old"."""
    words = [t.text.lower() for t in toks[s:e]]
    if "ago" in words or not any(t.tag == "CD" or t.text.lower() in VAGUE for t in toks[s:e]):
        return False
    return any(w in UNIT_OF or w in TIME_UNITS for w in words)


def _glued(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A figure glued to a dash or slash before it ("G-20", "-2", "24/7")."""
    return i > 0 and toks[i - 1].text in ("-", "–", "/") and not toks[i - 1].ws


def _identifier(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A number that names something: "Section 12", "No. 5", "Unit 3", "Apollo 11"."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.text.lower().rstrip(".") in IDENTIFIER_WORDS | {"no"} and prev.tag != "CD" \
            and toks[i].text.lower() not in NUMBER_WORDS:
        return True
    return prev.tag == "NNP" and prev.ws != "" and prev.text[:1].isupper() and toks[i].text[:1].isdigit() \
        and prev.text.lower() not in _MONTHS


def _phone(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    return bool(PHONE.search(raw[max(0, toks[i].start - 6):toks[j - 1].end + 6]))


CONVERTED_UNITS = frozenset({*LENGTH_UNITS, *MEASURE_UNITS, *TIME_UNITS, "mile", "kilometer", "kilometre", "liter",
                             "litre"})


def _conversion(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A conversion in parentheses after another figure's unit ("20 km (12 miles)") or amount
    ("$41m (£31.5m)")."""
    if i >= 3 and toks[i - 1].text in CURRENCY_SIGNS and toks[i - 2].text == "(" and \
            (toks[i - 3].tag == "CD" or toks[i - 3].text.lower() in SCALES or SCALED.fullmatch(toks[i - 3].text)):
        return True
    if i == 0 or toks[i - 1].text != "(":
        return False
    return (i >= 3 and toks[i - 2].text.lower().rstrip("s") in CONVERTED_UNITS) or \
        (i >= 2 and toks[i - 2].text.lower() in ("km", "mi", "m", "ft", "kg", "lb"))


NOT_A_COUNT = (_glued, _identifier, _phone, _conversion)


def _not_a_count(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """Phone numbers, "Section 12", a figure glued to a word ("G20", "-2"), a conversion in
    parentheses after another figure ("20 km (12 miles)")."""
    return any(rule(raw, toks, i, j) for rule in NOT_A_COUNT)


_MONTHS = frozenset(MONTHS) | MONTH_ABBREVIATIONS


def _person_at(pa: ParsedArticle, si: int, i: int, sents: View) -> Entity | None:
    e = sents.by_token.get((pa.article.id, si, i))
    return e if e is not None and e.label == "PERSON" else None


def _measure(site: Site, fig: Figure) -> Reading | None:
    """What a figure measures, read from the syntax around it: the first of MEANINGS whose words
    are there decides (None: it states no fact)."""
    return next((read(site, fig) for applies, read in MEANINGS if applies(site, fig)), None)


def _words_after(site: Site, fig: Figure) -> list[str]:
    return [x.text.lower() for x in site.toks[fig.j:fig.j + 4]]


def _word_before(site: Site, fig: Figure) -> str:
    return site.toks[fig.i - 1].text if fig.i > 0 else ""


def _position(site: Site, fig: Figure) -> Reading | None:
    """"the 23rd floor", "the 15th-floor shaft": a position, never "first"."""
    toks = site.toks
    k = fig.j + 1 if _words_after(site, fig)[:1] in (["-"], ["–"]) else fig.j
    if fig.value[0] < 2 or k >= len(toks) or not toks[k].tag.startswith("NN"):
        return None
    word = lemma(toks[k])
    return Reading("number", k + 1, f"{word} (position)", frozenset({f"{word}#"}), specific=True)


CURRENCY_NOUNS = {w + "s": w for w in CURRENCY_WORDS} | {w: w for w in CURRENCY_WORDS}


def _is_money(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return _word_before(site, fig) in CURRENCY_SIGNS or bool(nxt and nxt[0] in CURRENCY_NOUNS)


def _money(site: Site, fig: Figure) -> Reading:
    """"$3.4 million", "40 euros"."""
    prev = _word_before(site, fig)
    unit = CURRENCY_SIGNS.get(prev) or CURRENCY_WORDS[_words_after(site, fig)[0].rstrip("s")]
    end = fig.j + (0 if prev in CURRENCY_SIGNS else 1)
    return Reading("money", end, f"amount ({unit})", frozenset({unit}), unit=unit, specific=True)


def _is_percent(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and (nxt[0] in PERCENT_WORDS or " ".join(nxt[:2]) == "per cent")


def _percent(site: Site, fig: Figure) -> Reading:
    """"12 percent", "5 per cent interest": of what, when a noun follows."""
    toks = site.toks
    end = fig.j + (2 if _words_after(site, fig)[0] == "per" else 1)
    noun = toks[end] if end < len(toks) and toks[end].tag.startswith("NN") else None
    thing = lemma(noun) if noun is not None else ""
    return Reading("percent", end + (1 if noun is not None else 0), f"per cent{f' ({thing})' if thing else ''}",
                   frozenset({thing} - {""}), unit="%", specific=True)


def _is_hyphenated(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return nxt[:1] in (["-"], ["–"]) and len(nxt) > 1


def _hyphenated(site: Site, fig: Figure) -> Reading | None:
    """A figure joined to the word after it: "the 52-year-old", "a 50-mile zone", "a 140-person
    orchestra", "a six-reactor plant" (six reactors)."""
    toks, j = site.toks, fig.j
    nxt = _words_after(site, fig)
    word = nxt[1]
    if nxt[2:4] in (["-", "old"], ["–", "old"]) and word in UNIT_OF:
        return _age(site, j + 3, UNIT_OF[word])
    noun = _noun_after(toks, j + 2)
    if word in UNIT_OF:
        if noun is None:
            return None
        unit, days = TIME_UNITS[UNIT_OF[word]]
        thing, things = _thing(toks, noun, site.mention_tokens)
        return Reading("duration", noun.i + 1, f"{thing}: length", things, unit, days, specific=True)
    if noun is None:
        return None
    if word in LENGTH_UNITS or word.rstrip("s") in LENGTH_UNITS or word in MEASURE_UNITS:
        thing, things = _thing(toks, noun, site.mention_tokens)
        unit = word.rstrip("s") if word.rstrip("s") in LENGTH_UNITS else word
        things |= {"distance"} if unit in LENGTH_UNITS else set()  # a 50-mile zone is 50 miles away
        return Reading("number", noun.i + 1, f"{thing} ({unit})", things, unit, LENGTH_UNITS.get(unit, 1.0),
                       specific=True)
    if word in GROUP_SIZE_WORDS:  # the size of the noun that follows
        thing, things = _thing(toks, noun, site.mention_tokens)
        return Reading("number", noun.i + 1, f"{thing} (size)", things, specific=True)
    thing, things = _thing(toks, toks[j + 1], site.mention_tokens)
    return Reading("number", j + 2, thing, things, specific=thing not in GENERIC_THINGS)


def _is_time_unit(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and nxt[0] in UNIT_OF


def _time_length(site: Site, fig: Figure) -> Reading | None:
    """"48 years", "41/2 years old" (an age), "for 2½ weeks"; "two years ago" is a date."""
    nxt = _words_after(site, fig)
    unit, days = TIME_UNITS[UNIT_OF[nxt[0]]]
    if nxt[1:2] == ["old"]:
        return _age(site, fig.j + 1, unit, predicative=True)
    if nxt[1:3] in (["-", "old"], ["–", "old"]):  # "the 33 year-old", hyphened only once
        return _age(site, fig.j + 2, UNIT_OF[nxt[0]])
    if nxt[1:2] == ["ago"]:
        return None
    verb = _verb_of(site.toks, fig.i)
    return Reading("duration", fig.j + 1, f"{verb or 'time'}: length", frozenset(), unit, days, specific=True)


def _is_apposed_age(site: Site, fig: Figure) -> bool:
    return fig.value[0] == fig.value[1] and 0 < fig.value[0] < 125 and not fig.qual and \
        _appositive_age(site, fig) is not None


def _apposed_age(site: Site, fig: Figure) -> Reading:
    """"Anna Keller, 52,": her age; one of a family's listed ages is no one person's; "the
    boy, aged 14,": the boy's."""
    whose, listed = _appositive_age(site, fig)
    year = TIME_UNITS["year"][1]
    if isinstance(whose, Token):
        word = lemma(whose)
        return Reading("age", fig.j, f"{word}: age", frozenset({word, "person"}), "year", year, specific=True)
    return Reading("age", fig.j, f"{whose.name}: age{'s' if listed else ''}", frozenset({"person"}), "year", year,
                   "" if listed else whose.id, True)


def _is_length(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and (nxt[0] in LENGTH_UNITS or nxt[0].rstrip("s") in LENGTH_UNITS)


def _length(site: Site, fig: Figure) -> Reading:
    """"240 km", "50 miles"; "a 5 km (3 mile) race course": the course's length."""
    toks, j = site.toks, fig.j
    word = _words_after(site, fig)[0]
    unit = word if word in LENGTH_UNITS else word.rstrip("s")
    noun = _noun_after(toks, j + 1) if toks[j].dep in ("compound", "nmod", "amod") else None
    if noun is not None:
        thing, things = _thing(toks, noun, site.mention_tokens)
        return Reading("number", noun.i + 1, f"{thing} ({unit})", things | {"distance"}, unit, LENGTH_UNITS[unit],
                       specific=True)
    return Reading("number", j + 1, f"distance ({unit})", frozenset({"distance"}), unit, LENGTH_UNITS[unit])


def _count(site: Site, fig: Figure) -> Reading | None:
    """A count of things: the noun it counts ("four jets", "millions of refugees"), a people
    named as a group ("1 million Muslims"), or a figure with no noun (_uncounted)."""
    toks, i, j = site.toks, fig.i, fig.j
    head = _counted(toks, i, j)
    if fig.value == (1.0, 1.0):
        return None  # "one official", "under one flag": not a fact
    if head is None:
        group = _group_counted(site.pa, site.si, j, site.sents)
        if group is not None:
            word = group.text.lower()
            return Reading("number", group.i + 1, group.text, frozenset({word, word.rstrip("s"), "people"}),
                           specific=True)
        return _uncounted(toks, i, j, fig.value)
    if _names(toks, fig, head):
        return None
    thing, things = _thing(toks, head, site.mention_tokens)
    end = head.i + 1 if j <= head.i <= j + 6 else j
    word = lemma(head)
    core = thing.split()[-2] if word in GENERIC_THINGS and " " in thing else word  # "six reactor units": reactors
    specific = core not in GENERIC_THINGS and CLASS_OF.get(core) != "people"
    label = _plural(thing, head)
    verb = _verb_of(toks, head.i) if not specific and head.dep in ("dobj", "nsubj", "nsubjpass") else ""
    return Reading("number", end, f"{label} ({verb})" if verb else label, things, specific=specific)


def _names(toks: tuple[Token, ...], fig: Figure, head: Token) -> bool:
    """A figure right before a singular noun that names it rather than counts it: "a 911 call",
    "a 737 jet", "the 1040 form". A count is plural in meaning whatever its noun's number ("5,000
    staff", "hundreds of army and police"): no article before it, or a thousands separator."""
    num = toks[fig.j - 1]
    if head.tag != "NN" or num.head != head.i or fig.value[0] != int(fig.value[0]) or fig.value[0] <= 1:
        return False
    article = toks[fig.qs - 1].text.lower() if fig.qs > 0 else ""
    return article in ("a", "an") or num.dep in ("compound", "nmod") or \
        (article in ("the", "this", "that", "its", "his", "her", "their") and "," not in num.text)


def _times(site: Site, fig: Figure) -> Reading:
    """"booked twice": how many times it happened, a count of that verb's doing."""
    verb = _verb_of(site.toks, fig.i)
    return Reading("number", fig.j, f"times ({verb})" if verb else "times", frozenset({f"time#{verb}"}),
                   specific=bool(verb))


def _is_aged(site: Site, fig: Figure) -> bool:
    return fig.i > 0 and site.toks[fig.i - 1].text.lower() == "aged" and not fig.qual


def _aged(site: Site, fig: Figure) -> Reading | None:
    """"a boy aged 14", "two men aged 30 and 41": the age of whom "aged" describes."""
    toks = site.toks
    head = toks[toks[fig.i - 1].head]
    if head.i == fig.i - 1 or not head.tag.startswith("NN"):
        return None
    person = _person_of(site, head)
    year = TIME_UNITS["year"][1]
    if person is not None:
        return Reading("age", fig.j, f"{person.name}: age", frozenset({"person"}), "year", year, person.id, True)
    word = lemma(head)
    return Reading("age", fig.j, f"{word}: age", frozenset({word, "person"}), "year", year, specific=True)


def _always(site: Site, fig: Figure) -> bool:
    return True


# What a figure measures, by the words around it: the first that applies reads it.
MEANINGS = (
    (lambda site, fig: fig.times, _times),
    (lambda site, fig: fig.ordinal, _position),
    (_is_money, _money),
    (_is_percent, _percent),
    (_is_hyphenated, _hyphenated),
    (_is_time_unit, _time_length),
    (_is_aged, _aged),
    (_is_apposed_age, _apposed_age),
    (_is_length, _length),
    (_always, _count),
)


AGE_LEAD = frozenset({"now", "aged", "age", "both"})


def _appositive_age(site: Site, fig: Figure) -> tuple[Entity | Token, bool] | None:
    """Whose age the figure is, in apposition: "Anna Keller, 52, said", "Anna Keller, now 52,",
    "Jo Park, a former league star, 34," (the star is Jo Park); one of a list of ages of several
    people: "the Ortegas, aged 70 and 68 in turn," (then True: the age of one of them, not of the
    name as a whole); or a person not named, "the boy, 14," (the noun's Token)."""
    toks = site.toks
    i, j = fig.i, fig.j
    first, last = _figure_list(toks, i, j)
    k = first - 1
    if k >= 0 and toks[k].text.lower() in AGE_LEAD:
        k -= 1
    end = last + 1 if last < len(toks) and toks[last].text.lower() == "respectively" else last
    closed = fig.cut or end >= len(toks) or toks[end].text in (",", ".", ";")  # "14,and": its own comma
    if k < 1 or toks[k].text != "," or not closed:
        return None
    listed = last > j or first < i
    whose = _apposed_to(site, toks[k - 1], listed)
    return (whose, listed) if whose is not None else None


def _apposed_to(site: Site, before: Token, listed: bool) -> Entity | Token | None:
    """The person (or people noun) the words before an apposed age name."""
    person = _person_at(site.pa, site.si, before.i, site.sents)
    if person is None and before.dep == "appos" and before.head != before.i:  # "Jo Park, a … star, 34,"
        person = _person_at(site.pa, site.si, before.head, site.sents)
    if person is None and listed:  # "the Ortegas, 70 and 68": a family, however labelled
        person = site.sents.by_token.get((site.pa.article.id, site.si, before.i))
        person = person if person is not None and person.label in ("PERSON", "NORP") else None
    if person is None and not listed and before.tag == "NN":
        return before  # "the boy, 14,", "the keeper, 33,"
    return person


def _figure_list(toks: tuple[Token, ...], i: int, j: int) -> tuple[int, int]:
    """The list of figures the one at [i, j) is in ("75 and 67", "30, 31 and 33"), as [first, last)."""
    first, last = i, j
    while first >= 2 and toks[first - 1].text.lower() in (",", "and") and toks[first - 2].tag == "CD":
        first -= 2
    while last + 1 < len(toks) and toks[last].text.lower() in (",", "and") and toks[last + 1].tag == "CD":
        last += 2
    return first, last


def _group_counted(pa: ParsedArticle, si: int, j: int, sents: View) -> Token | None:
    """The people a figure counts when they are named as a group ("1 million Muslims"): a plural
    name the entity stage calls a nationality, religious or political group (NORP)."""
    toks = pa.segments[si].tokens
    num = toks[j - 1]
    if num.dep != "nummod" or num.head == num.i or toks[num.head].tag != "NNPS":
        return None  # "the two Koreas" (places) counts nothing
    e = sents.by_token.get((pa.article.id, si, num.head))
    return toks[num.head] if e is not None and e.label == "NORP" else None


def _plural(thing: str, head: Token) -> str:
    return thing[: -len(lemma(head))] + head.text.lower() if head.tag == "NNS" and thing.endswith(lemma(head)) else thing


DIAL_VERBS = frozenset({"call", "dial", "phone", "ring", "text"})


def _uncounted(toks: tuple[Token, ...], i: int, j: int, value: tuple[float, float]) -> Reading | None:
    """A figure with no noun after it ("12 were treated", "the toll stood at 6,405"): what it
    counts is in the sentence; it pairs only on the same figure and the same event."""
    num = toks[j - 1]
    if value[0] < 2 or (1900 <= value[0] <= 2100 and value[0] == int(value[0])):
        return None  # "2013" is a date
    if i > 0 and toks[i - 1].text.lower() in ("the", "both", "all", "these", "those", "its", "their"):
        return None  # "the two could find common ground": people already named, not a count
    if num.dep in ("nsubj", "nsubjpass", "dobj"):
        verb = toks[num.head]
        if verb.pos != "VERB" or (num.dep == "dobj" and lemma(verb) in DIAL_VERBS):
            return None  # "he called 911": a number to call, not a count
        return Reading("number", j, f"{lemma(verb)} (count)", frozenset(), specific=False)
    if num.dep == "pobj" and toks[num.head].text.lower() == "of" and toks[toks[num.head].head].tag in ("NN", "NNS"):
        group = toks[toks[num.head].head]  # "a squad of 23", "a crowd of 5,000": its size
        thing, things = _thing(toks, group, frozenset())
        return Reading("number", j, f"{thing} (size)", things, specific=True)
    if num.dep == "pobj" and toks[num.head].text.lower() in ("at", "to"):  # "stood at 6,405", "rose to 50"
        verb = toks[toks[num.head].head]
        subj = next((t for t in toks if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag.startswith("NN"):
            word = lemma(subj)
            return Reading("number", j, word, frozenset({word} | kinds_of(word)), specific=False)
    return None


def _noun_after(toks: tuple[Token, ...], k: int) -> Token | None:
    """The noun a hyphenated "50-mile" modifies: the next noun within a few tokens, past "(80-km)"."""
    depth = 0
    for t in toks[k:k + 8]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.tag.startswith("NN"):
            while t.dep == "compound" and t.i < t.head <= t.i + 3 and toks[t.head].tag.startswith("NN"):
                t = toks[t.head]  # "a 20 km evacuation zone": the zone
            return t
        elif depth == 0 and t.tag not in ("JJ", "HYPH", "CD", "NNP", "VBN", "VBG") and t.pos != "PUNCT":
            return None
    return None


def _age(site: Site, old: int, unit: str, predicative: bool = False) -> Reading | None:
    """Whose age "the 52-year-old X" or "X is 52 years old" gives: the syntax says, never the
    nearest name. X a person's name (or in apposition to one): theirs; a common noun: that noun's
    ("his three-year-old dog" is the dog's). The age of a thing ("a war now 4 years old") is a length."""
    toks = site.toks
    _, days = TIME_UNITS[unit]
    if old >= len(toks):
        return None
    if predicative:
        head = _clause_subject(toks, old)
    elif toks[old].dep in ("dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj") or toks[old].tag.startswith("NN"):
        return Reading("age", old + 1, "person: age", frozenset({"person"}), unit, days, specific=True)  # "a 3-year-old"
    else:
        head = toks[toks[old].head] if toks[old].head != old and toks[old].head > old else None
    if head is None:
        return None
    person = _person_of(site, head)
    if person is not None:
        return Reading("age", old + 1, f"{person.name}: age", frozenset({"person"}), unit, days, person.id, True)
    return _noun_age(toks, head, old, unit, predicative)


def _clause_subject(toks: tuple[Token, ...], k: int) -> Token | None:
    """The subject of the clause of token k ("X is 52 years old": X)."""
    while toks[k].head != k and toks[k].dep not in ("ROOT",) and toks[k].pos not in ("VERB", "AUX"):
        k = toks[k].head
    return next((t for t in toks if t.head == k and t.dep in ("nsubj", "nsubjpass")), None)


def _person_of(site: Site, head: Token) -> Entity | None:
    """The person a noun phrase names: its own name, the name it is in apposition to, or a name
    in apposition to it ("the suspect, Jonas Brevik")."""
    person = _person_at(site.pa, site.si, head.i, site.sents)
    if person is None and head.dep == "appos":
        person = _person_at(site.pa, site.si, head.head, site.sents)
    if person is None:
        person = next((e for t in site.toks if t.head == head.i and t.dep == "appos"
                       and (e := _person_at(site.pa, site.si, t.i, site.sents)) is not None), None)
    return person


def _noun_age(toks: tuple[Token, ...], head: Token, old: int, unit: str, predicative: bool) -> Reading | None:
    """The age a common noun is given: a person's or an animal's; a thing's age is a length."""
    _, days = TIME_UNITS[unit]
    word = lemma(head)
    if not head.tag.startswith("NN") and head.pos != "VERB":
        return None
    people = word not in ANIMALS  # ages are people's, save an animal's: "the 27-year-old suspect"
    if predicative and (not head.tag.startswith("NN") or CLASS_OF.get(word) not in ("people", "child")):
        thing, things = word, frozenset({word} | kinds_of(word))
        return Reading("duration", old + 1, f"{thing}: length", things, unit, days, specific=True)
    end = head.i + 1 if not predicative and head.i - old <= 4 else old + 1
    return Reading("age", end, f"{word}: age", frozenset({word} | ({"person"} if people else kinds_of(word))),
                   unit, days, specific=True)


def _events(toks: tuple[Token, ...], s: int, e: int, things: frozenset[str], money: bool = False) -> frozenset[str]:
    """What happened to the counted things: said by the clause they are in (the verb they hang
    from and its complements: "killing 38 people", "390,000 people, … , are homeless", "staying
    in shelters"), else by the words next to them ("six people dead", "with 10,259 missing").
    Each word in the sense it has there (_in_sense)."""
    said: list[Token] = []
    k = _governor(toks, e - 1)
    if k is not None:
        said.append(toks[k])
        for c in children(toks, k):
            if c.dep in CLAUSE_COMPLEMENTS:
                said.append(c)
            elif c.dep == "prep" and c.text.lower() in ("in", "at", "into", "inside"):  # "staying in shelters"
                for o in children(toks, c.i):
                    if o.dep == "pobj":
                        said += [o] + [x for x in children(toks, o.i) if x.dep == "conj"]
    found = _event_classes(toks, things, said, money)
    if found:
        return found
    sent = toks[s].sent
    near = [t for t in toks[max(0, s - 3):e + 4] if t.sent == sent and not (t.pos == "NOUN" and t.dep == "pobj")]
    return _event_classes(toks, frozenset(), near, money)  # "six people dead"; never "… to life"


def _event_classes(toks: tuple[Token, ...], things: frozenset[str], said: list[Token], money: bool) -> frozenset[str]:
    """The event classes of the counted thing's words and of the tokens said about it."""
    words = [(w, None) for w in things] + [(w, t) for t in said for w in {lemma(t), t.text.lower()}]
    return frozenset(EVENT_OF[w] for w, t in words if w in EVENT_OF and _in_sense(toks, w, t, money))


def _in_sense(toks: tuple[Token, ...], word: str, tok: Token | None, money: bool) -> bool:
    """Does the word report its event class here? Paying and receiving are of money ("ready to
    receive 500 refugees" is no payment); a word of EVENT_SENSES only in the plural or with a
    number when it is not the counted noun itself ("three counts", "claimed 30 lives"; "the count of
    ballots" is a tally, "15 years to life" a sentence)."""
    if EVENT_OF[word] == "payment" and not money:
        return False
    if tok is None or word not in EVENT_SENSES:
        return True
    return tok.tag == "NNS" or any(c.dep == "nummod" for c in children(toks, tok.i))


CLAUSE_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "xcomp", "advmod", "dobj", "ccomp"})


def _governor(toks: tuple[Token, ...], i: int) -> int | None:
    """The verb (or auxiliary used as a verb: "are homeless") whose clause token i is in."""
    k, seen = i, 0
    while toks[k].pos not in ("VERB", "AUX") and toks[k].head != k and seen < 8:
        k, seen = toks[k].head, seen + 1
    return k if toks[k].pos in ("VERB", "AUX") else None


def _verb_of(toks: tuple[Token, ...], i: int) -> str:
    """The verb a figure hangs from ("kill" for "killing 38 people"), or ""."""
    k, seen = i, 0
    while toks[k].pos not in ("VERB",) and toks[k].head != k and seen < 8:
        k, seen = toks[k].head, seen + 1
    return lemma(toks[k]) if toks[k].pos == "VERB" and lemma(toks[k]) not in ("be", "have") else ""


def _thing(toks: tuple[Token, ...], head: Token, mention_tokens: set[int]) -> tuple[str, frozenset[str]]:
    """('fighter jet', {'jet', 'fighter', 'fighter jet', 'aircraft'}): the counted noun with its
    common-noun compounds, and every word and synonym class it may be matched by."""
    mods = [t for t in toks[max(0, head.i - 4):head.i] if t.head == head.i and t.dep == "compound"
            and not (t.i > 0 and toks[t.i - 1].text in ("-", "–"))  # "550-member": the figure's own word
            and t.tag.startswith("NN") and t.i not in mention_tokens and not t.text[:1].isupper()
            and t.text.lower() not in UNIT_OF and t.text.lower().rstrip("s") not in LENGTH_UNITS
            and t.text.lower() not in MEASURE_UNITS]
    word = lemma(head)
    phrase = " ".join([lemma(m) for m in mods] + [word])
    words = {word, phrase}
    if word in GENERIC_THINGS and mods:  # "six reactor units" count reactors
        words.add(lemma(mods[-1]))
    words |= {k for w in list(words) for k in kinds_of(w)}
    return phrase, frozenset(words)


def _qualifier(toks: tuple[Token, ...], s: int) -> tuple[str | None, int]:
    for words, kind in QUALIFIERS_LONGEST_FIRST:
        n = len(words)
        if s - n >= 0 and tuple(t.text.lower() for t in toks[s - n:s]) == words:
            return kind, s - n
    return None, s


def _counted(toks: tuple[Token, ...], s: int, e: int) -> Token | None:
    """The noun a number counts: its head for `four jets`, the object of `of` for `millions of refugees`;
    the number's own head when the last word of the figure hangs from it ("two dozen homes")."""
    num = toks[e - 1]
    for n in (num, toks[s]) if e - s > 1 else (num,):
        if n.dep in ("nummod", "quantmod", "amod") and s <= n.head < e:
            continue  # "dozen" hangs from "two"
        if (n.dep in ("nummod", "quantmod", "amod") or (n.dep == "compound" and n.text.lower() == "dozen")) \
                and n.head != n.i:  # "a dozen cars": the model calls "dozen" the cars' compound
            head = toks[n.head]
            if head.tag in ("NN", "NNS"):  # not a name: "the two Koreas" counts nothing
                return head
            break
    for t in toks[e:e + 3]:
        if t.text.lower() == "of" and t.head == num.i:
            obj = next((x for x in toks[t.i + 1:t.i + 16] if x.head == t.i and x.dep == "pobj"), None)
            if obj is not None and obj.tag in ("NN", "NNS"):
                return obj
    return None
