"""A date's words as a DateValue, resolved against its article's publication date: explicit
("29 November 2017", read by dateparser), relative ("last Friday", "this month", "seven months
ago"), a span of years, a decade; and how far back a date "ago" goes (ago_count), which dates.py
also reads for the span of a date left unresolved."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

import dateparser

from ..model import DateValue
from .lexicon import MONTHS, VAGUE_LEAD, WEEKDAYS
from .values import parse_number

MONTH_OR_YEAR = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b|\b\d{4}\b", re.IGNORECASE)
YEAR = re.compile(r"\b(1[5-9]|20)\d{2}\b")


def _week(d: dt.date) -> DateValue:
    year, week, _ = d.isocalendar()
    return DateValue("week", year, week=week)


def _month(d: dt.date, shift: int = 0) -> DateValue:
    """The month `shift` months from d's month."""
    month = d.month - 1 + shift
    return DateValue("month", d.year + month // 12, month % 12 + 1)


def _day(d: dt.date) -> DateValue:
    return DateValue("day", d.year, d.month, d.day)


def resolve_date(text: str, published: dt.date | None, future: bool = False) -> DateValue | None:
    """A date expression as a DateValue; None when it cannot be pinned down. A weekday is the
    latest one on or before the publication date, or with `future` (the sentence speaks of what
    will happen) the next one on or after it."""
    t = re.sub(r"^(in|on|at|since|by|during|until|before|after)\s+", "", POSSESSIVE.sub("", text.strip().lower()))
    if published and YEAR_END.fullmatch(t):  # "by the end of the year", "year-end"
        return DateValue("month", published.year, 12)
    t = re.sub(r"^(the\s+)?(early|late|later|earlier|mid|end of|beginning of)\s+", "", t)
    if published:
        found = _relative(t, published, future)
        if found is not None:
            return found
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return DateValue("year", int(m.group(1)))
    m = re.fullmatch(r"(?:the\s+)?(1\d|20)?(\d)0'?s", t)  # "the 1980s", "the early 90s": a decade
    if m:
        return DateValue("decade", int(f"{m.group(1) or '19'}{m.group(2)}0"))
    if MONTH_OR_YEAR.search(t):
        return _years(t) or _explicit(t, published.isoformat() if published else "", future)
    return None


def _years(t: str) -> DateValue | None:
    """A span of years: "1950-53", "1990–2000"."""
    m = re.fullmatch(r"(\d{4})[-–](\d{2}|\d{4})", t)
    if m is None:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return DateValue("year", first, until=last if last >= 100 else first // 100 * 100 + last)


POSSESSIVE = re.compile(r"['’]s$")  # "last week's quake": the date of the quake


YEAR_END = re.compile(r"(?:the |this )?(?:end of (?:the |this )?year|year[- ]end)")


DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})


def _relative(t: str, published: dt.date, future: bool) -> DateValue | None:
    """A date said relative to the publication date: a weekday ("Friday", "last Friday", "next
    Friday morning"), "today", "this morning", "yesterday", "this week", "last month", "over the
    weekend", the year's end, "seven months ago", "a week ago" (a vague count, "a few weeks ago",
    names no one time)."""
    if t == "last night":
        return _day(published - dt.timedelta(days=1))
    words = t.split()
    t = " ".join(words[:-1] if len(words) > 1 and words[-1] in DAY_PARTS else words)  # "Friday morning"
    m = re.fullmatch(r"(?:(this|last|next) )?(" + "|".join(WEEKDAYS) + ")", t)
    if m:
        return _weekday(published, WEEKDAYS.index(m.group(2)), m.group(1), future)
    if t in ("today", "tonight", "this"):  # "this morning" without its part of the day
        return _day(published)
    if t == "yesterday":
        return _day(published - dt.timedelta(days=1))
    m = re.fullmatch(r"(?:(this|last|next|over the|the) )?weekend", t)
    if m:
        return _weekend(published, m.group(1) or "the", future)
    m = re.fullmatch(r"(this|last|next|in the) (week|month|year)", t)
    if m:
        return _shifted(published, m.group(2), {"this": 0, "in the": 0, "last": -1, "next": 1}[m.group(1)])
    ago = ago_count(t)
    if ago and ago[0][0] == ago[0][1] and not t.startswith(("a ", "an ")):
        # "a few weeks ago" names no one week, nor does "a week ago" (about a week: two outlets a day
        # apart would name two weeks): compared by their spans (may_meet)
        return _shifted(published, ago[1], -int(ago[0][0]))
    return None


def _weekday(published: dt.date, day: int, said: str | None, future: bool) -> DateValue:
    """A weekday: on or before the publication date (on or after it when the sentence speaks of
    what will happen); "last Friday" is before the publication day, "next Friday" after it."""
    return _day(_weekday_date(published, day, said, future))


def _weekday_date(published: dt.date, day: int, said: str | None, future: bool) -> dt.date:
    if said == "last":
        return published - dt.timedelta(days=(published.weekday() - day - 1) % 7 + 1)
    if said == "next":
        return published + dt.timedelta(days=(day - published.weekday() - 1) % 7 + 1)
    if future:
        return published + dt.timedelta(days=(day - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - day) % 7)


def _weekend(published: dt.date, said: str, future: bool) -> DateValue:
    """The week of the weekend meant: the last one on or before the publication date ("last
    weekend" said on a weekend: the one before), the next one with "next" or a sentence about
    what will happen."""
    if said == "last" and published.weekday() >= 5:
        return _week(published - dt.timedelta(days=7))
    ahead = said == "next" or (future and said != "last")
    return _week(_weekday_date(published, 5, None, ahead))


def _shifted(published: dt.date, unit: str, shift: int) -> DateValue:
    """The day, week, month or year `shift` units from the publication date's."""
    if unit == "day":
        return _day(published + dt.timedelta(days=shift))
    if unit == "week":
        return _week(published + dt.timedelta(weeks=shift))
    if unit == "month":
        return _month(published, shift)
    return DateValue("year", published.year + shift)


@functools.lru_cache(maxsize=8192)
def _explicit(text: str, published: str, future: bool) -> DateValue | None:
    """A date that names its month or year ("29 November 2017", "Wednesday Dec. 12, 2018",
    "Jan. 25", "November last year"), read by dateparser against the publication date. Without
    a year and without a publication date the year stays unknown (None)."""
    if published:  # "June of this year", "November last year": the year the article says
        year = int(published[:4])
        text = re.sub(r"\b(of )?(this|last|next) year\b",
                      lambda m: str(year + {"this": 0, "last": -1, "next": 1}[m.group(2)]), text)
    text = re.sub(r"\b(of )?(this|last|next) year\b", "", text).strip()
    base = dt.datetime.fromisoformat(published) if published else dt.datetime(2000, 7, 1)
    parser = _parser("future" if future else "past", base)
    found = parser.get_date_data(text)
    if found.date_obj is None:
        return None
    d = found.date_obj.date()
    gran = {"time": "day"}.get(found.period, found.period)
    value = {"day": _day, "week": _week, "month": _month, "year": lambda d: DateValue("year", d.year)}.get(gran)
    if value is None:
        return None
    if not published and not YEAR.search(text) and gran in ("day", "month"):
        return dataclasses.replace(value(d), year=None)  # the year is not said and cannot be inferred
    return value(d)


@functools.lru_cache(maxsize=16)
def _parser(prefer: str, base: dt.datetime):
    return dateparser.date.DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})


AGO = re.compile(r"\A(\S{1,20}(?: \S{1,20})?(?: of)?) (day|week|month|year)s? ago")  # \A: linear when searched


def ago_count(text: str) -> tuple[tuple[float, float], str] | None:
    """How many of which unit a date "ago" goes back, low and high: "seven months ago" is
    ((7, 7), "month"), "a few weeks ago" ((2, 5), "week"), as lexicon.VAGUE_LEAD counts "few", "a day ago" ((1, 1), "day")."""
    m = AGO.fullmatch(text)
    if m is None:
        return None
    words = re.sub(r"^an? |\sof$", "", m.group(1))  # "a few", "a couple of"
    n = (1, 1) if m.group(1) in ("a", "an") else VAGUE_LEAD.get(words) or parse_number(m.group(1))
    return (n, m.group(2)) if n else None
