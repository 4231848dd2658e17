"""Benchmark: briefing at newsroom scale, every number measured in one run.

    python benchmarks/run.py                      # N = 10, 100, 1000; writes benchmarks/RESULTS.md
    python benchmarks/run.py --sizes 10 --out -   # a quick run, table on stdout

For each N it builds a deterministic corpus derived from the sample articles (names, places and
numbers varied per article, so the entity and fact stages do real work; groups of three articles
share a cast, so cross-source facts exist), then measures, each in a fresh process:
  - `briefing build -v` with an empty cache (total time, time per stage, peak RSS);
  - raw `nlp.pipe` over the same paragraphs with the same pipeline and process count (the limit);
  - `mkdocs build` of the same articles as plain pages without the plugin (the site limit);
  - `mkdocs build` with the plugin (annotated site, NLP cache warm);
  - `briefing build` after editing one article, and again with no change;
  - bytes of the built site per article page, annotated and plain.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "texts"  # the development stories (not in this repository)
OUT = ROOT / "benchmarks" / "out"

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas", "Karim", "Lena",
         "Marco", "Nadia", "Omar", "Petra", "Rafael", "Sofia", "Tariq", "Ursula", "Viktor", "Yara", "Zoltan", "Amir"]
LAST = ["Kowalski", "Novak", "Haddad", "Lindqvist", "Moreau", "Petrov", "Salazar", "Tanaka", "Okafor", "Brandt",
        "Costa", "Dimitrov", "Eriksen", "Farouk", "Grüber", "Horvat", "Ivanova", "Jensen", "Kowalski", "Lambert"]
PLACES = ["Latakia", "Tartus", "Aleppo", "Homs", "Idlib", "Hama", "Deir ez-Zor", "Raqqa", "Palmyra", "Daraa"]
CITIES = ["London", "Geneva", "Vienna", "Paris", "Berlin", "Rome", "Madrid", "Oslo", "Athens", "Prague"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
# Sample names the generator replaces (benchmark data only; the product has no such list).
CAST = [("Vladimir Putin", "Putin"), ("John F. Kerry", "Kerry"), ("John Kerry", "Kerry"), ("Ashton Carter", "Carter"),
        ("Ash Carter", "Carter"), ("Sergei Shoigu", "Shoigu"), ("Julianne Smith", "Smith"),
        ("Dmitri Trenin", "Trenin"), ("Sergei Lavrov", "Lavrov"), ("Peter Cook", "Cook")]


def samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def article(k: int, cast: int, texts: list[str]) -> str:
    """The k-th article of a corpus: a sample with the people, places and numbers of cast `cast`
    (articles with one cast share them: cross-source facts) and its own city, numbers and order."""
    cast_rng = random.Random(cast)
    rng = random.Random(k)
    text = texts[k % len(texts)]
    people = {}
    for full, last in CAST:
        first, surname = cast_rng.choice(FIRST), cast_rng.choice(LAST) + cast_rng.choice(["", "a", "ov", "er"])
        people.setdefault(last, (first, surname))
        f, s = people[last]
        text = text.replace(full, f"{f} {s}")
    for last, (f, s) in people.items():
        text = re.sub(rf"\b{last}\b", s, text)
    for old in ("Latakia", "Tartus"):
        text = text.replace(old, cast_rng.choice(PLACES))
    text = text.replace("London", rng.choice(CITIES))
    text = re.sub(r"\bfour\b", lambda m: rng.choice(NUMBERS[:4]), text)
    text = text.replace("2,000", f"{cast_rng.randint(5, 40) * 100:,}")
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def make_corpus(n: int, folder: Path) -> int:
    """Write n articles (three to a cast); return the number of words."""
    texts = samples()
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for k in range(n):
        text = article(k, k // 3, texts)
        (folder / f"a{k:04d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def project(n: int | str) -> Path:
    base = OUT / str(n)
    if base.exists():
        shutil.rmtree(base)
    (base / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "docs/index.md", base / "docs/index.md")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"\n      articles:\n(        .*\n)+", "\n", cfg)
    cfg = cfg.replace("overrides: overrides.yml", "overrides: none.yml")
    (base / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return base


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS in MB of the largest process, stderr) of one command in a fresh process."""
    wrapper = ("import resource, subprocess, sys, time\n"
               "t = time.perf_counter()\n"
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "t = time.perf_counter() - t\n"
               "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
               "sys.stderr.write(p.stderr)\n"
               "print(f'{t} {rss} {p.returncode}')\n")
    res = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds, rss, code = res.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{res.stderr[-3000:]}")
    return float(seconds), int(rss) // 1024, res.stderr


RAW_PIPE = """
import json, sys, time
from pathlib import Path
from briefing.reading import seeds as sources
from briefing.nlp.parser import Parser, PARALLEL_MIN_CHARS
import os
articles, _ = sources.read_seeds(Path("seeds"))
texts = [s.text for a in articles for s in a.segments]
parser = Parser()
nlp = parser.nlp
chars = sum(map(len, texts))
n_process = 2 if chars >= PARALLEL_MIN_CHARS and (os.cpu_count() or 1) > 1 else 1
t = time.perf_counter()
for _ in nlp.pipe(texts, n_process=n_process, batch_size=64):
    pass
print(json.dumps({"seconds": time.perf_counter() - t, "n_process": n_process}))
"""


def plain_site(base: Path) -> Path:
    """The same articles as plain Markdown pages, no plugin: the cost of the site alone."""
    plain = base / "plain"
    (plain / "docs/articles").mkdir(parents=True)
    shutil.copy(base / "docs/index.md", plain / "docs/index.md")
    (plain / "docs/index.md").write_text("# Plain\n\n[Articles](articles/a0000.md)\n")
    for p in sorted((base / "seeds").glob("*.txt")):
        lines = [x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
        (plain / "docs/articles" / f"{p.stem}.md").write_text(f"# {lines[0]}\n\n" + "\n\n".join(lines[1:]) + "\n")
    cfg = (base / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"  - briefing:\n(      .*\n)+", "", cfg).replace("validation:", "not_in_nav: ''\nvalidation:")
    (plain / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return plain


def page_bytes(site: Path, pattern: str) -> float:
    pages = list(site.glob(pattern))
    return sum(p.stat().st_size for p in pages) / max(1, len(pages))


def run(n: int) -> dict:
    base = project(n)
    words = make_corpus(n, base / "seeds")
    row: dict = {"n": n, "words": words}
    t, rss, err = measure([sys.executable, "-m", "briefing", "build", "-v"], base)
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"DEBUG\s+-\s+(\w+)\s+([\d.]+)s", err)}
    row.update(build=t, rss=rss, stages=stages)
    out = subprocess.run([sys.executable, "-c", RAW_PIPE], cwd=base, capture_output=True, text=True, check=True)
    raw = json.loads(out.stdout)
    row.update(raw_pipe=raw["seconds"], n_process=raw["n_process"])
    plain = plain_site(base)
    t, prss, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    row.update(plain_mkdocs=t, plain_page=page_bytes(plain / "site", "articles/*/index.html"))
    t, mrss, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], base)
    row.update(mkdocs=t, mkdocs_rss=mrss, page=page_bytes(base / "site", "briefing/articles/*/index.html"))
    edited = base / "seeds/a0000.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
    row["incremental"], _, _ = measure([sys.executable, "-m", "briefing", "build", "-q"], base)
    row["nochange"], _, _ = measure([sys.executable, "-m", "briefing", "build", "-q"], base)
    return row


STRESS_MARK = "## Oversized single articles (`python benchmarks/run.py --stress`)"
VERBS = ["said", "reported", "told reporters", "confirmed", "wrote", "announced"]
OBJECTS = ["ships were stuck in", "crossings were cancelled from", "families left", "roads were closed near",
           "workers were sent to", "boats were counted in"]


def stress_sentence(rng: random.Random) -> str:
    """One invented news sentence with a person, a place, a number and sometimes a quote."""
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    where = rng.choice(PLACES + CITIES)
    n = rng.choice(NUMBERS + [str(rng.randint(2, 900))])
    if rng.random() < 0.2:
        return f'"We counted {n} boats in {where} on Monday," {who} {rng.choice(VERBS)}.'
    return f"{who} {rng.choice(VERBS)} that {n} {rng.choice(OBJECTS)} {where}."


def stress_articles() -> dict[str, tuple[str, str]]:
    """{row name: (what it is, article text)}: 10,000 short paragraphs; one line of about 1.95 MB;
    one figure repeated in one sentence of about 176 KB (its fact table cell and glossary grew with
    the square of the article before they were capped)."""
    rng = random.Random(10)
    paragraphs = "Storm over the coast\n\n" + "\n\n".join(stress_sentence(rng) for _ in range(10_000)) + "\n"
    line, size = [], 0
    while size < 1_950_000:
        line.append(stress_sentence(rng))
        size += len(line[-1].encode("utf-8")) + 1
    figure = "Bank writes off loans\n\nLedger Bank wrote off $47 million" + ", then $47 million" * 9_780 + ".\n"
    return {"paragraphs": ("10,000 paragraphs", paragraphs), "line": ("one 2 MB line", " ".join(line) + "\n"),
            "figure": ("one figure 9,780 times", figure)}


def stress(only: list[str] | None = None) -> str:
    """`briefing build`, then `mkdocs build` (the plugin reading the cache `briefing build` left),
    on each oversized article; the largest generated page and its longest line say that what is
    published stays bounded by the article's size."""
    rows = ["| article | bytes | `briefing build` (s) | stages (s) | peak RSS (MB) | briefing.json (MB) "
            "| `mkdocs build` (s) | its peak RSS (MB) | largest page: Markdown / HTML (MB) | longest Markdown line (KB) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for slug, (name, text) in stress_articles().items():
        if only and slug not in only:
            continue
        print(f"{name} ...", file=sys.stderr, flush=True)
        base = project(f"stress-{slug}")
        (base / "seeds").mkdir()
        (base / "seeds/article.txt").write_text(text, encoding="utf-8")
        t, rss, err = measure([sys.executable, "-m", "briefing", "build", "-v"], base)
        stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"DEBUG\s+-\s+(\w+)\s+([\d.]+)s", err)}
        size = (base / "docs/briefing/briefing.json").stat().st_size
        generated = [p.read_text(encoding="utf-8") for p in (base / "docs/briefing").rglob("*.md")]
        md_page = max(len(page.encode()) for page in generated)
        longest = max(len(line) for page in generated for line in page.splitlines())
        m_t, m_rss, _ = measure([sys.executable, "-m", "mkdocs", "build"], base)
        html_page = max(p.stat().st_size for p in (base / "site").rglob("*.html"))
        rows.append(f"| {name} | {len(text.encode()):,} | {t:.1f} | "
                    + ", ".join(f"{k} {v:.1f}" for k, v in stages.items())
                    + f" | {rss:,} | {size / 1e6:.1f} | {m_t:.1f} | {m_rss:,} | {md_page / 1e6:.2f} / "
                      f"{html_page / 1e6:.2f} | {longest / 1e3:.1f} |")
        print(rows[-1], file=sys.stderr, flush=True)
    return (f"{STRESS_MARK}\n\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; date {dt.date.today().isoformat()}; command "
            f"`python benchmarks/run.py --stress{' ' + ' '.join(only) if only else ''}`.\n\n" + "\n".join(rows) + "\n")


def table(rows: list[dict]) -> str:
    head = ("| N | words | build (s) | model load (s) | NLP stage (s) | raw nlp.pipe (s) | NLP / raw | later stages (s, % of build) "
            "| edit one, rebuild (s, % of build) | no-change rebuild (s) | plain mkdocs (s) | annotated mkdocs (s) "
            "| peak RSS build / mkdocs (MB) | bytes per article page: annotated / plain |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        st = r["stages"]
        later = sum(v for k, v in st.items() if k not in ("read", "load", "nlp"))
        lines.append(
            f"| {r['n']:,} | {r['words']:,} | {r['build']:.1f} | {st.get('load', 0):.1f} | {st.get('nlp', 0):.1f} | {r['raw_pipe']:.1f} "
            f"(n_process={r['n_process']}) | {st.get('nlp', 0) / max(r['raw_pipe'], 1e-9):.2f} | {later:.2f} "
            f"({100 * later / r['build']:.1f}%) | {r['incremental']:.2f} ({100 * r['incremental'] / r['build']:.1f}%) "
            f"| {r['nochange']:.2f} | {r['plain_mkdocs']:.1f} | {r['mkdocs']:.1f} | {r['rss']} / {r['mkdocs_rss']} "
            f"| {r['page'] / 1024:.0f} KB / {r['plain_page'] / 1024:.0f} KB |")
    return "\n".join(lines)


def goals(rows: list[dict]) -> str:
    """Each goal of issue 6, met or not, from the numbers of this run."""
    by_n = {r["n"]: r for r in rows}
    big, mid = by_n.get(max(by_n)), by_n.get(100)
    if big is None:
        return ""

    def later(r):
        return sum(v for k, v in r["stages"].items() if k not in ("read", "load", "nlp"))

    checks = [
        ("NLP stage <= 1.10x raw nlp.pipe", big["stages"].get("nlp", 0) / big["raw_pipe"], 1.10, "x"),
        ("later stages < 10% of the build", 100 * later(big) / big["build"], 10, "%"),
        ("edit one article: rebuild <= 5% of the full build", 100 * big["incremental"] / big["build"], 5, "%"),
        ("peak RSS <= 1,500 MB", max(big["rss"], big["mkdocs_rss"]), 1500, " MB"),
    ]
    if mid is not None and big["n"] > mid["n"]:
        growth = (big["build"] / mid["build"]) / (big["n"] / mid["n"])
        checks.append((f"growth N={mid['n']}->{big['n']} <= 1.1x linear", growth, 1.1, "x"))
        checks.append(("bytes per article page do not grow", big["page"] / mid["page"], 1.05, "x"))
    lines = [f"Goals at N={big['n']:,}:"]
    for name, value, limit, unit in checks:
        lines.append(f"- {name}: {value:.2f}{unit} ({'met' if value <= limit else 'NOT met'})")
    lines.append(f"- both cores for NLP: n_process={big['n_process']} "
                 f"({'met' if big['n_process'] == 2 else 'NOT met'})")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--out", default=str(ROOT / "benchmarks/RESULTS.md"), help="'-' for stdout")
    ap.add_argument("--stress", nargs="*", metavar="ROW", default=None,
                    help="only the oversized single-article rows (paragraphs, line, figure; default all)")
    args = ap.parse_args()
    previous = Path(args.out).read_text(encoding="utf-8") if args.out != "-" and Path(args.out).exists() else ""
    previous, site_mark, site_rest = previous.partition(SITE_SECTION)  # benchmarks/site_scale.py's part, last
    site_part = site_mark + site_rest
    main_part, mark, stress_part = previous.partition(STRESS_MARK)
    if args.stress is not None:
        section = stress(args.stress)
        if args.out == "-":
            print(section)
        else:
            Path(args.out).write_text(main_part.rstrip("\n") + "\n\n" + section + (f"\n{site_part}" if site_part else ""),
                                      encoding="utf-8")
            print(section)
        return
    rows = []
    for n in args.sizes:
        print(f"N={n} ...", file=sys.stderr, flush=True)
        rows.append(run(n))
        print(table(rows[-1:]), file=sys.stderr, flush=True)
    text = table(rows)
    stages = "\n".join(f"- N={r['n']:,}: " + ", ".join(f"{k} {v:.2f}s" for k, v in r["stages"].items()) for r in rows)
    report = (f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
              f"date {dt.date.today().isoformat()}; command `python benchmarks/run.py --sizes "
              f"{' '.join(map(str, args.sizes))}`.\n\n{text}\n\nStages of the cold build:\n{stages}\n\n"
              f"{goals(rows)}\n")
    if args.out == "-":
        print(report)
    else:
        kept = f"\n{mark}{stress_part}" if mark else ""  # the last --stress rows stay
        Path(args.out).write_text(report + kept + (f"\n{site_part}" if site_part else ""), encoding="utf-8")
        print(report)


SITE_SECTION = "# Site scale: many briefings"


if __name__ == "__main__":
    main()
