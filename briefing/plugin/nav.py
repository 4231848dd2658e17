"""The site's navigation as MkDocs builds it, trimmed to what a reader needs (`on_nav`)."""
from __future__ import annotations


def trim_briefing_nav(nav, out: str, nav_articles: int):
    """One briefing: article pages past `nav_articles` leave the nav (they stay linked from the
    briefing's home page), and so do the per-letter pages of a split glossary (linked from its index)."""
    for item in list(_walk(nav.items)):
        children = getattr(item, "children", None)
        if not children:
            continue
        uris = [getattr(getattr(c, "file", None), "src_uri", "") for c in children]
        if all(u.startswith(f"{out}/articles/") for u in uris) and len(children) > nav_articles:
            (item.parent.children if item.parent else nav.items).remove(item)
        elif all(u.startswith(f"{out}/glossary/") for u in uris):
            item.children = [c for c in children if c.file.src_uri == f"{out}/glossary/index.md"]
    return nav


def site_nav_section(nav, out: str, listed: list[str]):
    """The output folder's section holds the site pages `listed` (render.site.nav), in that order;
    every other page of the site is built and searchable but reached by links, not the nav."""
    pages = {getattr(getattr(item, "file", None), "src_uri", None): item for item in _walk(nav.items)}
    home = pages.get(f"{out}/{listed[0]}")
    section = next((item for item in _walk(nav.items) if getattr(item, "children", None) and
                    any(home is c for c in item.children)), None)
    if section is None:
        return nav
    section.children = [pages[f"{out}/{rel}"] for rel in listed if f"{out}/{rel}" in pages]
    for child in section.children:
        child.parent = section
    nav.pages = [item for item in _walk(nav.items) if getattr(item, "is_page", False)]
    for before, page, after in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return nav


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
