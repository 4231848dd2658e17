"""One failure in one article or one briefing is one error naming it and the stage; that article or
briefing is left out, everything else is built, and the exit code says so (README's table). The
failures are injected: a stage made to raise on one input, in-process through `build.gather` and
once through the real command in a new process."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import build as build_module
from briefing import facts as facts_stage
from briefing import render
from briefing.cli import exit_code
from briefing.config import Settings
from briefing.store import output

from multisite import make_project

SETTINGS = Settings(title="Newsroom briefings")


def broken_on(real, article_id):
    """`real`, raising when one of its parsed articles is `article_id` (as a bug met on that article)."""
    def stage(parsed, *args, **kwargs):
        if any(pa.article.id == article_id for pa in parsed):
            raise KeyError(f"a bug met on {article_id}")
        return real(parsed, *args, **kwargs)
    return stage


def built(project, parser):
    result = build_module.gather(SETTINGS, project, parser)
    output.write(project / "docs/briefing", result.pages, "docs/briefing")
    return result


def errors(result):
    return {p.file: p.message for p in result.problems if p.level == "error"}


@pytest.fixture
def site(tmp_path):
    return make_project(tmp_path / "p")


def test_a_stage_failing_on_one_article_leaves_that_article_out(site, parser, monkeypatch):
    monkeypatch.setattr(facts_stage, "stage", broken_on(facts_stage.stage, "post"))
    result = built(site, parser)
    assert errors(result) == {"seeds/rail-strike/post.txt": "left out: the facts stage failed (KeyError: 'a bug met "
                                                            "on post') on this article; the rest of its briefing "
                                                            "was built. Please report it with this article"}
    assert exit_code(result.problems, False, lambda p: False) == 1
    export = json.loads((site / "docs/briefing/rail-strike/briefing.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in export["articles"]] == ["wire"]  # the other article of that briefing
    assert sorted(b.slug for b in result.briefings) == ["ferry-fares", "harbour-bridge", "rail-strike"]
    again = built(site, parser)  # from the cache: the same error, the same pages
    assert errors(again) == errors(result) and again.rebuilt == []


def test_a_briefing_whose_pages_fail_is_left_out_and_the_site_builds_without_it(site, parser, monkeypatch):
    real = render.pages

    def pages(briefing, *args):
        if briefing.title == "Portvale rail strike":
            raise RecursionError("a bug met rendering it")
        return real(briefing, *args)
    monkeypatch.setattr(render, "pages", pages)
    result = built(site, parser)
    assert errors(result) == {"seeds/rail-strike": "not built: the render stage failed (RecursionError: a bug met "
                                                   "rendering it); everything else was built. Please report it "
                                                   "with this input"}
    assert sorted(b.slug for b in result.briefings) == ["ferry-fares", "harbour-bridge"]
    assert not any(rel.startswith("rail-strike/") for rel in result.pages)
    export = json.loads(result.pages["briefings.json"])
    assert [b["id"] for b in export["briefings"]] == ["harbour-bridge", "ferry-fares"]
    assert all(len(e["briefings"]) == 2 for e in export["shared_entities"])  # links only to what was built
    res = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site, capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr  # no link to the briefing left out


def test_a_batch_the_parser_fails_on_is_parsed_article_by_article(site, parser, monkeypatch):
    """The parse fails when it reaches one briefing's articles (Parser.stream hands them out
    briefing by briefing, Parser.parse is one stream): the briefings handed out before stand, the
    rest are parsed article by article and only the article that fails is left out."""
    real = parser.stream

    def stream(groups, progress=None):
        for group in real(groups, progress):
            if any(pa.article.id == "times" for pa in group):
                raise ValueError("a bug met parsing it")
            yield group
    monkeypatch.setattr(parser, "stream", stream)
    result = built(site, parser)
    assert list(errors(result)) == ["seeds/harbour-bridge/times.txt"]
    assert "the nlp stage failed (ValueError: a bug met parsing it)" in errors(result)["seeds/harbour-bridge/times.txt"]
    assert len(result.briefings) == 3 and (site / "docs/briefing/harbour-bridge/index.md").exists()


def test_the_command_reports_the_article_and_the_stage_and_exits_1(site):
    """The real command in a new process, one stage broken on one article of one briefing."""
    script = ("import sys\n"
              "from briefing import facts\n"
              "from test_isolation import broken_on\n"
              "facts.stage = broken_on(facts.stage, 'one')\n"
              "from briefing.cli import main\n"
              "sys.argv = ['briefing', 'build']\n"
              "main()\n")
    here = str(Path(__file__).parent)  # for `from test_isolation import broken_on`
    paths = [p for p in (os.environ.get("PYTHONPATH"), here) if p]
    res = subprocess.run([sys.executable, "-c", script], cwd=site, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)})
    assert res.returncode == 1, res.stderr
    assert ("ERROR    - seeds/ferry-fares/one.md: left out: the facts stage failed (KeyError: 'a bug met on one') "
            "on this article") in res.stderr
    assert "3 briefings" in res.stderr and "Traceback" not in res.stderr
    assert (site / "docs/briefing/ferry-fares/index.md").exists() and (site / "docs/briefing/rail-strike").is_dir()


def test_a_page_that_cannot_be_written_is_one_error_and_the_others_are_written(tmp_path, monkeypatch):
    real = output.atomic_write

    def atomic_write(path, data, *mode):
        if path.name == "b.md":
            raise OSError(28, "No space left on device")
        return real(path, data, *mode)
    monkeypatch.setattr(output, "atomic_write", atomic_write)
    folder = tmp_path / "docs/briefing"
    counts, problems = output.write(folder, {"a.md": "# A\n", "b.md": "# B\n", "c/d.md": "# D\n"}, "docs/briefing")
    assert [(p.level, p.file, p.message) for p in problems] == [
        ("error", "docs/briefing/b.md", "not written: No space left on device")]
    assert counts["written"] == 2 and (folder / "c/d.md").exists() and not (folder / "b.md").exists()
    assert sorted(json.loads((folder / output.MANIFEST).read_text())["files"]) == ["a.md", "c/d.md"]
