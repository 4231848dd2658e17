"""World knowledge from the data packages, and first names (names.py) that use it."""
import pytest

from briefing.words import knowledge
from briefing.entities.names import first_names_match, name_parts, normalize, spelling_variants


@pytest.mark.parametrize("forms", [("Britain", "UK", "U.K.", "United Kingdom", "Great Britain"),
                                   ("U.S.", "US", "America", "United States"),
                                   ("DPRK", "North Korea"), ("Wis.", "WI", "Wisconsin"), ("Minn.", "Minnesota")])
def test_one_country_or_state_by_any_name(forms):
    keys = {knowledge.place(f) for f in forms}
    assert len(keys) == 1 and None not in keys


@pytest.mark.parametrize("form", ["Korean", "Canadians", "British", "Tokyo", "Korea", "U.N.", "EU", "In", "canada",
                                  "S", "S."])  # a lone "S": no word left before its plural "s" (it raised)
def test_demonyms_cities_shared_parts_and_non_countries_are_no_country(form):
    assert knowledge.place(form) is None


@pytest.mark.parametrize("form", ["US", "U.S.", "NZ", "HK"])
def test_a_country_by_its_initials(form):
    assert knowledge.country(form) is not None


@pytest.mark.parametrize("form", ["AI", "A.I.", "IT", "TV", "GE", "IS", "GM"])
def test_a_one_word_countrys_code_is_no_country(form):
    """Prose writes these for artificial intelligence, a company, television: not Anguilla,
    Georgia or Tuvalu, whose names it never abbreviates."""
    assert knowledge.place(form) is None


def test_cities_and_where_they_are():
    assert "state:Texas" in knowledge.place_names("Austin")
    assert "country:JP" in knowledge.place_names("Sapporo")
    assert knowledge.is_place("Lima") and not knowledge.is_place("Okafor")


def test_demonyms():
    assert knowledge.demonym("Britons") is None and knowledge.demonym("British") == "GB"
    assert knowledge.demonym("Americans") == "US"


def test_first_names():
    assert "william" in knowledge.given_names_of("bill")
    assert knowledge.is_given_name("maria") and not knowledge.is_given_name("okafor")


@pytest.mark.parametrize("a,b,same", [
    ("bill", "william", True), ("jim", "james", True), ("ash", "ashton", True), ("sergei", "sergey", True),
    ("mohamed", "mohammed", True), ("j", "james", True),
    ("chris", "christine", False), ("maria", "mario", False), ("dan", "daniela", False), ("bashar", "bassel", False),
])
def test_first_names_match(a, b, same):
    assert first_names_match(a, b) is same


def test_spelling_variants_of_surnames():
    assert spelling_variants("jaczko", "jazcko") and spelling_variants("zelensky", "zelenskyy")
    assert not spelling_variants("moore", "moody") and not spelling_variants("lee", "lea")


def test_name_parts():
    assert name_parts("Mr Smith") == ("smith",) and name_parts("Sgt. Ana Roe") == ("ana", "roe")
    assert name_parts("Bashar al-Assad") == ("bashar", "assad") and name_parts("Ben Okafor") == ("ben", "okafor")
    assert name_parts("Mira Okonkwo-Vale") == ("mira", "okonkwo-vale")
    assert normalize("Bussiè\u200bre") == "Bussière"
