"""Issue 13 on real news: each story of the development set (../shared/eval/dev, not part of this
repository; none of its text is copied here) copied, with no metadata at all, into a `briefing new`
project passes `mkdocs build --strict`, and its reader pages (where the outlets differ, the
timeline, the quotes) are there, clean for axe-core in our markup at 1280 and 390 px, with nothing
that scrolls sideways at 390 px.

Fifteen full builds take a few minutes, so this runs only with BRIEFING_DEVSET=1: `.ci/quality`
runs it beside the other development-set checks."""
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from briefing.render.facttable import MAX_CROSS_SHOWN, MAX_SINGLE_SHOWN
from conftest import ROOT
from test_browser import ARTIFACTS, AXE, OVERFLOW, _need, axe_violations, browser, serve  # noqa: F401

DEV = ROOT.parent / "shared/eval/dev/texts"

pytestmark = [
    pytest.mark.skipif(os.environ.get("BRIEFING_DEVSET") != "1",
                       reason="slow: the development stories built in full; .ci/quality runs it (BRIEFING_DEVSET=1)"),
    pytest.mark.skipif(not DEV.is_dir(), reason=f"no development set at {DEV} (it is not part of this repository)"),
]
STORIES = sorted(p.name for p in DEV.iterdir() if p.is_dir()) if DEV.is_dir() else []


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """{story: (project folder, exit code, log)}: `briefing new`, the story's files in seeds/,
    `mkdocs build --strict`; two builds at a time."""
    top = tmp_path_factory.mktemp("devset")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in STORIES:
        made = subprocess.run([sys.executable, "-m", "briefing", "new", name, "--title", name], cwd=top,
                              capture_output=True, text=True, timeout=60, env=env)
        assert made.returncode == 0, made.stderr
        for f in (DEV / name).iterdir():
            shutil.copy(f, top / name / "seeds" / f.name)
    results, running = {}, []
    for name in STORIES + [None, None]:
        if name is not None:
            running.append((name, subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                                   cwd=top / name, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                   text=True, env=env)))
        if len(running) == 2 or name is None and running:
            done, proc = running.pop(0)
            log = proc.communicate(timeout=600)[0]
            results[done] = (top / done, proc.returncode, log)
    return results


@pytest.mark.parametrize("story", STORIES)
def test_a_story_without_metadata_in_a_new_project_builds_strictly(built, story):
    project, code, log = built[story]
    assert code == 0, log[-3000:]
    assert "WARNING" not in log, log[-3000:]


@pytest.mark.parametrize("story", STORIES)
def test_reader_pages_are_there(built, story):
    site = built[story][0] / "site/briefing"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    content = home.select_one(".md-content")
    assert content.find("h2").get("id") == "where-the-outlets-differ"
    differ = content.find("h2").find_next_sibling()
    assert differ.name in ("ul", "p") and differ.get_text().strip()
    for page, heading in (("timeline", "Timeline"), ("quotes", "Quotes")):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one(".md-content h1").get_text().strip().rstrip("¶") == heading
        assert soup.select(".md-content h2"), page  # a timeline section, or a speaker
        assert soup.select(".md-content a[href*='articles/']"), page  # each entry links its sentence
    assert (site / "facts.csv").read_text(encoding="utf-8").startswith("fact,kind,status,")


@pytest.mark.parametrize("story", STORIES)
def test_article_fact_tables_show_where_outlets_meet_and_a_few_single_source_rows_before_the_toggle(built, story):
    pages = sorted((built[story][0] / "site/briefing/articles").glob("*/index.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        statuses = {False: [], True: []}  # folded or not -> the rows' statuses
        for table in soup.select(".md-content table"):
            folded = table.find_parent("details") is not None
            statuses[folded] += [s.get_text() for s in table.select("tbody .bf-status")]
        shown, folded = statuses[False], statuses[True]
        assert shown.count("○ single") <= MAX_SINGLE_SHOWN, page
        if len(shown) - shown.count("○ single") < MAX_CROSS_SHOWN:
            assert all(s == "○ single" for s in folded), page  # no row where outlets meet is folded away


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_reader_pages_in_a_browser(browser, built, width):  # noqa: F811 (the fixture from test_browser)
    _need(AXE.exists(), "axe-core is not installed (npm install --prefix tests axe-core@4)")
    problems = {}
    for story in STORIES:
        project = built[story][0]
        server = serve(project / "site")
        base = f"http://127.0.0.1:{server.server_address[1]}"
        articles = sorted(p.name for p in (project / "site/briefing/articles").iterdir())
        urls = [f"{base}/briefing/", f"{base}/briefing/timeline/", f"{base}/briefing/quotes/"] + \
            [f"{base}/briefing/articles/{a}/" for a in articles]
        context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
        try:
            pg = context.new_page()
            errors = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            for scheme in ("default", "slate"):
                for url, found in axe_violations(pg, urls, scheme).items():
                    if found["ours"]:
                        problems[f"{story} {scheme} {url}"] = found["ours"]
            if width < 600:
                for url in urls:
                    pg.goto(url)
                    over, wide = pg.evaluate(OVERFLOW)
                    if over > 0 or ("/articles/" in url and wide):
                        problems[f"{story} sideways {url}"] = (over, wide[:3])
            pg.goto(f"{base}/briefing/timeline/")
            ARTIFACTS.mkdir(exist_ok=True)
            pg.screenshot(path=str(ARTIFACTS / f"devset-{story[:12]}-timeline-{width}.png"))
            assert errors == [], (story, errors)
        finally:
            context.close()
            server.shutdown()
    assert problems == {}, str(problems)[:4000]
