"""People the model typed as organisations or missed, found by what the briefing shows (issue 22):
a full name shaped like a person's whose surname alone speaks; a name the model saw nowhere with
what only people have beside it. Invented text (courts, science); the real-parse tests first check
that the model makes the error, the hand-built ones test each rule's evidence and misfires."""
from briefing.entities import labels, repair
from briefing.nlp.parser import doc_to_parsed

from conftest import analyse, article_of, make_doc, sentences
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
    word); "Comets said" of a club named after its city; "Dunlin said" beside "Grey Heron" and
    "Grey Heron Dunlin", two names of birds the briefing knows apart, run together in a list."""
    firm = (["Brannock", "Tolliver", "won", ".", "Brannock", "Tolliver", "grew", ".", "Brannock", "said", "."],
            ["B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [8])
    club = (["Santa", "Clara", "Comets", "won", ".", "Comets", "said", "."],
            ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [5])
    joined = (["Ringers", "counted", "Grey", "Heron", ".", "Counts", "of", "Grey", "Heron", "Dunlin", "fell", ".",
               "Dunlin", "said", "."],
              ["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"], [12])
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


def test_a_name_the_model_missed_with_a_job_title_after_it_is_a_person(vocab):
    """"Veln Ha-jun, the director of the Tarvo Institute, said", no span over the name (the parser
    saw no apposition either); "said Veln" later, an organisation to the model: one person. Not
    a name that only speaks ("Oska Ren-ju said": companies speak too), nor an institution."""
    words = ["Veln", "Ha", "-", "jun", ",", "the", "director", "of", "the", "Tarvo", "Institute", ",", "said", "rain",
             "fell", ".", "It", "rained", ",", "said", "Veln", ".", "Oska", "Ren", "-", "ju", "said", "it", "rained",
             ".", "Harbour", "Board", ",", "the", "owner", "of", "it", ",", "paid", "."]
    spaces = [True] * len(words)
    for i in (1, 2, 23, 24):
        spaces[i] = False
    ents = ["O"] * len(words)
    ents[9:11], ents[20] = ["B-ORG", "I-ORG"], "B-ORG"
    tags = ["NNP", "NNP", "HYPH", "NN", ",", "DT", "NN", "IN", "DT", "NNP", "NNP", ",", "VBD", "NN", "VBD", ".",
            "PRP", "VBD", ",", "VBD", "NNP", ".", "NNP", "NNP", "HYPH", "NN", "VBD", "PRP", "VBD", ".", "NNP", "NNP",
            ",", "DT", "NN", "IN", "PRP", ",", "VBD", "."]
    doc = sentences(vocab, words, ents=ents, tags=tags, spaces=spaces,
                    lemmas=["say" if w == "said" else w.lower() for w in words])
    doc[25].dep_, doc[25].head = "nsubj", doc[26]  # "Oska Ren-ju said"
    found = {(m.text, m.label) for m in repair.mentions([article_of(doc)])}
    assert found == {("Veln Ha-jun", "PERSON"), ("Veln", "PERSON"), ("Tarvo Institute", "ORG")}


BARLEY = {
    "a": "Barley\n\nJang Min-ha, the chair of the growers' union in Brockett Valley, expects the barley to be two "
         "weeks late.\n\n“The fields are still under water,” Jang told farmers on Tuesday.",
}


def test_a_union_chair_the_model_missed_is_found_by_the_title_after_her_name(parser):
    parsed, entities, _ = analyse(parser, BARLEY)
    raw = model_labels(parsed)
    assert not any(k.startswith("Jang Min") for k in raw) and raw.get("Jang") == "PERSON", \
        "the model changed: find new cases"
    people = {e.name: sorted(m.text for m in e.mentions) for e in entities if e.label == "PERSON"}
    assert people == {"Jang Min-ha": ["Jang", "Jang Min-ha"]}


def test_a_job_title_after_a_comma_and_an_article_ends_its_phrase(vocab):
    """The surface form of an apposition the parser missed: "X, the director of", "X, a senior
    official."; not "X, the chief supplier" (the title modifies a noun) or "X, a judge ruled"."""
    def apposed(words):
        doc = make_doc(vocab, words, tags=["NNP"] + ["NN"] * (len(words) - 1))
        return labels.title_in_apposition(doc_to_parsed(doc, 0).tokens, 0, 1)

    assert apposed(["Tarvo", ",", "the", "director", "of", "it"])
    assert apposed(["Tarvo", ",", "a", "senior", "official", "."])
    assert not apposed(["Tarvo", ",", "the", "chief", "supplier", "of", "it"])
    assert not apposed(["Tarvo", ",", "a", "judge", "ruled", "."])
