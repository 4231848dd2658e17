"""The fact rows an editor should look at (`briefing review`), and why one row was made as it was
(`briefing review --explain ID`).

A row whose confidence is under REVIEW_BELOW never appears under "Where the outlets differ"; it is
listed here with the `overrides.yml` line that settles it: a disagreement confirmed (`status:
{ID: differ}`), or rows the tool did not join (`pair:`), or a row that is no fact (`ignore:`).
Then the quotes whose speaker is doubtful (found by distance, or the same words given to two
people by two outlets), settled by a `speakers` rule, and the dates that may be made from a name
(a date word that is also a person's name in the briefing), settled by `not_dates`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from ..model import Entity, Fact, ParsedArticle
from ..reading.overrides import Rules
from . import align, claims, rows
from .wording import QUOTE_MIN_SIMILARITY, UNATTRIBUTED_MIN_WORDS, quote_words
from .sentences import Extracted

REVIEW_BELOW = 0.75  # rows less sure than this are for the editor, not the reader's headline


def is_unsure(f: Fact) -> bool:
    """Whether a reader should not be told about the row as disputed before an editor looks."""
    return f.confidence < REVIEW_BELOW


def unsure(facts: list[Fact]) -> list[Fact]:
    """Rows for the editor: low confidence."""
    return [f for f in facts if is_unsure(f)]


def shown_as_disputed(facts: list[Fact]) -> list[Fact]:
    """The rows "Where the outlets differ" lists: disputed, and sure enough (or set by the editor)."""
    return [f for f in facts if f.status == "differ" and not is_unsure(f)]


def review_lines(facts: list[Fact], source_of) -> list[str]:
    """`briefing review`'s fact part: each unsure row, what it says, and the line that settles it."""
    rows = sorted(unsure(facts), key=lambda f: ({"differ": 0, "agree": 1, "single": 2}[f.status], f.confidence))
    if not rows:
        return []
    lines = ["Fact rows the tool is unsure of (kept off \"Where the outlets differ\"; settle with the line shown):"]
    for f in rows:
        claims = _claims(f, source_of)
        what = {"differ": "differ", "agree": "agree", "single": "single (another outlet may say it)"}[f.status]
        lines.append(f"  {f.id} [{what}, confidence {f.confidence:.2f}]: {claims}")
        if f.note:
            lines.append(f"    {f.note}")
        lines.append(f"    overrides.yml: facts: {{status: {{{f.id}: {f.status}}}}}   (or `ignore: [{f.id}]`)")
    return lines


def all_lines(facts: list[Fact], entities: list[Entity], source_of) -> list[str]:
    """`briefing review`'s fact part: the unsure rows, the doubtful quotes, the dates that may be
    made from a name; a blank line between two lists."""
    out: list[str] = []
    for lines in (review_lines(facts, source_of), quote_lines(facts, source_of), date_lines(facts, entities, source_of)):
        out += [""] * bool(out and lines) + lines
    return out


QUOTE_RULE_WORDS = 8  # words of a quote a `speakers` rule gives: enough to name that quote alone


def quote_lines(facts: list[Fact], source_of) -> list[str]:
    """The quotes whose speaker is doubtful: one found by distance ("he said" given to the last
    person named), and the same words given to two people by two outlets; each with the
    `speakers` line that settles it."""
    quotes = [f for f in facts if f.kind == "quote" and f.note != rows.SET_BY_EDITOR]
    found = []
    for f in quotes:
        if f.doubt:
            found += [f"  {f.id} [{f.subject}]: {_claims(f, source_of)}", f"    {f.doubt}",
                      f"    overrides.yml: {_speakers_rule(f, f.subject)}  # or the right speaker's name"]
    for f, g in _same_words(quotes):
        found += [f"  {f.id} / {g.id}: the same words given to {f.subject} ({_sources(f, source_of)}) and "
                  f"{g.subject} ({_sources(g, source_of)}): {_one_line(f.claims[0].text)}",
                  f"    overrides.yml: {_speakers_rule(f, f.subject)}  # or: {g.subject}"]
    return ["Quotes whose speaker is doubtful (give the right speaker with the line shown):", *found] if found else []


def _same_words(quotes: list[Fact]):
    """Pairs of quote rows from different outlets with the same words and different speakers: the
    tool keeps two named speakers' quotes apart, so one outlet may have given them to the wrong one."""
    named = [f for f in quotes if f.subject != "unattributed" and f.claims]
    words = {f.id: quote_words(f.claims[0].value) for f in named}
    for f, g in combinations(named, 2):
        wf, wg = words[f.id], words[g.id]
        if f.subject == g.subject or {c.article for c in f.claims} & {c.article for c in g.claims} or \
                min(len(wf.split()), len(wg.split())) < UNATTRIBUTED_MIN_WORDS:
            continue
        if fuzz.partial_ratio(wf, wg) >= QUOTE_MIN_SIMILARITY:
            yield f, g


def _speakers_rule(f: Fact, name: str) -> str:
    """The `speakers` line for a quote row: its first words, and the name."""
    words = " ".join(f.claims[0].value.split()[:QUOTE_RULE_WORDS]).strip(" \"'“”‘’,.;:!?…")
    return f"facts: {{speakers: {{{json.dumps(words, ensure_ascii=False)}: {_scalar(name)}}}}}"


def date_lines(facts: list[Fact], entities: list[Entity], source_of) -> list[str]:
    """Date rows whose words hold a word that is also a person's name in the briefing ("May" and
    Derek May): maybe a name the model read as a date; each with the `not_dates` line that
    removes every date with that word."""
    names: dict[str, str] = {}  # a word of a person's name -> the person
    for e in entities:
        if e.label == "PERSON":
            names.update({w: e.name for alias in e.aliases for w in _name_words(alias)})
    found = []
    for f in facts:
        if f.kind not in ("date", "time") or f.note == rows.SET_BY_EDITOR:
            continue
        words = sorted({w for c in f.claims for w in _name_words(c.text) if w in names})
        if words:
            found += [f"  {f.id}: {_claims(f, source_of)}: {', '.join(f'{w} is also a name ({names[w]})' for w in words)}",
                      f"    overrides.yml: facts: {{not_dates: [{', '.join(map(_scalar, words))}]}}  # every date with "
                      f"the word goes; or `ignore: [{f.id}]` for this row"]
    return ["Dates that may be made from a name (remove them with the line shown):", *found] if found else []


def _name_words(text: str) -> list[str]:
    """The capitalised words of three letters or more ("June", "Élodie"; not "of", "the")."""
    return [w for w in re.findall(r"[^\W\d_]{3,}", text) if w[0].isupper() and not w.isupper()]


def _claims(f: Fact, source_of) -> str:
    return "; ".join(f"{source_of(c.article)}: {_one_line(c.text)}" for c in f.claims[:4])


def _sources(f: Fact, source_of) -> str:
    return ", ".join(dict.fromkeys(source_of(c.article) for c in f.claims))


def _scalar(text: str) -> str:
    """A YAML flow scalar: plain when safe, else double-quoted."""
    return text if re.fullmatch(r"[^\W\d_][\w .'-]*[\w.]|[^\W\d_]", text) else json.dumps(text, ensure_ascii=False)


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
    items, sents, _ = claims(parsed, entities, rules)
    trace = align.Trace()
    groups = align.align(items, sents, trace)
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    facts, _ = rows.facts_of(groups, order, rules)
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
