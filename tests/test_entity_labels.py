"""Entity spans and labels on news the rules were not tuned on: an ordinary word opening a sentence
glued to a person's name, an online service or a company the model calls a place or a person, a
team or a thing written after "the" called a person or a group. Invented text from the arts,
sport, business, space and the courts, parsed by the real model where the model is the point
(those tests first check it makes the reading the rule is about), else hand-built."""
from conftest import analyse, article_of, sentences
from test_entity_misfires import model_labels
from test_repair import spans_of, texts_of

from briefing.entities import across


def aliases(entities):
    return {a: e for e in entities for a in e.aliases}


def entities_where_the_model_reads(parser, texts, name, label):
    """The briefing's entities by alias, once the real model is seen to read `name` as `label` (the
    reading the rule under test is about; if the model changes, find new cases)."""
    parsed, entities, _ = analyse(parser, texts)
    assert model_labels(parsed).get(name) == label, "the model changed: find new cases"
    return aliases(entities)


GALLERY = {
    "a": "Gallery opening\n\nThe show was opened by curator Maria Lindqvist on Friday. Praising Lindqvist for the "
         "hanging, the board said sales were strong. Lindqvist said she was pleased.",
}


def test_a_gerund_opening_a_sentence_is_no_part_of_the_name_after_it(parser):
    found = entities_where_the_model_reads(parser, GALLERY, "Praising Lindqvist", "PERSON")
    assert not any(a.startswith("Praising") for a in found)
    assert found["Lindqvist"] is found["Maria Lindqvist"]  # the curator keeps every mention


NAMES = {
    "a": "Gallery opening\n\nIrving Lindqvist opened the show on Friday. His daughter Maria Lindqvist hung the "
         "paintings. Sterling Whitcombe said the rain would ease by noon. Dana Whitcombe, his sister, disagreed.",
}


def test_a_first_name_opening_a_sentence_stays_beside_a_relative(parser):
    found = entities_where_the_model_reads(parser, NAMES, "Irving Lindqvist", "PERSON")
    assert found["Irving Lindqvist"] is not found["Maria Lindqvist"]  # a first name in the nickname data
    assert found["Sterling Whitcombe"] is not found["Dana Whitcombe"]  # "Sterling Whitcombe said": a person's sign


def test_a_gerund_tagged_a_name_goes_only_beside_a_full_name_and_is_not_joined_again(vocab):
    # "Hosting Roe at Vell was a coup. Ana Roe agreed. Thanking Lund, ..." with "Hosting" tagged a name
    words = ["Hosting", "Roe", "at", "Vell", "won", ".", "Ana", "Roe", "agreed", ".", "Thanking", "Lund", "left", ".",
             "Lund", "won", "."]
    tags = ["NNP", "NNP", "IN", "NNP", "VBD", ".", "NNP", "NNP", "VBD", ".", "NNP", "NNP", "VBD", ".",
            "NNP", "VBD", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON",
            "O", "O", "B-PERSON", "O", "O"]
    pas = [article_of(sentences(vocab, words, ents=ents, tags=tags))]
    spans = spans_of(pas)
    across.drop_opening_words(pas, spans)
    across.join_first_names(pas, spans)
    # "Lund" alone has no full name of two words: "Thanking" may be a first name the data lacks
    assert texts_of(pas, spans) == [("Roe", "PERSON"), ("Vell", "GPE"), ("Ana Roe", "PERSON"),
                                    ("Thanking Lund", "PERSON"), ("Lund", "PERSON")]


MATCH = {
    "a": "Derby night\n\nAfter the final whistle, angry fans took to Chirpa to complain about the referee. Many "
         "Chirpa users shared clips of the penalty. The club posted a statement on Chirpa on Sunday.",
}


def test_a_service_people_post_on_is_an_organisation_not_a_person(parser):
    found = entities_where_the_model_reads(parser, MATCH, "Chirpa", "PERSON")
    assert found["Chirpa"].label == "ORG"


RULING = {
    "a": "Appeal heard\n\nAfter the ruling, the defendant took to Voxly to protest her innocence. The judge, Mira "
         "Chirp, said the appeal would be heard in Brackenford. Chirp said Brackenford residents were turned "
         "away. Chirp users, she said, were her clerks.",
}


def test_a_person_with_a_persons_signs_and_a_town_in_a_place_context_keep_their_labels(parser):
    parsed, entities, _ = analyse(parser, RULING)
    raw = model_labels(parsed)
    assert raw.get("Voxly") == "GPE", "the model changed: find new cases"
    found = aliases(entities)
    assert found["Voxly"].label == "ORG"  # "took to Voxly"
    assert found["Chirp"].label == "PERSON"  # "Chirp said", whatever "Chirp users" suggests
    assert found["Brackenford"].label == "GPE"  # "in Brackenford"


CUP = {
    "a": "Cup tie\n\nThe Harriers beat the Kestrels 3-1 on Saturday. Harriers coach Mira Holt praised her defence. "
         "The Kestrels had won their last four games, and the Kestrels will host the Harriers in March.",
}
BAKERY = {
    "a": "Family business\n\nDan Ostrander founded the bakery in 1990. The Ostranders sold it last year, and the "
         "Ostranders still live above the shop. Ostrander said he missed the early mornings.",
}


def test_a_team_by_its_coach_is_no_group(parser):
    found = entities_where_the_model_reads(parser, CUP, "Harriers", "NORP")
    assert found["Harriers"].label == "ORG"  # "Harriers coach Mira Holt"


NICKNAME = {
    "a": "Bomber caught\n\nPolice said the Ghostwriter mailed sixteen bombs over two decades. Prosecutors said the "
         "Ghostwriter killed three people. The Ghostwriter was arrested at a cabin in April.",
}


def test_a_nickname_after_the_stays_the_persons(parser):
    """People have nicknames written after "the": that alone makes no organisation of one."""
    found = entities_where_the_model_reads(parser, NICKNAME, "Ghostwriter", "PERSON")
    assert found["Ghostwriter"].label == "PERSON"


def test_a_family_after_the_stays_people(parser):
    _, entities, _ = analyse(parser, BAKERY)
    assert aliases(entities)["Ostranders"].label == "PERSON"  # "Dan Ostrander": his family


STORM = {"a": "Storm damage\n\nThe storm hit the accessory maker Brenlo hard. Brenlo closed two stores in March."}
FERRIES = {
    "a": "Harbour startup\n\nJo Roe founded the company in 2015. The company Roe founded now ferries tourists, and "
         "the company Jo Roe runs employs forty people.",
}


def test_a_company_noun_before_a_name_makes_an_organisation_but_not_of_its_founder(parser):
    found = entities_where_the_model_reads(parser, STORM, "Brenlo", "PERSON")
    assert found["Brenlo"].label == "ORG"  # "the accessory maker Brenlo"
    _, entities, _ = analyse(parser, FERRIES)
    assert aliases(entities)["Roe"].label == "PERSON"  # "the company Jo Roe runs": her company


INQUIRY = {
    "a": "Refinery inquiry\n\nProsecutors opened an inquiry into Dravonia on Monday. Dravonia shareholders were told "
         "of the inquiry, and the chief executive of Dravonia resigned.",
}


def test_what_only_an_organisation_has_outweighs_a_place_context_an_organisation_takes_too(parser):
    found = entities_where_the_model_reads(parser, INQUIRY, "Dravonia", "GPE")
    assert found["Dravonia"].label == "ORG"  # "the chief executive of Dravonia", "into Dravonia"


# -- misfires a review found in the rules above (invented text, real parses: each first checks the model) --
MISFIRES = {
    "regime": "Farm protest\n\nFarmers marched against the Veskov regime on Monday. The Veskov government has "
              "refused to talk. Veskov visited the capital in May.",
    "players": "Cup final\n\nBrazilian striker Tomas Arreda scored twice. French goalie Luc Mabre saved a penalty. "
               "The Brazilian fans sang.",
    "winners": "Athletics\n\nBlessing Mensah won the women's race. Her sister Ama Mensah finished fourth. Mensah said "
               "she was tired. Sunny Lamont won the men's final. The crowd cheered for Lamont.",
}


def test_a_leader_named_before_his_government_stays_a_person(parser):
    """"the Veskov government": the article determines "government", not the name (`determined`)."""
    parsed, entities, _ = analyse(parser, {"a": MISFIRES["regime"]})
    assert model_labels(parsed).get("Veskov") == "PERSON"
    assert aliases(entities)["Veskov"].label == "PERSON"


def test_a_nationality_before_a_players_position_is_no_team(parser):
    parsed, entities, _ = analyse(parser, {"a": MISFIRES["players"]})
    assert model_labels(parsed).get("Brazilian") == "NORP"
    found = aliases(entities)
    assert found["Brazilian"].label == "NORP" and found["French"].label == "NORP"


def test_a_first_name_that_is_a_word_stays_when_the_whole_name_is_the_subject(parser):
    """"Blessing Mensah won", "Sunny Lamont won": the name is the verb's subject, as a name is."""
    parsed, entities, _ = analyse(parser, {"a": MISFIRES["winners"]})
    labels = model_labels(parsed)
    assert labels.get("Blessing Mensah") == labels.get("Sunny Lamont") == "PERSON"
    found = aliases(entities)
    assert found["Sunny Lamont"] is found["Lamont"]
    assert found["Blessing Mensah"] is not found["Ama Mensah"]  # her sister keeps her own mentions


def test_a_verb_after_a_name_is_no_online_services_noun(vocab):
    from briefing.entities import evidence
    from briefing.nlp.parser import doc_to_parsed
    from conftest import make_doc

    # "Jo Roe posts photos ." with "posts" the verb (VBZ, ROOT); "Velo users left ." with "users" a noun
    verb = doc_to_parsed(make_doc(vocab, ["Jo", "Roe", "posts", "photos", "."], tags=["NNP", "NNP", "VBZ", "NNS", "."],
                                  deps=["compound", "nsubj", "ROOT", "dobj", "punct"], heads=[1, 2, 2, 2, 2])).tokens
    noun = doc_to_parsed(make_doc(vocab, ["Velo", "users", "left", "."], tags=["NNP", "NNS", "VBD", "."],
                                  deps=["compound", "nsubj", "ROOT", "punct"], heads=[1, 2, 2, 2])).tokens
    assert not evidence.online_service(verb, 0, 2)
    assert evidence.online_service(noun, 0, 1)


PLACES = {
    "tractors": "Harvest strike\n\nFarmers took to Dunmorrow with tractors on Monday. The strike spread to Kelby by noon.",
    "island": "Storm watch\n\nExtra rangers posted on Ardmallin island were moved inland before the storm.",
    "account": "Border dispute\n\nThe Kelvania account of the skirmish differs from Rostova's. Kelvania has denied "
               "firing first.",
}


def test_a_place_people_take_to_or_are_posted_on_is_no_online_service(parser):
    """"took to X" without a "to" + verb clause after it, "posted on X island", "the X account of"."""
    found = entities_where_the_model_reads(parser, {"a": PLACES["tractors"]}, "Dunmorrow", "PERSON")
    assert found["Dunmorrow"].label != "ORG"
    found = entities_where_the_model_reads(parser, {"a": PLACES["island"]}, "Ardmallin", "GPE")
    assert found["Ardmallin island"].label == "LOC"
    found = entities_where_the_model_reads(parser, {"a": PLACES["account"]}, "Kelvania", "GPE")
    assert found["Kelvania"].label == "GPE"


HYPHENATED = {
    "chess": "Chess final\n\nGrandmaster Lee Tae-moon won the final in Busan. Former champion Moon Seo-jun said the "
             "match was close.",
    "football": "Football\n\nMidfielder Park Min-jae scored twice on Saturday. Fans gathered in a park near the "
                "stadium. Park Min-jae said he was happy.",
}


def test_a_surname_before_a_hyphenated_given_name_is_no_role_word(parser):
    """"Moon Seo-jun" beside "Tae-moon", "Park Min-jae" beside "a park": the name has two words."""
    for text, name in ((HYPHENATED["chess"], "Moon Seo-jun"), (HYPHENATED["football"], "Park Min-jae")):
        parsed, entities, _ = analyse(parser, {"a": text})
        assert model_labels(parsed).get(name.replace("-", " - ")) == "PERSON", "the model changed: find new cases"
        assert aliases(entities)[name].label == "PERSON"
        assert not any(a == name.split()[1] for a in aliases(entities))
