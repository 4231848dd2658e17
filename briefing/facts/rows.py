"""The fact table's rows from the groups align.py makes: each row's status and reason
(status.py), its id (its permanent anchor), and the editor's rules by fact id (pair, ignore,
status), a rule that matches no row reported."""
from __future__ import annotations

import dataclasses
import functools

from slugify import slugify

from ..model import Diagnostic, Fact
from ..reading.overrides import Rules
from .align import SURE, Group
from .sentences import Extracted
from .status import status


def facts_of(found: list[Group], order: dict[str, int], rules: Rules | None = None
             ) -> tuple[list[Fact], list[Diagnostic]]:
    """Facts from groups of claims, with their ids, after the editor's fact rules (pair, ignore,
    status); a rule that matches no fact is reported."""
    rules = rules or Rules()
    used: set[tuple[str, str]] = set()
    groups = [g.members for g in found]
    facts = with_ids([_fact(g.members, order, g.confidence) for g in found])
    facts = _paired_by_editor(facts, groups, order, rules, used)
    out = _ruled(facts, rules, used)
    rank = {"differ": 0, "agree": 1, "single": 2}
    out.sort(key=lambda f: (rank[f.status], order[f.claims[0].article], f.claims[0].start))
    return out, _unmatched(rules, used)


def _paired_by_editor(facts: list[Fact], groups: list[list[Extracted]], order: dict[str, int], rules: Rules,
                      used: set[tuple[str, str]]) -> list[Fact]:
    """The `pair` rules: rows the editor says are one fact join; their status is decided again and
    each keeps the id of the first row it was made of."""
    by_id = {f.id: n for n, f in enumerate(facts)}
    joined: dict[int, int] = {}  # group index -> the group it joined
    for pair in rules.fact_pair:
        found = [by_id[i] for i in pair if i in by_id]
        if len(found) < 2:
            continue
        used.add(("pair", pair[0]))
        target = joined.get(found[0], found[0])
        for n in found[1:]:
            n = joined.get(n, n)
            if n != target:
                groups[target] = groups[target] + groups[n]
                groups[n] = []
                joined.update({k: target for k, v in joined.items() if v == n} | {n: target})
    if not joined:
        return facts
    ids = {n: f.id for n, f in enumerate(facts)}
    return [dataclasses.replace(_fact(g, order, SURE if n in joined.values() else facts[n].confidence), id=ids[n])
            for n, g in enumerate(groups) if g]


SET_BY_EDITOR = "set by the editor"  # the note of a row a `status` rule settled


def _ruled(facts: list[Fact], rules: Rules, used: set[tuple[str, str]]) -> list[Fact]:
    """The `ignore` and `status` rules, by fact id."""
    out, ignore = [], set(rules.fact_ignore)
    for f in facts:
        if f.id in ignore:
            used.add(("ignore", f.id))
            continue
        if f.id in rules.fact_status:
            used.add(("status", f.id))
            f = dataclasses.replace(f, status=rules.fact_status[f.id], note=SET_BY_EDITOR, confidence=SURE,
                                    diff=f.diff if rules.fact_status[f.id] == "differ" else ())
        out.append(f)
    return out


def _unmatched(rules: Rules, used: set[tuple[str, str]]) -> list[Diagnostic]:
    return [Diagnostic("warning", rules.origin(f"fact_{kind}", item), f"facts: {kind} rule `{item}` matches no fact "
                       "in this briefing; update or remove it (fact ids are the rows' anchors)")
            for kind, items in (("ignore", rules.fact_ignore), ("pair", [p[0] for p in rules.fact_pair]),
                                ("status", rules.fact_status))
            for item in items if (kind, item) not in used]


def _fact(group: list[Extracted], order: dict[str, int], confidence: float) -> Fact:
    members = sorted(group, key=lambda x: (order[x.claim.article], x.claim.start))
    state, note, diff = status(members)
    first = members[0]
    return Fact(id="", kind=first.kind, status=state, confidence=confidence,
                label=next((x.label for x in members if x.label), ""),
                subject=next((x.subject for x in members if x.speaker), first.subject) or first.claim.text,
                claims=tuple(sorted((c for x in members for c in (x.claim, *x.also)),
                                    key=lambda c: (order[c.article], c.start))), note=note, diff=diff,
                doubt=_doubt(members))


def _doubt(members: list[Extracted]) -> str:
    """A quote's speaker is unsure when every claim that names one found it by distance."""
    named = [x for x in members if x.speaker]
    return named[0].doubt if named and all(x.doubt for x in named) else ""


@functools.lru_cache(maxsize=4096)
def _slug(text: str, max_length: int) -> str:
    """slugify, kept: a briefing's facts share their subjects (python-slugify runs a dozen patterns)."""
    return slugify(text, max_length=max_length, word_boundary=True)


def with_ids(facts: list[Fact]) -> list[Fact]:
    """Each fact's id, its permanent anchor: what the fact is (kind, subject, the first claim's
    wording), never where it sits, so editing elsewhere in an article does not move it. Two facts
    that read the same are told apart by their order."""
    seen: dict[str, int] = {}
    out = []
    for f in facts:
        base = "-".join(part for part in (f.kind, _slug(f.subject, 32), _slug(f.claims[0].text, 40)) if part)
        seen[base] = seen.get(base, 0) + 1
        out.append(dataclasses.replace(f, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out
