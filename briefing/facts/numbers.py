"""Numbers, ages and durations: the value, its qualifier ("more than", "about") and what it counts."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

from .lexicon import (ANIMALS, CLASS_OF, CURRENCY_SIGNS, CURRENCY_WORDS, EVENT_OF, GENERIC_THINGS, GROUP_SIZE_WORDS,
                      LENGTH_UNITS, MEASURE_UNITS, MONTH_ABBREVIATIONS, MONTHS, PERCENT_WORDS, TIME_UNITS, VAGUE)

from ..model import Entity, ParsedArticle, Token
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
                          "hundred", "dozen"})
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


def parse_number(text: str) -> tuple[float, float] | None:
    """'2,000' -> (2000, 2000); '3.4 million' -> (3.35e6, 3.45e6): a decimal figure stands for
    what rounds to it; '2½' -> 2.5; 'thousands' -> (1e3, 1e6); 'four', 'twenty-five' -> 4, 25."""
    t = text.lower().replace(",", "").replace("\u00a0", " ").strip()
    m = re.fullmatch(r"\A(\d+)\s?½", t)
    if m:
        v = int(m.group(1)) + 0.5
        return v, v
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?\s*(million|billion|thousand|trillion)?", t)
    if m:
        scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, None: 1}[m.group(3)]
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


def extract(pa: ParsedArticle, si: int, sents: View, mention_tokens: set[int]) -> list[Extracted]:
    """Every figure of segment si with what it counts: numbers, ages, durations, money, per cents."""
    seg = pa.segments[si]
    toks = seg.tokens
    raw = pa.article.raw
    aid = pa.article.id
    skip = set(mention_tokens)
    for ent in seg.ents:  # dates are the dates extractor's; "48 years" and "27-year-old" are ours
        if ent.label in ("DATE", "TIME") and not _duration_like(toks, ent.start, ent.end) and \
                not (ent.end - ent.start == 1 and re.fullmatch(r"\d{1,3}", toks[ent.start].text)):  # "Ana Ruiz, 41,"
            skip.update(range(ent.start, ent.end))
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        low_text = t.text.lower()
        vague = low_text in VAGUE and t.tag in ("NNS", "CD", "JJ")
        ordinal = ORDINAL.fullmatch(t.text)
        if i in skip or not (vague or ordinal or (t.tag == "CD" and (t.text[:1].isdigit() or low_text in NUMBER_WORDS))):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].tag == "CD" and j not in skip and not ordinal and not vague:
            j += 1
        value = parse_number(ordinal.group(1)) if ordinal else parse_number(raw[toks[i].start:toks[j - 1].end])
        half = LOST_HALF.fullmatch(t.text)
        if half and j < len(toks) and toks[j].text.lower().rstrip("s") in MEASURED:
            value = (int(half.group(1)) + 0.5,) * 2  # "41/2 years": a ½ lost in scraping, before a unit only
        if value is None or _not_a_count(raw, toks, i, j):
            i = j
            continue
        if j + 1 < len(toks) and toks[j].text.lower() in RANGE_WORDS and toks[j + 1].tag == "CD" and not ordinal:
            upper = parse_number(toks[j + 1].text)  # "10 to 15 hours", "between 6 and 8 feet"
            if upper is not None and upper[1] > value[0]:
                value, j = (value[0], upper[1]), j + 2
        qual, qs = _qualifier(toks, i)
        reading = _measure(pa, si, i, j, value, qual, sents, mention_tokens, bool(ordinal))
        if reading is None:
            i = j
            continue
        low, high = value[0] * reading.scale, value[1] * reading.scale
        if vague:
            qual = None
        elif qual == "max":
            low = 0.0
        elif qual == "min":
            high = math.inf
        elif qual == "approx":
            low, high = low * 0.9, high * 1.1
        sent = toks[i].sent
        if reading.kind == "money" and i > 0 and toks[i - 1].text in CURRENCY_SIGNS:
            qs = min(qs, i - 1)  # "$3.4 million"
        start, stop, text = span_text(raw, toks, qs, max(reading.end, j))
        shown = _shown(raw[toks[i].start:toks[j - 1].end] if vague else None, value, qual, reading, bool(ordinal))
        claim = make_claim(pa, si, sent, start, stop, shown)
        out.append(Extracted(
            claim, reading.kind, (reading.kind,), low, high, entities=frozenset(sents.ids.get((aid, si, sent), ())),
            subject=reading.subject, specific=reading.specific, speaker=reading.person, things=reading.things,
            context=sents.context(pa, si, qs, max(reading.end, j)), verb=_verb_of(toks, i), vague=vague,
            unit=reading.unit, events=_events(toks, qs, max(reading.end, j), reading.things)))
        i = max(j, reading.end) if reading.kind != "number" or ordinal else j
    return out + _vague_lengths(pa, si, sents)


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


def _shown(vague_text: str | None, value: tuple[float, float], qual: str | None, r: Reading, ordinal: bool) -> str:
    """The value as a reader compares it: "min 30", "$3.4 million", "48 years", "23rd"."""
    if vague_text:
        return vague_text.lower()
    if ordinal:
        return f"{fmt(value[0])}{'th' if 10 <= value[0] % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(value[0] % 10, 'th')}"
    mid = (value[0] + value[1]) / 2 if value[1] - value[0] < 1 and value[0] != value[1] else None
    figure = fmt(mid) if mid is not None else fmt(value[0]) if value[0] == value[1] else f"{fmt(value[0])}–{fmt(value[1])}"
    if r.kind == "money":
        figure = f"{r.unit}{figure}" if len(r.unit) == 1 else f"{figure} {r.unit}"
    elif r.kind == "percent":
        figure += "%"
    elif r.unit and r.kind != "age":
        figure += f" {r.unit}{'' if value == (1.0, 1.0) else 's'}"
    elif r.kind == "age" and r.unit and r.unit != "year":
        figure += f" {r.unit}s"
    return f"{qual} {figure}" if qual else figure


def _duration_like(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A DATE entity that is a length of time or an age: "48 years", "10 to 15 hours", "27-year-old"."""
    words = [t.text.lower() for t in toks[s:e]]
    if "ago" in words or not any(t.tag == "CD" or t.text.lower() in VAGUE for t in toks[s:e]):
        return False
    return any(w in UNIT_OF or w in TIME_UNITS for w in words)


def _not_a_count(raw: str, toks: tuple[Token, ...], i: int, j: int) -> bool:
    """Phone numbers, "Section 12", a figure glued to a word ("G20", "-2"), a conversion in
    parentheses after another figure ("20 km (12 miles)")."""
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text in ("-", "–", "/") and not prev.ws:
        return True
    if prev is not None and prev.text.lower().rstrip(".") in IDENTIFIER_WORDS | {"no"} and prev.tag != "CD" \
            and not toks[i].text.lower() in NUMBER_WORDS:
        return True
    if prev is not None and prev.tag == "NNP" and not prev.ws == "" and prev.text[:1].isupper() \
            and toks[i].text[:1].isdigit() and prev.text.lower() not in _MONTHS:
        return True  # "Unit 3", "Apollo 11"
    line = raw[max(0, toks[i].start - 6):toks[j - 1].end + 6]
    if PHONE.search(line):
        return True
    if prev is not None and prev.text == "(" and i >= 3 and toks[i - 2].text.lower().rstrip("s") in \
            {*LENGTH_UNITS, *MEASURE_UNITS, *TIME_UNITS, "mile", "kilometer", "kilometre", "liter", "litre"}:
        return True
    if prev is not None and prev.text == "(" and i >= 2 and toks[i - 2].text.lower() in ("km", "mi", "m", "ft", "kg", "lb"):
        return True
    return False


_MONTHS = frozenset(MONTHS) | MONTH_ABBREVIATIONS


def _person_at(pa: ParsedArticle, si: int, i: int, sents: View) -> Entity | None:
    e = sents.by_token.get((pa.article.id, si, i))
    return e if e is not None and e.label == "PERSON" else None


def _measure(pa: ParsedArticle, si: int, i: int, j: int, value: tuple[float, float], qual: str | None,
             sents: View, mention_tokens: set[int], ordinal: bool) -> Reading | None:
    """What the number at tokens [i, j) measures, read from the syntax around it."""
    toks = pa.segments[si].tokens
    n = len(toks)
    nxt = [x.text.lower() for x in toks[j:j + 4]]
    prev = toks[i - 1].text if i > 0 else ""
    if ordinal:  # "the 23rd floor", "the 15th-floor shaft": a position, never "first"
        k = j + 1 if nxt[:1] in (["-"], ["–"]) else j
        if value[0] < 2 or k >= n or not toks[k].tag.startswith("NN"):
            return None
        word = lemma(toks[k])
        return Reading("number", k + 1, f"{word} (position)", frozenset({f"{word}#"}), specific=True)
    if prev in CURRENCY_SIGNS or (j < n and nxt[0] in {w + "s" for w in CURRENCY_WORDS} | set(CURRENCY_WORDS)):
        unit = CURRENCY_SIGNS.get(prev) or CURRENCY_WORDS[nxt[0].rstrip("s")]
        end = j + (0 if prev in CURRENCY_SIGNS else 1)
        return Reading("money", end, f"amount ({unit})", frozenset({unit}), unit=unit, specific=True)
    if nxt[:1] and (nxt[0] in PERCENT_WORDS or " ".join(nxt[:2]) == "per cent"):
        end = j + (2 if nxt[0] == "per" else 1)
        noun = toks[end] if end < n and toks[end].tag.startswith("NN") else None
        thing = lemma(noun) if noun is not None else ""
        return Reading("percent", end + (1 if noun is not None else 0), f"per cent{f' ({thing})' if thing else ''}",
                       frozenset({thing} - {""}), unit="%", specific=True)
    if nxt[:1] in (["-"], ["–"]) and len(nxt) > 1:  # "a 50-mile zone", "the 52-year-old", "a 140-person orchestra"
        word = nxt[1]
        if nxt[2:4] in (["-", "old"], ["–", "old"]) and word in UNIT_OF:
            return _age(pa, si, j + 3, UNIT_OF[word], sents)
        noun = _noun_after(toks, j + 2)
        if word in UNIT_OF:
            unit, days = TIME_UNITS[UNIT_OF[word]]
            if noun is None:
                return None
            thing, things = _thing(toks, noun, mention_tokens)
            return Reading("duration", noun.i + 1, f"{thing}: length", things, unit, days, specific=True)
        if noun is None:
            return None
        if word in LENGTH_UNITS or word.rstrip("s") in LENGTH_UNITS or word in MEASURE_UNITS:
            thing, things = _thing(toks, noun, mention_tokens)
            unit = word.rstrip("s") if word.rstrip("s") in LENGTH_UNITS else word
            things |= {"distance"} if unit in LENGTH_UNITS else set()  # a 50-mile zone is 50 miles away
            return Reading("number", noun.i + 1, f"{thing} ({unit})", things, unit, LENGTH_UNITS.get(unit, 1.0),
                           specific=True)
        if word in GROUP_SIZE_WORDS:  # the size of the noun that follows
            thing, things = _thing(toks, noun, mention_tokens)
            return Reading("number", noun.i + 1, f"{thing} (size)", things, specific=True)
        thing, things = _thing(toks, toks[j + 1], mention_tokens)  # "a six-reactor plant": six reactors
        return Reading("number", j + 2, thing, things, specific=thing not in GENERIC_THINGS)
    if nxt[:1] and nxt[0] in UNIT_OF:  # "48 years", "41/2 years old", "for 2½ weeks"
        unit, days = TIME_UNITS[UNIT_OF[nxt[0]]]
        if nxt[1:2] == ["old"]:
            return _age(pa, si, j + 1, unit, sents, predicative=True)
        if nxt[1:2] == ["ago"]:
            return None
        verb = _verb_of(toks, i)
        return Reading("duration", j + 1, f"{verb or 'time'}: length", frozenset(), unit, days, specific=True)
    if value[0] == value[1] and 0 < value[0] < 125 and not qual:
        found = _appositive_age(pa, si, i, j, sents)
        if found is not None:
            person, listed = found
            return Reading("age", j, f"{person.name}: age{'s' if listed else ''}", frozenset({"person"}), "year",
                           TIME_UNITS["year"][1], "" if listed else person.id, True)
    if j < n and (nxt[0] in LENGTH_UNITS or nxt[0].rstrip("s") in LENGTH_UNITS):  # "240 km", "50 miles"
        unit = nxt[0] if nxt[0] in LENGTH_UNITS else nxt[0].rstrip("s")
        noun = _noun_after(toks, j + 1) if toks[j].dep in ("compound", "nmod", "amod") else None
        if noun is not None:  # "a 5 km (3 mile) race course"
            thing, things = _thing(toks, noun, mention_tokens)
            return Reading("number", noun.i + 1, f"{thing} ({unit})", things | {"distance"}, unit, LENGTH_UNITS[unit],
                           specific=True)
        return Reading("number", j + 1, f"distance ({unit})", frozenset({"distance"}), unit, LENGTH_UNITS[unit])
    head = _counted(toks, i, j)
    if value == (1.0, 1.0):
        return None  # "one official", "under one flag": not a fact
    if head is None:
        group = _group_counted(pa, si, j, sents)
        if group is not None:  # "1 million Muslims": a people named by a group's name
            word = group.text.lower()
            return Reading("number", group.i + 1, group.text, frozenset({word, word.rstrip("s"), "people"}),
                           specific=True)
        return _uncounted(toks, i, j, value)
    if head.tag == "NN" and value[0] == int(value[0]) and value[0] > 1 and head.i > i:
        return None  # "a 911 call", "a 737 jet": a figure before a singular noun names, it does not count
    thing, things = _thing(toks, head, mention_tokens)
    end = head.i + 1 if j <= head.i <= j + 6 else j
    word = lemma(head)
    core = thing.split()[-2] if word in GENERIC_THINGS and " " in thing else word  # "six reactor units": reactors
    specific = core not in GENERIC_THINGS and CLASS_OF.get(core) != "people"
    label = _plural(thing, head)
    verb = _verb_of(toks, head.i) if not specific and head.dep in ("dobj", "nsubj", "nsubjpass") else ""
    return Reading("number", end, f"{label} ({verb})" if verb else label, things, specific=specific)


AGE_LEAD = frozenset({"now", "aged", "age", "both"})


def _appositive_age(pa: ParsedArticle, si: int, i: int, j: int, sents: View) -> tuple[Entity, bool] | None:
    """The person whose age the figure at [i, j) is, in apposition: "Anna Keller, 52, said", "Anna
    Keller, now 52,"; or one of a list of ages of several people: "the Ortegas, aged 70 and 68
    in turn," (then True: the age of one of them, not of the name as a whole)."""
    toks = pa.segments[si].tokens
    n = len(toks)
    first, last = i, j  # the list of figures around this one: "75 and 67", "30, 31 and 33"
    while first >= 2 and toks[first - 1].text.lower() in (",", "and") and toks[first - 2].tag == "CD":
        first -= 2
    while last + 1 < n and toks[last].text.lower() in (",", "and") and toks[last + 1].tag == "CD":
        last += 2
    k = first - 1
    if k >= 0 and toks[k].text.lower() in AGE_LEAD:
        k -= 1
    end = last + 1 if last < n and toks[last].text.lower() == "respectively" else last
    if k < 1 or toks[k].text != "," or (end < n and toks[end].text not in (",", ".", ";")):
        return None
    listed = last > j or first < i
    person = _person_at(pa, si, k - 1, sents)
    if person is None and listed:  # "the Ortegas, 70 and 68": a family, however labelled
        person = sents.by_token.get((pa.article.id, si, k - 1))
        person = person if person is not None and person.label in ("PERSON", "NORP") else None
    return (person, listed) if person is not None else None


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
            return Reading("number", j, word, frozenset({word, CLASS_OF.get(word, word)}), specific=False)
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


def _age(pa: ParsedArticle, si: int, old: int, unit: str, sents: View, predicative: bool = False) -> Reading | None:
    """Whose age "the 52-year-old X" or "X is 52 years old" gives: the syntax says, never the
    nearest name. X a person's name (or in apposition to one): theirs; a common noun: that noun's
    ("his three-year-old dog" is the dog's). The age of a thing ("a war now 4 years old") is a length."""
    toks = pa.segments[si].tokens
    _, days = TIME_UNITS[unit]
    if old >= len(toks):
        return None
    if predicative:
        k = old
        while toks[k].head != k and toks[k].dep not in ("ROOT",) and toks[k].pos not in ("VERB", "AUX"):
            k = toks[k].head
        head = next((t for t in toks if t.head == k and t.dep in ("nsubj", "nsubjpass")), None)
    elif toks[old].dep in ("dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj") or toks[old].tag.startswith("NN"):
        return Reading("age", old + 1, "person: age", frozenset({"person"}), unit, days, specific=True)  # "a 3-year-old"
    else:
        head = toks[toks[old].head] if toks[old].head != old else None
        if head is not None and head.i < old:
            head = None
    if head is None:
        return None
    person = _person_at(pa, si, head.i, sents)
    if person is None and head.dep == "appos":
        person = _person_at(pa, si, head.head, sents)
    if person is None:
        person = next((e for t in toks if t.head == head.i and t.dep == "appos"
                       and (e := _person_at(pa, si, t.i, sents)) is not None), None)
    if person is not None:
        return Reading("age", old + 1, f"{person.name}: age", frozenset({"person"}), unit, days, person.id, True)
    word = lemma(head)
    if not head.tag.startswith("NN") and head.pos != "VERB":
        return None
    people = word not in ANIMALS  # ages are people's, save an animal's: "the 27-year-old suspect"
    if predicative and (not head.tag.startswith("NN") or CLASS_OF.get(word) not in ("people", "child")):
        thing, things = word, frozenset({word, CLASS_OF.get(word, word)})
        return Reading("duration", old + 1, f"{thing}: length", things, unit, days, specific=True)
    end = head.i + 1 if not predicative and head.i - old <= 4 else old + 1
    return Reading("age", end, f"{word}: age", frozenset({word, "person" if people else CLASS_OF.get(word, word)}),
                   unit, days, specific=True)


def _events(toks: tuple[Token, ...], s: int, e: int, things: frozenset[str]) -> frozenset[str]:
    """What happened to the counted things: said by the clause they are in (the verb they hang
    from and its complements: "killing 38 people", "390,000 people, … , are homeless", "staying
    in shelters"), else by the words next to them ("six people dead", "with 10,259 missing")."""
    words = set(things)
    k = _governor(toks, e - 1)
    if k is not None:
        words.add(lemma(toks[k]))
        for c in children(toks, k):
            if c.dep in CLAUSE_COMPLEMENTS:
                words |= {lemma(c), c.text.lower()}
            elif c.dep == "prep" and c.text.lower() in ("in", "at", "into", "inside"):  # "staying in shelters"
                for o in children(toks, c.i):
                    if o.dep == "pobj":
                        words |= {lemma(o)} | {lemma(x) for x in children(toks, o.i) if x.dep == "conj"}
    found = frozenset(EVENT_OF[w] for w in words if w in EVENT_OF)
    if found:
        return found
    sent = toks[s].sent
    near = [t for t in toks[max(0, s - 3):e + 4] if t.sent == sent]
    return frozenset(EVENT_OF[w] for t in near for w in (lemma(t), t.text.lower()) if w in EVENT_OF)


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
    words |= {CLASS_OF[w] for w in list(words) if w in CLASS_OF}
    return phrase, frozenset(words)


def _qualifier(toks: tuple[Token, ...], s: int) -> tuple[str | None, int]:
    for words, kind in QUALIFIERS_LONGEST_FIRST:
        n = len(words)
        if s - n >= 0 and tuple(t.text.lower() for t in toks[s - n:s]) == words:
            return kind, s - n
    return None, s


def _counted(toks: tuple[Token, ...], s: int, e: int) -> Token | None:
    """The noun a number counts: its head for `four jets`, the object of `of` for `millions of refugees`."""
    num = toks[e - 1]
    if num.dep in ("nummod", "quantmod", "amod") and num.head != num.i:
        head = toks[num.head]
        if head.tag in ("NN", "NNS"):  # not a name: "the two Koreas" counts nothing
            return head
    for t in toks[e:e + 3]:
        if t.text.lower() == "of" and t.head == num.i:
            obj = next((x for x in toks[t.i + 1:t.i + 16] if x.head == t.i and x.dep == "pobj"), None)
            if obj is not None and obj.tag in ("NN", "NNS"):
                return obj
    return None
