"""The sample briefing end to end: real model, `briefing build`, a real `mkdocs build --strict`.
What the briefing says (entities, facts) is checked in test_sample.py; this file checks the site."""
import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS


def mkdocs_build(project, *args):
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import shutil
    project = tmp_path_factory.mktemp("site")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (ROOT / "overrides.yml").exists():
        shutil.copy(ROOT / "overrides.yml", project / "overrides.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copytree(SEEDS, project / "seeds")
    built = subprocess.run([sys.executable, "-m", "briefing", "build", "-q"], cwd=project, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    res = mkdocs_build(project)
    assert res.returncode == 0, res.stderr
    return project


def html(site, rel):
    return BeautifulSoup((site / "site" / rel).read_text(encoding="utf-8"), "html.parser")


def test_export_offsets_match_the_files(site):
    data = json.loads((site / "docs/briefing/briefing.json").read_text())
    raws = {a["id"]: (site / a["file"]).read_text(encoding="utf-8") for a in data["articles"]}
    assert len(data["entities"]) > 30 and len(data["facts"]) > 10
    for e in data["entities"]:
        for m in e["mentions"]:
            assert raws[m["article"]][m["start"]:m["end"]] == m["text"]
    for f in data["facts"]:
        assert f["status"] in ("agree", "differ", "single")
        for c in f["claims"]:
            assert raws[c["article"]][c["start"]:c["end"]] == c["text"]


def test_every_entity_link_resolves_to_a_glossary_anchor_with_a_tooltip(site):
    glossary = html(site, "briefing/glossary/index.html")
    anchors = {h.get("id") for h in glossary.find_all(["h2"])}
    pages = sorted((site / "site/briefing/articles").glob("*/index.html"))
    assert len(pages) == 2
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = soup.select("a.bf-ent")
        assert len(links) > 50
        for a in links:
            target, anchor = a["href"].split("#")
            assert target == "../../glossary/" and anchor in anchors
            assert "title" not in a.attrs  # the tooltip is ours (data-bf-tip), never the theme's
            assert a["data-bf-tip"].split(":")[0] in ("Person", "Organisation", "Place", "Location", "Facility",
                                                      "Group", "Event", "Product")
        assert soup.find("h2", id="facts") and soup.find("table"), page


def test_backlinks_land_on_paragraphs(site):
    glossary = html(site, "briefing/glossary/index.html")
    links = [a["href"] for a in glossary.select("article li a") if "articles/" in a.get("href", "")]
    assert links
    for href in links[:80]:
        path, anchor = href.split("#")
        page = html(site, "briefing/" + path.replace("../", "") + "index.html")
        assert page.find(id=anchor) is not None, href


def test_fact_table_links_resolve(site):
    for page in (site / "site/briefing/articles").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("table a"):
            href = a["href"]
            if href.startswith("#"):
                assert soup.find(id=href[1:]) is not None
            else:
                path, anchor = href.split("#")
                other = BeautifulSoup((page.parent / path / "index.html").read_text(encoding="utf-8"), "html.parser")
                assert other.find(id=anchor) is not None


def test_home_lists_sources_entities_and_differences_first(site):
    soup = html(site, "briefing/index.html")
    text = soup.get_text(" ")
    assert "Al Jazeera America" in text and "Unknown outlet" in text
    statuses = [s.get_text() for s in soup.select(".bf-status")]
    assert statuses and statuses[0].endswith("differ")
    assert statuses.index(next(s for s in statuses if s.endswith("agree"))) > max(
        i for i, s in enumerate(statuses) if s.endswith("differ"))


def test_search_index_holds_entity_names_and_aliases(site):
    index = json.loads((site / "site/search/search_index.json").read_text())
    titles = {d["title"] for d in index["docs"] if "glossary" in d["location"]}
    assert {"Vladimir Putin", "Islamic State", "Ashton Carter"} <= titles
    isis = next(d for d in index["docs"] if d["title"] == "Islamic State")
    assert "ISIS" in isis["text"] and "ISIL" in isis["text"]


def test_glossary_sentences_are_searched_on_their_article_pages_only(site):
    """The sentences a glossary entry lists (each linked back to its article) are left out of
    search: a word of the text finds its article, not every glossary entry naming someone in that
    sentence, and the index holds the text once. Names, aliases and descriptions stay searchable."""
    import re
    index = json.loads((site / "site/search/search_index.json").read_text())
    glossary = " ".join(f"{d['title']} {d['text']}" for d in index["docs"] if "/glossary/" in d["location"])
    articles = " ".join(f"{d['title']} {d['text']}" for d in index["docs"] if "/articles/" in d["location"])
    soup = BeautifulSoup((site / "site/briefing/glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    described = " ".join(q.get_text(" ") for q in soup.select("blockquote"))
    pieces = []  # a run of plain words from each listed sentence, free of anything escaping could change
    for a in soup.select(".bf-backlinks li a"):
        words = re.findall(r"[A-Za-z]+(?: [A-Za-z]+){5,}", a.get_text(" "))
        if words and words[0] not in described:
            pieces.append(words[0])
    assert len(pieces) > 50
    assert all(p in articles for p in pieces)
    assert [p for p in pieces if p in glossary] == []
    assert "Vladimir Putin" in glossary


def test_residue_lines_do_not_reach_the_pages(site):
    for page in (site / "docs/briefing/articles").glob("*.md"):
        text = page.read_text()
        assert "Sign up for our weekly newsletter" not in text and "Getty Images" not in text


def test_output_is_deterministic(site, tmp_path):
    import shutil
    first = {p.relative_to(site / "docs/briefing"): p.read_bytes() for p in (site / "docs/briefing").rglob("*")
             if p.is_file()}
    copy = tmp_path / "again"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("site", "briefing", ".cache"))
    res = subprocess.run([sys.executable, "-m", "briefing", "build", "-q"], cwd=copy, capture_output=True, text=True,
                         env={"PYTHONHASHSEED": "12345", **__import__("os").environ}, timeout=300)
    assert res.returncode == 0, res.stderr
    second = {p.relative_to(copy / "docs/briefing"): p.read_bytes() for p in (copy / "docs/briefing").rglob("*")
              if p.is_file()}
    assert first == second


def test_plugin_alone_builds_the_same_pages_virtually(site, tmp_path):
    """Without `briefing build`, the plugin adds the pages itself and writes nothing into docs/."""
    import shutil
    copy = tmp_path / "plugin-only"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("site", "briefing"))
    res = mkdocs_build(copy)
    assert res.returncode == 0, res.stderr
    assert not (copy / "docs/briefing").exists()
    assert (copy / "site/briefing/glossary/index.html").exists()
    assert (copy / "site/briefing/briefing.json").read_bytes() == (site / "docs/briefing/briefing.json").read_bytes()


def test_a_fresh_checkout_builds_with_mkdocs_build_alone_the_site_of_the_two_commands(site, tmp_path):
    """Seeds to site in one process (the README's CI route): `mkdocs build --strict` with no cache
    and no generated pages parses and builds everything itself, and its site is the one `briefing
    build` then `mkdocs build --strict` made, byte for byte; the cache a CI keeps is filled."""
    import shutil
    copy = tmp_path / "fresh"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("site", "briefing", ".cache"))
    res = mkdocs_build(copy)
    assert res.returncode == 0, res.stderr
    assert not (copy / "docs/briefing").exists()
    assert list((copy / ".cache/briefing/results").rglob("*.entry"))

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    one, two = files(copy / "site"), files(site / "site")
    assert "briefing/glossary/index.html" in one and "briefing/briefing.json" in one
    assert sorted(one) == sorted(two)
    assert [rel for rel in one if one[rel] != two[rel]] == []


def test_strict_build_fails_on_a_broken_link(site, tmp_path):
    import shutil
    copy = tmp_path / "broken"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("site"))
    (copy / "docs/extra.md").write_text("# Extra\n\n[gone](nowhere.md) and [bad anchor](index.md#no-such-anchor)\n")
    res = mkdocs_build(copy)
    assert res.returncode != 0 and "nowhere.md" in res.stderr
