"""`briefing build`: the README's options, messages and exit codes (0 built; 1 an article skipped or,
with --strict, a warning; 2 bad configuration or a missing pipeline), on a small invented story."""
import json
import os
import pty
import re
import select
import subprocess
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from briefing.nlp import parser as nlp_stage
from briefing.cli import main
from conftest import TINY_ARTICLES, briefing_cli, env_and_inherit, yaml_bomb_under_articles


@pytest.fixture
def cli(monkeypatch, nlp):
    """`briefing build ARGS` run in-process by click's runner in the project folder: the exit code
    and stderr a user gets. The default pipeline is the session's, loaded once, instead of being
    loaded again for every run (a second or two each); any other name goes to the real loader."""
    real = nlp_stage.load_pipeline
    monkeypatch.setattr(nlp_stage, "load_pipeline", lambda name: nlp if name == nlp_stage.DEFAULT_MODEL else real(name))

    def run(project, *args, env=None):
        monkeypatch.chdir(project)
        result = CliRunner(env=env).invoke(main, ["build", *args], catch_exceptions=False)
        return SimpleNamespace(returncode=result.exit_code, stderr=result.stderr)
    return run


def set_option(project, line):
    """Add one line to the briefing plugin's options in the project's mkdocs.yml."""
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("      title: Caldmoor bridge closure\n",
                                           f"      title: Caldmoor bridge closure\n      {line}\n"))


def export(project):
    return json.loads((project / "docs/briefing/briefing.json").read_text(encoding="utf-8"))


# -- 0: built ------------------------------------------------------------------------------------

def test_build_reports_what_it_did(tiny):
    """A real process: what a user types, the exit status the shell sees."""
    res = briefing_cli(tiny)
    assert res.returncode == 0, res.stderr
    assert "INFO     - briefing: 2 articles" in res.stderr and "-> docs/briefing/: " in res.stderr
    assert "parsing articles" not in res.stderr  # stderr is a pipe here: no progress line
    assert {a["id"] for a in export(tiny)["articles"]} == {"courier", "radio"}
    assert (tiny / "docs/index.md").read_text() == "# Caldmoor\n\nA hand-written page.\n"  # the user's page


def test_quiet_prints_nothing_on_success(tiny, cli):
    res = cli(tiny, "-q")
    assert res.returncode == 0 and res.stderr == ""


def test_verbose_shows_the_time_of_each_stage(tiny, cli):
    res = cli(tiny, "-v")
    assert res.returncode == 0, res.stderr
    stages = [line.split()[2] for line in res.stderr.splitlines() if line.startswith("DEBUG")]
    assert [s for s in stages if s != "load"] == ["cache", "read", "nlp", "repair", "resolve", "facts", "render",
                                                  "re-ran"]
    assert "DEBUG    - re-ran 1 briefing: seeds\n" in res.stderr
    times = re.findall(r"DEBUG    - (\w+) +([\d.]+)s +([\d.]+)s CPU\n", res.stderr)  # wall, then CPU
    assert [t[0] for t in times] == [s for s in stages if s != "re-ran"]
    assert float(dict((s, c) for s, _, c in times)["nlp"]) > 0
    again = cli(tiny, "-v")  # the briefing's result comes from the cache of briefing results
    assert [line.split()[2] for line in again.stderr.splitlines() if line.startswith("DEBUG")] == [
        "cache", "render", "re-ran"]
    assert "DEBUG    - re-ran 0 briefings (all from the cache)" in again.stderr
    assert "DEBUG" not in cli(tiny).stderr


def test_seeds_option_reads_another_folder(tiny, cli):
    other = tiny / "elsewhere"
    other.mkdir()
    (other / "bulletin.txt").write_text(TINY_ARTICLES["courier"].replace("Caldmoor", "Eastmere"), encoding="utf-8")
    res = cli(tiny, "--seeds", "elsewhere")
    assert res.returncode == 0, res.stderr
    data = export(tiny)
    assert [a["id"] for a in data["articles"]] == ["bulletin"]
    assert data["articles"][0]["file"] == "elsewhere/bulletin.txt"  # relative to mkdocs.yml
    assert "Eastmere" in {a for e in data["entities"] for a in e["aliases"]}


def test_progress_line_in_a_terminal_only(tiny):
    """A terminal gets `parsing articles: n/N` (stderr is a pty here); a pipe or a log file does not."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "build"], cwd=tiny, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 0, out
    text = out.decode()
    assert "parsing articles: 1/2" in text and "parsing articles: 2/2" in text


def test_export_lists_removed_residue_with_offsets_into_the_file(tiny, cli):
    assert cli(tiny, "-q").returncode == 0
    radio = next(a for a in export(tiny)["articles"] if a["id"] == "radio")
    raw = (tiny / "seeds/radio.txt").read_text(encoding="utf-8")
    assert [r["text"] for r in radio["removed"]] == ["Photo: Tomas Reyes / Harbour Radio"]
    for r in radio["removed"]:
        assert raw[r["start"]:r["end"]] == r["text"]
    page = (tiny / "docs/briefing" / radio["page"]).read_text(encoding="utf-8")
    assert "Tomas Reyes" not in page


# -- 1: an article skipped, or a warning under --strict --------------------------------------------

@pytest.mark.parametrize("data", [b"\x00\x01binary", bytes(range(1, 256)) * 8], ids=["nul", "no-nul"])
def test_skipped_article_sets_exit_1_and_the_rest_builds(tiny, cli, data):
    (tiny / "seeds/broken.txt").write_bytes(data)
    res = cli(tiny)
    assert res.returncode == 1 and "seeds/broken.txt: skipped: binary file" in res.stderr
    assert "2 articles" in res.stderr and len(list((tiny / "docs/briefing/articles").glob("*.md"))) == 2


def test_strict_turns_warnings_into_exit_1(tiny, cli):
    (tiny / "seeds/latin.txt").write_bytes("Caf\u00e9 owners protest\n\nPrices rose.\n".encode("cp1252"))
    assert cli(tiny).returncode == 0
    res = cli(tiny, "--strict")
    assert res.returncode == 1 and "Windows-1252" in res.stderr
    assert "Aborted with 1 warnings in strict mode!" in res.stderr


def test_an_override_that_matches_nothing_fails_strict(tiny, cli):
    (tiny / "overrides.yml").write_text("version: 1\nignore: [Westport Lighthouse]\n", encoding="utf-8")
    res = cli(tiny)
    assert res.returncode == 0
    assert "WARNING  - overrides.yml: " in res.stderr and "Westport Lighthouse" in res.stderr
    assert cli(tiny, "--strict").returncode == 1


def test_many_stale_rules_are_ten_lines_and_one_summary(tiny, cli):
    stale = ", ".join(f"Harbour Pier {n}" for n in range(40))
    (tiny / "overrides.yml").write_text(f"version: 1\nignore: [{stale}]\n", encoding="utf-8")
    res = cli(tiny, "--strict")
    lines = [line for line in res.stderr.splitlines() if line.startswith("WARNING  - overrides.yml: ")]
    assert len(lines) == 11 and "Harbour Pier 9`" in lines[9] and "Harbour Pier 10`" not in res.stderr
    assert lines[10] == "WARNING  - overrides.yml: 30 more like this: ignore rule `…` matches nothing in this " \
                        "briefing; update or remove it"
    assert res.returncode == 1 and "Aborted with 40 warnings in strict mode!" in res.stderr


def test_a_seeds_typo_is_one_error_and_builds_nothing(tiny, cli):
    set_option(tiny, "seeds: seedz")  # `articles:` names files of seeds/: no warning about them either
    res = cli(tiny)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert lines == ["ERROR    - mkdocs.yml: `seeds: seedz`: seedz does not exist; fix the path (relative to "
                     "mkdocs.yml), or create the folder and put the articles (*.txt, *.md) in it. Nothing was built"]
    assert not (tiny / "docs/briefing").exists()  # no empty briefing


# -- 2: bad configuration or a missing pipeline ------------------------------------------------------

def test_unknown_option_is_exit_2_naming_the_key_and_the_nearest(tiny, cli):
    set_option(tiny, "overides: my-rules.yml")
    res = cli(tiny)
    assert res.returncode == 2
    assert "unknown option `overides`" in res.stderr and "did you mean `overrides`?" in res.stderr
    assert not (tiny / "docs/briefing").exists()  # nothing built from a configuration in doubt


def test_bad_option_value_is_exit_2(tiny, cli):
    set_option(tiny, "processes: many")
    res = cli(tiny)
    assert res.returncode == 2 and "option `processes` must be int, got 'many'" in res.stderr


def test_bad_article_metadata_is_exit_2(tiny, cli):
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("courier: {source: Caldmoor Courier", "courier: {sorce: Caldmoor Courier"))
    res = cli(tiny)
    assert res.returncode == 2 and "`articles: courier:`" in res.stderr


def test_a_yaml_bomb_under_articles_gives_a_short_message(tiny, cli):
    yaml_bomb_under_articles(tiny)
    res = cli(tiny)
    assert res.returncode == 2 and "`articles: x0:`" in res.stderr
    assert len(res.stderr) < 5_000


def test_an_unquoted_impossible_date_in_mkdocs_yml_is_exit_2_not_a_traceback(tiny, cli):
    set_option(tiny, "articles: {courier: {date: 2015-02-30}}")  # YAML itself reads it as a date
    res = cli(tiny)
    assert res.returncode == 2 and "day is out of range" in res.stderr and 'date: "2015-02-28"' in res.stderr


@pytest.mark.parametrize("output", ["/tmp/briefing-elsewhere", "../outside"])
def test_an_output_folder_outside_docs_is_exit_2_and_nothing_is_written(tiny, cli, output):
    set_option(tiny, f"output: {output}")
    res = cli(tiny)
    assert res.returncode == 2 and "must be a folder inside docs_dir" in res.stderr
    assert not (tiny / "outside").exists() and not os.path.exists("/tmp/briefing-elsewhere")


def test_overrides_file_errors_are_exit_2_and_the_rest_still_builds(tiny, cli):
    rules = tiny / "overrides.yml"
    rules.write_text("version: 1\nmerge: [[Caldmoor, Calmoor]]\nrenmae: {Varga: Elena Varga}\n", encoding="utf-8")
    res = cli(tiny)
    assert res.returncode == 2, res.stderr
    assert "ERROR    - overrides.yml: unknown key `renmae`" in res.stderr
    assert (tiny / "docs/briefing/briefing.json").exists()
    rules.write_text("version: 1\nmerge: [[unclosed\n", encoding="utf-8")
    res = cli(tiny)
    assert res.returncode == 2 and "overrides.yml: overrides not applied" in res.stderr


def test_missing_pipeline_is_exit_2_with_the_pip_command(tiny, cli):
    set_option(tiny, "model: en_core_web_xl_missing")
    res = cli(tiny)
    assert res.returncode == 2
    assert "spaCy pipeline 'en_core_web_xl_missing' is not installed" in res.stderr
    assert "`pip install en-core-web-xl-missing`" in res.stderr


def test_missing_config_file_is_exit_2(tmp_path):
    res = briefing_cli(tmp_path, "-f", "nope.yml")
    assert res.returncode == 2 and "config file not found" in res.stderr


def test_a_second_briefing_entry_is_exit_2(tiny, cli):
    cfg = tiny / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  - search\n", "  - search\n  - briefing: {title: Another}\n"))
    res = cli(tiny)
    assert res.returncode == 2 and "listed 2 times" in res.stderr


# -- mkdocs.yml is read the way MkDocs reads it ---------------------------------------------------

def test_env_tags_and_inherit_work_from_the_command(tiny, cli):
    env_and_inherit(tiny)
    res = cli(tiny, env={"BRIEFING_TEST_TITLE": "Bridge closure, from the environment"})
    assert res.returncode == 0, res.stderr
    assert export(tiny)["title"] == "Bridge closure, from the environment"
    assert [a["source"] for a in export(tiny)["articles"]] == ["Caldmoor Courier", "Harbour Radio"]  # inherited


def test_the_build_reports_what_the_cache_clean_up_removed(tiny, cli):
    assert cli(tiny).returncode == 0
    (tiny / "seeds/radio.txt").unlink()
    set_option(tiny, "cache_max_mb: 0")
    res = cli(tiny)
    assert res.returncode == 0, res.stderr
    assert "INFO     - .cache/briefing: removed 1 cached parse (" in res.stderr
    assert len(list((tiny / ".cache/briefing").rglob("*.bin"))) == 1  # the article still there keeps its entry
