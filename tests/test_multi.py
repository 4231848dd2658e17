"""Many briefings in one site, end to end: three invented briefings that share an entity, built with
the real model, written like `briefing build`, then a real `mkdocs build --strict`; rebuilds after
an edit, an added briefing and no change, checked through the build's own report of what it re-ran."""
import copy as copy_module
import json
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from briefing.store import output
from briefing.build import gather
from briefing.config import Settings
from briefing.nlp.parser import Parser

from multisite import NEW_BRIEFING, add_briefing, make_project

SETTINGS = Settings(title="Newsroom briefings")


def build(project, parser):
    result = gather(SETTINGS, project, parser)
    output.write(project / "docs/briefing", result.pages, "docs/briefing")
    return result


def mkdocs_build(project):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
                          text=True, timeout=300)


def generated(project) -> dict[str, bytes]:
    folder = project / "docs/briefing"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def html(project, rel):
    return BeautifulSoup((project / "site" / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory, parser):
    project = make_project(tmp_path_factory.mktemp("multi") / "project")
    result = build(project, parser)
    res = mkdocs_build(project)
    assert res.returncode == 0, res.stderr
    return project, result


def copy_of(site, tmp_path):
    project, _ = site
    copy = tmp_path / "copy"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
    return copy


def test_three_briefing_homes_and_a_home_listing_them_newest_first(site):
    project, result = site
    assert result.several and len(result.rebuilt) == 3
    for slug in ("harbour-bridge", "rail-strike", "ferry-fares"):
        assert (project / f"site/briefing/{slug}/index.html").exists()
        assert (project / f"docs/briefing/{slug}/briefing.json").exists()
    home = html(project, "briefing/index.html")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in home.select("article table tr")[1:]]
    # newest first: by the briefing's date, else its newest article's (ferry-fares has no briefing.yml)
    assert [r[0] for r in rows] == ["2031-04-10", "2031-03-04", "2031-02-21"]
    assert rows[0][1] == "Portvale rail strike" and rows[0][2] == "Portvale Post, Northern Wire"
    assert rows[2][1] == "Bluewake Lines: fares" and rows[2][2] == "Island Gazette, Coastal Herald"  # its subject
    assert all(r[3].split(" of ")[0].isdigit() for r in rows)  # facts the outlets differ on


def test_every_page_of_a_briefing_leads_back_to_it_and_to_the_site_home_and_says_its_briefing(site):
    project, _ = site
    titles = {b["id"]: b["title"] for b in json.loads((project / "docs/briefing/briefings.json").read_text())["briefings"]}
    pages = sorted((project / "site/briefing").glob("*/**/index.html"))
    for page in pages:
        slug = page.relative_to(project / "site/briefing").parts[0]
        if slug in ("entities", "months"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        crumbs = soup.select_one("article nav.bf-crumbs")
        assert crumbs is not None, page
        targets = [(page.parent / a["href"]).resolve() for a in crumbs.find_all("a")]
        home, own = project / "site/briefing", project / "site/briefing" / slug
        if page.parent == own:  # the briefing's home: back to the site's
            assert targets == [home] and soup.title.get_text().startswith(titles[slug])
        else:
            assert targets[:2] == [home, own], page
            assert f" · {titles[slug]} - Newsroom" in soup.title.get_text(), page  # the tab names the briefing
    assert len(pages) >= 18


def test_the_site_opens_on_its_front_page_unless_docs_has_an_index_md(site, tmp_path):
    copy = copy_of(site, tmp_path)
    res = mkdocs_build(copy)  # docs/index.md is the project's own ("About"): it stays the site's home
    assert res.returncode == 0 and "docs/index.md is the site's own home page" in res.stderr
    assert html(copy, "index.html").select_one("article h1").get_text(strip=True).startswith("About")
    (copy / "docs/index.md").unlink()
    assert mkdocs_build(copy).returncode == 0
    front = html(copy, "index.html")
    assert front.select_one("article h1").get_text(strip=True).startswith("Newsroom briefings")
    links = [a["href"] for a in front.select("article table a")]
    assert links == ["briefing/rail-strike/", "briefing/harbour-bridge/", "briefing/ferry-fares/"]
    assert all((copy / "site" / href / "index.html").exists() for href in links)
    index = json.loads((copy / "site/search/search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].split("#")[0] == ""]  # searched once, at briefing/


def test_one_entity_page_links_all_three_briefings_and_their_glossaries_link_back(site):
    project, _ = site
    page = html(project, "briefing/entities/helena-marsh/index.html")
    article = page.select_one("article")
    glossary_links = [a["href"] for a in article.find_all("a") if "glossary" in a["href"]]
    assert len(glossary_links) == 3
    for href in glossary_links:
        path, anchor = href.split("#")
        target = project / "site/briefing/entities/helena-marsh" / path / "index.html"
        glossary = BeautifulSoup(target.resolve().read_text(encoding="utf-8"), "html.parser")
        entry = glossary.find(id=anchor)
        assert entry is not None and entry.get_text(strip=True).startswith("Helena Marsh")
        back = [a["href"] for a in glossary.select("article a") if "entities/helena-marsh" in a["href"]]
        assert back == ["../../entities/helena-marsh/"]
    assert "transport minister" in article.get_text().lower()  # its description in each briefing


def test_bare_surnames_and_one_briefing_entities_get_no_entity_page(site):
    project, _ = site
    data = json.loads((project / "docs/briefing/briefings.json").read_text())
    names = {e["name"] for e in data["shared_entities"]}
    assert "Helena Marsh" in names and "Portvale" in names
    assert "Marsh" not in names  # a bare surname is never evidence
    assert "Union of Rail Workers" not in names  # named in one briefing only
    assert not (project / "docs/briefing/entities/union-of-rail-workers.md").exists()


def test_briefings_json_matches_the_pages(site):
    project, _ = site
    root = project / "docs/briefing"
    data = json.loads((root / "briefings.json").read_text())
    assert data["version"] == 1
    home = html(project, "briefing/index.html")
    titles = [a.get_text() for a in home.select("article table a")]
    assert [b["title"] for b in data["briefings"]] == titles
    for b in data["briefings"]:
        inner = json.loads((root / b["path"]).read_text())
        assert inner["version"] == 1 and inner["title"] == b["title"]
        assert (root / b["id"] / "index.md").exists()
    ids = {b["id"] for b in data["briefings"]}
    for sh in data["shared_entities"]:
        assert (root / f"entities/{sh['id']}.md").exists()
        assert len(sh["briefings"]) >= 2
        for member in sh["briefings"]:
            assert member["briefing"] in ids
            inner = json.loads((root / member["briefing"] / "briefing.json").read_text())
            entity = next(e for e in inner["entities"] if e["id"] == member["entity"])
            assert entity["label"] == sh["label"]
    marsh = next(sh for sh in data["shared_entities"] if sh["id"] == "helena-marsh")
    assert {m["briefing"] for m in marsh["briefings"]} == ids


def test_nav_lists_the_home_months_and_entities_only(site):
    project, _ = site
    for rel in ("briefing/index.html", "briefing/rail-strike/index.html", "briefing/entities/portvale/index.html"):
        nav = html(project, rel).select_one("nav.md-nav--primary")
        labels = [a.get_text(" ", strip=True) for a in nav.select("a") if a.get_text(strip=True)]
        assert labels == ["About", "Briefing", "April 2031", "March 2031", "February 2031", "All months",
                          "Entities across briefings"], rel
    index = json.loads((project / "site/search/search_index.json").read_text())
    found = {d["location"].split("#")[0] for d in index["docs"]}
    assert {"briefing/rail-strike/glossary/", "briefing/entities/helena-marsh/"} <= found  # search: whole site


def test_site_rule_matching_nothing_anywhere_is_one_warning(site, tmp_path, parser):
    assert not site[1].problems
    copy = copy_of(site, tmp_path)
    rules = copy / "overrides.yml"
    rules.write_text(rules.read_text() + "  Quillon Harbour Trust: A body named in no article\n")
    result = build(copy, parser)
    messages = [str(p) for p in result.problems if p.level == "warning"]
    about_trust = [m for m in messages if "Quillon Harbour Trust" in m]
    assert about_trust == ["overrides.yml: describe rule `Quillon Harbour Trust` matches nothing in any "
                           "briefing; update or remove it"]
    assert not [m for m in messages if "Bluewake" in m]  # it matches in one briefing: enough
    assert not [m for m in messages if "Union of Rail Workers" in m]  # the briefing's own rule matched


def test_editing_one_article_reruns_only_its_briefing(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    article = copy / "seeds/rail-strike/post.txt"
    article.write_text(article.read_text().replace("About 1,500 drivers", "About 1,600 drivers"))
    result = build(copy, parser)
    assert result.rebuilt == ["seeds/rail-strike"]
    after = generated(copy)
    changed = {k for k in after if before.get(k) != after[k]}
    assert "rail-strike/briefing.json" in changed and "1,600" in after["rail-strike/briefing.json"].decode()
    assert not {k for k in changed if k.startswith(("harbour-bridge/", "ferry-fares/"))}
    assert mkdocs_build(copy).returncode == 0


def test_a_new_briefing_runs_alone_and_changes_only_pages_whose_links_change(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    add_briefing(copy, "ferry-storm", NEW_BRIEFING)
    result = build(copy, parser)
    assert result.rebuilt == ["seeds/ferry-storm"]
    # ferry-fares' Bluewake Lines is now shared, so its glossary gains a link; the others are unchanged
    after = generated(copy)
    changed = {k.split("/")[0] for k in after if before.get(k) != after[k] and "/" in k}
    assert changed == {"ferry-fares", "ferry-storm", "entities", "months"}
    glossary = (copy / "docs/briefing/ferry-fares/glossary.md").read_text()
    assert "(../entities/bluewake-lines.md)" in glossary
    assert result.briefings[0].slug == "ferry-storm"  # the newest


def test_no_change_rebuild_reads_only_the_cache(site, tmp_path):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    fresh = Parser(cache_dir=tmp_path / "empty-nlp-cache")
    result = build(copy, fresh)
    assert result.rebuilt == []
    assert fresh._nlp is None  # the model was never loaded
    assert generated(copy) == before


def test_a_change_to_the_tools_code_reruns_every_briefing(site, tmp_path, parser, monkeypatch):
    from briefing.store import results

    copy = copy_of(site, tmp_path)
    before = generated(copy)
    monkeypatch.setattr(results, "code", lambda: "another build of the tool, same version number")
    result = build(copy, parser)
    assert sorted(result.rebuilt) == ["seeds/ferry-fares", "seeds/harbour-bridge", "seeds/rail-strike"]
    assert generated(copy) == before  # the same code in fact: the same pages


def test_damaged_cache_is_recomputed_to_the_same_pages(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    entries = sorted((copy / ".cache/briefing/results").rglob("*.*"))
    assert entries
    for n, path in enumerate(entries):
        path.write_bytes(b"\x00garbage" if n % 2 else path.read_bytes()[: len(path.read_bytes()) // 2])
    result = build(copy, parser)
    assert sorted(result.rebuilt) == ["seeds/ferry-fares", "seeds/harbour-bridge", "seeds/rail-strike"]
    assert generated(copy) == before


def test_the_nav_does_not_grow_with_the_number_of_briefings(tmp_path):
    """200 briefings over twenty months: the nav holds the site home, the six latest months, the
    index of every month and the entity index, in that order, and nothing else."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.nav import get_navigation

    from briefing.plugin.plugin import BriefingPlugin
    from briefing.render.site import nav as site_nav

    project = make_project(tmp_path / "p", {})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config["plugins"]["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    months = [f"months/{2030 + m // 12}-{m % 12 + 1:02d}.md" for m in range(20)]
    rels = ["index.md", "entities/index.md", "entities/helena-marsh.md", "months/index.md", "months/undated.md",
            *months]
    for b in range(200):
        rels += [f"b{b}/index.md", f"b{b}/glossary.md", f"b{b}/articles/one.md", f"b{b}/articles/two.md"]
    plugin._nav = site_nav(rels)
    config.plugins._current_plugin = "briefing"
    files = Files([File.generated(config, "index.md", content="# About\n")] + [  # as on_files adds them
        File.generated(config, f"briefing/{rel}", content=f"# {rel}\n",
                       inclusion=InclusionLevel.UNDEFINED if rel in plugin._nav else InclusionLevel.NOT_IN_NAV)
        for rel in rels])
    nav = plugin.on_nav(get_navigation(files, config), config=config, files=files)

    def uris(items):
        out = []
        for item in items:
            out.append(item.file.src_uri if getattr(item, "file", None) else item.title)
            out += uris(getattr(item, "children", None) or [])
        return out

    assert uris(nav.items) == ["index.md", "Briefing", "briefing/index.md", *[f"briefing/{m}" for m in
                                                                            reversed(months[-6:])],
                               "briefing/months/index.md", "briefing/entities/index.md"]
    assert [p.file.src_uri for p in nav.pages] == [u for u in uris(nav.items) if u.endswith(".md")]


def test_an_entry_without_its_briefing_runs_the_briefing_again(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    for path in (copy / ".cache/briefing/results").rglob("*"):
        if path.suffix == ".briefing":  # the entries (summaries) stay
            path.unlink()
    result = build(copy, parser)
    assert sorted(result.rebuilt) == ["seeds/ferry-fares", "seeds/harbour-bridge", "seeds/rail-strike"]
    assert generated(copy) == before


def test_editing_a_briefing_yml_reruns_its_briefing_and_the_home_shows_it(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    meta = copy / "seeds/harbour-bridge/briefing.yml"
    meta.write_text(meta.read_text().replace("title: Larkspur Harbour Bridge closed", "title: Bridge shut"))
    result = build(copy, parser)
    assert result.rebuilt == ["seeds/harbour-bridge"]
    assert "[Bridge shut](harbour-bridge/index.md)" in (copy / "docs/briefing/index.md").read_text()


def test_every_cached_result_reads_back(site):
    """The cache checks values against the model's types: a value the model does not declare (a new
    fact kind, say) would make every rebuild run that briefing again."""
    from briefing.store import results
    from briefing.build import Entry
    from briefing.model import Briefing
    from briefing.site.changes import History

    project, _ = site
    store = results.Store(project / ".cache/briefing")
    files = sorted((project / ".cache/briefing/results").rglob("*.*"))
    kinds = {"entry": Entry, "briefing": Briefing, "history": History}
    assert {f.suffix for f in files} == {".entry", ".briefing", ".history"}  # results, never rendered pages
    for f in files:
        assert store.load(kinds[f.suffix[1:]], f.stem, f.suffix[1:]) is not None, f


def test_the_cache_clean_up_drops_results_no_briefing_uses_and_keeps_the_rest(site, tmp_path, parser):
    copy = copy_of(site, tmp_path)
    article = copy / "seeds/rail-strike/wire.txt"
    article.write_text(article.read_text().replace("1,200 drivers", "1,250 drivers"))
    tight = Settings(title="Newsroom briefings", cache_max_mb=0)
    own = copy_module.copy(parser)  # the session's pipeline with a parse cache of its own, which this empties
    own.cache_dir = tmp_path / "parses"
    result = gather(tight, copy, own)
    assert result.rebuilt == ["seeds/rail-strike"]
    cleaned = [p.message for p in result.problems if "cached briefing result file" in p.message]
    assert len(cleaned) == 1 and cleaned[0].startswith("removed 2 cached briefing result files")  # the old two
    again = gather(tight, copy, own)
    assert again.rebuilt == []  # everything in use stayed
    assert not [p for p in again.problems if "removed" in p.message]


def test_review_lists_each_briefing_from_the_cache(site, tmp_path):
    copy = copy_of(site, tmp_path)
    before = generated(copy)
    res = subprocess.run([sys.executable, "-m", "briefing", "review"], cwd=copy, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    headers = [line for line in res.stdout.splitlines() if line.startswith("== ")]
    assert headers == ["== seeds/ferry-fares", "== seeds/harbour-bridge", "== seeds/rail-strike"]
    assert generated(copy) == before
