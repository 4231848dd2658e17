"""Labels need evidence to override the model (issue 19): a head word, a city's country or a
newspaper word changes a label only where the name shows it. Invented text; the real-parse tests
first check the model got the name right, the hand-built ones test each rule's evidence."""
import pytest

from briefing.entities import labels, propagate, repair
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc

MISFIRES = {
    "a": "Tour goes on\n\nCountry singer Eric Church said on Friday that the tour would go ahead. Talk show host "
         "Ricki Lake said the episode drew a record audience. Director Michael Bay said the sequel would cost more.",
    "b": "Storm closes schools\n\nThe actress Shirley Temple said she was pleased. Schools in Rhode Island closed on "
         "Tuesday as the storm reached Rhode Island.",
    "c": "Results season\n\nEpic Games said on Thursday that its store would open in March. Shares of Epic Games "
         "rose. Princeton said it would raise tuition, the university announced in New Jersey. Paramount said its "
         "box office revenue rose in the United States.",
    "d": "Senator retires\n\nThe senator, known in the capital as the Statesman, said he would retire.",
}


@pytest.fixture(scope="module")
def misfires(parser):
    return analyse(parser, MISFIRES)


def model_labels(parsed):
    return {" ".join(t.text for t in seg.tokens[e.start:e.end]): e.label
            for pa in parsed for seg in pa.segments for e in seg.ents}


def test_the_model_is_right_and_the_rules_keep_its_answer(misfires):
    parsed, entities, _ = misfires
    expected = {"Eric Church": "PERSON", "Ricki Lake": "PERSON", "Michael Bay": "PERSON",
                "Shirley Temple": "PERSON", "Rhode Island": "GPE", "Epic Games": "ORG", "Princeton": "ORG",
                "Paramount": "ORG"}
    raw = model_labels(parsed)
    assert {k: raw.get(k) for k in expected} == expected, "the model changed: find new cases"
    assert raw.get("Statesman") not in (None, "ORG"), "the model changed: find new cases"
    got = {e.name: e.label for e in entities}
    assert {k: got.get(k) for k in expected} == expected  # no head word, country or state overrides them
    assert got["Statesman"] != "ORG"  # no newspaper of that name in the briefing


FIXES = {
    "a": "Final day\n\nFans filled Wembley Stadium for the final. Crowds gathered at Victoria Station on Friday.",
    "b": "Snow\n\nThe team flew from Osaka to Sendai, Japan, on Monday. Heavy snow fell in Sendai.",
    "c": "Bridge\n\nThe mayor told the Boise Statesman that the bridge would reopen. The cost is a record, "
         "according to the Statesman.",
}


def test_the_rules_still_fix_the_models_errors(parser):
    parsed, entities, _ = analyse(parser, FIXES)
    raw = model_labels(parsed)
    assert (raw.get("Wembley Stadium"), raw.get("Sendai"), raw.get("Statesman")) == ("PERSON", "ORG", "LOC"), \
        "the model changed: find new errors"
    by_alias = {a: e for e in entities for a in e.aliases}
    assert by_alias["Wembley Stadium"].label == "FAC"  # a facility head, no person evidence
    assert by_alias["Sendai"].label == "GPE"  # a city of a country the story names, called a place elsewhere
    assert by_alias["Statesman"].label == "ORG"  # the paper the briefing names in full


def relabelled(vocab, words, ents, **kw):
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, **kw))
    return [(" ".join(t.text for t in p.tokens[s.start:s.end]), s.label) for s in labels.relabel(list(p.ents), p.tokens)]


def test_a_head_word_does_not_override_a_person_with_evidence(vocab):
    # "Maria Church" (a first name and a surname), "Ana Bay said"; but "at Victoria Station", "Elm Street"
    words = ["Maria", "Church", "sang", ",", "Ana", "Bay", "said", "at", "Victoria", "Station", ",", "Elm", "Street"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O",
            "B-ORG", "I-ORG"]
    deps = ["compound", "nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "prep", "compound", "pobj", "punct",
            "compound", "appos"]
    heads = [1, 2, 2, 2, 5, 6, 6, 6, 9, 7, 6, 12, 6]
    lemmas = ["Maria", "Church", "sing", ",", "Ana", "Bay", "say", "at", "Victoria", "Station", ",", "Elm", "Street"]
    assert relabelled(vocab, words, ents, deps=deps, heads=heads, lemmas=lemmas) == [
        ("Maria Church", "PERSON"), ("Ana Bay", "PERSON"), ("Victoria Station", "FAC"), ("Elm Street", "FAC")]


def test_a_state_the_model_found_keeps_its_label(vocab):
    words = ["Rhode", "Island", "and", "Vela", "Island"]
    ents = ["B-GPE", "I-GPE", "O", "B-GPE", "I-GPE"]
    assert relabelled(vocab, words, ents) == [("Rhode Island", "GPE"), ("Vela Island", "LOC")]


def test_event_words_need_an_event(vocab):
    # "Epic Games said" speaks; "Harvest Cup" alone may be a company; "at the Harvest Cup", "the 2031
    # Harvest Cup" and "Paralympics" are events
    words = ["Epic", "Games", "said", ";", "Harvest", "Cup", ";", "at", "the", "Harvest", "Cup", ";", "the", "2031",
             "Harvest", "Cup", ";", "Paralympics"]
    ents = ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-DATE",
            "B-ORG", "I-ORG", "O", "B-ORG"]
    deps = ["compound", "nsubj", "ROOT"] + ["dep"] * 15
    heads = [1, 2, 2] + list(range(3, 18))
    lemmas = ["Epic", "Games", "say"] + words[3:]
    out = relabelled(vocab, words, ents, deps=deps, heads=heads, lemmas=lemmas)
    assert [lab for _, lab in out] == ["ORG", "ORG", "EVENT", "DATE", "EVENT", "EVENT"]


def briefing_spans(vocab, words, ents, **kw):
    pas = [article_of(make_doc(vocab, words, ents=ents, **kw))]
    spans = {(a, si): repair.repair_segment(seg) for a, pa in enumerate(pas) for si, seg in enumerate(pa.segments)}
    return pas, spans


def texts(pas, spans):
    return [(propagate.surface(pas[a].segments[si].tokens, sp.start, sp.end), sp.label)
            for (a, si), sps in sorted(spans.items()) for sp in sps]


def test_one_newspaper_word_is_an_outlet_only_where_the_briefing_names_the_paper(vocab):
    words = ["the", "Statesman", "and", "the", "Herald", "and", "the", "Austin", "Evening", "-", "Herald"]
    spaces = [True, True, True, True, True, True, True, True, False, False, False]
    ents = ["O", "B-LOC", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"]
    pas, spans = briefing_spans(vocab, words, ents, spaces=spaces)
    propagate.outlet_heads(pas, spans)
    assert texts(pas, spans) == [("Statesman", "LOC"), ("Herald", "ORG")]


def test_a_city_is_a_place_only_where_the_briefing_shows_it_as_one(vocab):
    # Italy is named; "in Modena" is a place, "Parma said" speaks (a club, a company): it stays ORG
    words = ["Italy", "won", ".", "Rain", "fell", "in", "Modena", ".", "Parma", "said", "no", ".", "Romania"]
    ents = ["B-GPE", "O", "O", "O", "O", "O", "B-ORG", "O", "B-ORG", "O", "O", "O", "B-ORG"]
    tags = ["NNP", "VBD", ".", "NN", "VBD", "IN", "NNP", ".", "NNP", "VBD", "DT", ".", "NNP"]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct",
            "ROOT"]
    heads = [1, 1, 1, 4, 4, 4, 5, 4, 9, 9, 9, 9, 12]
    lemmas = ["Italy", "win", ".", "rain", "fall", "in", "Modena", ".", "Parma", "say", "no", ".", "Romania"]
    pas, spans = briefing_spans(vocab, words, ents, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
    propagate.known_cities(pas, spans)
    assert texts(pas, spans) == [("Italy", "GPE"), ("Modena", "GPE"), ("Parma", "ORG"), ("Romania", "GPE")]
