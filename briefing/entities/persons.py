"""Clustering's person rules: full names with one surname and compatible first names, nicknames
described alike, surnames spelled two ways, and a lone surname or first name to the one person
it can be. Blocked by surname and first name, never over all pairs."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..words import knowledge
from ..model import Mention, ParsedArticle
from ..unionfind import UnionFind
from .describe import describe
from .names import (first_names_match, fold, has_honorific, is_acronym, is_nickname, name_parts, normalize,
                    one_name_ends_the_other, spelling_variants, surname_variant)
from .nodes import FUNCTION_WORDS, PLACES, SURNAME_LABELS, THINGS, Node, View, acts_like_a_person, node_of

FUZZY_MIN = 88


def link_persons(parsed: list[ParsedArticle], by_article: dict[str, list[Mention]], view: View,
                  uf: UnionFind) -> None:
    """Across articles: full names with one surname and compatible first names are one person,
    unless one article names both; surnames spelled two ways are one person; a lone surname,
    whatever its label, joins the one person with that surname, a lone first name the one person
    with that first name, and a surname beside two people their family's plural."""
    together = _named_side_by_side(by_article)
    people = _full_name_groups(view, together)
    _join_nicknames(people, _roles(parsed, by_article), together)
    _join_spelling_variants(people, together)
    for g in people:
        for n in g[1:]:
            uf.union(g[0], n)
    index = _person_index(people, view, uf)
    mention_of = {node_of(m): (pa, m) for pa in parsed for m in by_article.get(pa.article.id, [])}
    for node, label in sorted(view.labels.items()):
        if _is_lone_name(node, label):
            _link_lone_name(node, label, index, view, uf, mention_of)


def _named_side_by_side(by_article: dict[str, list[Mention]]) -> set[frozenset[str]]:
    """Pairs of full names one article gives side by side: two people, whatever their names."""
    together: set[frozenset[str]] = set()
    for ms in by_article.values():
        names = sorted({normalize(m.text) for m in ms if m.label == "PERSON" and len(name_parts(m.text)) >= 2})
        together.update(frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:])
    return together


def _full_name_groups(view: View, together: set[frozenset[str]]) -> list[list[Node]]:
    """One list of full-name nodes per person: one surname and compatible first names, never
    two names one article gives side by side (unless their first names are the same)."""
    full: dict[str, list[Node]] = defaultdict(list)  # surname -> full-name nodes
    for node, label in sorted(view.labels.items()):
        parts = name_parts(node[1])
        if label == "PERSON" and len(parts) >= 2:
            full[parts[-1]].append(node)
    people: list[list[Node]] = []
    for surname, nodes in sorted(full.items()):
        groups: list[list[Node]] = []
        for n in nodes:
            g = next((g for g in groups if _same_person(n[1], g[0][1], together)), None)
            if g is None:
                groups.append([n])
            else:
                g.append(n)
        people.extend(groups)
    return people


def _roles(parsed: list[ParsedArticle], by_article: dict[str, list[Mention]]) -> dict[str, frozenset[str]]:
    """Full name -> the words of its descriptions ("chief geologist at the Seismology Institute")."""
    words: dict[str, set[str]] = defaultdict(set)
    for pa in parsed:
        for m in by_article.get(pa.article.id, []):
            if m.label == "PERSON" and len(name_parts(m.text)) >= 2:
                text = describe(pa.segments[m.segment], m) or ""
                words[normalize(m.text)].update(w for w in re.findall(r"[a-z]{4,}", fold(text).lower())
                                                if w not in FUNCTION_WORDS)
    return {k: frozenset(v) for k, v in words.items()}


def _join_nicknames(people: list[list[Node]], roles: dict[str, frozenset[str]], together: set[frozenset[str]]) -> None:
    """"Tony Okafor" and "Antonia Okafor": a nickname the data lists for many names ("Tony" for
    Anthony, Antonia, …) is one person with the one full name of that surname it fits, when
    the two are described alike ("geologist" in both) and no article names both."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(people):
        by_surname[name_parts(g[0][1])[-1]].append(i)
    for idxs in by_surname.values():
        for i in idxs:
            first = name_parts(people[i][0][1])[0]
            fits = [j for j in idxs if j != i and people[j] and is_nickname(first, name_parts(people[j][0][1])[0])]
            if len(fits) != 1 or not people[i]:
                continue
            j = fits[0]
            a, b = {normalize(n[1]) for n in people[i]}, {normalize(n[1]) for n in people[j]}
            if any(frozenset((x, y)) in together for x in a for y in b):
                continue
            if frozenset().union(*(roles.get(x, frozenset()) for x in a)) & \
                    frozenset().union(*(roles.get(y, frozenset()) for y in b)):
                people[j].extend(people[i])
                people[i] = []
    people[:] = [g for g in people if g]


def _same_person(a: str, b: str, together: set[frozenset[str]]) -> bool:
    first, other = name_parts(a)[0], name_parts(b)[0]
    return first_names_match(first, other) and (first == other or frozenset((a, b)) not in together) or \
        one_name_ends_the_other(a, b)


@dataclass
class People:
    """One entry per person (after variants joined), indexed by surname and by first name, and
    the words a lone first name cannot be."""

    surnames: dict[str, set[Node]]
    firsts: dict[str, set[Node]]
    not_first: frozenset[str]  # nationality words and the first words of things' and places' names

    def candidates(self, word: str) -> set[Node]:
        """The persons a lone name word can be: by surname, else by first name."""
        return self.surnames.get(word) or (set() if word in self.not_first else self.firsts.get(word, set()))

    def variants(self, word: str, person: bool) -> set[Node]:
        """The persons whose surname a lone word misspells or clips ("Mr Stroeb", "Castel"), blocked by
        first letter."""
        return {n for s in self.initials.get(word[:1], ()) if surname_variant(word, s, person)
                for n in self.surnames[s]}

    @functools.cached_property
    def initials(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for s in sorted(self.surnames):
            out[s[:1]].append(s)
        return out


def _person_index(people: list[list[Node]], view: View, uf: UnionFind) -> People:
    by_root: dict[Node, list[Node]] = defaultdict(list)
    for g in people:
        by_root[uf.find(g[0])].extend(g)
    surnames: dict[str, set[Node]] = defaultdict(set)
    firsts: dict[str, set[Node]] = defaultdict(set)
    for root, nodes in by_root.items():
        for n in nodes:
            parts = name_parts(n[1])
            surnames[parts[-1]].add(root)
            firsts[parts[0]].add(root)
    return People(surnames, firsts, _not_first_names(view))


def _not_first_names(view: View) -> frozenset[str]:
    """Words the briefing shows are no first name: "Ukrainian" (a nationality word), "Corvin" of
    "Corvin Seeds" (the first word of an organisation's name, whatever label its other forms get)."""
    out = set()
    for form, label in view.form_label.items():
        parts = name_parts(view.forms[form][0][1])
        if len(parts) == 1 and knowledge.demonym(view.forms[form][0][1]):
            out.add(parts[0])
        elif len(parts) >= 2 and label in THINGS | PLACES:
            out.add(parts[0])
    return frozenset(out)


def _is_lone_name(node: Node, label: str) -> bool:
    """One capitalised name word ("Okafor", "Mr Okafor"), not an acronym, of a label a surname may get."""
    return len(name_parts(node[1])) == 1 and label in SURNAME_LABELS and not is_acronym(node[1]) \
        and node[1][:1].isupper()


def _link_lone_name(node: Node, label: str, people: People, view: View, uf: UnionFind,
                    mention_of: dict[Node, tuple[ParsedArticle, Mention]]) -> None:
    """A lone surname (else a lone first name) joins the one person it can be; beside two
    people with that surname it joins their family's plural ("the Ostranders"). A lone form that is
    also a place joins only where it acts like a person."""
    word = name_parts(node[1])[0]
    cands = people.candidates(word)
    if not cands and word not in view.lower_words and not knowledge.demonym(node[1]):
        cands = people.variants(word, label == "PERSON" or has_honorific(node[1]))  # one candidate only, below
    family = view.nodes(node[1] + "s")
    if cands and len(cands) > 1 and family and view.labels[family[0]] == "PERSON":
        uf.union(family[0], node)  # "Ostrander" beside "Dan Ostrander" and "Fran Ostrander": "the Ostranders"
        return
    if not cands or len(cands) != 1:
        return
    if label != "PERSON" and knowledge.is_place(node[1]) and not acts_like_a_person(*mention_of[node]):
        return
    uf.union(next(iter(cands)), node)


def _join_spelling_variants(people: list[list[Node]], together: set[frozenset[str]]) -> None:
    """One person spelled two ways by two outlets ("Marta Ostrowski", "Marta Ostrowksi"): same or
    compatible first name, surnames that are spelling variants, blocked by first name so the
    comparison never runs over all pairs; never two forms one article names side by side."""
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(people):
        by_first[name_parts(g[0][1])[0]].append(i)
    merged: set[int] = set()
    for first, idxs in sorted(by_first.items()):
        for x, i in enumerate(idxs):
            for j in idxs[x + 1:x + 20]:
                if i in merged or j in merged:
                    continue
                a, b = people[i][0][1], people[j][0][1]
                if frozenset((a, b)) in together:
                    continue
                sa, sb = name_parts(a)[-1], name_parts(b)[-1]
                if spelling_variants(sa, sb) or fuzz.ratio(" ".join(name_parts(a)), " ".join(name_parts(b))) \
                        >= FUZZY_MIN and sa[:1] == sb[:1]:
                    people[i].extend(people[j])
                    people[j] = people[j][:0]
                    merged.add(j)
    people[:] = [g for g in people if g]
