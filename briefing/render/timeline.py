"""The timeline: every dated fact in time order, each with its sources; a date the outlets give
differently is marked and shown at its earliest value. Dates that cannot be placed (no year, or a
relative date in an article without a publication date) are listed apart, as written."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import NamedTuple

from ..facts.review import is_unsure
from ..model import COARSER, Claim, Fact
from ..text import plural, shorten
from ..words.english import format_date
from .context import TIMELINE, Context
from .escape import md_short, md_text
from .facttable import STATUS, UNSURE, claim_link

GRANULARITY = {g: COARSER["year"] - n for g, n in COARSER.items()}  # year 0 ... day 3: coarser first on a start
MAX_SOURCES = 6  # claims listed under one entry


class When(NamedTuple):
    """A claim's date value read back: where it sorts, how a reader reads it."""

    placed: bool  # a year is known: it goes in the ordered list
    key: tuple  # sort key
    shown: str  # "Fri 18 Sep 2015", "Sep 2015", "2015", "18 Sep (year not given)"
    precision: int  # how exact: more is better when claims agree


def when(claim: Claim) -> When | None:
    """A claim's resolved date (Claim.date) as a When; None for a date that was not resolved (its
    value is the words) or a decade."""
    d = claim.date
    if d is None or d.granularity == "decade":
        return None
    if d.year is None:  # "25 January": a day or month with no year
        day = dt.date(2000, d.month, d.day or 1)  # a leap year: 29 Feb is a date
        shown = format_date(day, "%-d %b") if d.day else format_date(day, "%B")
        return When(False, ((d.month, d.day),), shown, 2 if d.day else 1)
    first = d.first_day()
    shown = {"day": format_date(first, "%a %-d %b %Y"), "week": f"week of {format_date(first, '%-d %b %Y')}",
             "month": format_date(first, "%b %Y"), "year": d.iso.replace("-", "–")}[d.granularity]
    return When(True, (first, GRANULARITY[d.granularity]), shown, GRANULARITY[d.granularity])


def fact_when(f: Fact) -> When | None:
    """Where a fact sits: its most exact claim when the outlets agree, its earliest when they differ."""
    found = [w for w in map(when, f.claims) if w is not None]
    if not found:
        return None
    placed = [w for w in found if w.placed] or found
    if f.status == "differ":
        return min(placed, key=lambda w: w.key)
    return min(placed, key=lambda w: (-w.precision, w.key))


def timeline_page(ctx: Context) -> str:
    dated = [f for f in ctx.b.facts if f.kind == "date"]
    placed: dict[str, list[tuple[When, Fact]]] = defaultdict(list)
    yearless: dict[str, list[tuple[When, Fact]]] = defaultdict(list)
    unplaced: list[Fact] = []
    for f in dated:
        w = fact_when(f)
        if w is None:
            unplaced.append(f)
        else:
            (placed if w.placed else yearless)[w.shown].append((w, f))
    undated = [a for a in ctx.b.articles if not a.date]
    lines = [*ctx.head("Timeline", ""), "# Timeline", ""]
    lines += [f"{plural(len(dated), 'dated fact')} from {plural(len(ctx.b.articles), 'article')}, in time order. "
              "Relative dates (\u201cFriday\u201d, \u201clast month\u201d) are placed from each article's publication "
              "date; each entry lists the outlets that give the date, linked to their sentence, and a date the "
              "outlets give differently is marked \u2260 and shown at its earliest value.", ""]
    if undated:
        lines += [f"{plural(len(undated), 'article')} {'has' if len(undated) == 1 else 'have'} no publication "
                  "date, so "
                  f"{'its' if len(undated) == 1 else 'their'} relative dates cannot be placed: they are listed "
                  "apart at the end, as written.", ""]
    if not dated:
        lines += ["No dates were found in the articles.", ""]
    lines += _section(ctx, "In order", placed)
    lines += _section(ctx, "Day and month, year not given", yearless)
    if unplaced:
        lines += ["## Not placed in time", "",
                  "Dates as the articles write them, in article order: without a publication date (or a year) "
                  "they cannot be put in order.", ""]
        unplaced.sort(key=lambda f: (ctx.order[f.claims[0].article], f.claims[0].start))
        by_words: dict[str, list[Fact]] = defaultdict(list)  # "Wednesday", "on Wednesday" and "Wednesday night"
        for f in unplaced:
            by_words[re.sub(r"^(on|in|at|by|since|until|during)\s+", "", f.claims[0].text.casefold())].append(f)
        for facts in by_words.values():
            lines += [f"### {md_text(facts[0].claims[0].text)}", ""]
            for f in facts:
                lines += _entry(ctx, f)
            lines.append("")
    return "\n".join(lines)


def _section(ctx: Context, title: str, groups: dict[str, list[tuple[When, Fact]]]) -> list[str]:
    if not groups:
        return []
    lines = [f"## {title}", ""]
    ordered = sorted(groups.items(), key=lambda kv: min(w.key for w, _ in kv[1]))
    for shown, entries in ordered:
        lines += [f"### {md_text(shown)}", ""]
        entries.sort(key=lambda wf: (wf[0].key, ctx.order[wf[1].claims[0].article], wf[1].claims[0].start))
        for _, f in entries:
            lines += _entry(ctx, f)
        lines.append("")
    return lines


def _entry(ctx: Context, f: Fact) -> list[str]:
    """One dated fact: its status (when outlets meet), then each source's sentence linked to it."""
    head = ""
    if f.status != "single":
        unsure = f.status == "differ" and is_unsure(f)  # not told as a disagreement
        head += f'<span class="bf-status bf-unsure">{UNSURE}</span>' if unsure else \
            f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span>'
        head += f" {md_short(f.note)}" if f.note else ""
        head += " · "
    claims = list(f.claims)
    sources = [f"{md_text(ctx.source_name(c.article))}: {_sentence_link(ctx, c)}" for c in claims[:MAX_SOURCES]]
    if len(claims) > MAX_SOURCES:
        sources.append(f"… and {plural(len(claims) - MAX_SOURCES, 'more source')}")
    return [f"- {head}{'<br>'.join(sources)}"]


def _sentence_link(ctx: Context, c: Claim) -> str:
    """The claim's sentence, linked to it in its article (the date's own words are the link
    elsewhere; here the sentence says what happened)."""
    return claim_link(ctx, c, TIMELINE, text=shorten(c.sentence, 240))


