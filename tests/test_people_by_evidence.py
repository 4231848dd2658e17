"""People the model typed as organisations, found by what the briefing shows (issue 22): a full
name shaped like a person's whose surname alone speaks. Invented text; the real-parse test first
checks that the model makes the error, the hand-built ones test the rule's evidence and misfires."""
from briefing.entities import repair

from conftest import analyse, article_of, sentences
from test_label_evidence import model_labels


def _mentions(vocab, words, ents, speakers=()):
    """Sentences ending at each "."; each index in `speakers` is the subject of the "said" after it."""
    tags = ["." if w == "." else "VBD" if w[:1].islower() else "NNP" for w in words]
    doc = sentences(vocab, words, ents=ents, tags=tags, lemmas=["say" if w == "said" else w.lower() for w in words])
    for i in speakers:
        doc[i].dep_, doc[i].head = "nsubj", doc[i + 1]
    return {(m.text, m.label) for m in repair.mentions([article_of(doc)])}


def test_a_full_name_whose_surname_speaks_is_a_person_against_the_models_organisation(vocab):
    words = ["Ida", "Marrow", "won", ".", "Ida", "Marrow", "left", ".", "Marrow", "said", "."]
    ents = ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"]
    assert _mentions(vocab, words, ents, speakers=[8]) == {("Ida Marrow", "PERSON"), ("Marrow", "PERSON")}


def test_no_person_of_a_company_cut_to_its_first_word_a_place_or_two_names_run_together(vocab):
    """"Brannock said" of "Brannock Tolliver" (a firm named after its founders is cut to its first
    word); "Comets said" of a club named after its city; "Tarvik said" beside "Velox Herald
    Tarvik", two names the briefing knows apart run together."""
    firm = (["Brannock", "Tolliver", "won", ".", "Brannock", "Tolliver", "grew", ".", "Brannock", "said", "."],
            ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [8])
    club = (["Santa", "Clara", "Comets", "won", ".", "Comets", "said", "."],
            ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [5])
    joined = (["Velox", "Herald", "won", ".", "Velox", "Herald", "Tarvik", "grew", ".", "Tarvik", "said", "."],
              ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [9])
    for words, ents, speakers in (firm, club, joined):
        assert {label for _, label in _mentions(vocab, words, ents, speakers)} == {"ORG"}, words


COURT = {
    "a": "Appeal heard\n\nThe appeal, brought by former juror Bex Sorrell with help from a legal charity, was heard "
         "on Monday. The review of the jury's work was led by Bex Sorrell with money from a reform fund.",
    "b": "Court ruling\n\nSorrell told the court that the verdict had been rushed. Sorrell said the panel had "
         "ignored the evidence.",
}


def test_a_juror_the_model_calls_an_organisation_is_a_person_by_her_surnames_speech(parser):
    parsed, entities, _ = analyse(parser, COURT)
    raw = model_labels(parsed)
    assert (raw.get("Bex Sorrell"), raw.get("Sorrell")) == ("ORG", "ORG"), "the model changed: find new cases"
    assert {(e.name, e.label): len(e.mentions) for e in entities} == {("Bex Sorrell", "PERSON"): 4}
