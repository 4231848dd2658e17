"""The links the tool writes as HTML (render/links.py): addresses as MkDocs gives them, and the
tool's own check, which must fail a strict build where MkDocs' validation used to."""
import logging
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from briefing.render.facttable import claim_link as _REAL_CLAIM_LINK
from briefing.render.links import Urls, check

PAGES = ["index.md", "timeline.md", "glossary.md", "glossary/index.md", "glossary/z.md", "articles/a.md",
         "articles/b.md", "b0001/index.md", "b0001/articles/a.md", "b0001/glossary.md", "entities/x.md",
         "briefing.json"]


@pytest.mark.parametrize("directory", [True, False])
def test_addresses_are_the_ones_mkdocs_gives(directory):
    """Each link is what MkDocs itself makes of a Markdown link between the same two pages."""
    urls = Urls(directory)

    def mkdocs_url(page):
        return File(page, "docs", "site", directory).url

    for here in PAGES[:-1]:
        for there in PAGES:
            for anchor in ("", "s-12"):
                if here == there and not anchor:
                    continue
                expected = get_relative_url(mkdocs_url(there), mkdocs_url(here)) + (f"#{anchor}" if anchor else "")
                if here == there:
                    expected = f"#{anchor}"
                assert urls.href(here, there, anchor) == expected, (here, there, anchor)


def test_the_check_names_each_link_that_leads_nowhere():
    urls = Urls()
    pages = {
        "articles/a.md": f'<p id="p-1">{urls.link("Ann", "articles/a.md", "glossary.md", "ann")} and '
                         f'{urls.link("Bo", "articles/a.md", "glossary.md", "bo")}</p>\n'
                         f'{urls.link("gone", "articles/a.md", "articles/gone.md")}\n'
                         f'{urls.link("here", "articles/a.md", "articles/a.md", "p-1")}\n'
                         f'<a href="https://example.org/">out</a> <a href="../../../elsewhere/">up</a>',
        "glossary.md": "## Ann { #ann }\n\n## Cy { #cy }\n",
    }
    found = check(pages, urls, "docs/briefing")
    assert [(p.level, p.file) for p in found] == [("warning", "docs/briefing/articles/a.md")] * 2
    assert "`../../glossary/#bo`" in found[0].message and "no `#bo`" in found[0].message
    assert "`../gone/`" in found[1].message and "no page" in found[1].message
    assert "bug in briefing" in found[0].message
    assert check({k: v for k, v in pages.items()}, Urls(False), "x")  # the same pages read as .html addresses


def _build(project, parser):
    """`mkdocs build --strict` in-process, sharing the session's model."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.strict = True
    config["plugins"]["briefing"]._parser = parser
    build(config)


BREAK = """
import dataclasses
from briefing.render import differ, facttable, quotes, timeline
real = facttable.claim_link
def broken(ctx, claim, here, text=None):  # a bug, made on purpose: each claim linked one character off
    return real(ctx, dataclasses.replace(claim, sentence_start=claim.sentence_start + 1), here, text)
for module in (differ, facttable, quotes, timeline):
    module.claim_link = broken
"""


def test_a_broken_generated_link_fails_a_strict_build(tiny, parser, caplog):
    """Claims linked to sentences that have no anchor: `mkdocs build --strict` fails, naming the page
    and the link; with the links as the tool makes them the same site builds strict."""
    caplog.set_level(logging.WARNING)
    _build(tiny, parser)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    shutil.rmtree(tiny / ".cache")  # the pages kept from the good build would be used again
    exec(BREAK, {})  # noqa: S102 - patches the modules; undone below
    try:
        with pytest.raises(Abort):
            _build(tiny, parser)
    finally:
        from briefing.render import differ, facttable, quotes, timeline
        for module in (differ, facttable, quotes, timeline):
            module.claim_link = _REAL_CLAIM_LINK
    broken = [r.getMessage() for r in caplog.records if "generated link" in r.getMessage()]
    assert broken and all("briefing/" in m and "#s-" in m and "bug in briefing" in m for m in broken)


def test_the_command_fails_strict_on_a_broken_generated_link(tiny):
    """`briefing build --strict` as a user runs it, with the same bug put in by a sitecustomize module
    on PYTHONPATH: exit 1 and the link named; without it, exit 0."""
    hook = tiny / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BREAK)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")])}
    res = subprocess.run([sys.executable, "-m", "briefing", "build", "--strict"], cwd=tiny, capture_output=True,
                         text=True, timeout=300, env=env)
    assert res.returncode == 1 and "generated link" in res.stderr and "bug in briefing" in res.stderr, res.stderr
    shutil.rmtree(tiny / ".cache")
    res = subprocess.run([sys.executable, "-m", "briefing", "build", "--strict"], cwd=tiny, capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr


def test_pages_without_directory_urls_link_to_html_files(tiny, parser):
    """`use_directory_urls: false`: every link of an article page leads to a built file and an id on it."""
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text() + "use_directory_urls: false\n")
    _build(tiny, parser)
    pages = sorted((tiny / "site/briefing/articles").glob("*.html"))
    assert len(pages) == 2
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select("article a[href]") if not a["href"].startswith(("http", "#"))
                 and "headerlink" not in (a.get("class") or [])]
        assert any("glossary.html#" in h for h in links)
        for href in links:
            path, _, anchor = href.partition("#")
            target = (page.parent / path).resolve()
            assert target.is_file(), href
            if anchor:
                other = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert other.find(id=anchor) is not None, href
