"""Descriptions from titles and appositives, with the real parser on invented sentences."""
import pytest

from conftest import analyse


@pytest.mark.parametrize("text,name,expected", [
    ("Title\n\nThe talks were led by French Foreign Minister Jean Dupont on Monday.", "Jean Dupont",
     "French Foreign Minister"),
    ("Title\n\nThe report was written by Anna Ostrander, a researcher with the Stockholm Peace Institute, last year.",
     "Anna Ostrander", "researcher with the Stockholm Peace Institute"),
    ("Title\n\nThe deal was praised by the Brazilian ambassador to the U.N., Paulo Ramos, on Friday.",
     "Paulo Ramos", "Brazilian ambassador to the U.N."),
    ("Title\n\nThe memo came from the Harbor Policy Group, a Boston-based think tank, in March.",
     "Harbor Policy Group", "Boston-based think tank"),
])
def test_descriptions(parser, text, name, expected):
    _, ents, _ = analyse(parser, {"a": text})
    by_name = {e.name: e for e in ents}
    assert name in by_name, sorted(by_name)
    assert by_name[name].description == expected
    assert by_name[name].descriptions[0].article == "a"


def test_places_get_no_description_from_appositions(parser):
    _, ents, _ = analyse(parser, {"a": "Title\n\nThe ferries docked in Arica, the home of the mayor, on Friday."})
    assert all(e.description is None for e in ents if e.label in ("GPE", "LOC"))


def test_outlets_describing_differently_are_both_kept(parser):
    _, ents, _ = analyse(parser, {
        "a": "Title\n\nThe plan was backed by Defense Secretary Mark Olsen on Tuesday.",
        "b": "Title\n\nThe plan was backed by Mark Olsen, a former Army general, on Tuesday."})
    olsen = next(e for e in ents if e.name == "Mark Olsen")
    assert [(d.text, d.article) for d in olsen.descriptions] == [("Defense Secretary", "a"),
                                                                 ("former Army general", "b")]
