"""Forms of one name the model cuts or mistakes (issue 22): a transliterated given name cut at
its hyphen; a thing's last word alone after "the" ("the Array" of "the Halden Array"). Invented
text (weather, courts, science, sport); the real-parse tests first check that the model makes the
error, the hand-built ones test each rule's evidence and misfires."""
from briefing.entities import across, givennames
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc
from test_label_evidence import model_labels
from test_resolve import doc_from, entities

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
            for s in givennames.hyphenated_given_names(list(p.ents), p.tokens)]


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


TELESCOPE = {
    "a": "Telescope\n\nAstronomers aimed the Halden Array at the comet on Friday. Data from the Array arrived late.",
    "b": "Comet\n\nThe Halden Array is a set of radio dishes on a dry plateau.",
}
SATELLITE = {
    "a": "Weather satellite\n\nThe space firm Corvel built the Corvel Sentry satellite, launched on Monday. The Sentry "
         "is expected to sharpen storm forecasts.",
    "b": "Storm watch\n\nA sentry of sorts, the Corvel Sentry circles the Earth every 90 minutes. Forecasters said the "
         "Sentry would watch the coast.",
}


def _entity_of(entities, form):
    return next(e for e in entities if form in {m.text for m in e.mentions})


def test_a_things_last_word_after_the_is_that_thing_where_the_model_saw_a_person(parser):
    parsed, entities, _ = analyse(parser, TELESCOPE)
    raw = model_labels(parsed)
    assert raw.get("Array") == "PERSON" and raw.get("the Halden Array") == "FAC", "the model changed: find new cases"
    array = _entity_of(entities, "Array")
    assert (array.name, array.label, len(array.mentions)) == ("Halden Array", "FAC", 3)


def test_a_things_last_word_after_the_is_that_thing_where_the_model_saw_no_name(parser):
    """"sentry" is also written in lower case: the short form still joins the name, as its maker
    ("Corvel") is named alone too."""
    parsed, entities, _ = analyse(parser, SATELLITE)
    raw = model_labels(parsed)
    assert "Sentry" not in raw and raw.get("Corvel Sentry") == "ORG", "the model changed: find new cases"
    sentry = _entity_of(entities, "Corvel Sentry")
    assert sorted(m.text for m in sentry.mentions if "Sentry" in m.text) == ["Corvel Sentry"] * 2 + ["Sentry"] * 2
    assert sentry.label == "ORG"


def _short_forms(vocab, words, ents, speakers=(), nouns=()):
    """`across.short_thing_names` over one sentence run: each "the" determines the word after it,
    or the one after that where that is in `nouns` ("the Rook design"); each index in `speakers` is
    the subject of the "said" after it."""
    pa = _short_form_article(vocab, words, ents, speakers, nouns)
    spans = {(0, 0): list(pa.segments[0].ents)}
    across.short_thing_names([pa], spans)
    return [(" ".join(words[sp.start:sp.end]), sp.label) for sp in spans[(0, 0)]]


def _short_form_article(vocab, words, ents, speakers=(), nouns=(), aid="a"):
    heads = [i + 1 + (i + 2 < len(words) and words[i + 2] in nouns) if w.lower() == "the" else i for i, w in enumerate(words)]
    deps = ["det" if w.lower() == "the" else "dep" for w in words]
    for i in speakers:
        heads[i], deps[i] = i + 1, "nsubj"
    tags = ["DT" if w.lower() == "the" else "NNP" if w[:1].isupper() else "NN" for w in words]
    doc = make_doc(vocab, words, ents=ents, heads=heads, deps=deps, tags=tags,
                   lemmas=["say" if w == "said" else w.lower() for w in words])
    return article_of(doc, aid)


def test_a_teams_last_word_the_model_called_a_group_is_the_team(vocab):
    words = ["the", "Arlow", "Herons", "won", ".", "Fans", "of", "the", "Herons", "sang", "."]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-NORP", "O", "O"]
    assert _short_forms(vocab, words, ents) == [("Arlow Herons", "ORG"), ("Herons", "ORG")]


def test_no_short_form_of_a_persons_name_a_speaker_a_head_word_or_a_noun_it_modifies(vocab):
    """The word alone is left as it was where a person's name holds it ("Dana Rook"), it speaks
    ("Rook said") or "who" follows it; "the Court" may be any court; "the Rook design" is a design."""
    thing = ["the", "Kessel", "Rook", "sailed", "."]
    thing_ents = ["O", "B-PRODUCT", "I-PRODUCT", "O", "O"]
    person = (thing + ["Dana", "Rook", "waved", ".", "the", "Rook", "won", "."],
              thing_ents + ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O"], ())
    speaker = (thing + ["the", "Rook", "won", ".", "Rook", "said", "so", "."],
               thing_ents + ["O", "B-PERSON", "O", "O", "B-PERSON", "O", "O", "O"], (9,))
    who = (thing + ["the", "Rook", ",", "who", "won", "."], thing_ents + ["O", "B-PERSON", "O", "O", "O", "O"], ())
    court = (["the", "Arlow", "Supreme", "Court", "ruled", ".", "the", "Court", "sat", "."],
             ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"], ())
    design = (thing + ["the", "Rook", "design", "won", "."], thing_ents + ["O", "O", "O", "O", "O"], ())
    for words, ents, speakers in (person, speaker, who, court, design):
        p = doc_to_parsed(make_doc(vocab, words, ents=ents))
        before = [(" ".join(words[sp.start:sp.end]), sp.label) for sp in p.ents]
        assert _short_forms(vocab, words, ents, speakers, nouns=("design",)) == before, words


def test_a_common_word_after_its_makers_name_joins_it_but_no_head_word_does(vocab):
    """"Rook" (a product; "rook" is also written in lower case) is "Kessel Rook", Kessel being named
    alone; "Party" is not "Labor Party", though Labor is named alone: a head word of names."""
    names, _ = entities(doc_from(vocab, [("the", None), ("Kessel Rook", "PRODUCT"), ("and a rook sailed", None)]),
                        doc_from(vocab, [("Kessel", "ORG"), ("said the", None), ("Rook", "PRODUCT"), ("won", None)]))
    assert "Rook" in names["Kessel Rook"] and "Rook" not in names
    names, _ = entities(doc_from(vocab, [("the", None), ("Labor Party", "ORG"), ("and a party met", None)]),
                        doc_from(vocab, [("Labor", "ORG"), ("said the", None), ("Party", "ORG"), ("voted", None)]))
    assert names["Party"] == ["Party"]


def test_no_short_form_of_a_title_a_word_two_names_end_in_or_a_nickname(vocab):
    """"the King" beside "Burger King" is a king; "the Galaxy" beside "Vela Galaxy" and "Orbo
    Galaxy" may be either; "call him the Boss" makes Boss a person's nickname."""
    king = (["the", "King", "waved", ".", "a", "Burger", "King", "opened", "."],
            ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"])
    galaxy = (["the", "Vela", "Galaxy", "sold", ".", "the", "Orbo", "Galaxy", "won", ".", "the", "Galaxy", "won", "."],
              ["O", "B-PRODUCT", "I-PRODUCT", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "O", "O"])
    boss = (["fans", "call", "him", "the", "Boss", ".", "the", "Hugo", "Boss", "paid", "."],
            ["O", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"])
    for words, ents in (king, galaxy, boss):
        p = doc_to_parsed(make_doc(vocab, words, ents=ents))
        before = [(" ".join(words[sp.start:sp.end]), sp.label) for sp in p.ents]
        assert _short_forms(vocab, words, ents) == before, words


def test_a_short_form_the_model_did_not_see_is_added_only_beside_the_full_name(vocab):
    """"the Rook" in an article that never names "the Kessel Rook" may be another rook; where the
    model called it a person there, it is still the thing."""
    named = _short_form_article(vocab, ["the", "Kessel", "Rook", "sailed", "."], ["O", "B-PRODUCT", "I-PRODUCT", "O", "O"])
    other = _short_form_article(vocab, ["the", "Rook", "won", ".", "the", "Rook", "sank", "."],
                                ["O", "B-PERSON", "O", "O", "O", "O", "O", "O"], aid="b")
    spans = {(0, 0): list(named.segments[0].ents), (1, 0): list(other.segments[0].ents)}
    across.short_thing_names([named, other], spans)
    assert [(sp.start, sp.label) for sp in spans[(1, 0)]] == [(1, "PRODUCT")]
