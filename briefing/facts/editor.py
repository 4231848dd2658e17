"""The editor's fact rules by pattern (overrides.yml `facts:` `not_dates`, `speakers`,
`ignore_paragraphs`, `ignore_sections`), applied to the claims before they are aligned: they hold
on every rebuild whatever the articles' new text and the rows' ids become. A rule that matches
nothing is reported, as the rules by id are (rows.facts_of).
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Article, Diagnostic, Entity, ParsedArticle
from ..reading.overrides import Phrases, Rules
from . import labels
from .sentences import Extracted, View

HEADING_WORDS = 8  # a heading: a line this short that does not end a sentence, or a Markdown `#` line
NOT_A_HEADING = re.compile(r"[.!?][\"'”’)]*\Z|\d|:.")  # a sentence's end, a figure (a dated list line), a colon inside
KINDS = (("not_dates", "no date"), ("speakers", "no quote"), ("ignore_paragraphs", "no paragraph"),
         ("ignore_sections", "no heading"))


def apply(items: list[Extracted], parsed: list[ParsedArticle], sents: View, rules: Rules | None
          ) -> tuple[list[Extracted], set[tuple[str, str]]]:
    """The claims the pattern rules keep, with the speakers they give (and the row labels that
    name them); and (kind, rule) of each rule that matched something."""
    used: set[tuple[str, str]] = set()
    if rules is None or not (rules.not_dates or rules.speakers or rules.ignore_paragraphs or rules.ignore_sections):
        return items, used
    left_out = _left_out([pa.article for pa in parsed], rules, used)
    not_dates, quotes = Phrases(rules.not_dates), Phrases(rules.speakers)
    speakers = {words: _speaker(name, list(sents.entity_by_id.values())) for words, name in rules.speakers.items()}
    by_id = {pa.article.id: pa for pa in parsed}
    out = []
    for x in items:
        found = not_dates.within(x.claim.text) if x.kind in ("date", "time") else []
        used.update(("not_dates", w) for w in found)
        if found or (x.claim.article, x.claim.segment) in left_out:
            continue
        words = quotes.within(x.claim.value) if x.kind == "quote" else []
        if words:
            used.add(("speakers", words[0]))
            speaker, name = speakers[words[0]]
            x = dataclasses.replace(x, speaker=speaker, subject=name, doubt="")
            x = dataclasses.replace(x, label=labels.label(by_id[x.claim.article], x.claim.segment, x, sents))
        out.append(x)
    return out, used


def unmatched(rules: Rules, used: set[tuple[str, str]]) -> list[Diagnostic]:
    """A warning for each pattern rule that matched nothing."""
    return [Diagnostic("warning", rules.origin(kind, item), f"facts: {kind} rule `{item}` matches {what} in this "
                       "briefing; update or remove it")
            for kind, what in KINDS for item in getattr(rules, kind) if (kind, item) not in used]


def _speaker(name: str, entities: list[Entity]) -> tuple[str, str]:
    """(speaker id, name shown) of a `speakers` rule's name: the entity it names by any of its
    names, else the name as written (quotes given it pair with each other, never with another
    speaker's)."""
    key = " ".join(name.split()).casefold()
    found = next((e for e in entities if any(" ".join(a.split()).casefold() == key for a in (e.name, *e.aliases))),
                 None)
    return (found.id, found.name) if found is not None else (f"editor:{key}", name)


def _left_out(articles: list[Article], rules: Rules, used: set[tuple[str, str]]) -> set[tuple[str, int]]:
    """(article, segment) of every paragraph an `ignore_paragraphs` rule names, and of every
    paragraph under a heading an `ignore_sections` rule names, to the next heading."""
    paragraphs, headings = Phrases(rules.ignore_paragraphs), Phrases(rules.ignore_sections)
    out = set()
    for a in articles:
        section: list[str] = []  # the rules naming the current heading
        for si, seg in enumerate(a.segments):
            if seg.kind != "title" and is_heading(seg.text):
                section = headings.within(seg.text)
                used.update(("ignore_sections", w) for w in section)
            paragraph = paragraphs.within(seg.text)
            used.update(("ignore_paragraphs", w) for w in paragraph)
            if section or paragraph:
                out.add((a.id, si))
    return out


def is_heading(text: str) -> bool:
    """A section heading: a Markdown `#` line, or a short line that does not end a sentence and
    holds no figure and no colon but at its end ("Timeline", "What happens next", "Results:");
    not a line of a list ("Oct. 12: the orbit is confirmed", "2019 - the first survey")."""
    text = text.strip()
    return text.startswith("#") or (len(text.split()) <= HEADING_WORDS and not NOT_A_HEADING.search(text))
