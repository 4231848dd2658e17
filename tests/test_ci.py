"""CI's quality floors (.ci/quality, run by .ci/run): a score under its floor fails the run, and
the step says it is skipped, instead of passing silently, where the evaluation kit is absent."""
import shutil
import subprocess

import pytest

from conftest import ROOT, in_ci

EVAL = ROOT.parent / "shared" / "eval"


def quality(repo, *args):
    return subprocess.run(["bash", str(repo / ".ci/quality"), *args], capture_output=True, text=True, timeout=600)


def test_a_score_under_its_floor_fails_the_run():
    if not (EVAL / "clusters.py").exists():
        if in_ci():
            pytest.fail(f"CI runs with the evaluation kit beside the clone; {EVAL} is missing")
        pytest.skip(f"no evaluation kit at {EVAL}")
    # One small story of the development set, against a floor no build reaches.
    res = quality(ROOT, "--only", "mn-val017", "--min-b3", "0.9999")
    assert res.returncode != 0, res.stdout + res.stderr
    summary = res.stdout.strip().splitlines()[-1]
    assert summary.startswith("1 clusters:") and "SHORT: b3" in summary


def test_without_the_evaluation_kit_the_step_says_it_is_skipped(tmp_path):
    (tmp_path / "repo/.ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci/quality", tmp_path / "repo/.ci/quality")
    res = quality(tmp_path / "repo")
    assert res.returncode == 0 and "quality floors SKIPPED: no evaluation kit" in res.stdout


def test_ci_runs_the_quality_floors():
    run = (ROOT / ".ci/run").read_text()
    assert "bash .ci/quality" in run and "set -euo pipefail" in run


def test_a_line_copied_from_an_evaluation_article_fails_the_run(tmp_path):
    """copies.py runs first in .ci/quality and stops it. The copied line is made here, at run time,
    in a scratch repository beside a link to the kit: no evaluation text enters this project."""
    texts = sorted((EVAL / "dev" / "texts").rglob("*.txt")) if (EVAL / "copies.py").exists() else []
    if not texts:
        pytest.skip(f"no evaluation kit with copies.py at {EVAL}")
    words = max((line.split() for line in texts[0].read_text(encoding="utf-8").splitlines()), key=len)[:10]
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    (repo / "tests").mkdir()
    shutil.copy(ROOT / ".ci/quality", repo / ".ci/quality")
    (tmp_path / "shared").symlink_to(EVAL.parent, target_is_directory=True)
    (repo / "tests" / "test_x.py").write_text(f"# {' '.join(words)}\n", encoding="utf-8")
    res = quality(repo)
    assert res.returncode != 0 and "tests/test_x.py:1:" in res.stdout, res.stdout + res.stderr
    (repo / "tests" / "test_x.py").write_text("# the home side won by two goals in the rain\n", encoding="utf-8")
    res = subprocess.run(["python", str(EVAL / "copies.py")], cwd=repo, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout
