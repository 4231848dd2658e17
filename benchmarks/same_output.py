#!/usr/bin/env python3
"""Same output before and after a refactoring: sha256 digests of everything a build exports.

    python benchmarks/same_output.py --write before.json     # at the reference commit
    python benchmarks/same_output.py --compare before.json   # at the commit under test (exit 1 if any differ)

Builds the sample (this repository's mkdocs.yml over seeds/) and every story of the development set
(../shared/eval/dev/texts/*/ from the repository root; "skipped" when that folder is absent, it is
not part of the repository), each in a temporary folder with `briefing build -q -f`, using the
`briefing` package the current PYTHONPATH finds (set it to the tree under test). Then it digests every
file under each build's output folder (briefing.json, facts.csv, the pages). Parses are cached in
--cache between runs (keyed by text and model only); the cache of briefing results is emptied before
each build, so every build really runs the tool's code."""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "texts"


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(config: Path, cache: Path) -> str:
    shutil.rmtree(cache / "results", ignore_errors=True)
    run = subprocess.run([sys.executable, "-m", "briefing", "build", "-q", "-f", str(config)],
                         capture_output=True, text=True, timeout=1800, cwd=config.parent)  # not the repo: `-m` puts cwd first
    return f"exit {run.returncode}: {(run.stdout + run.stderr).strip()}"


def sample(work: Path, cache: Path) -> dict:
    """The sample site as the repository configures it (overrides, article metadata), cache elsewhere."""
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("briefing"))
    shutil.copy(ROOT / "overrides.yml", work / "overrides.yml")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      seeds: seeds\n" in text, "mkdocs.yml: the sample's `seeds: seeds` line moved"
    text = text.replace("      seeds: seeds\n", f"      seeds: seeds\n      cache_dir: {cache.as_posix()!r}\n")
    (work / "mkdocs.yml").write_text(text, encoding="utf-8")
    log = _run(work / "mkdocs.yml", cache)
    return {"log": log, "files": _digests(work / "docs" / "briefing")}


def story(texts: Path, work: Path, cache: Path) -> dict:
    """One development story as ../shared/eval/clusters.py builds it."""
    (work / "docs").mkdir(parents=True)
    (work / "mkdocs.yml").write_text(
        "site_name: eval\ntheme: {name: material}\nplugins:\n  - briefing:\n"
        f"      seeds: {texts.resolve().as_posix()!r}\n      output: briefing\n"
        f"      cache_dir: {cache.as_posix()!r}\n", encoding="utf-8")
    log = _run(work / "mkdocs.yml", cache)
    return {"log": log, "files": _digests(work / "docs" / "briefing")}


def collect(cache: Path, dev: Path) -> dict[str, dict]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        out["sample"] = sample(Path(tmp) / "sample", cache)
        print(f"sample: {len(out['sample']['files'])} files", flush=True)
        if not dev.is_dir():
            print(f"development set: skipped ({dev} is absent)")
            return out
        for texts in sorted(p for p in dev.iterdir() if p.is_dir()):
            out[texts.name] = story(texts, Path(tmp) / texts.name, cache)
            print(f"{texts.name}: {len(out[texts.name]['files'])} files", flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the digests to this JSON file")
    group.add_argument("--compare", type=Path, help="compare with the digests in this JSON file")
    ap.add_argument("--dev", type=Path, default=DEV, help="the development stories' folder (default: %(default)s)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "same-output-cache",
                    help="parse cache kept between runs")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    where = subprocess.run([sys.executable, "-c", "import briefing; print(briefing.__file__)"], capture_output=True,
                           text=True, cwd=tempfile.gettempdir()).stdout.strip()
    print(f"briefing under test: {where}")
    now = collect(args.cache.resolve(), args.dev)
    if args.write:
        args.write.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {sum(len(v['files']) for v in now.values())} digests of {len(now)} builds to {args.write}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(before) | set(now)):
        if name not in now:
            print(f"{name}: not built now (skipped?)")
            continue
        if name not in before:
            print(f"{name}: not in {args.compare}")
            bad += 1
            continue
        old, new = before[name]["files"], now[name]["files"]
        differ = sorted(f for f in set(old) | set(new) if old.get(f) != new.get(f))
        if not old or "briefing.json" not in " ".join(old):
            print(f"{name}: the reference build exported no briefing.json ({before[name]['log']})")
            bad += 1
        if differ:
            bad += 1
            print(f"{name}: {len(differ)} of {len(old)} files differ: {', '.join(differ[:5])}")
        else:
            print(f"{name}: identical ({len(new)} files)")
    print("ALL IDENTICAL" if not bad else f"{bad} builds differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
