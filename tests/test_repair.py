"""Each repair rule on hand-built Docs (invented or public-domain news sentences)."""
from briefing import repair
from briefing.nlp import doc_to_parsed

from conftest import article_of, make_doc


def spans_text(parsed, spans):
    return [(" ".join(t.text for t in parsed.tokens[s.start:s.end]), s.label) for s in spans]


def test_trim_drops_leading_the_and_possessive(vocab):
    doc = make_doc(vocab, ["the", "White", "House", "'s", "view"],
                   ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], tags=["DT", "NNP", "NNP", "POS", "NN"],
                   pos=["DET", "PROPN", "PROPN", "PART", "NOUN"])
    p = doc_to_parsed(doc)
    assert spans_text(p, repair.trim(list(p.ents), p.tokens)) == [("White House", "ORG")]


def test_portfolio_inside_job_title_is_not_an_organisation(vocab):
    words = ["Defense", "Secretary", "Lloyd", "Austin", "met", "Secretary", "of", "State", "Antony", "Blinken",
             "and", "a", "Pentagon", "spokesman"]
    ents = ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "O",
            "B-ORG", "O"]
    tags = ["NNP", "NNP", "NNP", "NNP", "VBD", "NNP", "IN", "NNP", "NNP", "NNP", "CC", "DT", "NNP", "NN"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    kept = spans_text(p, repair.drop_false(list(p.ents), p.tokens))
    assert ("Defense", "ORG") not in kept and ("State", "ORG") not in kept
    assert ("Pentagon", "ORG") in kept and ("Antony Blinken", "PERSON") in kept


def test_sentence_initial_common_noun_tagged_person_is_dropped(vocab):
    words = ["Arrival", "of", "the", "ships", "was", "delayed", ",", "said", "Maria", "Lopez", "."]
    ents = ["B-PERSON"] + ["O"] * 7 + ["B-PERSON", "I-PERSON", "O"]
    tags = ["NN", "IN", "DT", "NNS", "VBD", "VBN", ",", "VBD", "NNP", "NNP", "."]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    assert spans_text(p, repair.drop_false(list(p.ents), p.tokens)) == [("Maria Lopez", "PERSON")]


def test_long_name_with_abbreviation_replaces_fragments(vocab):
    words = ["the", "World", "Health", "Organization", "(", "WHO", ")", "said"]
    ents = ["O", "B-ORG", "I-ORG", "B-PERSON", "O", "O", "O", "O"]
    tags = ["DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    out = repair.long_form_abbreviations(list(p.ents), p.tokens)
    assert spans_text(p, out) == [("World Health Organization", "ORG"), ("WHO", "ORG")]


def test_long_name_with_function_words(vocab):
    words = ["against", "the", "Islamic", "State", "in", "Iraq", "and", "the", "Levant", "(", "ISIL", ")"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "O", "B-PERSON", "O", "O", "O"]
    tags = ["IN", "DT", "NNP", "NNP", "IN", "NNP", "CC", "DT", "NNP", "-LRB-", "NNP", "-RRB-"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    out = repair.long_form_abbreviations(list(p.ents), p.tokens)
    assert spans_text(p, out) == [("Islamic State in Iraq and the Levant", "ORG"), ("ISIL", "ORG")]


def test_demonym_glued_to_one_word_organisation_is_one_name(vocab):
    words = ["the", "Muslim", "Brotherhood", "and", "Russian", "diplomats"]
    ents = ["O", "B-NORP", "B-ORG", "O", "B-NORP", "O"]
    tags = ["DT", "NNP", "NNP", "CC", "JJ", "NNS"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    out = repair.join_split_names(list(p.ents), p.tokens)
    assert spans_text(p, out) == [("Muslim Brotherhood", "ORG"), ("Russian", "NORP")]


def test_labels_by_shape(vocab):
    words = ["Incirlik", "Air", "Base", "hosts", "MiG-29", "jets", ",", "Kurdish", "fighters", "in", "the",
             "city", "of", "Kobani"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "B-ORG"]
    tags = ["NNP", "NNP", "NNP", "VBZ", "NNP", "NNS", ",", "JJ", "NNS", "IN", "DT", "NN", "IN", "NNP"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    out = spans_text(p, repair.relabel(list(p.ents), p.tokens))
    assert out == [("Incirlik Air Base", "FAC"), ("MiG-29", "PRODUCT"), ("Kurdish", "NORP"), ("Kobani", "GPE")]


def test_known_name_is_propagated_but_not_inside_a_longer_name(vocab):
    words = ["Hamas", "said", "Hamas", "fighters", "left", "and", "Yasser", "Arafat", "International", "Airport",
             "and", "Arafat", "spoke"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"]
    tags = ["NNP", "VBD", "NNP", "NNS", "VBD", "CC", "NNP", "NNP", "NNP", "NNP", "CC", "NNP", "VBD"]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=tags))
    found = [(m.text, m.start) for m in repair.mentions([pa])]
    texts = [t for t, _ in found]
    assert texts.count("Hamas") == 2
    assert texts.count("Arafat") == 1  # the airport's "Arafat" is part of a longer name


def test_longer_known_name_replaces_its_fragment(vocab):
    words = ["fighting", "Islamic", "State", ".", "destroying", "[", "Islamic", "State", "]"]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "O", "B-NORP", "O", "O"]
    tags = ["VBG", "NNP", "NNP", ".", "VBG", "-LRB-", "NNP", "NNP", "-RRB-"]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=tags))
    assert [m.text for m in repair.mentions([pa])] == ["Islamic State", "Islamic State"]


def test_labels_are_voted_across_the_briefing(vocab):
    words = ["NATO", "met", ".", "NATO", "said", ".", "NATO", "left"]
    ents = ["B-ORG", "O", "O", "B-ORG", "O", "O", "B-PRODUCT", "O"]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=["NNP", "VBD", "."] * 2 + ["NNP", "VBD"]))
    assert {m.label for m in repair.mentions([pa])} == {"ORG"}


def test_known_names_inside_hyphenated_words(vocab):
    words = ["U.S.-Russia", "talks", "and", "pro-Assad", "forces", ";", "U.S.", "and", "Russia", "and", "Assad"]
    ents = ["O"] * 6 + ["B-GPE", "O", "B-GPE", "O", "B-PERSON"]
    tags = ["NNP", "NNS", "CC", "JJ", "NNS", ":", "NNP", "CC", "NNP", "CC", "NNP"]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=tags))
    found = [m for m in repair.mentions([pa]) if m.start < 31]
    assert [(m.text, pa.article.raw[m.start:m.end]) for m in found] == [
        ("U.S.", "U.S."), ("Russia", "Russia"), ("Assad", "Assad")]


def test_known_name_after_a_lowercase_prefix_hyphen(vocab):
    words = ["NATO", "met", "anti-[NATO", "]", "groups", "and", "pro", "-", "Kremlin", "media", ";", "Kremlin",
             "and", "Rolls", "-", "Royce", ";", "Royce"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "B-PERSON"]
    spaces = [True, True, False, True, True, True, False, False, True, False, True, True, True, False, False, False,
              True, False]
    pa = article_of(make_doc(vocab, words, ents=ents, spaces=spaces, tags=["NNP"] * len(words)))
    found = [m.text for m in repair.mentions([pa])]
    assert found.count("NATO") == 2 and found.count("Kremlin") == 2
    assert found.count("Royce") == 1  # the one inside "Rolls-Royce" is part of that name


def test_person_name_cut_after_a_particle_is_joined(vocab):
    words = ["Ursula", "von", "der", "Leyen", "said"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=["NNP", "NNP", "NN", "NNP", "VBD"]))
    assert spans_text(p, repair.join_split_names(list(p.ents), p.tokens)) == [("Ursula von der Leyen", "PERSON")]


def test_known_name_found_again_without_its_diacritics(vocab):
    words = ["Mehmet", "Yilmaz", "spoke", ".", "Mayor", "Mehmet", "Yılmaz", "left"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=["NNP", "NNP", "VBD", ".", "NNP", "NNP", "NNP", "VBD"]))
    assert [m.text for m in repair.mentions([pa])] == ["Mehmet Yilmaz", "Mehmet Yılmaz"]
