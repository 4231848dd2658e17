"""Briefing -> pages (Markdown, JSON, CSS, JS), one module per kind of page. Every piece of
article text goes through `escape.md_text`, which leaves nothing that Markdown, HTML, attr_list,
Jinja or a table can act on."""
from __future__ import annotations

from importlib import resources

from ..model import Briefing
from .article import article_page
from .context import CSV_FILE, JSON_FILE, QUOTES, TIMELINE, Context, glossary_layout
from .export import export, facts_csv
from .glossary import glossary_pages
from .home import index_page
from .links import Urls, check as check_links
from .quotes import quotes_page
from .timeline import timeline_page
from .site import front_page, site_pages

__all__ = ["Urls", "assets", "check_links", "front_page", "glossary_layout", "pages", "site_pages"]
ASSETS = ("briefing.css", "briefing.js")


def pages(briefing: Briefing, shared: dict[str, str] | None = None, site: str | None = None,
          urls: Urls = Urls()) -> dict[str, str]:
    """The briefing's pages, relative to its folder; `shared`, `site` and `urls` as for `Context`."""
    ctx = Context(briefing, shared, site, urls)
    out = {"index.md": index_page(ctx), **glossary_pages(ctx), TIMELINE: timeline_page(ctx), QUOTES: quotes_page(ctx),
           JSON_FILE: export(ctx), CSV_FILE: facts_csv(ctx)}
    for a in briefing.articles:
        out[ctx.article_page(a.id)] = article_page(ctx, a)
    return out


def assets() -> dict[str, str]:
    """The stylesheet and script, once per site, at the root of the output folder."""
    folder = resources.files("briefing") / "assets"
    return {name: (folder / name).read_text(encoding="utf-8") for name in ASSETS}
