"""The cross-source fact table: numbers, durations, dates and quotes, aligned across articles.

Extraction works on plain tokens, per sentence. Alignment compares claims only inside blocks
(same speaker, same counted thing, shared rare entities), so the work grows with the number of
claims, not their square; precision is preferred to recall: an unsure pair stays two rows.
"""
from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from text_to_num import text2num

from .model import Claim, Entity, Fact, Parsed, ParsedArticle, Token
from .unionfind import UnionFind

SPEECH_VERBS = frozenset({"say", "add", "tell", "write", "warn", "note", "state", "declare", "ask", "explain",
                          "insist", "argue", "announce", "claim", "quote", "continue", "conclude", "reply",
                          "respond", "acknowledge", "admit", "emphasize", "stress", "predict", "urge", "caution",
                          "promise", "vow", "pledge", "confirm", "deny", "describe", "call", "recall", "suggest",
                          "tweet", "post", "threaten", "accuse", "agree", "complain", "concede", "boast"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
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
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = {m[:3]: n + 1 for n, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DATE_CUE = re.compile(r"\b\d{4}\b|\d(st|nd|rd|th)\b|\d/\d|\b(" + "|".join(MONTHS + WEEKDAYS) + r"|ago|today|yesterday|tomorrow|tonight|"
                      r"(this|next|last|later|earlier)\s+(week|month|year|spring|summer|autumn|fall|winter))\b",
                      re.IGNORECASE)
DURATION_ONLY = re.compile(r"^(the\s+)?(past|last|next|coming|previous|recent)\b(?!.*\bago\b)|^\w+-(year|month|week|day)"
                           r"|^(weeks|months|years|days|decades?)$|^(\w+\s)?(weekly|daily|monthly|annual|yearly)$",
                           re.IGNORECASE)
QUOTE_MIN_WORDS = 4
QUOTE_MIN_SIMILARITY = 85
UNATTRIBUTED_MIN_WORDS = 6
UNATTRIBUTED_MIN_SIMILARITY = 95
ENTITY_SUPPORT = 2.0  # summed weight of shared entities that makes two claims one fact


@dataclass(frozen=True)
class Extracted:
    """A claim plus what alignment needs to know about it."""

    claim: Claim
    kind: str
    block: tuple  # claims are compared only within one block
    low: float = 0.0
    high: float = 0.0
    granularity: str = ""  # dates: day, week, month, year, or "" when unresolved
    entities: frozenset[str] = field(default_factory=frozenset)
    subject: str = ""
    specific: bool = False  # the counted thing is specific enough to pair on value alone
    speaker: str = ""  # quotes: the speaker's entity id, "" when unknown


# -- small parsers -----------------------------------------------------------------------------
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


@functools.lru_cache(maxsize=65536)
def _norm_quote(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"\[[^\]]*\]", " ", text)  # editorial insertions
    text = re.sub(r"[^\w' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of two quotes in their own wording, compared after normalising case,
    quote marks and punctuation: ("=", same), ("-", only in a), ("+", only in b)."""
    wa, wb = a.split(), b.split()
    ka, kb = [_norm_quote(w) for w in wa], [_norm_quote(w) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(wa[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(wb[j1:j2])))
    # one outlet quoting a shorter excerpt is not a difference of wording: trim unmatched edges
    while len(out) > 1 and out[0][0] != "=" and out[1][0] == "=":
        out.pop(0)
    while len(out) > 1 and out[-1][0] != "=" and out[-2][0] == "=":
        out.pop()
    return tuple(out)


def _iso_week(d: dt.date) -> str:
    return f"{d.isocalendar().year}-W{d.isocalendar().week:02d}"


def _iso_month(d: dt.date, shift: int) -> str:
    """The month `shift` months from d's month, as YYYY-MM."""
    month = d.month - 1 + shift
    return f"{d.year + month // 12}-{month % 12 + 1:02d}"


def resolve_date(text: str, published: dt.date | None, future: bool = False) -> tuple[str, str] | None:
    """A date expression -> (ISO prefix, granularity); None when it cannot be pinned down.
    A weekday is the latest one on or before the publication date, or with `future` (the
    sentence speaks of what will happen) the next one on or after it."""
    t = re.sub(r"^(in|on|at|since|by|during|until)\s+", "", text.strip().lower())
    t = re.sub(r"^(the\s+)?(early|late|later|earlier|mid|end of|beginning of)\s+", "", t)
    if t in WEEKDAYS and published:
        if future:
            d = published + dt.timedelta(days=(WEEKDAYS.index(t) - published.weekday()) % 7)
        else:
            d = published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(t)) % 7)
        return d.isoformat(), "day"
    if t in ("today", "tonight") and published:
        return published.isoformat(), "day"
    if t == "yesterday" and published:
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    m = re.fullmatch(r"(this|last|next) (week|month|year)", t)
    if m and published:
        shift = {"this": 0, "last": -1, "next": 1}[m.group(1)]
        if m.group(2) == "year":
            return str(published.year + shift), "year"
        if m.group(2) == "month":
            return _iso_month(published, shift), "month"
        return _iso_week(published + dt.timedelta(weeks=shift)), "week"
    m = re.fullmatch(r"(\S+(?: \S+)?) (day|week|month|year)s? ago", t)
    if m and published:
        n = parse_number(m.group(1))
        if n:
            k = int(n[0])
            unit = m.group(2)
            if unit == "day":
                return (published - dt.timedelta(days=k)).isoformat(), "day"
            if unit == "week":
                return _iso_week(published - dt.timedelta(weeks=k)), "week"
            if unit == "month":
                return _iso_month(published, -k), "month"
            return str(published.year - k), "year"
    m = re.fullmatch(r"([a-z]+)\.?(?: (\d{1,2}))?(?:,? (\d{4}))?", t)
    if m and m.group(1)[:3] in MONTH_ABBR and (m.group(1) in MONTHS or len(m.group(1)) <= 5):
        month = MONTH_ABBR[m.group(1)[:3]]
        year = int(m.group(3)) if m.group(3) else None
        if year is None and published:
            year = published.year if month <= published.month else published.year - 1
        if year is None:
            return None
        if m.group(2):
            return f"{year}-{month:02d}-{int(m.group(2)):02d}", "day"
        return f"{year}-{month:02d}", "month"
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return m.group(1), "year"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return t, "day"
    return None


def _coarse(iso: str, gran: str, to: str) -> str:
    if to == gran:
        return iso
    if to == "year":
        return iso[:4]
    if to == "month" and gran == "day":
        return iso[:7]
    if to == "week" and gran == "day":
        return _iso_week(dt.date.fromisoformat(iso))
    return iso


GRAN_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def dates_agree(a: Extracted, b: Extracted) -> bool:
    if not a.granularity or not b.granularity:
        return _norm_quote(a.claim.text) == _norm_quote(b.claim.text)
    if {a.granularity, b.granularity} == {"week", "month"}:
        return True  # a week may straddle two months: not a difference
    coarse = max(a.granularity, b.granularity, key=GRAN_ORDER.get)
    return _coarse(a.claim.value, a.granularity, coarse) == _coarse(b.claim.value, b.granularity, coarse)


# -- extraction --------------------------------------------------------------------------------
class _Sentences:
    """Entity ids per sentence of the briefing, and how rare each entity is."""

    def __init__(self, parsed: list[ParsedArticle], entities: list[Entity]):
        self.ids: dict[tuple[str, int, int], set[str]] = defaultdict(set)
        self.by_token: dict[tuple[str, int, int], Entity] = {}  # (article, segment, token) -> entity
        self.people: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> sorted (offset, id)
        self.entity_by_id = {e.id: e for e in entities}
        segs = {pa.article.id: pa.segments for pa in parsed}
        for e in entities:
            for m in e.mentions:
                sent = segs[m.article][m.segment].tokens[m.tok_start].sent
                self.ids[(m.article, m.segment, sent)].add(e.id)
                for i in range(m.tok_start, m.tok_end):
                    self.by_token[(m.article, m.segment, i)] = e
                if e.label == "PERSON":
                    self.people[m.article].append((m.start, e.id))
        for people in self.people.values():
            people.sort()
        total = max(1, len(self.ids))
        df = Counter(i for ids in self.ids.values() for i in ids)
        labels = {e.id: e.label for e in entities}
        # rarer entities say more; a named person or organisation always says something
        self.weight = {i: max(math.log((total + 1) / (n + 1)), 1.0 if labels[i] in ("PERSON", "ORG") else 0.3)
                       for i, n in df.items()}

    def support(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(self.weight.get(i, 0.0) for i in a & b)


def _sentence_of(seg: Parsed, sent: int) -> tuple[str, int]:
    """(text, start offset) of a sentence."""
    s, e = seg.sents[sent]
    return "".join(t.text + t.ws for t in seg.tokens[s:e]).strip(), seg.tokens[s].start


def _span_text(raw: str, toks: tuple[Token, ...], s: int, e: int) -> tuple[int, int, str]:
    start, end = toks[s].start, toks[e - 1].end
    return start, end, raw[start:end]


def _lemma(tok: Token) -> str:
    return (tok.lemma or tok.text).lower()


def _thing(toks: tuple[Token, ...], head: Token, mention_tokens: set[int]) -> tuple[str, str]:
    """('fighter jet', 'aircraft'): the head noun with its common-noun compounds, and its class."""
    mods = [t for t in toks[max(0, head.i - 4):head.i] if t.head == head.i and t.dep == "compound"
            and t.tag.startswith("NN") and t.i not in mention_tokens and not t.text[:1].isupper()]
    lemma = _lemma(head)
    phrase = " ".join([_lemma(m) for m in mods] + [lemma])
    cls = CLASS_OF.get(lemma) or next((CLASS_OF[_lemma(m)] for m in mods if _lemma(m) in CLASS_OF), lemma)
    return phrase, cls


def _qualifier(toks: tuple[Token, ...], s: int) -> tuple[str | None, int]:
    for words, kind in QUALIFIERS_LONGEST_FIRST:
        n = len(words)
        if s - n >= 0 and tuple(t.text.lower() for t in toks[s - n:s]) == words:
            return kind, s - n
    return None, s


def _numbers(pa: ParsedArticle, si: int, sents: _Sentences, mention_tokens: set[int]) -> list[Extracted]:
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
        start, stop, text = _span_text(raw, toks, qs, end)
        shown = f"{qual} {fmt(value[0])}" if qual else fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
        claim = Claim(aid, si, start, stop, text, shown, *_sentence_of(seg, sent))
        out.append(Extracted(claim, kind, block, low, high, entities=ents, subject=subject, specific=specific))
        i = j
    return out


def _person_at(pa: ParsedArticle, si: int, i: int, sents: _Sentences) -> Entity | None:
    e = sents.by_token.get((pa.article.id, si, i))
    return e if e is not None and e.label == "PERSON" else None


def _measure(pa: ParsedArticle, si: int, i: int, j: int, value: tuple[float, float], qual: str | None,
             sents: _Sentences, mention_tokens: set[int]) -> tuple[str, tuple, str, int, bool] | None:
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
    return _lemma(verb) if verb.pos == "VERB" and _lemma(verb) not in ("be", "have") else None


def _nearest_person(pa: ParsedArticle, si: int, i: int, sent_range: range, sents: _Sentences) -> Entity | None:
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


def _dates(pa: ParsedArticle, si: int, sents: _Sentences) -> list[Extracted]:
    seg = pa.segments[si]
    toks = seg.tokens
    raw = pa.article.raw
    published = _published(pa.article.date)
    out = []
    for ent in seg.ents:
        if ent.label not in ("DATE", "TIME"):
            continue
        s = ent.start
        while s < ent.end and not DATE_CUE.search(toks[s].text) and not toks[s].tag == "CD" and \
                toks[s].text.lower() not in ("this", "last", "next", "later", "earlier", "early", "late", "mid"):
            s += 1  # "the post seven months ago" -> "seven months ago"
        if s >= ent.end:
            continue
        start, end, text = _span_text(raw, toks, s, ent.end)
        if not DATE_CUE.search(text) or DURATION_ONLY.search(text):
            continue
        sent = toks[s].sent
        s0, s1 = seg.sents[sent]
        future = any(t.tag == "MD" or _lemma(t) in FUTURE_WORDS for t in toks[s0:s1])
        resolved = resolve_date(text, published, future)
        ents = frozenset(sents.ids.get((pa.article.id, si, sent), ()))
        value, gran = resolved if resolved else (text, "")
        claim = Claim(pa.article.id, si, start, end, text, value, *_sentence_of(seg, sent))
        out.append(Extracted(claim, "date", ("date",), granularity=gran, entities=ents,
                             subject=_event(toks, s)))
    return out


def _published(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def _event(toks: tuple[Token, ...], i: int) -> str:
    """'Carter took': the verb a date hangs from, with its subject."""
    seen = 0
    while toks[i].pos not in ("VERB", "AUX") and toks[i].head != i and seen < 10:
        i = toks[i].head
        seen += 1
    verb = toks[i]
    subj = next((t for t in toks if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    return f"{subj.text} {verb.text}" if subj is not None and verb.pos in ("VERB", "AUX") else verb.text


FUTURE_WORDS = frozenset({"expect", "schedule", "plan", "due", "upcoming", "next"})
QUOTE_RE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def _quotes(pa: ParsedArticle, si: int, sents: _Sentences, state: dict) -> list[Extracted]:
    """Quotations of four words or more, each with its speaker; `state` carries the last speaker."""
    seg = pa.segments[si]
    art = pa.article
    toks = seg.tokens
    raw = art.raw
    found = []
    segment = art.segments[si]
    for m in QUOTE_RE.finditer(raw, segment.start, segment.end):
        inner = m.group(1) or m.group(2)
        if len(inner.split()) < QUOTE_MIN_WORDS:
            continue  # scare quotes
        found.append((m.start(), m.end(), inner))
    out: list[Extracted] = []
    groups: list[list[tuple[int, int, str]]] = []
    for q in found:
        # a quote split by "he said" is one quotation
        if groups and groups[-1][-1][2].rstrip().endswith(",") and _split_continuation(raw[groups[-1][-1][1]:q[0]]):
            groups[-1].append(q)
        else:
            groups.append([q])
    for group in groups:
        start, end = group[0][0], group[-1][1]
        speaker = _speaker(pa, si, [(q[0], q[1]) for q in group], sents)
        if speaker is None:  # no speech verb in the quote's sentence: the paragraph's last speaker
            speaker = _paragraph_speaker(pa, si, start, sents)
        if speaker == "PRONOUN":
            speaker = state.get("speaker") if state.get("segment", -9) >= si - 1 else None
            speaker = speaker or _last_person(pa, si, start, sents)
        if isinstance(speaker, Entity):
            state["speaker"], state["segment"] = speaker, si
        tok = next((t for t in toks if t.start >= start), toks[-1])
        sent = tok.sent
        ents = frozenset(sents.ids.get((art.id, si, sent), ()))
        if isinstance(speaker, Entity):
            name, speaker_id = speaker.name, speaker.id
        else:  # an unnamed speaker's words ("one U.S. official"), or nobody found
            name, speaker_id = (speaker if speaker and speaker != "PRONOUN" else "unattributed"), ""
        text = " … ".join(q[2] for q in group)
        claim = Claim(art.id, si, start, end, raw[start:end], text, *_sentence_of(seg, sent))
        out.append(Extracted(claim, "quote", ("quote",), entities=ents, subject=name, speaker=speaker_id))
    return out


def _paragraph_speaker(pa: ParsedArticle, si: int, before: int, sents: _Sentences):
    """A speech verb earlier in the same paragraph names who goes on talking."""
    toks = pa.segments[si].tokens
    verbs = [t for t in toks if t.end <= before and _lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")]
    for verb in reversed(verbs):
        found = _subject_of(pa, si, verb, list(toks), sents)
        if found is not None:
            return found
    return None


def _last_person(pa: ParsedArticle, si: int, before: int, sents: _Sentences) -> Entity | None:
    """The person named last before offset `before` in this article."""
    people = sents.people.get(pa.article.id, [])
    k = bisect.bisect_left(people, (before, "")) - 1
    return sents.entity_by_id[people[k][1]] if k >= 0 else None


SPLIT_QUOTE_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "told", "asked", "continued",
                               "explained", "noted"})


def _split_continuation(between: str) -> bool:
    """Is the text between two quotes an attribution inside one quotation ("…,” he said, “…")?"""
    words = re.findall(r"\w+", between)
    return not re.search(r"[.!?]", between) and 0 < len(words) <= 5 and \
        any(w.lower() in SPLIT_QUOTE_VERBS for w in words)


def _speaker(pa: ParsedArticle, si: int, pieces: list[tuple[int, int]], sents: _Sentences):
    """Who said the quote made of `pieces`: the subject of the nearest speech verb outside them."""
    start, end = pieces[0][0], pieces[-1][1]
    toks = pa.segments[si].tokens
    inside = [t for t in toks if any(s <= t.start < e for s, e in pieces)]
    if not inside:
        return None
    sent_ids = {t.sent for t in inside}
    outside = [t for t in toks if t.sent in sent_ids and not any(s <= t.start < e for s, e in pieces)]
    verbs = [t for t in outside if _lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")]
    if not verbs and "according" in {t.text.lower() for t in outside}:
        verbs = [t for t in outside if t.text.lower() == "according"]
    verbs.sort(key=lambda v: min(abs(v.start - start), abs(v.start - end)))
    for verb in verbs:
        found = _subject_of(pa, si, verb, outside, sents)
        if found is not None:
            return found
    return None


def _subject_of(pa: ParsedArticle, si: int, verb: Token, scope: list[Token], sents: _Sentences):
    """Who a speech verb says spoke: an Entity, "PRONOUN", an unnamed speaker's words, or None."""
    toks = pa.segments[si].tokens
    if _lemma(verb) == "quote":  # "X quoted Y as saying": Y
        obj = next((t for t in scope if t.head == verb.i and t.dep == "dobj"), None)
        if obj is not None:
            ent = _entity_in(pa, si, obj, sents)
            if ent is not None:
                return ent
    subj = next((t for t in scope if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.text.lower() == "according":
        subj = next((t for t in scope if t.i > verb.i and t.dep == "pobj"), None)
    if subj is None:
        return None
    if subj.text.lower() in PRONOUNS:
        return "PRONOUN"
    ent = _entity_in(pa, si, subj, sents)
    if ent is not None:
        return ent
    words = [t for t in toks if t.head == subj.i and t.i < subj.i and t.dep in ("det", "amod", "compound", "nummod")]
    return " ".join(t.text for t in words + [subj])


def _entity_in(pa: ParsedArticle, si: int, root: Token, sents: _Sentences) -> Entity | None:
    """The entity a phrase headed by `root` names: the root's own name, or a person in apposition
    to it ("the ambassador to the U.N., Vitaly Churkin"). "One U.S. official" names no one."""
    aid = pa.article.id
    own = sents.by_token.get((aid, si, root.i))
    if own is not None:
        return own
    toks = pa.segments[si].tokens
    frontier = [root.i]
    for _ in range(3):
        frontier = [t.i for t in toks if t.head in frontier and t.i != t.head
                    and t.dep in ("appos", "prep", "pobj", "compound")]
        for i in frontier:
            e = sents.by_token.get((aid, si, i))
            if e is not None and e.label == "PERSON" and toks[i].dep == "appos":
                return e
    return None


def _equipment(pa: ParsedArticle, si: int, sents: _Sentences, products: list) -> list[Extracted]:
    """Model-numbered products with what they are ("T-90 tanks"): a detail one outlet may add.
    `products` are this segment's (entity, mention) pairs of PRODUCT entities."""
    seg = pa.segments[si]
    toks = seg.tokens
    aid = pa.article.id
    out = []
    for ent, m in products:
        if not re.search(r"\d", m.text):
            continue
        end_tok = m.tok_end
        while end_tok < len(toks) and toks[end_tok].tag in ("NN", "NNS", "NNP") and end_tok - m.tok_end < 3 \
                and not toks[end_tok].text[:1].isupper():
            end_tok += 1
        if end_tok == m.tok_end:
            continue
        s, e, text = _span_text(pa.article.raw, toks, m.tok_start, end_tok)
        sent = toks[m.tok_start].sent
        claim = Claim(aid, si, s, e, text, ent.name, *_sentence_of(seg, sent))
        thing = _lemma(toks[end_tok - 1])
        out.append(Extracted(claim, "equipment", ("equipment", ent.id),
                             entities=frozenset(sents.ids.get((aid, si, sent), ())), subject=f"{ent.name} {thing}"))
    return out


def extract(parsed: list[ParsedArticle], entities: list[Entity]) -> tuple[list[Extracted], _Sentences]:
    sents = _Sentences(parsed, entities)
    mention_tokens: dict[tuple[str, int], set[int]] = defaultdict(set)
    products: dict[tuple[str, int], list] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            mention_tokens[(m.article, m.segment)].update(range(m.tok_start, m.tok_end))
            if e.label == "PRODUCT":
                products[(m.article, m.segment)].append((e, m))
    out: list[Extracted] = []
    for pa in parsed:
        state: dict = {}
        for si in range(len(pa.segments)):
            mt = mention_tokens.get((pa.article.id, si), set())
            found = _numbers(pa, si, sents, mt) + _dates(pa, si, sents) + _quotes(pa, si, sents, state)
            found += _equipment(pa, si, sents, sorted(products.get((pa.article.id, si), []),
                                                      key=lambda em: em[1].start))
            # a number inside a quote belongs to the quote
            quotes = [(x.claim.start, x.claim.end) for x in found if x.kind == "quote"]
            out.extend(x for x in found if x.kind == "quote" or
                       not any(s <= x.claim.start and x.claim.end <= e for s, e in quotes))
    return out, sents


# -- alignment ---------------------------------------------------------------------------------
def _pair_score(a: Extracted, b: Extracted, sents: _Sentences) -> float | None:
    """How sure we are that a and b state the same fact; None when they are not comparable."""
    support = sents.support(a.entities, b.entities)
    if a.kind == "quote":
        # the same speaker, or, where one outlet names no speaker, nearly the same long wording
        same = bool(a.speaker) and a.speaker == b.speaker
        if a.speaker and b.speaker and not same:
            return None
        na, nb = _norm_quote(a.claim.value), _norm_quote(b.claim.value)
        words = min(len(na.split()), len(nb.split()))
        if words < (QUOTE_MIN_WORDS if same else UNATTRIBUTED_MIN_WORDS):
            return None
        score = fuzz.partial_ratio(na, nb) if min(len(na), len(nb)) >= 20 else fuzz.ratio(na, nb)
        return score if score >= (QUOTE_MIN_SIMILARITY if same else UNATTRIBUTED_MIN_SIMILARITY) else None
    if a.kind == "date":
        # the same date needs some shared context; a different one needs much more
        if dates_agree(a, b):
            return 150 + support if support >= ENTITY_SUPPORT else None
        return 100 + support if support >= 3 * ENTITY_SUPPORT else None
    if a.kind == "equipment":
        return 100 + support
    overlap = a.low <= b.high and b.low <= a.high
    if a.kind in ("duration", "age"):
        return 100 + support + (10 if overlap else 0)
    if overlap and a.specific and b.specific:
        return 100 + support
    same_thing = a.specific and b.specific  # same block: the same class of counted thing
    return 50 + support if same_thing and support >= ENTITY_SUPPORT else None


def _status(group: list[Extracted]) -> tuple[str, str, tuple]:
    """(status, note, diff): a note says why; quotes that differ get the word diff of the first two."""
    if len({x.claim.article for x in group}) < 2:
        return "single", "", ()
    kind = group[0].kind
    if kind == "quote":
        norm = [_norm_quote(x.claim.value) for x in group]
        shortest = min(norm, key=len)
        if all(shortest in n for n in norm):
            return "agree", "", ()
        return "differ", "", word_diff(group[0].claim.value, group[1].claim.value)
    if kind == "date":
        if all(dates_agree(group[0], x) for x in group[1:]):
            return "agree", "", ()
        unresolved = any(not x.granularity for x in group)
        return "differ", "no publication date to resolve relative dates" if unresolved else "", ()
    if kind == "equipment":
        return "agree", "", ()
    ok = max(x.low for x in group) <= min(x.high for x in group)
    return ("agree" if ok else "differ"), "", ()


MAX_CANDIDATES = 20  # claims a claim is compared with inside a large block


def _keys(x: Extracted) -> list[tuple]:
    """What two claims of one block must share to be compared at all."""
    keys: list[tuple] = [("e", e) for e in sorted(x.entities)]
    if x.kind == "quote":
        keys.append(("q", " ".join(_norm_quote(x.claim.value).split()[:6])))
        if x.speaker:
            keys.append(("s", x.speaker))
    elif x.kind == "date":
        keys.append(("d", x.claim.value[:7]))
    else:
        keys.append(("v", x.low, x.high))
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


def align(items: list[Extracted], sents: _Sentences, order: dict[str, int]) -> list[Fact]:
    """Group claims into facts: best-scoring pairs first, at most one claim per article in a fact."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for n, x in enumerate(items):
        blocks[x.block].append(n)
    pairs = []
    for members in blocks.values():
        for x, y in _candidates(members, items):
            score = _pair_score(items[x], items[y], sents)
            if score is not None:
                pairs.append((-score, x, y))
    pairs.sort()
    uf = UnionFind()
    articles = {n: {x.claim.article} for n, x in enumerate(items)}  # root -> articles in its group
    for _, x, y in pairs:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or articles[rx] & articles[ry]:
            continue  # already one fact, or one claim per article
        if (rx, ry) != (x, y) and _pair_score(items[min(rx, ry)], items[max(rx, ry)], sents) is None:
            continue  # joining groups: their first claims (the roots) must be comparable too
        joined = uf.union(rx, ry)
        articles[joined] = articles.pop(rx) | articles.pop(ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        groups[uf.find(n)].append(n)
    facts = []
    for group in groups.values():
        members = sorted((items[k] for k in group), key=lambda x: (order[x.claim.article], x.claim.start))
        status, note, diff = _status(members)
        first = members[0]
        facts.append(Fact(
            id=f"{first.kind}-{first.claim.article}-{first.claim.start}",
            kind=first.kind, status=status,
            subject=next((x.subject for x in members if x.speaker), first.subject) or first.claim.text,
            claims=tuple(x.claim for x in members), note=note, diff=diff))
    rank = {"differ": 0, "agree": 1, "single": 2}
    facts.sort(key=lambda f: (rank[f.status], order[f.claims[0].article], f.claims[0].start))
    return facts


def extract_and_align(parsed: list[ParsedArticle], entities: list[Entity]) -> list[Fact]:
    items, sents = extract(parsed, entities)
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    return align(items, sents, order)
