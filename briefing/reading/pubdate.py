"""Publication dates read from an article's own text, for articles whose metadata gives none.

Only a line that states when the article itself was filed counts: a dateline with a date
("SEOUL, Jan. 17 (Reuters) -", "WASHINGTON, March 3, 2017 —") or a date line ("Published: March
3, 2017 10:12 AM EST", "Updated 9:12 AM ET, Wed January 17, 2018"). A dateline without a year
takes the year from the other articles' dates (one briefing covers one event within days).

Dates inside the body are not used: the latest of them is only a bound (a complaint "from March
9, 2015" in a story a year later, a photo "taken Thursday, March 17" in a story of Friday), and a
weekday resolved against a date a few days early moves to the week before, which turns the same
"Friday" in two outlets into a false difference. Without a stated date, relative dates stay as
written. The inferred date is kept apart from the metadata date (Article.inferred_date) and
listed in Article.guessed, so pages and the export say it was inferred.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter

import dateparser

from ..model import Article
from ..words.english import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, alternation

_MONTH = alternation(MONTHS, MONTH_ABBREVIATIONS) + r"\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
_WEEKDAY = rf"(?:{alternation(WEEKDAYS, WEEKDAY_ABBREVIATIONS)}\.?,?\s+)"
_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4}\b)?)"
# "SEOUL, Jan. 17 (Reuters) -", "WASHINGTON, March 3, 2017 —": capitals, a comma, the date, a dash
_DATELINE = re.compile(rf"^[A-Z][A-Za-z .'’/-]{{1,40}}?,\s+{_WEEKDAY}?(?P<date>{_DATE})\s*"
                       r"(?:\([^()]{1,40}\)\s*)?(?:-{1,2}|—|–)\s")
# "Published: March 3, 2017 10:12 AM EST", "Updated 9:12 AM ET, Wed January 17, 2018", "January 17, 2018"
_DATE_LINE = re.compile(rf"^(?:(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified|date)\b"
                        rf"\s*:?\s*(?:on\s+)?)?(?:{_TIME},?\s+)?{_WEEKDAY}?(?P<date>{_DATE})"
                        rf"(?:\s*(?:,|at|\||-|—|–)?\s*{_TIME})?\s*\.?$", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}$")


def infer(articles: list[Article]) -> list[Article]:
    """The articles, each without a metadata date given the date its dateline or date line
    states (Article.inferred_date, "date" in Article.guessed); the others unchanged."""
    stated = {a.id: found for a in articles if not a.date and (found := _stated(a))}
    years = Counter(d[:4] for d in [*(a.date for a in articles if a.date), *stated.values()] if _YEAR.search(d[:4]))
    out = []
    for a in articles:
        found = stated.get(a.id)
        if found and not _YEAR.search(found[:4]):  # "--01-17": a dateline without its year
            found = f"{years.most_common(1)[0][0]}{found}" if years else None
        out.append(dataclasses.replace(a, inferred_date=found, guessed=a.guessed + ("date",)) if found else a)
    return out


def _stated(a: Article) -> str | None:
    """The date the article's dateline (first paragraphs) or a date line states, as ISO
    "YYYY-MM-DD", or "-MM-DD" (with a leading dash, the year to be found) when no year is given."""
    body = [s for s in a.segments if s.kind != "title"]
    for seg in body[:2]:
        m = _DATELINE.match(seg.text)
        if m:
            return _iso(m.group("date"))
    for seg in [*body, *a.removed]:
        found = date_line(seg.text)
        if found:
            return found
    return None


def date_line(line: str) -> str | None:
    """The date a date line states ("Published: March 3, 2017 10:12 AM EST", "(Updated Jan. 17,
    2018)"), as `_stated` gives it; None for any other line."""
    text = " ".join(line.split()).strip("()[] ")
    if len(text.split()) > 12:
        return None
    m = _DATE_LINE.match(text)
    return _iso(m.group("date")) if m else None


@functools.lru_cache(maxsize=1024)
def _iso(text: str) -> str | None:
    found = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month"]})
    if found is None:
        return None
    day = found.date().isoformat()
    return day if re.search(r"\d{4}", text) else day[4:]
