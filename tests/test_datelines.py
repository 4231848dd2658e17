"""Datelines and credit lines (invented text): the place and the outlet are two entities, and the
outlet becomes the article's source when no metadata names one."""
import pytest

from briefing.reading import datelines
from briefing.model import Article, Segment

from conftest import analyse


def found(text):
    return [(text[f.start:f.end], f.label) for f in datelines.dateline(text) + datelines.credits(text)]


@pytest.mark.parametrize("text,expected", [
    ("OSLO (Reuters) - Ferry crews walked out on Monday.", [("OSLO", "GPE"), ("Reuters", "ORG")]),
    ("Lima (CNN) Miners in the south returned to work.", [("Lima", "GPE"), ("CNN", "ORG")]),
    ("PORTO ALEGRE/SAO PAULO (Reuters) - Floods closed roads.",
     [("PORTO ALEGRE", "GPE"), ("SAO PAULO", "GPE"), ("Reuters", "ORG")]),
    ("BOISE, Idaho -- A wildfire spread overnight.", [("BOISE", "GPE"), ("Idaho", "GPE")]),
    ("NAIROBI Tired rescuers dug through the night.", [("NAIROBI", "GPE")]),
    ("DENVER (KDVR) — A hailstorm damaged cars.", [("DENVER", "GPE"), ("KDVR", "ORG")]),
    ("(KTVB) -- A hailstorm damaged cars.", [("KTVB", "ORG")]),  # the outlet alone
    ("VARNA—The port reopened on Monday.", [("VARNA", "GPE")]),  # a dash run into the first word
])
def test_dateline_gives_place_and_outlet_apart(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "BREAKING - A storm is coming.",          # capitals that name no place, no outlet
    "NASA Launches a probe to the Sun.",       # an acronym run into a headline
    "Apple (AAPL) shares rose on Monday.",     # a company and its ticker
    "SHARES SLIDE AS RATES RISE",              # a capitalised subhead
])
def test_no_dateline_where_there_is_none(text):
    assert datelines.dateline(text) == []


def test_credit_lines_name_writers_places_and_outlet():
    text = ("Okafor reported from Lagos. Associated Press writers Ines Duarte in Lisbon and Tom Reyes "
            "contributed to this report.")
    assert found(text) == [("Okafor", "PERSON"), ("Lagos", "GPE"), ("Associated Press", "ORG"),
                           ("Ines Duarte", "PERSON"), ("Lisbon", "GPE"), ("Tom Reyes", "PERSON")]
    wire = "(Reporting by Ana Lind and Piet Vos in Oslo; Writing by Mia Holt; Editing by Jon Dahl)"
    assert [t for t, label in found(wire) if label == "PERSON"] == ["Ana Lind", "Piet Vos", "Mia Holt", "Jon Dahl"]


@pytest.mark.parametrize("text,outlet", [
    ("Coastal Herald writers Dan Roe and Kit Moss contributed to this report.", "Coastal Herald"),
    ("Tide-Gazette reporter Ana Lind contributed to this report.", "Tide-Gazette"),
    ("WXRT Weather reporter Ana Lind contributed to this report.", "WXRT"),  # the outlet, not its desk
    ("Harbour Post’s Ana Lind contributed to this report.", "Harbour Post"),
])
def test_a_credit_line_names_the_outlet_of_its_writers(text, outlet):
    assert [t for t, label in found(text) if label == "ORG"] == [outlet]
    assert datelines.outlet([text]) == outlet


@pytest.mark.parametrize("text", [
    "The Coastal Herald contributed to this report.",  # another outlet helped: it is not this one
    "Dan Roe and Kit Moss contributed to this report.",  # writers without an outlet
])
def test_a_credit_line_without_the_writers_outlet_names_none(text):
    assert datelines.outlet([text]) is None


def test_a_guessed_outlet_is_spelled_as_the_article_spells_it_most():
    text = "NEWS TODAY reported the closure. A News Today crew filmed it, NEWS TODAY said."
    assert datelines.usual_spelling("Newstoday", text) == "NEWS TODAY"
    assert datelines.usual_spelling("Reuters", "Nothing about it.") == "Reuters"


def test_an_outlet_from_the_file_name_keeps_the_articles_casing(tmp_path):
    from briefing.reading import seeds
    (tmp_path / "03_newstoday.txt").write_text("Storm closes the port\n\nThe port closed on Sunday, NEWS TODAY "
                                               "learned. NEWS TODAY crews were there.\n")
    articles, _ = seeds.read_seeds(tmp_path)
    assert articles[0].source == "NEWS TODAY"  # not "Newstoday"


def article(text, source=None):
    return Article(id="a", file="seeds/a.txt", raw=text, title="t", source=source,
                   segments=(Segment("paragraph", 0, len(text), text),))


def test_outlet_becomes_the_source_only_without_metadata():
    guessed = datelines.guess_source(article("OSLO (Reuters) - Ferry crews walked out."))
    assert (guessed.source, guessed.guessed) == ("Reuters", ("source",))
    given = datelines.guess_source(article("OSLO (Reuters) - Ferry crews walked out.", source="Aftenposten"))
    assert (given.source, given.guessed) == ("Aftenposten", ())
    assert datelines.guess_source(article("Ferry crews walked out in Oslo.")).guessed == ()


def test_real_parse_dateline_place_and_outlet_are_two_entities(parser):
    texts = {"a": "Title line about ferries\n\nOSLO (Reuters) - Ferry crews in Oslo walked out on Monday, "
                  "the union said.\n\nThe strike in Oslo may last a week.",
             "b": "Another title about ferries\n\nOslo (CNN) Ferry crews stopped work, and Reuters reported "
                  "long queues in Oslo."}
    _, ents, _ = analyse(parser, texts)
    by_alias = {a: e for e in ents for a in e.aliases}
    assert by_alias["OSLO"] is by_alias["Oslo"] and by_alias["Oslo"].label == "GPE"
    assert by_alias["Reuters"] is not by_alias["Oslo"] and by_alias["Reuters"].label == "ORG"
    assert by_alias["CNN"].label == "ORG" and by_alias["CNN"] is not by_alias["Oslo"]


def test_export_lists_guessed_fields(tmp_path):
    from briefing.model import Briefing
    from briefing.render import pages
    import json

    b = Briefing("t", (datelines.guess_source(article("OSLO (Reuters) - Ferry crews walked out.")),), (), ())
    data = json.loads(pages(b)["briefing.json"])
    assert data["articles"][0]["source"] == "Reuters" and data["articles"][0]["guessed"] == ["source"]
