"""The entity rules on a real parse of invented text, beside the hand-built Docs of test_repair.py
and test_resolve.py: the errors the small model really makes here, and the rules that fix them.
Each test first checks the model made the error (else the test would prove nothing)."""
import pytest

from conftest import analyse

TEXTS = {
    "a": "Ferry strike ends\n\n"
         "The Norvik Shipping Company's chief executive, Ilse Brandt, said on Tuesday that the strike was over. "
         "Finance Minister Paul Okafor welcomed the deal, and Interior Minister Sara Lind said police would leave "
         "the port.\n\n"
         "Brandt said the Northern Ferry Workers Union (NFWU) had accepted a raise of four percent. The NFWU will "
         "vote again next month.",
    "b": "Strike at Norvik ends\n\n"
         "Workers at Norvik Shipping Company returned on Tuesday. Brandt told reporters the NFWU deal would hold "
         "for three years. Okafor praised both sides.",
}


@pytest.fixture(scope="module")
def story(parser):
    return analyse(parser, TEXTS)


def model_spans(parsed):
    """What the model itself tagged: (article, text, label)."""
    return {(pa.article.id, " ".join(t.text for t in seg.tokens[e.start:e.end]), e.label)
            for pa in parsed for seg in pa.segments for e in seg.ents}


def test_repair_fixes_what_the_model_got_wrong(story):
    parsed, entities, _ = story
    raw = model_spans(parsed)
    assert {("a", "The Norvik Shipping Company 's", "ORG"), ("a", "Interior", "ORG"), ("a", "Ferry", "PERSON"),
            ("a", "the Northern Ferry Workers Union", "ORG")} <= raw, "the model changed: find new errors"
    mentions = {(m.article, m.text) for e in entities for m in e.mentions}
    assert ("a", "Norvik Shipping Company") in mentions  # no leading "The", no possessive
    assert ("a", "Northern Ferry Workers Union") in mentions
    texts = {t for _, t in mentions}
    assert "Interior" not in texts  # a portfolio inside a job title
    assert "Ferry" not in texts  # a title-line noun the model took for a person


def test_resolve_links_what_belongs_together_across_outlets(story):
    parsed, entities, _ = story
    assert ("b", "Brandt", "ORG") in model_spans(parsed), "the model changed: find new errors"
    by_alias = {a: e for e in entities for a in e.aliases}
    brandt = by_alias["Ilse Brandt"]
    assert brandt is by_alias["Brandt"] and brandt.label == "PERSON"
    assert {m.article for m in brandt.mentions} == {"a", "b"}  # the surname alone in the other outlet
    union = by_alias["NFWU"]
    assert union is by_alias["Northern Ferry Workers Union"]  # an abbreviation defined in one article
    assert {m.article for m in union.mentions} == {"a", "b"}
    assert by_alias["Paul Okafor"] is not brandt and by_alias["Sara Lind"] is not brandt


TECH = {
    "a": "Chipmaker rally\n\n"
         "Shares of Vantor Semiconductor rose on Monday as demand for AI chips grew. Vantor said AI would drive "
         "sales, and chief executive Lena Moss said the IT budget of its clients had doubled. AI is the reason, "
         "she said.",
    "b": "Vantor gains\n\n"
         "Vantor Semiconductor said on Monday that spending on AI had lifted its profit. Analysts said AI servers "
         "need its chips.",
}


def test_a_two_letter_abbreviation_is_no_country_whose_code_it_shares(parser):
    """The model calls "AI" a place here; Anguilla's code is no evidence for it."""
    parsed, entities, _ = analyse(parser, TECH)
    assert any(text == "AI" and label == "GPE" for _, text, label in model_spans(parsed)), \
        "the model changed: find new errors"
    ai = {e.label for e in entities for a in e.aliases if a == "AI"}
    assert ai and "GPE" not in ai


def test_a_country_by_its_own_name_is_a_place_whatever_the_model_said(parser):
    """The model calls a country a work of art here; its own name makes it a place."""
    parsed, entities, _ = analyse(parser, {
        "a": "Chess final moved\n\nThe chess federation moved its final from Niger to a hall in the capital. "
             "Organisers said the players would fly in on Friday."})
    assert ("a", "Niger", "WORK_OF_ART") in model_spans(parsed), "the model changed: find new errors"
    assert {e.label for e in entities if "Niger" in e.aliases} == {"GPE"}
