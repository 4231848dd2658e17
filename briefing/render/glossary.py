"""The glossary: one heading per entity with its names, type, descriptions and every mention
linked back to its sentence. Past GLOSSARY_SPLIT entities, one page per initial and an index."""
from __future__ import annotations

from collections import defaultdict

from ..model import Entity, Mention
from ..text import plural
from .context import Context, css, label_name, legend
from .escape import md_short, md_text

MAX_BACKLINKS = 60  # paragraphs listed under one glossary entry, from however many articles
MAX_ALIASES = 20  # other names listed under one entry
MAX_DESCRIPTIONS = 8  # descriptions listed under one entry


def glossary_pages(ctx: Context) -> dict[str, str]:
    entities = sorted(ctx.b.entities, key=lambda e: (e.name.casefold(), e.id))
    intro = (f"{plural(len(entities), 'entity', 'entities')} named in {plural(len(ctx.b.articles), 'article')}, "
             "merged across sources. "
             "Each entry lists its names, a description taken from the text, and every mention with a link "
             "back to its sentence.")
    if not ctx.glossary_split:
        return {ctx.glossary_home: _glossary(ctx, ctx.glossary_home, "Glossary", intro, entities, "", ())}
    by_page: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_page[ctx.glossary_of[e.id]].append(e)
    index = [*ctx.head("Glossary", "../"), "# Glossary", "", intro, ""]
    pages = {}
    for page, members in sorted(by_page.items()):
        letter = page.split("/")[-1][:-3].upper()
        pages[page] = _glossary(ctx, page, f"Glossary: {letter}", intro, members, "../", (("Glossary", "index.md"),))
        index.append(f"- [{letter}]({page.split('/')[-1]}): {plural(len(members), 'entity', 'entities')}")
    pages[ctx.glossary_home] = "\n".join(index) + "\n"
    return pages


def _glossary(ctx: Context, here: str, title: str, intro: str, entities: list[Entity], up: str,
              via: tuple[tuple[str, str], ...]) -> str:
    lines = [*ctx.head(title, up, boost=3, via=via), f"# {md_text(title)}", "", intro, "",
             legend({e.label for e in entities}), ""]
    for e in entities:
        lines += [f"## {md_text(e.name)} {{ #{e.id} }}", ""]
        lines.append(f'<span class="bf-type bf-{css(e.label)}">{label_name(e.label)}</span> · '
                     f"{plural(len(e.mentions), 'mention')}")
        lines.append("")
        others = [a for a in e.aliases if a != e.name]
        if others:
            more = f" and {plural(len(others) - MAX_ALIASES, 'more name')}" if len(others) > MAX_ALIASES else ""
            lines += ["Also: " + ", ".join(md_text(a) for a in others[:MAX_ALIASES]) + more, ""]
        for d in e.descriptions[:MAX_DESCRIPTIONS]:
            where = f" ({md_text(ctx.source_name(d.article))})" if d.article else " (editor)"
            lines += [f"> {md_short(d.text)}{where}", ""]
        if len(e.descriptions) > MAX_DESCRIPTIONS:
            lines += [f"… and {plural(len(e.descriptions) - MAX_DESCRIPTIONS, 'more description')}", ""]
        if e.id in ctx.shared:
            lines += [f"[{md_text(e.name)} in other briefings]({up}{ctx.shared[e.id]})", ""]
        lines += _backlinks(ctx, e, here)
    return "\n".join(lines)


def _backlinks(ctx: Context, e: Entity, here: str) -> list[str]:
    """Per article, the first mention in each paragraph, as its sentence linked to that sentence;
    MAX_BACKLINKS in all, then a link to the next paragraph and to the next article: an entity
    named in every paragraph of a long article makes a bounded entry, not a page-long list.
    One HTML block (Markdown leaves it as it is: links.py), left out of search: the sentences are
    the articles' own, found there."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in e.mentions:
        by_article[m.article].append(m)
    block: list[str] = []
    more: list[str] = []
    room = MAX_BACKLINKS
    in_order = sorted(by_article, key=ctx.order.get)
    for n, aid in enumerate(in_order):
        if room <= 0:
            rest = in_order[n:]
            paragraphs = sum(len({m.segment for m in by_article[x]}) for x in rest)
            more = [ctx.urls.link(f"… and {plural(paragraphs, 'more paragraph')} in {plural(len(rest), 'more article')}",
                                  here, ctx.article_page(aid)), ""]
            break
        a = ctx.articles[aid]
        page = ctx.article_page(aid)
        block += [f"<p><strong>{md_text(ctx.source_name(aid))}</strong>, "
                  f"{ctx.urls.link(md_text(a.title), here, page)}:</p>", "<ul>"]
        first_in_paragraph: dict[int, Mention] = {}
        for m in by_article[aid]:
            first_in_paragraph.setdefault(m.segment, m)
        firsts = list(first_in_paragraph.values())
        block += [f"<li>{ctx.urls.link(md_text(_sentence(a.raw, m)), here, page, f's-{m.sentence[0]}')}</li>"
                  for m in firsts[:room]]
        if len(firsts) > room:
            rest = f"… and {plural(len(firsts) - room, 'more paragraph')} in this article"
            block.append(f"<li>{ctx.urls.link(rest, here, page, f's-{firsts[room].sentence[0]}')}</li>")
        room -= len(firsts)
        block.append("</ul>")
    if not block:
        return more
    return ['<div class="bf-backlinks" data-search-exclude>', *block, "</div>", "", *more]


def _sentence(raw: str, m: Mention) -> str:
    """The mention's sentence; a very long one is cut around the mention."""
    s, e = m.sentence
    if e - s <= 400:
        return raw[s:e]
    return "…" + raw[max(s, m.start - 150):min(e, m.end + 150)] + "…"
