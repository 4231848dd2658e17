"""`briefing build`: options, messages and exit codes."""
import subprocess
import sys

import yaml



def run(project, *args):
    return subprocess.run([sys.executable, "-m", "briefing", "build", *args], cwd=project, capture_output=True,
                          text=True, timeout=300)


def set_options(project, **options):
    cfg = project / "mkdocs.yml"
    text = cfg.read_text()
    data = yaml.safe_load(text.replace("!!python", "#"))
    for item in data["plugins"]:
        if isinstance(item, dict) and "briefing" in item:
            item["briefing"].update(options)
    cfg.write_text(yaml.safe_dump(data, sort_keys=False))


def test_build_reports_what_it_did(project):
    res = run(project)
    assert res.returncode == 0, res.stderr
    assert "2 articles" in res.stderr and "docs/briefing/" in res.stderr
    assert (project / "docs/briefing/briefing.json").exists()
    assert (project / "docs/index.md").read_text().startswith("# About this site")  # hand-written page untouched


def test_quiet_prints_nothing_on_success(project):
    res = run(project, "-q")
    assert res.returncode == 0 and res.stderr == ""


def test_unknown_option_is_an_error_naming_it(project):
    set_options(project, colour="red")
    res = run(project)
    assert res.returncode == 2 and "unknown option `colour`" in res.stderr


def test_missing_model_says_what_to_install(project):
    set_options(project, model="xx_no_such_pipeline")
    res = run(project)
    assert res.returncode == 2
    assert "spaCy pipeline 'xx_no_such_pipeline' is not installed" in res.stderr and "pip install" in res.stderr


def test_skipped_article_sets_the_exit_code_and_the_rest_builds(project):
    (project / "seeds/broken.txt").write_bytes(b"\x00\x01binary")
    res = run(project)
    assert res.returncode == 1 and "seeds/broken.txt: skipped: binary file" in res.stderr
    assert "2 articles" in res.stderr


def test_strict_turns_warnings_into_failure(project):
    (project / "seeds/latin.txt").write_bytes("Caf\u00e9 owners protest\n\nPrices rose.\n".encode("cp1252"))
    assert run(project).returncode == 0
    res = run(project, "--strict")
    assert res.returncode == 1 and "Windows-1252" in res.stderr


def test_missing_seeds_folder(project):
    import shutil
    shutil.rmtree(project / "seeds")
    res = run(project)
    assert res.returncode == 1 and "seeds folder not found" in res.stderr


def test_missing_config_file(tmp_path):
    res = run(tmp_path, "-f", "nope.yml")
    assert res.returncode == 2 and "config file not found" in res.stderr
