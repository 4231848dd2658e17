"""Benchmark at site scale: hundreds of briefings of 3-4 articles in one site, every number measured in one run.

    python benchmarks/site_scale.py                          # 40 and 300 briefings; table into benchmarks/RESULTS.md
    python benchmarks/site_scale.py --sizes 12 --out -       # a quick run, table on stdout
    python benchmarks/site_scale.py --sizes 40 --dev         # 40 briefings, then the development stories

For each size B it writes a deterministic site of B briefings (one folder each, 3 or 4 articles,
about 1,000 words each, with a briefing.yml giving a title, a date and the outlets). The articles
are run.py's generator: the sample articles with people, places and numbers varied, one cast per
briefing, so briefings share some people and places as real stories do. Then, each command in a
fresh process:
  - a cold `briefing build -v` (empty caches): time, stages, peak RSS;
  - raw `nlp.pipe` over the same paragraphs with the same pipeline and process count;
  - `briefing build -v` after editing one article, after adding one briefing of 4 articles, and
    with no change (each checks the build's report of what it re-ran);
  - `mkdocs build` of the site (caches warm: the run stops if it re-runs a briefing) against a
    plain `mkdocs build` of the same articles as plain pages, one folder per briefing, with the
    same small nav;
  - bytes per page of the built site, and of one article page and one glossary at every size;
  - seeds to site (the cold build plus the annotated `mkdocs build`) against raw `nlp.pipe` plus a
    plain `mkdocs build` of the articles alone;
  - seeds to site in one process: a cold `mkdocs build` alone in a copy of the project (no cache, no
    pages in docs/: the plugin builds from the seeds), whose site must be the two commands' site
    byte for byte, against the same.
With --dev, the real development stories (../shared/eval/dev/texts, not part of the repository) are
measured the same way as a site of one briefing per story, in a temporary folder outside the
repository (their text is never copied into it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (the article generator and the process measurements)
from briefing.render.site import nav  # noqa: E402  (the pages the site's nav lists)

ROOT = run.ROOT
OUT = ROOT / "benchmarks" / "out" / "site"

OUTLETS = ["Daily Ledger", "Evening Courier", "Harbour Post", "Metro Wire", "Northern Gazette", "Plain Dealer Times",
           "Signal Review", "Valley Tribune"]
START = dt.date(2030, 1, 1)


def briefing_files(b: int, texts: list[str], articles: int | None = None) -> dict[str, str]:
    """The files of briefing number b: 3 or 4 articles (4 for every third) and its briefing.yml."""
    count = articles or (4 if b % 3 == 0 else 3)
    files = {}
    meta = []
    for n in range(count):
        k = b * 4 + n  # every article of the site is different
        files[f"a{n}.txt"] = run.article(k, b, texts)
        meta.append(f"  a{n}: {{source: {OUTLETS[(b + n) % len(OUTLETS)]}}}")
    date = START + dt.timedelta(days=7 * b)  # one a week: 40 briefings span nine months, 300 nearly six years
    files["briefing.yml"] = (f"title: Talks, round {b}\ndate: {date.isoformat()}\narticles:\n" + "\n".join(meta)
                             + "\n")
    return files


def make_site(briefings: int, seeds: Path) -> tuple[int, int]:
    """Write the site's seeds; return (articles, words)."""
    texts = run.samples()
    for b in range(briefings):
        write_briefing(seeds / f"b{b:04d}", briefing_files(b, texts))
    return count(seeds)


def dev_site(seeds: Path, dev: Path = run.DEV) -> None:
    """The development stories as the site's seeds: a briefing folder per story, its articles as they are."""
    for story in sorted(p for p in dev.iterdir() if p.is_dir()):
        (seeds / story.name).mkdir(parents=True)
        for text in sorted(story.glob("*.txt")):
            shutil.copy(text, seeds / story.name / text.name)


def count(seeds: Path) -> tuple[int, int]:
    """(articles, words) of the site's seeds."""
    articles = words = 0
    for path in seeds.rglob("*.txt"):
        articles += 1
        words += len(path.read_text(encoding="utf-8").split())
    return articles, words


def write_briefing(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def project(base: Path) -> Path:
    if base.exists():
        shutil.rmtree(base)
    (base / "docs").mkdir(parents=True)
    (base / "docs/index.md").write_text("# About\n\nThe newsroom's [briefings](briefing/index.md).\n")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"\n      articles:\n(        .*\n)+", "\n", cfg)
    cfg = cfg.replace("overrides: overrides.yml", "overrides: none.yml")
    (base / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return base


RAW_PIPE = """
import json, os, sys, time
from pathlib import Path
from briefing.reading import seeds as sources
from briefing.nlp.parser import Parser, PARALLEL_MIN_CHARS
texts = []
for folder in sorted(p for p in Path("seeds").iterdir() if p.is_dir()):
    articles, _ = sources.read_seeds(folder)
    texts += [s.text for a in articles for s in a.segments]
parser = Parser()
nlp = parser.nlp
chars = sum(map(len, texts))
n_process = 2 if chars >= PARALLEL_MIN_CHARS and (os.cpu_count() or 1) > 1 else 1
import resource
def cpu():
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))
t, c = time.perf_counter(), cpu()
for _ in nlp.pipe(texts, n_process=n_process, batch_size=64):
    pass
print(json.dumps({"seconds": time.perf_counter() - t, "cpu": cpu() - c, "n_process": n_process}))
"""

WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
t = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(p.stderr)
print(t, use.ru_utime + use.ru_stime, use.ru_maxrss, p.returncode)
"""


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """(seconds, CPU seconds of the command and every process it waited for, peak RSS in MB of the
    largest, stderr) of one command in a fresh process. On a machine shared with other work the
    CPU seconds move less than the wall time, so both are recorded."""
    res = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds, cpu, rss, code = res.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{res.stderr[-3000:]}")
    return float(seconds), float(cpu), int(rss) // 1024, res.stderr


def plain_articles(base: Path) -> Path:
    """The articles alone as plain Markdown pages (as benchmarks/run.py compares), one folder per
    briefing, no plugin, a nav of the home only: what publishing the text costs without the tool."""
    plain = base / "plain-articles"
    docs = plain / "docs"
    docs.mkdir(parents=True)
    links = []
    for folder in sorted(p for p in (base / "seeds").iterdir() if p.is_dir()):
        for p in sorted(folder.glob("*.txt")):
            lines = [x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
            page = docs / "briefings" / folder.name / f"{p.stem}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {lines[0]}\n\n" + "\n\n".join(lines[1:]) + "\n", encoding="utf-8")
            links.append(f"- [{folder.name}/{p.stem}](briefings/{folder.name}/{p.stem}.md)")
    (docs / "index.md").write_text("# Plain\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    _plain_config(base, plain, "/briefings/\n")
    return plain


ANNOTATIONS = [
    (re.compile(r'<span class="bf-s" id="s-\d+"></span>'), ""),  # sentence anchors
    (re.compile(r'<a href="[^"]*"[^>]*>(.*?)</a>'), r"\1"),  # links the tool writes as HTML (render/links.py)
    (re.compile(r'\[([^\]]*)\]\([^)\s]*#[^)\s]*(?: "[^"]*")?\)(?:\{[^}]*\})?'), r"\1"),  # Markdown links to an anchor
    (re.compile(r'^<p id="p-\d+" class="bf-standfirst"><em>(.*)</em></p>$', re.M), r"*\1*"),  # paragraphs as
    (re.compile(r'^<p id="p-\d+">(.*)</p>$', re.M), r"\1"),  # HTML blocks become Markdown paragraphs again
    (re.compile(r'^<div class="bf-backlinks" data-search-exclude>$', re.M),  # backlinks: a Markdown list,
     '<div class="bf-backlinks" data-search-exclude markdown="1">\n'),  # left out of search all the same
    (re.compile(r"^<p><strong>(.*?)</strong>, (.*):</p>$", re.M), r"**\1**, \2:\n"),
    (re.compile(r"^<li>(.*)</li>$", re.M), r"- \1"),
    (re.compile(r"^</?ul>$", re.M), ""),
    (re.compile(r"^\{:[^}]*\}$", re.M), ""),  # paragraph ids (Markdown)
    (re.compile(r" \{ #[^}]*\}"), ""),  # heading ids
]


TABLE = re.compile(r"^(<details class=\"bf-more\">\n<summary>[^\n]*</summary>\n)?<table>\n(.*?)\n</table>$(\n</details>)?",
                   re.M | re.S)
ROW = re.compile(r"<tr>\n(.*?)\n</tr>", re.S)
CELL = re.compile(r"^<t[hd]>(.*)</t[hd]>$", re.M)


def markdown_table(m: re.Match) -> str:
    """A fact table the tool writes as HTML (render/facttable.py), as the Markdown table a writer
    without the tool would write (folded in a `<details>` with md_in_html past its first rows)."""
    rows = [CELL.findall(row) for row in ROW.findall(m.group(2))]
    lines = ["| " + " | ".join(cells) + " |" for cells in rows]
    lines.insert(1, "|---" * len(rows[0]) + "|")
    if m.group(1):
        summary = m.group(1).split("\n")[1]
        lines = ['<details class="bf-more" markdown="1">', summary, "", *lines, "", "</details>"]
    return "\n".join(lines)


def plain_pages(base: Path) -> Path:
    """The site's own pages (every page `briefing build` wrote) with the annotations taken out:
    entity links, backlinks and claim links become their text, sentence anchors and ids go, the
    paragraphs, fact tables and backlink lists the tool writes as HTML become Markdown ones (the
    backlinks still left out of search); no plugin, the same small nav. The cost of annotating, apart from the cost
    of the pages."""
    plain = base / "plain-pages"
    for page in (base / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for pattern, repl in ANNOTATIONS:
            text = pattern.sub(repl, text)
        text = TABLE.sub(markdown_table, text)
        target = plain / "docs" / page.relative_to(base / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    listed = nav([p.relative_to(base / "docs/briefing").as_posix() for p in (base / "docs/briefing").rglob("*.md")])
    _plain_config(base, plain, "/briefing/**\n" + "".join(f"  !/briefing/{rel}\n" for rel in listed))
    return plain


def _plain_config(base: Path, plain: Path, not_in_nav: str) -> None:
    cfg = (base / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"  - briefing:\n(      .*\n)+", "", cfg)
    cfg = cfg.replace("validation:", f"not_in_nav: |\n  {not_in_nav}validation:")
    (plain / "mkdocs.yml").write_text(cfg, encoding="utf-8")


def reran(stderr: str) -> tuple[int, list[str]]:
    """(how many briefings the build re-ran, the first of them), from `briefing build -v`."""
    m = re.search(r"DEBUG\s+-\s+re-ran (\d+) briefings?(?:: (.*))?", stderr)
    if not m:
        raise SystemExit(f"no report of re-run briefings in:\n{stderr[-2000:]}")
    return int(m.group(1)), (m.group(2) or "").split(" and ")[0].split(", ") if m.group(2) else []


def cached_entries(base: Path) -> set[str]:
    """The names of the briefings' cached entries (store/results.py): a build that re-ran a briefing
    wrote a new one."""
    return {p.name for p in (base / ".cache/briefing/results").rglob("*.entry")}


def warm(before: set[str], after: set[str]) -> None:
    """The `mkdocs build` of the site is measured with its caches warm: it must re-run no briefing.
    It re-ran every one when the tool's code changed under the run (a merge into the tree between
    the cold build and `mkdocs build`: every key holds a digest of the code), and its time and
    peak RSS were then those of the later stages plus the build (1,181 MB against 784 warm, at 300
    briefings on 2026-12-07)."""
    if after - before:
        raise SystemExit(f"`mkdocs build` re-ran {len(after - before)} briefings that the cold build had cached: "
                         "the tool's code changed during the run (a merge or an edit in this tree?); run the "
                         "benchmark again on a tree nobody changes while it runs")


def one_process(base: Path) -> tuple[float, float, int]:
    """Seeds to site as one process (README, "Publishing from CI"): a cold `mkdocs build` in a copy
    of the project holding its seeds, mkdocs.yml and docs/ without the generated folder, with no
    cache: the plugin parses and builds every briefing itself. (wall, CPU, peak RSS in MB); the run
    stops unless its site is the one `briefing build` then `mkdocs build` made, byte for byte."""
    copy = base / "one-process"
    shutil.copytree(base / "seeds", copy / "seeds")
    shutil.copytree(base / "docs", copy / "docs", ignore=shutil.ignore_patterns("briefing"))
    shutil.copy(base / "mkdocs.yml", copy / "mkdocs.yml")
    t, cpu, rss, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], copy)
    differ = different_files(base / "site", copy / "site")
    if differ:
        raise SystemExit(f"`mkdocs build` alone made another site than `briefing build` then `mkdocs build`: "
                         f"{len(differ)} files differ ({', '.join(differ[:5])})")
    shutil.rmtree(copy)
    return t, cpu, rss


def different_files(one: Path, other: Path) -> list[str]:
    """The files (relative paths) that are in only one of two folders or differ in their bytes."""
    def files(folder: Path) -> dict[str, Path]:
        return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}

    a, b = files(one), files(other)
    return sorted(rel for rel in a.keys() | b.keys()
                  if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes())


def build(base: Path) -> tuple[float, float, int, str]:
    return measure([sys.executable, "-m", "briefing", "build", "-v"], base)


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def sizes(site: Path) -> dict:
    """Bytes of the built site's pages: every page on average, article pages, and two fixed pages."""
    pages = list(site.rglob("index.html"))
    articles = list(site.glob("briefing/*/articles/*/index.html"))
    first = sorted(site.glob("briefing/*/articles/*/index.html"))
    glossary = sorted(site.glob("briefing/*/glossary/index.html"))
    month = site / "briefing/months/2030-01/index.html"  # the same briefings at any size (none in the stories)
    return {"pages": len(pages), "page": sum(p.stat().st_size for p in pages) / max(1, len(pages)),
            "article_page": sum(p.stat().st_size for p in articles) / max(1, len(articles)),
            "first_article": first[0].stat().st_size if first else 0,
            "first_glossary": glossary[0].stat().st_size if glossary else 0,
            "month": month.stat().st_size if month.exists() else 0,
            "search_index": (site / "search/search_index.json").stat().st_size}


def measure_site(briefings: int | None) -> dict:
    """Every number of one site: `briefings` generated ones, or (None) the development stories."""
    base = project(OUT / str(briefings) if briefings else Path(tempfile.mkdtemp(prefix="briefing-dev-site-")))
    if briefings:
        articles, words = make_site(briefings, base / "seeds")
    else:
        dev_site(base / "seeds")
        articles, words = count(base / "seeds")
    folders = sorted(p.name for p in (base / "seeds").iterdir() if p.is_dir())
    row: dict = {"briefings": len(folders), "articles": articles, "words": words, "dev": not briefings}
    row["load_before"] = load_average()
    t, cpu, rss, err = build(base)
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"DEBUG\s+-\s+(\w+)\s+([\d.]+)s", err)}
    assert reran(err)[0] == len(folders), err[-2000:]
    row.update(build=t, build_cpu=cpu, rss=rss, stages=stages)
    out = subprocess.run([sys.executable, "-c", RAW_PIPE], cwd=base, capture_output=True, text=True, check=True)
    raw = json.loads(out.stdout)
    row.update(raw_pipe=raw["seconds"], raw_cpu=raw["cpu"], n_process=raw["n_process"])
    before = cached_entries(base)
    t, cpu, mrss, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], base)
    warm(before, cached_entries(base))
    row.update(mkdocs=t, mkdocs_cpu=cpu, mkdocs_rss=mrss, sizes=sizes(base / "site"))
    row["one"], row["one_cpu"], row["one_rss"] = one_process(base)
    plain = plain_pages(base)
    row["plain_mkdocs"], row["plain_cpu"], _, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    row["plain_sizes"] = sizes(plain / "site")
    plain = plain_articles(base)
    row["articles_mkdocs"], row["articles_cpu"], _, _ = measure([sys.executable, "-m", "mkdocs", "build", "-q"], plain)
    pages = list((plain / "site/briefings").rglob("index.html"))
    row["articles_page"] = sum(p.stat().st_size for p in pages) / max(1, len(pages))
    edited = sorted((base / "seeds" / folders[1]).glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
    row["edit"], row["edit_cpu"], _, err = build(base)
    assert reran(err) == (1, [f"seeds/{folders[1]}"]), err[-2000:]
    write_briefing(base / f"seeds/new{len(folders):04d}", briefing_files(len(folders), run.samples(), articles=4))
    row["new"], row["new_cpu"], _, err = build(base)
    assert reran(err) == (1, [f"seeds/new{len(folders):04d}"]), err[-2000:]
    row["nochange"], row["nochange_cpu"], _, err = build(base)
    assert reran(err) == (0, []), err[-2000:]
    row["load_after"] = load_average()
    if not briefings:
        shutil.rmtree(base)  # the stories' text stays out of the repository
    return row


def name(r: dict) -> str:
    return f"{r['briefings']:,} development stories" if r.get("dev") else f"{r['briefings']:,}"


def later(r: dict) -> float:
    """Seconds the stages after the parse spent (in the main process, beside the parser processes)."""
    return sum(v for k, v in r["stages"].items() if k not in ("load", "nlp"))


def to_site(r: dict) -> tuple[float, float]:
    """Seeds to site (cold build plus annotated `mkdocs build`) / (raw nlp.pipe plus a plain `mkdocs
    build` of the articles alone): wall (CPU)."""
    return ((r["build"] + r["mkdocs"]) / (r["raw_pipe"] + r["articles_mkdocs"]),
            (r["build_cpu"] + r["mkdocs_cpu"]) / (r["raw_cpu"] + r["articles_cpu"]))


def one_to_site(r: dict) -> tuple[float, float]:
    """Seeds to site in one process (a cold `mkdocs build` alone) / the same: wall (CPU)."""
    return r["one"] / (r["raw_pipe"] + r["articles_mkdocs"]), r["one_cpu"] / (r["raw_cpu"] + r["articles_cpu"])


def _pair(wall: float, cpu: float) -> str:
    return f"{wall:.1f} ({cpu:.1f})"


def _share(r: dict, key: str) -> str:
    """Seconds of a rebuild, and its share of the cold build: wall (CPU)."""
    return (f"{r[key]:.2f} ({r[key + '_cpu']:.2f}); {100 * r[key] / r['build']:.1f}% "
            f"({100 * r[key + '_cpu'] / r['build_cpu']:.1f}%)")


def table(rows: list[dict]) -> str:
    head = ("| briefings | articles | words | cold build, s: wall (CPU) | raw nlp.pipe, s: wall (CPU) "
            "| build / raw: wall (CPU) | model load + NLP stage (s) | later stages: s (% of build) "
            "| edit one article: s; % of cold | new briefing of 4: s; % of cold | no change: s; % of cold "
            "| peak RSS build / mkdocs / one process (MB) | load average before / after |")
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        st = r["stages"]
        lines.append(
            f"| {name(r)} | {r['articles']:,} | {r['words']:,} | {_pair(r['build'], r['build_cpu'])} "
            f"| {_pair(r['raw_pipe'], r['raw_cpu'])} (n_process={r['n_process']}) "
            f"| {r['build'] / r['raw_pipe']:.2f} ({r['build_cpu'] / r['raw_cpu']:.2f}) "
            f"| {st.get('load', 0) + st.get('nlp', 0):.1f} | {later(r):.1f} ({100 * later(r) / r['build']:.0f}%) | {_share(r, 'edit')} | {_share(r, 'new')} "
            f"| {_share(r, 'nochange')} | {r['rss']} / {r['mkdocs_rss']} / {r['one_rss']} "
            f"| {r['load_before']}; {r['load_after']} |")
    head2 = ("| briefings | `mkdocs build`, s: annotated site | the same pages, annotations taken out "
             "| annotated / plain: wall (CPU) | the articles alone | pages | bytes per page | per article page: "
             "annotated / plain / articles alone | one article page | one glossary | one month page | search index "
             "| seeds to site, s: build + `mkdocs build` | / (raw nlp.pipe + articles alone): wall (CPU) "
             "| seeds to site in one process, s: cold `mkdocs build` alone | / (raw nlp.pipe + articles alone): "
             "wall (CPU) |")
    lines += ["", head2, "|" + "---|" * head2.count(" | ") + "---|"]
    for r in rows:
        s, p = r["sizes"], r["plain_sizes"]
        wall, cpu = to_site(r)
        one_wall, one_cpu = one_to_site(r)
        lines.append(f"| {name(r)} | {_pair(r['mkdocs'], r['mkdocs_cpu'])} "
                     f"| {_pair(r['plain_mkdocs'], r['plain_cpu'])} | {r['mkdocs'] / r['plain_mkdocs']:.2f}x "
                     f"({r['mkdocs_cpu'] / r['plain_cpu']:.2f}x) | {r['articles_mkdocs']:.1f} | {s['pages']:,} "
                     f"| {s['page'] / 1024:.1f} KB | {s['article_page'] / 1024:.1f} / {p['article_page'] / 1024:.1f} "
                     f"/ {r['articles_page'] / 1024:.1f} KB | {s['first_article']:,} B | {s['first_glossary']:,} B "
                     f"| {s['month']:,} B | {s['search_index'] / 1e6:.1f} MB "
                     f"| {_pair(r['build'] + r['mkdocs'], r['build_cpu'] + r['mkdocs_cpu'])} | {wall:.2f} ({cpu:.2f}) "
                     f"| {_pair(r['one'], r['one_cpu'])} | {one_wall:.2f} ({one_cpu:.2f}) |")
    return "\n".join(lines)


def goals(rows: list[dict]) -> str:
    """Each goal of issues 14 and 25 at the largest size (and on the development stories), met or
    not (on wall time, as the goals are written; the CPU-time figure beside it), from this run."""
    generated = [r for r in rows if not r.get("dev")]
    lines = []
    if generated:
        big = max(generated, key=lambda r: r["briefings"])
        small = min(generated, key=lambda r: r["briefings"])
        lines += [f"Goals at {big['briefings']} briefings ({big['articles']:,} articles), wall time (CPU time):",
                  *_met(_checks(big, 1.15) + _rebuilds(big) + _bytes(big, small))]
    for r in rows:
        if r.get("dev"):
            lines += [f"Goals on the {name(r)} ({r['articles']:,} articles), wall time (CPU time):",
                      *_met(_checks(r, 1.25))]
    return "\n".join(lines)


def _checks(r: dict, cold: float) -> list[tuple]:
    return [
        (f"cold `briefing build` <= {cold}x raw nlp.pipe", r["build"] / r["raw_pipe"], r["build_cpu"] / r["raw_cpu"],
         cold, "x"),
        ("annotated `mkdocs build` <= 1.3x the same pages without annotations", r["mkdocs"] / r["plain_mkdocs"],
         r["mkdocs_cpu"] / r["plain_cpu"], 1.3, "x"),
        ("seeds to site <= 1.3x raw nlp.pipe plus a plain `mkdocs build` of the articles", *to_site(r), 1.3, "x"),
        ("seeds to site in one process (`mkdocs build` alone) <= 1.3x the same", *one_to_site(r), 1.3, "x"),
        ("peak RSS <= 1,500 MB", max(r["rss"], r["mkdocs_rss"], r["one_rss"]), None, 1500, " MB"),
    ]


def _rebuilds(big: dict) -> list[tuple]:
    return [(f"{what} <= {limit}% of cold", 100 * big[key] / big["build"], 100 * big[key + "_cpu"] / big["build_cpu"],
             limit, "%") for what, key, limit in (("one edited article", "edit", 3), ("one new briefing", "new", 5),
                                                  ("no-change rebuild", "nochange", 2))]


def _bytes(big: dict, small: dict) -> list[tuple]:
    if small is big:
        return []
    return [(f"{key.replace('_', ' ')} page bytes at {big['briefings']} / at {small['briefings']} briefings, "
             "within 1%", big["sizes"][key] / small["sizes"][key], None, 1.01, "x") for key in ("first_article", "month")]


def _met(checks: list[tuple]) -> list[str]:
    out = []
    for what, value, cpu, limit, unit in checks:
        also = f" ({cpu:.2f}{unit})" if cpu is not None else ""
        out.append(f"- {what}: {value:.2f}{unit}{also} ({'met' if value <= limit else 'NOT met'})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[40, 300], help="numbers of briefings")
    ap.add_argument("--dev", action="store_true",
                    help=f"also measure the development stories as a site of one briefing each ({run.DEV})")
    ap.add_argument("--out", default=str(ROOT / "benchmarks/RESULTS.md"),
                    help="'-' for stdout; otherwise the site-scale section of this file is replaced")
    args = ap.parse_args()
    command = f"python benchmarks/site_scale.py{' --dev' if args.dev else ''} --sizes {' '.join(map(str, args.sizes))}"
    todo = [*([None] if args.dev else []), *args.sizes]  # the smaller sites first
    rows: list[dict] = []
    for n in todo:
        print(f"{n or 'the development stories as'} briefings ...", file=sys.stderr, flush=True)
        rows.append(measure_site(n))
        print(table(rows[-1:]), file=sys.stderr, flush=True)
        report(rows, command + ("" if len(rows) == len(todo) else f" (stopped: {len(rows)} of {len(todo)} sites)"),
               args.out)


def report(rows: list[dict], command: str, out: str) -> None:
    """The section for RESULTS.md (or stdout), written again after each site, so a run stopped
    early keeps the sites it measured."""
    stages = "\n".join(f"- {name(r)}: " + ", ".join(f"{k} {v:.2f}s" for k, v in r["stages"].items())
                       for r in rows)
    text = (f"{SECTION}\n\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; date {dt.date.today().isoformat()}; command `{command}`; the load "
            f"average before and after each site is in the first table.\n\n{table(rows)}\n\n"
            f"Stages of the cold build:\n{stages}\n\n{goals(rows)}\n")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "last.json").write_text(json.dumps(rows, indent=1) + "\n")
    if out == "-":
        print(text)
        return
    path = Path(out)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    before, _, rest = old.partition(SECTION)
    after = rest.partition(END)[2] if END in rest else ""  # notes written by hand below the table stay
    path.write_text((before.rstrip() + "\n\n" if before.strip() else "") + text + END + after, encoding="utf-8")


SECTION = "# Site scale: many briefings (benchmarks/site_scale.py)"
END = "<!-- end of benchmarks/site_scale.py output -->\n"

if __name__ == "__main__":
    main()
