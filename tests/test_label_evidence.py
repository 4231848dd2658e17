"""Labels need evidence to override the model (issue 19): a head word, a city's country or a
newspaper word changes a label only where the name shows it. Invented text; the real-parse tests
first check the model got the name right, the hand-built ones test each rule's evidence."""
import pytest

from briefing.entities import across, labels, places, propagate, repair, tokens
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc, sentences

MISFIRES = {
    "a": "Tour goes on\n\nCountry singer Eric Church said on Friday that the tour would go ahead. Talk show host "
         "Ricki Lake said the episode drew a record audience. Director Michael Bay said the sequel would cost more.",
    "b": "Storm closes schools\n\nThe actress Shirley Temple said she was pleased. Schools in Rhode Island closed on "
         "Tuesday as the storm reached Rhode Island.",
    "c": "Results season\n\nEpic Games said on Thursday that its store would open in March. Shares of Epic Games "
         "rose. Princeton said it would raise tuition, the university announced in New Jersey. Paramount said its "
         "box office revenue rose in the United States.",
    "d": "Senator retires\n\nThe senator, known in the capital as the Enquirer, said he would retire.",
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
    assert raw.get("Enquirer") not in (None, "ORG"), "the model changed: find new cases"
    got = {e.name: e.label for e in entities}
    assert {k: got.get(k) for k in expected} == expected  # no head word, country or state overrides them
    assert got["Enquirer"] != "ORG"  # no newspaper of that name in the briefing


FIXES = {
    "a": "Final day\n\nFans filled Wembley Stadium for the final. Crowds gathered at Victoria Station on Friday.",
    "b": "Snow\n\nThe team flew from Osaka to Sapporo, Japan, on Monday. Heavy snow fell in Sapporo.",
    "c": "Bridge\n\nThe mayor told the Boise Enquirer that the bridge would reopen. The cost is a record, "
         "according to the Enquirer.",
}


def test_the_rules_still_fix_the_models_errors(parser):
    parsed, entities, _ = analyse(parser, FIXES)
    raw = model_labels(parsed)
    assert (raw.get("Wembley Stadium"), raw.get("Sapporo"), raw.get("Enquirer")) == ("PERSON", "ORG", "LOC"), \
        "the model changed: find new errors"
    by_alias = {a: e for e in entities for a in e.aliases}
    assert by_alias["Wembley Stadium"].label == "FAC"  # a facility head, no person evidence
    assert by_alias["Sapporo"].label == "GPE"  # a city of a country the story names, called a place elsewhere
    assert by_alias["Enquirer"].label == "ORG"  # the paper the briefing names in full


def relabelled(vocab, words, ents, **kw):
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, **kw))
    return [(" ".join(t.text for t in p.tokens[s.start:s.end]), s.label)
            for s in labels.relabel(list(p.ents), p.tokens)]


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
    return [(tokens.surface(pas[a].segments[si].tokens, sp.start, sp.end), sp.label)
            for (a, si), sps in sorted(spans.items()) for sp in sps]


def test_one_newspaper_word_is_an_outlet_only_where_the_briefing_names_the_paper(vocab):
    words = ["the", "Sentinel", "and", "the", "Herald", "and", "the", "Austin", "Evening", "-", "Herald"]
    spaces = [True, True, True, True, True, True, True, True, False, False, False]
    ents = ["O", "B-LOC", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"]
    pas, spans = briefing_spans(vocab, words, ents, spaces=spaces)
    across.outlet_heads(pas, spans)
    assert texts(pas, spans) == [("Sentinel", "LOC"), ("Herald", "ORG")]


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
    places.known_cities(pas, spans)
    assert texts(pas, spans) == [("Italy", "GPE"), ("Modena", "GPE"), ("Parma", "ORG"), ("Romania", "GPE")]


def test_a_state_by_its_own_name_is_a_place_whatever_label_the_model_gave(vocab):
    # "Fresno, CA" with the state read as a product; a city of that shape keeps what it was given
    words = ["Fresno", ",", "CA", ",", "shipped", "the", "Modena", "."]
    ents = ["B-GPE", "O", "B-PRODUCT", "O", "O", "O", "B-PRODUCT", "O"]
    tags = ["NNP", ",", "NNP", ",", "VBD", "DT", "NNP", "."]
    deps = ["nsubj", "p", "appos", "p", "ROOT", "det", "dobj", "p"]
    heads = [4, 0, 0, 0, 4, 6, 4, 4]
    pas, spans = briefing_spans(vocab, words, ents, tags=tags, deps=deps, heads=heads)
    places.known_cities(pas, spans)
    assert texts(pas, spans) == [("Fresno", "GPE"), ("CA", "GPE"), ("Modena", "PRODUCT")]


# -- labels voted over the briefing, by evidence (issue 22) ----------------------------------------
from collections import Counter  # noqa: E402

from briefing.entities import evidence  # noqa: E402


def choose(counts, person=0, place=(), kinds=None, key=("Tarvo",), full=()):
    ev = evidence.Evidence(person={key: person} if person else {}, place=set(place),
                           kinds={key: Counter(kinds)} if kinds else {}, person_names=set(full))
    return propagate.choose_label(key, Counter(counts), ev)


def test_a_tie_goes_to_the_label_with_evidence_then_to_the_first_given_never_the_alphabet():
    assert choose({"WORK_OF_ART": 1, "PERSON": 1}, person=evidence.SPEAKS) == "PERSON"
    assert choose({"ORG": 1, "GPE": 1}, place=[("Tarvo",)]) == "GPE"
    assert choose({"FAC": 1, "ORG": 1}) == "FAC"
    assert choose({"ORG": 1, "FAC": 1}) == "ORG"


def test_a_person_needs_signs_against_a_kind_the_text_shows_or_a_tie():
    assert choose({"PERSON": 7, "ORG": 6}, kinds={"LOC": 2}) == "LOC"  # "the Tarvo volcano"
    assert choose({"PERSON": 2, "LAW": 2, "PRODUCT": 2}, kinds={"PRODUCT": 1}) == "PRODUCT"
    assert choose({"PERSON": 1, "ORG": 1}) == "ORG"
    # no misfire: the model's plurality stands where nothing else is shown, and signs keep a person
    assert choose({"PERSON": 3, "ORG": 2}) == "PERSON"
    assert choose({"PERSON": 7, "ORG": 6}, person=evidence.SPEAKS, kinds={"LOC": 1}) == "PERSON"


def test_what_only_people_have_makes_a_person_but_not_of_a_place_or_a_company():
    assert choose({"ORG": 3}, person=evidence.PERSONAL) == "PERSON"  # "Mr Tarvo", "Tarvo, 54,"
    assert choose({"ORG": 3}, person=evidence.SPEAKS) == "ORG"  # companies say things too
    assert choose({"GPE": 2}, person=evidence.PERSONAL, key=("Jordan",)) == "GPE"  # a country by its name
    assert choose({"ORG": 1}, person=evidence.PERSONAL, key=("Tarvo", "Holdings", "Inc.")) == "ORG"


def signs_in(vocab, words, ents, **kw):
    pas, spans = briefing_spans(vocab, words, ents, **kw)
    return evidence.gather(pas, spans)


def test_signs_around_a_name(vocab):
    # "Mayor Vela", "Okoro, 54,", "Tamm's mother", "Lind said"; "the Tarvo volcano", "a Velox", "Velox V8"
    words = ["Mayor", "Vela", ",", "Okoro", ",", "54", ",", "Tamm", "'s", "mother", ",", "Lind", "said", ",", "the",
             "Tarvo", "volcano", ",", "a", "Velox", ",", "Velox", "V8", ",", "in", "Pello"]
    ents = ["O", "B-ORG", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "B-PERSON", "O",
            "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG"]
    tags = ["NNP", "NNP", ",", "NNP", ",", "CD", ",", "NNP", "POS", "NN", ",", "NNP", "VBD", ",", "DT", "NNP", "NN",
            ",", "DT", "NNP", ",", "NNP", "NNP", ",", "IN", "NNP"]
    deps = ["compound", "dep", "p", "dep", "p", "dep", "p", "poss", "case", "dep", "p", "nsubj", "ROOT", "p", "det",
            "compound", "dep", "p", "det", "dobj", "p", "compound", "dep", "p", "prep", "pobj"]
    heads = [1, 12, 12, 12, 12, 12, 12, 9, 7, 12, 12, 12, 12, 12, 16, 16, 12, 12, 19, 12, 12, 22, 12, 12, 12, 24]
    lemmas = [w.lower() if w != "said" else "say" for w in words]
    ev = signs_in(vocab, words, ents, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
    assert {k[0]: v for k, v in ev.person.items()} == {
        "Vela": evidence.PERSONAL, "Okoro": evidence.PERSONAL, "Tamm": evidence.PERSONAL, "Lind": evidence.SPEAKS}
    assert {k: dict(v) for k, v in ev.kinds.items()} == {
        ("Tarvo",): {"LOC": 1}, ("Velox",): {"PRODUCT": 1}, ("Velox", "V8"): {"PRODUCT": 1}}
    assert ev.place == {("Pello",)}


def test_institution_law_route_and_settlement_heads(vocab):
    # the model's PERSON or GPE for an institution, a law, a rail line; "Maria Union said" stays a person
    words = ["Tarvo", "Observatory", ",", "Pello", "State", "University", ",", "Clean", "Harbour", "Act", ",",
             "College", "of", "Law", ",", "Pello", "Line", ",", "Interstate", "90", ",", "Maria", "Union", "said"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O",
            "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-PRODUCT", "I-PRODUCT", "O", "B-PERSON",
            "I-PERSON", "O"]
    deps = ["dep"] * 21 + ["compound", "nsubj", "ROOT"]
    heads = list(range(21)) + [22, 23, 23]
    lemmas = words[:-1] + ["say"]
    assert [lab for _, lab in relabelled(vocab, words, ents, deps=deps, heads=heads, lemmas=lemmas)] == [
        "ORG", "ORG", "LAW", "ORG", "FAC", "FAC", "PERSON"]


def test_a_name_ends_in_a_name_word_not_a_common_noun(vocab):
    words = ["new", "Tarvo", "regulations", "and", "the", "Velden", "airport", "and", "the", "Pello", "party"]
    ents = ["O", "B-WORK_OF_ART", "I-WORK_OF_ART", "O", "O", "B-FAC", "I-FAC", "O", "O", "B-ORG", "I-ORG"]
    tags = ["JJ", "NNP", "NNS", "CC", "DT", "NNP", "NN", "CC", "DT", "NNP", "NN"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    assert [(" ".join(t.text for t in p.tokens[s.start:s.end]), s.label) for s in repair.trim(list(p.ents), p.tokens)] \
        == [("Tarvo", "WORK_OF_ART"), ("Velden airport", "FAC"), ("Pello party", "ORG")]


def test_a_first_name_the_model_left_out_joins_the_surname(vocab):
    # "Ilse Okafor" where the model marked "Okafor" alone (a person elsewhere); not "Mayor Okafor",
    # "Lagos Okafor" (a place), "Nigerian Okafor" (a nationality)
    words = ["Okafor", "said", ".", "Ilse", "Okafor", "left", ".", "Mayor", "Okafor", ".", "Lagos", "Okafor", ".",
             "Nigerian", "Okafor"]
    ents = ["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O", "O",
            "B-PERSON"]
    tags = ["NNP", "VBD", ".", "NNP", "NNP", "VBD", ".", "NNP", "NNP", ".", "NNP", "NNP", ".", "NNP", "NNP"]
    pas, spans = briefing_spans(vocab, words, ents, tags=tags)
    across.join_first_names(pas, spans)
    assert [t for t, _ in texts(pas, spans)] == ["Okafor", "Ilse Okafor", "Okafor", "Okafor", "Okafor"]


def test_a_place_nothing_supports_is_no_name(vocab):
    # "Varox" (a virus, say) is a GPE once in three: no package knows it, never "in Varox": no name.
    # ("into Varox's future" would be no place context: the preposition's object is the future.)
    # "Tulvo" is a GPE at each occurrence, "Drelsk" once in three but "in Drelsk": both stay places.
    words = ["Varox", "spread", ".", "the", "Varox", "outbreak", ".", "Varox", "cases", ".", "Tulvo", "voted", ".",
             "Tulvo", "won", ".", "Drelsk", "grew", ".", "Drelsk", "fell", ".", "rain", "in", "Drelsk", "."]
    ents = ["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "B-GPE", "O", "O", "B-GPE", "O",
            "O", "O", "O", "O", "O", "O", "O", "O"]
    tags = ["NNP", "VBD", ".", "DT", "NNP", "NN", ".", "NNP", "NNS", ".", "NNP", "VBD", ".", "NNP", "VBD", ".", "NNP",
            "VBD", ".", "NNP", "VBD", ".", "NN", "IN", "NNP", "."]
    deps = ["dep"] * 23 + ["prep", "pobj", "punct"]
    heads = list(range(23)) + [22, 23, 22]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=tags, deps=deps, heads=heads))
    found = [(m.text, m.label) for m in repair.mentions([pa])]
    assert found == [("Tulvo", "GPE")] * 2 + [("Drelsk", "GPE")] * 3


def test_a_town_of_a_country_the_briefing_names_is_a_place(vocab):
    # Croatia is named: "Ilok" (a town of some 5,000) and "Lovas" the model took for an organisation
    # and a natural place are towns; "the Pacific" and "EU" (towns of those names exist) are not
    words = ["Croatia", "closed", ".", "Buses", "left", "Ilok", ".", "Lovas", "waited", ".", "the", "Pacific", ".",
             "EU", "said", "no", ".", "in", "Ilok"]
    ents = ["B-GPE", "O", "O", "O", "O", "B-ORG", "O", "B-LOC", "O", "O", "O", "B-LOC", "O", "B-ORG", "O", "O", "O",
            "O", "B-ORG"]
    tags = ["NNP", "VBD", ".", "NNS", "VBD", "NNP", ".", "NNP", "VBD", ".", "DT", "NNP", ".", "NNP", "VBD", "DT", ".",
            "IN", "NNP"]
    deps = ["nsubj", "ROOT", "p", "nsubj", "ROOT", "dobj", "p", "nsubj", "ROOT", "p", "det", "ROOT", "p", "nsubj",
            "ROOT", "dobj", "p", "ROOT", "pobj"]
    heads = [1, 1, 1, 4, 4, 4, 4, 8, 8, 8, 11, 11, 11, 14, 14, 14, 14, 17, 17]
    lemmas = [w.lower() if w != "said" else "say" for w in words]
    pas, spans = briefing_spans(vocab, words, ents, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
    places.known_cities(pas, spans)
    assert texts(pas, spans) == [("Croatia", "GPE"), ("Ilok", "GPE"), ("Lovas", "GPE"), ("Pacific", "LOC"),
                                 ("EU", "ORG"), ("Ilok", "GPE")]


# -- people named by words: a month, a common noun, a nationality (real parses) --------------------
WORD_NAMES = {
    "a": "Budget vote\n\nChancellor Anna May said on Tuesday that the budget would pass. May told reporters the "
         "vote was close. The law takes effect in May. May's deputy, Tom Reyes, said the plan was fair.",
    "b": "Ruling\n\nJudge Martha Price ruled on Monday. Price said the company must pay. The price of fuel rose.",
    "c": "Derby\n\nStriker Kevin German scored twice. German said the win mattered. The German team lost.",
}


def test_a_surname_that_is_a_word_keeps_the_mentions_the_briefing_shows_as_the_person(parser):
    parsed, entities, _ = analyse(parser, WORD_NAMES)
    raw = {(pa.article.id, seg.tokens[e.start].start): (" ".join(t.text for t in seg.tokens[e.start:e.end]), e.label)
           for pa in parsed for seg in pa.segments for e in seg.ents}
    text = {aid: t for aid, t in WORD_NAMES.items()}
    said = {aid: text[aid].index(word) for aid, word in (("a", "May's"), ("b", "Price said"), ("c", "German said"))}
    assert raw.get(("a", said["a"])) == ("May", "DATE") and ("b", said["b"]) not in raw, \
        "the model changed: find new errors"
    assert raw.get(("c", text["c"].index("German team"))) == ("German", "NORP"), "the model changed"
    mentions = {(m.article, m.start): (m.text, m.label) for m in repair.mentions(parsed)}  # this stage's labels
    for aid, start in said.items():
        assert mentions[(aid, start)][1] == "PERSON"  # "May's deputy", "Price said", "German said": the person
    assert ("a", text["a"].index("May.")) not in mentions  # "in May" is the month
    assert ("a", text["a"].index("May told")) in mentions
    assert ("b", text["b"].index("price of")) not in mentions  # "price" in lower case is the word
    assert mentions[("c", text["c"].index("German team"))][1] == "NORP"  # the nationality before a noun


# -- junk the model takes for names (real parses) ----------------------------------------------------
JUNK = {
    "a": "Ferry listing\n\nShares of Brightwater Ferries (NYSE: BWF) rose 4 percent after the IPO. The company "
         "raised $2 billion in its IPO last year. Brightwater shares, traded as BWF, fell 3%.",
    "b": "Power\n\nA 500MW plant opened near the harbour. (Photo by Marta Ilves/Getty Images) The mayor said the "
         "plant would cut bills. The NYSE said trading was calm.",
}


def test_tickers_units_common_acronyms_and_photo_credits_are_no_names(parser):
    parsed, entities, _ = analyse(parser, JUNK)
    raw = {" ".join(t.text for t in seg.tokens[e.start:e.end]) for pa in parsed for seg in pa.segments
           for e in seg.ents if e.label in repair.NAMED}
    assert {"BWF", "IPO", "500MW", "Marta Ilves / Getty Images"} <= raw, "the model changed: find new errors"
    names = {a for e in entities for a in e.aliases}
    assert not names & {"BWF", "IPO", "500MW"} and not any("Ilves" in n for n in names)
    assert {"Brightwater Ferries", "NYSE"} <= names  # the company and the exchange stay


def test_an_acronym_opening_a_sentence_is_the_name_whatever_its_tag(vocab):
    # the tagger reads sentence-initial capitals as a common noun or a question word
    words = ["Staff", "joined", "TAPA", "and", "the", "WHO", ".", "TAPA", "said", "no", ".", "WHO", "agreed", "."]
    ents = ["O", "O", "B-ORG", "O", "O", "B-ORG", "O", "B-ORG", "O", "O", "O", "O", "O", "O"]
    tags = ["NNS", "VBD", "NNP", "CC", "DT", "NNP", ".", "NN", "VBD", "DT", ".", "WP", "VBD", "."]
    pa = article_of(sentences(vocab, words, ents=ents, tags=tags))
    assert [m.text for m in repair.mentions([pa])] == ["TAPA", "WHO", "TAPA", "WHO"]


def test_a_place_sign_needs_the_name_as_the_prepositions_object(vocab):
    # "a leap into Varox's future": the preposition's object is the future, Varox owns it
    words = ["a", "leap", "into", "Varox", "'s", "future", "and", "rain", "in", "Pello"]
    ents = ["O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "B-ORG"]
    deps = ["det", "ROOT", "prep", "poss", "case", "pobj", "cc", "conj", "prep", "pobj"]
    heads = [1, 1, 1, 5, 3, 2, 1, 1, 7, 8]
    ev = signs_in(vocab, words, ents, deps=deps, heads=heads)
    assert ev.place == {("Pello",)}


# -- a kind the text shows, at half of a name's occurrences or more (issue 22) ------------------------
def test_a_kind_noun_after_a_compound_chain_or_an_article_of_the_name_itself(vocab):
    # "the Pello apartment complex", "a Velox SUV", "a Lark Hawk drone" (nmod); not "a Tarvo deputy"
    words = ["the", "Pello", "apartment", "complex", ",", "a", "Velox", "SUV", ",", "a", "Lark", "Hawk", "drone", ",",
             "a", "Tarvo", "deputy", ",", "a", "Rinso"]
    tags = ["DT", "NNP", "NN", "NN", ",", "DT", "NNP", "NN", ",", "DT", "NNP", "NNP", "NN", ",", "DT", "NNP", "NN", ",",
            "DT", "NNP"]
    deps = ["det", "compound", "compound", "ROOT", "p", "det", "compound", "appos", "p", "det", "compound", "nmod",
            "appos", "p", "det", "nmod", "appos", "p", "det", "appos"]
    heads = [3, 3, 3, 3, 3, 7, 7, 3, 3, 12, 11, 12, 3, 3, 16, 16, 3, 3, 19, 3]
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads))
    kinds = [evidence.kind_of(p.tokens, s, e) for s, e in ((1, 2), (6, 7), (10, 12), (15, 16), (19, 20))]
    assert kinds == ["FAC", "PRODUCT", "PRODUCT", None, "PRODUCT"]


def kind_choice(counts, kinds, occurrences, key=("Pello",), person=0, place=()):
    ev = evidence.Evidence(person={key: person} if person else {}, place=set(place), kinds={key: Counter(kinds)},
                           occurrences=Counter({key: occurrences}))
    return propagate.choose_label(key, Counter(counts), ev)


def test_a_kind_shown_at_half_the_occurrences_overrides_the_model():
    assert kind_choice({"LOC": 2}, {"FAC": 1}, 2) == "FAC"  # "the Pello complex"
    assert kind_choice({"ORG": 1}, {"PRODUCT": 1}, 1, key=("Lark", "Hawk")) == "PRODUCT"  # "a Lark Hawk drone"
    # no misfire: shown less often, a person's signs, a place (an airline's own plane: kind_of, below)
    assert kind_choice({"ORG": 5}, {"PRODUCT": 2}, 5) == "ORG"
    assert kind_choice({"ORG": 2}, {"PRODUCT": 2}, 2, person=evidence.SPEAKS) == "ORG"
    assert kind_choice({"GPE": 1}, {"ORG": 1}, 1, place=[("Pello",)]) == "GPE"
    assert kind_choice({"LOC": 1}, {"GPE": 1}, 1) == "LOC"


def test_a_kind_noun_after_an_institutions_name_is_no_kind_of_it(vocab):
    # "a Pello Airlines plane" is the airline's plane: no kind, so the airline keeps its label
    words = ["a", "Pello", "Airlines", "plane", "landed", ",", "a", "Pello", "Hawk", "plane", "too"]
    tags = ["DT", "NNP", "NNPS", "NN", "VBD", ",", "DT", "NNP", "NNP", "NN", "RB"]
    deps = ["det", "compound", "compound", "nsubj", "ROOT", "p", "det", "compound", "compound", "appos", "advmod"]
    heads = [3, 2, 3, 4, 4, 4, 9, 8, 9, 3, 4]
    p = doc_to_parsed(make_doc(vocab, words, tags=tags, deps=deps, heads=heads))
    assert [evidence.kind_of(p.tokens, s, e) for s, e in ((1, 3), (7, 9))] == [None, "PRODUCT"]


def test_an_airline_is_an_organisation_whatever_its_first_word(vocab):
    # "Cape Tarvo Air" (not a cape), "Pello Airways" (not a town)
    words = ["Cape", "Tarvo", "Air", "and", "Pello", "Airways"]
    ents = ["B-LOC", "I-LOC", "I-LOC", "O", "B-GPE", "I-GPE"]
    assert relabelled(vocab, words, ents) == [("Cape Tarvo Air", "ORG"), ("Pello Airways", "ORG")]


def test_a_name_the_model_took_alone_for_a_date_is_the_name_but_a_month_stays_a_date(vocab):
    # "the Tarvo" (an event) and "Tarvo denial" where the model called "Tarvo" alone a DATE; the person
    # "Ana May" and "in May" (a DATE): the month stays a date
    words = ["the", "Tarvo", "ended", ".", "Tarvo", "denial", "grew", ".", "Ana", "May", "left", "in", "May", "."]
    ents = ["O", "B-EVENT", "O", "O", "B-DATE", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O"]
    tags = ["DT", "NNP", "VBD", ".", "NNP", "NN", "VBD", ".", "NNP", "NNP", "VBD", "IN", "NNP", "."]
    pa = article_of(make_doc(vocab, words, ents=ents, tags=tags))
    assert [(m.text, m.label) for m in repair.mentions([pa])] == [
        ("Tarvo", "EVENT"), ("Tarvo", "EVENT"), ("Ana May", "PERSON")]


KINDS_SHOWN = {
    "a": "Recall\n\nRegulators ordered a recall of the Velmar Sprint after a Velmar Sprint SUV caught fire. A Velmar "
         "Sprint sedan was also affected. Velmar said it would pay for repairs.",
    "b": "Fire\n\nA fire broke out at the Harbor Point apartment complex in Toledo. Residents of the Harbor Point "
         "complex were evacuated, the Toledo fire department said.",
    "c": "Runway\n\nA Northwind Airlines plane slid off the runway in Denver. Northwind Airlines said no one was hurt. "
         "Another Northwind Airlines jet was delayed.",
}


def test_a_kind_the_text_shows_replaces_the_models_label_but_not_an_airlines(parser):
    parsed, entities, _ = analyse(parser, KINDS_SHOWN)
    raw = model_labels(parsed)
    names = ("Velmar Sprint", "Harbor Point", "Northwind Airlines")
    assert [raw.get(name) for name in names] == ["ORG"] * 3, "the model changed: find new cases"
    by_alias = {a: e.label for e in entities for a in e.aliases}
    assert by_alias["Velmar Sprint"] == "PRODUCT"  # "a Velmar Sprint SUV", "a Velmar Sprint sedan"
    assert by_alias["Harbor Point"] == "FAC"  # "the Harbor Point apartment complex"
    assert by_alias["Northwind Airlines"] == "ORG"  # the airline's plane: its head keeps it an organisation


def test_a_name_never_ends_in_a_determiner(vocab):
    # "summoned Roe half a dozen times" read as one name: "half" (PDT) and "a" (DT) go with "dozen";
    # a capitalised determiner inside a name stays ("All Saints")
    words = ["summoned", "Roe", "half", "a", "dozen", "times", "at", "All", "Saints", "the"]
    ents = ["O", "B-LAW", "I-LAW", "I-LAW", "I-LAW", "O", "O", "B-FAC", "I-FAC", "O"]
    tags = ["VBN", "NNP", "PDT", "DT", "NN", "NNS", "IN", "DT", "NNPS", "DT"]
    p = doc_to_parsed(make_doc(vocab, words, ents=ents, tags=tags))
    assert [(tokens.surface(p.tokens, s.start, s.end), s.label) for s in repair.trim(list(p.ents), p.tokens)] == [
        ("Roe", "LAW"), ("All Saints", "FAC")]


def test_a_surname_takes_its_full_names_votes_but_not_a_place_or_a_company_named_more(vocab):
    # "Roe" alone, a LAW once and an ORG once, beside "Jo Roe" twice: her. "Lincoln" beside "Ann
    # Lincoln" is the town where the text says so ("in Lincoln"); "Vell", an ORG three times beside
    # "Ida Vell" once, keeps the model's majority (a company named after its founder).
    words = ["Jo", "Roe", "won", ".", "Jo", "Roe", "left", ".", "Roe", "ruled", ".", "Roe", "ran", ".",
             "Ann", "Lincoln", "sang", ".", "Ann", "Lincoln", "left", ".", "rain", "in", "Lincoln", ".",
             "Ida", "Vell", "won", ".", "Vell", "grew", ".", "Vell", "hired", ".", "Vell", "fell", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-LAW", "O", "O", "B-ORG", "O", "O",
            "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O",
            "B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "O"]
    tags = ["NNP" if w[:1].isupper() else "." if w == "." else "IN" if w == "in" else "NN" if w == "rain" else "VBD"
            for w in words]
    doc = sentences(vocab, words, ents=ents, tags=tags)
    doc[23].dep_, doc[24].dep_, doc[24].head = "prep", "pobj", doc[23]  # "in Lincoln": the preposition's object
    found = {(m.text, m.label) for m in repair.mentions([article_of(doc)])}
    assert found == {("Jo Roe", "PERSON"), ("Roe", "PERSON"), ("Ann Lincoln", "PERSON"), ("Lincoln", "GPE"),
                     ("Ida Vell", "PERSON"), ("Vell", "ORG")}


ODD_SURNAMES = {
    "a": "Harbour\n\nRuth Ostrander runs the harbour authority. The court has summoned Ostrander half a dozen times "
         "since March.",
    "b": "Hire\n\nThe authority hired Ruth Ostrander in 2019.",
}


def test_a_surname_read_with_the_words_after_it_is_the_person(parser):
    parsed, entities, _ = analyse(parser, ODD_SURNAMES)
    assert model_labels(parsed).get("Ostrander half a dozen") == "ORG", "the model changed: find new cases"
    people = {(e.name, e.label): sorted(m.text for m in e.mentions) for e in entities}
    assert people == {("Ruth Ostrander", "PERSON"): ["Ostrander", "Ruth Ostrander", "Ruth Ostrander"]}


PLACES_AS_PEOPLE = {
    "a": "The regatta crews waited on the quay for the wind to rise. Fans in Marisol cheered as the team "
         "scored twice.\n",
    "b": "The sailing contest went ahead on Sunday.\n",
}
PEOPLE_NOT_PLACES = {
    "a": "The regatta crews waited on the quay for the wind to rise. Fans cheered as Marisol scored twice.\n",
    "b": "The sailing contest went ahead on Sunday.\n",
}


def test_a_person_without_signs_that_the_text_shows_as_a_place_is_a_place(parser):
    """"Fans in Marisol": the model's PERSON with no person's sign gives way to the place the text
    shows; the same word as the subject of a verb stays a person."""
    parsed, entities, _ = analyse(parser, PLACES_AS_PEOPLE)
    assert model_labels(parsed) == {"Marisol": "PERSON", "Sunday": "DATE"}
    assert {(e.name, e.label) for e in entities} == {("Marisol", "GPE")}
    parsed, entities, _ = analyse(parser, PEOPLE_NOT_PLACES)
    assert model_labels(parsed) == {"Marisol": "PERSON", "Sunday": "DATE"}
    assert {(e.name, e.label) for e in entities} == {("Marisol", "PERSON")}
