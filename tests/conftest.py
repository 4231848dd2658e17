"""Shared fixtures: hand-built spaCy Docs for rule tests, the real pipeline for the rest."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from briefing.model import Article, ParsedArticle, Segment
from briefing.nlp.parser import Parser, doc_to_parsed

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def vocab():
    return spacy.blank("en").vocab


def make_doc(vocab, words, *, ents=None, tags=None, deps=None, heads=None, pos=None, lemmas=None, spaces=None):
    """A Doc from words and annotations; `ents` are IOB strings like "B-PERSON"."""
    n = len(words)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags or ["NNP"] * n, deps=deps or ["dep"] * n,
              heads=heads if heads is not None else list(range(n)), pos=pos, lemmas=lemmas,
              ents=ents or ["O"] * n)
    return doc


def article_of(doc, aid="a", title_doc=None) -> ParsedArticle:
    """Wrap a Doc as a one-paragraph article whose raw text is the Doc's text."""
    raw = doc.text
    article = Article(id=aid, file=f"seeds/{aid}.txt", raw=raw, title=aid, segments=(Segment("paragraph", 0, len(raw), raw),))
    return ParsedArticle(article, (doc_to_parsed(doc, 0),))


@pytest.fixture(scope="session")
def parser(tmp_path_factory):
    """The real default pipeline, with a session cache."""
    return Parser(cache_dir=tmp_path_factory.mktemp("nlp-cache"))


@pytest.fixture(scope="session")
def nlp(parser):
    return parser.nlp


@pytest.fixture
def project(tmp_path):
    """A copy of the project's mkdocs.yml, docs/ and seeds/ in a scratch folder."""
    for name in ("mkdocs.yml", "overrides.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


# A small invented story (no sample or development-set text): two outlets, one place, one person,
# one company, a number both report, a quote, and one line of scraper residue.
TINY_ARTICLES = {
    "courier": "Caldmoor closes its old harbour bridge\n\n"
               "Mayor Elena Varga closed the Caldmoor harbour bridge on Monday after engineers found cracks in "
               "two of its piers.\n\n"
               "\u201cWe will not take risks with anyone\u2019s life,\u201d Varga said at the town hall.\n\n"
               "Brightwater Ferries will add three extra boats while the bridge is shut, the company said.\n",
    "radio": "Harbour bridge shut after cracks are found\n\n"
             "The harbour bridge in Caldmoor was closed on Monday, Mayor Elena Varga announced, after inspectors "
             "found cracks in two piers.\n\n"
             "Photo: Tomas Reyes / Harbour Radio\n\n"
             "Brightwater Ferries said it would run three extra boats during the closure.\n",
}

TINY_MKDOCS = """\
site_name: Caldmoor bridge
theme:
  name: material
  font: false
plugins:
  - search
  - briefing:
      title: Caldmoor bridge closure
      articles:
        courier: {source: Caldmoor Courier, date: "2024-03-04"}
        radio: {source: Harbour Radio, date: "2024-03-04"}
markdown_extensions:
  - attr_list
  - tables
  - toc:
      permalink: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


@pytest.fixture
def tiny(tmp_path):
    """A scratch project (mkdocs.yml, docs/, seeds/) holding the small invented story above."""
    (tmp_path / "mkdocs.yml").write_text(TINY_MKDOCS, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Caldmoor\n\nA hand-written page.\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    for aid, text in TINY_ARTICLES.items():
        (tmp_path / "seeds" / f"{aid}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def yaml_bomb_under_articles(project):
    """Replace the `articles:` option of a `tiny` project's mkdocs.yml with a YAML alias bomb: nine
    lines, 9**9 items once expanded. A message that prints the value floods the log."""
    cfg = project / "mkdocs.yml"
    text = cfg.read_text()
    start, end = text.index("      articles:\n"), text.index("markdown_extensions:")
    lines = ["        x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"        x{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    cfg.write_text(text[:start] + "      articles:\n" + "\n".join(lines) + "\n" + text[end:])


def env_and_inherit(project):
    """Move a `tiny` project's mkdocs.yml into base.yml, which mkdocs.yml INHERITs; the plugin's
    title comes from `!ENV BRIEFING_TEST_TITLE` and the site name from `!ENV` with a default."""
    base = project / "base.yml"
    cfg = project / "mkdocs.yml"
    base.write_text(cfg.read_text().replace("title: Caldmoor bridge closure", "title: !ENV BRIEFING_TEST_TITLE"))
    cfg.write_text("INHERIT: base.yml\nsite_name: !ENV [BRIEFING_TEST_SITE, Caldmoor]\n")


def briefing_cli(project, *args, **kwargs):
    """`briefing build ARGS` run in `project` as a user would (a new process)."""
    return subprocess.run([sys.executable, "-m", "briefing", "build", *args], cwd=project, capture_output=True,
                          text=True, timeout=300, **kwargs)


def mkdocs_cli(project, *args, **kwargs):
    """`mkdocs ARGS` run in `project` (the plugin is found through its entry point)."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project, capture_output=True, text=True,
                          timeout=300, **kwargs)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def analyse(parser, texts: dict[str, str], dates: dict[str, str] | None = None):
    """Run the real pipeline (no files) over {article id: text}: (parsed, entities, facts)."""
    from briefing import facts
    from briefing.entities import repair, resolve
    from briefing.reading import seeds as sources

    articles = []
    for aid, text in texts.items():
        segments, _ = sources.split_segments(text)
        articles.append(Article(id=aid, file=f"seeds/{aid}.txt", raw=text, title=aid, segments=tuple(segments),
                                date=(dates or {}).get(aid)))
    parsed = parser.parse(articles)
    ents, _ = resolve.resolve(parsed, repair.mentions(parsed))
    return parsed, ents, facts.extract_and_align(parsed, ents)


def sentences(vocab, words, **kw):
    """A Doc whose sentences end at each "." (every token hangs on its sentence's first token)."""
    heads, start = [], 0
    for i, w in enumerate(words):
        heads.append(start)
        if w == ".":
            start = i + 1
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return make_doc(vocab, words, heads=heads, deps=deps, **kw)
