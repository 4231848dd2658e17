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


def signs(vocab, words, tags, deps, heads, names):
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads))
    return [evidence.organisation_signs(p.tokens, s, e) for s, e in names]


def choose(counts, key=("Tarvo",), organisation=True, place=(), person=0):
    ev = evidence.Evidence(person={key: person} if person else {}, place=set(place),
                           organisation={key} if organisation else set())
    return propagate.choose_label(key, Counter(counts), ev)


def spans_of(vocab, words, ents, tags):
    pas = [article_of(make_doc(vocab, words, ents=ents, tags=tags))]
    spans = {(0, 0): repair.repair_segment(pas[0].segments[0])}
    return pas, spans


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
