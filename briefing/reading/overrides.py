"""Editorial overrides: loading and checking the versioned YAML file an editor keeps beside
mkdocs.yml. The rules are an input of the resolve stage (resolve.resolve), which applies them.

    version: 1
    ignore: [Arrival]                      # surface forms or entity names that are not entities
    merge: [[ISIS, Daesh]]                 # forms that name one entity
    split: [Assad]                         # a surface form that is an entity of its own
    rename: {John F. Kerry: John Kerry}    # entity (by any alias) -> name shown
    relabel: {Tartus: GPE}                 # entity (by any alias) -> spaCy label
    describe: {John Kerry: U.S. Secretary of State}
    facts:                                 # rules for fact-table rows, by fact id (the row's anchor)
      ignore: [number-koreas-two-koreas]   # not a fact: the row is dropped
      pair: [[number-supporters-230-supporters, number-cheerleaders-230-cheerleaders]]  # one fact
      status: {date-talks-began-earlier-this-month: agree}   # agree, differ or single

Every rule that matches nothing in the build is reported by resolve, never silently dropped.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import files, safeyaml
from ..model import Diagnostic
from ..text import shorten

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
    fact_ignore: tuple[str, ...] = ()  # fact ids
    fact_pair: tuple[tuple[str, ...], ...] = ()  # groups of fact ids that are one fact
    fact_status: dict[str, str] = field(default_factory=dict)  # fact id -> agree, differ or single
    origins: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, rule) -> file, when combined

    def origin(self, kind: str, item: str) -> str:
        """The file a rule came from, for messages about it."""
        return self.origins.get((kind, item), self.file)


def combine(site: Rules, own: Rules) -> Rules:
    """The site's rules and one briefing's own, as one set; the briefing's win where both rename,
    relabel or describe one entity or set one fact's status. Each rule remembers its file."""
    origins = {}
    for rules in (site, own):
        for kind in ("ignore", "split", "rename", "relabel", "describe", "fact_ignore", "fact_status"):
            origins.update({(kind, item): rules.file for item in getattr(rules, kind)})
        for kind in ("merge", "fact_pair"):
            origins.update({(kind, group[0]): rules.file for group in getattr(rules, kind)})
    return Rules(own.file or site.file, site.ignore + own.ignore, site.merge + own.merge, site.split + own.split,
                 {**site.rename, **own.rename}, {**site.relabel, **own.relabel}, {**site.describe, **own.describe},
                 site.fact_ignore + own.fact_ignore, site.fact_pair + own.fact_pair,
                 {**site.fact_status, **own.fact_status}, origins)


def _read(path: Path) -> tuple[str, str | None]:
    """The file's text through files.read (a regular file, never through a symbolic link, at most
    safeyaml.MAX_BYTES); (text, why not)."""
    got = files.read(path, safeyaml.MAX_BYTES)
    if got.refused == files.LINK:
        return "", "a symbolic link; keep the file itself in its place"
    if got.refused == files.SPECIAL:
        return "", "not a regular file"
    if got.refused == files.LARGE:
        size = f"{got.size:,} bytes is" if got.size is not None else "it is"
        return "", f"{size} over the {safeyaml.MAX_BYTES:,}-byte limit"
    if got.refused == files.UNREADABLE:
        return "", f"cannot read it ({shorten(got.detail, 200)})"
    try:
        return got.data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return "", f"cannot read it ({shorten(str(exc), 200)})"


def load(path: Path, label: str) -> tuple[Rules, list[Diagnostic]]:
    """Read and check the overrides file: YAML through safeyaml (no aliases, bounded), every value's
    type checked; a problem is a Diagnostic naming the file, never an exception."""
    if not os.path.lexists(path):
        return Rules(), []
    text, problem = _read(path)
    if problem:
        return Rules(), [Diagnostic("error", label, f"overrides not applied: {problem}")]
    data, problem = safeyaml.load(text, label, outcome="fix the file")
    if problem:
        return Rules(), [Diagnostic("error", label, f"overrides not applied: {problem.message}")]
    data = data or {}
    problems: list[Diagnostic] = []
    if not isinstance(data, dict):
        return Rules(), [Diagnostic("error", label, "overrides not applied: expected `key: value` lines")]
    if data.get("version", VERSION) != VERSION:
        problems.append(Diagnostic("error", label, f"overrides not applied: version {shorten(data.get('version'))} "
                                                   f"is not supported (this tool reads version {VERSION})"))
        return Rules(), problems
    known = {"version", "ignore", "merge", "split", "rename", "relabel", "describe", "facts"}
    for key in sorted(shorten(k, 40) for k in data if k not in known):
        problems.append(Diagnostic("error", label, f"unknown key `{key}`; known: {', '.join(sorted(known))}"))

    def name(value: object) -> bool:
        return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(map(name, value)):
            problems.append(Diagnostic("error", label, f"`{key}` must be a list of names"))
            return ()
        return tuple(str(v) for v in value)

    def mapping(key: str) -> dict[str, str]:
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(name(k) and name(v) for k, v in value.items()):
            problems.append(Diagnostic("error", label, f"`{key}` must map names to text"))
            return {}
        return {str(k): str(v) for k, v in value.items()}

    merge = []
    groups = data.get("merge") or []
    if not isinstance(groups, list):
        problems.append(Diagnostic("error", label, "`merge` must be a list of lists of names"))
        groups = []
    for group in groups:
        if isinstance(group, list) and len(group) >= 2 and all(isinstance(g, str) for g in group):
            merge.append(tuple(group))
        else:
            problems.append(Diagnostic("error", label, f"`merge` entries are lists of two or more names, not "
                                                       f"{shorten(group)}"))
    relabel = mapping("relabel")
    for entity, lab in list(relabel.items()):
        if lab not in LABELS:
            problems.append(Diagnostic("error", label, f"relabel `{shorten(entity)}`: unknown label "
                                                       f"{shorten(lab, 20)}; use one of {', '.join(LABELS)}"))
            del relabel[entity]
    fact_ignore, fact_pair, fact_status = _fact_rules(data.get("facts"), label, problems)
    return Rules(label, strings("ignore"), tuple(merge), strings("split"), mapping("rename"), relabel,
                 mapping("describe"), fact_ignore, fact_pair, fact_status), problems


FACT_KEYS = ("ignore", "pair", "status")
FACT_STATUSES = ("agree", "differ", "single")


def _fact_rules(value, label: str, problems: list[Diagnostic]):
    """`facts: {ignore: [id], pair: [[id, id]], status: {id: agree}}`, checked: a wrong shape is
    an error naming the key; the rest of the file still applies."""
    if value is None:
        return (), (), {}
    if not isinstance(value, dict):
        problems.append(Diagnostic("error", label, "`facts` must map `ignore`, `pair` and `status` to fact ids "
                                                   "(the ids are the rows' anchors on the pages and in briefing.json)"))
        return (), (), {}
    for key in sorted(set(map(str, value)) - set(FACT_KEYS)):
        problems.append(Diagnostic("error", label, f"unknown key `facts: {key}`; known: {', '.join(FACT_KEYS)}"))
    ignore = value.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
        problems.append(Diagnostic("error", label, "`facts: ignore` must be a list of fact ids"))
        ignore = []
    pair = []
    for group in value.get("pair") or []:
        if isinstance(group, list) and len(group) >= 2 and all(isinstance(g, str) for g in group):
            pair.append(tuple(group))
        else:
            problems.append(Diagnostic("error", label, f"`facts: pair` entries are lists of two or more fact ids: "
                                                       f"{shorten(group)}"))
    status = value.get("status") or {}
    if not isinstance(status, dict):
        problems.append(Diagnostic("error", label, "`facts: status` must map fact ids to agree, differ or single"))
        status = {}
    checked = {}
    for fid, st in status.items():
        if st in FACT_STATUSES:
            checked[str(fid)] = st
        else:
            problems.append(Diagnostic("error", label, f"facts: status `{shorten(fid)}`: unknown status "
                                                       f"{shorten(st, 20)!r}; use one of {', '.join(FACT_STATUSES)}"))
    return tuple(ignore), tuple(pair), checked
