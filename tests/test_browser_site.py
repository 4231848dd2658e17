"""A site of several briefings as a reader sees it, in a real Chromium (Debian's) driven by Playwright."""
import functools
import http.server
import json
import subprocess
import sys
import threading

import pytest

from briefing.build import gather
from briefing.config import Settings

from multisite import make_project
from test_browser import ARTIFACTS, AXE, THEME_PARTS, _need, browser, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory, parser):
    """The three invented briefings, built by `mkdocs build` alone (the plugin) and served on 127.0.0.1.
    A first in-process build with the session's pipeline fills the project's cache of briefing
    results, so the plugin's build reads them without loading the model again."""
    project = make_project(tmp_path_factory.mktemp("browser-site") / "project")
    (project / "docs/index.md").unlink()  # no home page of its own: the site opens on its briefings' front page
    gather(Settings(title="Newsroom briefings"), project, parser)
    res = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", project
    server.shutdown()


def test_from_the_home_to_a_briefing_its_glossary_and_the_entity_across_briefings(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/")
    page.locator("article a", has_text="Portvale rail strike").click()
    page.wait_for_url("**/briefing/rail-strike/")
    page.locator("article a", has_text="Glossary of all").click()
    page.wait_for_url("**/briefing/rail-strike/glossary/")
    page.locator("article a", has_text="Helena Marsh in other briefings").click()
    page.wait_for_url("**/briefing/entities/helena-marsh/")
    assert page.locator("h1").inner_text().startswith("Helena Marsh")
    sections = page.locator("article h2").all_inner_texts()
    assert [s.rstrip("¶").strip() for s in sections] == ["Portvale rail strike", "Larkspur Harbour Bridge closed",
                                                         "Bluewake Lines: fares"]
    page.locator("article a[href*='harbour-bridge/glossary']").click()
    page.wait_for_url("**/briefing/harbour-bridge/glossary/#helena-marsh")
    assert page.locator("h2#helena-marsh").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-glossary.png"))


def test_a_reader_walks_from_the_site_home_to_an_entity_page_and_back_by_links_only(page, served):
    base, _ = served
    page.goto(f"{base}/")  # the site's root: its front page
    assert page.locator("article h1").inner_text().startswith("Newsroom briefings")
    page.locator("article table a", has_text="Portvale rail strike").click()
    page.wait_for_url("**/briefing/rail-strike/")
    page.locator("article table a", has_text="Rail workers walk out in Portvale").first.click()
    page.wait_for_url("**/briefing/rail-strike/articles/rail-workers-walk-out-in-portvale/")
    crumbs = page.locator("nav.bf-crumbs")
    assert crumbs.inner_text().split(" › ") == ["Newsroom briefings", "Portvale rail strike",
                                                "Rail workers walk out in Portvale"]
    page.locator("a.bf-ent", has_text="Helena Marsh").first.click()  # a mention: its glossary entry
    page.wait_for_url("**/briefing/rail-strike/glossary/#helena-marsh")
    assert page.locator("h2#helena-marsh").is_visible()
    page.locator("article a", has_text="Helena Marsh in other briefings").click()
    page.wait_for_url("**/briefing/entities/helena-marsh/")
    assert page.locator("nav.bf-crumbs").inner_text().split(" › ") == [
        "Newsroom briefings", "Entities across briefings", "Helena Marsh"]
    # back: into another briefing that names her, up to its home, and up to the site's home
    page.locator("article a[href*='harbour-bridge/glossary']").click()
    page.wait_for_url("**/briefing/harbour-bridge/glossary/#helena-marsh")
    page.locator("nav.bf-crumbs a", has_text="Larkspur Harbour Bridge closed").click()
    page.wait_for_url("**/briefing/harbour-bridge/")
    page.locator("nav.bf-crumbs a", has_text="Newsroom briefings").click()
    page.wait_for_url("**/briefing/")
    assert page.locator("article h1").inner_text().startswith("Newsroom briefings")
    assert page.errors == []


def test_every_search_result_says_which_briefing_it_is_from(page, served):
    base, project = served
    titles = {b["id"]: b["title"] for b in json.loads((project / "site/briefing/briefings.json").read_text())["briefings"]}
    page.goto(f"{base}/briefing/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("transport minister", delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    groups = page.eval_on_selector_all(".md-search-result__item", """els => els.map(li => ({
        href: li.querySelector('a').href, title: li.querySelector('article h1, article h2').innerText}))""")
    from_briefings = [g for g in groups if g["href"].split("/briefing/")[1].split("/")[0] in titles]
    assert len(from_briefings) >= 3, groups
    for g in from_briefings:
        slug = g["href"].split("/briefing/")[1].split("/")[0]
        assert g["title"] == titles[slug] or g["title"].endswith(f" · {titles[slug]}"), g
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-search.png"))


def test_the_nav_shows_months_not_briefings(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/harbour-bridge/")
    nav = page.locator("nav.md-nav--primary").first.inner_text()
    assert "April 2031" in nav and "Entities across briefings" in nav
    assert "Portvale rail strike" not in nav and "Glossary" not in nav
    page.locator("nav.md-nav--primary a", has_text="March 2031").first.click()
    page.wait_for_url("**/briefing/months/2031-03/")
    assert page.locator("article a", has_text="Larkspur Harbour Bridge closed").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-month.png"))


def test_search_finds_an_entity_across_briefings(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("Helena Marsh", delay=50)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert any("/briefing/entities/helena-marsh/" in h for h in hrefs), hrefs[:8]
    assert {h.split("/briefing/")[1].split("/")[0] for h in hrefs} >= {"entities", "rail-strike"}, hrefs[:8]


def test_no_console_errors_on_any_page(page, served):
    base, project = served
    pages = sorted(p.relative_to(project / "site").parent.as_posix() for p in (project / "site").rglob("index.html"))
    assert len(pages) > 15
    for rel in pages:
        page.goto(f"{base}/{rel}/" if rel != "." else f"{base}/")
        page.wait_for_load_state("load")
    assert page.errors == []


def test_axe_finds_no_serious_violations_on_the_site_pages(page, served):
    _need(AXE.exists(), "axe-core is not installed (npm install --prefix tests axe-core@4)")
    base, _ = served
    results = {}
    for url in (f"{base}/briefing/", f"{base}/briefing/months/2031-04/", f"{base}/briefing/entities/",
                f"{base}/briefing/entities/helena-marsh/"):
        page.goto(url)
        page.add_script_tag(content=AXE.read_text())
        found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                              ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        ours = [{**v, "nodes": [n for n in v["nodes"] if not any(p in n for p in THEME_PARTS)]} for v in serious]
        results[url] = [v for v in ours if v["nodes"]]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-site.json").write_text(json.dumps(results, indent=1))
    assert all(not r for r in results.values()), json.dumps(results, indent=1)[:3000]
