"""The cross-source fact table: numbers, durations, dates and quotes, aligned across articles.

Extraction works on plain tokens, per sentence (sentences.View is what every extractor reads);
numbers, dates and quotes each have one extractor, and labels gives each claim its row label.
numbers.py finds a figure in the tokens and makes its claim, values.py reads and shows its value;
what the figure measures is read by meanings.py (an ordered table of readers: money, per cent,
length, count...) and, for an age, by ages.py; things.py reads the counted thing and what
happened to it; figures.py holds the values they pass between them (Figure, Site, Reading).
dates.py finds dates and says when two name one time; resolving.py reads a date's words against
the publication date. quotes.py finds quotations and reported speech, speakers.py reads who said
them, wording.py compares two wordings (one quote or not, the same words, their word diff).
align groups the claims into facts by the evidence that two claims are one fact (evidence.py,
with pool.py: what pairing knows of all the claims), one claim per article in a row, each row
with a confidence; rows.py makes each group a row, status.py says whether a row's claims agree
and why not; editor.py applies the editor's rules by pattern to the claims before they are
aligned (rows.py applies those by fact id); review.py lists the unsure rows, doubtful quotes and
dates made from names for the editor, and explains one row.
A difference is joined only when it is clear: an unsure pair stays two rows.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict

from ..model import Diagnostic, Entity, Fact, ParsedArticle
from ..reading.overrides import Rules
from . import align, dates, editor, equipment, labels, numbers, ordinals, pool, quotes, rows
from .sentences import Extracted, View


def extract(parsed: list[ParsedArticle], entities: list[Entity]) -> tuple[list[Extracted], View]:
    sents = View(parsed, entities)
    mention_tokens: dict[tuple[str, int], set[int]] = defaultdict(set)
    products: dict[tuple[str, int], list] = defaultdict(list)
    segments = {(pa.article.id, si): seg for pa in parsed for si, seg in enumerate(pa.segments)}
    for e in entities:
        for m in e.mentions:
            if not _number_word(segments[(m.article, m.segment)].tokens[m.tok_start:m.tok_end]):
                mention_tokens[(m.article, m.segment)].update(range(m.tok_start, m.tok_end))
            if e.label == "PRODUCT":
                products[(m.article, m.segment)].append((e, m))
    out: list[Extracted] = []
    quoted: dict[str, list[tuple[int, int]]] = defaultdict(list)  # each article's quote spans
    for pa in parsed:
        state: dict = {}
        for si in range(len(pa.segments)):
            mt = mention_tokens.get((pa.article.id, si), set())
            found = numbers.extract(pa, si, sents, mt) + dates.extract(pa, si, sents) + \
                quotes.extract(pa, si, sents, state)
            found += equipment.extract(pa, si, sents, sorted(products.get((pa.article.id, si), []),
                                                             key=lambda em: em[1].start))
            # a number inside a quote belongs to the quote (a two-word fragment owns none); a date
            # inside one is a fact of its own ("“We will vote on March 3,” she said")
            spans = [(x.claim.start, x.claim.end) for x in found if x.kind == "quote" and not x.paired_only]
            quoted[pa.article.id] += spans
            out.extend(dataclasses.replace(x, label=labels.label(pa, si, x, sents)) for x in found
                       if x.kind in ("quote", "date") or not any(s <= x.claim.start and x.claim.end <= e for s, e in spans))
    return _named(out, entities) + quotes.unquoted(parsed, out, sents) + \
        ordinals.extract(parsed, sents, quoted), sents


def _number_word(toks) -> bool:
    """A mention that is only number words ("Twelve", which the model may take for a product at
    the start of a sentence): no name, so its figure still counts (a number named with digits,
    "the 737", stays a name)."""
    return bool(toks) and all(t.tag == "CD" and t.text.isalpha() for t in toks)


def _named(items: list[Extracted], entities: list[Entity]) -> list[Extracted]:
    """Each figure with the names inside its own words: "more than 500,000 Velmar-area homes"
    counts Velmar's homes, not the region's. Mentions are looked up by offset (bisect), so a
    long article costs no scan per figure."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            spans[m.article].append((m.start, m.end, e.id))
    for found in spans.values():
        found.sort()
    out = []
    for x in items:
        found = spans.get(x.claim.article, []) if x.kind in pool.FIGURES else []
        k = bisect.bisect_left(found, (x.claim.start, -1, ""))
        named = set()
        while k < len(found) and found[k][0] < x.claim.end:
            if found[k][1] <= x.claim.end:
                named.add(found[k][2])
            k += 1
        out.append(dataclasses.replace(x, named=frozenset(named)) if named else x)
    return out


def stage(parsed: list[ParsedArticle], entities: list[Entity], rules: Rules | None = None
          ) -> tuple[list[Fact], list[Diagnostic]]:
    """The fact stage build.gather calls: extract every claim, apply the editor's pattern rules,
    align the claims into facts, apply the rules by id. Returns the facts and the rules that
    matched nothing."""
    rules = rules or Rules()
    items, sents, used = claims(parsed, entities, rules)
    order = {pa.article.id: n for n, pa in enumerate(parsed)}
    found, problems = rows.facts_of(align.align(items, sents), order, rules)
    return found, problems + editor.unmatched(rules, used)


def claims(parsed: list[ParsedArticle], entities: list[Entity], rules: Rules | None
           ) -> tuple[list[Extracted], View, set[tuple[str, str]]]:
    """Every claim, after the editor's rules by pattern (editor.py), with the rules that matched."""
    items, sents = extract(parsed, entities)
    items, used = editor.apply(items, parsed, sents, rules)
    return items, sents, used


def extract_and_align(parsed: list[ParsedArticle], entities: list[Entity]) -> list[Fact]:
    """The facts of a briefing without editor's rules."""
    return stage(parsed, entities)[0]
