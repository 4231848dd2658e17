"""The whole build as one function: gather every stage's result, then hand pages to a writer.

Nothing here writes files; cli.py hands the pages to output.py, plugin.py to MkDocs.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import facts as facts_stage
from . import overrides as overrides_stage
from . import pubdate, render, repair, resolve, sources
from .config import Settings
from .model import Briefing, Diagnostic
from .nlp import Parser


@dataclass
class Result:
    briefing: Briefing
    pages: dict[str, str]  # path relative to the output folder -> text
    problems: list[Diagnostic]
    timings: dict[str, float] = field(default_factory=dict)


def gather(settings: Settings, base: Path, parser: Parser | None = None,
           progress: Callable[[int, int], None] | None = None) -> Result:
    """Read, annotate and render the briefing configured by `settings` (paths relative to `base`)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock
        clock = now

    seeds_dir = settings.path(base, "seeds")
    label = _relative(seeds_dir, base)
    articles, problems = sources.read_seeds(seeds_dir, settings.articles, label, settings.max_article_bytes)
    unknown = sorted(set(settings.articles) - {a.id for a in articles})
    problems += [Diagnostic("warning", "mkdocs.yml", f"`articles: {aid}:` names no article in {label}/")
                 for aid in unknown]
    articles = pubdate.infer(articles)
    overrides_file = settings.path(base, "overrides")
    rules, found = overrides_stage.load(overrides_file, _relative(overrides_file, base))
    problems += found
    lap("read")
    parser = parser or Parser(settings.model, settings.path(base, "cache_dir"), settings.processes)
    loaded_before = parser.load_seconds
    parsed = parser.parse(articles, progress) if articles else []
    removed, size = parser.prune(articles, settings.cache_max_mb * 1_000_000) if articles else (0, 0)
    if removed:
        problems.append(Diagnostic("info", _relative(parser.cache_dir, base),
                                   f"removed {removed} cached parse{'s' * (removed != 1)} ({size / 1e6:.1f} MB) "
                                   f"that no current article uses, to keep the cache under "
                                   f"`cache_max_mb: {settings.cache_max_mb}`"))
    lap("nlp")
    if parser.load_seconds != loaded_before:  # report loading the model apart from running it
        timings["load"] = parser.load_seconds
        timings["nlp"] -= parser.load_seconds
    ments = repair.mentions(parsed)
    lap("repair")
    entities, found = resolve.resolve(parsed, ments, rules)
    problems += found
    lap("resolve")
    fact_rows, found = facts_stage.stage(parsed, entities, rules)
    problems += found
    lap("facts")
    briefing = Briefing(settings.title, tuple(articles), tuple(entities), tuple(fact_rows))
    pages = render.pages(briefing)
    lap("render")
    return Result(briefing, pages, problems, timings)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
