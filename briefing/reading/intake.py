"""`briefing add`: saved web pages and links -> article files for the seeds folder.

Each source is a saved page (`.html`, `.htm`, read through files.py) or an http(s) link (fetched
by fetch.py); pages.py finds the article in it. The article becomes a Markdown file with front
matter (title, source, date, author, url: the keys metadata.py checks) and one paragraph per
block, named after its outlet and title (`reuters-oil-falls-on-oversupply.md`).

Nothing is written here: `prepare` gathers the files to create and the problems found, and the
CLI hands the files to the writer (store/output.create). A source whose article the folder
already holds (the same address, or without one the same outlet, title and first paragraph) is
reported and not added again; a name another article has gets a number (`…-2.md`).
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from . import fetch, files, pages
from .metadata import MAX_LENGTH
from .seeds import MAX_BYTES as MAX_ARTICLE_BYTES
from .seeds import PAGE_SUFFIXES, front_matter
from ..model import Diagnostic
from ..text import clean_text, plural, shorten

MAX_PAGE_BYTES = 10_000_000  # a saved news page is a few hundred KB to about 1 MB; scripts inline make more
NAME_LENGTH = 80  # characters of a file name before ".md"


@dataclass(frozen=True)
class NewArticle:
    """A new article file: its name in the folder, its text, and what it came from."""

    source: str  # the link or file as the user gave it
    name: str
    text: str
    page: pages.Page


def prepare(sources: list[str], folder: Path, fetcher: Callable[[str, int], fetch.Fetched] = fetch.fetch
            ) -> list[NewArticle | Diagnostic]:
    """For each source in turn, the article to write into `folder`, or the problem that kept it
    out (an error), or that the folder holds it already (info). One failure never stops the others."""
    known = _existing(folder)
    taken = {Path(name).stem.casefold() for name in _names(folder)}
    out: list[NewArticle | Diagnostic] = []
    for source in sources:
        page, problem = _page(source, fetcher)
        if problem is not None:
            out.append(problem)
            continue
        if not page.paragraphs:
            out.append(Diagnostic("error", source, "not added: no article text found in the page"))
            continue
        key = _identity(page)
        if key in known:
            out.append(Diagnostic("info", source, f"already added as {(folder / known[key]).as_posix()}; "
                                                  "nothing written"))
            continue
        name = _free_name(_name(page, source), taken)
        taken.add(Path(name).stem.casefold())
        known[key] = name
        out.append(NewArticle(source, name, markdown(page), page))
    return out


def _page(source: str, fetcher: Callable[[str, int], fetch.Fetched]) -> tuple[pages.Page | None, Diagnostic | None]:
    """The page a source gives, or why not."""
    if fetch.is_link(source):
        got = fetcher(source, MAX_PAGE_BYTES)
        if got.data is None:
            return None, Diagnostic("error", source, f"not added: {got.problem}")
        return pages.read_page(pages.decode(got.data, got.charset), got.url), None
    path = Path(source)
    if path.suffix.lower() not in PAGE_SUFFIXES:
        if "://" in source[:12]:
            return None, Diagnostic("error", source, "not added: only http:// and https:// links are fetched")
        return None, Diagnostic("error", source, "not added: give a saved web page (.html, .htm) or an http(s) link; "
                                                 "a .txt or .md article goes straight into the seeds folder")
    if not os.path.lexists(path):
        return None, Diagnostic("error", source, "not added: no such file")
    got = files.read(path, MAX_PAGE_BYTES)
    if got.data is None:
        why = {files.LARGE: f"over the {MAX_PAGE_BYTES:,}-byte limit for one page",
               files.LINK: "a symbolic link; give the file itself",
               files.SPECIAL: "not a regular file"}.get(got.refused, f"cannot read it ({got.detail})")
        return None, Diagnostic("error", source, f"not added: {why}")
    return pages.read_page(pages.decode(got.data)), None


def markdown(page: pages.Page) -> str:
    """The article file: front matter with the metadata found (each value a YAML double-quoted
    string, written as JSON, which YAML reads the same), then one paragraph per block."""
    lines = ["---"]
    for key in ("title", "source", "date", "author", "url"):
        value = getattr(page, key)
        if value:
            lines.append(f"{key}: {json.dumps(_fit(value, MAX_LENGTH[key]), ensure_ascii=False)}")
    lines += ["---", ""]
    body = [clean_text(p) for p in page.paragraphs]
    return "\n".join(lines) + "\n\n".join(p for p in body if p) + "\n"


def _fit(value: str, limit: int) -> str:
    value = clean_text(value)
    if len(value) <= limit:
        return value
    cut = value[:limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _identity(page: pages.Page) -> tuple[str, ...]:
    if page.url:
        return ("url", page.url.rstrip("/"))
    return ("page", (page.source or "").casefold(), (page.title or "").casefold(), page.paragraphs[0][:200])


def _existing(folder: Path) -> dict[tuple[str, ...], str]:
    """The articles the folder holds, by identity (see _identity) -> their file name."""
    out: dict[tuple[str, ...], str] = {}
    for name in _names(folder):
        if not name.lower().endswith(".md"):
            continue
        got = files.read(folder / name, MAX_ARTICLE_BYTES)
        if got.data is None:
            continue
        raw = got.data.decode("utf-8", errors="replace")
        meta, start, _ = front_matter(raw, name)
        if meta.get("url"):
            out[("url", meta["url"].rstrip("/"))] = name
        body = [clean_text(line) for line in raw[start:].split("\n\n") if clean_text(line)]
        if body:
            out[("page", meta.get("source", "").casefold(), meta.get("title", "").casefold(), body[0][:200])] = name
    return out


def _names(folder: Path) -> list[str]:
    try:
        return sorted(e.name for e in os.scandir(folder))
    except OSError:
        return []


def _name(page: pages.Page, source: str) -> str:
    """`outlet-title-words`, cut at a word, or the saved file's name."""
    words = " ".join(w for w in (page.source, page.title) if w)
    slug = slugify(words, max_length=NAME_LENGTH, word_boundary=True) if words else ""
    if not slug and not fetch.is_link(source):
        slug = slugify(Path(source).stem, max_length=NAME_LENGTH, word_boundary=True)
    return slug or "article"


def _free_name(stem: str, taken: set[str]) -> str:
    """`stem.md`, or `stem-2.md`, `stem-3.md`… when an article (of any kind: a.txt and a.md are one
    id) already has the name."""
    candidate, n = stem, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate + ".md"


def summary(article: NewArticle, shown: str) -> str:
    """`wrote seeds/x.md: "Title" (Outlet, 2019-11-19, by Jane Roe): 12 paragraphs`, and the blocks of the
    page's article left out as page furniture (related links, credits, prompts), so the user can check them."""
    p = article.page
    about = ", ".join(x for x in (p.source, p.date, f"by {p.author}" if p.author else None) if x)
    line = f"wrote {shown}: {json.dumps(shorten(p.title or '', 80), ensure_ascii=False)}" + (f" ({about})" if about else "")
    line += f": {plural(len(p.paragraphs), 'paragraph')}"
    if p.removed:
        first = json.dumps(shorten(p.removed[0], 60), ensure_ascii=False)
        line += f"; left out {plural(len(p.removed), 'block')} read as page furniture (the first: {first})"
    return line


def missing(article: NewArticle) -> str | None:
    """What the page did not give, and how to add it; None when it gave everything."""
    lacking = [k for k in article.page.missing if k in ("title", "source", "date")]
    if not lacking:
        return None
    hint = {"title": "title: …", "source": "source: Outlet Name", "date": 'date: "YYYY-MM-DD"'}
    return (f"no {', '.join(lacking)} found in the page; add {', '.join(f'`{hint[k]}`' for k in lacking)} "
            "to its front matter")

