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
