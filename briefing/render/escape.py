"""Article text into Markdown: `md_text` leaves nothing that Markdown, HTML, attr_list, Jinja or a
table can act on. Every piece of article text on a page goes through this module."""
from __future__ import annotations

import functools
import html
import json
import re

from ..text import CONTROL, clean_text, shorten

UNSAFE = re.compile(r"[^A-Za-z0-9 ,.;:?!'/\-\u0080-\U0010ffff]")  # every other ASCII character
WHITESPACE = re.compile(r"\s+")
DOUBLE_SPACE = re.compile(r"  +")


@functools.lru_cache(maxsize=65536)
def md_text(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text and nothing else.

    ASCII punctuation that any enabled extension could read as syntax becomes a numeric
    character reference; control and bidi characters are dropped and whitespace folded.
    """
    return protect_start(md_inline(clean_text(text)))


def md_inline(text: str) -> str:
    """Like md_text for a piece inside a line: a space at either edge is kept."""
    return UNSAFE.sub(_reference, WHITESPACE.sub(" ", CONTROL.sub("", text)))


def _reference(m: re.Match) -> str:
    return f"&#{ord(m.group())};"


BLOCK_START = re.compile(r"\A(?:-|\d+[.)]|[:!?/])")  # read with .match: anchored, never searched


def protect_start(markdown: str) -> str:
    """A line must not open a block: '-' (list, rule), '1.' (ordered list), ':' (a definition, or
    ':::' blocks), and what common extensions read at a line's start: '!!!' (admonition), '???'
    (pymdownx.details), '///' (pymdownx.blocks); '===' (pymdownx.tabbed) and every other block
    marker ('#', '>', '*', '+', '|', indentation) are already escaped or folded."""
    if BLOCK_START.match(markdown):
        return f"&#{ord(markdown[0])};" + markdown[1:]
    return markdown


def md_short(text: str, limit: int = 300) -> str:
    """md_text of a value that can grow with an article (a note listing every value outlets give,
    a description), cut to `limit` characters with "…": a page repeats it, so it stays short."""
    return md_text(shorten(text, limit))


def diff_html(diff: tuple[tuple[str, str], ...]) -> str:
    """A word diff as <del>/<ins> (read out by screen readers, struck through or underlined in print)."""
    tags = {"-": ('<del class="bf-diff">', "</del>"), "+": ('<ins class="bf-diff">', "</ins>"), "=": ("", "")}
    return " ".join(f"{tags[op][0]}{md_inline(text)}{tags[op][1]}" for op, text in diff)


def meta_title(text: str) -> str:
    """A page title for front matter. MkDocs and the theme put `page.title` into <title>, the nav
    and the search index without escaping it, so it is HTML-escaped here, then quoted as YAML."""
    return json.dumps(html.escape(clean_text(text), quote=True), ensure_ascii=False)
