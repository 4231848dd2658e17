"""Forms of one name the model cuts or mistakes (issue 22): a transliterated given name cut at
its hyphen. Invented text (weather, courts, sport); the real-parse tests first check that the
model makes the error, the hand-built ones test each rule's evidence and misfires."""
from briefing.entities import repair
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, make_doc
from test_label_evidence import model_labels

FORECAST = {
    "a": "Snow warning\n\nForecaster Choi Jin-a expects heavy snow on Tuesday. Choi Jin-a said the storm would "
         "pass by noon.",
    "b": "Court\n\nJudge Hwang Do-hyun ruled that the lease was void. Hwang said the landlord had misled the court.",
}


def test_a_hyphenated_given_name_the_model_cut_is_one_name(parser):
    parsed, entities, _ = analyse(parser, FORECAST)
    raw = model_labels(parsed)
    assert raw.get("Choi Jin") == "PERSON" and raw.get("Hwang") == "PERSON", "the model changed: find new cases"
    assert "Hwang Do - hyun" not in raw
    names = {e.name: {m.text for m in e.mentions} for e in entities if e.label == "PERSON"}
    assert names == {"Choi Jin-a": {"Choi Jin-a"}, "Hwang Do-hyun": {"Hwang Do-hyun", "Hwang"}}


def _extended(vocab, words, spaces, tags, ents):
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, spaces=spaces, tags=tags))
    return [(" ".join(t.text for t in p.tokens[s.start:s.end]), s.label)
            for s in repair.hyphenated_given_names(list(p.ents), p.tokens)]


def test_the_span_takes_the_syllable_after_its_hyphen(vocab):
    words = ["Coach", "Bae", "Min", "-", "jun", "and", "Ryu", "Seo", "-", "yeon", "won", "."]
    spaces = [True, True, False, False, True, True, True, False, False, True, False, False]
    tags = ["NNP", "NNP", "NNP", "HYPH", "NN", "CC", "NNP", "NNP", "NNP", "DT", "VBD", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"]
    assert _extended(vocab, words, spaces, tags, ents) == [("Bae Min - jun", "PERSON"), ("Ryu Seo - yeon", "PERSON")]


def test_no_participle_adjective_or_compound_glued_to_a_name_joins_it(vocab):
    """"the Ruiz-led team", "a Ruiz-run fund", "the Ruiz-era rules", "his Ruiz-in-law" (nothing glued
    after the syllable), an organisation ("Tarvo Dai-ichi" stays as the model made it), and a
    capitalised word before a hyphen that is no syllable ("Ruiz Anti-doping")."""
    cases = [
        (["the", "Ruiz", "-", "led", "team"], [True, False, False, True, False], ["DT", "NNP", "HYPH", "VBN", "NN"]),
        (["a", "Ruiz", "-", "run", "fund"], [True, False, False, True, False], ["DT", "NNP", "HYPH", "NN", "NN"]),
        (["the", "Ruiz", "-", "era", "rules"], [True, False, False, True, False], ["DT", "NNP", "HYPH", "NN", "NNS"]),
        (["his", "Ruiz", "-", "in", "-", "law"], [True, False, False, False, False, False],
         ["PRP$", "NNP", "HYPH", "IN", "HYPH", "NN"]),
        (["met", "Ruiz", "Anti", "-", "doping"], [True, True, False, False, False], ["VBD", "NNP", "NNP", "HYPH", "NN"]),
    ]
    for words, spaces, tags in cases:
        ents = ["O", "B-PERSON"] + ["O"] * (len(words) - 2)
        assert _extended(vocab, words, spaces, tags, ents) == [("Ruiz", "PERSON")], words
    words, spaces = ["Tarvo", "Dai", "-", "ichi", "reopened"], [True, False, False, True, False]
    ents = ["B-FAC", "I-FAC", "O", "O", "O"]
    assert _extended(vocab, words, spaces, ["NNP", "NNP", "HYPH", "NN", "VBD"], ents) == [("Tarvo Dai", "FAC")]
