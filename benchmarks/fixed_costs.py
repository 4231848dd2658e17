"""Fixed costs of a small build (issue 25): a cold `briefing build` of the development stories
against raw `nlp.pipe` over the same paragraphs, and one tree against another, pair by pair.

    python benchmarks/fixed_costs.py                           # this tree: 3 cold builds, 3 raw parses
    python benchmarks/fixed_costs.py --vs ../main --runs 4     # this tree against another, in turns

The development stories (../shared/eval/dev/texts, not part of the repository) are laid out as
site_scale.py --dev lays them out (one briefing folder per story) in a temporary folder outside the
repository. Each run, in fresh processes, with PYTHONPATH set to the tree: a cold `briefing build -v`
(the cache folder and the output emptied first): wall and CPU seconds of the build and every process
it waited for, peak RSS, and each stage's CPU seconds where the tree's `-v` reports them; then raw
`nlp.pipe` over the same paragraphs (site_scale.RAW_PIPE, this tree's pipeline: the same for both).
With --vs, the two trees' builds run in turns (this, other, this, ...) and each build is set against
the raw parse of its own pair, so a machine whose speed drifts moves both alike. The machine is
shared: read the CPU figures (medians), and the load average printed with them.
Prints a Markdown table; record it by hand in benchmarks/RESULTS.md ("Fixed costs of a small build").
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402
import site_scale  # noqa: E402

ROOT = run.ROOT
STAGE = re.compile(r"DEBUG\s+-\s+(\w+)\s+[\d.]+s\s+([\d.]+)s CPU")


def cold_build(tree: Path, base: Path) -> dict:
    shutil.rmtree(base / ".cache", ignore_errors=True)
    shutil.rmtree(base / "docs" / "briefing", ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    res = subprocess.run([sys.executable, "-c", site_scale.WRAPPER, sys.executable, "-m", "briefing", "build", "-v"],
                         cwd=base, capture_output=True, text=True, env=env)
    seconds, cpu, rss, code = res.stdout.split()
    if code != "0":
        raise SystemExit(f"the build with {tree} failed:\n{res.stderr[-3000:]}")
    return {"wall": float(seconds), "cpu": float(cpu), "rss": int(rss) // 1024,
            "stages": {m.group(1): float(m.group(2)) for m in STAGE.finditer(res.stderr)}}


def raw_parse(base: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", site_scale.RAW_PIPE], cwd=base, capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    raw = json.loads(out.stdout)
    return {"wall": raw["seconds"], "cpu": raw["cpu"]}


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def summary(name: str, builds: list[dict], raws: list[dict]) -> str:
    med = statistics.median
    stages = sorted({s for b in builds for s in b["stages"]}, key=lambda s: list(builds[0]["stages"]).index(s)
                    if s in builds[0]["stages"] else 99)
    shown = ", ".join(f"{s} {med(b['stages'].get(s, 0.0) for b in builds):.2f}" for s in stages) or "(not reported)"
    return (f"| {name} | {med(b['cpu'] for b in builds):.2f} | {med(b['wall'] for b in builds):.1f} | "
            f"{med(b['cpu'] / r['cpu'] for b, r in zip(builds, raws)):.2f}x | "
            f"{med(b['wall'] / r['wall'] for b, r in zip(builds, raws)):.2f}x | "
            f"{med(b['rss'] for b in builds)} | {shown} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--vs", type=Path, help="another tree (a worktree of this repository) to set against this one")
    ap.add_argument("--dev", type=Path, default=run.DEV)
    args = ap.parse_args()
    if not args.dev.is_dir():
        raise SystemExit(f"{args.dev}: the development stories are not there")
    trees = [ROOT] + ([args.vs.resolve()] if args.vs else [])
    base = site_scale.project(Path(tempfile.mkdtemp(prefix="briefing-fixed-costs-")))
    try:
        site_scale.dev_site(base / "seeds", args.dev)
        articles, words = site_scale.count(base / "seeds")
        builds: dict[Path, list[dict]] = {t: [] for t in trees}
        raws: list[dict] = []
        before = load()
        for n in range(args.runs):
            for tree in trees:
                builds[tree].append(cold_build(tree, base))
            raws.append(raw_parse(base))
            print(f"run {n + 1}/{args.runs}: " + ", ".join(f"{t.name} {builds[t][-1]['cpu']:.2f} CPU-s"
                                                         for t in trees) + f", raw {raws[-1]['cpu']:.2f}",
                  file=sys.stderr)
        after = load()
    finally:
        shutil.rmtree(base)  # the stories' text stays out of the repository
    print(f"Cold `briefing build -v` of the {articles} development articles ({words:,} words) against raw "
          f"nlp.pipe, {args.runs} runs in turns, medians; load average {before} before, {after} after.\n")
    print("| tree | CPU, s | wall, s | CPU / raw nlp.pipe | wall / raw | peak RSS, MB | stages, CPU-s (main process) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| raw nlp.pipe | {statistics.median(r['cpu'] for r in raws):.2f} | "
          f"{statistics.median(r['wall'] for r in raws):.1f} | | | | |")
    for tree in trees:
        print(summary(tree.name, builds[tree], raws))
    if args.vs:
        ratio = statistics.median(a["cpu"] / b["cpu"] for a, b in zip(builds[trees[0]], builds[trees[1]]))
        print(f"\n{trees[0].name} / {trees[1].name}, CPU, pair by pair: {ratio:.2f}x")


if __name__ == "__main__":
    main()
