"""A surname two people share in one article ("Ruth Calder" and her son "Owen Calder"): which
of them each bare "Calder" or "Mr Calder" names.

A bare surname names someone the article has already introduced (by full name, or by a first
name only one of them has): "Calder's son, Owen Calder" is not Owen. Of the people introduced
before it, it goes to the only one, else to the one its sentence names before it, else to the
one its paragraph names before it. When none of these says, it goes to the person named last
before it, and the choice is unclear: `briefing review` lists it.
Plain functions over mentions, shared by clustering (which decides) and review (which doubts).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention
from .names import first_names_match, name_parts, one_name_ends_the_other


@dataclass(frozen=True)
class Attribution:
    person: int  # index into the people given
    clear: bool  # the sentence or paragraph names that person and no other


def people_of(full: list[Mention]) -> list[list[Mention]]:
    """Full-name mentions of one surname grouped into people: first names that can be one person."""
    people: list[list[Mention]] = []
    for m in sorted(full, key=lambda m: m.start):
        same = next((p for p in people if any(_one_person(m.text, x.text) for x in p)), None)
        if same is None:
            people.append([m])
        else:
            same.append(m)
    return people


def _one_person(a: str, b: str) -> bool:
    return first_names_match(name_parts(a)[0], name_parts(b)[0]) or one_name_ends_the_other(a, b)


def attribute(m: Mention, people: list[list[Mention]], others: list[Mention] = ()) -> Attribution:
    """The person a bare surname `m` names, among `people` (each a list of its full-name mentions
    in m's article); `others` are the article's other mentions, where a first name alone may name
    one of them ("Owen scored. Calder said...")."""
    named = _naming(people, others)
    before = [(i, x) for i, x in named if x.start < m.start]
    introduced = {i for i, _ in before}
    if len(introduced) == 1:
        return Attribution(introduced.pop(), True)
    for where in (lambda x: x.segment == m.segment and x.sentence == m.sentence,
                  lambda x: x.segment == m.segment):
        who = {i for i, x in before if where(x)}
        if len(who) == 1:
            return Attribution(who.pop(), True)
        if who:
            break
    if before:
        return Attribution(max((x.start, i) for i, x in before)[1], False)
    return Attribution(min((x.start, i) for i, x in named)[1], False)


def _naming(people: list[list[Mention]], others: list[Mention]) -> list[tuple[int, Mention]]:
    """(person, mention) for every full name, and every first name alone that only one of them has."""
    named = [(i, x) for i, p in enumerate(people) for x in p]
    firsts: dict[str, set[int]] = {}
    for i, x in named:
        firsts.setdefault(name_parts(x.text)[0], set()).add(i)
    return named + [(next(iter(firsts[w])), x) for x in others for w in name_parts(x.text)[:1]
                    if len(name_parts(x.text)) == 1 and len(firsts.get(w, ())) == 1]
