"""Which mentions name one real-world thing: the clustering half of the entity stage.

Mentions are grouped into nodes (one per article and surface form). Nodes are joined with a
union-find by blocking keys and by a few rules over the briefing's distinct forms, never by
comparing all pairs:

- inside an article: `Long Name (ABBR)`, "also known as", a surname or a company's first word
  after the full name;
- equal keys: one spelling ("U.S." = "US"), one country or US state ("Britain" = "UK", "Wis." =
  "Wisconsin"), one company without its legal form ("Acme Co." = "Acme") or with its words
  abbreviated ("Assn."), a name after a country written either way ("U.S. X" = "United States
  X"), "Department of X" = "X Department", a group's singular and plural ("Danish" = "Danes");
- names of one kind alike but for one letter in one word ("Tarvo Valleys", "Acme Holdin");
- an acronym and the one expansion in the briefing it abbreviates ("MSC");
- persons by surname (persons.py): compatible first names, nicknames described alike, spelling
  variants across outlets, a lone surname (misspelled or clipped too) or a lone first name to the
  one person it can be; a surname two people of an article share, mention by mention
  (surnames.py);
- a name and its longer form when no other form competes: a leading country, place, acronym or
  capitalised common word ("Security Council" = "U.N. Security Council", "Olympics" = "Winter
  Olympics"; a word also written in lower case only after its maker's name, itself named alone:
  "Rook" = "Kessel Rook"), a trailing generic noun or head of names ("Heathrow" = "Heathrow Airport", "Elm" =
  "Elm Street"), a product's model ("Velox" = "Velox V8"), "X of Y" ("Commons" = "House of
  Commons"); a compass point to the one country named after it ("the North"); a place to its
  county ("Harlan" = "Harlan County"); a name in a list sharing a plural head, at that mention, to
  the name with the head ("Arlow and Dunmore counties": "Dunmore County", features.py);
- a feature named "N of P" to its own name N ("Upper Peninsula of Arlow" = "Upper Peninsula"),
  and "P island" to the one "... Island of P" the briefing names (features.py);
- a flight's forms with one number ("Flight 220" = "QX220": vehicles.py).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from ..words import knowledge
from ..model import Mention, ParsedArticle
from ..unionfind import UnionFind
from . import features, labels, vehicles
from .tokens import is_common_word, lower_words
from .names import (COMPASS_POINTS, abbreviates, acronym_words, compact, fold, group_stem, is_acronym, name_parts,
                    normalize, spells, thing_name, without_legal_form)
from .nodes import (COARSE, FUNCTION_WORDS, PLACES, SURNAME_LABELS, THINGS, Node, View, acts_like_a_person,
                    majority, node_of)
from .persons import link_persons
from .surnames import attribute, people_of

ALSO_KNOWN_AS = frozenset({("also", "known", "as"), (",", "also", "known", "as"), ("known", "as"),
                           (",", "known", "as"), ("aka",), (",", "aka")})
ALIAS_LIST = frozenset({("or",), (",",), (",", "or"), ("and",)})  # "… also known as ISIS or ISIL"
# Words after a company's own name that its short form drops: "Acme Motors" -> "Acme".
CORPORATE_WORDS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group",
                             "holdings", "motors", "motor", "airlines", "airways", "bank", "technologies",
                             "systems", "industries", "pharmaceuticals", "media", "partners", "capital", "ag",
                             "sa", "nv", "gmbh", "energy", "petroleum", "oil", "telecom", "communications"})
_X_OF_Y = re.compile(r"\A([A-Z][\w'’-]+) of ([A-Z][\w'’-]+)")  # "Department of State"


@dataclass
class Clusters:
    """Which mentions name one thing: a root per node; a bare surname two people of its article
    share, mention by mention, to the person it names (surnames.py); nodes an editor split off."""

    roots: dict[Node, Node]
    assigned: dict[tuple[str, int], Node] = field(default_factory=dict)  # (article, start) -> a person's node
    split: set[Node] = field(default_factory=set)

    def root(self, m: Mention) -> Node:
        node = node_of(m)
        if node in self.split:
            return ("", node[1])
        return self.roots[self.assigned.get((m.article, m.start), node)]


def cluster(parsed: list[ParsedArticle], ments: list[Mention], forced: Iterable[tuple[str, str]] = ()) -> Clusters:
    """Mentions into clusters. `forced` pairs of forms are merged wherever they occur."""
    uf = UnionFind()
    assigned: dict[tuple[str, int], Node] = {}
    attached: set[Node] = set()  # short forms given, in their article, to a person named there
    by_article: dict[str, list[Mention]] = defaultdict(list)
    votes: dict[Node, Counter] = defaultdict(Counter)
    for m in ments:
        uf.find(node_of(m))
        by_article[m.article].append(m)
        votes[node_of(m)][m.label] += 1
    view = View({n: majority(c) for n, c in sorted(votes.items())})
    form_votes: dict[str, Counter] = defaultdict(Counter)
    for node, label in view.labels.items():
        view.forms[node[1].casefold()].append(node)
        form_votes[node[1].casefold()][label] += 1
    view.form_label = {f: majority(c) for f, c in form_votes.items()}
    view.lower_words = lower_words(parsed)
    counts = Counter(normalize(m.text) for m in ments)
    for pa in parsed:
        ms = by_article.get(pa.article.id, [])
        _link_text_aliases(pa, ms, uf)
        _link_short_forms(pa, ms, uf, counts, assigned, attached)
        features.assign_shared_heads(pa, ms, view, assigned)
    _link_keys(view, uf, attached)
    _link_acronyms(view, uf)
    link_persons(parsed, by_article, view, uf)
    _link_longer_forms(view, uf)
    _link_misspelled_words(view, uf)
    _link_compass_points(view, uf)
    _link_counties(view, uf)
    features.link_features(view, uf)
    for a, b in forced:
        for x in view.nodes(normalize(a))[:1]:
            for y in view.nodes(normalize(b)):
                uf.union(x, y)
    return Clusters({n: uf.find(n) for n in view.labels}, assigned)


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


def _link_short_forms(parsed: ParsedArticle, ments: list[Mention], uf: UnionFind, counts: Counter,
                      assigned: dict[tuple[str, int], Node], attached: set[Node]) -> None:
    """In one article, "Smith" or "Mr Smith" is the "Julianne Smith" named before it (or, failing
    that, after), and "Acme" is "Acme Motors". The model often gives the short form another label;
    a place label is overruled only for a form seen once in the briefing that acts like a person:
    the subject of a verb, or followed by an age ("Okoro, 54, took over"); "visited Jordan" stays.
    A surname two people of the article share goes, mention by mention, to the one it names
    (surnames.py); with their family named too ("the Ostranders"), to neither."""
    by_short = _short_form_index(ments)
    for m in ments:
        cands = by_short.get(name_parts(m.text)[0]) if _may_be_short_form(parsed, m, counts) else None
        if not cands:
            continue
        people = people_of([c for c in cands if c.label == "PERSON"])
        if len(people) >= 2:  # full names with one surname that cannot be one person: "Dan Ostrander", "Fran Ostrander"
            if not counts.get(normalize(m.text) + "s"):
                named = people[attribute(m, people, ments).person]
                assigned[(m.article, m.start)] = node_of(_nearest(named, m))
                attached.add(node_of(m))
            continue
        target = _nearest(cands, m)
        uf.union(node_of(target), node_of(m))
        if target.label == "PERSON":
            attached.add(node_of(m))


def _nearest(cands: list[Mention], m: Mention) -> Mention:
    """The candidate named last before `m`, else the first after it."""
    before = [c for c in cands if c.start < m.start]
    return before[-1] if before else cands[0]


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
    return m.label not in PLACES | {"NORP"} or counts[normalize(m.text)] == 1 and acts_like_a_person(parsed, m)


# -- equal keys ------------------------------------------------------------------------------
def keys(form: str, label: str, common: frozenset[str] = frozenset()) -> list[tuple]:
    """Blocking keys of a form: nodes that share one name one thing. `common` holds the words the
    briefing writes in lower case: a one-word name that is such a word ("Time", "Times") names a
    thing by that word, so its singular and plural are two names."""
    coarse = COARSE.get(label, label)
    if label in THINGS:
        form = thing_name(form)
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
        if len(content) >= 2:  # word order and translations: "Arlow University" = "Université Arlow"
            out.append(("bag", tuple(sorted(re.sub(r"[^a-z0-9]", "", w)[:5] for w in content))))
        out += _place_prefix_keys(form)
    if label == vehicles.LABEL and (number := vehicles.number(form)):
        out.append(("flight", number))  # "Aerolta Airways Flight 220" = "Flight 220" = "QX220"
    m = _X_OF_Y.fullmatch(form)  # "Department of State" = "State Department"
    if m and label in THINGS:
        out.append(("key", coarse, compact(f"{m.group(2)} {m.group(1)}")))
    return out


def _place_prefix_keys(form: str) -> list[tuple]:
    """"U.S. Geological Survey" = "United States Geological Survey": a name that starts with a
    country or US state, keyed by that place (knowledge.py) and the rest of the name."""
    words = form.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        where = knowledge.place(" ".join(words[:k]))
        if where:
            return [("at", where, compact(" ".join(words[k:])))]
    return []


def _link_keys(view: View, uf: UnionFind, attached: set[Node]) -> None:
    """Nodes with a key in common are one; a short form its article gave to a person is that
    person's already ("Calder" of Owen Calder in one article, of Ruth Calder in another)."""
    blocks: dict[tuple, list[Node]] = defaultdict(list)
    for node, label in sorted(view.labels.items()):
        for key in keys(node[1], label, view.lower_words):
            if not (node in attached and key[:2] == ("key", "person")):
                blocks[key].append(node)
    for key, members in blocks.items():
        if key[0] == "flight" and not any(vehicles.names_flight(node[1]) for node in members):
            continue  # bare codes of one number ("QX25", "RT25") may be two models: one only with its flight
        for other in members[1:]:
            uf.union(members[0], other)


# -- acronyms --------------------------------------------------------------------------------
def _link_acronyms(view: View, uf: UnionFind) -> None:
    """An acronym and the one expansion in the briefing it abbreviates: "MSC" and "Marine
    Safety Commission", "DOH" and "Department of Harbours". Names whose initials spell it
    come first; only when none does, a name whose words' first letters or syllables spell it
    ("VEPCO", "USGS" of "U.S. Geological Survey"). With two candidate expansions ("Supreme Court",
    "Security Council" for "SC") neither is linked; two expansions are never linked to each other
    by their initials. An acronym that is itself a country or US state ("D.C.", "UK") is that place
    (the place keys join its other names), never another name's initials ("Dover County")."""
    by_letter: dict[str, list[str]] = defaultdict(list)  # first letter -> expansions, never all pairs
    for form, label in view.form_label.items():
        original = view.forms[form][0][1]
        if label not in ("PERSON", "NORP") and not is_acronym(original) and len(acronym_words(original)) >= 2:
            by_letter[compact(original)[:1]].append(form)
    for form, label in view.form_label.items():
        original = view.forms[form][0][1]
        # (an acronym labelled PERSON is the model's slip, and is kept)
        if not is_acronym(original) or label == "NORP" or knowledge.place(original):
            continue
        for longest in (1, None):  # initials, then prefixes
            cands = {c for c in by_letter.get(compact(original)[:1], ()) if spells(original, view.forms[c][0][1], longest)}
            if cands:
                break
        if len({compact(thing_name(c)) for c in cands}) == 1:
            for cand in cands:
                uf.union(view.forms[form][0], view.forms[cand][0])


# -- a name and its longer forms -------------------------------------------------------------
def _link_longer_forms(view: View, uf: UnionFind) -> None:
    """A named thing and its longer form, when the longer form is the only one that fits:
    "Security Council" / "U.N. Security Council", "Olympics" / "Winter Olympics" (a leading
    place, acronym, known name or capitalised common word), "Heathrow" / "Heathrow Airport" (a
    trailing generic noun), "Commons" / "House of Commons". Places nest ("York", "New York"), so
    a form labelled a place is never the short form. Longer forms compete unless they already
    name one thing ("U.S. …" and "United States …"); the longest short forms go first, so chains
    ("Olympics", "Winter Olympics", "Tarvo Winter Olympics") join."""
    for short, longer in sorted(_extensions(view).items(), key=lambda kv: (-len(kv[0]), kv[0])):
        label = view.form_label[short]
        if label in PLACES or label in ("PERSON", "NORP") or knowledge.place(view.forms[short][0][1]):
            continue
        if label == "ORG":  # a maker's name is no short form of its products': "Brask Rackets", not "Brask Spin"
            longer = {f: where for f, where in longer.items() if view.form_label[f] != "PRODUCT"} or longer
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
            if head.casefold() in view.form_label and all(_generic(w, view) for w in tail) \
                    and words[k - 1] not in ("of", "and") or \
                    label == view.form_label.get(head.casefold()) and vehicles.a_model(label, tail):
                extensions[head.casefold()][form] = None
        m = _X_OF_Y.fullmatch(" ".join(words))
        if m and m.group(1).lower() in view.lower_words and m.group(2).casefold() in view.form_label:
            extensions[m.group(2).casefold()][form] = None
    return extensions


# Head nouns that end names of things ("Elm Street", "Tarvo University"): generic even where the
# briefing writes them only in a name or in the plural ("Tarvo and Elm universities").
# Not the heads of things named after another, their founder or parent: "Acme Foundation" is not Acme.
GENERIC_HEADS = (labels.FACILITY_HEADS | labels.ORGANISATION_HEADS | labels.LOCATION_HEADS |
                 labels.SETTLEMENT_HEADS) - {"foundation", "fund"}


def _generic(word: str, view: View) -> bool:
    """A common noun: in lower case somewhere in the briefing, in the singular or the plural, or
    a head noun of names."""
    w = word.lower().strip(".,")
    return w in GENERIC_HEADS or is_common_word(w, view.lower_words)


def _droppable_prefix(prefix: list[str], rest: str, view: View) -> bool:
    text = " ".join(prefix)
    if not all(w[:1].isupper() for w in prefix) or text.casefold() in ("the",):
        return False
    if len(rest.split()) >= 2:
        return True
    if rest.lower() in view.lower_words:  # "House" after "White": a common word alone is no short form,
        # but a thing's own name after its maker's ("Rook" of "Kessel Rook", Kessel named alone too),
        # never a head word of names ("Party" of "Labor Party")
        return text.casefold() in view.form_label and rest.lower() not in labels.NOT_PERSON_HEADS
    return bool(knowledge.is_place(text) or knowledge.demonym(text) or is_acronym(text) or
                text.casefold() in view.form_label or all(w.lower() in view.lower_words for w in prefix))


def _link_misspelled_words(view: View, uf: UnionFind) -> None:
    """Names of two or more words, of one kind, alike but for one letter in one word of four
    letters or more, added, dropped or changed: a slip or a variant of one outlet ("Tarvo Valleys",
    "Ostria peninsula" and "Ostrian peninsula", "Acme Holding" and "Acme Holdin"). Never words
    with digits ("Gate 3", "Gate 4") nor people (persons.py compares their names). Blocked by the
    name without the word, so never over all pairs."""
    blocks: dict[tuple, list[tuple[str, Node]]] = defaultdict(list)
    for form, label in sorted(view.form_label.items()):
        words = form.split()
        if label == "PERSON" or len(words) < 2 or label not in COARSE and label not in THINGS:
            continue
        kind = COARSE.get(label, "thing")
        for k, word in enumerate(words):
            if len(word) >= 4 and word.isalpha():
                blocks[(kind, tuple(words[:k]), tuple(words[k + 1:]))].append((word, view.forms[form][0]))
    for members in blocks.values():
        for n, (a, x) in enumerate(members):
            for b, y in members[n + 1:]:
                if a[0] == b[0] and Levenshtein.distance(a, b) == 1:
                    uf.union(x, y)


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


ADMIN_HEADS = frozenset({"county", "township", "parish", "borough"})  # "Arlow County", then "Arlow"


def _link_counties(view: View, uf: UnionFind) -> None:
    """A place named alone and as "X County" (township, parish, borough) is the county, when no
    other place of the briefing starts with that name and the name is no country or US state."""
    for form, label in view.form_label.items():
        words = form.split()
        if len(words) != 2 or words[1] not in ADMIN_HEADS or label not in PLACES | {"FAC"}:
            continue
        short = words[0]
        if view.form_label.get(short) not in PLACES or knowledge.place(view.forms[short][0][1]):
            continue
        if sum(f.startswith(short + " ") and l in PLACES for f, l in view.form_label.items()) == 1:
            uf.union(view.forms[form][0], view.forms[short][0])
