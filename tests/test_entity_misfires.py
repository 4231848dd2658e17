"""Misfires of the entity rules on names they were not written for: a city or a company listed
before a plural head word, a company's initials beside a common phrase of the same initials, a
place before "founders", an index sharing a person's surname, two places sharing a feature's name.
Invented text from sport, science, weather and the courts; each test first checks the model makes
the reading the rule has to leave alone."""
from conftest import analyse

STATIONS = {
    "a": "Marathon day\n\nRunners refuelled at Velko and Brantor stations before the race. Velko said its "
         "stations stayed open. Fans were stranded at Denver and Seattle airports after the final.",
}


def model_labels(parsed):
    return {" ".join(t.text for t in seg.tokens[e.start:e.end]): e.label
            for pa in parsed for seg in pa.segments for e in seg.ents}


def labels_of(entities):
    return {a: e.label for e in entities for a in e.aliases}


def test_a_known_city_or_a_speaking_company_listed_before_a_plural_head_keeps_its_label(parser):
    parsed, entities, _ = analyse(parser, STATIONS)
    raw = model_labels(parsed)
    assert (raw.get("Denver"), raw.get("Seattle"), raw.get("Velko")) == ("GPE", "GPE", "ORG"), \
        "the model changed: find new cases"
    got = labels_of(entities)
    assert (got["Denver"], got["Seattle"]) == ("GPE", "GPE")  # the cities' airports, not airports named so
    assert got["Velko"] == "ORG"  # "Velko said": the company whose stations they are

INITIALS = {
    "a": "Lab results\n\nQRT said its telescope sales rose. The quantum readout time fell, and the quantum readout "
         "time fell again in March. QRT said it would hire two astronomers.",
}


def test_initials_that_speak_stay_a_name_beside_a_common_phrase_of_those_initials(parser):
    parsed, entities, _ = analyse(parser, INITIALS)
    assert model_labels(parsed).get("QRT") == "ORG", "the model changed: find new cases"
    assert labels_of(entities).get("QRT") == "ORG"  # "QRT said": the company, not "quantum readout time"

FOUNDERS = {
    "a": "Observatory grant\n\nSilicon Valley founders said the telescope grant was too small.",
    "b": "Team sale\n\nLumeria founder Ines Toller said the club would keep its coach.",
}


def test_founders_of_a_place_leave_it_a_place_and_a_named_founder_makes_a_company(parser):
    parsed, entities, _ = analyse(parser, FOUNDERS)
    raw = model_labels(parsed)
    assert raw.get("Silicon Valley") == "LOC", "the model changed: find new cases"
    got = labels_of(entities)
    assert got["Silicon Valley"] == "LOC"  # people from the valley, not the valley's company
    assert got["Lumeria"] == "ORG"  # "Lumeria founder Ines Toller": a company's founder

INDEX = {
    "a": "Verdict day\n\nThe Dow Jones fell 300 points after the court ruling on the stadium. Analyst Mary Jones "
         "said the drop was brief. Jones said traders were calm. The Dow Jones later recovered.",
}


def test_a_name_ending_in_another_persons_surname_is_not_made_a_person_by_it(parser):
    parsed, entities, _ = analyse(parser, INDEX)
    raw = model_labels(parsed)
    assert (raw.get("Dow Jones"), raw.get("Mary Jones")) == ("ORG", "PERSON"), "the model changed: find new cases"
    got = labels_of(entities)
    assert got["Dow Jones"] == "ORG"  # "Jones said" is the analyst's, not the index's
    assert got["Mary Jones"] == "PERSON"


def grouped(vocab, *pieces):
    """Which forms end in one entity, over articles of [(text, label or None)] pieces (hand-built
    docs: the model seldom keeps "the X Coast of Y" whole)."""
    from test_resolve import doc_from, entities
    names, _ = entities(*(doc_from(vocab, p) for p in pieces))
    return sorted(sorted(aliases) for aliases in names.values())


def test_a_feature_named_of_two_places_joins_neither(vocab):
    groups = grouped(vocab, [("Hail struck the", None), ("Gulf Coast of Texas", "LOC"), ("and the", None),
                             ("Gulf Coast of Florida", "LOC"), ("overnight", None)],
                     [("Forecasters warned the", None), ("Gulf Coast", "LOC"), ("of more storms", None)])
    assert ["Gulf Coast"] in groups  # two coasts "of": the bare name is neither of them
    assert not any(len(g) > 1 and "Gulf Coast" in g for g in groups)
    one = grouped(vocab, [("Hail struck the", None), ("Gulf Coast of Texas", "LOC"), ("overnight", None)],
                  [("Forecasters warned the", None), ("Gulf Coast", "LOC"), ("of more storms", None)])
    assert ["Gulf Coast", "Gulf Coast of Texas"] in one  # one coast "of": the bare name is it
