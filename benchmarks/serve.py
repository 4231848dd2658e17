"""Benchmark of the editor's loop: from an edit in seeds/ to the site `mkdocs serve` shows again.

    python benchmarks/serve.py                 # the three rows below; table into benchmarks/RESULTS.md
    python benchmarks/serve.py --out -         # table on stdout

Rows, each in fresh processes on the same machine:
  - cold build of the sample: `briefing build` of a copy of this repository's sample (seeds/,
    mkdocs.yml, overrides.yml) with an empty cache folder, wall time of the whole command;
  - a briefing of four articles (seeds/ holds the files) and a site of 30 briefings (one folder
    each, 3 or 4 articles): after `briefing build` (the caches a user has), `mkdocs serve` starts;
    then one article is edited EDITS times (a new sentence with a word no page has), and each edit
    is timed from the write to the moment the served search index holds the new word, so the time
    covers the watcher, the briefing's stages, the pages and MkDocs' build of the whole site.
The articles are run.py's generator (the sample's articles with people, places and numbers varied).
"""
from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (the article generator)
import site_scale  # noqa: E402  (briefing folders and the project's mkdocs.yml)

ROOT = run.ROOT
OUT = ROOT / "benchmarks" / "out" / "serve"
EDITS = 5
BUILD = [sys.executable, "-m", "briefing", "build", "-q"]  # the tree under test, not whatever is on PATH
GOALS = {"sample, cold build": 2.0, "one briefing of 4 articles: edit one": 1.5, "30 briefings: edit one": 3.0}


def cold_sample() -> float:
    base = OUT / "sample"
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    for name in ("mkdocs.yml", "overrides.yml"):
        shutil.copy(ROOT / name, base / name)
    shutil.copytree(ROOT / "seeds", base / "seeds")
    (base / "docs").mkdir()
    began = time.perf_counter()
    subprocess.run(BUILD, cwd=base, check=True)
    return time.perf_counter() - began


def loop_project(name: str, briefings: int) -> tuple[Path, Path]:
    """A project of one briefing of four articles (briefings=0) or of `briefings` folders; returns
    (project, the article file the edits go to)."""
    base = site_scale.project(OUT / name)  # docs/, and the sample's mkdocs.yml without its metadata
    seeds = base / "seeds"
    if briefings:
        site_scale.make_site(briefings, seeds)
        return base, seeds / "b0000" / "a0.txt"
    files = site_scale.briefing_files(0, run.samples(), articles=4)
    files.pop("briefing.yml")
    site_scale.write_briefing(seeds, files)
    return base, seeds / "a0.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served_index(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json", timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait(predicate, timeout: float = 300.0) -> float:
    began = time.perf_counter()
    while not predicate():
        if time.perf_counter() - began > timeout:
            raise SystemExit("mkdocs serve did not show the edit in time")
        time.sleep(0.25)  # a poll fetches the whole search index from the server that is rebuilding
    return time.perf_counter() - began


def edit_loop(base: Path, article: Path) -> list[float]:
    """Seconds from each edit to the served site holding it."""
    subprocess.run(BUILD, cwd=base, check=True)
    port = free_port()
    with open(base / "serve.log", "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=base,
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        wait(lambda: served_index(port) != "")
        time.sleep(2)
        seconds = []
        for n in range(EDITS):
            word = f"Quorvexal{n}"
            with open(article, "a", encoding="utf-8") as f:
                f.write(f"\n\nThe committee met again at {word} on Monday.\n")
            seconds.append(wait(lambda: word in served_index(port)))
            time.sleep(1)
        return seconds
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"), help="file to append to, or -")
    ap.add_argument("--rows", nargs="*", type=int, choices=(1, 2, 3), default=[1, 2, 3], help="which rows to run")
    args = ap.parse_args()
    before = site_scale.load_average()
    rows = [("sample, cold build", [cold_sample()])] if 1 in args.rows else []
    loops = (("one briefing of 4 articles: edit one", 0), ("30 briefings: edit one", 30))
    for name, briefings in [loop for n, loop in enumerate(loops, 2) if n in args.rows]:
        base, article = loop_project(name.split(":")[0].replace(" ", "-").replace(",", ""), briefings)
        rows.append((name, edit_loop(base, article)))
    lines = [f"\n## The editor's loop (`python benchmarks/serve.py`, load average {before} before, "
             f"{site_scale.load_average()} after)\n", "| what | seconds (median of the runs) | runs | goal | met |",
             "|---|---|---|---|---|"]
    for name, seconds in rows:
        med = statistics.median(seconds)
        lines.append(f"| {name} | {med:.2f} | {', '.join(f'{s:.2f}' for s in seconds)} | <= {GOALS[name]} s | "
                     f"{'yes' if med <= GOALS[name] else 'NOT met'} |")
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        print(text)
    else:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write(text)
        print(text)


if __name__ == "__main__":
    main()
