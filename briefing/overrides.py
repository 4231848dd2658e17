"""Editorial overrides: a versioned YAML file an editor keeps beside mkdocs.yml.

    version: 1
    ignore: [Arrival]                      # surface forms or entity names that are not entities
    merge: [[ISIS, Daesh]]                 # forms that name one entity
    split: [Assad]                         # a surface form that is an entity of its own
    rename: {John F. Kerry: John Kerry}    # entity (by any alias) -> name shown
    relabel: {Tartus: GPE}                 # entity (by any alias) -> spaCy label
    describe: {John Kerry: U.S. Secretary of State}

Every rule that matches nothing in the build is reported, never silently dropped.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import resolve
from .names import normalize
from .model import Description, Diagnostic, Entity, Mention, ParsedArticle

VERSION = 1
LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")


@dataclass(frozen=True)
class Rules:
    file: str = ""
    ignore: tuple[str, ...] = ()
    merge: tuple[tuple[str, ...], ...] = ()
    split: tuple[str, ...] = ()
    rename: dict[str, str] = field(default_factory=dict)
    relabel: dict[str, str] = field(default_factory=dict)
    describe: dict[str, str] = field(default_factory=dict)


def load(path: Path, label: str) -> tuple[Rules, list[Diagnostic]]:
    if not path.exists():
        return Rules(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return Rules(), [Diagnostic("error", label, f"overrides not applied: cannot read it as YAML ({exc})")]
    problems: list[Diagnostic] = []
    if not isinstance(data, dict):
        return Rules(), [Diagnostic("error", label, "overrides not applied: expected `key: value` lines")]
    if data.get("version", VERSION) != VERSION:
        problems.append(Diagnostic("error", label, f"overrides not applied: version {data.get('version')!r} "
                                                   f"is not supported (this tool reads version {VERSION})"))
        return Rules(), problems
    known = {"version", "ignore", "merge", "split", "rename", "relabel", "describe"}
    for key in sorted(set(map(str, data)) - known):
        problems.append(Diagnostic("error", label, f"unknown key `{key}`; known: {', '.join(sorted(known))}"))

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            problems.append(Diagnostic("error", label, f"`{key}` must be a list of names"))
            return ()
        return tuple(str(v) for v in value)

    def mapping(key: str) -> dict[str, str]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, (str, int)) for v in value.values()):
            problems.append(Diagnostic("error", label, f"`{key}` must map names to text"))
            return {}
        return {str(k): str(v) for k, v in value.items()}

    merge = []
    for group in data.get("merge") or []:
        if isinstance(group, list) and len(group) >= 2 and all(isinstance(g, str) for g in group):
            merge.append(tuple(group))
        else:
            problems.append(Diagnostic("error", label, f"`merge` entries are lists of two or more names: {group!r}"))
    relabel = mapping("relabel")
    for name, lab in list(relabel.items()):
        if lab not in LABELS:
            problems.append(Diagnostic("error", label, f"relabel `{name}`: unknown label {lab!r}; use one of "
                                                       f"{', '.join(LABELS)}"))
            del relabel[name]
    return Rules(label, strings("ignore"), tuple(merge), strings("split"), mapping("rename"), relabel,
                 mapping("describe")), problems


def _key(text: str) -> str:
    return normalize(text).casefold()


def apply(rules: Rules, parsed: list[ParsedArticle], ments: list[Mention]
          ) -> tuple[list[Entity], list[Diagnostic]]:
    """Resolve entities with the editor's rules applied; unmatched rules become warnings."""
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
    roots = resolve.cluster(parsed, kept, forced)
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
    entities = resolve.build_entities(parsed, kept, roots)
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
    out = resolve.assign_ids(out)
    problems = []
    for kind, items in (("ignore", rules.ignore), ("merge", [g[0] for g in rules.merge]), ("split", rules.split),
                        ("rename", rules.rename), ("relabel", rules.relabel), ("describe", rules.describe)):
        for item in items:
            if (kind, item) not in used:
                problems.append(Diagnostic("warning", rules.file, f"{kind} rule `{item}` matches nothing in this "
                                                                  "briefing; update or remove it"))
    return out, problems


def _relabelled(mentions: tuple[Mention, ...], label: str) -> list[Mention]:
    return [m if m.label == label else dataclasses.replace(m, label=label) for m in mentions]
