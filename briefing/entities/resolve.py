"""The entity stage: one Entity per real-world referent, with the editor's rules applied.

cluster.py decides which mentions name one thing; here each cluster becomes an Entity with a
canonical name, a voted label, aliases and descriptions, and the editor's rules (overrides.py
loads them) ignore, merge, split, rename, relabel and describe; `persons` names are a person's
mentions wherever they stand, before clustering.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from slugify import slugify

from .cluster import Clusters, cluster
from .describe import describe
from ..model import Description, Diagnostic, Entity, Mention, ParsedArticle
from .names import is_acronym, name_parts, normalize
from .nodes import majority
from .tokens import sentence_span
from ..reading.overrides import Phrases, Rules


def canonical_name(forms: Counter) -> str:
    """The fullest common form: not an acronym, a lone surname or an all-capitals dateline when a
    longer form exists."""
    def rank(item):
        form, count = item
        words = len(form.split())
        return (not is_acronym(form), words >= 2, not form.isupper(), count, len(form), form)

    name = max(forms.items(), key=rank)[0]
    return name.title() if name.isupper() and len(name.split()) >= 2 else name  # a dateline's capitals


def build_entities(parsed: list[ParsedArticle], ments: list[Mention], found: Clusters) -> list[Entity]:
    segments = {pa.article.id: pa.segments for pa in parsed}
    raws = {pa.article.id: pa.article.raw for pa in parsed}
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    clusters: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in ments:
        clusters[found.root(m)].append(m)
    entities = []
    for members in clusters.values():
        members.sort(key=lambda m: (order[m.article], m.start))
        forms = Counter(normalize(m.text) for m in members)
        # the label of the full names when there are any: "Acme Motors" says ORG, "Acme" may not
        # ("Le Tarvo" is a surname with its particle, not a full name)
        labels = Counter(m.label for m in members if len(name_parts(m.text)) > 1) or \
            Counter(m.label for m in members)
        label = majority(labels)
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
    used: set[tuple[str, str]] = set()  # (kind, rule) of every rule that matched something
    index = _RuleIndex(rules)
    kept = _without_ignored(_always_persons(parsed, ments, rules, used), index, used)
    forced = [(group[0], other) for group in rules.merge for other in group[1:]]
    found = cluster(parsed, kept, forced)
    present = {n[1].casefold() for n in found.roots}
    for group in rules.merge:
        if sum(_key(g) in present for g in group) >= 2:
            used.add(("merge", group[0]))
    _split_off(found, rules, used)
    out = []
    for e in build_entities(parsed, kept, found):
        names = {_key(e.name)} | {_key(a) for a in e.aliases}
        ignored = index.matching("ignore", names)
        used.update(("ignore", x) for x, _ in ignored)
        if not ignored:
            out.append(_edited(e, names, index, used))
    return assign_ids(out), _unused_rules(rules, used)


class _RuleIndex:
    """The rules that name an entity, looked up by each of its forms: the cost grows with the
    entities plus the rules, not their product."""

    KINDS = ("ignore", "rename", "relabel", "describe")

    def __init__(self, rules: Rules) -> None:
        self.by_key: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
        for kind in self.KINDS:
            table = getattr(rules, kind)
            items = table.items() if isinstance(table, dict) else ((x, x) for x in table)
            for n, (old, new) in enumerate(items):
                self.by_key[(kind, _key(old))].append((n, old, new))

    def matching(self, kind: str, names: set[str]) -> list[tuple[str, str]]:
        """(rule, value) of every `kind` rule naming one of the forms, in the file's order."""
        found = {hit for k in names for hit in self.by_key.get((kind, k), ())}
        return [(old, new) for _, old, new in sorted(found)]


def _without_ignored(ments: list[Mention], index: _RuleIndex, used: set[tuple[str, str]]) -> list[Mention]:
    """The mentions whose form no `ignore` rule names."""
    kept = []
    for m in ments:
        ignored = index.matching("ignore", {_key(m.text)})
        used.update(("ignore", x) for x, _ in ignored)
        if not ignored:
            kept.append(m)
    return kept


def _always_persons(parsed: list[ParsedArticle], ments: list[Mention], rules: Rules, used: set[tuple[str, str]]
                    ) -> list[Mention]:
    """The `persons` rules: a mention that is the name is a person's, and the name written where the
    model saw no entity (or a date: "June and his team") becomes one; a longer name holding it
    ("June Festival") is left as it is. The name is matched whole and with its capitals."""
    if not rules.persons:
        return ments
    names = Phrases(rules.persons, case=True)
    out, taken = [], defaultdict(list)  # (article, segment) -> token ranges of mentions
    for m in ments:
        name = names.rule(m.text)
        if name:
            used.add(("persons", name))
            m = dataclasses.replace(m, label="PERSON")
        out.append(m)
        taken[(m.article, m.segment)].append((m.tok_start, m.tok_end))
    for pa in parsed:
        for si, (seg, parsed_seg) in enumerate(zip(pa.article.segments, pa.segments)):
            found = names.found(pa.article.raw, seg.start, seg.end)
            starts = {t.start: t.i for t in parsed_seg.tokens} if found else {}
            ends = {t.end: t.i for t in parsed_seg.tokens} if found else {}
            for hit in found:
                s, e = starts.get(hit.start()), ends.get(hit.end())
                if s is None or e is None or any(a <= e and s < b for a, b in taken[(pa.article.id, si)]):
                    continue
                used.add(("persons", names.rule(hit)))
                taken[(pa.article.id, si)].append((s, e + 1))
                out.append(Mention(pa.article.id, si, s, e + 1, hit.start(), hit.end(), hit.group(), "PERSON",
                                   sentence_span(parsed_seg, s)))
    return sorted(out, key=lambda m: (m.article, m.start))


def _split_off(found: Clusters, rules: Rules, used: set[tuple[str, str]]) -> None:
    """A form a `split` rule names becomes an entity of its own."""
    split = {_key(x): x for x in rules.split}
    for node in found.roots:
        k = node[1].casefold()
        if k in split:
            found.split.add(node)
            used.add(("split", split[k]))


def _edited(e: Entity, names: set[str], index: _RuleIndex, used: set[tuple[str, str]]) -> Entity:
    """The entity with the `rename`, `relabel` and `describe` rules that name one of its forms."""
    name, label, descs = e.name, e.label, e.descriptions
    for old, new in index.matching("rename", names):
        name = new
        used.add(("rename", old))
    for old, new in index.matching("relabel", names):
        label = new
        used.add(("relabel", old))
    for old, text in index.matching("describe", names | {_key(name)}):
        descs = (Description(text, "", ""),) + descs
        used.add(("describe", old))
    return Entity(e.id, name, label, e.aliases, tuple(_relabelled(e.mentions, label)), descs)


def _unused_rules(rules: Rules, used: set[tuple[str, str]]) -> list[Diagnostic]:
    """A warning for each rule that matched nothing."""
    problems = []
    for kind, items in (("ignore", rules.ignore), ("merge", [g[0] for g in rules.merge]), ("split", rules.split),
                        ("rename", rules.rename), ("relabel", rules.relabel), ("describe", rules.describe),
                        ("persons", rules.persons)):
        for item in items:
            if (kind, item) not in used:
                problems.append(Diagnostic("warning", rules.origin(kind, item),
                                           f"{kind} rule `{item}` matches nothing in this briefing; update or remove it"))
    return problems


def _relabelled(mentions: tuple[Mention, ...], label: str) -> list[Mention]:
    return [m if m.label == label else dataclasses.replace(m, label=label) for m in mentions]
