"""The fact rows an editor should look at (`briefing review`), and why one row was made as it was
(`briefing review --explain ID`).

A row whose confidence is under REVIEW_BELOW never appears under "Where the outlets differ"; it is
listed here with the `overrides.yml` line that settles it: a disagreement confirmed (`status:
{ID: differ}`), or rows the tool did not join (`pair:`), or a row that is no fact (`ignore:`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity, Fact, ParsedArticle
from ..reading.overrides import Rules
from . import align, extract
from .sentences import Extracted

REVIEW_BELOW = 0.75  # rows less sure than this are for the editor, not the reader's headline


def unsure(facts: list[Fact]) -> list[Fact]:
    """Rows a reader should not be told about as disputed before an editor looks: low confidence."""
    return [f for f in facts if f.confidence < REVIEW_BELOW]


def shown_as_disputed(facts: list[Fact]) -> list[Fact]:
    """The rows "Where the outlets differ" lists: disputed, and sure enough (or set by the editor)."""
    return [f for f in facts if f.status == "differ" and f.confidence >= REVIEW_BELOW]


def review_lines(facts: list[Fact], source_of) -> list[str]:
    """`briefing review`'s fact part: each unsure row, what it says, and the line that settles it."""
    rows = sorted(unsure(facts), key=lambda f: ({"differ": 0, "agree": 1, "single": 2}[f.status], f.confidence))
    if not rows:
        return []
    lines = ["Fact rows the tool is unsure of (kept off \"Where the outlets differ\"; settle with the line shown):"]
    for f in rows:
        claims = "; ".join(f"{source_of(c.article)}: {_one_line(c.text)}" for c in f.claims[:4])
        what = {"differ": "differ", "agree": "agree", "single": "single (another outlet may say it)"}[f.status]
        lines.append(f"  {f.id} [{what}, confidence {f.confidence:.2f}]: {claims}")
        if f.note:
            lines.append(f"    {f.note}")
        lines.append(f"    overrides.yml: facts: {{status: {{{f.id}: {f.status}}}}}   (or `ignore: [{f.id}]`)")
    return lines


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


@dataclass(frozen=True)
class Explained:
    fact: Fact | None
    lines: list[str]


def explain(parsed: list[ParsedArticle], entities: list[Entity], fact_id: str, rules: Rules | None = None
            ) -> Explained:
    """For one row: its claims, every pair of claims compared that touches them, the evidence and
    score of each, and whether it was joined or kept apart (and why)."""
    items, sents = extract(parsed, entities)
    trace = align.Trace()
    groups = align.align(items, sents, trace)
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    facts, _ = align.facts_of(groups, order, rules)
    fact = next((f for f in facts if f.id == fact_id), None)
    if fact is None:
        near = sorted(f.id for f in facts if fact_id in f.id or f.id in fact_id)[:5]
        return Explained(None, [f"no fact row `{fact_id}` in this briefing" + (f"; did you mean {', '.join(near)}?"
                                                                               if near else "")])
    mine = {(c.article, c.start) for c in fact.claims}
    lines = [f"{fact.id}: {fact.kind}, {fact.status}, confidence {fact.confidence:.2f}" +
             (f" ({fact.note})" if fact.note else ""),
             "claims:"] + [f"  {c.article}: {_one_line(c.text)} = {c.value}" for c in fact.claims]
    compared = [(a, b, e, why) for a, b, e, why in trace.pairs if _key(a) in mine or _key(b) in mine]
    compared.sort(key=lambda p: -(p[2].score if p[2] else -1.0))
    lines.append("pairs compared (strongest first):" if compared else "no other claim was comparable with these")
    for a, b, e, why in compared:
        lines.append(f"  {a.claim.article}: {_one_line(a.claim.text)}  ~  {b.claim.article}: {_one_line(b.claim.text)}")
        if e is None:
            lines.append(f"    {why}")
        else:
            lines.append(f"    {e.band} score {e.score:.1f} (sentence similarity {e.sim:.2f}, shared names "
                         f"{e.support:.1f}, values {'agree' if e.agree else 'differ'}): {why}")
    return Explained(fact, lines)


def _key(x: Extracted) -> tuple[str, int]:
    return x.claim.article, x.claim.start
