"""What a reader sees, in a real Chromium driven by Playwright (Debian's /usr/bin/chromium)."""
import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, in_ci
from hostile import HOSTILE_TITLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests/node_modules/axe-core/axe.min.js"
# Parts of the page that mkdocs-material draws; axe findings there are the theme's, listed in
# test-artifacts/axe-*.json and reported, not failed on.
THEME_PARTS = (".md-search", ".md-copyright", ".md-header", ".md-nav", ".md-footer", ".md-sidebar", ".md-top",
               ".md-dialog", ".md-source", ".md-ellipsis")

pytestmark = pytest.mark.browser


def _need(condition: bool, why: str) -> None:
    if not condition:
        if in_ci():
            pytest.fail(f"{why} (CI must install it: see .ci/run)")
        pytest.skip(why)


@pytest.fixture(scope="module")
def browser():
    _need(Path(CHROMIUM).exists(), "Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Build the sample site plus one hostile article, and serve it on 127.0.0.1."""
    project = tmp_path_factory.mktemp("browser")
    for name in ("mkdocs.yml", "overrides.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copytree(SEEDS, project / "seeds")
    (project / "seeds/zz_hostile.txt").write_text(f"{HOSTILE_TITLE}\n\nRain fell on Vienna on Monday.\n")
    res = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", project
    server.shutdown()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append("dialog: " + d.message), d.dismiss()))
    yield pg
    context.close()


def article_url(served, startswith):
    base, project = served
    slug = next(p.name for p in (project / "site/briefing/articles").iterdir() if p.name.startswith(startswith))
    return f"{base}/briefing/articles/{slug}/"


def test_tooltip_on_hover_shows_type_and_description(page, served):
    page.goto(article_url(served, "u-s-russia"))
    link = page.locator("a.bf-ent", has_text="Vladimir Putin").first
    link.hover()
    tip = page.locator("[role=tooltip]").filter(has_text="Russian President")
    tip.first.wait_for(state="visible", timeout=5000)
    assert "Person" in tip.first.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=False)


def test_mention_link_lands_on_its_glossary_entry(page, served):
    page.goto(article_url(served, "us-agrees"))
    page.locator("a.bf-ent", has_text="ISIL").first.click()
    page.wait_for_url("**/glossary/#islamic-state")
    heading = page.locator("h2#islamic-state")
    assert heading.is_visible() and heading.inner_text().startswith("Islamic State")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "glossary.png"))


def test_backlink_lands_on_the_marked_sentence(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/glossary/#sergei-shoigu")
    backlink = page.locator("h2#sergei-shoigu ~ ul a").first
    href = backlink.get_attribute("href")
    backlink.click()
    anchor = href.split("#")[1]
    page.wait_for_url(f"**#{anchor}")
    sentence = page.evaluate(f"""() => {{
        const s = document.getElementById('{anchor}');
        const p = s.closest('p, h1');
        const rest = document.createRange();
        rest.setStartAfter(s);
        rest.setEndAfter(p.lastChild);
        return rest.toString();
    }}""")
    assert "Shoigu" in sentence.split(".")[0] or "Shoigu" in sentence[:300]
    assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")
    marker = page.evaluate(f"getComputedStyle(document.getElementById('{anchor}'), '::before').content")
    assert marker == '"▶"'  # visibly marked on arrival
    in_view = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= in_view < 900


def test_search_for_an_alias_lists_the_glossary_entry_first(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/")
    for query, anchor in (("ISIS", "islamic-state"), ("Ash Carter", "ashton-carter")):
        page.goto(f"{base}/briefing/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("s")  # the theme's shortcut that opens search
        page.locator("input.md-search__input").press_sequentially(query, delay=50)
        page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"search-{anchor}.png"))
        assert "/briefing/glossary/" in hrefs[0], hrefs[:5]  # the glossary page comes first...
        sections = [h for h in hrefs if "#" in h]
        assert sections[0].endswith(f"#{anchor}"), hrefs[:5]  # ...and its first section is the entity


def test_fact_table_links_go_to_the_other_article(page, served):
    page.goto(article_url(served, "u-s-russia"))
    link = page.locator(".md-typeset__table a[href*='us-agrees']").first
    href = link.get_attribute("href")
    link.click()
    anchor = href.split("#")[1]
    page.wait_for_url(f"**/us-agrees*/#{anchor}")
    assert page.locator(f"#{anchor}").is_visible()


def test_highlighting_can_be_turned_off_and_filtered(page, served):
    page.goto(article_url(served, "u-s-russia"))
    button = page.locator(".bf-legend button[data-type=person]").first
    button.click()
    assert page.evaluate("document.body.classList.contains('bf-hide-person')")
    bg = page.evaluate("getComputedStyle(document.querySelector('a.bf-person')).backgroundColor")
    assert bg in ("rgba(0, 0, 0, 0)", "transparent")
    page.locator(".bf-legend .bf-toggle-all").first.click()
    assert page.evaluate("document.body.classList.contains('bf-plain')")
    assert page.errors == []


def test_no_console_errors_on_any_page_and_no_script_from_articles(page, served):
    base, project = served
    pages = [p.relative_to(project / "site").parent.as_posix() for p in (project / "site").rglob("index.html")]
    assert len(pages) >= 6
    for rel in sorted(pages):
        page.goto(f"{base}/{rel}/" if rel != "." else f"{base}/")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.PWN") == "undefined", rel
    assert page.errors == []


def test_hostile_title_is_text_in_tab_title_nav_and_heading(page, served):
    page.goto(article_url(served, "ports"))
    assert page.evaluate("typeof window.PWN") == "undefined"
    assert page.title().startswith("Ports </title><script>window.PWN=1</script> close & <b>PWN</b>")
    assert page.locator("h1").first.inner_text().startswith("Ports </title><script>")
    assert page.locator("nav a", has_text="</title><script>").count() >= 1
    assert page.locator("b", has_text="PWN").count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_serious_violations_in_our_markup(page, served, scheme):
    _need(AXE.exists(), "axe-core is not installed (npm install --prefix tests axe-core@4)")
    results = {}
    for url in (article_url(served, "u-s-russia"), f"{served[0]}/briefing/glossary/", f"{served[0]}/briefing/"):
        page.goto(url)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        page.add_script_tag(content=AXE.read_text())
        found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                              ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        ours = [{**v, "nodes": [n for n in v["nodes"] if not any(p in n for p in THEME_PARTS)]} for v in serious]
        results[url] = {"ours": [v for v in ours if v["nodes"]], "theme": serious}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(results, indent=1))
    assert all(not r["ours"] for r in results.values()), json.dumps(
        {u: r["ours"] for u, r in results.items()}, indent=1)[:3000]
