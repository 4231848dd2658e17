"""The HTML blocks of a generated page set aside while MkDocs converts its Markdown (render/blocks.py):
the same HTML as converting the page whole, and MkDocs' anchor validation still knows their ids."""
import logging

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from briefing.render import blocks

EXTENSIONS = ["attr_list", "tables", "toc", "md_in_html"]
PAGE = """---
title: "Match report"
---

<nav class="bf-crumbs" aria-label="Breadcrumb" data-search-exclude markdown="span">[Home](../index.md)</nav>

# The final { #p-0 }

<p id="p-1"><span class="bf-s" id="s-0"></span><a href="../glossary/#rovers" class="bf-ent bf-org">Rovers</a> won 3&#45;1.</p>

<p id="p-2" class="bf-standfirst"><em>A late goal.</em></p>

## Rovers { #rovers }

<div class="bf-backlinks" data-search-exclude>
<p><strong>Gazette</strong>, <a href="../a/">Match report</a>:</p>
<ul>
<li><a href="../a/#s-0">Rovers won 3&#45;1.</a></li>
</ul>
</div>

## Facts across sources { #facts }

<table>
<thead>
<tr>
<th>Fact</th>
</tr>
</thead>
<tbody>
<tr>
<td><span class="bf-fact" id="number-goals"></span>3 goals</td>
</tr>
</tbody>
</table>

<details class="bf-more">
<summary>Show 1 more fact</summary>
<table>
<tbody>
<tr>
<td>1 goal</td>
</tr>
</tbody>
</table>
</details>

*Written by hand* and a [link](x.md).
"""


def convert(text: str) -> str:
    return markdown.markdown(text.split("---\n", 2)[2], extensions=EXTENSIONS)


def test_setting_the_blocks_aside_gives_the_same_html():
    text, aside = blocks.set_aside(PAGE)
    assert len(aside) == 5 and all("<!--bf-block-" in line or "<p id=" not in line for line in text.splitlines())
    assert "<table>" not in text and "bf-backlinks" not in text and "bf-crumbs" in text  # Markdown inside: kept
    assert blocks.put_back(convert(text), aside) == convert(PAGE)


def test_the_ids_in_the_blocks_are_known():
    assert blocks.ids(blocks.set_aside(PAGE)[1]) == {"p-1", "s-0", "p-2", "number-goals"}


def test_a_line_inside_a_paragraph_of_text_is_not_a_block():
    text = "Some words\n<table>\n<tr><td>x</td></tr>\n</table>\n"
    assert blocks.set_aside(text) == (text, [])


def test_a_line_of_spaces_ends_a_block_as_a_blank_line_does():
    """Python-Markdown reads a line of spaces or tabs as blank: the Markdown after it is no part of the block."""
    text = '<p id="p-1">x</p>\n   \n- item *em*\n\n<table>\n<tr><td>y</td></tr>\n</table>\n\t\n## Head\n'
    marked, aside = blocks.set_aside(text)
    assert aside == ['<p id="p-1">x</p>', "<table>\n<tr><td>y</td></tr>\n</table>"]
    assert blocks.put_back(convert("---\n---\n" + marked), aside) == convert("---\n---\n" + text)


@pytest.mark.parametrize("html", ["<p>Intro</p>", "<!--bf-block-0--><!--bf-block-0-->", "<!--bf-block-0--><!--bf-block-7-->"])
def test_blocks_that_do_not_come_back_once_each_are_an_error(html):
    """An extension that strips HTML comments (pymdownx.striphtml's default) would drop every
    paragraph silently; one that copies them would show a paragraph twice."""
    with pytest.raises(blocks.BlocksLost, match="strip_comments"):
        blocks.put_back(html, ['<p id="p-1">x</p>'])


def _build(project, parser):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.strict = True
    config["plugins"]["briefing"]._parser = parser
    build(config)


def test_a_markdown_link_to_a_sentence_still_validates(tiny, parser, caplog):
    """A page of the user's linking to a sentence of a generated article page: the id is in a block
    Python-Markdown never saw, and MkDocs' strict anchor validation still finds it; a sentence
    that does not exist still fails the build."""
    caplog.set_level(logging.WARNING)
    _build(tiny, parser)
    page = sorted((tiny / "site/briefing/articles").iterdir())[0]
    soup = BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "html.parser")
    sentence = soup.select("article p[id] .bf-s")[0]["id"]  # in a paragraph: a block set aside
    notes = tiny / "docs/notes.md"
    notes.write_text(f"# Notes\n\nSee [a sentence](briefing/articles/{page.name}.md#{sentence}).\n", encoding="utf-8")
    _build(tiny, parser)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    notes.write_text(f"# Notes\n\nSee [no sentence](briefing/articles/{page.name}.md#s-999999).\n", encoding="utf-8")
    with pytest.raises(Abort):
        _build(tiny, parser)
    assert any("s-999999" in r.getMessage() for r in caplog.records)
