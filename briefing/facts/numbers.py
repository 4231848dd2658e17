"""Finding a figure in the tokens: its extent ("2,000", "3.4 million", "23rd", "$12m", "several
hundred", "twice", "10 to 15"), its qualifier ("more than", "about"); what is no count (a phone
number, "Section 12", a conversion in parentheses); and the claim it makes. Its value is read and
shown by values.py; what the figure measures by meanings.py (ages by ages.py)."""
from __future__ import annotations

import math
import re

from ..model import Parsed, ParsedArticle, Token
from . import frames
from .figures import Figure, Reading, Site
from .lexicon import (CURRENCY_SIGNS, LENGTH_UNITS, MEASURE_UNITS, MONTH_ABBREVIATIONS, MONTHS, SCALES, TIME_UNITS,
                      VAGUE, VAGUE_LEAD, WEEKDAYS)
from .meanings import measure_of
from .sentences import Extracted, View, climb, lemma, make_claim, span_text
from .things import UNIT_OF, events_of, verb_of
from .values import bounds, parse_number, value_shown

QUALIFIERS = {
    ("up", "to"): "max", ("at", "most"): "max", ("no", "more", "than"): "max", ("fewer", "than"): "max",
    ("less", "than"): "max", ("nearly",): "max", ("almost",): "max", ("under",): "max",
    ("at", "least"): "min", ("more", "than"): "min", ("over",): "min", ("upward", "of"): "min",
    ("just", "over"): "min", ("well", "more", "than"): "min", ("as", "much", "as"): "max", ("as", "many", "as"): "max",
    ("about",): "approx", ("around",): "approx", ("some",): "approx", ("approximately",): "approx",
    ("roughly",): "approx", ("an", "estimated"): "approx", ("estimated",): "approx",
    # a negated bound is the other bound: "no fewer than 40" is at least 40
    ("no", "fewer", "than"): "min", ("no", "less", "than"): "min", ("not", "fewer", "than"): "min",
    ("not", "less", "than"): "min", ("not", "more", "than"): "max",
    ("above",): "min", ("in", "excess", "of"): "min", ("upwards", "of"): "min", ("a", "minimum", "of"): "min",
    ("greater", "than"): "min", ("below",): "max", ("a", "maximum", "of"): "max", ("close", "to"): "max",
}
# Words that start a number phrase (text2num reads the whole phrase).
QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS.items(), key=lambda kv: -len(kv[0]))
NUMBER_WORDS = frozenset({"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                          "hundred", "thousand", "million", "billion", "dozen"})
RANGE_WORDS = frozenset({"to", "-", "–", "and", "or"})  # "10 to 15", "two or three": a range
# A number right after one of these names something ("Section 12", "No. 5"): it counts nothing.
IDENTIFIER_WORDS = frozenset({"section", "article", "chapter", "no", "no.", "number", "page", "route", "highway",
                              "interstate", "flight", "room", "unit", "reactor", "gate", "platform", "line",
                              "bus", "channel", "suite", "apartment", "apt", "floor", "level", "phase", "stage"})
PHONE = re.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[.-]\d{4}")
LOST_HALF = re.compile(r"(\d{1,2})1/2")
MEASURED = frozenset({*TIME_UNITS, *LENGTH_UNITS, *MEASURE_UNITS, "mile", "kilometre", "kilometer", "percent"})
ORDINAL = re.compile(r"(?<!\d)(\d+)(?:st|nd|rd|th)", re.IGNORECASE)


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
        reading = measure_of(site, fig) if fig is not None else None
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


def _opens_figure(toks: tuple[Token, ...], i: int) -> bool:
    t = toks[i]
    low = t.text.lower()
    digit = t.text[:1].isdigit()  # both patterns open with \d, a digit to str.isdigit too
    if (low in VAGUE and t.tag in ("NNS", "CD", "JJ")) or digit and (ORDINAL.fullmatch(t.text) or GLUED.match(t.text)) \
            or _vague_phrase(toks, i):
        return True
    if t.tag == "CD" and (t.text[:1].isdigit() or low in NUMBER_WORDS):
        return True
    if low in WORD_LEADS:
        return WORD_LEADS[low](toks, i)
    return i > 0 and toks[i - 1].text in CURRENCY_SIGNS and bool(SCALED.fullmatch(t.text))


def _next_words(toks: tuple[Token, ...], i: int, n: int) -> list[str]:
    return [t.text.lower() for t in toks[i + 1:i + 1 + n]]


def _a_opens(toks: tuple[Token, ...], i: int) -> bool:
    """"a dozen cars", "a foot of hail", "a street and a half"."""
    return i + 1 < len(toks) and (toks[i + 1].text.lower() == "dozen" or _one_unit(toks, i) or
                                  (toks[i + 1].tag == "NN" and _and_a_half(toks, i + 2)))


# Words that open a figure in some company only: what each needs after (or around) it.
WORD_LEADS = {
    "a": _a_opens, "an": _a_opens,
    **{w: (lambda toks, i: _counts_times(toks, i)) for w in TIMES},  # "shot twice"
    "half": lambda toks, i: _next_words(toks, i, 2) == ["a", "dozen"],  # "half a dozen"
    **{w: (lambda toks, i: _next_words(toks, i, 1) == ["dozen"]) for w in VAGUE_LEAD},  # "several dozen"
}


# Units one of which is said with "a": "a foot of hail", "for a year", "nearly a mile"
ONE_UNITS = frozenset({"foot", "mile", "kilometre", "kilometer", "metre", "meter", "yard", *TIME_UNITS})
ONE_TIME_LEAD = frozenset({"for", "within", "over", "nearly", "almost", "about", "around", "some", "than", "roughly"})
NOT_ONE_UNIT_AFTER = frozenset({"ago", "after", "before", "later", "earlier", "-", "–", "or", "and"})


def _and_a_half(toks: tuple[Token, ...], k: int) -> bool:
    """"and a half" at token k: "a mile and a half", "two hours and a half"."""
    return [t.text.lower() for t in toks[k:k + 3]] == ["and", "a", "half"] and \
        (k + 3 >= len(toks) or toks[k + 3].text not in ("-", "–"))  # not "a man and a half-eaten pie"


def _one_unit(toks: tuple[Token, ...], i: int) -> bool:
    """"a foot of hail", "nearly a mile", "for a year": one unit said with "a"; a length of time
    only after "for", "within" or a qualifier, or with a half ("a year and a half"). Not a rate
    ("$75,000 a year", "60 miles an hour", "twice a day"), a date ("a year ago", "a day after the
    vote", "a year and a half ago"), "a day or two" or a range's end."""
    if toks[i].text.lower() not in ("a", "an") or i + 1 >= len(toks) or toks[i + 1].text.lower() not in ONE_UNITS:
        return False
    half = _and_a_half(toks, i + 2)
    after = i + 5 if half else i + 2
    if after < len(toks) and toks[after].text.lower() in NOT_ONE_UNIT_AFTER:
        return False
    prev = toks[i - 1] if i else None
    if prev is not None and (prev.tag in ("CD", "NNS") or prev.text.lower() in {*TIMES, "per", "times"}):
        return False
    if prev is not None and prev.text.lower() == "to" and (i < 2 or toks[i - 2].text.lower() != "up"):
        return False  # the end of a range ("from two inches to a foot"), not "up to a foot"
    return half or toks[i + 1].text.lower() not in TIME_UNITS or (prev is not None and prev.text.lower() in ONE_TIME_LEAD)


def _vague_phrase(toks: tuple[Token, ...], i: int) -> bool:
    """"tens of thousands", "hundreds of thousands": one vague amount of three words."""
    return i + 2 < len(toks) and toks[i + 1].text.lower() == "of" and \
        f"{toks[i].text} of {toks[i + 2].text}".lower() in VAGUE


def _counts_times(toks: tuple[Token, ...], i: int) -> bool:
    """"shot twice", "was hit once in the leg": how many times the verb before it happened (not
    "once the war ends", "he was once a lawyer", "twice as many")."""
    if toks[i].dep != "advmod":
        return False
    k = climb(toks, toks[i].head, ("VERB",), 3)
    return toks[k].pos == "VERB" and k < i


def _figure(raw: str, toks: tuple[Token, ...], i: int, skip: set[int]) -> tuple[Figure | None, int]:
    """The figure that token i opens, and the token after it; None when it counts nothing (a
    phone number, "Section 12", a conversion in parentheses)."""
    word = _word_figure(toks, i)
    if word is not None:
        return word
    if toks[i].text.lower() in VAGUE_LEAD and i + 1 < len(toks) and toks[i + 1].text.lower() == "dozen":
        return _said_vaguely(toks, i, i + 2, 12.0), i + 2  # "several dozen"
    value, j, ordinal, vague = _run(raw, toks, i, skip)
    if value is None or _not_a_count(raw, toks, i, j):
        return None, j
    value, j, ranged = _widened(toks, value, j, bool(ordinal or vague))
    tail = j + 4 if not (ordinal or vague or ranged) and j < len(toks) and toks[j].tag.startswith("NN") \
        and _and_a_half(toks, j + 1) else 0  # "a street and a half", "two hours and a half"
    if tail:
        value = (value[0] + 0.5, value[1] + 0.5)
    if i and toks[i - 1].text.lower() in VAGUE_LEAD and j - i == 1 and value[0] in (100, 1000, 1e6) and not ordinal:
        return _said_vaguely(toks, i - 1, j, value[0]), j  # "several hundred"
    qual, qs = _qualifier(toks, i)
    return Figure(i, j, value, qual, qs, ordinal, vague, ranged, tail=tail), j


def _said_vaguely(toks: tuple[Token, ...], k: int, j: int, unit: float) -> Figure:
    """"several hundred", "a few dozen" (token k is "several" or "few", j the token after the
    figure): a range of the unit, said vaguely."""
    low_x, high_x = VAGUE_LEAD[toks[k].text.lower()]
    start = k - 1 if k and toks[k - 1].text.lower() == "a" else k  # "a few", "a couple"
    return Figure(start, j, (unit * low_x, unit * (high_x + 1) - 1), qs=start, vague=True)


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
    if t.text.lower() == "half":  # "half a dozen"
        return (6.0, 6.0), i + 3, False, False
    if t.text.lower() in ("a", "an"):  # "a dozen", "a foot"
        dozen = toks[i + 1].text.lower() == "dozen"
        return ((12.0, 12.0), i + 2, False, False) if dozen else ((1.0, 1.0), i + 1, False, False)
    phrase = _vague_phrase(toks, i)  # "tens of thousands": one amount
    vague = phrase or (t.text.lower() in VAGUE and t.tag in ("NNS", "CD", "JJ"))
    ordinal = ORDINAL.fullmatch(t.text)
    if ordinal:
        return parse_number(ordinal.group(1)), i + 1, True, False
    j = i + 3 if phrase else i + 1
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
    """The value with a multiplier, a half or a range after it ("two dozen", "two and a half
    years", "10 to 15 hours", "between 6 and 8 feet"): (value, end, a range?)."""
    if fixed:
        return value, j, False
    if j < len(toks) and toks[j].text.lower() == "dozen":
        value, j = (value[0] * 12, value[1] * 12), j + 1
    if [t.text.lower() for t in toks[j:j + 3]] == ["and", "a", "half"]:  # "two and a half years"
        return (value[0] + 0.5, value[1] + 0.5), j + 3, False
    if j + 1 < len(toks) and toks[j].text.lower() in RANGE_WORDS and toks[j + 1].tag == "CD":
        upper = parse_number(toks[j + 1].text)
        if upper is not None and upper[1] > value[0]:
            return (value[0], upper[1]), j + 2, True
    return value, j, False


def _extracted(site: Site, fig: Figure, reading: Reading) -> Extracted:
    """The claim of a figure read as `reading`: its words from the qualifier to what it measures."""
    pa, si, toks = site.pa, site.si, site.toks
    raw = pa.article.raw
    i, j = fig.i, fig.j
    qs = min(fig.qs, i - 1) if reading.kind == "money" and i > 0 and toks[i - 1].text in CURRENCY_SIGNS else fig.qs
    end = max(reading.end, j, fig.tail)  # "$3.4 million": from the sign; "a mile and a half" to the half
    start, stop, _ = span_text(raw, toks, qs, end)
    if fig.cut and end == i + 1:
        stop = toks[i].start + fig.cut  # "14" of "14,and"
    shown = value_shown(raw[toks[i].start:toks[j - 1].end] if fig.vague else None, fig, reading)
    sent = toks[i].sent
    low, high = bounds(fig, reading.scale)
    return Extracted(
        make_claim(pa, si, sent, start, stop, shown), reading.kind, (reading.kind,), low, high,
        entities=site.sents.entities(pa.article.id, si, sent), subject=reading.subject,
        specific=reading.specific, speaker=reading.person, things=reading.things,
        context=site.sents.context(pa, si, qs, end), verb=verb_of(toks, i), vague=fig.vague, unit=reading.unit,
        events=events_of(toks, qs, end, reading.things, reading.kind == "money"),
        frame=frames.frame(pa, si, qs, end, site.sents, reported=False))


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
        verb = verb_of(toks, t.i)
        days = TIME_UNITS[unit][1]
        out.append(Extracted(claim, "duration", ("duration",), 2 * days, math.inf,
                             entities=sents.entities(pa.article.id, si, t.sent),
                             subject=f"{verb or 'time'}: length", context=sents.context(pa, si, t.i, t.i + 1),
                             verb=verb, vague=True, unit=unit, events=events_of(toks, t.i, t.i + 1, frozenset()),
                             paired_only=True))
    return out


def _duration_like(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A DATE entity that is a length of time or an age: "48 years", "10 to 15 hours", "27-year-old"."""
    words = [t.text.lower() for t in toks[s:e]]
    if "ago" in words or not any(t.tag == "CD" or t.text.lower() in VAGUE or _one_unit(toks, t.i) for t in toks[s:e]):
        return False
    return any(w in UNIT_OF or w in TIME_UNITS for w in words)


def _glued(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A figure glued to a dash or slash before it ("G-20", "-2", "24/7")."""
    return i > 0 and toks[i - 1].text in ("-", "–", "/") and not toks[i - 1].ws


def _identifier(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A number that names something: "Section 12", "No. 5", "Gate 3", "Apollo 11" (not a count
    after a day's name: "by Monday 15 fissures had opened", "on May 3")."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.text.lower().rstrip(".") in IDENTIFIER_WORDS | {"no"} and prev.tag != "CD" \
            and toks[i].text.lower() not in NUMBER_WORDS:
        return True
    return prev.tag == "NNP" and prev.ws != "" and prev.text[:1].isupper() and toks[i].text[:1].isdigit() \
        and prev.text.lower() not in _CALENDAR


def _phone(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    return bool(PHONE.search(raw[max(0, toks[i].start - 6):toks[j - 1].end + 6]))


CONVERTED_UNITS = MEASURED - {"percent"}  # a unit a figure in parentheses may convert


def _conversion(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """A conversion in parentheses after another figure's unit ("20 km (12 miles)") or amount
    ("$37m (£28.4m)")."""
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


_CALENDAR = frozenset(MONTHS) | MONTH_ABBREVIATIONS | frozenset(WEEKDAYS)


def _qualifier(toks: tuple[Token, ...], s: int) -> tuple[str | None, int]:
    for words, kind in QUALIFIERS_LONGEST_FIRST:
        n = len(words)
        if s - n >= 0 and tuple(t.text.lower() for t in toks[s - n:s]) == words:
            return kind, s - n
    return None, s
