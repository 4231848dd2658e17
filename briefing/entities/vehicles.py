"""Vehicles named by a number, over plain tokens: a numbered flight ("Flight 220", "Aerolta Airways
Flight 220", "flight QX220") and a maker's model ("Velox V8", "Arrow 340").

A scheduled flight is named by its number, and in a story about an air crash or a diversion it is
what the story is about. The small pipeline reads "Flight 220" as a date, a product or nothing,
keeps the airline before it as a name of its own, and leaves the airline's code ("QX220") untagged
or calls it an organisation. Here a capitalised "Flight" and a number, or "flight" and an
airline's code with its number, is one name (PRODUCT, the label the references give a vehicle),
with the airline's name when a span ends just before it; an airline's code with the number of a
flight the briefing names is that flight wherever it stands alone; and every form of one number
is one flight (`number`).

A maker's name followed by a model designation the model left outside the span ("Velox" +
"V8") is one name with it (`models`); the label rules and the votes then read the model number
as a product's (evidence.kind_of), and a maker the briefing names with a model is that product
where the text treats the name as a thing ("the Velox", "Ruiz's Velox": evidence.gather).
"""
from __future__ import annotations

import re

from ..model import EntSpan, ParsedArticle, Token
from ..words.english import TITLE_NOUNS
from . import labels
from .tokens import Spans, each_segment, surface

LABEL = "PRODUCT"
# An airline's two-letter designator and a flight number: "QX220" (not "A320", "F16": models).
CODE = re.compile(r"\A[A-Z]{2}(\d{1,4})[A-Z]?\Z")
NUMBER = re.compile(r"\A(\d{1,4})[A-Z]?\Z")
_FORM = re.compile(r"(?:\A|\s)[Ff]light\s+(?:[A-Z]{2})?(\d{1,4})[A-Z]?\Z")


def _number_after(toks: tuple[Token, ...], i: int) -> int | None:
    """The end of a flight's name whose word "flight" is token i, else None: "Flight 220", "flight
    QX220" (a number alone after a lower-case "flight" is a count: "the flight 20 minutes late")."""
    word = toks[i].text
    if word not in ("Flight", "flight") or i + 1 >= len(toks) or not toks[i].ws:
        return None
    nxt = toks[i + 1].text
    return i + 2 if CODE.match(nxt) or word == "Flight" and NUMBER.match(nxt) else None


# A model designation after a maker's name: letters and digits ("V8", "A320", "SU25") or three
# digits ("340"); not a year, a quarter ("Q3") or a longer figure ("Acme 3786" is a stock code).
MODEL = re.compile(r"\A(?:[A-Z]{1,2}\d{1,3}[A-Z]?|\d{3})\Z")
QUARTER = re.compile(r"\AQ[1-4]\Z")
MAKER_LABELS = frozenset({"ORG", "PERSON", "PRODUCT"})  # not a place or a group: "Ostrian T90" is its army's


def models(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """A maker's name and the model designation right after it, outside any span or a span of its
    own ("Velox" + "V8"): one PRODUCT span ("a Velox V8 sedan"), not before a figure or a unit
    ("Velox 340 million")."""
    out: list[EntSpan] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev and prev.end == sp.start and sp.end - sp.start == 1 and _designates(prev, toks):
            out[-1] = EntSpan(prev.start, sp.end, LABEL)  # "Velox" ORG + "V8" PRODUCT
            continue
        if (_designates(sp, toks) or _names_a_model(sp, toks)) and not any(o.start == sp.end for o in spans):
            sp = EntSpan(sp.start, sp.end + 1, LABEL)
        out.append(sp)
    return out


def _designates(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """A maker's name with a model designation after it."""
    e = sp.end
    return sp.label in MAKER_LABELS and e < len(toks) and bool(toks[e - 1].ws) and toks[e - 1].text[:1].isupper() and \
        bool(MODEL.match(toks[e].text)) and not QUARTER.match(toks[e].text) and \
        not (e + 1 < len(toks) and toks[e + 1].tag == "CD") and \
        not (toks[e].dep == "nummod" and toks[e].head > e)  # "gave Arlow 270 votes": a count


def _names_a_model(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"a Kessel Tern": an indefinite article counting a capitalised word that a maker's one-word
    name modifies, no acronym ("a Kessel RIB"), head word of names ("a Kessel Hall") or title ("a
    Kessel Official"): one of the maker's models."""
    s, e = sp.start, sp.end
    if not (sp.label == "ORG" and e - s == 1 and s > 0 and e < len(toks) and toks[s - 1].text.lower() in ("a", "an")):
        return False
    model = toks[e]
    return model.tag == "NNP" and model.text.isalpha() and model.text[:1].isupper() and not model.text.isupper() and \
        toks[s - 1].head == e and toks[s].head == e and model.text.lower() not in labels.NOT_PERSON_HEADS | TITLE_NOUNS


def a_model(label: str, words: list[str]) -> bool:
    """The words after a product's name ("Velox", PRODUCT) are one model designation ("V8"); a
    product and its one model are one entity, never the maker's company ("Velox" ORG)."""
    return label == LABEL and len(words) == 1 and bool(MODEL.match(words[0]))


def is_flight(toks: tuple[Token, ...], sp: EntSpan) -> bool:
    """A span that names a numbered flight (the rule `flights` made)."""
    return sp.label == LABEL and any(_number_after(toks, i) == sp.end for i in range(sp.start, sp.end))


def flights(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """One PRODUCT span over each numbered flight, from the airline's name when a span ends just
    before "flight" or holds it ("Aerolta Airways Flight 220"), replacing the spans it overlaps."""
    found = []
    for i in range(len(toks)):
        end = _number_after(toks, i)
        if end is None:
            continue
        # the airline's name: a span ending just before "flight", or the model's span over both
        airline = [sp.start for sp in spans if sp.label in MAKER_LABELS and (sp.end == i or sp.start < i < sp.end <= end)]
        found.append(EntSpan(min(airline + [i]), end, LABEL))
    if not found:
        return spans
    kept = [sp for sp in spans if not any(f.start < sp.end and sp.start < f.end for f in found)]
    return sorted(kept + found, key=lambda sp: sp.start)


def flight_codes(parsed: list[ParsedArticle], spans: Spans) -> None:
    """An airline's code with the number of a flight the briefing names ("QX220" beside "Flight 220"
    or "flight QX220") is that flight where it stands alone too ("the QX220 wreckage"): a PRODUCT
    span over it, replacing a one-word span."""
    numbers = {number(surface(toks, sp.start, sp.end)) for toks, sps in each_segment(parsed, spans) for sp in sps
               if is_flight(toks, sp)}
    if not numbers:
        return
    for toks, sps in each_segment(parsed, spans):
        for t in toks:
            m = CODE.match(t.text)
            if not m or m.group(1).lstrip("0") not in numbers:
                continue
            inside = [sp for sp in sps if sp.start <= t.i < sp.end]
            if not inside or inside[0].end - inside[0].start == 1:
                sps[:] = sorted([sp for sp in sps if sp not in inside] + [EntSpan(t.i, t.i + 1, LABEL)],
                                key=lambda sp: sp.start)


def names_flight(form: str) -> bool:
    """A form that says "flight" before its number ("Flight 220", "flight QX220"), not a bare code."""
    return bool(_FORM.search(form))


def number(form: str) -> str | None:
    """The flight number a name of a flight gives ("Aerolta Airways Flight 220", "QX220": "220"), else None."""
    m = _FORM.search(form) or CODE.match(form)
    return m.group(1).lstrip("0") if m else None
