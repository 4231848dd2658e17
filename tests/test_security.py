"""Untrusted article text against a real `mkdocs build` of the project's own mkdocs.yml."""
import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from briefing.store import output
from briefing.build import gather
from briefing.plugin.settings import load_settings
from briefing.text import clean_text

from conftest import ROOT
from hostile import FRONT_MATTER, HOSTILE_TITLE, PIECES


def new_project(tmp: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("briefing"))
    (tmp / "seeds").mkdir()
    return tmp


def build_site(project: Path, parser) -> None:
    """`briefing build` then `mkdocs build`, in-process (the same calls the commands make)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    settings, docs_dir, problems = load_settings(project / "mkdocs.yml")
    cfg = dataclasses.replace(settings, articles={})
    assert not problems
    result = gather(cfg, project, parser)
    output.write(docs_dir / cfg.output, result.pages, "docs/briefing")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config["plugins"]["briefing"].config["articles"] = {}
    config["plugins"]["briefing"]._parser = parser
    build(config)


def visible(node) -> str:
    """The text a reader sees in a block, without the theme's heading permalink."""
    for link in node.select("a.headerlink"):
        link.decompose()
    return node.get_text().strip()


def assert_inert(site: Path) -> None:
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not attr.lower().startswith("on"), (page, el)
                assert not value.strip().lower().startswith("javascript:"), (page, el)
                if attr not in ("title", "content", "aria-label", "alt", "data-md-component",
                                "data-bf-tip"):  # text attributes (briefing.js shows data-bf-tip as text)
                    assert "PWN" not in value, (page, attr, value)
            if el.name in ("script", "style", "iframe", "img", "object", "embed", "code", "ol",
                           "hr", "abbr", "del", "ins", "s", "mark", "h2", "h3", "li", "table"):
                if el.name in ("script", "style"):
                    assert "PWN" not in el.get_text(), (page, el)
                elif el.name in ("del", "ins") and "bf-diff" in el.get("class", []):
                    continue
                elif el.name in ("h2", "li", "table"):
                    continue  # our own glossary headings, backlink lists and fact tables
                else:
                    assert "PWN" not in el.get_text() and "PWN" not in str(el.attrs), (page, el)
        assert "root:x:0:0" not in soup.get_text()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, parser):
    project = new_project(tmp_path_factory.mktemp("hostile"))
    body = "\n\n".join(f"Paragraph {n} says {piece} and goes on." for n, piece in enumerate(PIECES))
    lines = "\n\n".join(PIECES)
    (project / "seeds/plain.txt").write_text(f"{HOSTILE_TITLE}\n\n{body}\n\n{lines}\n", encoding="utf-8")
    (project / "seeds/with meta ü.md").write_text(FRONT_MATTER + "Storm\n\nRain fell on Vienna.\n", encoding="utf-8")
    (project / "seeds/..dots.txt").write_text("Same title\n\nOne.\n", encoding="utf-8")
    (project / "seeds/<b onclick=PWN()>PWN [x](y) {{ z }}.txt").write_text("Named badly\n\nText.\n", encoding="utf-8")
    (project / "seeds/same.txt").write_text("Same title\n\nTwo.\n", encoding="utf-8")
    build_site(project, parser)
    return project


def test_hostile_text_is_inert_in_every_page(hostile_site):
    assert_inert(hostile_site / "site")


def test_reader_sees_the_text_as_written(hostile_site):
    page = next((hostile_site / "site/briefing/articles").glob("ports*/index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    raw = (hostile_site / "seeds/plain.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
    assert visible(soup.find(id="p-0")) == clean_text(HOSTILE_TITLE)
    for n, text in enumerate(paragraphs[1:], start=1):
        node = soup.find(id=f"p-{n}")
        assert node is not None and node.get_text() == clean_text(text), n
    assert soup.title.get_text().startswith(clean_text(HOSTILE_TITLE))


def test_same_titles_get_distinct_pages_and_odd_file_names_build(hostile_site):
    pages = sorted(p.name for p in (hostile_site / "docs/briefing/articles").glob("*.md"))
    assert "same-title.md" in pages and "same-title-2.md" in pages
    assert any(p.startswith("storm") for p in pages) and "named-badly.md" in pages
    page = BeautifulSoup((hostile_site / "site/briefing/articles/named-badly/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.find("b") is None and page.find(attrs={"onclick": True}) is None
    assert "onclick" not in page.get_text()  # the byline names the outlet, not the file
    export = json.loads((hostile_site / "site/briefing/briefing.json").read_text(encoding="utf-8"))
    assert "seeds/<b onclick=PWN()>PWN [x](y) {{ z }}.txt" in {a["file"] for a in export["articles"]}


def test_front_matter_values_are_escaped(hostile_site):
    page = next((hostile_site / "site/briefing/articles").glob("storm*/index.html"))
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
    assert "<script>window.PWN=1</script> Herald" in text  # shown as text
    assert "[PWN](javascript:PWN())" in text


text_piece = st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                                                        max_size=40))


@settings(max_examples=40, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@example(title="cp1252", paragraphs=["{ onclick=PWN() } \x9d\x8f \U000465901\x99 [PWN link](javascript:PWN())",
                                     "cp1252", "{ onclick=PWN() } \x9d\x8f cp1252 [PWN link](javascript:PWN())"])
@example(title="<img src=x onerror=PWN()> PWN\x00nul\x07bell\x1bescape",  # "!" right before a mention
         paragraphs=["!\U000f2801\x0f  UL\xa0\x053M`QF÷\xa0\U00091acd\x1bü\U00015128\U0010ea6a ÷\x88\x82æ_ãf\x82\U0007d44a"])
@given(title=st.lists(text_piece, min_size=1, max_size=3).map(" ".join),
       paragraphs=st.lists(st.lists(text_piece, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4))
def test_generated_articles_stay_inert_and_readable(tmp_path_factory, parser, title, paragraphs):
    project = new_project(tmp_path_factory.mktemp("gen"))
    title = "T " + title.replace("\n", " ").replace("\r", " ")
    paragraphs = ["P " + re.sub(r"\s*\n\s*", " ", p) for p in paragraphs]
    (project / "seeds/gen.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    head = (project / "seeds/gen.txt").read_bytes()[:8192]
    assume(head.count(b"\x00") * 20 <= len(head))  # a short text of NULs is skipped as a binary file, rightly
    build_site(project, parser)
    assert_inert(project / "site")
    page = next((project / "site/briefing/articles").glob("*/index.html"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    raw = (project / "seeds/gen.txt").read_bytes().decode("utf-8")
    from briefing.reading.seeds import split_segments
    segments, removed = split_segments(raw)
    for n, seg in enumerate(segments):
        node = soup.find(id=f"p-{n}")
        assert node is not None
        assert visible(node) == clean_text(seg.text)


BLOCK_LINES = ["!!! danger PWN", "??? note PWN", "???+ note PWN", "/// warning", "::: note PWN", '=== "PWN tab"',
               "Term PWN\n: definition PWN"]
BLOCK_EXTENSIONS = """  - admonition
  - def_list
  - pymdownx.details
  - pymdownx.blocks.admonition
  - pymdownx.blocks.details
  - pymdownx.tabbed:
      alternate_style: true
"""


def test_lines_that_open_an_extension_block_stay_text(tmp_path, parser):
    """With Material's admonition, details, tabbed and pymdownx.blocks on, an article line, an outlet
    or a description starting `!!!`, `???`, `///`, `:::` or `===` made a box with the writer's
    classes and title; each stays text where it lands (paragraph, list item, quote)."""
    project = new_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("markdown_extensions:\n", "markdown_extensions:\n"
                                                       + BLOCK_EXTENSIONS), encoding="utf-8")
    body = "\n\n".join(BLOCK_LINES)
    (project / "seeds/crane.md").write_text(
        '---\nsource: "!!! danger PWN"\ndate: "2024-03-04"\n---\nHarbour crane falls\n\n'
        f"{body}\n\nThe crane fell on 3 March 2024, the Harbour Board said.\n\n"
        "\u201cNobody was hurt,\u201d said Mira Holm, the board's chair.\n", encoding="utf-8")
    (project / "overrides.yml").write_text('version: 1\ndescribe:\n  Mira Holm: "??? note PWN"\n',
                                           encoding="utf-8")
    build_site(project, parser)
    for page in (project / "site/briefing").rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        boxes = soup.select(".admonition, .tabbed-set, dl") + [d for d in soup.find_all("details")
                                                              if "bf-more" not in d.get("class", [])]
        assert not boxes, (page, boxes[:2])
    soup = BeautifulSoup(next((project / "site/briefing/articles").glob("harbour*/index.html")).read_text(
        encoding="utf-8"), "html.parser")
    for n, line in enumerate(BLOCK_LINES, start=1):
        assert visible(soup.find(id=f"p-{n}")) == clean_text(line)
    timeline = (project / "site/briefing/timeline/index.html").read_text(encoding="utf-8")
    assert "!!! danger PWN: " in BeautifulSoup(timeline, "html.parser").get_text()
    glossary = (project / "site/briefing/glossary/index.html").read_text(encoding="utf-8")
    assert "??? note PWN (editor)" in BeautifulSoup(glossary, "html.parser").get_text()


BREAKOUTS = ['" onmouseover="PWN()', "' onfocus='PWN()", "</a><img src=x onerror=PWN()>",
             "</p><script>window.PWN=1</script><p>", "</div></ul><script>window.PWN=1</script>",
             '<p markdown="1">**PWN**</p>', "</li><li><a href=javascript:PWN()>x</a>", "&quot; onclick=&quot;PWN()"]


def test_text_cannot_leave_the_html_the_tool_writes(tmp_path, parser):
    """Paragraphs, mentions (and their tooltips), glossary backlinks and fact-table links are HTML the
    tool writes itself (render/links.py), which Markdown passes through as it is. Text that tries to
    close them, open a block or add an attribute stays text where it lands: each paragraph reads as
    written, each backlink holds its sentence, each claim's title its sentence, each tooltip the
    editor's description (after the one decoding a browser does; briefing.js shows it as text)."""
    project = new_project(tmp_path)
    for name, boats in (("quay.txt", 40), ("marina.txt", 45)):
        body = "\n\n".join(f"Mayor Clara Osei said {boats} boats {b} were moored in Harwick on Monday."
                           for b in BREAKOUTS)
        (project / "seeds" / name).write_text(f"Boats moored in Harwick {BREAKOUTS[2]}\n\n{body}\n", encoding="utf-8")
    description = "Mayor </a><script>window.PWN=1</script> \" onclick=\"PWN()"
    (project / "overrides.yml").write_text(f"version: 1\ndescribe:\n  Clara Osei: {json.dumps(description)}\n",
                                           encoding="utf-8")
    build_site(project, parser)
    assert_inert(project / "site")
    site = project / "site/briefing"
    texts = clean_text((project / "seeds/quay.txt").read_text()) + clean_text((project / "seeds/marina.txt").read_text())
    for page in (site / "articles").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        raw = (project / "seeds" / ("marina.txt" if "45 boats" in soup.find(id="p-1").get_text() else "quay.txt")).read_text()
        for n, text in enumerate(p for p in raw.split("\n\n") if p.strip()):
            assert visible(soup.find(id=f"p-{n}")) == clean_text(text), (page, n)
        tips = {a["data-bf-tip"] for a in soup.select("a.bf-ent") if "Osei" in a.get_text()}
        assert tips == {f"Person: {description}"}
        titles = [a["title"] for a in soup.select("table a[title]") if "boats" in a.get_text()]
        assert titles and [t for t in titles if t not in texts] == []  # a sentence of the text, as written
        assert sum(any(b in t for b in BREAKOUTS) for t in titles) >= 4
    glossary = BeautifulSoup((site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    sentences = [a.get_text() for a in glossary.select(".bf-backlinks li a") if "boats" in a.get_text()]
    assert len(sentences) >= 8 and all(s in texts for s in sentences)
    assert sum(any(b in s for b in BREAKOUTS) for s in sentences) >= 8


def test_clean_text_folds_every_space_and_drops_every_control_character():
    """clean_text over every code point: each character Python's regular expressions call a space
    (\\s: NBSP, the ideographic space, U+2028 ...) is folded with its neighbours into one space and
    dropped at the ends; the control and bidi characters go; every other character stays."""
    for code in range(0x110000):
        c = chr(code)
        if re.fullmatch(r"\s", c):
            assert clean_text(f"{c}a{c}{c} b{c}") == "a b", hex(code)
        elif re.fullmatch(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", c):
            assert clean_text(f"a{c}b") == "ab", hex(code)
        else:
            assert clean_text(f" a{c}b ") == f"a{c}b", hex(code)
