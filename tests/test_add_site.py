"""A briefing from web pages, as the README's "Start your own briefing" says: `briefing new`, then
`briefing add` on saved pages and a link of three outlets (both in-process, as test_cli runs the
command), then a real `mkdocs build --strict` in a new process;
the site shows each article's outlet and date. And what the seeds folder says about a web page or
a document dropped into it. Invented pages (tests/webpages.py)."""
from __future__ import annotations

from bs4 import BeautifulSoup
from click.testing import CliRunner

from briefing.cli import main
from briefing.nlp import parser as nlp_stage
from conftest import mkdocs_cli
from webpages import BUSINESS, SPORT, WEATHER, html_route, news_page, serve


def run(cwd, monkeypatch, *args):
    """`briefing ARGS` in folder `cwd`, in-process (click's runner); loopback never goes through a proxy."""
    monkeypatch.chdir(cwd)
    return CliRunner(env={"no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}).invoke(
        main, list(args), catch_exceptions=False)


def test_a_briefing_of_three_outlets_shows_their_outlets_and_dates(tmp_path, monkeypatch):
    assert run(tmp_path, monkeypatch, "new", "coast").exit_code == 0
    project = tmp_path / "coast"
    (tmp_path / "cup.html").write_text(news_page(**SPORT), encoding="utf-8")
    (tmp_path / "ferries.htm").write_text(news_page(**BUSINESS), encoding="utf-8")
    with serve({"/storm": html_route(news_page(**WEATHER))}) as base:
        added = run(project, monkeypatch, "add", "../cup.html", "../ferries.htm", f"{base}/storm")
    assert added.exit_code == 0, added.stderr
    assert len(list((project / "seeds").glob("*.md"))) == 3
    built = mkdocs_cli(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    bylines = {}
    for page in (project / "site/briefing/articles").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        bylines[soup.h1.get_text(" ", strip=True).rstrip(" ¶")] = soup.select_one(".bf-byline").get_text(" ", strip=True)
    assert bylines == {SPORT["title"]: "Coastline Sport · 12 May 2024 · by Mira Holt",
                       BUSINESS["title"]: "Harbour Business Daily · 13 May 2024 · by Tom Ekwueme",
                       WEATHER["title"]: "Northshore Weather Service · 14 May 2024 · original article"}
    home = BeautifulSoup((project / "site/briefing/index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    for outlet in ("Coastline Sport", "Harbour Business Daily", "Northshore Weather Service"):
        assert outlet in home


def test_a_web_page_in_the_seeds_folder_names_briefing_add_and_a_document_is_a_warning(tiny, monkeypatch, nlp):
    (tiny / "seeds" / "cup.html").write_text(news_page(**SPORT), encoding="utf-8")
    (tiny / "seeds" / "minutes.docx").write_bytes(b"PK\x03\x04 invented")
    (tiny / "seeds" / "scan.pdf").write_bytes(b"%PDF-1.4 invented")
    (tiny / "seeds" / "photo.jpg").write_bytes(b"\xff\xd8\xff invented")
    real = nlp_stage.load_pipeline
    monkeypatch.setattr(nlp_stage, "load_pipeline", lambda name: nlp if name == nlp_stage.DEFAULT_MODEL else real(name))
    monkeypatch.chdir(tiny)
    got = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert got.exit_code == 1  # the page was meant as an article: it stops there, the rest builds
    assert ("ERROR    - seeds/cup.html: not built: a saved web page; make it an article with "
            "`briefing add seeds/cup.html`") in got.stderr
    assert ("WARNING  - seeds/minutes.docx: not read: a Word document; copy its text into a .txt file"
            in got.stderr)
    assert "WARNING  - seeds/scan.pdf: not read: a PDF; copy its text into a .txt file" in got.stderr
    assert "WARNING  - seeds/photo.jpg: not read: only .txt and .md files are articles" in got.stderr
    assert "briefing: 2 articles" in got.stderr
    (tiny / "seeds" / "cup.html").unlink()
    assert CliRunner().invoke(main, ["build"], catch_exceptions=False).exit_code == 0
    assert CliRunner().invoke(main, ["build", "--strict"], catch_exceptions=False).exit_code == 1  # the warnings
