"""Names the model saw nowhere (detect.py), on hand-built Docs: the rule's input is a town the
model left untagged, whatever sentence makes it do so."""
from briefing.entities import detect, repair, tokens

from conftest import article_of, make_doc, sentences


def _doc(vocab, words, tags, places):
    """A Doc with "Romania"-like GPE spans at the indices in `places`, every "in" the head of the
    word after it (a pobj) and every other word its own head."""
    ents = ["B-GPE" if i in places else "O" for i in range(len(words))]
    heads = [i - 1 if i and words[i - 1] == "in" else i for i in range(len(words))]
    deps = ["pobj" if i and words[i - 1] == "in" else "dep" for i in range(len(words))]
    return article_of(make_doc(vocab, words, ents=ents, tags=tags, heads=heads, deps=deps))


def _found(pas):
    spans = {(a, si): list(repair.repair_segment(seg)) for a, pa in enumerate(pas) for si, seg in enumerate(pa.segments)}
    detect.unseen_places(pas, spans, tokens.lower_words(pas))
    return [(tokens.surface(pas[a].segments[si].tokens, sp.start, sp.end), sp.label)
            for (a, si), sps in sorted(spans.items()) for sp in sps]


def test_a_town_of_a_named_country_shown_as_a_place_is_a_place(vocab):
    """"in Mizil", "the town of Balș": towns GeoNames knows in Romania, which the briefing names."""
    words = ["Floods", "hit", "Romania", ".", "Crews", "worked", "in", "Mizil", "and", "the", "town", "of", "Balș", "."]
    tags = ["NNS", "VBD", "NNP", ".", "NNS", "VBD", "IN", "NNP", "CC", "DT", "NN", "IN", "NNP", "."]
    assert _found([_doc(vocab, words, tags, {2})]) == [("Romania", "GPE"), ("Mizil", "GPE"), ("Balș", "GPE")]


def test_a_town_after_any_place_or_area_noun_and_of_is_shown_as_a_place(vocab):
    """"the port of Balș", "the outskirts of Mizil": the check the label rules use too
    (labels.after_a_place_noun), with its place nouns and area nouns alike."""
    words = ["Floods", "hit", "Romania", ".", "Crews", "reached", "the", "port", "of", "Balș", "and", "the",
             "outskirts", "of", "Mizil", "."]
    tags = ["NNS", "VBD", "NNP", ".", "NNS", "VBD", "DT", "NN", "IN", "NNP", "CC", "DT", "NNS", "IN", "NNP", "."]
    assert _found([_doc(vocab, words, tags, {2})]) == [("Romania", "GPE"), ("Balș", "GPE"), ("Mizil", "GPE")]


def test_no_place_without_the_country_a_sign_or_the_data(vocab):
    """Not a town of a country the briefing does not name ("in Gyula", a Hungarian town and a first
    name), a word GeoNames does not know ("in Quorvo"), a town the sentence does not show as a
    place ("Caracal said"), a word beside another capitalised word ("in Mizil Park"), or a word the
    briefing writes in lower case."""
    words = ["Floods", "hit", "Romania", ".", "Crews", "in", "Gyula", "and", "in", "Quorvo", "rested", ".", "Caracal",
             "said", "roads", "in", "Mizil", "Park", "closed", "in", "Balș", ".", "A", "balș", "fell", "."]
    tags = ["NNS", "VBD", "NNP", ".", "NNS", "IN", "NNP", "CC", "IN", "NNP", "VBD", ".", "NNP", "VBD", "NNS", "IN",
            "NNP", "NNP", "VBD", "IN", "NNP", ".", "DT", "NN", "VBD", "."]
    assert _found([_doc(vocab, words, tags, {2})]) == [("Romania", "GPE")]


def test_no_place_in_a_briefing_that_names_no_country(vocab):
    words = ["Crews", "worked", "in", "Mizil", "."]
    assert _found([_doc(vocab, words, ["NNS", "VBD", "IN", "NNP", "."], set())]) == []


def _names(pas):
    spans = {(a, si): list(repair.repair_segment(seg)) for a, pa in enumerate(pas) for si, seg in enumerate(pa.segments)}
    detect.unseen_names(pas, spans, tokens.lower_words(pas))
    return [(pas[a].article.id, tokens.surface(pas[a].segments[si].tokens, sp.start, sp.end), sp.label)
            for (a, si), sps in sorted(spans.items()) for sp in sps]


def test_a_proper_noun_two_outlets_capitalise_is_a_name(vocab):
    """"on his Quorvo page" in two articles, never tagged: a name (ORG until the briefing's evidence
    votes), though not where the model put it inside another entity (a date). Not "Velmar",
    capitalised in one article only; not "Harvest" opening a sentence, not "Danish" (a nationality)."""
    a = sentences(vocab, ["Fans", "posted", "on", "his", "Quorvo", "page", "as", "Velmar", "fans", "and", "Danish",
                          "fans", "sang"],
                  tags=["NNS", "VBD", "IN", "PRP$", "NNP", "NN", "IN", "NNP", "NNS", "CC", "NNP", "NNS", "VBD"])
    b = sentences(vocab, ["Harvest", "fans", "joined", "a", "Quorvo", "group", "with", "Danish", "fans"],
                  tags=["NNP", "NNS", "VBD", "DT", "NNP", "NN", "IN", "NNP", "NNS"])
    c = sentences(vocab, ["Harvest", "ended", "on", "Quorvo", "day", "."], tags=["NNP", "VBD", "IN", "NNP", "NN", "."],
                  ents=["O", "O", "O", "B-DATE", "I-DATE", "O"])
    found = _names([article_of(a, "a"), article_of(b, "b"), article_of(c, "c")])
    assert found == [("a", "Quorvo", "ORG"), ("b", "Quorvo", "ORG")]


def test_a_capitalised_word_the_briefing_also_writes_in_lower_case_is_no_name(vocab):
    a = sentences(vocab, ["fans", "cheered", "the", "Rovers", "side"], tags=["NNS", "VBD", "DT", "NNP", "NN"])
    b = sentences(vocab, ["the", "Rovers", "side", "and", "its", "rovers", "lost"],
                 tags=["DT", "NNP", "NN", "CC", "PRP$", "NNS", "VBD"])
    assert _names([article_of(a, "a"), article_of(b, "b")]) == []
