"""Fact tables: each fact with every source's wording (linked to its sentence) and the status."""
from __future__ import annotations

from ..facts.review import is_unsure
from ..model import Claim, Fact
from ..text import plural
from .context import Context
from .escape import diff_html, md_short, md_text

STATUS = {"agree": "✓ agree", "differ": "≠ differ", "single": "○ single"}
UNSURE = "? unsure"  # a disagreement the tool is not sure of: an editor has not checked it
KIND = {"number": "Number", "duration": "Duration", "age": "Age", "date": "Date", "time": "Time", "quote": "Quote",
        "equipment": "Equipment", "ordinal": "Ordinal"}
MAX_CLAIMS_SHOWN = 6
MAX_CROSS_SHOWN = 30  # rows where outlets meet shown before the fold: what a reader comes for
MAX_SINGLE_SHOWN = 6  # single-source rows shown before the fold, the most important first
KIND_WEIGHT = {"quote": 3.0, "number": 2.5, "age": 1.0, "duration": 2.0, "money": 3.0, "percent": 2.5, "date": 1.5}
REPEAT_COST = 1.0  # each earlier row of the same kind and subject costs a row this much


def claim_link(ctx: Context, claim: Claim, here: str, text: str | None = None) -> str:
    """A claim's text (or `text`) linked to its sentence from the page `here` (relative to the
    briefing's folder), as an `<a>` (links.py), the whole sentence on hover."""
    return ctx.urls.link(md_text(text or claim.text), here, ctx.article_page(claim.article),
                         f"s-{claim.sentence_start}", f' title="{md_short(claim.sentence)}"')


def claims_cell(ctx: Context, claims: list[Claim], here: str) -> str:
    """Claims as `Outlet: wording` lines; long lists are cut so a page does not grow with the briefing."""
    shown = "<br>".join(f"{md_text(ctx.source_name(c.article))}: {claim_link(ctx, c, here)}"
                        for c in claims[:MAX_CLAIMS_SHOWN])
    if len(claims) > MAX_CLAIMS_SHOWN:
        shown += f"<br>… and {plural(len(claims) - MAX_CLAIMS_SHOWN, 'more source')}"
    return shown


def own_claims_cell(ctx: Context, claims: list[Claim], aid: str) -> str:
    """This article's wordings of a fact, cut like `claims_cell`: an article repeating one figure a
    thousand times makes one row, not a line a thousand links long (Markdown's inline parsing of
    one line grows with its square). The rest are a link to the first one left out."""
    here = ctx.article_page(aid)
    shown = "<br>".join(claim_link(ctx, c, here) for c in claims[:MAX_CLAIMS_SHOWN])
    if len(claims) > MAX_CLAIMS_SHOWN:
        more = claims[MAX_CLAIMS_SHOWN]
        shown += "<br>" + ctx.urls.link(f"… and {len(claims) - MAX_CLAIMS_SHOWN:,} more in this article", here, here,
                                        f"s-{more.sentence_start}")
    return shown


def importance(ctx: Context, f: Fact) -> float:
    """How much a reader wants a fact one source reports: its kind (a named speaker's words, a
    counted thing; an age is a detail), whether its sentence is about the story the outlets share
    (it names someone or something most of the articles name), and how early it comes (news puts
    what matters first)."""
    claim = f.claims[0]
    weight = KIND_WEIGHT.get(f.kind, 1.0)
    if f.kind == "quote" and f.subject == "unattributed":
        weight -= 1.5
    elif f.kind == "quote" and not f.subject[:1].isupper():
        weight -= 0.75  # "the letter", "one official": a speaker not named
    if f.kind == "date" and claim.value == claim.text:
        weight -= 0.5  # a date not resolved to a day or month
    length = max(1, len(ctx.articles[claim.article].raw))
    return weight + 1.5 * ctx.shared_by(claim.article, claim.sentence_start, claim.sentence_end) + \
        2.0 * (1 - claim.start / length)


def ordered(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Cross-source rows first (as given: differ, then agree), then single-source rows by
    importance, where each earlier row of the same kind and subject (a fourth quote of one speaker,
    a third count of households) costs a row REPEAT_COST, so the first rows say different things."""
    cross = [f for f in facts if f.status != "single"]
    scored = sorted(((round(importance(ctx, f), 6), n, f) for n, f in enumerate(facts) if f.status == "single"),
                    key=lambda x: (-x[0], x[1]))
    seen: dict[tuple[str, str], int] = {}
    single = []
    for score, n, f in scored:
        repeats = seen.get((f.kind, f.subject), 0)
        seen[(f.kind, f.subject)] = repeats + 1
        single.append((score - REPEAT_COST * repeats, ctx.order[f.claims[0].article], f.claims[0].start, n, f))
    return cross + [x[-1] for x in sorted(single, key=lambda x: (-x[0], *x[1:4]))]


def fact_table(ctx: Context, facts: list[Fact], aid: str | None) -> list[str]:
    """On an article page (aid given): this source's wording against every other source's. Shown
    first: the rows where outlets meet (up to MAX_CROSS_SHOWN) and the MAX_SINGLE_SHOWN single-source
    rows a reader wants most; the rest is folded in a <details> element (no script needed)."""
    if not facts:
        return ["No numbers, dates or quotes found."]
    facts = ordered(ctx, facts)
    cross = sum(f.status != "single" for f in facts)
    shown = MAX_CROSS_SHOWN if cross > MAX_CROSS_SHOWN else cross + MAX_SINGLE_SHOWN
    lines = _table(ctx, facts[:shown], aid)
    rest = facts[shown:]
    if rest:
        what = "more single-source fact" if all(f.status == "single" for f in rest) else "more fact"
        lines += ["", '<details class="bf-more">', f"<summary>Show {plural(len(rest), what)}</summary>",
                  *_table(ctx, rest, aid), "</details>"]
    return lines


def row_label(f: Fact) -> str:
    """What a reader reads the row as: its label ("Flights cancelled"), else its kind and subject."""
    return md_text(f.label) if f.label else f"{KIND.get(f.kind, f.kind)}: {md_text(f.subject)}"


def status_cell(f: Fact) -> str:
    """The status, with the reason a row differs; a disagreement the tool is unsure of says so
    instead of "differ" (`briefing review` lists it for the editor)."""
    unsure = is_unsure(f) and f.status != "single"
    if unsure and f.status == "differ":
        cell = f'<span class="bf-status bf-unsure">{UNSURE}</span>'
    else:
        cell = f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span>'
    if f.note:
        cell += f"<br><small>{md_short(f.note)}</small>"
    if unsure:
        cell += "<br><small>pairing not sure: not checked by an editor</small>"
    return cell


def _table(ctx: Context, facts: list[Fact], aid: str | None) -> list[str]:
    """The table as HTML, the markup Python-Markdown's tables extension would make of it (its inline
    parsing of every cell was most of the cost of an article page); every cell is already safe as
    HTML (md_text), and its links are `<a>` from the article's page, or (no `aid`) from the
    briefing's home, checked by links.py. No blank line inside: the block stays one HTML block."""
    here = ctx.article_page(aid) if aid else "index.md"
    head = ("Fact", "This source", "Other sources", "Status") if aid else ("Fact", "Claims", "Status")
    rows = ["<table>", "<thead>", _row("th", head), "</thead>", "<tbody>"]
    for f in facts:
        # the fact id is its permanent anchor: derived from what the fact is, not where it sits
        subject = (f'<span class="bf-fact" id="{f.id}"></span>'
                   + ctx.urls.link("¶", here, here, f.id, ' title="Link to this fact" class="bf-permalink"')
                   + f" {row_label(f)}")
        status = status_cell(f)
        if f.diff:
            status += "<br><small>" + diff_html(f.diff) + "</small>"
        if aid:
            mine = own_claims_cell(ctx, [c for c in f.claims if c.article == aid], aid)
            others = claims_cell(ctx, [c for c in f.claims if c.article != aid], here) or "—"
            rows.append(_row("td", (subject, mine, others, status)))
        else:
            rows.append(_row("td", (subject, claims_cell(ctx, list(f.claims), here), status)))
    return rows + ["</tbody>", "</table>"]


def _row(tag: str, cells: tuple[str, ...]) -> str:
    return "\n".join(["<tr>", *(f"<{tag}>{cell}</{tag}>" for cell in cells), "</tr>"])
