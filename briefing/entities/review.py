"""Editors' help: the doubts of the entity stage, each with the `overrides.yml` line that would
settle it (`briefing review`). The damaging ones first: labels of the entities the briefing names
most that only the model supports, a surname two people share, a word that is sometimes a name;
then the merges the stage was unsure about and the pairs it did not merge but might have.

A plain function over a built Briefing: it reads the entities, their mentions' places and the
words around them, and the editor's rules (a doubt a rule settles is not listed again).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..words import knowledge
from ..model import Briefing, Entity, Mention
from ..reading.overrides import Rules
from .evidence import KINDS as KIND_NOUNS
from .labels import has_organisation_head
from .surnames import attribute
from .names import (COMPASS_POINTS, compact, first_names_match, fold, has_honorific, is_acronym, name_parts,
                    normalize, without_legal_form)

SPELLING_MIN = 80  # surname similarity (rapidfuzz ratio) worth a look
LEADS = 5  # the entities the briefing names most: a wrong label there shows first on the site
# A person in news text: "Okafor said", "Okafor, 54,", '…," said Okafor.' (not "at Kestrel told", where
# the speaker comes before, nor "said Kestrel may…", the subject of what was said).
PERSON_AFTER = re.compile(r",? (?:said|says|told|tells|added|asked|wrote)\b|, \d{1,3},")
PERSON_BEFORE = re.compile(r"[,\"”’] (?:said|says) \Z")
NOT_A_SPEAKER = re.compile(r"\b(?:at|in|of|from|near|on|to|for|by|with|the)\s+\Z")
# The noun right after a name, past a model number: "a Kessel RIB", "the Velox V8 sedan", "the Tarvo volcano".
NOUN_AFTER = re.compile(r"\s+(?:[A-Z]*\d+[A-Za-z]*\s+)?([a-z][a-z-]*|[A-Z]{2,5})\b")
KINDS = {  # kind -> the heading of its list, in the order shown
    "label": "Labels only the model gives or the text contradicts, on the entities the briefing names most "
             "(confirm or correct with the line shown):",
    "surname": "A surname two people share (split the form off with the line shown):",
    "word": "Words that are sometimes a name (ignore the form with the line shown):",
    "unsure": "Merged, but the tool was unsure (split them with the line shown):",
    "missed": "Kept apart, but they may be one (merge them with the line shown):",
}


@dataclass(frozen=True)
class Suggestion:
    kind: str  # a key of KINDS: "label", "surname", "word", "unsure" (merged, maybe wrongly), "missed" (apart)
    forms: tuple[str, ...]
    reason: str
    line: str  # the overrides.yml rule that would apply it, under its key

    def __str__(self) -> str:
        return f"{' / '.join(self.forms)}: {self.reason}\n    overrides.yml: {self.line}"


def _quote(form: str) -> str:
    """A YAML flow scalar: plain when safe, else double-quoted."""
    if form and form[0].isalnum() and not any(c in form for c in ":#,[]{}'\"&*!|>%@`"):
        return form
    return '"' + form.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _split(alias: str, entity: Entity, reason: str) -> Suggestion:
    return Suggestion("unsure", (alias, entity.name), f"{reason}, in {entity.name}", f"split: [{_quote(alias)}]")


def _merge(a: Entity, b: Entity, reason: str) -> Suggestion:
    return Suggestion("missed", (a.name, b.name), reason, f"merge: [[{_quote(a.name)}, {_quote(b.name)}]]")


def unsure_merges(entity: Entity) -> list[Suggestion]:
    """Aliases joined by the weaker rules: a first name alone, differing first names or surname
    spellings, a shorter or reordered form of a named thing, a compass point."""
    forms = sorted({normalize(a) for a in entity.aliases})
    return _unsure_person(entity, forms) if entity.label == "PERSON" else _unsure_name(entity, forms)


def _unsure_person(entity: Entity, forms: list[str]) -> list[Suggestion]:
    """A person's aliases: a first name alone, then each pair of full names that differ."""
    full = [f for f in forms if len(name_parts(f)) >= 2]
    out = [_split(f, entity, "a first name alone, joined to the one person with that first name")
           for f in forms if _first_name_alone(name_parts(f), full)]
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            why = _names_differ(name_parts(a), name_parts(b))
            if why:
                found = _split(a if b == entity.name else b, entity, why)
                out.append(dataclasses.replace(found, kind="surname") if why == FIRST_NAMES_DIFFER else found)
    return out


def _first_name_alone(parts: list[str], full: list[str]) -> bool:
    """One word that is the first name, and no surname, of the entity's full names."""
    return (len(parts) == 1 and bool(full) and all(name_parts(g)[-1] != parts[0] for g in full)
            and any(name_parts(g)[0] == parts[0] for g in full))


def _names_differ(pa: list[str], pb: list[str]) -> str | None:
    """Why two full names of one person are an unsure merge, if they are."""
    if pa[-1] != pb[-1]:
        return "surnames spelled differently"
    if pa[0] != pb[0] and len(pa[0]) > 1 and len(pb[0]) > 1:
        return FIRST_NAMES_DIFFER
    return None


FIRST_NAMES_DIFFER = "first names differ: two people who share a surname, or one by a nickname"


def _unsure_name(entity: Entity, forms: list[str]) -> list[Suggestion]:
    """Any other entity's aliases: each other form, by the first rule that fits it."""
    out = []
    for f in forms:
        if f == entity.name:
            continue
        others = [g for g in forms if g != f]
        if f in COMPASS_POINTS and entity.label in ("GPE", "LOC"):
            out.append(_split(f, entity, "a compass point, joined to the one country named after it"))
        elif not is_acronym(f) and knowledge.place(f) is None and any(_shorter(f, g) for g in others):
            out.append(_split(f, entity, "a shorter form of a longer name"))
        elif any(_reordered(f, g) for g in others):
            out.append(_split(f, entity, "the same name in another word order or language"))
    return out


def _reordered(a: str, b: str) -> bool:
    """"Université Arlow" and "Arlow University": the same words, reordered or translated; not
    a plural, punctuation or a legal form ("Acme Co." and "Acme Company")."""
    def key(form: str) -> list[str]:
        return sorted(w[:5] for w in fold(form).casefold().split() if w not in ("of", "de", "the", "la", "le"))

    ca, cb = compact(without_legal_form(a)), compact(without_legal_form(b))
    return len(a.split()) > 1 and key(a) == key(b) and ca.rstrip("s") != cb.rstrip("s")


def _shorter(short: str, long_: str) -> bool:
    """"Olympics" of "Winter Olympics", "Heathrow" of "Heathrow Airport"; not "Islamic State" of
    "Islamic State in Iraq and the Levant" (an expansion the text itself gives)."""
    s, l_ = short.casefold().split(), long_.casefold().split()
    tail = l_[len(s):]
    return len(s) < len(l_) and (l_[-len(s):] == s or l_[:len(s)] == s and len(tail) <= 2 and
                                 not set(tail) & {"of", "in", "and", "the", "for"})


def missed_merges(entities: list[Entity]) -> list[Suggestion]:
    """Entities kept apart that an editor may want as one: people with one surname, people whose
    names are spelled nearly alike, and a short form that fits several entities."""
    people = [e for e in entities if e.label == "PERSON" and len(name_parts(e.name)) >= 2]
    return _same_surname(people) + _spelled_alike(people) + _ambiguous_short_forms(entities, people)


def _pairs(group: list[Entity]):
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            yield a, b


def _same_surname(people: list[Entity]) -> list[Suggestion]:
    by_surname: dict[str, list[Entity]] = defaultdict(list)
    for e in people:
        by_surname[name_parts(e.name)[-1]].append(e)
    return [_merge(a, b, f"same surname ({surname.title()})")
            for surname, group in sorted(by_surname.items()) for a, b in _pairs(group)]


def _spelled_alike(people: list[Entity]) -> list[Suggestion]:
    """One first name and surname initial, surnames nearly alike ("Maria Lopez", "Maria Lopes")."""
    by_initial: dict[str, list[Entity]] = defaultdict(list)
    for e in people:
        parts = name_parts(e.name)
        by_initial[parts[0] + " " + parts[-1][:1]].append(e)
    out = []
    for group in by_initial.values():
        for a, b in _pairs(group):
            sa, sb = name_parts(a.name)[-1], name_parts(b.name)[-1]
            if sa != sb and (fuzz.ratio(sa, sb) >= SPELLING_MIN or Levenshtein.distance(sa, sb) == 1):
                out.append(_merge(a, b, "names spelled nearly alike"))
    return out


def _ambiguous_short_forms(entities: list[Entity], people: list[Entity]) -> list[Suggestion]:
    """A one-word entity that is the surname (or a first name that is not also a surname) of two
    or more people."""
    lone: dict[str, list[Entity]] = defaultdict(list)
    for e in people:
        parts = name_parts(e.name)
        lone[parts[-1]].append(e)
        if not first_names_match(parts[0], parts[-1]):
            lone[parts[0]].append(e)
    out = []
    for e in entities:
        parts = name_parts(e.name)
        cands = [c for c in lone.get(parts[0], []) if c is not e] if len(parts) == 1 else []
        if len(cands) >= 2:
            out += [_merge(e, c, f"a short form that fits {len(cands)} people") for c in cands]
    return out


def label_doubts(briefing: Briefing, rules: Rules) -> list[Suggestion]:
    """The labels of the entities the briefing names most that nothing but the model supports: a
    person with no honorific, first name the data knows, age or speech verb in any mention; a
    place the data packages do not know. Or that the text contradicts: a person or an organisation
    the text calls a kind of thing ("a Kessel RIB", "the Tarvo volcano"), the label that kind gives
    is suggested. A `relabel` rule for the entity (or `persons`) settles it."""
    raw = {a.id: a.raw for a in briefing.articles}
    out = []
    for e in sorted(briefing.entities, key=lambda e: -len(e.mentions))[:LEADS]:
        if _settled(e, [*rules.relabel, *rules.persons]):
            continue
        label, kind = e.label, _kind_against(e, raw)
        if e.label == "PERSON" and not _person_evidence(e, raw):
            why = "only the model says PERSON: no honorific, known first name, age or speech verb in any mention"
        elif e.label == "GPE" and not any(knowledge.is_place(a) for a in e.aliases):
            why = "only the model says GPE: no country, US state or city of that name in the data packages"
        elif kind:
            (noun, label), n = kind
            why = f"labelled {e.label}, but {n} mention(s) stand before the noun {noun!r}, which makes a {label}"
        else:
            continue
        out.append(Suggestion("label", (e.name,), f"{why} ({len(e.mentions)} mentions)",
                              f"relabel: {{{_quote(e.name)}: {label}}}  # or its right label: ORG, GPE, LOC, FAC, "
                              f"PRODUCT, EVENT, WORK_OF_ART, LAW, NORP"))
    return out


def _kind_against(e: Entity, raw: dict[str, str]) -> tuple[tuple[str, str], int] | None:
    """The kind noun (evidence.KINDS) most often right after a person's or an organisation's mentions
    whose label is another, with its count; None when there is none. Places and groups are left
    out: they modify any noun ("the Tarvo mosque", "the Ostrian state"), and so does a name with an
    organisation's head word ("a Tarvo Airlines plane" is the airline's)."""
    if e.label not in ("PERSON", "ORG") or any(has_organisation_head(a.split()) for a in e.aliases):
        return None
    kinds: Counter = Counter()
    for m in e.mentions:
        after = NOUN_AFTER.match(raw.get(m.article, ""), m.end)
        label = KIND_NOUNS.get(after.group(1).lower()) if after else None
        if label and label != e.label:
            kinds[(after.group(1), label)] += 1
    return kinds.most_common(1)[0] if kinds else None


def _settled(e: Entity, rule_forms) -> bool:
    names = {normalize(x).casefold() for x in (e.name, *e.aliases)}
    return any(normalize(x).casefold() in names for x in rule_forms)


def _person_evidence(e: Entity, raw: dict[str, str]) -> bool:
    if any(has_honorific(a) or len(name_parts(a)) >= 2 and knowledge.is_given_name(name_parts(a)[0])
           for a in e.aliases):
        return True
    def speaks(m: Mention) -> bool:
        text = raw.get(m.article, "")
        before = text[max(0, m.start - 20):m.start]
        return bool(PERSON_AFTER.match(text, m.end) and not NOT_A_SPEAKER.search(before) or
                    PERSON_BEFORE.search(before) and text[m.end:m.end + 1] in (".", ",", ""))

    return any(speaks(m) for m in e.mentions)


def surname_doubts(briefing: Briefing) -> list[Suggestion]:
    """Bare surnames ("Calder", "Mr Calder") whose article names two people of that surname and
    whose sentence and paragraph do not say which one (surnames.py gave it to the one named last
    before it)."""
    people: dict[str, list[Entity]] = defaultdict(list)
    for e in briefing.entities:
        if e.label == "PERSON" and len(name_parts(e.name)) >= 2:
            people[name_parts(e.name)[-1]].append(e)
    out = []
    for surname, group in sorted(people.items()):
        if len(group) < 2:
            continue
        unclear: Counter = Counter()
        for e in group:
            for m in e.mentions:
                if name_parts(m.text) == (surname,) and not _clear(m, group):
                    unclear[(e.name, normalize(m.text))] += 1
        for (name, form), n in sorted(unclear.items()):
            others = ", ".join(g.name for g in group if g.name != name)
            out.append(Suggestion("surname", (form, name), f"{n} mention(s) given to {name}, the person named last "
                                  f"before; also named {surname.title()}: {others}", f"split: [{_quote(form)}]"))
    return out


def _clear(m: Mention, group: list[Entity]) -> bool:
    """Does the article of `m` name one person of the surname, or its sentence or paragraph?"""
    full = [[x for x in e.mentions if x.article == m.article and len(name_parts(x.text)) >= 2] for e in group]
    people = [p for p in full if p]
    others = [x for e in group for x in e.mentions if x.article == m.article]
    return len(people) < 2 or attribute(m, people, others).clear


def word_doubts(briefing: Briefing) -> list[Suggestion]:
    """One-word names that the articles also write in lower case ("May", "Young"), some of whose
    mentions start a sentence, where the word is capitalised anyway."""
    words = Counter(re.findall(r"[\w-]+", "\n".join(a.raw for a in briefing.articles)))  # each word, whole
    out = []
    for e in briefing.entities:
        for form in sorted({normalize(m.text) for m in e.mentions if " " not in m.text.strip()}):
            starts = sum(normalize(m.text) == form and m.start == m.sentence[0] for m in e.mentions)
            lower = words[form.lower()] if form.isalpha() else 0
            if starts and lower and not form.isupper():
                out.append(Suggestion("word", (form, e.name), f"{form.lower()!r} is a word {lower} time(s) in the "
                                      f"articles; {starts} mention(s) start a sentence", f"ignore: [{_quote(form)}]"))
    return out


def suggestions(briefing: Briefing, rules: Rules = Rules()) -> list[Suggestion]:
    """The damaging doubts first (labels, surnames, words), then unsure merges, then missed ones;
    each once, in a stable order."""
    found = label_doubts(briefing, rules) + surname_doubts(briefing) + word_doubts(briefing) + \
        [s for e in briefing.entities for s in unsure_merges(e)] + missed_merges(list(briefing.entities))
    seen, out = set(), []
    for s in sorted(found, key=lambda s: list(KINDS).index(s.kind)):  # stable: each kind keeps its order
        if (s.kind, s.line) not in seen:
            seen.add((s.kind, s.line))
            out.append(s)
    return out


def report(found: list[Suggestion]) -> str:
    """Plain text for the terminal."""
    if not found:
        return "Nothing to review: no doubtful label, surname or merge, no likely pair left apart."
    lines = []
    for kind, title in KINDS.items():
        items = [s for s in found if s.kind == kind]
        if items:
            lines += [title] + [f"  {s}" for s in items] + [""]
    return "\n".join(lines).rstrip() + "\n"
