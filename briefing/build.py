"""The whole build as one function: gather every stage's result, then hand pages to a writer.

Per briefing: sources -> nlp -> repair -> resolve -> facts -> render, skipped when the cache
holds a result for the briefing's inputs (results.py); then, for a site of several briefings,
the site stage over every briefing's summary (site.py) and its pages (render/site.py). The
articles of every briefing that runs are parsed in one batch, so the model loads once and both
cores stay busy. Nothing here writes files; cli.py hands the pages to output.py, plugin.py to MkDocs.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import facts as facts_stage
from . import layout, render, repair, resolve, results, site, sources
from . import overrides as overrides_stage
from .config import Settings
from .layout import Source
from .model import Article, Briefing, Claim, Description, Diagnostic, Entity, Fact, Mention, Segment
from .nlp import Parser

MODEL = (Briefing, Article, Segment, Entity, Mention, Description, Fact, Claim, Diagnostic)  # cached shapes


@dataclass(frozen=True)
class Entry:
    """What the cache keeps of a briefing besides the briefing itself: all the site stage reads."""

    summary: site.Summary
    problems: tuple[Diagnostic, ...]


@dataclass
class Result:
    pages: dict[str, str]  # path relative to the output folder -> text
    problems: list[Diagnostic]
    briefings: tuple[site.Summary, ...]  # every briefing built, newest first
    rebuilt: list[str] = field(default_factory=list)  # briefings (seeds folders) whose stages ran
    rendered: list[str] = field(default_factory=list)  # briefings whose pages were rendered again
    timings: dict[str, float] = field(default_factory=dict)
    several: bool = False  # a site of several briefings (seeds/ holds folders)


@dataclass
class _Plan:
    """One briefing on its way through the build."""

    source: Source
    key: str
    entry: Entry | None = None
    briefing: Briefing | None = None
    articles: list[Article] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    rules: overrides_stage.Rules = overrides_stage.Rules()


def gather(settings: Settings, base: Path, parser: Parser | None = None,
           progress: Callable[[int, int], None] | None = None) -> Result:
    """Read, annotate and render the briefings configured by `settings` (paths relative to `base`)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock
        clock = now

    seeds_dir = settings.path(base, "seeds")
    sources_found, several, problems = layout.discover(seeds_dir, _relative(seeds_dir, base), settings.title,
                                                       settings.articles)
    overrides_file = settings.path(base, "overrides")
    site_label = _relative(overrides_file, base)
    site_rules, found = overrides_stage.load(overrides_file, site_label)
    problems += found
    parser = parser or Parser(settings.model, settings.path(base, "cache_dir"), settings.processes)
    store = results.Store(settings.path(base, "cache_dir"))
    common = _common_inputs(settings, parser, overrides_file, several)
    plans = [_Plan(src, _key(src, common)) for src in sources_found]
    for plan in plans:
        plan.entry = store.load(Entry, plan.key, "entry")
    todo = [p for p in plans if p.entry is None]
    lap("cache")
    if todo:
        _run(todo, settings, site_rules, parser, progress, lap, timings)
        for plan in todo:
            plan.entry = Entry(site.summarize(plan.briefing, plan.source.slug, plan.source.folder.name,
                                              plan.source.date, render.glossary_layout(plan.briefing)[1]),
                               tuple(plan.problems))
            store.store(Entry, plan.key, "entry", plan.entry)
            store.store(Briefing, plan.key, "briefing", plan.briefing)
        lap("cache")
    problems += _problems(plans, site_label)

    summaries = [p.entry.summary for p in plans]
    the_site = site.build(settings.title, summaries) if several else None
    links = site.links(the_site) if the_site else {}
    pages: dict[str, str] = {}
    rendered = []
    for plan in plans:
        shared = {eid: f"../entities/{sid}.md" for eid, sid in links.get(plan.source.slug, {}).items()} \
            if several else None
        pkey = results.key([plan.key, json.dumps(sorted(shared.items())) if shared is not None else "alone"])
        got = store.load(dict[str, str], pkey, "pages")
        if got is None:
            briefing = plan.briefing or store.load(Briefing, plan.key, "briefing")
            if briefing is None:  # the entry outlived the briefing it summarises: build it again
                _run([plan], settings, site_rules, parser, progress, lap, timings)
                briefing = plan.briefing
            got = render.pages(briefing, shared)
            store.store(dict[str, str], pkey, "pages", got)
            rendered.append(plan.source.label)
        prefix = f"{plan.source.slug}/" if plan.source.slug else ""
        pages.update({prefix + rel: text for rel, text in got.items()})
        plan.briefing = None  # done with it: a site of many briefings holds only their pages
    if the_site is not None:
        pages.update(render.site_pages(the_site))
    pages.update(render.assets())
    lap("render")
    briefings = the_site.briefings if the_site else tuple(summaries)
    return Result(pages, problems, briefings, [p.source.label for p in todo], rendered, timings, several)


def _run(todo: list[_Plan], settings: Settings, site_rules: overrides_stage.Rules, parser: Parser,
         progress: Callable[[int, int], None] | None, lap: Callable[[str], None], timings: dict[str, float]) -> None:
    """The per-briefing pipeline for the briefings in `todo`, their articles parsed in one batch."""
    for plan in todo:
        src = plan.source
        plan.articles, plan.problems = sources.read_seeds(src.folder, src.articles, src.label,
                                                          settings.max_article_bytes)
        if src.slug:  # a briefing folder: its briefing.yml and overrides.yml are not articles
            reserved = {f"{src.label}/{name}" for name in layout.RESERVED_FILES}
            plan.problems = [p for p in plan.problems if p.file not in reserved]
        meta_file = f"{src.label}/{layout.BRIEFING_FILE}" if src.slug else "mkdocs.yml"
        for aid in sorted(set(src.articles) - {a.id for a in plan.articles}):
            plan.problems.append(Diagnostic("warning", meta_file, f"`articles: {aid}:` names no article in "
                                                                  f"{src.label}/"))
        own = overrides_stage.Rules()
        if src.overrides is not None:
            own, found = overrides_stage.load(src.overrides, f"{src.label}/{layout.OVERRIDES_FILE}")
            plan.problems += found
        plan.rules = overrides_stage.combine(site_rules, own)
    lap("read")
    everything = [a for plan in todo for a in plan.articles]
    loaded_before = parser.load_seconds
    parsed = parser.parse(everything, progress) if everything else []
    lap("nlp")
    if parser.load_seconds != loaded_before:  # report loading the model apart from running it
        timings["load"] = timings.get("load", 0.0) + parser.load_seconds - loaded_before
        timings["nlp"] -= parser.load_seconds - loaded_before
    start = 0
    for plan in todo:
        mine = parsed[start:start + len(plan.articles)]
        start += len(plan.articles)
        ments = repair.mentions(mine)
        lap("repair")
        entities, found = resolve.resolve(mine, ments, plan.rules)
        plan.problems += found
        lap("resolve")
        fact_rows = facts_stage.extract_and_align(mine, entities)
        lap("facts")
        plan.briefing = Briefing(plan.source.title, tuple(plan.articles), tuple(entities), tuple(fact_rows))
    del parsed


def _problems(plans: list[_Plan], site_label: str) -> list[Diagnostic]:
    """Every briefing's problems; a site rule that matches nothing is one warning when it matches
    nothing in any briefing, and none when some briefing uses it."""
    out: list[Diagnostic] = []
    site_level: Counter[Diagnostic] = Counter()
    for plan in plans:
        for p in plan.entry.problems:
            if p.file == site_label and p.level == "warning" and len(plans) > 1:
                site_level[p] += 1
            else:
                out.append(p)
    for p, count in site_level.items():
        if count == len(plans):
            out.append(Diagnostic(p.level, p.file, p.message.replace("in this briefing", "in any briefing")))
    return out


def _common_inputs(settings: Settings, parser: Parser, overrides_file: Path, several: bool) -> list[bytes | str]:
    """What every briefing's result depends on besides its own folder."""
    return [parser.model_name, parser.model_version, str(settings.max_article_bytes),
            results.shape(Entry, site.Summary, site.EntityRef, *MODEL),
            _read(overrides_file), "several" if several else "alone"]


def _key(src: Source, common: list[bytes | str]) -> str:
    """The key of a briefing's result: the common inputs, its metadata, and the names and bytes of
    the files in its folder (the names of the others, which the build reports)."""
    meta = json.dumps([src.slug, src.label, src.title, src.date, src.articles], sort_keys=True, default=str,
                      ensure_ascii=False)
    parts: list[bytes | str] = [*common, meta, _read(src.overrides) if src.overrides else b""]
    if src.folder.is_dir():
        for path in sorted(src.folder.iterdir()):
            if path.is_file():
                parts.append(path.name)
                parts.append(_read(path) if path.suffix.lower() in sources.SUFFIXES else b"")
    return results.key(parts)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"unreadable: {exc.strerror}".encode()


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
