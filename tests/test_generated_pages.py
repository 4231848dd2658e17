"""Who owns the generated folder (issue 13 item 1, issue 10 finding 11): under `mkdocs build` the
plugin's fresh pages are the only generated pages; what `briefing build` wrote earlier and nobody
changed leaves the site, and any other file there is the user's and stays."""
import dataclasses
import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from briefing.store import output
from briefing.build import gather
from briefing.plugin.settings import load_settings

from conftest import ROOT
from invented import ARTICLES

def new_project(tmp: Path, names=("harbour.txt", "ferry.txt")) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=shutil.ignore_patterns("briefing"))
    (tmp / "seeds").mkdir()
    for name in names:
        (tmp / "seeds" / name).write_text(ARTICLES[name], encoding="utf-8")
    return tmp


def cli_build(project: Path, parser) -> None:
    """What `briefing build` does (in-process, sharing the session's model)."""
    settings, docs_dir, problems = load_settings(project / "mkdocs.yml")
    assert not problems
    result = gather(dataclasses.replace(settings, articles={}), project, parser)
    counts, problems = output.write(docs_dir / settings.output, result.pages, "docs/briefing", root=docs_dir)
    assert counts["written"] and not problems


def mkdocs_build(project: Path, parser, **options) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    plugin = config["plugins"]["briefing"]
    plugin.config["articles"] = {}
    plugin.config.update(options)
    plugin._parser = parser
    build(config)


def site_pages(project: Path) -> set[str]:
    return {p.parent.name for p in (project / "site/briefing/articles").glob("*/index.html")}


def warnings(caplog) -> list[str]:
    return [r.getMessage().removeprefix("briefing: ") for r in caplog.records if r.levelno >= logging.WARNING]


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_stale_pages_from_briefing_build_leave_the_site(tmp_path, parser, caplog):
    project = new_project(tmp_path)
    cli_build(project, parser)
    (project / "seeds/ferry.txt").rename(project / "seeds/ferries.txt")
    (project / "seeds/harbour.txt").unlink()
    (project / "seeds/farms.txt").write_text(ARTICLES["farms.txt"], encoding="utf-8")
    with caplog.at_level(logging.INFO):
        mkdocs_build(project, parser)
    assert site_pages(project) == {"ferries-cancelled-as-storm-hits-porto-verde", "farmers-count-losses-after-the-storm"}
    home = (project / "site/briefing/index.html").read_text(encoding="utf-8")
    assert "Storm closes the harbour" not in home
    assert warnings(caplog) == []


def test_a_hand_written_page_at_a_generated_path_is_kept_with_a_warning(tmp_path, parser, caplog):
    project = new_project(tmp_path)
    own = project / "docs/briefing/index.md"
    own.parent.mkdir()
    own.write_text("# Our storm coverage\n\nWritten by the desk.\n\n[Glossary](glossary.md)\n", encoding="utf-8")
    (project / "docs/briefing/desk-notes.md").write_text("# Desk notes\n\nAlso ours.\n", encoding="utf-8")
    with caplog.at_level(logging.INFO):
        mkdocs_build(project, parser)
    assert "Written by the desk." in (project / "site/briefing/index.html").read_text(encoding="utf-8")
    assert "Also ours." in (project / "site/briefing/desk-notes/index.html").read_text(encoding="utf-8")
    assert (project / "site/briefing/glossary/index.html").exists()  # the other generated pages are there
    (warning,) = warnings(caplog)
    assert warning.startswith("docs/briefing/index.md: kept:") and "move or delete the file" in warning
    assert own.read_text(encoding="utf-8").startswith("# Our storm coverage")


def test_a_generated_page_edited_by_hand_is_the_users(tmp_path, parser, caplog):
    project = new_project(tmp_path)
    cli_build(project, parser)
    page = project / "docs/briefing/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## Sources", "## Sources (checked by the desk)"),
                    encoding="utf-8")
    with caplog.at_level(logging.INFO):
        mkdocs_build(project, parser)
    assert "checked by the desk" in (project / "site/briefing/index.html").read_text(encoding="utf-8")
    assert [w.split(":")[0] for w in warnings(caplog)] == ["docs/briefing/index.md"]


@pytest.mark.parametrize("value", ["../outside", "../../outside", "/tmp/briefing-outside-test"])
def test_output_outside_docs_stops_the_plugin(tmp_path, parser, value, caplog):
    project = new_project(tmp_path, names=("harbour.txt",))
    with pytest.raises(Abort):
        mkdocs_build(project, parser, output=value)
    assert any(f"option `output: {value}` must be a folder inside docs_dir" in m for m in errors(caplog))
    assert not (tmp_path / "outside").exists() and not (tmp_path.parent / "outside").exists()
    assert not Path(value).is_absolute() or not Path(value).exists()


def test_a_symlinked_output_folder_stops_the_plugin(tmp_path, parser, caplog):
    (tmp_path / "p").mkdir()
    project = new_project(tmp_path / "p", names=("harbour.txt",))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "docs/briefing").symlink_to(elsewhere)
    with pytest.raises(Abort):
        mkdocs_build(project, parser)
    assert any("docs/briefing: a symbolic link: the generated folder must be" in m for m in errors(caplog))
    assert list(elsewhere.iterdir()) == []


def test_an_empty_seeds_folder_is_an_error_under_the_plugin(tmp_path, parser, caplog):
    project = new_project(tmp_path, names=())
    with caplog.at_level(logging.INFO):
        mkdocs_build(project, parser)
    assert any("no articles (*.txt, *.md) in the seeds folder" in m for m in errors(caplog))
