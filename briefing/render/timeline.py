"""The timeline: every dated fact in time order, each with its sources; a date the outlets give
differently is marked and shown at its earliest value. Dates that cannot be placed (no year, or a
relative date in an article without a publication date) are listed apart, as written."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import NamedTuple

from ..model import Claim, Fact
from ..words.english import format_date
from .context import TIMELINE, Context, plural
from .escape import md_text
from .facttable import STATUS, claim_link

GRANULARITY = {"year": 0, "range": 0, "month": 1, "week": 2, "day": 3}  # coarser first on the same start
MAX_SOURCES = 6  # claims listed under one entry


class When(NamedTuple):
    """A claim's date value read back: where it sorts, how a reader reads it."""

    placed: bool  # a year is known: it goes in the ordered list
    key: tuple  # sort key
    shown: str  # "Fri 18 Sep 2015", "Sep 2015", "2015", "18 Sep (year not given)"
    precision: int  # how exact: more is better when claims agree


def when(claim: Claim) -> When | None:
    """A resolved date value ("2015-09-18", "2015-W38", "2015-09", "2015", "1950-53",
    "XXXX-01-25", "XXXX-02") as a When; None for a value that was not resolved (it is the words)."""
    v = claim.value
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = dt.date(*map(int, m.groups()))
            return When(True, (d, GRANULARITY["day"]), format_date(d, "%a %-d %b %Y"), 3)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            d = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return When(True, (d, GRANULARITY["week"]), f"week of {format_date(d, '%-d %b %Y')}", 2)
        if (m := re.fullmatch(r"(\d{4})-(\d{2})", v)) and 1 <= int(m.group(2)) <= 12:
            d = dt.date(int(m.group(1)), int(m.group(2)), 1)
            return When(True, (d, GRANULARITY["month"]), format_date(d, "%b %Y"), 1)
        if m := re.fullmatch(r"(\d{4})(?:[-–](\d{2}|\d{4}))?", v):
            d = dt.date(int(m.group(1)), 1, 1)
            return When(True, (d, GRANULARITY["year" if not m.group(2) else "range"]), v.replace("-", "–"), 0)
        if m := re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", v):
            d = dt.date(2000, int(m.group(1)), int(m.group(2) or 1))  # a leap year: 29 Feb is a date
            shown = format_date(d, "%-d %b") if m.group(2) else format_date(d, "%B")
            return When(False, ((d.month, d.day if m.group(2) else 0),), shown, 2 if m.group(2) else 1)
    except ValueError:
        return None
    return None


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
        head += f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span>'
        head += f" {md_text(f.note)}" if f.note else ""
        head += " · "
    claims = list(f.claims)
    sources = [f"{md_text(ctx.source_name(c.article))}: {_sentence_link(ctx, c)}" for c in claims[:MAX_SOURCES]]
    if len(claims) > MAX_SOURCES:
        sources.append(f"… and {plural(len(claims) - MAX_SOURCES, 'more source')}")
    return [f"- {head}{'<br>'.join(sources)}"]


def _sentence_link(ctx: Context, c: Claim) -> str:
    """The claim's sentence, linked to it in its article (the date's own words are the link
    elsewhere; here the sentence says what happened)."""
    sentence = c.sentence if len(c.sentence) <= 240 else c.sentence[:239] + "…"
    return claim_link(ctx, c, TIMELINE, text=sentence)


