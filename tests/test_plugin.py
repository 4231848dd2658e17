"""The MkDocs adapter: options, virtual files, nav that does not grow with the briefing."""
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation

from briefing.config import OPTIONS
from briefing.plugin import BriefingConfig, BriefingPlugin

from conftest import ROOT


def test_every_setting_is_a_plugin_option_with_its_default():
    plugin_options = dict(BriefingConfig._schema)
    assert set(plugin_options) == set(OPTIONS)


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
    nav = plugin.on_nav(get_navigation(files, config), config=config, files=files)
    assert sum("articles/" in t for t in nav_titles(nav.items)) == 3
