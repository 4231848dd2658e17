"""One list per kind of word (words/english.py), and English dates whatever the machine's locale."""
import calendar
import datetime as dt
import re

from briefing.entities import names
from briefing.facts import lexicon
from briefing.reading import pubdate
from briefing.words import english


def test_dates_are_written_as_strftime_writes_them_in_english():
    formats = ("%a %-d %b %Y", "%-d %b %Y", "%b %Y", "%-d %b", "%B", "%-d %B %Y")
    for d in (dt.date(2015, 9, 18), dt.date(2000, 2, 29), dt.date(1950, 12, 31), dt.date(2018, 1, 1)):
        for fmt in formats:
            assert english.format_date(d, fmt) == d.strftime(fmt)  # LC_TIME is C unless a program sets it
    assert english.format_date(dt.date(2015, 9, 18), "%a %-d %b %Y") == "Fri 18 Sep 2015"
    assert list(english.MONTHS) == [calendar.month_name[n] for n in range(1, 13)]


def test_every_stage_reads_the_same_lists():
    assert lexicon.MONTHS == [m.lower() for m in english.MONTHS] and len(lexicon.WEEKDAYS) == 7
    assert names.HONORIFICS is english.HONORIFICS
    assert english.PERSON_SPEECH_VERBS <= english.SPEECH_VERBS


def test_a_date_line_names_its_month_and_weekday_in_any_written_form():
    for month in (*english.MONTHS, *english.MONTH_ABBREVIATIONS):
        assert re.fullmatch(pubdate._MONTH, month + ".")
        assert re.fullmatch(pubdate._MONTH, month.upper(), re.IGNORECASE)
    for day in (*english.WEEKDAYS, *english.WEEKDAY_ABBREVIATIONS):
        assert re.fullmatch(pubdate._WEEKDAY, day + ", ")
