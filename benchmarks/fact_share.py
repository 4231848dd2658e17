#!/usr/bin/env python3
"""The fact stage's share of the parse time, in CPU seconds (so a machine shared with other jobs
gives the same ratio as an idle one).

    python benchmarks/fact_share.py                 # run.py's corpus at N = 100, and the development stories
    python benchmarks/fact_share.py --sizes 10 1000

For each corpus it parses every article with the default pipeline in this process (one process,
no cache), then runs the entity stages and the fact stage, timing each with time.process_time().
The goal (issue 21): the fact stage under 15% of the parse time. The development stories
(../shared/eval/dev/texts/, skipped when absent) are real news, where claims are denser than in
the generated corpus."""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import DEV, make_corpus  # noqa: E402  (the same deterministic corpus as run.py)

from briefing import facts  # noqa: E402
from briefing.entities import repair, resolve  # noqa: E402
from briefing.nlp.parser import Parser  # noqa: E402
from briefing.reading import pubdate, seeds  # noqa: E402

GOAL = 0.15


def measure(folders: list[Path], parser: Parser) -> dict[str, float]:
    """CPU seconds of parsing, entities and facts over the briefings in `folders`, and claims' rows."""
    took = {"parse": 0.0, "entities": 0.0, "facts": 0.0, "rows": 0}
    for folder in folders:
        articles, _ = seeds.read_seeds(folder)
        articles = pubdate.infer(articles)
        t0 = time.process_time()
        parsed = parser.parse(articles)
        t1 = time.process_time()
        entities, _ = resolve.resolve(parsed, repair.mentions(parsed))
        t2 = time.process_time()
        rows, _ = facts.stage(parsed, entities)
        t3 = time.process_time()
        took["parse"] += t1 - t0
        took["entities"] += t2 - t1
        took["facts"] += t3 - t2
        took["rows"] += len(rows)
    return took


def line(name: str, took: dict[str, float]) -> str:
    share = took["facts"] / took["parse"] if took["parse"] else 0.0
    return (f"| {name} | {took['parse']:.1f} | {took['entities']:.2f} | {took['facts']:.2f} | {took['rows']:,} | "
            f"{100 * share:.1f}% | {'met' if share < GOAL else 'NOT met'} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100])
    args = ap.parse_args()
    parser = Parser(processes=1)
    parser.nlp  # load the model before timing  # noqa: B018
    print("| corpus | parse (CPU s) | entities (CPU s) | facts (CPU s) | fact rows | facts / parse | goal < 15% |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"n{n}"
            make_corpus(n, folder)
            print(line(f"generated, N={n:,}", measure([folder], parser)), flush=True)
    if DEV.is_dir():
        stories = sorted(p for p in DEV.iterdir() if p.is_dir())
        print(line(f"{len(stories)} development stories", measure(stories, parser)), flush=True)


if __name__ == "__main__":
    main()
