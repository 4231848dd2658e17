"""Cross-source entity resolution: one Entity per real-world referent.

Mentions are grouped into nodes (one per article and surface form), nodes are joined with a
union-find over blocking keys (never all pairs), and each cluster becomes an Entity with a
canonical name, a voted label, aliases and descriptions.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz
from slugify import slugify

from .describe import describe
from .names import compact, first_names_match, fold, group_stem, initials, is_acronym, name_parts, normalize
from .model import Description, Diagnostic, Entity, Mention, ParsedArticle
from .overrides import Rules
from .unionfind import UnionFind

COARSE = {"PERSON": "person", "NORP": "group", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
FUZZY_MIN = 88
ALSO_KNOWN_AS = frozenset({("also", "known", "as"), (",", "also", "known", "as"), ("known", "as"),
                           (",", "known", "as"), ("aka",), (",", "aka")})
ALIAS_LIST = frozenset({("or",), (",",), (",", "or"), ("and",)})  # "… also known as ISIS or ISIL"
# Words after a company's own name that its short form drops: "Acme Motors" -> "Acme".
CORPORATE_WORDS = frozenset({"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group",
                             "holdings", "motors", "motor", "airlines", "airways", "bank", "technologies",
                             "systems", "industries", "pharmaceuticals", "media", "partners", "capital", "ag",
                             "sa", "nv", "gmbh", "energy", "petroleum", "oil", "telecom", "communications"})


Node = tuple[str, str]  # (article id, normalized form)


def _node(m: Mention) -> Node:
    return (m.article, normalize(m.text))


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
                    is_acronym(b.text):
                uf.union(_node(a), _node(b))
        for n, a in enumerate(ms):
            chain = a
            for b in ms[n + 1:]:
                between = tuple(t.text.lower() for t in toks[chain.tok_end:b.tok_start])
                if between in ALSO_KNOWN_AS or (chain is not a and between in ALIAS_LIST):
                    uf.union(_node(a), _node(b))
                    chain = b
                else:
                    break


def _link_short_forms(parsed: ParsedArticle, ments: list[Mention], uf: UnionFind, briefing_counts: Counter) -> None:
    """In one article, "Smith" is the "Julianne Smith" named before it (or, failing that, after),
    and "Acme" is "Acme Motors". The model often gives the short form another label; a place
    label is overruled only for a form seen once in the briefing that acts like a person: the
    subject of a verb, or followed by an age ("Okoro, 54, took over"); "visited Jordan" stays."""
    by_short: dict[str, list[Mention]] = defaultdict(list)
    for m in ments:
        parts = name_parts(m.text)
        if m.label == "PERSON" and len(parts) >= 2:
            by_short[parts[-1]].append(m)
        words = m.text.split()
        if m.label == "ORG" and len(words) >= 2 and all(w.lower().strip(".,") in CORPORATE_WORDS
                                                          for w in words[1:]):
            by_short[fold(words[0]).lower()].append(m)
    for m in ments:
        parts = name_parts(m.text)
        if len(parts) != 1 or not m.text[:1].isupper():
            continue
        if m.label not in ("PERSON", "ORG") and not (m.label in ("GPE", "LOC", "NORP") and
                                                     briefing_counts[normalize(m.text)] == 1 and
                                                     _acts_like_a_person(parsed, m)):
            continue
        cands = by_short.get(parts[0])
        if not cands:
            continue
        before = [c for c in cands if c.start < m.start]
        target = before[-1] if before else cands[0]
        uf.union(_node(target), _node(m))


def _acts_like_a_person(parsed: ParsedArticle, m: Mention) -> bool:
    toks = parsed.segments[m.segment].tokens
    tok = toks[m.tok_end - 1]
    after = [t.text for t in toks[m.tok_end:m.tok_end + 3]]
    return tok.dep in ("nsubj", "nsubjpass") or (len(after) == 3 and after[0] == after[2] == ","
                                                  and after[1].isdigit())


def cluster(parsed: list[ParsedArticle], ments: list[Mention],
            forced: Iterable[tuple[str, str]] = ()) -> dict[Node, Node]:
    """Node -> cluster root. `forced` pairs of forms are merged wherever they occur."""
    uf = UnionFind()
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in ments:
        uf.find(_node(m))
        by_article[m.article].append(m)
    briefing_counts = Counter(normalize(m.text) for m in ments)
    for pa in parsed:
        ms = by_article.get(pa.article.id, [])
        _link_text_aliases(pa, ms, uf)
        _link_short_forms(pa, ms, uf, briefing_counts)

    labels: dict[Node, Counter] = defaultdict(Counter)
    for m in ments:
        labels[_node(m)][m.label] += 1
    node_label = {n: c.most_common(1)[0][0] for n, c in sorted(labels.items())}
    blocks: dict[tuple, list[Node]] = defaultdict(list)
    persons_by_surname: dict[str, list[Node]] = defaultdict(list)
    for node, label in sorted(node_label.items()):
        form = node[1]
        coarse = COARSE.get(label, label)
        blocks[("key", coarse, compact(form))].append(node)
        if coarse == "group":
            blocks[("stem", group_stem(form))].append(node)
        if is_acronym(form):
            blocks[("initials", coarse, compact(form))].append(node)
        elif len(form.split()) >= 2 and coarse != "person":
            blocks[("initials", coarse, initials(form))].append(node)
        if coarse == "person":
            parts = name_parts(form)
            if parts:
                persons_by_surname[parts[-1]].append(node)
    for members in blocks.values():
        for other in members[1:]:
            uf.union(members[0], other)
    _link_persons(persons_by_surname, uf)
    forms_to_nodes: dict[str, list[Node]] = defaultdict(list)
    for node in node_label:
        forms_to_nodes[node[1].casefold()].append(node)
    for a, b in forced:
        na, nb = forms_to_nodes.get(normalize(a).casefold(), []), forms_to_nodes.get(normalize(b).casefold(), [])
        for x in na[:1]:
            for y in nb:
                uf.union(x, y)
    return {n: uf.find(n) for n in node_label}


def _link_persons(by_surname: dict[str, list[Node]], uf: UnionFind) -> None:
    """Across articles: same surname and compatible first names; a lone surname joins the one
    full name it can belong to. Spelling variants are matched by fuzzy ratio within a block."""
    for surname, nodes in sorted(by_surname.items()):
        full = [n for n in nodes if len(name_parts(n[1])) >= 2]
        lone = [n for n in nodes if len(name_parts(n[1])) == 1]
        groups: list[list[Node]] = []  # one per distinct first name; compared with its first member
        for n in full:
            first = name_parts(n[1])[0]
            for g in groups:
                if first_names_match(first, name_parts(g[0][1])[0]):
                    g.append(n)
                    break
            else:
                groups.append([n])
        for g in groups:
            for n in g[1:]:
                uf.union(g[0], n)
        if len({uf.find(g[0]) for g in groups}) == 1:
            for n in lone:
                uf.union(groups[0][0], n)
        elif not groups:
            for n in lone[1:]:
                uf.union(lone[0], n)
        # with two different full names, a lone surname stays with what its own article linked it to
    # spelling variants: block on the first three letters of the surname
    prefix_blocks: dict[str, list[tuple[str, Node]]] = defaultdict(list)
    for surname, nodes in by_surname.items():
        for n in nodes:
            if len(name_parts(n[1])) >= 2:
                prefix_blocks[surname[:3]].append((surname, n))
    for items in prefix_blocks.values():
        items.sort()
        for i, (sa, a) in enumerate(items):
            for sb, b in items[i + 1:i + 20]:
                if sa != sb and fuzz.ratio(" ".join(name_parts(a[1])), " ".join(name_parts(b[1]))) >= FUZZY_MIN \
                        and first_names_match(name_parts(a[1])[0], name_parts(b[1])[0]):
                    uf.union(a, b)


def canonical_name(forms: Counter) -> str:
    """The fullest common form: not an acronym, a lone surname or an all-capitals dateline when a
    longer form exists."""
    def rank(item):
        form, count = item
        words = len(form.split())
        return (not is_acronym(form), words >= 2, not form.isupper(), count, len(form), form)

    name = max(forms.items(), key=rank)[0]
    return name.title() if name.isupper() and len(name.split()) >= 2 else name  # a dateline's capitals


def build_entities(parsed: list[ParsedArticle], ments: list[Mention], roots: dict[Node, Node]) -> list[Entity]:
    segments = {pa.article.id: pa.segments for pa in parsed}
    raws = {pa.article.id: pa.article.raw for pa in parsed}
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    clusters: dict[Node, list[Mention]] = defaultdict(list)
    for m in ments:
        clusters[roots[_node(m)]].append(m)
    entities = []
    for members in clusters.values():
        members.sort(key=lambda m: (order[m.article], m.start))
        forms = Counter(normalize(m.text) for m in members)
        # the label of the full names when there are any: "Acme Motors" says ORG, "Acme" may not
        labels = Counter(m.label for m in members if len(m.text.split()) > 1) or Counter(m.label for m in members)
        label = max(labels.items(), key=lambda kv: (kv[1], kv[0]))[0]
        descs: list[Description] = []
        seen_articles: set[str] = set()
        for m in members:
            if m.article in seen_articles:
                continue
            seg = segments[m.article][m.segment]
            text = describe(seg, m)
            if text:
                sent = raws[m.article][m.sentence[0]:m.sentence[1]]
                if all(d.text.casefold() != text.casefold() for d in descs):
                    descs.append(Description(text, m.article, sent))
                seen_articles.add(m.article)
        aliases = tuple(sorted({m.text for m in members}, key=lambda f: (-forms[normalize(f)], f)))
        entities.append(Entity("", canonical_name(forms), label, aliases, tuple(members), tuple(descs)))
    return assign_ids(entities)


def assign_ids(entities: list[Entity]) -> list[Entity]:
    entities = sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.label))
    used: set[str] = set()
    out = []
    for e in entities:
        base = slugify(e.name) or "entity"
        slug, n = base, 2
        while slug in used or slug in RESERVED_IDS:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(Entity(slug, e.name, e.label, e.aliases, e.mentions, e.descriptions))
    return out


RESERVED_IDS = frozenset({"glossary", "legend", "facts", "sources", "coverage", "entities"})


def _key(text: str) -> str:
    return normalize(text).casefold()


def resolve(parsed: list[ParsedArticle], ments: list[Mention], rules: Rules = Rules()
            ) -> tuple[list[Entity], list[Diagnostic]]:
    """The entity stage: mentions -> one Entity per real-world referent, with the editor's rules
    applied; a rule that matches nothing becomes a warning."""
    used: set[tuple[str, str]] = set()
    ignore = {_key(x): x for x in rules.ignore}
    kept = []
    for m in ments:
        k = _key(m.text)
        if k in ignore:
            used.add(("ignore", ignore[k]))
        else:
            kept.append(m)
    forced = [(group[0], other) for group in rules.merge for other in group[1:]]
    roots = cluster(parsed, kept, forced)
    present = {n[1].casefold() for n in roots}
    for group in rules.merge:
        if sum(_key(g) in present for g in group) >= 2:
            used.add(("merge", group[0]))
    split = {_key(x): x for x in rules.split}
    for node in roots:
        k = node[1].casefold()
        if k in split:
            roots[node] = ("", node[1])
            used.add(("split", split[k]))
    entities = build_entities(parsed, kept, roots)
    out = []
    for e in entities:
        names = {_key(e.name)} | {_key(a) for a in e.aliases}
        if any(_key(x) in names for x in ignore.values()):
            used.update(("ignore", x) for x in ignore.values() if _key(x) in names)
            continue
        name, label, descs = e.name, e.label, e.descriptions
        for old, new in rules.rename.items():
            if _key(old) in names:
                name = new
                used.add(("rename", old))
        for old, new in rules.relabel.items():
            if _key(old) in names:
                label = new
                used.add(("relabel", old))
        for old, text in rules.describe.items():
            if _key(old) in names | {_key(name)}:
                descs = (Description(text, "", ""),) + descs
                used.add(("describe", old))
        out.append(Entity(e.id, name, label, e.aliases, tuple(_relabelled(e.mentions, label)), descs))
    out = assign_ids(out)
    problems = []
    for kind, items in (("ignore", rules.ignore), ("merge", [g[0] for g in rules.merge]), ("split", rules.split),
                        ("rename", rules.rename), ("relabel", rules.relabel), ("describe", rules.describe)):
        for item in items:
            if (kind, item) not in used:
                problems.append(Diagnostic("warning", rules.origin(kind, item),
                                           f"{kind} rule `{item}` matches nothing in this briefing; update or remove it"))
    return out, problems


def _relabelled(mentions: tuple[Mention, ...], label: str) -> list[Mention]:
    return [m if m.label == label else dataclasses.replace(m, label=label) for m in mentions]
