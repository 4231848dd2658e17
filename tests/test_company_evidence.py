"""Companies and products by evidence (issue 22): what only an organisation has makes a name the
model called a place an organisation; a company's name without its legal form is its name; a
maker's name is the company, not its product; the acronym of a common noun is no name; "a" before
a maker and a model word is one product. Invented text; the real parse first checks the model's error."""
from collections import Counter

from briefing.entities import across, evidence, propagate, repair, tokens, vehicles
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc
from test_resolve import doc_from, entities

# An invented wheat-seed breeder the small model calls a place wherever it stands alone.
MAKER = {
    "a": "Seed breeder sold\n\nVerania's chief executive, Maria Olsen, expects the sale to close in June. Verania "
         "breeds wheat for dry soils. Growers said Verania had the best drought seeds.",
    "b": "Wheat breeder bought\n\nThe buyer will keep Verania's test farms. Shareholders of Verania backed the "
         "offer on Friday.",
}


def test_a_company_the_model_calls_a_place_is_an_organisation_by_its_chief_executive(parser):
    parsed, ents, _ = analyse(parser, MAKER)
    raw = Counter(e.label for pa in parsed for seg in pa.segments for e in seg.ents
                  if seg.tokens[e.start].text == "Verania")
    assert raw["GPE"] >= 4 and not raw["ORG"], f"the model changed: find a new error ({raw})"
    by_name = {e.name: e for e in ents}
    assert by_name["Verania"].label == "ORG" and len(by_name["Verania"].mentions) == 5
    assert by_name["Maria Olsen"].label == "PERSON"


def signs(vocab, words, tags, deps, heads, names):
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads))
    return [evidence.organisation_signs(p.tokens, s, e) for s, e in names]


def test_what_only_an_organisation_has(vocab):
    # "Halden chief executive Jo Roe", "Corvin 's co-founders", "the headquarters of Brask", "Tamsel , a
    # shipping firm"; not the person "Jo Roe"
    words = ["Halden", "chief", "executive", "Jo", "Roe", "visited", "Corvin", "'s", "co", "-", "founders", "at",
             "the", "headquarters", "of", "Brask", "with", "Tamsel", ",", "a", "shipping", "firm"]
    tags = ["NNP", "JJ", "NN", "NNP", "NNP", "VBD", "NNP", "POS", "NN", "HYPH", "NNS", "IN", "DT", "NN", "IN", "NNP",
            "IN", "NNP", ",", "DT", "NN", "NN"]
    deps = ["compound", "amod", "compound", "compound", "nsubj", "ROOT", "poss", "case", "compound", "punct", "dobj",
            "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "punct", "det", "compound", "appos"]
    heads = [2, 2, 4, 4, 5, 5, 10, 6, 10, 10, 5, 5, 13, 11, 13, 14, 5, 16, 17, 21, 21, 17]
    assert signs(vocab, words, tags, deps, heads, [(0, 1), (6, 7), (15, 16), (17, 18), (3, 5)]) == \
        [True, True, True, True, False]


def test_what_a_place_or_a_person_has_too_is_no_organisations_sign(vocab):
    # "Ambry 's president", "an Ambry spokesman", "Ambry investors", "the mayor of Lisk", "Roe 's employees"
    words = ["Ambry", "'s", "president", "and", "an", "Ambry", "spokesman", "met", "Ambry", "investors", "and",
             "the", "mayor", "of", "Lisk", "and", "Roe", "'s", "employees"]
    tags = ["NNP", "POS", "NN", "CC", "DT", "NNP", "NN", "VBD", "NNP", "NNS", "CC", "DT", "NN", "IN", "NNP", "CC",
            "NNP", "POS", "NNS"]
    deps = ["poss", "case", "nsubj", "cc", "det", "compound", "conj", "ROOT", "compound", "dobj", "cc", "det", "conj",
            "prep", "pobj", "cc", "poss", "case", "conj"]
    heads = [2, 0, 7, 2, 6, 6, 2, 7, 9, 7, 9, 12, 9, 12, 13, 12, 18, 16, 12]
    assert signs(vocab, words, tags, deps, heads, [(0, 1), (5, 6), (8, 9), (14, 15), (16, 17)]) == [False] * 5
    # "a Lisk founder": one of the town's founders of something
    assert signs(vocab, ["a", "Lisk", "founder", "spoke"], ["DT", "NNP", "NN", "VBD"],
                 ["det", "compound", "nsubj", "ROOT"], [2, 2, 3, 3], [(1, 2)]) == [False]


def choose(counts, key=("Tarvo",), organisation=True, place=(), person=0):
    ev = evidence.Evidence(person={key: person} if person else {}, place=set(place), firmly_placed=set(place),
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
    # "Halden Freight, the head of the port consortium" beside "the chief executive of Halden Freight"
    assert choose({"ORG": 2}, key=("Halden", "Freight"), person=evidence.PERSONAL) == "ORG"
    assert choose({"ORG": 2}, key=("Halden", "Freight"), person=evidence.PERSONAL, organisation=False) == "PERSON"


def spans_of(vocab, words, ents, tags):
    pas = [article_of(make_doc(vocab, words, ents=ents, tags=tags))]
    spans = {(0, 0): repair.repair_segment(pas[0].segments[0])}
    return pas, spans


def test_a_companys_name_without_its_legal_form_is_its_name(vocab):
    # "Rain delayed the Corvin Seeds Ltd. trials . Growers paid Corvin Seeds ." : the second is a
    # mention too, of an organisation
    words = ["Rain", "delayed", "the", "Corvin", "Seeds", "Ltd.", "trials", ".", "Growers", "paid", "Corvin", "Seeds",
             "."]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"] + ["O"] * 7
    tags = ["NN", "VBD", "DT", "NNP", "NNP", "NNP", "NNS", ".", "NNS", "VBD", "NNP", "NNP", "."]
    pas, spans = spans_of(vocab, words, ents, tags)
    ev = evidence.gather(pas, spans)
    assert ("Corvin", "Seeds") in ev.organisation
    votes = tokens.known_names(pas, spans)
    propagate.propagate(pas, spans, votes, frozenset())
    got = [(sp.start, sp.end, sp.label) for sp in spans[(0, 0)]]
    assert got == [(3, 6, "ORG"), (10, 12, "ORG")]


def test_a_makers_name_joins_its_company_not_its_product(vocab):
    names, _ = entities(doc_from(vocab, [("Players swing the", None), ("Brask Spin", "PRODUCT"),
                                         ("for spin ; the rackets come from", None), ("Brask Rackets", "ORG")]),
                        doc_from(vocab, [("Last year", None), ("Brask", "ORG"), ("sold more", None)]))
    assert names.get("Brask Rackets") == ["Brask", "Brask Rackets"] and names.get("Brask Spin") == ["Brask Spin"]
    # no misfire: two companies' longer forms leave the short form alone
    names, _ = entities(doc_from(vocab, [("Brask Rackets", "ORG"), ("and", None), ("Brask Bank", "ORG"),
                                         ("the rackets and a bank", None)]),
                        doc_from(vocab, [("Brask", "ORG"), ("said", None)]))
    assert "Brask" in names


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
    # "a Kessel Tern" (the article counts the boat model); not "a Kessel RIB" (capitals), "a Kessel Hall" (a
    # head word of names), "a Kessel Official" (a title), "a Kessel Tern hull" (the article counts the hull)
    def product(words, tags, deps, heads):
        ents = ["O", "B-ORG"] + ["O"] * (len(words) - 2)
        p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags, deps=deps, heads=heads))
        return [(tokens.surface(p.tokens, sp.start, sp.end), sp.label) for sp in vehicles.models(list(p.ents), p.tokens)]

    assert product(["a", "Kessel", "Tern"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Kessel Tern", "PRODUCT")]
    assert product(["a", "Kessel", "RIB"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Kessel", "ORG")]
    assert product(["a", "Kessel", "Hall"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Kessel", "ORG")]
    assert product(["a", "Kessel", "Official"], ["DT", "NNP", "NNP"], ["det", "compound", "ROOT"], [2, 2, 2]) == \
        [("Kessel", "ORG")]
    assert product(["a", "Kessel", "Tern", "hull"], ["DT", "NNP", "NNP", "NN"],
                   ["det", "compound", "compound", "ROOT"], [3, 2, 3, 3]) == [("Kessel", "ORG")]


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
