"""Fact extractors and status decisions, on invented sentences."""
import datetime as dt

import pytest

from briefing.facts import dates, quotes, resolving, values, wording
from briefing.facts.sentences import Extracted
from briefing.model import Claim, DateValue

from conftest import analyse


@pytest.mark.parametrize("text,value", [("2,000", 2000), ("four", 4), ("twenty-five", 25), ("2½", 2.5),
                                        ("three hundred", 300)])
def test_parse_number(text, value):
    assert values.parse_number(text) == (value, value)


def test_a_decimal_figure_stands_for_what_rounds_to_it():
    assert values.parse_number("3.4 million") == pytest.approx((3_350_000, 3_450_000))
    assert values.parse_number("9.0") == pytest.approx((8.95, 9.05))


def test_parse_number_plural_magnitudes_are_ranges():
    low, high = values.parse_number("millions")
    assert low == 1_000_000 and high > low


FRIDAY = dt.date(2015, 9, 18)


@pytest.mark.parametrize("text,expected", [
    ("Friday", ("2015-09-18", "day")), ("Tuesday", ("2015-09-15", "day")),
    ("seven months ago", ("2015-02", "month")), ("in February", ("2015-02", "month")),
    ("this month", ("2015-09", "month")), ("later this month", ("2015-09", "month")),
    ("two weeks ago", ("2015-W36", "week")), ("March 3, 2014", ("2014-03-03", "day")), ("2013", ("2013", "year")),
    ("one week ago", ("2015-W37", "week")), ("two years ago", ("2013", "year")),
])
def test_resolve_date_against_publication_date(text, expected):
    found = resolving.resolve_date(text, FRIDAY)
    assert (found.iso, found.granularity) == expected


def test_relative_date_without_publication_date_stays_unresolved():
    assert resolving.resolve_date("seven months ago", None) is None
    assert resolving.resolve_date("Friday", None) is None


@pytest.mark.parametrize("text", ["a few weeks ago", "a couple of months ago", "several weeks ago", "a week ago",
                                  "a month ago"])
def test_a_vague_count_ago_names_no_one_week_or_month(text):
    # "a few weeks ago" resolved to its lowest reading would set it against "three weeks ago" as a
    # difference: it stays relative and meets other dates by its span (dates.may_meet); nor is "a
    # week ago" (about a week) one ISO week: two outlets published a day apart would name two
    assert resolving.resolve_date(text, FRIDAY) is None


def test_word_diff_marks_inserted_words_and_ignores_a_shorter_excerpt():
    diff = wording.word_diff("We are looking for ways in which to try to find common ground",
                           "looking for ways in which to find common ground")
    assert ("-", "try to") in diff
    assert diff[0] == ("=", "looking for ways in which to")


def claims_by_kind(found, kind):
    return [f for f in found if f.kind == kind]


def test_numbers_with_counted_thing_and_qualifiers(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe army sent four Russian fighter jets and housing for up to "
                                         "2,000 people, and at least 30 tanks."})
    got = {(f.subject, f.claims[0].text, f.claims[0].value) for f in claims_by_kind(found, "number")}
    assert ("fighter jets", "four Russian fighter jets", "4") in got
    assert ("people", "up to 2,000 people", "max 2,000") in got
    assert ("tanks", "at least 30 tanks", "min 30") in got


def test_ages_are_facts_about_a_person_and_differ_across_sources(parser):
    texts = {
        "a": "Title\n\nThe pilot, Anna Ostrander, 41, was rescued near Kyrenia on Monday by the Marsa Coast Guard.",
        "b": "Title\n\nThe pilot, Anna Ostrander, 42, was rescued near Kyrenia on Monday by the Marsa Coast Guard.",
    }
    _, _, found = analyse(parser, texts)
    ages = claims_by_kind(found, "age")
    assert len(ages) == 1 and ages[0].status == "differ"
    assert sorted(c.value for c in ages[0].claims) == ["41", "42"]


def test_same_count_of_the_same_kind_of_thing_agrees_across_outlets(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe arrival of four Russian fighter jets at an air base in Latakia was confirmed.",
        "b": "Title\n\nOfficials said four Russian SU-27 fighter planes and four helicopters arrived at the base."})
    cross = [f for f in found if len(f.claims) > 1]
    assert [(f.kind, f.status, sorted(c.text for c in f.claims)) for f in cross] == [
        ("number", "agree", ["four Russian SU-27 fighter planes", "four Russian fighter jets"])]
    assert any(f.status == "single" and f.claims[0].text == "four helicopters" for f in found)


def test_unrelated_small_numbers_and_weekdays_are_not_paired(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nOn Friday, two ministers met in Oslo to discuss fishing quotas with Norway.",
        "b": "Title\n\nOn Friday, two trains collided near Lyon, the French rail operator SNCF said."},
        dates={"a": "2020-05-08", "b": "2020-05-08"})
    assert all(f.status == "single" for f in found), [(f.kind, f.status, [c.text for c in f.claims]) for f in found]


def test_relative_and_absolute_dates_agree_at_the_coarser_granularity(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nMinister Lena Stahl spoke to General Omar Bakri, their first call since Stahl took office "
             "seven months ago.",
        "b": "Title\n\nLena Stahl called Omar Bakri for the first time since Stahl took office in February."},
        dates={"a": "2015-09-18", "b": "2015-09-18"})
    dates = [f for f in claims_by_kind(found, "date") if len(f.claims) == 2]
    assert len(dates) == 1 and dates[0].status == "agree"


QUOTES = {
    "a": ("Title\n\n“We are looking for ways in which to try to find a common ground,” Secretary Dana Whitfield said"
          " on Tuesday. “It is a hard road for everyone,” she added.\n\nAnalyst Paul Brandt called it "
          "“just talk.”\n\nA spokesman, Omar Haddad, quoted Whitfield as saying that “the ceasefire must hold "
          "through the winter.”"),
    "b": ("Title\n\nDana Whitfield said: “We are looking for ways in which to find a common ground.” Later, "
          "Whitfield said that “the ceasefire must hold through the winter.”"),
}


def test_quotes_speakers_and_status(parser):
    _, _, found = analyse(parser, QUOTES)
    quotes = claims_by_kind(found, "quote")
    by_text = {c.value: (f.subject, f.status) for f in quotes for c in f.claims}
    assert by_text["It is a hard road for everyone,"] == ("Dana Whitfield", "single")  # "she" -> last speaker
    assert by_text["the ceasefire must hold through the winter."] == ("Dana Whitfield", "agree")  # quoted as saying
    assert "just talk." not in by_text  # a scare quote
    common = next(f for f in quotes if "common ground" in f.claims[0].value)
    assert common.status == "differ" and ("-", "try to") in common.diff


def test_split_quote_is_joined():
    raw_between = " he said, "
    assert quotes.split_continuation(raw_between)
    assert not quotes.split_continuation(" he said. Then ")


def test_generic_counts_are_told_apart_by_their_verb(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe quake struck Malatya on Tuesday, killing at least 38 people, the Malatya Relief Office said.",
        "b": "Title\n\nThe quake in Malatya killed 41 people and injured 400 people, the Malatya Relief Office said."})
    numbers = {(f.subject, f.status, tuple(sorted(c.value for c in f.claims))) for f in found if f.kind == "number"}
    assert ("people (kill)", "agree", ("41", "min 38")) in numbers
    assert ("people (injure)", "single", ("400",)) in numbers


def test_same_long_quote_pairs_even_when_one_outlet_names_no_speaker(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nPresident Lina Marsh said the state would \"do everything necessary to heal the wounds of our "
             "citizens\" after the storm.",
        "b": "Title\n\nThe government promised to \"do everything necessary to heal the wounds of our citizens.\""})
    quotes = [f for f in found if f.kind == "quote"]
    assert len(quotes) == 1 and quotes[0].status == "agree" and quotes[0].subject == "Lina Marsh"


def test_weekday_in_a_sentence_about_the_future_is_the_next_one(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe minister is expected to visit Oslo on Wednesday."},
                          dates={"a": "2023-03-14"})
    (date,) = [f for f in found if f.kind == "date"]
    assert date.claims[0].value == "2023-03-15"


def test_jobs_positions_and_workers_count_the_same_thing(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nNorvik Steel said on Monday it would cut 1,200 jobs at its Tampere plant.",
        "b": "Title\n\nNorvik Steel will eliminate 1,200 positions in Tampere, the company said."})
    cross = [f for f in found if f.kind == "number" and len(f.claims) == 2]
    assert len(cross) == 1 and cross[0].status == "agree"


def test_a_date_value_knows_its_granularity_and_coarser_forms():
    from briefing.model import DateValue

    day = DateValue("day", 2015, 12, 31)
    assert day.iso == "2015-12-31" and day.coarse("week") == DateValue("week", 2015, week=53)
    assert day.coarse("month").iso == "2015-12" and day.coarse("decade") == DateValue("decade", 2010)
    assert DateValue("day", None, 1, 25).iso == "XXXX-01-25" and DateValue("day", None, 1, 25).first_day() is None
    assert DateValue("week", 2016, week=1).first_day() == dt.date(2016, 1, 4)  # an ISO week starts on Monday


def test_a_span_of_years_is_a_year_with_its_last_year():
    found = resolving.resolve_date("1950-53", None)
    assert (found.iso, found.granularity, found.year, found.until) == ("1950-53", "year", 1950, 1953)
    assert resolving.resolve_date("1990–2000", None).iso == "1990-2000"


def _dated(text: str, date: DateValue) -> Extracted:
    return Extracted(Claim("a", 0, 0, len(text), text, date.iso, text, 0, len(text), date), "date", ())


@pytest.mark.parametrize("week,month,agree", [
    (DateValue("week", 2026, week=10), DateValue("month", 2026, 3), True),  # 2-8 March
    (DateValue("week", 2026, week=9), DateValue("month", 2026, 3), True),  # 23 February - 1 March
    (DateValue("week", 2026, week=10), DateValue("month", 2019, 1), False),  # another month, another year
    (DateValue("week", 2026, week=12), DateValue("month", 2026, 2), False),
])
def test_a_week_agrees_only_with_a_month_it_touches(week, month, agree):
    assert dates.dates_agree(_dated("the week", week), _dated("the month", month)) is agree
    assert dates.dates_agree(_dated("the month", month), _dated("the week", week)) is agree
