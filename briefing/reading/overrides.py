"""Editorial overrides: loading and checking the versioned YAML file an editor keeps beside
mkdocs.yml. The rules are an input of the entity and fact stages, which apply them (see below).

    version: 1
    ignore: [Arrival]                      # surface forms or entity names that are not entities
    merge: [[ISIS, Daesh]]                 # forms that name one entity
    split: [Assad]                         # a surface form that is an entity of its own
    rename: {John F. Kerry: John Kerry}    # entity (by any alias) -> name shown
    relabel: {Tartus: GPE}                 # entity (by any alias) -> spaCy label
    describe: {John Kerry: U.S. Secretary of State}
    persons: [May]                         # a name that is always a person, wherever it stands
    facts:                                 # rules for fact-table rows, by fact id (the row's anchor)
      ignore: [number-dakotas-two-dakotas] # not a fact: the row is dropped
      pair: [[number-runners-40-runners, number-athletes-40-athletes]]  # one fact
      status: {date-talks-began-earlier-this-month: agree}   # agree, differ or single
      # and by pattern (words, matched whole and in any case), for every article of every rebuild:
      not_dates: [May]                     # never a date: a date row whose date has the words goes
      speakers: {"appeal the ruling": Dana Whitfield}   # quotes with these words: this speaker
      ignore_paragraphs: [contributed to this report]   # every row of a paragraph with the words
      ignore_sections: [Timeline]          # every row under a heading with the words, to the next heading

The entity rules (and `persons`) are applied by the entity stage (entities/resolve.py), the fact
rules by the fact stage (facts/rows.py by id, facts/editor.py by pattern); each stage reports
every rule that matched nothing in the build, never silently dropping one.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
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
    persons: tuple[str, ...] = ()  # names that are always a person
    not_dates: tuple[str, ...] = ()  # words that are never a date
    speakers: dict[str, str] = field(default_factory=dict)  # words of a quote -> its speaker's name
    ignore_paragraphs: tuple[str, ...] = ()  # words of a paragraph whose rows go
    ignore_sections: tuple[str, ...] = ()  # words of a heading whose section's rows go
    origins: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, rule) -> file, when combined

    def origin(self, kind: str, item: str) -> str:
        """The file a rule came from, for messages about it."""
        return self.origins.get((kind, item), self.file)


GROUPS = ("merge", "fact_pair")  # rules that are lists of groups, each known by its first item


def combine(site: Rules, own: Rules) -> Rules:
    """The site's rules and one briefing's own, as one set: lists joined, and the briefing's rule
    wins where both rename, relabel or describe one entity, set one fact's status or one quote's
    speaker. Each rule remembers its file."""
    origins = {}
    values = {}
    for f in fields(Rules):
        if f.name in ("file", "origins"):
            continue
        mine, theirs = getattr(site, f.name), getattr(own, f.name)
        values[f.name] = {**mine, **theirs} if isinstance(mine, dict) else mine + theirs
        for rules in (site, own):
            items = getattr(rules, f.name)
            origins.update({(f.name, group[0] if f.name in GROUPS else group): rules.file for group in items})
    return Rules(file=own.file or site.file, origins=origins, **values)


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
    known = {"version", "ignore", "merge", "split", "rename", "relabel", "describe", "persons", "facts"}
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
    persons = _worded(strings("persons"), "persons", label, problems)
    return Rules(label, strings("ignore"), tuple(merge), strings("split"), mapping("rename"), relabel,
                 mapping("describe"), persons=persons, **_fact_rules(data.get("facts"), label, problems)), problems


def _worded(patterns, key: str, label: str, problems: list[Diagnostic]) -> tuple[str, ...]:
    """The patterns that hold a word to match; each that does not is an error naming its key."""
    return tuple(str(p) for p in patterns if _has_words(str(p), key, label, problems))


def _has_words(pattern: str, key: str, label: str, problems: list[Diagnostic]) -> bool:
    """Does the pattern hold a word to match? If not, an error naming its key."""
    if WORD.search(pattern):
        return True
    problems.append(Diagnostic("error", label, f"`{key}`: {shorten(pattern, 40)!r} has no word to match; write "
                                               "the words as the articles write them"))
    return False


WORD = re.compile(r"\w+")


class Phrases:
    """Rules' words as one pattern: each word whole, in order, anything but a word between two
    ("appeal the ruling" finds "appeal, the ruling"; "O'Neill" finds "O’Neill"), in any case
    unless `case`. One search finds every rule a text holds, whatever the number of rules."""

    def __init__(self, rules, case: bool = False) -> None:
        self.case = case
        self.rules: dict[tuple[str, ...], str] = {}  # the words of a rule -> the rule, the first of equal ones
        for rule in rules:
            self.rules.setdefault(self._key(rule), rule)
        bodies = sorted({r"\W+".join(map(re.escape, WORD.findall(r))) for r in self.rules.values()}, key=len,
                        reverse=True)
        self.pattern = re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)", 0 if case else re.IGNORECASE) \
            if bodies else None

    def _key(self, text: str) -> tuple[str, ...]:
        return tuple(w if self.case else w.casefold() for w in WORD.findall(text))

    def found(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
        """Each place in text[start:end] a rule's words stand (the longest where two overlap)."""
        if self.pattern is None:
            return []
        return list(self.pattern.finditer(text, start, len(text) if end is None else end))

    def rule(self, match: re.Match | str) -> str:
        """The rule whose words a match (or a text that is only those words) holds."""
        return self.rules.get(self._key(match if isinstance(match, str) else match.group()), "")

    def within(self, text: str) -> list[str]:
        """The rules found in the text, each once, in the order found."""
        return [r for r in dict.fromkeys(self.rule(m) for m in self.found(text)) if r]


FACT_KEYS = ("ignore", "pair", "status", "not_dates", "speakers", "ignore_paragraphs", "ignore_sections")
PATTERN_LISTS = {"not_dates": "words that are never a date", "ignore_paragraphs": "words of the paragraphs to leave out",
                 "ignore_sections": "words of the headings whose sections to leave out"}
FACT_STATUSES = ("agree", "differ", "single")


def _fact_rules(value, label: str, problems: list[Diagnostic]) -> dict:
    """`facts:` by id (`ignore: [id]`, `pair: [[id, id]]`, `status: {id: agree}`) and by pattern
    (`not_dates`, `speakers`, `ignore_paragraphs`, `ignore_sections`), checked: a wrong shape is an
    error naming the key; the rest of the file still applies. The Rules fields, by name."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Diagnostic("error", label, "`facts` must map `ignore`, `pair` and `status` to fact ids "
                                                   "(the ids are the rows' anchors on the pages and in briefing.json), "
                                                   "and `not_dates`, `speakers`, `ignore_paragraphs`, "
                                                   "`ignore_sections` to words"))
        return {}
    for key in sorted(set(map(str, value)) - set(FACT_KEYS)):
        problems.append(Diagnostic("error", label, f"unknown key `facts: {key}`; known: {', '.join(FACT_KEYS)}"))
    return {**_id_rules(value, label, problems), "speakers": _speakers(value.get("speakers"), label, problems),
            **_pattern_lists(value, label, problems)}


def _id_rules(value: dict, label: str, problems: list[Diagnostic]) -> dict:
    """`ignore: [id]`, `pair: [[id, id]]`, `status: {id: agree}`, checked."""
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
    return {"fact_ignore": tuple(ignore), "fact_pair": tuple(pair), "fact_status": checked}


def _pattern_lists(value: dict, label: str, problems: list[Diagnostic]) -> dict:
    """`not_dates`, `ignore_paragraphs`, `ignore_sections`: lists of words, checked."""
    found = {}
    for key, what in PATTERN_LISTS.items():
        items = value.get(key) or []
        if not isinstance(items, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in items):
            problems.append(Diagnostic("error", label, f"`facts: {key}` must be a list of {what}, e.g. "
                                                       f"`{key}: [{EXAMPLES[key]}]`"))
            items = []
        found[key] = _worded(items, f"facts: {key}", label, problems)
    return found


EXAMPLES = {"not_dates": "May", "ignore_paragraphs": "contributed to this report", "ignore_sections": "Timeline"}


def _speakers(value, label: str, problems: list[Diagnostic]) -> dict[str, str]:
    """`speakers: {words of the quote: the speaker's name}`, checked entry by entry."""
    example = 'e.g. `speakers: {"appeal the ruling": Dana Whitfield}`'
    if not isinstance(value or {}, dict):
        problems.append(Diagnostic("error", label, f"`facts: speakers` must map words of a quote to the name of who "
                                                   f"said it, {example}"))
        return {}
    out = {}
    for words, name in (value or {}).items():
        if not isinstance(words, str) or not isinstance(name, str) or not WORD.search(name):
            problems.append(Diagnostic("error", label, f"facts: speakers `{shorten(words, 40)}`: give the words of "
                                                       f"the quote and the name of who said it, {example}"))
        elif _has_words(words, "facts: speakers", label, problems):
            out[words] = name.strip()
    return out
