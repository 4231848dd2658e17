"""Article pages: the text with every mention a typed link to its glossary entry, and the fact table.
The paragraphs are HTML blocks, their mentions `<a>` elements (links.py), so Markdown leaves them as
they are; the text in them is escaped as everywhere (escape.md_inline)."""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from ..model import Article, Entity
from ..words.english import format_date
from ..words.knowledge import language_name
from .context import Context, css, label_name, legend
from .escape import DOUBLE_SPACE, md_inline, md_short, md_text, protect_start
from .facttable import fact_table


def tooltip(e: Entity) -> str:
    """The mention's tooltip text, for the `data-bf-tip` attribute that briefing.js shows with
    `textContent` (never the theme's tooltips, which render a title as HTML)."""
    desc = f": {e.description}" if e.description else ""
    return md_short(f"{label_name(e.label)}{desc}", 160)  # on every mention: kept short


def annotate(ctx: Context, article: Article, start: int, end: int, here: str) -> str:
    """Article text [start, end) as text that is the same in Markdown and HTML (escape.md_inline),
    each mention a typed `<a>` to its glossary entry from the page `here` (links.py: Markdown's
    link parsing was most of a page's cost). Whitespace is folded across the pieces exactly as
    clean_text folds the whole text."""
    out: list[str] = []

    def add(piece: str) -> None:
        piece = DOUBLE_SPACE.sub(" ", piece)
        if piece.startswith(" ") and (not out or out[-1].endswith(" ")):
            piece = piece[1:]
        if piece:
            out.append(piece)

    pos = start
    anchors = ctx.anchors.get(article.id, [])
    k = bisect.bisect_left(anchors, start)
    for m in itertools.chain(ctx.mentions_from(article.id, start), [None]):
        # anchors of sentences a fact or a backlink points at, up to this mention's end (one at its
        # very start comes first; one inside it, where the parser began a sentence within a name
        # the entities joined, "Ana | Ruiz", stands before it), or to the segment's end
        while k < len(anchors) and anchors[k] < end and (m is None or anchors[k] < m.end):
            cut = max(pos, anchors[k] if m is None else min(anchors[k], m.start))
            add(md_inline(article.raw[pos:cut]))
            add(f'<span class="bf-s" id="s-{anchors[k]}"></span>')
            pos = cut
            k += 1
        if m is None or m.start >= end:
            break
        if m.end > end or m.start < pos:
            continue
        label = md_inline(m.text)
        if not label.strip():
            continue  # nothing visible to link
        e = ctx.entity_of[(m.article, m.start)]
        add(md_inline(article.raw[pos:m.start]) + (" " if label.startswith(" ") else ""))
        add(ctx.urls.link(label.strip(), here, ctx.glossary_of[e.id], e.id,
                          f' class="bf-ent bf-{css(e.label)}" data-bf-tip="{tooltip(e)}"')
            + (" " if label.endswith(" ") else ""))
        pos = m.end
    add(md_inline(article.raw[pos:end]))
    return protect_start("".join(out).strip())


def byline(a: Article) -> str:
    """Outlet, date, author and the original link: what a reader asks of a source (the file the
    article came from is the editor's business, in briefing.json)."""
    parts = [md_text(a.source) if a.source else "Unknown outlet"]
    if a.date:
        parts.append(md_text(readable_date(a.date)))
    elif a.inferred_date:
        evidence = f"a {a.date_evidence}" if a.date_evidence else "the text"
        parts.append(f"{md_text(readable_date(a.inferred_date))} (date inferred from {md_text(evidence)})")
    if a.author:
        parts.append("by " + md_text(a.author))
    if a.url and re.match(r"https?://", a.url):
        parts.append(f"[original article]({md_text(a.url)})")
    return "<small class=\"bf-byline\">" + " · ".join(parts) + "</small>"


def readable_date(iso: str) -> str:
    """"2015-09-18" -> "18 September 2015"; anything else as given."""
    try:
        return format_date(dt.date.fromisoformat(iso), "%-d %B %Y")
    except ValueError:
        return iso


def article_page(ctx: Context, a: Article) -> str:
    lines = ctx.head(a.title, "../")
    top = len(lines)
    head = [byline(a), ""]
    if a.language:  # reading/language.py: not in the pipeline's language, so not annotated
        head += [f"*Not annotated: this article is written in {md_text(language_name(a.language))}, a language the "
                 "pipeline does not read.*", ""]
    key = legend({m.label for m in ctx.mentions.get(a.id, [])})
    if key:
        head += [key, ""]  # near the top, with only the types this article has
    here = ctx.article_page(a.id)
    for si, seg in enumerate(a.segments):
        body = annotate(ctx, a, seg.start, seg.end, here)
        if seg.kind == "title":
            lines += [f"# {body} {{ #p-{si} }}", ""]
            lines += head
        elif seg.kind == "standfirst":  # paragraphs as HTML blocks: Markdown passes them through untouched
            lines += [f'<p id="p-{si}" class="bf-standfirst"><em>{body}</em></p>', ""]
        else:
            lines += [f'<p id="p-{si}">{body}</p>', ""]
    if not a.segments or a.segments[0].kind != "title":
        lines[top:top] = [f"# {md_text(a.title)}", ""] + head
    lines += ["## Facts across sources { #facts }", ""]
    lines += fact_table(ctx, ctx.facts_of.get(a.id, []), a.id)
    lines.append("")
    return "\n".join(lines)
