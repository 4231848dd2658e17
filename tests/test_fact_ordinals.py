"""Ordinals in words (facts/ordinals.py), with invented text and real parses: what the ordinal
qualifies is read from the model's parse, so the parse is the point here."""
from conftest import analyse


def ordinal_rows(found):
    return sorted((f.status, f.label, sorted(c.text for c in f.claims)) for f in found if f.kind == "ordinal")


def test_the_same_ordinal_of_one_thing_pairs_across_outlets_whatever_its_modifiers(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe club signed a second goalkeeper on Monday. The striker was charged with third-degree "
             "assault.",
        "b": "Title\n\nVelmar added a second goalkeeper to the squad. Prosecutors filed a charge of third degree "
             "assault."})
    assert ordinal_rows(found) == [
        ("agree", "Second goalkeeper", ["second goalkeeper", "second goalkeeper"]),
        ("agree", "Third-degree assault", ["third degree assault", "third-degree assault"])]


def test_the_first_time_of_an_event_pairs_with_the_first_of_its_thing_said_with_more_of_its_words(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nScientists at Velmar University grew a human liver in a lab for the first time. Korsk Bank "
             "is the first to offer a savings account to children.",
        "b": "Title\n\nIt was the first liver grown in a lab. It is the nation's first savings account for "
             "children."})
    assert ordinal_rows(found) == [
        ("agree", "First liver", ["first liver", "first time"]),
        ("agree", "First savings account", ["first savings account", "first to offer a savings account to children"])]


def test_other_numbers_other_things_terms_and_a_bare_shared_noun_make_no_row(parser):
    """A third goalkeeper is not the second; "first responders" is a term, not one of a series, and
    "the First Amendment" a name; "the second quarter" a date;
    "the second half" is said of another thing; the first fans to arrive are not fans seeing a
    stadium for the first time."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe club signed a second goalkeeper. First responders reached the stadium within "
             "minutes. Fans saw the new stadium for the first time on Sunday. Lawyers for the club cited the "
             "First Amendment. Ticket sales rose in the second quarter.",
        "b": "Title\n\nThe coach named a third goalkeeper. The second half was delayed. First responders "
             "treated two fans. The first fans arrived at noon. The judge read the First Amendment aloud. "
             "Ticket sales fell in the second quarter."})
    assert ordinal_rows(found) == []
