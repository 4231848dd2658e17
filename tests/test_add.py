"""`briefing add` (issue 23): saved web pages and links in, one Markdown article each with its
title, outlet, date, author and address; failures named with their reason while the other sources
are added; nothing replaced. Against a local HTTP server serving invented pages
(tests/webpages.py), never the internet: the messages and exit codes a user gets, in-process
through click's runner (as test_cli does) and once in a new process."""
from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
import yaml
from click.testing import CliRunner

from briefing.cli import main
from webpages import BUSINESS, SPORT, WEATHER, html_route, news_page, serve

NOT_HTML = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 invented")
LIMIT = 10_000_000  # reading/intake.py MAX_PAGE_BYTES
BIG = (news_page(**SPORT) + "<!--" + "x" * LIMIT + "-->").encode()


NO_PROXY = {"no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost"}  # loopback, never a proxy


@pytest.fixture
def add(monkeypatch):
    """`briefing add ARGS` run in folder `cwd`: its exit code and stderr."""
    def run(cwd, *args):
        monkeypatch.chdir(cwd)
        result = CliRunner(env=NO_PROXY).invoke(main, ["add", *args], catch_exceptions=False)
        return SimpleNamespace(returncode=result.exit_code, stderr=result.stderr)
    return run


def add_process(cwd, *args):
    """`briefing add ARGS` in a new process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "briefing", "add", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **NO_PROXY})


def articles(folder):
    """{file name: (front matter, body paragraphs)} of the .md files in `folder`."""
    out = {}
    for path in sorted(folder.glob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        out[path.name] = (yaml.safe_load(head), [p.strip() for p in body.split("\n\n") if p.strip()])
    return out


@pytest.fixture(scope="module")
def site():
    """The invented pages, and some answers a link can get."""
    routes = {
        "/sport/cup-final": html_route(news_page(**SPORT)),
        "/business/ferries": html_route(news_page(**BUSINESS)),
        "/weather/storm": html_route(news_page(**WEATHER)),
        "/big": (200, {"Content-Type": "text/html"}, BIG),
        "/big-unannounced": (200, {"Content-Type": "text/html", "Content-Length": ""}, BIG),
        "/report.pdf": NOT_HTML,
        "/moved": (301, {"Location": "/weather/storm"}, b""),
        "/to-ftp": (302, {"Location": "ftp://files.example.org/story.html"}, b""),
        **{f"/hop{n}": (302, {"Location": f"/hop{n + 1}"}, b"") for n in range(10)},
    }
    with serve(routes) as base:
        yield base


def test_a_link_becomes_an_article_with_its_metadata_and_only_the_story(site, tmp_path):
    got = add_process(tmp_path, f"{site}/sport/cup-final", "--to", "seeds")
    assert got.returncode == 0, got.stderr
    name = "coastline-sport-harbour-rovers-win-the-coastal-cup-after-late-header.md"
    assert f"wrote seeds/{name}: \"{SPORT['title']}\" (Coastline Sport, 2024-05-12, by Mira Holt): 5 paragraphs\n" \
        in got.stderr
    meta, body = articles(tmp_path / "seeds")[name]
    assert meta == {"title": SPORT["title"], "source": "Coastline Sport", "date": "2024-05-12", "author": "Mira Holt",
                    "url": f"{site}/sport/cup-final"}
    assert body == SPORT["paragraphs"]  # no caption, teaser, newsletter prompt, navigation or footer


def test_a_saved_page_becomes_an_article(add, tmp_path):
    (tmp_path / "ferries.html").write_text(news_page(**BUSINESS, url="https://business.example.org/ferries"),
                                           encoding="utf-8")
    got = add(tmp_path, "ferries.html", "--to", "out")
    assert got.returncode == 0, got.stderr
    [(name, (meta, body))] = articles(tmp_path / "out").items()
    assert name == "harbour-business-daily-brightwater-ferries-orders-three-electric-boats.md"
    assert meta["source"] == "Harbour Business Daily" and meta["date"] == "2024-05-13"
    assert meta["url"] == "https://business.example.org/ferries"
    assert body == BUSINESS["paragraphs"]


def test_blocks_left_out_of_the_article_are_counted_and_the_first_shown(add, tmp_path):
    related = "Related: How the Rovers reached their first final in a decade"
    paragraphs = [*SPORT["paragraphs"][:3], related, *SPORT["paragraphs"][3:]]
    (tmp_path / "final.html").write_text(news_page(**{**SPORT, "paragraphs": paragraphs}), encoding="utf-8")
    got = add(tmp_path, "final.html", "--to", ".")
    assert got.returncode == 0, got.stderr
    [(name, (_, body))] = articles(tmp_path).items()
    assert related not in body and len(body) == 5
    assert (f"(Coastline Sport, 2024-05-12, by Mira Holt): 5 paragraphs; left out 1 block read as page furniture "
            f"(the first: \"Related: How the Rovers reached their first final") in got.stderr


def test_what_the_page_does_not_give_is_said(add, tmp_path):
    bare = news_page(**{**WEATHER, "date": None}, meta=False, title_suffix=False)
    (tmp_path / "storm.htm").write_text(bare, encoding="utf-8")
    got = add(tmp_path, "storm.htm", "--to", ".")
    assert got.returncode == 0, got.stderr
    [(name, (meta, _))] = articles(tmp_path).items()
    assert "date" not in meta
    assert f"WARNING  - {name}: no date found in the page; add `date: \"YYYY-MM-DD\"` to its front matter" in got.stderr


@pytest.mark.parametrize("path, message", [
    ("/nowhere", "HTTP 404 Not Found"),
    ("/report.pdf", "not a web page (Content-Type: application/pdf); save the article's text as .txt instead"),
    ("/big", f"{len(BIG):,} bytes is over the {LIMIT:,}-byte limit for one page"),
    ("/big-unannounced", f"over the {LIMIT:,}-byte limit for one page"),
    ("/to-ftp", "redirected to an address that is not http(s) (ftp://files.example.org/story.html)"),
    ("/hop0", "more than 5 redirects"),
])
def test_a_link_that_fails_is_named_with_its_reason_and_the_others_are_added(add, site, tmp_path, path, message):
    got = add(tmp_path, f"{site}{path}", f"{site}/weather/storm", "--to", "seeds")
    assert got.returncode == 1
    assert f"ERROR    - {site}{path}: not added: {message}" in got.stderr
    assert [m["source"] for m, _ in articles(tmp_path / "seeds").values()] == ["Northshore Weather Service"]


def test_a_missing_file_and_a_refused_address_are_named(add, tmp_path):
    got = add(tmp_path, "gone.html", "file:///etc/passwd", "notes.txt", "--to", "seeds")
    assert got.returncode == 1
    assert "ERROR    - gone.html: not added: no such file" in got.stderr
    assert "ERROR    - file:///etc/passwd: not added: only http:// and https:// links are fetched" in got.stderr
    assert "ERROR    - notes.txt: not added: give a saved web page (.html, .htm) or an http(s) link" in got.stderr
    assert not (tmp_path / "seeds").exists() or not list((tmp_path / "seeds").iterdir())


def test_a_redirect_is_followed_and_the_final_address_kept(add, site, tmp_path):
    got = add(tmp_path, f"{site}/moved", "--to", "seeds")
    assert got.returncode == 0, got.stderr
    [(meta, _)] = articles(tmp_path / "seeds").values()
    assert meta["url"] == f"{site}/weather/storm"


def test_nothing_is_replaced_and_a_second_add_says_so(add, site, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    mine = seeds / "coastline-sport-harbour-rovers-win-the-coastal-cup-after-late-header.txt"
    mine.write_text("My own notes on the final.\n", encoding="utf-8")  # the name the article would take
    first = add(tmp_path, f"{site}/sport/cup-final", "--to", "seeds")
    assert first.returncode == 0, first.stderr
    added = seeds / "coastline-sport-harbour-rovers-win-the-coastal-cup-after-late-header-2.md"
    assert added.is_file() and mine.read_text(encoding="utf-8") == "My own notes on the final.\n"
    before = added.read_bytes()
    again = add(tmp_path, f"{site}/sport/cup-final", "--to", "seeds")
    assert again.returncode == 0
    assert (f"INFO     - {site}/sport/cup-final: already added as seeds/{added.name}; nothing written"
            in again.stderr)
    assert added.read_bytes() == before and len(list(seeds.iterdir())) == 2


def test_without_to_it_writes_into_the_seeds_folder_mkdocs_yml_names(add, site, tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - briefing:\n      seeds: stories\n",
                                         encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "stories").mkdir()
    got = add(tmp_path, f"{site}/business/ferries")
    assert got.returncode == 0, got.stderr
    assert [p.name for p in (tmp_path / "stories").iterdir()] == [
        "harbour-business-daily-brightwater-ferries-orders-three-electric-boats.md"]
    (tmp_path / "stories" / "week-one").mkdir()  # a seeds folder of briefing folders: say which one
    (tmp_path / "stories" / "week-one" / "a.txt").write_text("Text.\n", encoding="utf-8")
    got = add(tmp_path, f"{site}/weather/storm")
    assert got.returncode == 2
    assert "stories: holds a folder per briefing: pass --to with the briefing's folder" in got.stderr
