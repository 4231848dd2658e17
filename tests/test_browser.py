"""What a reader sees, in a real Chromium driven by Playwright (Debian's /usr/bin/chromium)."""
import functools
import http.server
import json
import marshal
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, briefing_cli, in_ci
from hostile import BROWSER_ARTICLES, BROWSER_OVERRIDES, HOSTILE_TITLE

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
    server = build_and_serve(project)
    yield f"http://127.0.0.1:{server.server_address[1]}", project
    server.shutdown()


def serve(folder: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_and_serve(project):
    """`mkdocs build` of `project`, then its site served (see `serve`)."""
    res = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    return serve(project / "site")


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
    backlink = page.locator("h2#sergei-shoigu ~ .bf-backlinks li a").first
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


def axe_violations(pg, urls: list[str], scheme: str) -> dict:
    """axe-core's serious and critical findings per page: {url: {"ours": [...], "theme": [...]}},
    "ours" leaving out the parts of the page the theme draws."""
    results = {}
    for url in urls:
        pg.goto(url)
        pg.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        pg.wait_for_timeout(300)  # the theme's colour transitions end before contrast is measured
        pg.add_script_tag(content=AXE.read_text())
        found = pg.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        ours = [{**v, "nodes": [n for n in v["nodes"] if not any(p in n for p in THEME_PARTS)]} for v in serious]
        results[url] = {"ours": [v for v in ours if v["nodes"]], "theme": serious}
    return results


# contrast depends on the palette, layout on the width: each palette at 1280 px, the stacked phone
# layout in the light one (the dark one at 390 px runs in tests/test_devset_site.py)
@pytest.mark.parametrize("width,scheme", [(1280, "default"), (1280, "slate"), (390, "default")])
def test_axe_finds_no_serious_violations_in_our_markup(browser, served, width, scheme):
    _need(AXE.exists(), "axe-core is not installed (npm install --prefix tests axe-core@4)")
    base = served[0]
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    try:
        urls = [article_url(served, "u-s-russia"), f"{base}/briefing/glossary/", f"{base}/briefing/",
                f"{base}/briefing/timeline/", f"{base}/briefing/quotes/"]
        results = axe_violations(context.new_page(), urls, scheme)
    finally:
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{width}-{scheme}.json").write_text(json.dumps(results, indent=1))
    assert all(not r["ours"] for r in results.values()), json.dumps(
        {u: r["ours"] for u, r in results.items()}, indent=1)[:3000]


def test_tooltip_shows_on_keyboard_focus_and_escape_hides_it(page, served):
    page.goto(article_url(served, "u-s-russia"))
    link = page.locator("a.bf-ent", has_text="Vladimir Putin").first
    link.focus()
    tip = page.locator("#bf-tip")
    tip.wait_for(state="visible", timeout=5000)
    assert tip.inner_text().startswith("Person: Russian President")
    assert link.get_attribute("aria-describedby") == "bf-tip"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=5000)
    assert page.errors == []


def test_on_touch_the_first_tap_shows_the_tooltip_and_the_second_follows(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    pg = context.new_page()
    try:
        pg.goto(article_url(served, "u-s-russia"))
        link = pg.locator("a.bf-ent", has_text="Vladimir Putin").first
        link.scroll_into_view_if_needed()
        before = pg.url
        box = link.bounding_box()
        pg.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        pg.locator("#bf-tip").wait_for(state="visible", timeout=5000)
        assert "Russian President" in pg.locator("#bf-tip").inner_text() and pg.url == before
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "tooltip-tap-390.png"))
        box = link.bounding_box()
        pg.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        pg.wait_for_url("**/glossary/#vladimir-putin", timeout=10000)
    finally:
        context.close()


# -- issue 10, finding 1: every title, truncated label and tooltip is inert in a real browser -----------
@pytest.fixture(scope="module")
def hostile_served(tmp_path_factory):
    """One hostile build with the project's own mkdocs.yml, `navigation.footer` added."""
    project = tmp_path_factory.mktemp("hostile-browser")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"\n      articles:\n(        .*\n)+", "\n", cfg)
    cfg, added = re.subn(r"(\n  features:[^\n]*\n)", r"\1    - navigation.footer\n", cfg, count=1)
    assert added == 1
    (project / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    (project / "overrides.yml").write_text(BROWSER_OVERRIDES, encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefing"))
    (project / "seeds").mkdir()
    for name, text in BROWSER_ARTICLES.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    server = build_and_serve(project)
    yield f"http://127.0.0.1:{server.server_address[1]}", project
    server.shutdown()


# Before any page script: once the page is parsed, record every element scripts add to it; keep
# taps and clicks from navigating away (the theme's and our handlers still run).
PROBE = """
window.__added = [];
document.addEventListener("DOMContentLoaded", function () {
  new MutationObserver(function (records) {
    records.forEach(function (r) { r.addedNodes.forEach(function (n) {
      if (n.nodeType === 1) { window.__added.push(n.outerHTML.slice(0, 2000)); }
    }); });
  }).observe(document, {subtree: true, childList: true});
});
window.addEventListener("click", function (e) { e.preventDefault(); }, true);
"""
TARGETS = "[title], .md-ellipsis, [data-bf-tip], .md-nav__link, .md-footer__link, .md-header__topic, .md-search-result__link"
# markup in an added element (escaped text shows as &lt;img, so only real elements match)
MARKUP = re.compile(r'<(img|script|iframe|object|embed|b)\b|<[a-z][a-z0-9-]*\b[^<>]*\s(on[a-z]+="|href="javascript:)', re.I)


COLLECT = """([top, selector]) => {
    window.scrollTo(0, top);
    const all = Array.from(document.querySelectorAll(selector));
    const outermost = all.filter(el => !all.some(other => other !== el && other.contains(el)));
    const points = [];
    for (const el of outermost) {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1 || r.bottom < 0 || r.top > innerHeight) continue;
        const x = r.left + Math.min(r.width / 2, 20), y = Math.max(r.top, 0) + Math.min(r.height, innerHeight) / 2;
        const hit = document.elementFromPoint(x, y);
        const sign = el.className + "|" + el.textContent.trim().slice(0, 120) + "|" + (el.getAttribute("title") || "");
        if (hit && (el.contains(hit) || hit.contains(el))) points.push([x, y, el.matches("[data-bf-tip]"), sign]);
    }
    return [points, document.documentElement.scrollHeight];
}"""


def poke_all(pg, stats: dict, seen: set) -> None:
    """Hover, then tap, every target a reader can reach, screen by screen; one already poked on an
    earlier page (the same nav label, same text and title) is not poked again."""
    height = pg.viewport_size["height"]
    for action in ("hover", "tap"):
        top = 0
        while True:
            points, total = pg.evaluate(COLLECT, [top, TARGETS])
            for x, y, is_tip, sign in points:
                if (action, sign) in seen:
                    continue
                seen.add((action, sign))
                pg.mouse.move(x, y) if action == "hover" else pg.touchscreen.tap(x, y)
                stats[action] += 1
                if is_tip:
                    tip = pg.evaluate("() => { const t = document.getElementById('bf-tip');"
                                      " return t && !t.hidden ? [t.children.length, t.textContent] : null; }")
                    assert tip is not None and tip[0] == 0, tip  # our tooltip shows, and holds text only
                    stats["tips with markup as text"] += "<img src=x onerror=PWN()>" in tip[1]
            top += height
            if top >= total:
                break
    stats["truncated"] += pg.evaluate("() => Array.from(document.querySelectorAll('.md-ellipsis'))"
                                      ".filter(e => e.offsetWidth < e.scrollWidth).length")


def probed(browser, **options):
    """(context, page, errors): a new page with PROBE installed, every console error, page error and
    dialog recorded in `errors`."""
    context = browser.new_context(**options)
    context.add_init_script(PROBE)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    return context, pg, errors


def assert_nothing_ran(pg, errors, where) -> None:
    pg.wait_for_timeout(150)  # a failed <img> load and its onerror come a moment later
    assert errors == [], (where, errors)
    assert pg.evaluate("typeof window.PWN") == "undefined", where
    added = [h for h in pg.evaluate("window.__added") if MARKUP.search(h)]
    assert added == [], (where, added[:3])
    assert pg.evaluate("document.querySelectorAll('[onerror],[onmouseover],[onclick],[onload]').length") == 0, where


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (390, "dark"), (1280, "dark"), (390, "light")])
def test_hovering_and_tapping_everything_runs_no_article_text(browser, hostile_served, width, scheme):
    base, project = hostile_served
    site = project / "site"
    pages = ["", "briefing/", "briefing/glossary/", "briefing/timeline/", "briefing/quotes/"] + [
        f"briefing/articles/{p.name}/" for p in sorted((site / "briefing/articles").iterdir())]
    context, pg, errors = probed(browser, viewport={"width": width, "height": 1200}, has_touch=True,
                                 is_mobile=width < 600, color_scheme=scheme)
    stats = {"hover": 0, "tap": 0, "truncated": 0, "tips with markup as text": 0}
    seen: set = set()
    try:
        for rel in pages:
            pg.goto(f"{base}/{rel}")
            pg.wait_for_load_state("load")
            palette = pg.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert palette == {"light": "default", "dark": "slate"}[scheme]
            poke_all(pg, stats, seen)
            if width < 600:  # the nav and table of contents live in the drawer on a phone
                pg.evaluate("document.getElementById('__drawer').checked = true")
                poke_all(pg, stats, seen)
            assert_nothing_ran(pg, errors, rel)
        if width >= 600:  # search results
            pg.evaluate("() => { const s = document.getElementById('__search'); s.checked = true;"
                        " s.dispatchEvent(new Event('change')); }")
            pg.locator("input.md-search__input").press_sequentially("onerror", delay=30)
            pg.locator(".md-search-result__item").first.wait_for(timeout=15000)
            poke_all(pg, stats, seen)
            assert_nothing_ran(pg, errors, "search")
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"hostile-{width}-{scheme}.png"))
    finally:
        context.close()
    assert stats["hover"] > 20 and stats["tap"] > 20, stats
    assert stats["tips with markup as text"] > 0, stats  # the description's payload was shown, as text
    if width < 600:
        assert stats["truncated"] > 0, stats  # long titles were cut: the theme's ellipsis path ran


# -- issue 13: the reader's pages (where the outlets differ, timeline, quotes) and the phone width -------
def test_where_the_outlets_differ_comes_first_on_the_home_and_links_both_sentences(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/")
    first = page.locator(".md-content h2").first
    assert first.inner_text().startswith("Where the outlets differ")
    items = page.locator("h2#where-the-outlets-differ + ul > li")
    assert items.count() >= 1
    for n in range(items.count()):
        item = items.nth(n)
        links = item.locator("a[href*='articles/']")
        assert links.count() >= 2 and "≠" in item.inner_text()  # both values, each linked to its sentence
        assert item.locator("a[href^='#']").count() == 1  # and to the fact's row in the table below
    quote = items.filter(has=page.locator("del.bf-diff, ins.bf-diff")).first
    assert quote.count() == 1  # a quote worded differently shows the word diff
    row = quote.locator("a[href^='#']").get_attribute("href")
    assert page.locator(f"span.bf-fact[id='{row[1:]}']").count() == 1
    target = quote.locator("a[href*='articles/']").nth(1)
    anchor = target.get_attribute("href").split("#")[1]
    target.click()
    page.wait_for_url(f"**#{anchor}")
    assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{base}/briefing/")
    page.screenshot(path=str(ARTIFACTS / "home-differ-1280.png"))


def test_timeline_lists_dated_facts_in_time_order_with_their_sources(page, served):
    import datetime as dt

    base, _ = served
    page.goto(f"{base}/briefing/timeline/")
    headings = page.eval_on_selector_all(
        "h2#in-order ~ h3", "els => els.filter(h => { let p = h.previousElementSibling;"
        " while (p && p.tagName !== 'H2') p = p.previousElementSibling; return p && p.id === 'in-order'; })"
        ".map(h => h.textContent.replace('¶', '').trim())")
    assert len(headings) >= 3, headings

    def start(text: str) -> dt.date:  # "Fri 18 Sep 2015", "Sep 2015", "week of 31 Aug 2015", "2015"
        text = text.removeprefix("week of ")
        for fmt in ("%a %d %b %Y", "%d %b %Y", "%b %Y", "%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        raise AssertionError(f"not a date heading: {text}")

    starts = [start(h) for h in headings]
    assert starts == sorted(starts), headings
    entries = page.locator("h2#in-order ~ ul > li")
    for n in range(entries.count()):
        assert entries.nth(n).locator("a[href*='articles/'][href*='#s-']").count() >= 1  # each with its sources
    agree = page.locator("li:has(.bf-status.bf-agree)").first
    assert agree.locator("a[href*='articles/']").count() >= 2  # two outlets give that date
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-1280.png"), full_page=True)
    assert page.errors == []


def test_quotes_page_groups_quotes_by_speaker_and_shows_wording_differences(page, served):
    base, _ = served
    page.goto(f"{base}/briefing/quotes/")
    speakers = page.eval_on_selector_all(".md-content h2", "els => els.map(h => h.textContent.replace('¶', '').trim())")
    assert "John Kerry" in speakers and speakers[-1] == "Speakers not named"
    kerry = page.locator("h2#q-john-kerry + p")
    assert "quotations" in kerry.inner_text() and kerry.locator("a[href*='glossary']").count() == 1
    differ = page.locator("li:has(.bf-status.bf-differ)").first
    assert differ.locator("del.bf-diff, ins.bf-diff").count() >= 1
    assert differ.locator("a[href*='articles/']").count() >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "quotes-1280.png"))
    assert page.errors == []


def test_home_links_the_reader_pages_and_the_downloads(page, served):
    base, project = served
    page.goto(f"{base}/briefing/")
    for name in ("timeline/", "quotes/", "briefing.json", "facts.csv"):
        link = page.locator(f".md-content a[href$='{name}']").first
        href = link.get_attribute("href")
        response = page.request.get(f"{base}/briefing/{href}")
        assert response.status == 200, href
    csv_text = page.request.get(f"{base}/briefing/facts.csv").text()
    assert csv_text.splitlines()[0].startswith("fact,kind,status,subject")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


OVERFLOW = """() => {
    const doc = document.documentElement;
    const wide = Array.from(document.querySelectorAll('.md-content table, .md-content li, .md-content p'))
        .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.tagName + ': ' + el.textContent.slice(0, 60));
    return [doc.scrollWidth - doc.clientWidth, wide];
}"""


def test_at_390_px_nothing_scrolls_sideways_and_fact_rows_are_labelled(phone, served):
    base, _ = served
    for url in (article_url(served, "u-s-russia"), article_url(served, "us-agrees"), f"{base}/briefing/",
                f"{base}/briefing/timeline/", f"{base}/briefing/quotes/"):
        phone.goto(url)
        over, wide = phone.evaluate(OVERFLOW)
        assert over <= 0, (url, over)
        if "/articles/" in url:
            assert wide == [], (url, wide[:5])  # the fact table itself does not scroll either
    phone.goto(article_url(served, "u-s-russia"))
    table = phone.locator("table:has(.bf-fact)").first
    table.scroll_into_view_if_needed()
    row = table.locator("tbody tr").first
    labels = phone.evaluate("""(row) => Array.from(row.querySelectorAll('td'))
        .map(td => getComputedStyle(td, '::before').content)""", row.element_handle())
    assert labels == ["none", '"This source"', '"Other sources"', '"Status"'], labels
    assert phone.evaluate("(t) => getComputedStyle(t.querySelector('td')).display", table.element_handle()) == "block"
    cells = row.locator("td")
    boxes = [cells.nth(n).bounding_box() for n in range(cells.count())]
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes), boxes  # stacked, on screen
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "facts-390.png"))
    phone.goto(f"{base}/briefing/")
    phone.screenshot(path=str(ARTIFACTS / "home-390.png"), full_page=True)
    phone.goto(f"{base}/briefing/timeline/")
    phone.screenshot(path=str(ARTIFACTS / "timeline-390.png"))
    assert phone.errors == []


def test_legend_is_near_the_top_and_lists_only_the_types_on_the_page(page, served):
    page.goto(article_url(served, "u-s-russia"))
    legend = page.locator(".md-content .bf-legend")
    assert legend.count() == 1
    first_paragraph = page.locator(".md-content p[id^='p-']").first
    above = page.evaluate("([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
                          [legend.element_handle(), first_paragraph.element_handle()])
    assert above  # before the text, not after the fact table
    listed = set(legend.locator("[data-type]").evaluate_all("els => els.map(e => e.dataset.type)"))
    present = set(page.locator(".md-content a.bf-ent").evaluate_all(
        "els => els.map(e => Array.from(e.classList).find(c => c.startsWith('bf-') && c !== 'bf-ent').slice(3))"))
    assert listed == present


def test_byline_names_outlet_and_date_not_the_file(page, served):
    page.goto(article_url(served, "us-agrees"))
    byline = page.locator(".bf-byline").first.inner_text()
    assert byline.startswith("Al Jazeera America") and "18 September 2015" in byline
    assert "seeds/" not in page.locator(".md-content").inner_text()


# -- issue 26: the cache of briefing results is input like any other --------------------------------------

def poison_cache(cache: Path, export: dict, site_pages: list[str]) -> None:
    """Write what someone who can write the cache folder (or a CI cache restored from another
    branch) could: every briefing result edited in place, ids, labels and titles carrying markup,
    the shapes still right; and a rendered-pages entry, as the tool once kept them, under the key it
    read them from, with a page of markup for every page of the site."""
    swap = {label: "<img src=x onerror=alert('label')>" for label in ("PERSON", "ORG", "GPE", "LOC", "FAC")}
    swap |= {e["id"]: e["id"] + "\"><img src=x onerror=alert('entity')>" for e in export["entities"]}
    swap |= {f["id"]: f["id"] + "\"><img src=x onerror=alert('fact')>" for f in export["facts"]}
    swap |= {a["title"]: a["title"] + " <img src=x onerror=alert('title')>" for a in export["articles"]}

    def edit(x):
        return swap.get(x, x) if isinstance(x, str) else tuple(map(edit, x)) if isinstance(x, tuple) else x

    from briefing.store import results
    entries = sorted(cache.glob("results/*/*.entry"))
    assert entries
    for path in [*entries, *cache.glob("results/*/*.briefing")]:
        key, value = marshal.loads(path.read_bytes())
        path.write_bytes(marshal.dumps((key, edit(value))))
    for entry in entries:
        k = results.key([entry.stem, "alone"])
        pages = tuple((rel, "<img src=x onerror=alert('page')>\n") for rel in sorted(site_pages))
        (cache / "results" / k[:2]).mkdir(exist_ok=True)
        (cache / "results" / k[:2] / f"{k}.pages").write_bytes(marshal.dumps((k, pages)))


def test_a_poisoned_cache_of_results_changes_no_page_and_runs_nothing(browser, tiny):
    """An edited `.pages` entry under .cache/briefing/results/ was published as it was and its alert
    fired; `.briefing` entries put labels and ids into pages unescaped. Now pages are never cached,
    and a cached result is used only when it is the briefing of its own files (store/checks.py)."""
    assert briefing_cli(tiny).returncode == 0
    out = tiny / "docs/briefing"
    clean = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    export = json.loads(clean["briefing.json"])
    poison_cache(tiny / ".cache/briefing", export, [r for r in clean if r.endswith(".md")])
    res = briefing_cli(tiny)
    assert res.returncode == 0, res.stderr
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()} == clean
    poison_cache(tiny / ".cache/briefing", export, [r for r in clean if r.endswith(".md")])  # the plugin reads it too
    server = build_and_serve(tiny)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site = tiny / "site"
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    context, pg, errors = probed(browser, viewport={"width": 1280, "height": 1000}, has_touch=True)
    stats = {"hover": 0, "tap": 0, "truncated": 0, "tips with markup as text": 0}
    try:
        for rel in pages:
            html = (site / rel / "index.html").read_text(encoding="utf-8")
            assert "onerror" not in html, rel  # not even as text: no poisoned value reached a page
            pg.goto(f"{base}/{rel}/" if rel != "." else f"{base}/")
            pg.wait_for_load_state("load")
            poke_all(pg, stats, set())
            assert_nothing_ran(pg, errors, rel)
    finally:
        context.close()
        server.shutdown()
    assert len(pages) >= 6 and stats["hover"] > 10
