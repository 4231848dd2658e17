"""The HTML blocks of a generated page, set aside while MkDocs converts the page's Markdown.

What comes by the thousand on a page (article paragraphs, glossary backlinks, fact tables) is
written as HTML blocks the tool escapes itself, whose links links.py checks. Python-Markdown still
parsed every tag of them (md_in_html's parser, to find where each block ends) and MkDocs parsed the
page's source once more for the ids it holds, only to pass the blocks through unchanged: about a
quarter of what `mkdocs build` spent on the site (issue 25). The plugin hands MkDocs the page with
each such block replaced by a comment (`set_aside`), puts the blocks back into the HTML MkDocs made
(`put_back`) before any other plugin (the search index, the theme) reads it, and tells MkDocs'
anchor validation the ids they hold (`ids`), so a Markdown link to a sentence still validates.
The Markdown on disk keeps its blocks: MkDocs without the plugin makes the same HTML from it.
"""
from __future__ import annotations

import re

from .links import ids_in

# A block the render writes (article.py, glossary.py, facttable.py): a paragraph with its id, a
# glossary entry's backlinks, a fact table, a folded fact table; from its first line, after a
# blank line (or a line of spaces and tabs, blank to Markdown too), to the next. Article text never
# starts a line with "<" (escape.md_text).
BLOCK = re.compile(r'(?:(?<=\n\n)|\A)(?:<p id="p-|<div class="bf-backlinks"|<table>|<details class="bf-more">)'
                   r"[^\n]*(?:\n(?![ \t]*(?:\n|\Z))[^\n]+)*")
MARK = re.compile(r"<!--bf-block-(\d+)-->")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The page with each block replaced by a numbered comment (an HTML block Markdown copies as
    it is), and the blocks in order."""
    aside: list[str] = []

    def mark(m: re.Match) -> str:
        aside.append(m.group())
        return f"<!--bf-block-{len(aside) - 1}-->"

    return BLOCK.sub(mark, markdown), aside


class BlocksLost(Exception):
    """Blocks set aside did not come back once each: an extension removed or copied their marks."""


def put_back(html: str, aside: list[str]) -> str:
    """The HTML of a page made from `set_aside`'s text, with its blocks in place again; BlocksLost
    unless every block comes back exactly once."""
    seen: list[int] = []

    def back(m: re.Match) -> str:
        seen.append(int(m.group(1)))
        return aside[seen[-1]] if seen[-1] < len(aside) else m.group()

    out = MARK.sub(back, html)
    if sorted(seen) != list(range(len(aside))):
        lost = len(set(range(len(aside))) - set(seen))
        raise BlocksLost(
            f"{lost} of the {len(aside)} HTML blocks the briefing plugin set aside while Markdown converted the page "
            "did not come back once each (a Markdown extension removed or copied the <!--bf-block-N--> comments "
            "standing in for them, as pymdownx.striphtml does by default): turn off that extension's comment "
            "stripping (pymdownx.striphtml: `strip_comments: false`) or remove it.")
    return out


def ids(aside: list[str]) -> set[str]:
    """The ids the blocks hold (targets of links to a sentence, a paragraph or a fact)."""
    return set().union(*map(ids_in, aside))
