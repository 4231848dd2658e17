"""Companies and products by evidence (issue 22): what only an organisation has makes a name the
model called a place an organisation; a company's name without its legal form is its name; a
maker's name is the company, not its product; the acronym of a common noun is no name; "a" before
a maker and a model word is one product. Invented text; the real parse first checks the model's error."""
from collections import Counter

from briefing.entities import across, evidence, propagate, repair, tokens, vehicles
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc
from test_resolve import doc_from, entities

# An invented rowing-machine maker the small model calls a place wherever it stands alone.
MAKER = {
    "a": "Rowing machine maker sold\n\nLumeria founder Ines Toller said the sale would close in May. Analysts said "
         "Lumeria was worth more than its rivals. Toller started Lumeria in a garage.",
    "b": "Lumeria sold\n\nEngineers at Lumeria built the first prototype. Lumeria will keep its name after the sale.",
}


def test_a_company_the_model_calls_a_place_is_an_organisation_by_its_founder(parser):
    parsed, ents, _ = analyse(parser, MAKER)
    raw = Counter(e.label for pa in parsed for seg in pa.segments for e in seg.ents
                  if seg.tokens[e.start].text == "Lumeria")
    assert raw["GPE"] >= 4 and not raw["ORG"], f"the model changed: find a new error ({raw})"
    by_name = {e.name: e for e in ents}
    assert by_name["Lumeria"].label == "ORG" and len(by_name["Lumeria"].mentions) == 6
    assert by_name["Ines Toller"].label == "PERSON"


def signs(vocab, words, tags, deps, heads, names):
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads))
    return [evidence.organisation_signs(p.tokens, s, e) for s, e in names]


def test_what_only_an_organisation_has(vocab):
    # "Velox co-founder Jo Roe", "Pello 's 30-year-old founder", "the chief executive of Arla", "Brio , a startup"
    words = ["Velox", "co", "-", "founder", "Jo", "Roe", "met", "Pello", "'s", "30", "-", "year", "-", "old", "founder",
             "and", "the", "chief", "executive", "of", "Arla", "near", "Brio", ",", "a", "startup"]
    tags = ["NNP", "NN", "HYPH", "NN", "NNP", "NNP", "VBD", "NNP", "POS", "CD", "HYPH", "NN", "HYPH", "JJ", "NN", "CC",
            "DT", "JJ", "NN", "IN", "NNP", "IN", "NNP", ",", "DT", "NN"]
    deps = ["compound", "compound", "punct", "compound", "compound", "nsubj", "ROOT", "poss", "case", "npadvmod",
            "punct", "npadvmod", "punct", "amod", "dobj", "cc", "det", "amod", "conj", "prep", "pobj", "prep", "pobj",
            "punct", "det", "appos"]
    heads = [3, 3, 3, 5, 5, 6, 6, 14, 7, 11, 11, 13, 13, 14, 6, 14, 18, 18, 14, 18, 19, 6, 21, 22, 25, 22]
    assert signs(vocab, words, tags, deps, heads, [(0, 1), (7, 8), (20, 21), (22, 23), (4, 6)]) == \
        [True, True, True, True, False]


def test_what_a_place_or_a_person_has_too_is_no_organisations_sign(vocab):
    # "Tarvik 's president", "Tarvik spokesman", "Tarvik investors", "the mayor of Pello", "Roe 's employees"
    words = ["Tarvik", "'s", "president", "and", "a", "Tarvik", "spokesman", "met", "Tarvik", "investors", "and",
             "the", "mayor", "of", "Pello", "and", "Roe", "'s", "employees"]
    tags = ["NNP", "POS", "NN", "CC", "DT", "NNP", "NN", "VBD", "NNP", "NNS", "CC", "DT", "NN", "IN", "NNP", "CC",
            "NNP", "POS", "NNS"]
    deps = ["poss", "case", "nsubj", "cc", "det", "compound", "conj", "ROOT", "compound", "dobj", "cc", "det", "conj",
            "prep", "pobj", "cc", "poss", "case", "conj"]
    heads = [2, 0, 7, 2, 6, 6, 2, 7, 9, 7, 9, 12, 9, 12, 13, 12, 18, 16, 12]
    assert signs(vocab, words, tags, deps, heads, [(0, 1), (5, 6), (8, 9), (14, 15), (16, 17)]) == [False] * 5
    # "a Tarvik founder": one of the town's founders of something
    assert signs(vocab, ["a", "Tarvik", "founder", "spoke"], ["DT", "NNP", "NN", "VBD"],
                 ["det", "compound", "nsubj", "ROOT"], [2, 2, 3, 3], [(1, 2)]) == [False]


def choose(counts, key=("Tarvo",), organisation=True, place=(), person=0):
    ev = evidence.Evidence(person={key: person} if person else {}, place=set(place),
                           organisation={key} if organisation else set())
    return propagate.choose_label(key, Counter(counts), ev)


def test_an_organisations_sign_outweighs_a_place_label_but_not_a_place_shown_or_known():
    assert choose({"GPE": 3}) == "ORG"
    assert choose({"LOC": 1, "GPE": 1}) == "ORG"
    # no misfire: no sign, a place's sign ("in Tarvo"), a country ("Portugal's founders"), another label
    assert choose({"GPE": 3}, organisation=False) == "GPE"
    assert choose({"GPE": 3}, place=[("Tarvo",)]) == "GPE"
    assert choose({"GPE": 3}, key=("Portugal",)) == "GPE"
    assert choose({"PRODUCT": 2}) == "PRODUCT"


def test_a_title_in_apposition_makes_no_person_of_an_organisation():
    # "Velox Labs, the leader in rowing machines" beside "Velox Labs' founder"
    assert choose({"ORG": 2}, key=("Velox", "Labs"), person=evidence.PERSONAL) == "ORG"
    assert choose({"ORG": 2}, key=("Velox", "Labs"), person=evidence.PERSONAL, organisation=False) == "PERSON"


def spans_of(vocab, words, ents, tags):
    pas = [article_of(make_doc(vocab, words, ents=ents, tags=tags))]
    spans = {(0, 0): repair.repair_segment(pas[0].segments[0])}
    return pas, spans


def test_a_companys_name_without_its_legal_form_is_its_name(vocab):
    # "Velox Labs , Inc. sued . Velox Labs won ." : the second is a mention too, of an organisation
    words = ["Velox", "Labs", ",", "Inc.", "sued", ".", "Velox", "Labs", "won", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "NNP", ",", "NNP", "VBD", ".", "NNP", "NNP", "VBD", "."]
    pas, spans = spans_of(vocab, words, ents, tags)
    ev = evidence.gather(pas, spans)
    assert ("Velox", "Labs") in ev.organisation
    votes = tokens.known_names(pas, spans)
    propagate.propagate(pas, spans, votes, frozenset())
    got = [(sp.start, sp.end, sp.label) for sp in spans[(0, 0)]]
    assert got == [(0, 4, "ORG"), (6, 8, "ORG")]


def test_a_makers_name_joins_its_company_not_its_product(vocab):
    names, _ = entities(doc_from(vocab, [("Velox Labs", "ORG"), ("sells the", None), ("Velox Arrow", "PRODUCT"),
                                         ("an arrow from the labs", None)]),
                        doc_from(vocab, [("Velox", "ORG"), ("said", None)]))
    assert names.get("Velox Labs") == ["Velox", "Velox Labs"] and names.get("Velox Arrow") == ["Velox Arrow"]
    # no misfire: two companies' longer forms leave the short form alone
    names, _ = entities(doc_from(vocab, [("Velox Labs", "ORG"), ("and", None), ("Velox Bank", "ORG"),
                                         ("the labs and a bank", None)]),
                        doc_from(vocab, [("Velox", "ORG"), ("said", None)]))
    assert "Velox" in names


def test_the_acronym_of_a_common_noun_is_no_name(vocab):
    # "wind turbine" twice: "WT" is no name; "urban sprawl" twice leaves "US" a place; "deep sea" once
    words = ["wind", "turbine", "and", "wind", "turbine", "in", "WT", "labs", ";", "urban", "sprawl", "and",
             "urban", "sprawl", "in", "the", "US", ";", "deep", "sea", "work", "at", "DS", "Labs", "and", "DS"]
    tags = ["NN", "NN", "CC", "NN", "NN", "IN", "NNP", "NNS", ":", "JJ", "NN", "CC", "JJ", "NN", "IN", "DT", "NNP", ":",
            "JJ", "NN", "NN", "IN", "NNP", "NNP", "CC", "NNP"]
    deps = ["compound", "ROOT", "cc", "compound", "conj", "prep", "compound", "pobj", "punct", "amod", "conj", "cc",
            "amod", "conj", "prep", "det", "pobj", "punct", "amod", "compound", "conj", "prep", "compound", "pobj", "cc",
            "conj"]
    heads = [1, 1, 1, 4, 1, 1, 7, 5, 1, 10, 1, 10, 13, 10, 13, 16, 14, 1, 19, 20, 1, 20, 23, 21, 23, 23]
    ents = ["O"] * 6 + ["B-GPE"] + ["O"] * 9 + ["B-GPE"] + ["O"] * 5 + ["B-ORG", "I-ORG", "O", "B-ORG"]
    pas = [article_of(make_doc(vocab, words, ents=ents, tags=tags, deps=deps, heads=heads))]
    spans = {(0, 0): list(pas[0].segments[0].ents)}
    across.drop_common_acronyms(pas, spans)
    toks = pas[0].segments[0].tokens
    assert [tokens.surface(toks, sp.start, sp.end) for sp in spans[(0, 0)]] == ["US", "DS Labs", "DS"]


def test_an_article_before_a_maker_and_a_model_word_makes_one_product(vocab):
    # "a Velox Arrow" (the article counts the model); not "a Velox SUV" (capitals), "a Velox Hall" (a
    # head word of names), "a Velox Official" (a title), "a Velox Arrow engine" (the article counts the engine)
    def product(words, tags, deps, heads):
        ents = ["O", "B-ORG"] + ["O"] * (len(words) - 2)
        p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags, deps=deps, heads=heads))
        return [(tokens.surface(p.tokens, sp.start, sp.end), sp.label) for sp in vehicles.models(list(p.ents), p.tokens)]

    assert product(["a", "Velox", "Arrow"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Velox Arrow", "PRODUCT")]
    assert product(["a", "Velox", "SUV"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Velox", "ORG")]
    assert product(["a", "Velox", "Hall"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Velox", "ORG")]
    assert product(["a", "Velox", "Official"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Velox", "ORG")]
    assert product(["a", "Velox", "Arrow", "engine"], ["DT", "NNP", "NNP", "NN"],
                   ["det", "compound", "compound", "ROOT"], [3, 2, 3, 3]) == [("Velox", "ORG")]


# An invented rowing magazine the small model calls a place where it is told something.
TOLD = {
    "a": "Season delayed\n\nThe coach told Veldana on Monday that the season would start in May.",
    "b": "Club short of money\n\nA rower told Veldana that the club had no money left for boats.",
}


def test_a_name_someone_tells_something_is_no_place(parser):
    parsed, ents, _ = analyse(parser, TOLD)
    raw = Counter(e.label for pa in parsed for seg in pa.segments for e in seg.ents
                  if seg.tokens[e.start].text == "Veldana")
    assert raw["GPE"] == 2, f"the model changed: find a new error ({raw})"
    assert {e.name: e.label for e in ents}["Veldana"] == "ORG"


def test_the_one_told_is_a_listener_and_a_listener_is_no_place_but_may_be_a_known_one(vocab):
    # "told Pello that", "informed Arla", not "told them in Tarvik"
    words = ["Roe", "told", "Pello", "that", "Arla", "was", "informed", "and", "told", "them", "in", "Tarvik"]
    tags = ["NNP", "VBD", "NNP", "IN", "NNP", "VBD", "VBN", "CC", "VBD", "PRP", "IN", "NNP"]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubjpass", "auxpass", "ccomp", "cc", "conj", "dobj", "prep", "pobj"]
    heads = [1, 1, 1, 6, 6, 6, 1, 1, 1, 8, 8, 10]
    lemmas = ["Roe", "tell", "Pello", "that", "Arla", "be", "inform", "and", "tell", "they", "in", "Tarvik"]
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads, lemmas=lemmas))
    assert [evidence.told(p.tokens, s, s + 1) for s in (2, 4, 11)] == [True, False, False]
    ev = evidence.Evidence(listeners={("Pello",), ("Portugal",)})
    assert propagate.choose_label(("Pello",), Counter({"GPE": 1}), ev) == "ORG"
    assert propagate.choose_label(("Portugal",), Counter({"GPE": 1}), ev) == "GPE"
