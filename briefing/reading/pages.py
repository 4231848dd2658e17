"""A saved web page -> the article it holds: body paragraphs, title, outlet, date, author, address.

trafilatura (Apache-2.0) finds the article in the page and reads its metadata; this module turns
its result into plain data at the boundary and then applies the project's own rules:
  - the body is trafilatura's extraction favouring precision, or its default extraction when the
    precise one keeps less than half of it (a page whose article is mostly links);
  - elements the page hides, a first block that is the title again, a block whose words are all
    links (a teaser for another story) and residue lines (residue.py: captions, credits, calls
    to action, rights notices) are left out;
  - the metadata is completed by pagemeta.py (outlet, title without the outlet, date stated in a
    caption before the caption goes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import datelines, pagemeta, pubdate, residue
from ..text import clean_text

# trafilatura's output elements that hold one block of text each; `row` is a table row
_BLOCK = frozenset({"p", "head", "item", "quote", "row", "cell", "list", "table"})
_LEAF = ("p", "head", "item", "quote", "row")
_META_CHARSET = re.compile(r"""<meta[^>]{0,200}?charset=["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
# htmldate: the publication date (not the last update) from the page's markup and address only;
# its extensive search guesses from any text, and made "2024-01-01" of a footer's "© 2024"
DATE_SEARCH = {"extensive_search": False, "original_date": True}
MIN_PRECISE_SHARE = 0.5  # the precise extraction must keep this share of the default one's text
LINKED_SHARE = 0.9  # a block with this share of its letters in links is a teaser
# elements the page itself hides: the `hidden` attribute, an inline style, the usual class names
HIDDEN = ("//*[@hidden or contains(translate(@style, ' ', ''), 'display:none') "
          "or contains(translate(@style, ' ', ''), 'visibility:hidden') "
          "or contains(concat(' ', normalize-space(@class), ' '), ' hidden ') "
          "or contains(concat(' ', normalize-space(@class), ' '), ' hide ')]")


@dataclass(frozen=True)
class Block:
    """One block of the extracted body: its text and whether all of it is a link."""

    text: str
    kind: str  # "p", "head", "item", "quote", "row"
    linked: bool


@dataclass(frozen=True)
class Page:
    """What a web page gives: the article's paragraphs and its metadata (None when not found)."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    source: str | None = None
    date: str | None = None  # YYYY-MM-DD
    author: str | None = None
    url: str | None = None
    removed: tuple[str, ...] = ()  # blocks left out of the body, for the user's information

    @property
    def missing(self) -> tuple[str, ...]:
        """The metadata keys the page did not give."""
        return tuple(k for k in ("title", "source", "date", "author", "url") if getattr(self, k) is None)


def read_page(html: str, url: str | None = None) -> Page:
    """The article in `html` (a whole page as text); `url` is where it was fetched from, if known."""
    import trafilatura  # imported here: only `briefing add` reads web pages

    options = dict(url=url, with_metadata=True, include_links=True, include_comments=False, include_tables=True,
                   include_images=False, date_extraction_params=DATE_SEARCH, prune_xpath=HIDDEN)
    precise = trafilatura.bare_extraction(html, favor_precision=True, **options)
    default = trafilatura.bare_extraction(html, **options)
    chosen = precise
    if _length(precise) < MIN_PRECISE_SHARE * _length(default):
        chosen = default
    meta = pagemeta.read(html, chosen or default, url)
    blocks = _blocks(chosen.body) if chosen is not None and chosen.body is not None else []
    kept, removed = _article(blocks, meta.title)
    # a caption or date line that states the date or the outlet gives it before it goes
    date = meta.date or next((d for b in blocks if (d := pubdate.date_line(b.text)) and d[:1] != "-"), None)
    source = meta.source or datelines.outlet([b.text for b in blocks])
    return Page(tuple(kept), meta.title, source, date, meta.author, meta.url, tuple(removed))


def decode(data: bytes, declared: str | None = None) -> str:
    """A page's bytes as text: UTF-8 when they are, else the charset the response or the page
    declares, else Windows-1252 (which decodes any byte)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    found = _META_CHARSET.search(data[:4096].decode("latin-1"))  # any byte is one character: a charset is ASCII
    for charset in (declared, found.group(1) if found else None):
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1252", errors="replace")


def _length(doc) -> int:
    return len(doc.text or "") if doc is not None else 0


def _blocks(body) -> list[Block]:
    """The body's blocks in order: each leaf block element once, nested containers walked, and
    text standing loose between blocks (trafilatura keeps a subheading so) a block of its own."""
    out: list[Block] = []
    _walk(body, out)
    return out


def _walk(el, out: list[Block]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "row":
        text = " ".join(t for t in (_text(cell) for cell in el) if t)
        if text:
            out.append(Block(text, tag, False))
        return
    if tag in _LEAF and not any(isinstance(d.tag, str) and d.tag in _BLOCK for d in el.iterdescendants()):
        text = _text(el)
        if text:
            out.append(Block(text, tag, _all_linked(el, text)))
        return
    _loose(el.text, out)
    for child in el:
        _walk(child, out)
        _loose(child.tail, out)


def _loose(text: str | None, out: list[Block]) -> None:
    text = clean_text(text or "")
    if text:
        out.append(Block(text, "p", False))


def _text(el) -> str:
    """The element's text in reading order, a line break (`lb`) read as a space."""
    return clean_text(_inner(el))


def _inner(el) -> str:
    parts = [el.text or ""]
    for child in el:
        parts.append(" " if child.tag == "lb" else _inner(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _all_linked(el, text: str) -> bool:
    """Whether the block's words are all inside links (a teaser for another page)."""
    linked = " ".join(_text(ref) for ref in el.iter("ref") if ref.get("target"))
    return bool(linked) and len(_letters(linked)) >= LINKED_SHARE * len(_letters(text))


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text)


def _article(blocks: list[Block], title: str | None) -> tuple[list[str], list[str]]:
    """(paragraphs of the article, blocks left out)."""
    kept, removed = [], []
    for block in blocks:
        drop = (block.linked and block.kind != "row"
                or residue.is_residue(block.text)
                or (not kept and title is not None and _same(block.text, title))
                or not _letters(block.text))
        (removed if drop else kept).append(block.text)
    return kept, removed


def _same(a: str, b: str) -> bool:
    return _letters(a).casefold() == _letters(b).casefold()
