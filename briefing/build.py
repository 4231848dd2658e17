"""The whole build as one function: gather every stage's result, then hand pages to a writer
(as MkDocs' commands/build.py does: gather, then write).

Per briefing: reading (layout, seeds, pubdate, overrides) -> nlp -> entities (repair, resolve) ->
facts -> render, skipped when the store holds a result for the briefing's inputs (store/results.py);
then, for a site of several briefings, the site stage over every briefing's summary
(site/summaries.py) and its pages (render/site.py). The articles of every briefing that runs are
parsed in one batch, so the model loads once and both cores stay busy. Nothing here writes files:
cli.py hands the pages to store/output.py, the plugin to MkDocs."""
from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import facts as facts_stage
from . import render
from .config import Settings
from .entities import repair, resolve
from .model import Article, Briefing, Claim, Description, Diagnostic, Entity, Fact, Mention, ParsedArticle, Segment
from .nlp.parser import Parser
from .reading import files, layout, pubdate, safeyaml, seeds
from .reading import overrides as overrides_stage
from .reading.layout import Source
from .site import changes, subject, summaries
from .store import addresses, cachefiles, results
from .words import knowledge

MODEL = (Briefing, Article, Segment, Entity, Mention, Description, Fact, Claim, Diagnostic)  # cached shapes


@dataclass(frozen=True)
class Entry:
    """What the cache keeps of a briefing besides the briefing itself: all the site stage reads."""

    summary: summaries.Summary
    problems: tuple[Diagnostic, ...]
    parses: tuple[str, ...] = ()  # the parse cache's keys of its articles: in use while it is


@dataclass
class Result:
    pages: dict[str, str]  # path relative to the output folder -> text
    problems: list[Diagnostic]
    briefings: tuple[summaries.Summary, ...]  # every briefing built, newest first
    rebuilt: list[str] = field(default_factory=list)  # briefings (seeds folders) whose stages ran
    rendered: list[str] = field(default_factory=list)  # briefings whose pages were rendered again
    timings: dict[str, float] = field(default_factory=dict)
    several: bool = False  # a site of several briefings (seeds/ holds folders)
    kept: tuple[tuple[str, Briefing], ...] = ()  # (seeds folder, briefing), when gather was asked to keep them
    home: str | None = None  # several briefings: the front page for the site's root (docs/index.md), for the plugin


@dataclass
class _Plan:
    """One briefing on its way through the build."""

    source: Source
    key: str
    entry: Entry | None = None
    briefing: Briefing | None = None
    meta: layout.Metadata | None = None
    articles: list[Article] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    rules: overrides_stage.Rules = overrides_stage.Rules()


def missing_seeds(settings: Settings, base: Path, where: str = "mkdocs.yml") -> Diagnostic | None:
    """A seeds folder that does not exist (a typo in `seeds:`): the one error to report, before
    anything is read or built, so no empty briefing is made and no other message buries it."""
    folder = settings.path(base, "seeds")
    if folder.is_dir():
        return None
    what = "is not a folder" if folder.exists() else "does not exist"
    return Diagnostic("error", where, f"`seeds: {settings.seeds}`: {_relative(folder, base)} {what}; fix the path "
                                      "(relative to mkdocs.yml), or create the folder and put the articles "
                                      "(*.txt, *.md) in it. Nothing was built")


def gather(settings: Settings, base: Path, parser: Parser | None = None,
           progress: Callable[[int, int], None] | None = None, keep: bool = False,
           directory_urls: bool = True) -> Result:
    """Read, annotate and render the briefings configured by `settings` (paths relative to `base`).
    With `keep`, the result also holds every briefing (from the cache where it could), for tools
    that read them (`briefing review`); otherwise a briefing is dropped once its pages are made.
    `directory_urls` is MkDocs' `use_directory_urls`: the addresses of the links the pages hold as
    HTML, which are checked here (render/links.py), since MkDocs does not validate them."""
    clock = _Clock()
    seeds_dir = settings.path(base, "seeds")
    cache_dir = settings.path(base, "cache_dir")
    found_sources, several, problems = layout.discover(seeds_dir, _relative(seeds_dir, base), settings.title,
                                                       settings.articles, addresses.load(cache_dir))
    if several:
        addresses.save(cache_dir, {src.slug: src.folder.name for src in found_sources})
    overrides_file = settings.path(base, "overrides")
    site_label = _relative(overrides_file, base)
    site_rules, found = overrides_stage.load(overrides_file, site_label)
    problems += found
    parser = parser or Parser(settings.model, settings.path(base, "cache_dir"), settings.processes)
    knowledge.keep_tables_in(settings.path(base, "cache_dir") / "knowledge")
    runner = _Runner(settings, site_rules, parser, results.Store(settings.path(base, "cache_dir")), clock, progress,
                     render.Urls(directory_urls))
    common = _common_inputs(settings, parser, overrides_file, several)
    plans = [_Plan(src, _key(src, common, settings.max_article_bytes)) for src in found_sources]
    for plan in plans:
        plan.entry = runner.store.load(Entry, plan.key, "entry")
    clock.lap("cache")
    runner.run([p for p in plans if p.entry is None])
    problems += _problems(plans, site_label)

    the_site = summaries.build(settings.title, [p.entry.summary for p in plans]) if several else None
    links = summaries.links(the_site) if the_site else {}
    pages: dict[str, str] = {}
    kept = []
    for plan in plans:
        shared = {eid: f"../entities/{sid}.md" for eid, sid in links.get(plan.source.slug, {}).items()} \
            if several else None
        prefix = f"{plan.source.slug}/" if plan.source.slug else ""
        site_title = settings.title if several else None
        pages.update({prefix + rel: text for rel, text in runner.pages(plan, shared, site_title).items()})
        if keep:
            kept.append((plan.source.label, runner.briefing(plan)))
        plan.briefing = None  # done with it: a site of many briefings holds only their pages
    home = None
    if the_site is not None:
        latest = _latest_changes(runner.store, the_site, {p.source.slug: p.key for p in plans})
        pages.update(render.site_pages(the_site, latest))
        home = render.front_page(the_site, latest, settings.output.strip("/") + "/")
    pages.update(render.assets())
    problems += render.check_links(pages, runner.urls, settings.output.strip("/"))
    clock.lap("render")
    problems += _prune(parser, runner.store, {k for p in plans for k in p.entry.parses}, settings, base)
    clock.lap("cache")
    briefings = the_site.briefings if the_site else tuple(p.entry.summary for p in plans)
    return Result(pages, problems, briefings, runner.rebuilt, runner.rendered, clock.timings, several, tuple(kept),
                  home)


def _latest_changes(store: results.Store, site: summaries.Site, inputs: dict[str, str]
                    ) -> tuple[changes.Change, ...]:
    """What changed since the last build that saw something different, from the record the cache
    keeps of what that build saw (site/changes.py)."""
    key = results.key(["site history"])  # one site per cache folder; a copied project keeps its history
    before = store.load(changes.History, key, "history")
    history = changes.advance(before, changes.seen(site, inputs))
    if history != before:
        store.store(changes.History, key, "history", history)
    return changes.changes(history)


class _Clock:
    """Seconds per stage, summed over briefings."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str, seconds: float | None = None) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + (now - self.last if seconds is None else seconds)
        self.last = now


@dataclass
class _Runner:
    """Runs the per-briefing pipeline for briefings the cache cannot serve, and renders pages."""

    settings: Settings
    site_rules: overrides_stage.Rules
    parser: Parser
    store: results.Store
    clock: _Clock
    progress: Callable[[int, int], None] | None
    urls: render.Urls = render.Urls()
    rebuilt: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)

    def run(self, todo: list[_Plan]) -> None:
        """sources -> nlp -> repair -> resolve -> facts for the briefings in `todo`, each result
        cached under its briefing's key. The articles of every briefing are handed to the parser
        at once, and each briefing's later stages run as soon as its articles are parsed, while
        the parser processes go on with the next briefings."""
        if not todo:
            return
        for plan in todo:
            self._read(plan)
        self.clock.lap("read")
        loaded_before = self.parser.load_seconds
        for plan, parsed in zip(todo, self.parser.stream([plan.articles for plan in todo], self.progress)):
            self.clock.lap("nlp")  # waiting for the parser (or, in this process, parsing)
            self._stages(plan, parsed)
        loading = self.parser.load_seconds - loaded_before
        if loading:  # report loading the model apart from running it
            self.clock.timings["nlp"] -= loading
            self.clock.lap("load", loading)

    def _stages(self, plan: _Plan, parsed: list[ParsedArticle]) -> None:
        ments = repair.mentions(parsed)
        self.clock.lap("repair")
        entities, found = resolve.resolve(parsed, ments, plan.rules)
        plan.problems += found
        self.clock.lap("resolve")
        fact_rows, found = facts_stage.stage(parsed, entities, plan.rules)
        plan.problems += found
        self.clock.lap("facts")
        title = plan.meta.title or subject.subject(parsed, entities) or plan.source.folder.name
        plan.briefing = Briefing(title, tuple(plan.articles), tuple(entities), tuple(fact_rows))
        plan.entry = Entry(summaries.summarize(plan.briefing, plan.source.slug, plan.source.folder.name,
                                               plan.meta.date, render.glossary_layout(plan.briefing)[1]),
                           tuple(plan.problems), self.parser.keys(plan.articles))
        self.store.store(Entry, plan.key, "entry", plan.entry)
        self.store.store(Briefing, plan.key, "briefing", plan.briefing)
        plan.articles = []
        self.rebuilt.append(plan.source.label)
        self.clock.lap("cache")

    def _read(self, plan: _Plan) -> None:
        src = plan.source
        plan.meta, plan.problems = layout.metadata(src)
        plan.articles, found = seeds.read_seeds(src.folder, plan.meta.articles, src.label,
                                                  self.settings.max_article_bytes)
        plan.articles = pubdate.infer(plan.articles)
        if src.slug:  # a briefing folder: its briefing.yml and overrides.yml are not articles
            reserved = {f"{src.label}/{name}" for name in layout.RESERVED_FILES}
            found = [p for p in found if p.file not in reserved]
        plan.problems += found
        for aid in sorted(set(plan.meta.articles) - {a.id for a in plan.articles}):
            plan.problems.append(Diagnostic("warning", plan.meta.file, f"`articles: {aid}:` names no article in "
                                                                       f"{src.label}/"))
        own = overrides_stage.Rules()
        if src.overrides is not None:
            own, found = overrides_stage.load(src.overrides, f"{src.label}/{layout.OVERRIDES_FILE}")
            plan.problems += found
        plan.rules = overrides_stage.combine(self.site_rules, own)

    def pages(self, plan: _Plan, shared: dict[str, str] | None, site: str | None) -> dict[str, str]:
        """The briefing's pages: from the cache when neither the briefing nor what it shows of the
        site (the links to entity pages across briefings, the site's title) changed, else rendered
        from its (cached) result."""
        key = results.key([plan.key, json.dumps([sorted(shared.items()), site]) if shared is not None else "alone",
                           json.dumps(dataclasses.astuple(self.urls))])
        got = self.store.load(dict[str, str], key, "pages")
        if got is None:
            got = render.pages(self.briefing(plan), shared, site, self.urls)
            self.store.store(dict[str, str], key, "pages", got)
            self.rendered.append(plan.source.label)
        return got

    def briefing(self, plan: _Plan) -> Briefing:
        """The plan's briefing: just built, or from the cache, or (an entry whose briefing is gone
        from a damaged cache) built again."""
        if plan.briefing is None:
            plan.briefing = self.store.load(Briefing, plan.key, "briefing")
        if plan.briefing is None:
            self.run([plan])
        return plan.briefing


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


def _prune(parser: Parser, store: results.Store, parses: set[str], settings: Settings, base: Path
           ) -> list[Diagnostic]:
    """Keep the cache folder under `cache_max_mb`: past it, the parses no current article uses
    and the briefing results this build did not use go, oldest first, whichever kind they are."""
    removed = cachefiles.prune(parser.cache_entries(parses) + store.cache_entries(), settings.cache_max_mb * 1_000_000)
    out = []
    for what, of_kind in (("cached parse", [r for r in removed if r[0].suffix == ".bin"]),
                          ("cached briefing result file", [r for r in removed if r[0].suffix != ".bin"])):
        if of_kind:
            size = sum(s for _, s in of_kind)
            out.append(Diagnostic("info", _relative(settings.path(base, "cache_dir"), base),
                                  f"removed {len(of_kind)} {what}{'s' * (len(of_kind) != 1)} ({size / 1e6:.1f} MB) "
                                  f"that no current article or briefing uses, to keep the cache under "
                                  f"`cache_max_mb: {settings.cache_max_mb}`"))
    return out


def _common_inputs(settings: Settings, parser: Parser, overrides_file: Path, several: bool) -> list[bytes | str]:
    """What every briefing's result depends on besides its own folder."""
    return [parser.model_name, parser.model_version, knowledge.tables_key(), str(settings.max_article_bytes),
            results.shape(Entry, summaries.Summary, summaries.EntityRef, summaries.Headline, *MODEL),
            files.key_part(overrides_file, safeyaml.MAX_BYTES), "several" if several else "alone"]


def _key(src: Source, common: list[bytes | str], max_bytes: int) -> str:
    """The key of a briefing's result: the common inputs, where it is, the plugin's metadata for a
    flat seeds folder, and the names and contents of the files in its folder (layout.inputs)."""
    where = json.dumps([src.slug, src.label, src.title, src.articles], sort_keys=True, default=str,
                       ensure_ascii=False)
    return results.key([*common, where, *(part for name, data in layout.inputs(src, max_bytes)
                                          for part in (name, data))])


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
