"""Publication dates read from an article's own text, for articles whose metadata gives none.

Evidence, strongest first (Article.date_evidence names the one used):
- "dateline": a dateline with a date ("SEOUL, Jan. 17 (Reuters) -", "WASHINGTON, March 3, 2017 —");
- "date line": a line that is a date ("Published: March 3, 2017 10:12 AM EST", "Updated 9:12 AM ET,
  Wed January 17, 2018"), also among the lines residue removal left out;
- "timestamp": a short line ending with a full date and a time of day ("By A. Writer, staff
  reporter. March 2, 2016, 7:14:05 PM CST");
- "photo caption": the latest date of a caption, in the wire convention of a weekday and a full
  date ending the sentence or before the place ("… walks through the rain Thursday, June 14, 2018, in
  Arlow.", never "… met on Friday, March 9, 2015, and …"), in any line, the title and the removed
  lines included; never a file photo ("FILE - In this … file photo"), which is old by definition.
  A photo so dated is taken on the day of the story or just before it. A caption with a date but
  no weekday ("… in Velmar, May 6, 2018. PHOTO AGENCY") is not used: such pictures are often
  weeks older than the story (tried on the development set: it moved "next month" a month early).
A dateline without a year takes the year from the other articles' dates (one briefing covers one
event within days).

Other dates of the body are not used: the latest of them is only a bound (a complaint "from March
9, 2015" in a story a year later), and a weekday resolved against a date a few days early moves
to the week before, which turns the same "Friday" in two outlets into a false difference. Without
evidence, relative dates stay as written. The inferred date is kept apart from the metadata date
(Article.inferred_date) and listed in Article.guessed, so pages and the export say it was inferred
and from what.
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
_FULL_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
# "…, March 2, 2016, 7:14:05 PM CST" at the end of a short line
_TIMESTAMP = re.compile(rf"(?P<date>{_FULL_DATE}),?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\.?)?"
                        r"(?:\s+[A-Z]{2,4}\b)?\.?$", re.IGNORECASE)
# a caption's date: "Thursday, June 14, 2018", or "June 12, 2018. REUTERS/…", "March 17, 2011. (AP Photo/…)"
# (a body sentence "… met on Friday, March 9, 2015, and …" is not one: a date of the story, a bound)
_CAPTION = re.compile(rf"(?<!\bon )\b{_WEEKDAY}(?P<date>{_FULL_DATE})(?=,?\s+in\s+[A-Z]|\.(?:\s|$)|,?\s*$)")
_FILE_PHOTO = re.compile(r"\bfile\s+(?:photo|picture|image)\b|^FILE\b", re.IGNORECASE)
TIMESTAMP_WORDS = 25  # a line longer than this is a sentence, not a byline with its time


def infer(articles: list[Article]) -> list[Article]:
    """The articles, each without a metadata date given the date its text states
    (Article.inferred_date, what says it in Article.date_evidence, "date" in Article.guessed); the
    others unchanged."""
    stated = {a.id: found for a in articles if not a.date and (found := _stated(a))}
    years = Counter(d[:4] for d in [*(a.date for a in articles if a.date), *(f[0] for f in stated.values())]
                    if _YEAR.search(d[:4]))
    out = []
    for a in articles:
        found, evidence = stated.get(a.id, (None, ""))
        if found and not _YEAR.search(found[:4]):  # "--01-17": a dateline without its year
            found = f"{years.most_common(1)[0][0]}{found}" if years else None
        out.append(dataclasses.replace(a, inferred_date=found, date_evidence=evidence, guessed=a.guessed + ("date",))
                   if found else a)
    return out


def _stated(a: Article) -> tuple[str, str] | None:
    """The date the article's text states and the evidence: ISO "YYYY-MM-DD", or "-MM-DD" (with a
    leading dash, the year to be found) when a dateline gives no year."""
    body = [s for s in a.segments if s.kind != "title"]
    for seg in body[:2]:
        m = _DATELINE.match(seg.text)
        if m:
            return _found(m.group("date"), "dateline")
    lines = [" ".join(seg.text.split()) for seg in [*body, *a.removed]]
    for text in lines:
        found = date_line(text)
        if found:
            return found, "date line"
    for text in lines:
        m = _TIMESTAMP.search(text) if len(text.split()) <= TIMESTAMP_WORDS else None
        if m:
            return _found(m.group("date"), "timestamp")
    captions = [_iso(m.group("date")) for seg in [*a.segments, *a.removed]
                if not _FILE_PHOTO.search(seg.text) for m in _CAPTION.finditer(" ".join(seg.text.split()))]
    captions = [d for d in captions if d and _YEAR.search(d[:4])]
    return (max(captions), "photo caption") if captions else None


def _found(text: str, evidence: str) -> tuple[str, str] | None:
    iso = _iso(text)
    return (iso, evidence) if iso else None


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
