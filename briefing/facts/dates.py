"""Dates: finding them in the tokens (a DATE or TIME span, a year inside a name, a time of day)
with the event they date and whether they speak of what will happen, resolved against the
publication date by resolving.py; and whether two dates name one time (dates_agree; may_meet for
relative dates of articles whose date is unknown, by the span of days each allows)."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import COARSER, Parsed, ParsedArticle, Token
from . import frames
from .lexicon import MONTHS, TIME_ZONES, WEEKDAYS
from .resolving import MONTH_OR_YEAR, POSSESSIVE, YEAR, YEAR_END, ago_count, resolve_date
from .sentences import Extracted, View, children, climb, lemma, normalise, make_claim, span_text

DATE_CUE = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|\b\d{4}\b|\b\d{0,2}\d0'?s\b|\d(st|nd|rd|th)\b|\d/\d|\b(" + "|".join(MONTHS + WEEKDAYS) + r"|ago|today|yesterday|tomorrow|tonight|weekend|midweek|"
                      r"(this|next|last|later|earlier)\s+(week|month|year|spring|summer|autumn|fall|winter)|"
                      r"(this|yesterday|tomorrow|last)\s+(morning|afternoon|evening|night)|(earlier|later)\s+in\s+the\s+(week|month|year)|"
                      r"end\s+of\s+(the|this)\s+(week|month|year)|year[- ]end)\b",
                      re.IGNORECASE)
TIME_OF_DAY = re.compile(r"\b(early|earlier|late|later|mid|morning|afternoon|evening|night|tonight|overnight)\b")
DURATION_ONLY = re.compile(r"^(\d\S*(?:\s1/2)?|an?|several|few|many|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|\w+teen|\w+ty)\s(minutes?|hours?|days?|weeks?|months?|years?|decades?)$|^the\s+(past|last|next|coming|previous|recent)\b(?!.*\bago\b)|^(past|coming|previous|recent)\b(?!.*\bago\b)"
                           r"|^(last|next)\s+(\d\S*|few|several|many|couple|one|two|three|four|five|six|seven|eight|nine|"
                           r"ten|eleven|twelve|\w+teen|\w+ty)\b|^\w+-(year|month|week|day)"
                           r"|^(weeks|months|years|days|decades?)$|^(\w+\s)?(weekly|daily|monthly|annual|yearly)$",
                           re.IGNORECASE)


WEEKEND = frozenset({"saturday", "sunday"})


def dates_agree(a: Extracted, b: Extracted) -> bool:
    """Do two dates name the same time, at the coarser of their granularities? Unresolved ones
    (no publication date to resolve "Friday" against) agree when they say the same thing, also
    with the same words resolved in an article whose date is known, or may name one time
    (may_meet)."""
    if not a.granularity or not b.granularity:  # one or both outlets' dates unknown: the same words
        keys = {unresolved_key(a.claim.text), unresolved_key(b.claim.text)}
        return len(keys) == 1 or (len(keys) == 2 and "weekend" in keys and bool(keys & WEEKEND)) or \
            may_meet(*sorted(keys))  # "over the weekend", "today" and "Tuesday"
    da, db = a.claim.date, b.claim.date
    if (da.year is None) != (db.year is None):  # a year only one of them says: the same month and day
        return da.granularity == db.granularity and (da.month, da.day, da.week) == (db.month, db.day, db.week)
    if {da.granularity, db.granularity} == {"week", "month"}:  # a week may straddle two months
        week, month = (da, db) if da.granularity == "week" else (db, da)
        first = week.first_day()
        return first is None or any((d.year, d.month) == (month.year, month.month) for d in (first, first + dt.timedelta(days=6)))
    coarse = max(da.granularity, db.granularity, key=COARSER.get)
    return da.coarse(coarse) == db.coarse(coarse) or _one_night(a, b)


LATE = re.compile(r"\b(late|night|tonight|overnight)\b", re.IGNORECASE)  # "late Tuesday", "Tuesday night"
EARLY = re.compile(r"\b(early|overnight|dawn)\b", re.IGNORECASE)  # "early Wednesday"


def _one_night(a: Extracted, b: Extracted) -> bool:
    """Two days in a row said of the night between them: "late Tuesday" (or "Tuesday night") and
    "early Wednesday" name one night around midnight, not two days."""
    if a.claim.date.granularity != "day" or b.claim.date.granularity != "day":
        return False
    day_a, day_b = a.claim.date.first_day(), b.claim.date.first_day()
    if day_a is None or day_b is None or abs((day_a - day_b).days) != 1:
        return False
    first, then = (a, b) if day_a < day_b else (b, a)
    return bool(LATE.search(_with_next_word(first))) and bool(EARLY.search(then.claim.text))


def _with_next_word(x: Extracted) -> str:
    """A date's words and the word after it in its sentence ("Tuesday" "night")."""
    at = x.claim.sentence.find(x.claim.text)
    after = x.claim.sentence[at + len(x.claim.text):].split()[:1] if at >= 0 else []
    return " ".join([x.claim.text, *after])


# A relative date without its article's date, as a span of days around that unknown day: (scale, first, last)
RELATIVE_SPANS = {
    "today": ("day", 0, 0), "this": ("day", 0, 0), "tonight": ("day", 0, 0), "yesterday": ("day", -1, -1),
    "last night": ("day", -1, -1), "tomorrow": ("day", 1, 1),
    "this week": ("week", -6, 6), "in the week": ("week", -6, 6), "midweek": ("week", -6, 6),
    "weekend": ("week", -6, 6), "this weekend": ("week", -6, 6), "last week": ("week", -13, -1),
    "last weekend": ("week", -13, -1), "next week": ("week", 1, 13), "next weekend": ("week", 1, 13),
    "this month": ("month", -30, 30), "in the month": ("month", -30, 30), "last month": ("month", -61, -1),
    "next month": ("month", 1, 61), "this year": ("year", -365, 365), "in the year": ("year", -365, 365),
    "last year": ("year", -730, -1), "next year": ("year", 1, 730)}
WEEKDAY_SPANS = {None: (-6, 6), "this": (-6, 6), "last": (-13, -1), "this past": (-13, -1), "next": (1, 13)}
AGO_SCALE = {"day": ("week", 1), "week": ("month", 7), "month": ("year", 30)}  # "three weeks ago": a month's scale
SCALES = ("day", "week", "month", "year")
PUBLISHED_APART = 1  # days between two outlets' publication days


@functools.lru_cache(maxsize=4096)
def _span(key: str) -> tuple[str, int, int, str] | None:
    """(scale, first day, last day, weekday) of an unresolved relative date's key, in days from its
    article's unknown date: "last week" is ("week", -13, -1, ""); None for any other date."""
    if key in RELATIVE_SPANS:
        return (*RELATIVE_SPANS[key], "")
    m = re.fullmatch(r"(?:(this|last|this past|next) )?(" + "|".join(WEEKDAYS) + ")", key)
    if m:
        return ("day", *WEEKDAY_SPANS[m.group(1)], m.group(2))
    ago = ago_count(key)
    if ago and ago[1] in AGO_SCALE:
        (low, high), (scale, days) = ago[0], AGO_SCALE[ago[1]]
        return scale, -int(high + 1) * days, -max(int(low) - 1, 0) * days, ""
    return None


def may_meet(a: str, b: str) -> bool:
    """May two relative dates worded differently in articles of unknown dates name one time? Said
    at one scale ("today" and "Tuesday", "last Friday" and "Friday"), or at the next ("earlier this
    month" and "last week", "last month" and "a few weeks ago") when neither names a weekday, their
    spans meet with the outlets a day apart, and they name no two weekdays."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None or abs(SCALES.index(sa[0]) - SCALES.index(sb[0])) > (0 if sa[3] or sb[3] else 1) or \
            (sa[3] and sb[3] and sa[3] != sb[3]):
        return False
    return sa[1] - PUBLISHED_APART <= sb[2] and sb[1] - PUBLISHED_APART <= sa[2]


def extract(pa: ParsedArticle, si: int, sents: View) -> list[Extracted]:
    """Every date of segment si (a spaCy DATE or TIME span, or a year inside a name such as
    "the 2006 Winter Games"), resolved against the publication date where it is relative."""
    toks = pa.segments[si].tokens
    published = _published(pa.article.date or pa.article.inferred_date)
    out = []
    for s, e in _spans(pa.segments[si]):
        if _house_number(toks, s, e) or _a_persons_name(pa, si, s, e, sents) or _running_period(toks, s, e):
            continue
        text = span_text(pa.article.raw, toks, s, e)[2]
        clock = _clock(text)
        if clock is not None:  # "about 11:45 a.m.", "23:45": a time of day, compared in minutes
            out.append(_time(pa, si, s, e, clock, sents))
        elif DATE_CUE.search(text) and not DURATION_ONLY.search(text):
            out.append(_date(pa, si, s, e, published, sents))
    return out


RELATIVE_LEAD = frozenset({"this", "last", "next", "later", "earlier", "early", "late", "mid"})
DATE_HEADS = frozenset({"weekend", "midweek", "end", "year"})  # "the weekend", "the end of the year", "year-end"
# The words of a length of time before "ago": "a century ago", "a few weeks ago", "some 40 years ago"
LENGTH_WORDS = frozenset({"a", "an", "few", "several", "many", "couple", "of", "century", "centuries", "decade",
                          "decades", "year", "years", "month", "months", "week", "weeks", "day", "days"})


def _spans(seg: Parsed) -> list[tuple[int, int]]:
    """The token spans of a segment's dates, in order: its DATE and TIME entities from their first
    date word ("the post seven months ago" -> "seven months ago"), and years outside them."""
    toks = seg.tokens
    spans = []
    in_date = set()
    for ent in seg.ents:
        if ent.label not in ("DATE", "TIME"):
            continue
        in_date.update(range(ent.start, ent.end))
        s = _first_date_word(toks, ent.start, ent.end)
        if s < ent.end and not (ent.end - s == 1 and toks[s].text.lower() == "ago"):  # "long ago" says no date
            spans.append((s, ent.end))
    spans += [(t.i, t.i + 1) for t in toks if t.i not in in_date and (YEAR.fullmatch(t.text) and t.tag == "CD"
              and (t.i == 0 or toks[t.i - 1].text not in ("$", "#", "-", "–")) or _bare_clock(toks, t.i))]
    return sorted(spans)


def _first_date_word(toks: tuple[Token, ...], start: int, end: int) -> int:
    """Where the date of the entity at tokens [start, end) begins: its first date word ("the post
    seven months ago": "seven"), with the length of time before an "ago" ("nearly a century ago":
    "a century ago", not "ago"; "a year ago", not "year ago"); `end` when it has none."""
    s = next((k for k in range(start, end) if DATE_CUE.search(toks[k].text) or toks[k].tag == "CD"
              or toks[k].text.lower() in RELATIVE_LEAD or toks[k].text.lower() in DATE_HEADS), end)
    if any(toks[k].text.lower() == "ago" for k in range(s, end)):  # "a year ago": "year" is a date word too
        while s > start and toks[s - 1].text.lower() in LENGTH_WORDS:
            s -= 1
    return s


def _date(pa: ParsedArticle, si: int, s: int, e: int, published: dt.date | None, sents: View) -> Extracted:
    """The date at tokens [s, e), resolved where it can be, with the event it dates."""
    seg = pa.segments[si]
    toks = seg.tokens
    start, end, text = span_text(pa.article.raw, toks, s, e)
    sent = toks[s].sent
    s0, s1 = seg.sents[sent]
    future = _future(toks, s, s0, s1)
    if MONTH_OR_YEAR.search(text) and not YEAR.search(text):  # "by March 3": a deadline lies ahead
        future = future or _ahead(toks, s)
    resolved = resolve_date(text, published, future)
    claim = make_claim(pa, si, sent, start, end, resolved.iso if resolved else text, date=resolved)
    verb = _verb(toks, s)
    return Extracted(claim, "date", ("date",), entities=sents.entities(pa.article.id, si, sent),
                     subject=_event(toks, s), context=sents.context(pa, si, s, e),
                     verb=lemma(verb) if verb.pos in ("VERB", "AUX") else "",
                     frame=frames.frame(pa, si, s, e, sents))


def _future(toks: tuple[Token, ...], s: int, s0: int, s1: int) -> bool:
    """Does the date at token s speak of what will happen? Its own clause says: a modal or a word
    of intent on the verb it hangs from or on the verbs that verb completes ("was expected to begin
    Friday", "will try to land on Tuesday"), or "next" in the date's own phrase; a modal in another
    clause of the sentence ("…, and that rivals cannot expect…") says nothing of it."""
    k, seen = _verb(toks, s).i, 0
    while True:
        verb = toks[k]
        if lemma(verb) in FUTURE_WORDS or any(c.tag == "MD" for c in children(toks, k) if c.dep in ("aux", "auxpass")):
            return True
        if verb.dep not in ("xcomp", "conj") or verb.head == k or seen > 4:
            break
        k, seen = verb.head, seen + 1
    return any(lemma(t) in FUTURE_WORDS for t in toks[max(s0, s - 2):min(s1, s + 3)])


DEADLINE_WORDS = frozenset({"by", "until", "till", "before", "deadline", "due"})


def _ahead(toks: tuple[Token, ...], s: int) -> bool:
    """Does the date at token s lie ahead of the writing: a deadline ("by March 3", "the deadline
    of March 3") or the date of a verb in the present tense ("the vote is on March 3")?"""
    if s and toks[s - 1].text.lower() in DEADLINE_WORDS or (s > 1 and toks[s - 2].text.lower() in DEADLINE_WORDS):
        return not _past(toks, s)
    verb = _verb(toks, s)
    return verb.tag in ("VB", "VBP", "VBZ")


def _past(toks: tuple[Token, ...], s: int) -> bool:
    return _verb(toks, s).tag in ("VBD", "VBN")


RUNNING = (("so", "far"), ("thus", "far"), ("to", "date"))  # "so far this year", "this month to date"


def _running_period(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A date that bounds a running count up to now ("so far this year", "this year to date"):
    the span the count covers, as "the past year" is, not when something happened."""
    before = tuple(t.text.lower() for t in toks[max(0, s - 2):s])
    after = tuple(t.text.lower() for t in toks[e:e + 2])
    return before in RUNNING or after in RUNNING


NAME_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "appos", "dobj"})


def _a_persons_name(pa: ParsedArticle, si: int, s: int, e: int, sents: View) -> bool:
    """A "date" that is a person's name: a person the entity stage found there ("April Velden"), or a
    lone month word acting as someone ("…," said May; May's rival) in an article that names a
    person so called ("Tessa May"). A month is the time of a clause, never its subject."""
    toks = pa.segments[si].tokens
    found = (sents.by_token.get((pa.article.id, si, k)) for k in range(s, e))
    if any(ent is not None and ent.label == "PERSON" for ent in found):
        return True
    word = toks[s].text.lower()
    return e - s == 1 and word in MONTHS and toks[s].dep in NAME_ROLES and \
        word in sents.person_words(pa.article.id)


STREET_WORDS = frozenset({"ave", "avenue", "st", "street", "road", "rd", "blvd", "boulevard", "lane", "ln", "drive",
                          "dr", "way", "place", "pl", "court", "ct", "parkway", "pkwy", "terrace", "highway", "hwy"})
YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "till", "from", "before", "after", "during", "around",
                               "circa", "early", "late", "mid"})


def _house_number(toks, s: int, e: int) -> bool:
    """A lone number that begins a street address ("at 1950 Harlow Ave.", "2014 Kestrel Street"):
    one to three capitalised names, then a street word. Never after a word that introduces a year
    ("in 1950 Harlow Avenue opened")."""
    if e - s != 1 or not toks[s].text.isdigit() or (s and toks[s - 1].text.lower() in YEAR_PREPOSITIONS):
        return False
    for n, t in enumerate(toks[e:e + 4]):
        word = t.text.lower().rstrip(".")
        if n and word in STREET_WORDS:
            return True
        if not t.text[:1].isupper():
            return False
    return False


CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
CLOCK_24 = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")  # "23:45", in a TIME span
GLUED_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?[ap]m", re.IGNORECASE)  # "11.45am": one token, no entity
CLOCK_MARGIN = 15  # minutes either side of "about 11:45 a.m."


CLOCK_LEAD = frozenset({"at", "by", "until", "till", "before", "after", "around", "about", "from", "since", "to"})


def _bare_clock(toks: tuple[Token, ...], i: int) -> bool:
    """A time of day the model marks as no time: "11.45am" (one token), "at 23:45" (a number to it)."""
    return bool(GLUED_CLOCK.fullmatch(toks[i].text)) or \
        (i > 0 and toks[i - 1].text.lower() in CLOCK_LEAD and bool(CLOCK_24.fullmatch(toks[i].text)))


def _clock(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a time of day: "11:45 a.m.", "11.45am", "9 p.m.", or a 24-hour "23:45"."""
    m = CLOCK.search(text)
    if m:
        return int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0), int(m.group(2) or 0)
    m = CLOCK_24.search(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _time(pa: ParsedArticle, si: int, s: int, e: int, clock: tuple[int, int], sents: View) -> Extracted:
    """A time of day with the margin its wording allows: "about 11:45 a.m." is 11:30-12:00,
    "just before 8 p.m." 19:45-20:00, "11:40 a.m." exactly 11:40."""
    toks = pa.segments[si].tokens
    hour, minute = clock
    at = hour * 60 + minute
    before = " ".join(t.text.lower() for t in toks[max(0, s - 2):s])
    low, high, qual = at, at, ""
    if re.search(r"\b(about|around|approximately|roughly|some|nearly|almost)$", before):
        low, high, qual = at - CLOCK_MARGIN, at + CLOCK_MARGIN, "approx "
    elif re.search(r"\bbefore$", before):
        low, qual = at - CLOCK_MARGIN, "before "
    elif re.search(r"\bafter$", before):
        high, qual = at + CLOCK_MARGIN, "after "
    qs = s - len(re.findall(r"\b(about|around|approximately|roughly|some|nearly|almost|just|shortly|before|after)\b",
                            before))
    zone = next((t.text.lower() for t in toks[s:e + 1] if t.text.lower() in TIME_ZONES and t.text.isupper()), "")
    e = e + 1 if zone and e < len(toks) and toks[e].text.lower() == zone else e
    start, end = toks[qs].start, toks[e - 1].end
    sent = toks[s].sent
    shown = f"{hour:02d}:{minute:02d}"
    return Extracted(make_claim(pa, si, sent, start, end, qual + shown + (f" {zone.upper()}" if zone else "")), "time",
                     ("time",), low, high, unit=zone,
                     entities=sents.entities(pa.article.id, si, sent),
                     subject=_event(toks, s), context=sents.context(pa, si, s, e),
                     frame=frames.frame(pa, si, s, e, sents))


def times_agree(a: Extracted, b: Extracted) -> bool:
    """May two times of day name one moment? In one time zone (or where either names none) by
    their minutes; in two named zones by their minutes in UTC, the day's turn allowed ("9 p.m. ET",
    "1 a.m. GMT")."""
    if not (a.unit and b.unit) or a.unit == b.unit:
        return max(a.low, b.low) <= min(a.high, b.high)
    (la, ha), (lb, hb) = _utc(a), _utc(b)
    return any(max(la, lb + day) <= min(ha, hb + day) for day in (-1440, 0, 1440))


def _utc(x: Extracted) -> tuple[float, float]:
    """A time's minutes in UTC, over the offsets its zone may have."""
    winter, summer = TIME_ZONES[x.unit]
    return x.low - summer * 60, x.high - winter * 60


def _verb(toks: tuple[Token, ...], i: int) -> Token:
    """The verb a date hangs from (or the top of its phrase)."""
    return toks[climb(toks, i, ("VERB", "AUX"), 10)]


def is_bare(text: str) -> bool:
    """A date that names no month and no year ("Monday", "late Thursday", "last week", "seven
    months ago"): said of many events, it pairs only through the event."""
    return not MONTH_OR_YEAR.search(text)


@functools.lru_cache(maxsize=65536)
def unresolved_key(text: str) -> str:
    """What an unresolved date says, without the words that do not change the day:
    "on Sunday evening" and "Sunday" both say "sunday", "last week's" and "last week" "last week",
    "at year end" and "by the end of the year" "year end"."""
    t = re.sub(r"^(in|on|at|since|by|during|until|over|the)\s+", "", POSSESSIVE.sub("", normalise(text)))
    if YEAR_END.fullmatch(t):
        return "year end"
    return re.sub(r"\s+", " ", TIME_OF_DAY.sub(" ", t)).strip()


def _published(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def _event(toks: tuple[Token, ...], i: int) -> str:
    """'Carter took': the verb a date hangs from, with its subject."""
    verb = _verb(toks, i)
    subj = next((t for t in toks if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    return f"{subj.text} {verb.text}" if subj is not None and verb.pos in ("VERB", "AUX") else verb.text


FUTURE_WORDS = frozenset({"expect", "schedule", "plan", "due", "upcoming", "next"})
