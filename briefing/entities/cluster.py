"""Which mentions name one real-world thing: the clustering half of the entity stage.

Mentions are grouped into nodes (one per article and surface form). Nodes are joined with a
union-find by blocking keys and by a few rules over the briefing's distinct forms, never by
comparing all pairs:

- inside an article: `Long Name (ABBR)`, "also known as", a surname or a company's first word
  after the full name;
- equal keys: one spelling ("U.S." = "US"), one country or US state ("Britain" = "UK", "Wis." =
  "Wisconsin"), one company without its legal form ("Acme Co." = "Acme"), "Department of X" =
  "X Department", a group's singular and plural;
- an acronym and the one expansion in the briefing it abbreviates ("NRC");
- persons by surname: compatible first names, spelling variants across outlets, a lone surname
  or a lone first name to the one person it can be;
- a name and its longer form when no other form competes: a leading country, place, acronym or
  capitalised common word ("Security Council" = "U.N. Security Council", "Olympics" = "Winter
  Olympics"), a trailing generic noun ("Heathrow" = "Heathrow Airport"), "X of Y" ("Commons" =
  "House of Commons"); a compass point to the one country named after it ("the North").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..words import knowledge
from ..model import Mention, ParsedArticle
from .names import (COMPASS_POINTS, abbreviates, acronym_words, compact, first_names_match, fold, group_stem, is_acronym,
                    name_parts, normalize, spelling_variants, spells)
from ..unionfind import UnionFind

Node = tuple[str, str]  # (article id, normalized form)
COARSE = {"PERSON": "person", "NORP": "group", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
PLACES = frozenset({"GPE", "LOC"})
THINGS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})  # named things, not people or places
SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"})
FUZZY_MIN = 88
ALSO_KNOWN_AS = frozenset({("also", "known", "as"), (",", "also", "known", "as"), ("known", "as"),
                           (",", "known", "as"), ("aka",), (",", "aka")})
ALIAS_LIST = frozenset({("or",), (",",), (",", "or"), ("and",)})  # "… also known as ISIS or ISIL"
# Words after a company's own name that its short form drops: "Acme Motors" -> "Acme".
CORPORATE_WORDS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group",
                             "holdings", "motors", "motor", "airlines", "airways", "bank", "technologies",
                             "systems", "industries", "pharmaceuticals", "media", "partners", "capital", "ag",
                             "sa", "nv", "gmbh", "energy", "petroleum", "oil", "telecom", "communications"})
# A company's legal form: "Acme Co." and "Acme Company" are "Acme" wherever they occur.
LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag", "sa",
                         "nv", "gmbh", "holdings"})
FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "&"})

_X_OF_Y = re.compile(r"\A([A-Z][\w'’-]+) of ([A-Z][\w'’-]+)")  # "Department of State"


def node_of(m: Mention) -> Node:
    return (m.article, normalize(m.text))


@dataclass
class View:
    """What the rules read: every node's label, the briefing's forms, its lower-case words."""

    labels: dict[Node, str]
    forms: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))  # casefolded form -> nodes
    form_label: dict[str, str] = field(default_factory=dict)  # casefolded form -> majority label
    lower_words: frozenset[str] = frozenset()

    def nodes(self, form: str) -> list[Node]:
        return self.forms.get(form.casefold(), [])


def cluster(parsed: list[ParsedArticle], ments: list[Mention],
            forced: Iterable[tuple[str, str]] = ()) -> dict[Node, Node]:
    """Node -> cluster root. `forced` pairs of forms are merged wherever they occur."""
    uf = UnionFind()
    by_article: dict[str, list[Mention]] = defaultdict(list)
    votes: dict[Node, Counter] = defaultdict(Counter)
    for m in ments:
        uf.find(node_of(m))
        by_article[m.article].append(m)
        votes[node_of(m)][m.label] += 1
    view = View({n: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for n, c in sorted(votes.items())})
    form_votes: dict[str, Counter] = defaultdict(Counter)
    for node, label in view.labels.items():
        view.forms[node[1].casefold()].append(node)
        form_votes[node[1].casefold()][label] += 1
    view.form_label = {f: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for f, c in form_votes.items()}
    view.lower_words = frozenset(t.text for pa in parsed for seg in pa.segments for t in seg.tokens
                                 if t.text.isalpha() and t.text.islower())
    counts = Counter(normalize(m.text) for m in ments)
    for pa in parsed:
        ms = by_article.get(pa.article.id, [])
        _link_text_aliases(pa, ms, uf)
        _link_short_forms(pa, ms, uf, counts)
    _link_keys(view, uf)
    _link_acronyms(view, uf)
    _link_persons(parsed, by_article, view, uf)
    _link_longer_forms(view, uf)
    _link_compass_points(view, uf)
    for a, b in forced:
        for x in view.nodes(normalize(a))[:1]:
            for y in view.nodes(normalize(b)):
                uf.union(x, y)
    return {n: uf.find(n) for n in view.labels}


# -- inside one article ----------------------------------------------------------------------
def _link_text_aliases(parsed: ParsedArticle, ments: list[Mention], uf: UnionFind) -> None:
    """`Long Name (ABBR)` and `X, also known as A or B` inside one article."""
    by_seg: dict[int, list[Mention]] = defaultdict(list)
    for m in ments:
        by_seg[m.segment].append(m)
    for si, ms in by_seg.items():
        toks = parsed.segments[si].tokens
        ms.sort(key=lambda m: m.tok_start)
        for a, b in zip(ms, ms[1:]):
            between = [t.text.lower() for t in toks[a.tok_end:b.tok_start]]
            if between == ["("] and b.tok_end < len(toks) and toks[b.tok_end].text == ")" and \
                    is_acronym(b.text) and abbreviates(b.text, a.text):
                uf.union(node_of(a), node_of(b))
        for n, a in enumerate(ms):
            chain = a
            for b in ms[n + 1:]:
                between = tuple(t.text.lower() for t in toks[chain.tok_end:b.tok_start])
                if between in ALSO_KNOWN_AS or (chain is not a and between in ALIAS_LIST):
                    uf.union(node_of(a), node_of(b))
                    chain = b
                else:
                    break


def _link_short_forms(parsed: ParsedArticle, ments: list[Mention], uf: UnionFind, counts: Counter) -> None:
    """In one article, "Smith" or "Mr Smith" is the "Julianne Smith" named before it (or, failing
    that, after), and "Acme" is "Acme Motors". The model often gives the short form another label;
    a place label is overruled only for a form seen once in the briefing that acts like a person:
    the subject of a verb, or followed by an age ("Okoro, 54, took over"); "visited Jordan" stays."""
    by_short = _short_form_index(ments)
    for m in ments:
        cands = by_short.get(name_parts(m.text)[0]) if _may_be_short_form(parsed, m, counts) else None
        if not cands or _two_people(cands) and counts.get(normalize(m.text) + "s"):  # the family is named too
            continue
        before = [c for c in cands if c.start < m.start]
        target = before[-1] if before else cands[0]
        uf.union(node_of(target), node_of(m))


def _short_form_index(ments: list[Mention]) -> dict[str, list[Mention]]:
    """Short form -> the article's mentions it may stand for: a person's surname, a company's
    first word before corporate words ("Acme" of "Acme Motors")."""
    by_short: dict[str, list[Mention]] = defaultdict(list)
    for m in ments:
        parts = name_parts(m.text)
        if m.label == "PERSON" and len(parts) >= 2:
            by_short[parts[-1]].append(m)
        words = m.text.split()
        if m.label == "ORG" and len(words) >= 2 and all(w.lower().strip(".,") in CORPORATE_WORDS
                                                          for w in words[1:]):
            by_short[fold(words[0]).lower()].append(m)
    return by_short


def _may_be_short_form(parsed: ParsedArticle, m: Mention, counts: Counter) -> bool:
    """One capitalised name word, not an acronym, of a label a surname may get; a place or group
    label only for a form seen once in the briefing that acts like a person."""
    if len(name_parts(m.text)) != 1 or not m.text[:1].isupper() or is_acronym(m.text) or m.label not in SURNAME_LABELS:
        return False
    return m.label not in PLACES | {"NORP"} or counts[normalize(m.text)] == 1 and _acts_like_a_person(parsed, m)


def _two_people(cands: list[Mention]) -> bool:
    """Full names with one surname whose first names cannot be one person: "Dan Keller" and
    "Fran Keller". A lone "Keller" beside them is neither (it may be the family)."""
    firsts = {name_parts(c.text)[0] for c in cands if c.label == "PERSON"}
    return any(not first_names_match(a, b) for a in firsts for b in firsts)


def _acts_like_a_person(parsed: ParsedArticle, m: Mention) -> bool:
    toks = parsed.segments[m.segment].tokens
    tok = toks[m.tok_end - 1]
    after = [t.text for t in toks[m.tok_end:m.tok_end + 3]]
    return tok.dep in ("nsubj", "nsubjpass") or (len(after) == 3 and after[0] == after[2] == ","
                                                  and after[1].isdigit())


# -- equal keys ------------------------------------------------------------------------------
def without_legal_form(form: str) -> str:
    """"Tokyo Electric Power Co." -> "Tokyo Electric Power"; a one-word name keeps its word."""
    words = form.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def keys(form: str, label: str, common: frozenset[str] = frozenset()) -> list[tuple]:
    """Blocking keys of a form: nodes that share one name one thing. `common` holds the words the
    briefing writes in lower case: a one-word name that is such a word ("Time", "Times") names a
    thing by that word, so its singular and plural are two names."""
    coarse = COARSE.get(label, label)
    if label in THINGS:
        form = without_legal_form(form)
    out: list[tuple] = [("key", coarse, compact(form))]
    if coarse == "group":
        out.append(("stem", group_stem(form)))
    if label in PLACES or is_acronym(form):  # "DPRK" may be labelled an organisation
        where = knowledge.place(form)
        if where:
            out.append(("place", where))
    if label in THINGS:
        content = [w for w in re.split(r"[\s\-]+", fold(form).lower()) if w and w not in FUNCTION_WORDS]
        stem = content[0].replace(".", "").rstrip("s") if len(content) == 1 else ""
        if stem and not {stem, stem + "s"} & common:  # "Olympic" and "Olympics"
            out.append(("thing", stem))
        if len(content) >= 2:  # word order and translations: "Laval University" = "Université Laval"
            out.append(("bag", tuple(sorted(re.sub(r"[^a-z0-9]", "", w)[:5] for w in content))))
    m = _X_OF_Y.fullmatch(form)  # "Department of State" = "State Department"
    if m and label in THINGS:
        out.append(("key", coarse, compact(f"{m.group(2)} {m.group(1)}")))
    return out


def _link_keys(view: View, uf: UnionFind) -> None:
    blocks: dict[tuple, list[Node]] = defaultdict(list)
    for node, label in sorted(view.labels.items()):
        for key in keys(node[1], label, view.lower_words):
            blocks[key].append(node)
    for members in blocks.values():
        for other in members[1:]:
            uf.union(members[0], other)


# -- acronyms --------------------------------------------------------------------------------
def _link_acronyms(view: View, uf: UnionFind) -> None:
    """An acronym and the one expansion in the briefing it abbreviates: "NRC" and "Nuclear
    Regulatory Commission", "DOB" and "Department of Buildings". Names whose initials spell it
    come first; only when none does, a name whose words' first letters or syllables spell it
    ("TEPCO", "USGS" of "U.S. Geological Survey"). With two candidate expansions ("Supreme Court",
    "Security Council" for "SC") neither is linked; two expansions are never linked to each other
    by their initials."""
    by_letter: dict[str, list[str]] = defaultdict(list)  # first letter -> expansions, never all pairs
    for form, label in view.form_label.items():
        original = view.forms[form][0][1]
        if label not in ("PERSON", "NORP") and not is_acronym(original) and len(acronym_words(original)) >= 2:
            by_letter[compact(original)[:1]].append(form)
    for form, label in view.form_label.items():
        original = view.forms[form][0][1]
        if not is_acronym(original) or label == "NORP":  # an acronym labelled PERSON is the model's slip
            continue
        for longest in (1, None):  # initials, then prefixes
            cands = {c for c in by_letter.get(compact(original)[:1], ()) if spells(original, view.forms[c][0][1], longest)}
            if cands:
                break
        if len({compact(without_legal_form(c)) for c in cands}) == 1:
            for cand in cands:
                uf.union(view.forms[form][0], view.forms[cand][0])


# -- persons ---------------------------------------------------------------------------------
def _link_persons(parsed: list[ParsedArticle], by_article: dict[str, list[Mention]], view: View,
                  uf: UnionFind) -> None:
    """Across articles: full names with one surname and compatible first names are one person,
    unless one article names both; surnames spelled two ways are one person; a lone surname,
    whatever its label, joins the one person with that surname, a lone first name the one person
    with that first name, and a surname beside two people their family's plural."""
    together = _named_side_by_side(by_article)
    people = _full_name_groups(view, together)
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


def _same_person(a: str, b: str, together: set[frozenset[str]]) -> bool:
    first, other = name_parts(a)[0], name_parts(b)[0]
    return first_names_match(first, other) and (first == other or frozenset((a, b)) not in together)


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
    """Words the briefing shows are no first name: "Ukrainian" (a nationality word), "Oculus" of
    "Oculus VR" (the first word of an organisation's name, whatever label its other forms get)."""
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
    people with that surname it joins their family's plural ("the Kellers"). A lone form that is
    also a place joins only where it acts like a person."""
    cands = people.candidates(name_parts(node[1])[0])
    family = view.nodes(node[1] + "s")
    if cands and len(cands) > 1 and family and view.labels[family[0]] == "PERSON":
        uf.union(family[0], node)  # "Keller" beside "Dan Keller" and "Fran Keller": "the Kellers"
        return
    if not cands or len(cands) != 1:
        return
    if label != "PERSON" and knowledge.is_place(node[1]) and not _acts_like_a_person(*mention_of[node]):
        return
    uf.union(next(iter(cands)), node)


def _join_spelling_variants(people: list[list[Node]], together: set[frozenset[str]]) -> None:
    """One person spelled two ways by two outlets ("Gregory Jaczko", "Gregory Jazcko"): same or
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


# -- a name and its longer forms -------------------------------------------------------------
def _link_longer_forms(view: View, uf: UnionFind) -> None:
    """A named thing and its longer form, when the longer form is the only one that fits:
    "Security Council" / "U.N. Security Council", "Olympics" / "Winter Olympics" (a leading
    place, acronym, known name or capitalised common word), "Heathrow" / "Heathrow Airport" (a
    trailing generic noun), "Commons" / "House of Commons". Places nest ("York", "New York"), so
    a form labelled a place is never the short form. Longer forms compete unless they already
    name one thing ("U.S. …" and "United States …"); the longest short forms go first, so chains
    ("Olympics", "Winter Olympics", "Pyeongchang Winter Olympics") join."""
    for short, longer in sorted(_extensions(view).items(), key=lambda kv: (-len(kv[0]), kv[0])):
        label = view.form_label[short]
        if label in PLACES or label in ("PERSON", "NORP") or knowledge.place(view.forms[short][0][1]):
            continue
        # "U.S. X" and "United States X" add one country: one candidate, not two
        if len({("place", where) if where else uf.find(view.forms[f][0]) for f, where in longer.items()}) == 1:
            for f in longer:
                uf.union(view.forms[short][0], view.forms[f][0])


def _extensions(view: View) -> dict[str, dict[str, str | None]]:
    """Short form -> {each named thing's longer form that may extend it: the place its prefix adds, if any}."""
    extensions: dict[str, dict[str, str | None]] = defaultdict(dict)
    for form, label in view.form_label.items():
        if label not in THINGS:
            continue
        words = without_legal_form(view.forms[form][0][1]).split()
        for k in range(1, len(words)):
            prefix, rest = words[:k], " ".join(words[k:])
            if rest.casefold() in view.form_label and _droppable_prefix(prefix, rest, view):
                extensions[rest.casefold()][form] = knowledge.place(" ".join(prefix))
            head, tail = " ".join(words[:k]), words[k:]
            if head.casefold() in view.form_label and all(w.lower().strip(".,") in view.lower_words for w in tail) \
                    and words[k - 1] not in ("of", "and"):
                extensions[head.casefold()][form] = None
        m = _X_OF_Y.fullmatch(" ".join(words))
        if m and m.group(1).lower() in view.lower_words and m.group(2).casefold() in view.form_label:
            extensions[m.group(2).casefold()][form] = None
    return extensions


def _droppable_prefix(prefix: list[str], rest: str, view: View) -> bool:
    text = " ".join(prefix)
    if not all(w[:1].isupper() for w in prefix) or text.casefold() in ("the",):
        return False
    if len(rest.split()) >= 2:
        return True
    if rest.lower() in view.lower_words:  # "House" after "White": a common word alone is no short form
        return False
    return bool(knowledge.is_place(text) or knowledge.demonym(text) or is_acronym(text) or
                text.casefold() in view.form_label or all(w.lower() in view.lower_words for w in prefix))


def _link_compass_points(view: View, uf: UnionFind) -> None:
    """"the North" and "the South" name the one country in the briefing named after them
    ("North Korea"); with two ("North Korea", "North Macedonia") neither. A US state is no such
    country: "the South" is a region, not "South Carolina"."""
    for point in COMPASS_POINTS:
        nodes = view.nodes(point)
        if not nodes:
            continue
        countries = {f for f, label in view.form_label.items() if label in PLACES and f.startswith(point.lower() + " ")
                     and len(f.split()) == 2
                     and (knowledge.place(view.forms[f][0][1]) or "").startswith("country:")}
        if len(countries) == 1:
            target = view.forms[next(iter(countries))][0]
            for n in nodes:
                uf.union(target, n)
