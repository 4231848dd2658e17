"""Row labels a reader understands (issue 24's tables): the counted thing with what happened to
it, the event a date gives, the speaker and what they spoke of; never a dateline's place or a
stray word. Invented text, real parses."""
from conftest import analyse

TEXTS = {"a": "Title\n\nPolice said 40 protesters were arrested outside the Velmar court. More than 150 hikers "
              "reached the summit of Mount Tarn. The suspect was charged on Monday. \"We will appeal the "
              "ruling,\" said Mayor Ana Ruiz.",
         "b": "LONDON — The boy survived the fall on Tuesday, doctors said. Airlines cancelled 300 flights."}


def labels(parser):
    _, _, found = analyse(parser, TEXTS)
    return {c.text: f.label for f in found for c in f.claims}


def test_figures_are_labelled_by_the_counted_thing_and_what_happened_to_it(parser):
    got = labels(parser)
    assert got["40 protesters"] == "Protesters arrested"
    assert got["300 flights"] == "Flights cancelled"
    assert got["More than 150 hikers"] == "Hikers that reached the summit"


def test_dates_by_their_event_and_quotes_by_speaker_and_topic(parser):
    got = labels(parser)
    assert got["Monday"] == "When the suspect was charged"
    assert got['"We will appeal the ruling,"'] == "Ana Ruiz on the ruling"  # the person after her title


def test_a_datelines_place_is_never_the_subject_of_a_label(parser):
    got = labels(parser)
    assert got["Tuesday"] == "Date: survived the fall"
    assert not any("LONDON" in label for label in got.values())


def test_the_table_shows_the_label_else_the_kind_and_subject(parser):
    from briefing.model import Fact
    from briefing.render.facttable import row_label
    _, _, found = analyse(parser, TEXTS)
    assert row_label(next(f for f in found if f.label == "Flights cancelled")) == "Flights cancelled"
    assert row_label(Fact("x", "number", "single", "hikers", ())) == "Number: hikers"  # no clause to read
