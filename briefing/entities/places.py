"""Places by what the briefing shows: countries, US states, cities and towns the model gave
another label become places (`known_cities`), by the facts gathered over every span
(`PlaceFacts`: the countries and states named, the forms shown as places, the names that speak or
belong to a person); `detect` reads the countries and states named to find towns the model missed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import EntSpan, ParsedArticle, Token
from ..words import knowledge
from ..words.english import SPEECH_VERBS
from . import evidence, labels
from .tokens import Spans, each_segment, surface


def named_places(parsed: list[ParsedArticle], spans: Spans) -> set[str]:
    """The countries and states the briefing names as places (PlaceFacts.places, alone)."""
    return {where for toks, sps in each_segment(parsed, spans) for sp in sps if (where := _named_place(toks, sp))}


def _named_place(toks: tuple[Token, ...], sp: EntSpan) -> str | None:
    """The country or state a GPE span names, as the data packages know it; None for any other span."""
    return knowledge.place(surface(toks, sp.start, sp.end)) if sp.label == "GPE" else None


@dataclass
class PlaceFacts:
    """What the briefing shows of each surface form, for `known_cities` and `detect.unseen_places`."""

    places: set[str] = field(default_factory=set)  # countries and states named as places
    people: set[str] = field(default_factory=set)  # words of people's full names
    placed: set[str] = field(default_factory=set)  # forms shown as places (a label or a context)
    inside: set[str] = field(default_factory=set)  # words inside place names ("Arlow County")
    speaking: set[str] = field(default_factory=set)  # subjects of verbs of speech
    common: set[str] = field(default_factory=set)  # "the X", capitals, nationalities

    @classmethod
    def of(cls, parsed: list[ParsedArticle], spans: Spans) -> PlaceFacts:
        facts = cls()
        for toks, sps in each_segment(parsed, spans):
            for sp in sps:
                facts.add(toks, sp)
        return facts

    def add(self, toks: tuple[Token, ...], sp: EntSpan) -> None:
        text = surface(toks, sp.start, sp.end)
        where = _named_place(toks, sp)
        if where:
            self.places.add(where)
        if sp.label == "PERSON" and sp.end - sp.start >= 2:
            self.people.update(t.text for t in toks[sp.start:sp.end])
        if sp.label in ("GPE", "LOC") or evidence.place_signs(toks, sp.start, sp.end):
            self.placed.add(text)
        if sp.label in ("GPE", "LOC"):  # "Arlow County", "South Tarvo": Arlow, Tarvo too
            self.inside.update(t.text for t in toks[sp.start:sp.end] if t.text[:1].isupper())
        if labels.speaks(toks, sp.start, sp.end, SPEECH_VERBS):  # "Princeton said", "the company announced"
            self.speaking.add(text)
        if sp.start > 0 and toks[sp.start - 1].text.lower() == "the" or text.isupper() or knowledge.demonym(text):
            self.common.add(text)  # "the Pacific", "EU", "Canadian": a town of that name is not what is meant

    def is_place(self, text: str, label: str) -> bool:
        form = text.title() if text.isupper() else text
        if knowledge.place(text):
            return True
        if text in self.speaking:
            return False
        if (text in self.placed or text in self.inside) and label != "LOC" and knowledge.place_names(form) & self.places:
            return True
        return (text in self.placed or label == "LOC") and text not in self.common and \
            bool(knowledge.place_names(form, within=self.places) & self.places)


def known_cities(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Countries, US states, cities and towns the model labelled a person, an organisation, a group
    or a natural place. A country or state by its own name is a place whatever the model said
    ("Romania said", "Fresno, CA" read as a product). A city,
    town or village (of 1,000 people or more) is one when the briefing names its country or (US)
    state and shows it as a place somewhere: the model labels it one, "in"/"near" it, a state or
    country after it ("Tarvo, Ore."), "the X area"; a town also needs a name never written "the
    X", in capitals or as a nationality ("the Pacific", "EU", "Canadian" are towns too). Never a name
    that speaks ("Princeton said") or is part of a person's name in the briefing."""
    facts = PlaceFacts.of(parsed, spans)
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            text = surface(toks, sp.start, sp.end)
            if (sp.label in ("PERSON", "ORG", "NORP", "LOC") or sp.label != "GPE" and knowledge.place(text)) and \
                    text not in facts.people and \
                    not (sp.label == "PERSON" and toks[sp.end - 1].dep in ("nsubj", "nsubjpass")) and \
                    facts.is_place(text, sp.label):
                sps[n] = EntSpan(sp.start, sp.end, "GPE")
