"""Links the tool writes as HTML, and the check that each leads somewhere.

The links between generated pages that come by the thousand (every mention to its glossary entry,
every glossary backlink and fact-table claim to its sentence) are written as `<a href>` with the
address MkDocs gives the target page, not as Markdown links: Python-Markdown's inline link parsing
was most of what an annotated page cost MkDocs (issue 25). MkDocs neither rewrites nor validates
those links, so `check` does what its strict validation did for them: every such link must lead
to a page of the build and to an id on that page, or the build warns (and a strict build fails).

Pages are named as the build names them (`b0001/articles/x.md`, relative to the output folder);
a page's address follows MkDocs' `use_directory_urls` (`Urls.directory`).
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from ..model import Diagnostic

HREF = re.compile(r'<a href="([^"]*)"')  # only the tool writes "<a": article text has "<" escaped
IDS = re.compile(r'\bid="([^"]+)"|\{:? #([^\s}]+)')  # HTML ids, and attr_list ids of headings and blocks


@dataclass(frozen=True)
class Urls:
    """Page addresses as MkDocs makes them: `a/b.md` is `a/b/` with directory URLs (MkDocs'
    default), `a/b.html` without; `a/index.md` is `a/` or `a/index.html`."""

    directory: bool = True

    def url(self, page: str) -> str:
        if not page.endswith(".md"):
            return page  # a file published as it is (briefing.json)
        stem = page[:-3]
        if not self.directory:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5]
        return stem + "/"

    def href(self, here: str, there: str, anchor: str = "") -> str:
        """The link from page `here` to page `there` (both relative to one folder; `there` may
        climb out of it with `../`), at `anchor` if given: relative, as MkDocs writes links."""
        rel, same = self._page_href(here, there)
        return f"#{anchor}" if anchor and same else rel + (f"#{anchor}" if anchor else "")

    @functools.lru_cache(maxsize=4096)  # a page links to a few pages thousands of times
    def _page_href(self, here: str, there: str) -> tuple[str, bool]:
        """The relative address of page `there` from page `here`, and whether it is that page."""
        target = self.url(there)
        rel = posixpath.relpath(f"{_ROOT}/{target}", f"{_ROOT}/{_folder(self.url(here))}")
        if target.endswith("/") or not target:
            rel = "./" if rel == "." else rel + "/"
        return rel, posixpath.normpath(there) == posixpath.normpath(here)

    def link(self, text: str, here: str, there: str, anchor: str = "", attrs: str = "") -> str:
        """`<a href>` around `text`, which must already be escaped (escape.md_text or md_inline)."""
        return f'<a href="{self.href(here, there, anchor)}"{attrs}>{text}</a>'


_ROOT = "/r" * 8  # relpath of two relative paths without the current folder: from a deep enough root


def ids_in(text: str) -> set[str]:
    """The ids a page's Markdown or HTML holds: HTML ids, and attr_list ids of headings and blocks."""
    return {a or b for a, b in IDS.findall(text)}


def _folder(url: str) -> str:
    """The folder a relative link on the page at `url` starts from."""
    return url if url.endswith("/") or not url else posixpath.dirname(url)


def check(pages: dict[str, str], urls: Urls, shown: str) -> list[Diagnostic]:
    """A warning for each `<a href>` of a page in `pages` (path -> text, relative to the output
    folder, shown in messages as `shown/path`) that leads to no page of `pages`, or to an id its
    target page does not have. Links that leave the output folder are not the tool's: skipped."""
    by_url = {urls.url(p): p for p in pages}
    ids: dict[str, set[str]] = {}
    out = []
    for page, text in sorted(pages.items()):
        if not page.endswith(".md"):
            continue
        seen: set[str] = set()
        for href in HREF.findall(text):
            if href in seen or "://" in href or href.startswith(("mailto:", "/")):
                continue
            seen.add(href)
            problem = _broken(page, href, pages, by_url, ids, urls)
            if problem:
                out.append(Diagnostic("warning", f"{shown}/{page}",
                                      f"the generated link `{href}` {problem}: this is a bug in "
                                      "briefing; please report it with the seeds that made it"))
    return out


def _broken(page: str, href: str, pages: dict[str, str], by_url: dict[str, str], ids: dict[str, set[str]],
            urls: Urls) -> str | None:
    """Why `href` on `page` leads nowhere, or None."""
    path, _, anchor = href.partition("#")
    if path:
        joined = posixpath.normpath(posixpath.join(_folder(urls.url(page)), path))
        if joined == ".." or joined.startswith("../"):
            return None  # outside the output folder: not a page this build made
        target = by_url.get("" if joined == "." else joined + ("/" if path.endswith("/") else ""))
        if target is None:
            return "leads to no page of the build"
    else:
        target = page
    if anchor:
        if target not in ids:
            ids[target] = ids_in(pages[target])
        if anchor not in ids[target]:
            return f"leads to `{target}`, which has no `#{anchor}`"
    return None
