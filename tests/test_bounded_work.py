"""Hostile but ordinary articles never stall a build: each check runs the real commands in a new
process with a deadline (a hang fails the test instead of the suite), then looks at what was made."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import TINY_ARTICLES, TINY_MKDOCS


def _run(project, *args, deadline: float) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True,
                              timeout=deadline)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(args)}` still running after {deadline:.0f} s")


def _project(tmp_path, articles: dict[str, str]):
    (tmp_path / "mkdocs.yml").write_text(TINY_MKDOCS, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    for aid, text in articles.items():
        (tmp_path / "seeds" / f"{aid}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_wire_correction_notice_does_not_hang_the_build(tmp_path):
    """A line of capitals in brackets with no credit slash after it backtracked over every split of
    the capitals (each extra letter ~1.8x): one such line stopped every build."""
    notice = "(CORRECTS SPELLING OF HARBOURMASTER'S NAME IN PARAGRAPH FOUR AND REMOVES EXTRANEOUS WORD IN " \
             "PARAGRAPH SEVEN)"
    courier = TINY_ARTICLES["courier"].replace("\n\n", f"\n\n{notice}\n\n", 1)
    project = _project(tmp_path, {"courier": courier, "radio": TINY_ARTICLES["radio"]})
    res = _run(project, "briefing", "build", "-q", deadline=90)
    assert res.returncode == 0, res.stderr
    page = (project / "docs/briefing/articles").glob("*.md")
    assert not any("CORRECTS SPELLING" in p.read_text(encoding="utf-8") for p in page)  # residue, not article


def test_a_figure_repeated_a_thousand_times_makes_a_page_of_bounded_lines(tmp_path):
    """One sentence repeating one figure: every claim was listed in one table cell, one Markdown line
    whose inline parsing grows with its square (a 176 KB article took `mkdocs build` 200 s)."""
    repeated = "Ledger Bank wrote off $47 million" + ", then $47 million" * 1500 + ".\n"
    project = _project(tmp_path, {"courier": "Bank writes off loans\n\n" + repeated,
                                  "radio": "Bank in trouble\n\nLedger Bank wrote off $47 million last year, "
                                           "its chief said.\n"})
    assert _run(project, "briefing", "build", "-q", deadline=120).returncode == 0
    pages = list((project / "docs/briefing").rglob("*.md"))
    longest = max(len(line) for p in pages for line in p.read_text(encoding="utf-8").splitlines())
    assert longest < 20_000, longest
    res = _run(project, "mkdocs", "build", deadline=120)
    assert res.returncode == 0, res.stderr
    html = next((project / "site").rglob("bank-writes-off-loans/index.html")).read_text(encoding="utf-8")
    assert "and 1,495 more in this article" in html


def test_an_entity_named_in_every_paragraph_makes_bounded_pages(tmp_path):
    """An entity named in each of 600 paragraphs, with an editor's 1,000-character description: its
    glossary entry listed all 600 paragraphs, and every mention carried the whole description in
    its tooltip (600 KB of article page for a 50 KB article: description x mentions, both growing
    with the article). Now the entry lists at most MAX_BACKLINKS paragraphs, then links the next
    one and the next article; a tooltip is cut; every page stays within a constant times the articles
    size and every line short."""
    from briefing.render.glossary import MAX_BACKLINKS

    paragraphs = [f"Ledger Bank closed its branch number {n} on 3 March 2024, staff at the branch said." +
                  (" \u201cWe will pay every saver back,\u201d said Mara Venn, the bank's chief." if n % 50 == 0 else "")
                  for n in range(600)]
    articles = {"courier": "Ledger Bank closes branches\n\n" + "\n\n".join(paragraphs) + "\n",
                "radio": "Bank shuts branches\n\nLedger Bank shut 600 branches on 3 March 2024. \u201cWe will pay "
                         "each saver back,\u201d said Mara Venn.\n"}
    project = _project(tmp_path, articles)
    (project / "overrides.yml").write_text("version: 1\ndescribe:\n  Ledger Bank: " + "A lender of Harwick " * 50
                                           + "\n", encoding="utf-8")
    res = _run(project, "briefing", "build", "-q", deadline=180)
    assert res.returncode == 0, res.stderr
    size = sum(len(t.encode()) for t in articles.values())
    pages = {p.relative_to(project / "docs/briefing").as_posix(): p.read_text(encoding="utf-8")
             for p in (project / "docs/briefing").rglob("*.md")}
    for rel, text in pages.items():
        assert len(text.encode()) < 12 * size + 50_000, (rel, len(text.encode()), size)  # linear: ~8x here
        assert max(map(len, text.splitlines())) < 20_000, rel
    glossary = pages["glossary.md"]
    entry = glossary[glossary.index("## Ledger Bank"):]
    entry = entry[:entry.find("\n## ", 1)] if "\n## " in entry[1:] else entry
    backlinks = [line for line in entry.splitlines() if line.startswith("<li><a ")]
    assert len(backlinks) == MAX_BACKLINKS + 1 and "more paragraphs in this article" in backlinks[-1]
    res = _run(project, "mkdocs", "build", "--strict", deadline=180)
    assert res.returncode == 0, res.stderr
