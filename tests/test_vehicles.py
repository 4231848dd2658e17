"""Vehicles named by a number (entities/vehicles.py), on real parses. The small model reads a flight
inside an airline's organisation span, and an airline's code alone as a person; each form must come
out as one flight, a product, and nothing else that carries a number may. It reads a maker's name
apart from the model after it ("Volvo" + "S60") and the maker's name alone as the company where
the text means the car; a maker with no model in the briefing stays the company."""
import pytest

from briefing.entities import vehicles
from briefing.model import EntSpan

from conftest import analyse, article_of, make_doc

DIVERSION = {
    "a": "Aerolta Airways Flight 220 landed safely in Denver on Sunday after an engine warning. Four hours "
         "after Flight 220 left Chicago, the crew asked to divert. Passengers on Flight 220 praised the crew.\n",
    "b": "The pilots of Aerolta flight QA220 declared an emergency over Nebraska, the airline said. The QA220 "
         "crew followed the checklist.\n",
}
NO_FLIGHT = {
    "a": "The Velden Rovers flight to the final left an hour late; the team's flight 20 minutes later was full. "
         "Rovers won Group 4 with 220 points, and coach Mara Ostrander bought a PS220 console.\n",
}


@pytest.fixture(scope="module")
def diversion(parser):
    return analyse(parser, DIVERSION)


def _model_spans(parsed):
    return {(" ".join(t.text for t in seg.tokens[sp.start:sp.end]), sp.label)
            for pa in parsed for seg in pa.segments for sp in seg.ents}


def test_the_model_splits_the_flight_and_calls_its_code_a_person(diversion):
    """The errors the rules fix, checked on this very text."""
    model = _model_spans(diversion[0])
    assert ("Aerolta Airways Flight 220", "ORG") in model
    assert ("QA220", "PERSON") in model


def test_every_form_of_one_flight_is_one_product(diversion):
    _, entities, _ = diversion
    flight = [e for e in entities if "QA220" in {m.text for m in e.mentions}]
    assert len(flight) == 1
    assert flight[0].label == "PRODUCT"
    assert {m.text for m in flight[0].mentions} == {"Aerolta Airways Flight 220", "Flight 220", "Aerolta flight QA220",
                                                    "QA220"}
    assert len(flight[0].mentions) == 5
    assert not [e for e in entities if e.label == "PERSON"]


def test_no_flight_without_a_number_after_flight(parser):
    """A team's flight and a count after a lower-case "flight" are no flights, and a model number
    is no flight's code where the briefing names no flight of its number."""
    _, entities, _ = analyse(parser, NO_FLIGHT)
    assert not [m.text for e in entities for m in e.mentions if "flight" in m.text.lower()]
    assert not [e for e in entities if e.label == "PRODUCT" and len(e.mentions) > 1]


def test_the_span_starts_at_the_airline_before_flight(vocab):
    words = ["Delegates", "on", "Tarvo", "Air", "Flight", "9", "landed", "."]
    doc = make_doc(vocab, words, ents=["O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"])
    seg = article_of(doc).segments[0]
    assert vehicles.flights([EntSpan(2, 4, "ORG")], seg.tokens) == [EntSpan(2, 6, "PRODUCT")]


def test_the_number_of_each_form():
    assert vehicles.number("Tarvo Air Flight 009") == "9"
    assert vehicles.number("flight TA9") == "9"
    assert vehicles.number("TA9") == "9"
    assert vehicles.number("Tarvo Air") is None
    assert vehicles.number("Group 4") is None
    assert vehicles.number("A320") is None  # a model, not an airline's code


RALLY = {
    "a": "Rally driver Ana Ostrander crashed her Volvo S60 on the final stage on Sunday. Marshals said the Volvo "
         "rolled twice, and Ostrander's Volvo was towed away.\n",
    "b": "The Volvo caught fire after the crash, a marshal said. Ostrander, 31, was unhurt.\n",
}
MAKER = {
    "a": "Volvo said on Sunday it would study the crash of the rally car. The Volvo board met in Gothenburg, and "
         "Volvo shares fell.\n",
    "b": "Volvo declined to comment on its S60 model.\n",
}


def test_a_makers_name_and_its_model_are_one_car(parser):
    parsed, entities, _ = analyse(parser, RALLY)
    model = _model_spans(parsed)
    assert ("Volvo", "ORG") in model and not [text for text, _ in model if "S60" in text]  # the model's reading
    car = [e for e in entities if "Volvo S60" in {m.text for m in e.mentions}]
    assert len(car) == 1 and car[0].label == "PRODUCT"
    assert len(car[0].mentions) == 4  # "Volvo S60", "the Volvo", "Ostrander's Volvo", "The Volvo"


def test_a_maker_without_a_model_beside_it_stays_the_company(parser):
    """No "Volvo S60" in the briefing: "the Volvo board" and "Volvo said" are the company."""
    _, entities, _ = analyse(parser, MAKER)
    assert [e.label for e in entities if e.name == "Volvo"] == ["ORG"]
    assert not [e for e in entities if "Volvo" in e.name and "S60" in {m.text for m in e.mentions}]


def test_a_model_designation_joins_the_name_before_it(vocab):
    words = ["She", "drove", "a", "Volvo", "S60", ",", "not", "a", "Volvo", "340", "million", "deal", "."]
    ents = ["O", "O", "O", "B-ORG", "B-PRODUCT", "O", "O", "O", "B-ORG", "O", "O", "O", "O"]
    tags = ["PRP", "VBD", "DT", "NNP", "NNP", ",", "RB", "DT", "NNP", "CD", "CD", "NN", "."]
    seg = article_of(make_doc(vocab, words, ents=ents, tags=tags)).segments[0]
    spans = [EntSpan(3, 4, "ORG"), EntSpan(4, 5, "PRODUCT"), EntSpan(8, 9, "ORG")]
    assert vehicles.models(spans, seg.tokens) == [EntSpan(3, 5, "PRODUCT"), EntSpan(8, 9, "ORG")]
