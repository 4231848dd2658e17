"""Numbers, ages and durations: the value, its qualifier ("more than", "about") and what it counts."""
from __future__ import annotations

import math
import re

from text_to_num import text2num

from ..model import Entity, ParsedArticle, Token
from .sentences import Extracted, View, lemma, make_claim, span_text

UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
         "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour"}
# Nouns that count the same kind of thing under different words.
THING_CLASSES = {
    "aircraft": {"jet", "plane", "aircraft", "warplane", "fighter", "bomber", "airplane", "airliner"},
    "conflict": {"war", "conflict", "uprising", "insurgency", "revolution", "fighting", "rebellion", "crisis"},
    "people": {"people", "person", "persons", "civilian", "resident", "individual"},
    "death": {"death", "dead", "fatality", "casualty", "victim"},
    "soldier": {"soldier", "troop", "troops", "serviceman", "servicemember"},
    "job": {"job", "position", "worker", "employee", "staff", "role", "post", "workforce"},
    "money": {"dollar", "$", "euro", "pound", "usd"},
}
CLASS_OF = {word: cls for cls, words in THING_CLASSES.items() for word in words}
GENERIC_THINGS = frozenset({"people", "time", "year", "day", "week", "month", "way", "thing", "part", "one",
                            "number", "percent", "%", "point", "hour", "minute", "official", "member"})
QUALIFIERS = {
    ("up", "to"): "max", ("at", "most"): "max", ("no", "more", "than"): "max", ("fewer", "than"): "max",
    ("less", "than"): "max", ("nearly",): "max", ("almost",): "max", ("under",): "max",
    ("at", "least"): "min", ("more", "than"): "min", ("over",): "min", ("upward", "of"): "min",
    ("about",): "approx", ("around",): "approx", ("some",): "approx", ("approximately",): "approx",
    ("roughly",): "approx", ("an", "estimated"): "approx", ("estimated",): "approx",
}
# Words that start a number phrase (text2num reads the whole phrase).
QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS.items(), key=lambda kv: -len(kv[0]))
NUMBER_WORDS = frozenset({"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                          "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                          "hundred", "dozen"})
LARGE = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
         "dozens": 12, "scores": 20, "tens of thousands": 10_000, "hundreds of thousands": 100_000}


def parse_number(text: str) -> tuple[float, float] | None:
    """'2,000' -> (2000, 2000); '41/2' -> 4.5 (a lost ½ glyph); 'millions' -> (1e6, 1e9)."""
    t = text.lower().replace(",", "").replace("\u00a0", " ").strip()
    m = re.fullmatch(r"(\d+)\s?(?:1/2|½)", t)
    if m:
        v = int(m.group(1)) + 0.5
        return v, v
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand)?", t)
    if m:
        v = float(m.group(1)) * {"million": 1e6, "billion": 1e9, "thousand": 1e3, None: 1}[m.group(2)]
        return v, v
    if t in LARGE:
        return float(LARGE[t]), float(LARGE[t]) * 1000
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
    return f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"




def _thing(toks: tuple[Token, ...], head: Token, mention_tokens: set[int]) -> tuple[str, str]:
    """('fighter jet', 'aircraft'): the head noun with its common-noun compounds, and its class."""
    mods = [t for t in toks[max(0, head.i - 4):head.i] if t.head == head.i and t.dep == "compound"
            and t.tag.startswith("NN") and t.i not in mention_tokens and not t.text[:1].isupper()]
    word = lemma(head)
    phrase = " ".join([lemma(m) for m in mods] + [word])
    cls = CLASS_OF.get(word) or next((CLASS_OF[lemma(m)] for m in mods if lemma(m) in CLASS_OF), word)
    return phrase, cls


def _qualifier(toks: tuple[Token, ...], s: int) -> tuple[str | None, int]:
    for words, kind in QUALIFIERS_LONGEST_FIRST:
        n = len(words)
        if s - n >= 0 and tuple(t.text.lower() for t in toks[s - n:s]) == words:
            return kind, s - n
    return None, s


def extract(pa: ParsedArticle, si: int, sents: View, mention_tokens: set[int]) -> list[Extracted]:
    seg = pa.segments[si]
    toks = seg.tokens
    raw = pa.article.raw
    aid = pa.article.id
    skip = set(mention_tokens)
    for ent in seg.ents:
        ent_text = raw[toks[ent.start].start:toks[ent.end - 1].end]
        if ent.label in ("DATE", "TIME", "ORDINAL") and not re.search(r"\w-(year|month|week|day)|^\d{1,3}$",
                                                                      ent_text):
            skip.update(range(ent.start, ent.end))
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        is_large = t.text.lower() in LARGE and i + 1 < len(toks) and toks[i + 1].text.lower() == "of"
        if not (t.tag == "CD" or is_large) or i in skip or not (
                t.text[:1].isdigit() or t.text.lower() in NUMBER_WORDS or is_large):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].tag == "CD" and j not in skip:
            j += 1
        number_text = raw[toks[i].start:toks[j - 1].end]
        value = parse_number(number_text)
        if value is None or (i > 0 and toks[i - 1].text in ("-", "–") and not toks[i - 1].ws):
            i = j
            continue
        qual, qs = _qualifier(toks, i)
        low, high = value
        if qual == "max":
            low = 0.0
        elif qual == "min":
            high = math.inf
        elif qual == "approx":
            low, high = low * 0.9, high * 1.1
        sent = toks[i].sent
        ents = frozenset(sents.ids.get((aid, si, sent), ()))
        measured = _measure(pa, si, i, j, value, qual, sents, mention_tokens)
        if measured is None:
            i = j
            continue
        kind, block, subject, end, specific = measured
        start, stop, text = span_text(raw, toks, qs, end)
        shown = f"{qual} {fmt(value[0])}" if qual else fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
        claim = make_claim(pa, si, sent, start, stop, shown)
        out.append(Extracted(claim, kind, block, low, high, entities=ents, subject=subject, specific=specific))
        i = j
    return out


def _person_at(pa: ParsedArticle, si: int, i: int, sents: View) -> Entity | None:
    e = sents.by_token.get((pa.article.id, si, i))
    return e if e is not None and e.label == "PERSON" else None


def _measure(pa: ParsedArticle, si: int, i: int, j: int, value: tuple[float, float], qual: str | None,
             sents: View, mention_tokens: set[int]) -> tuple[str, tuple, str, int, bool] | None:
    """What the number at tokens [i, j) measures: (kind, block, subject, end token, specific)."""
    toks = pa.segments[si].tokens
    seg = pa.segments[si]
    sent_range = range(*seg.sents[toks[i].sent])
    nxt = [x.text.lower() for x in toks[j:j + 4]]
    if nxt[:1] in (["-"], ["–"]) and len(nxt) > 1 and nxt[1] in UNITS:
        unit = UNITS[nxt[1]]
        if nxt[2:4] in (["-", "old"], ["–", "old"]):  # "the 52-year-old": the person the phrase is about
            person = _nearest_person(pa, si, i, sent_range, sents)
            if person is not None:
                return "age", ("age", person.id), f"{person.name}: age", j + 4, True
            return None
        unit_tok = toks[j + 1]  # "four-year uprising": a duration of the noun it modifies
        noun = toks[unit_tok.head] if unit_tok.head > unit_tok.i and toks[unit_tok.head].tag.startswith("NN") \
            else None
        if noun is None:
            return None
        thing, cls = _thing(toks, noun, mention_tokens)
        return "duration", ("duration", unit, cls), f"{thing}: {unit}s", noun.i + 1, True
    if nxt[:1] and nxt[0] in UNITS and nxt[1:2] == ["old"]:  # "41 years old"
        unit = UNITS[nxt[0]]
        subj = next((x for x in toks[sent_range.start:sent_range.stop] if x.dep in ("nsubj", "nsubjpass")), None)
        person = _person_at(pa, si, subj.i, sents) if subj is not None else None
        if person is not None:
            return "age", ("age", person.id), f"{person.name}: age", j + 2, True
        if subj is None or not subj.tag.startswith("NN"):
            return None
        thing, cls = _thing(toks, subj, mention_tokens)
        return "duration", ("duration", unit, cls), f"{thing}: {unit}s", j + 2, True
    if i >= 2 and toks[i - 1].text == "," and j < len(toks) and toks[j].text in (",", ".", ";") and \
            value[0] == value[1] and 0 < value[0] < 125 and not qual:  # "Anna Keller, 52, said"
        person = _person_at(pa, si, i - 2, sents)
        if person is not None:
            return "age", ("age", person.id), f"{person.name}: age", j, True
    head = _counted(toks, i, j)
    if head is None or (value == (1.0, 1.0) and not qual):
        return None  # a bare number, or "one official": not a fact
    thing, cls = _thing(toks, head, mention_tokens)
    end = head.i + 1 if j <= head.i <= j + 6 else j
    specific = cls not in GENERIC_THINGS and thing not in GENERIC_THINGS
    verb = None if specific else _governing_verb(toks, head)
    if verb:  # "killing 38 people": people who were killed, not people in general
        thing, cls, specific = f"{thing} ({verb})", f"{cls}:{verb}", True
    return "number", ("number", cls), thing, end, specific


def _governing_verb(toks: tuple[Token, ...], noun: Token) -> str | None:
    """The verb a counted noun is the object or subject of ("kill" for "killing 38 people"; a
    prepositional attachment is too often the parser's guess to count)."""
    if noun.dep not in ("dobj", "nsubj", "nsubjpass"):
        return None
    verb = toks[noun.head]
    return lemma(verb) if verb.pos == "VERB" and lemma(verb) not in ("be", "have") else None


def _nearest_person(pa: ParsedArticle, si: int, i: int, sent_range: range, sents: View) -> Entity | None:
    people = [(abs(k - i), k) for k in sent_range if _person_at(pa, si, k, sents) is not None]
    return _person_at(pa, si, min(people)[1], sents) if people else None


def _counted(toks: tuple[Token, ...], s: int, e: int) -> Token | None:
    """The noun a number counts: its head for `four jets`, the object of `of` for `millions of refugees`."""
    num = toks[e - 1]
    if num.dep in ("nummod", "quantmod") and num.head != num.i:
        head = toks[num.head]
        if head.tag.startswith("NN") and head.tag != "CD":
            return head
    for t in toks[e:e + 3]:
        if t.text.lower() == "of" and t.head == num.i:
            obj = next((x for x in toks[t.i + 1:t.i + 6] if x.head == t.i and x.dep == "pobj"), None)
            if obj is not None and obj.tag.startswith("NN"):
                return obj
    return None

