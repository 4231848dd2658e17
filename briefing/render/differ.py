""""Where the outlets differ": one line per disputed fact, at the top of the briefing's home, with
each outlet's value linked to its sentence and a link to the fact's row in the table below."""
from __future__ import annotations

from ..facts.review import shown_as_disputed
from ..text import plural
from .context import Context
from .escape import diff_html, md_short, md_text
from .facttable import claim_link, row_label

MAX_LINES = 30  # disputed facts listed; the rest are in the table below
MAX_VALUES = 4  # outlets' values on one line


def differ_section(ctx: Context) -> list[str]:
    """Disputed facts the tool is sure of (or an editor set): a reader never sees an unsure pairing
    here; those are listed by `briefing review`."""
    disputed = shown_as_disputed(list(ctx.b.facts))
    lines = ["## Where the outlets differ { #where-the-outlets-differ }", ""]
    if not disputed:
        cross = sum(f.status == "agree" for f in ctx.b.facts)
        return lines + [f"No disputed fact: on the {plural(cross, 'fact')} more than one outlet reports, they agree."
                        if cross else "No fact is reported by more than one outlet, so none can be disputed.", ""]
    for f in disputed[:MAX_LINES]:
        values = [f"{md_text(ctx.source_name(c.article))}: {claim_link(ctx, c, 'index.md')}" for c in f.claims[:MAX_VALUES]]
        if len(f.claims) > MAX_VALUES:
            values.append(f"{plural(len(f.claims) - MAX_VALUES, 'more source')}")
        line = f"- **{row_label(f)}**: " + " ≠ ".join(values)
        if any(op != "=" for op, _ in f.diff):  # the words that differ, as the fact's row shows them
            line += f"<br><small>wording: {diff_html(f.diff)}</small>"
        elif f.note:
            line += f"<br><small>{md_short(f.note)}</small>"
        lines.append(line + f' · [in the table](#{f.id} "This fact in the table below")')
    if len(disputed) > MAX_LINES:
        lines.append(f"- … and {plural(len(disputed) - MAX_LINES, 'more disputed fact')} in the table below")
    return lines + [""]
