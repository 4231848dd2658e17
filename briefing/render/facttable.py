"""Fact tables: each fact with every source's wording (linked to its sentence) and the status."""
from __future__ import annotations

from ..model import Claim, Fact
from .context import Context
from .escape import diff_html, md_text

STATUS = {"agree": "✓ agree", "differ": "≠ differ", "single": "○ single"}
KIND = {"number": "Number", "duration": "Duration", "age": "Age", "date": "Date", "quote": "Quote",
        "equipment": "Equipment"}
MAX_CLAIMS_SHOWN = 6


def claim_link(ctx: Context, claim: Claim, on_page: str | None) -> str:
    """A claim's text linked to its sentence; `on_page` is the article page it is shown on."""
    if claim.article == on_page:
        target = f"#s-{claim.sentence_start}"
    else:
        target = f"{'' if on_page else 'articles/'}{ctx.slugs[claim.article]}.md#s-{claim.sentence_start}"
    sentence = claim.sentence if len(claim.sentence) <= 300 else claim.sentence[:299] + "…"
    return f'[{md_text(claim.text)}]({target} "{md_text(sentence)}")'  # the whole sentence on hover


def claims_cell(ctx: Context, claims: list[Claim], on_page: str | None) -> str:
    """Claims as `Outlet: wording` lines; long lists are cut so a page does not grow with the briefing."""
    shown = "<br>".join(f"{md_text(ctx.source_name(c.article))}: {claim_link(ctx, c, on_page)}"
                        for c in claims[:MAX_CLAIMS_SHOWN])
    if len(claims) > MAX_CLAIMS_SHOWN:
        shown += f"<br>… and {len(claims) - MAX_CLAIMS_SHOWN} more sources"
    return shown


def fact_table(ctx: Context, facts: list[Fact], aid: str | None) -> list[str]:
    """On an article page (aid given): this source's wording against every other source's."""
    if not facts:
        return ["No numbers, dates or quotes found."]
    head = "| Fact | This source | Other sources | Status |" if aid else "| Fact | Claims | Status |"
    rows = [head, "|---" * (head.count("|") - 1) + "|"]
    for f in facts:
        subject = f"{KIND.get(f.kind, f.kind)}: {md_text(f.subject)}"
        status = f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span>'
        if f.note:
            status += f"<br><small>{md_text(f.note)}</small>"
        if f.diff:
            status += "<br><small>" + diff_html(f.diff) + "</small>"
        if aid:
            mine = "<br>".join(claim_link(ctx, c, aid) for c in f.claims if c.article == aid)
            others = claims_cell(ctx, [c for c in f.claims if c.article != aid], aid) or "—"
            rows.append(f"| {subject} | {mine} | {others} | {status} |")
        else:
            rows.append(f"| {subject} | {claims_cell(ctx, list(f.claims), None)} | {status} |")
    return rows
