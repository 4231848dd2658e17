"""The whole build as one function: gather every stage's result, then hand pages to a writer
(as MkDocs' commands/build.py does: gather, then write).

Per briefing: reading (layout, seeds, pubdate, overrides) -> nlp -> entities (repair, resolve) ->
facts -> render, skipped when the store holds a result for the briefing's inputs (store/results.py);
then, for a site of several briefings, the site stage over every briefing's summary
(site/summaries.py) and its pages (render/site.py). The articles of every briefing that runs are
parsed in one batch, so the model loads once and both cores stay busy. Nothing here writes files:
cli.py hands the pages to store/output.py, the plugin to MkDocs."""
from __future__ import annotations

import contextlib
import gc
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import facts as facts_stage
from . import render
from .config import Settings
from .entities import repair, resolve
from .model import (Article, Briefing, Claim, Description, Diagnostic, Entity, Fact, Mention, ParsedArticle,
                    Segment)
from .nlp.parser import ModelNotFound, Parser
from .reading import files, language, layout, pubdate, safeyaml, seeds
from .reading import overrides as overrides_stage
from .reading.layout import Source
from .site import changes, subject, summaries
from .store import addresses, cachefiles, checks, results
from .text import failure
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
    timings: dict[str, float] = field(default_factory=dict)  # stage -> wall seconds
    several: bool = False  # a site of several briefings (seeds/ holds folders)
    kept: tuple[tuple[str, Briefing, overrides_stage.Rules], ...] = ()  # (seeds folder, briefing, its rules), when kept
    home: str | None = None  # several briefings: the front page for the site's root (docs/index.md), for the plugin
    cpu: dict[str, float] = field(default_factory=dict)  # stage -> this process's CPU seconds


@dataclass
class _Plan:
    """One briefing on its way through the build."""

    source: Source
    key: str
    files: dict[str, bytes]  # its folder's files as the key read them (layout.inputs): name -> bytes
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
    with _fewer_collections():
        return _gather(settings, base, parser, progress, keep, directory_urls)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector run far less often while the build runs, as it was after.
    The build makes millions of small objects that live until it ends (a tuple per token of every
    parse, the briefings) and almost never a cycle; by default the collector looks at every 700
    new objects and walks all the older ones again now and then: 0.5 CPU-s of a cold build of the
    fifteen development stories (4 % of it; raw nlp.pipe over the same text: 0.16), 0.1 so."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _gather(settings: Settings, base: Path, parser: Parser | None, progress: Callable[[int, int], None] | None,
            keep: bool, directory_urls: bool) -> Result:
    clock = _Clock()
    seeds_dir = settings.path(base, "seeds")
    cache_dir = settings.path(base, "cache_dir")
    held = addresses.load(cache_dir)
    found_sources, several, problems = layout.discover(seeds_dir, _relative(seeds_dir, base), settings.title,
                                                       settings.articles, held)
    now = {src.slug: src.folder.name for src in found_sources}
    if several and now != held:
        addresses.save(cache_dir, now)
    overrides_file = settings.path(base, "overrides")
    site_label = _relative(overrides_file, base)
    site_rules, found = overrides_stage.load(overrides_file, site_label)
    problems += found
    parser = parser or Parser(settings.model, cache_dir, settings.processes)
    knowledge.keep_tables_in(cache_dir / "knowledge")
    runner = _Runner(settings, site_rules, parser, results.Store(cache_dir), clock, progress,
                     render.Urls(directory_urls))
    common = _common_inputs(settings, parser, overrides_file, several)
    plans = [_Plan(src, *_key(src, common, settings.max_article_bytes)) for src in found_sources]
    for plan in plans:
        plan.entry = runner.load_entry(plan)
    clock.lap("cache")
    runner.run([p for p in plans if p.entry is None])
    plans = [p for p in plans if p.entry is not None]  # a briefing whose stages failed is left out
    pages, the_site, kept = _render(runner, plans, settings.title, several, keep)
    home = None
    if the_site is not None:
        site_pages = runner.isolated("the site's pages", "site", _site_pages, runner.store, the_site, plans,
                                     settings.output.strip("/") + "/")
        pages.update(site_pages[0] if site_pages else {})
        home = site_pages[1] if site_pages else None
    pages.update(render.assets())
    problems += render.check_links(pages, runner.urls, settings.output.strip("/"))
    problems += _problems(plans, site_label) + runner.failures
    clock.lap("render")
    problems += _prune(parser, runner.store, {k for p in plans for k in p.entry.parses}, settings, base)
    clock.lap("cache")
    briefings = the_site.briefings if the_site else tuple(p.entry.summary for p in plans)
    return Result(pages, problems, briefings, runner.rebuilt, clock.timings, several, tuple(kept), home, clock.cpu)


def _render(runner: _Runner, plans: list[_Plan], title: str, several: bool, keep: bool
            ) -> tuple[dict[str, str], summaries.Site | None, list[tuple[str, Briefing, overrides_stage.Rules]]]:
    """Every briefing's pages, and the site over them. A briefing whose pages fail is left out (one
    error, from the runner) and the others are rendered again without it, since the site's links
    across briefings change; `plans` is left holding the briefings built."""
    while True:
        the_site = summaries.build(title, [p.entry.summary for p in plans]) if several else None
        pages, kept = _briefing_pages(runner, plans, the_site, keep)
        if all(p.entry is not None for p in plans):
            break
        plans[:] = [p for p in plans if p.entry is not None]
    for plan in plans:
        plan.files = {}
    return pages, the_site, kept


def _site_pages(store: results.Store, the_site: summaries.Site, plans: list[_Plan], output: str
                ) -> tuple[dict[str, str], str]:
    """The site's pages and its front page (for the site's root), with what changed since the last build."""
    latest = _latest_changes(store, the_site, {p.source.slug: p.key for p in plans})
    return render.site_pages(the_site, latest), render.front_page(the_site, latest, output)


def _briefing_pages(runner: _Runner, plans: list[_Plan], the_site: summaries.Site | None, keep: bool
                    ) -> tuple[dict[str, str], list[tuple[str, Briefing, overrides_stage.Rules]]]:
    links = summaries.links(the_site) if the_site else {}
    pages: dict[str, str] = {}
    kept = []
    for plan in plans:
        shared = {eid: f"../entities/{sid}.md" for eid, sid in links.get(plan.source.slug, {}).items()} \
            if the_site else None
        prefix = f"{plan.source.slug}/" if plan.source.slug else ""
        got = runner.pages(plan, shared, the_site.title if the_site else None)
        pages.update({prefix + rel: text for rel, text in (got or {}).items()})
        if keep and got is not None:
            kept.append((plan.source.label, plan.briefing, runner.rules(plan)))
        plan.briefing = None  # done with it: a site of many briefings holds only their pages
    return pages, kept


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
    """Seconds per stage, summed over briefings: wall time, and this process's CPU time (what the
    stage cost, whatever else the machine was doing; the parser processes' CPU is not in it)."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.last = time.perf_counter()
        self.last_cpu = time.process_time()

    def lap(self, name: str, seconds: float | None = None, cpu: float | None = None) -> None:
        now, now_cpu = time.perf_counter(), time.process_time()
        self.timings[name] = self.timings.get(name, 0.0) + (now - self.last if seconds is None else seconds)
        self.cpu[name] = self.cpu.get(name, 0.0) + (now_cpu - self.last_cpu if cpu is None else cpu)
        self.last, self.last_cpu = now, now_cpu

    def move(self, seconds: float, cpu: float, from_name: str, to_name: str) -> None:
        """Count time already counted in one stage in another instead."""
        self.timings[from_name] -= seconds
        self.cpu[from_name] -= cpu
        self.lap(to_name, seconds, cpu)


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
    failures: list[Diagnostic] = field(default_factory=list)  # a briefing left out: what failed, where
    stage: str = ""  # the stage running, for the message when it fails

    def run(self, todo: list[_Plan]) -> None:
        """sources -> nlp -> repair -> resolve -> facts for the briefings in `todo`, each result
        cached under its briefing's key. The articles of every briefing are handed to the parser
        at once, and each briefing's later stages run as soon as its articles are parsed, while
        the parser processes go on with the next briefings. A failure in one briefing leaves it
        out, in one article leaves that article out (`_parse`, `_analyse`)."""
        todo = [p for p in todo if self.isolated(p, "read", self._read, p) is not None]
        if not todo:
            return
        self.clock.lap("read")
        loaded_before = self.parser.load_seconds, self.parser.load_cpu
        for plan, mine in zip(todo, self._parse(todo)):
            self.clock.lap("nlp")  # waiting for the parser (or, in this process, parsing)
            if self._analyse(plan, mine):
                self.store.store(Entry, plan.key, "entry", plan.entry)
                self.store.store(Briefing, plan.key, "briefing", plan.briefing)
                self.rebuilt.append(plan.source.label)
            plan.articles = []
            self.clock.lap("cache")
        if self.parser.load_seconds != loaded_before[0]:  # report loading the model apart from running it
            self.clock.move(self.parser.load_seconds - loaded_before[0], self.parser.load_cpu - loaded_before[1],
                            "nlp", "load")

    def isolated(self, plan: _Plan | str, stage: str | None, call: Callable, *args):
        """`call(*args)`, or, when it raises, None and one error naming the briefing (`plan`, or a
        label for what is not one briefing) and the stage (None: the one `_stages` was in); that
        briefing is left out."""
        try:
            return call(*args)
        except ModelNotFound:
            raise  # a configuration error (exit 2), not one briefing's
        except Exception as exc:  # a bug met on one input: that input is left out, the rest builds
            label = plan.source.label if isinstance(plan, _Plan) else plan
            self.failures.append(Diagnostic("error", label, f"not built: {failure(stage or self.stage, exc)}; "
                                                            "everything else was built. Please report it with "
                                                            "this input"))
            if isinstance(plan, _Plan):
                plan.entry = plan.briefing = None
            return None

    def _parse(self, todo: list[_Plan]) -> Iterator[list[ParsedArticle]]:
        """Each briefing's parsed articles, as soon as they are parsed (Parser.stream: every article
        handed to the parser at once); when the parse fails, the briefings not yet handed out are
        parsed article by article, leaving out (with an error naming it) the ones that fail."""
        handed = 0
        try:
            for mine in self.parser.stream([readable(plan.articles) for plan in todo], self.progress):
                yield mine
                handed += 1
        except ModelNotFound:
            raise
        except Exception:  # some article broke the parse: find it
            for plan in todo[handed:]:
                yield self._parse_alone(plan)

    def _parse_alone(self, plan: _Plan) -> list[ParsedArticle]:
        mine, failed = [], []
        for article in readable(plan.articles):
            try:
                mine.append(self.parser.parse([article])[0])
            except ModelNotFound:
                raise
            except Exception as exc:
                plan.problems.append(_left_out(article, "nlp", exc))
                failed.append(article)
        plan.articles = [a for a in plan.articles if a not in failed]
        return mine

    def _analyse(self, plan: _Plan, mine: list[ParsedArticle]) -> bool:
        """repair -> resolve -> facts over the briefing's articles: `plan.briefing` and `plan.entry`.
        When a stage fails, the articles it fails on alone are left out (each an error) and the
        briefing is built without them; when none fails alone, the briefing is left out."""
        try:
            plan.briefing, plan.entry = self._stages(plan, mine)
            return True
        except Exception as exc:
            error, stage = exc, self.stage
        culprits = [pa for pa in mine if not self._succeeds(plan, [pa])] if len(mine) > 1 else []
        if not culprits or len(culprits) == len(mine):
            return self.isolated(plan, stage, _reraise, error) is not None
        plan.problems += [_left_out(pa.article, stage, error) for pa in culprits]
        mine = [pa for pa in mine if pa not in culprits]
        plan.articles = [a for a in plan.articles if all(a is not pa.article for pa in culprits)]
        done = self.isolated(plan, None, self._stages, plan, mine)
        if done is not None:
            plan.briefing, plan.entry = done
        return done is not None

    def _stages(self, plan: _Plan, mine: list[ParsedArticle]) -> tuple[Briefing, Entry]:
        found: list[Diagnostic] = []
        self.stage = "repair"
        ments = repair.mentions(mine)
        self.clock.lap("repair")
        self.stage = "resolve"
        entities, problems = resolve.resolve(mine, ments, plan.rules)
        found += problems
        self.clock.lap("resolve")
        self.stage = "facts"
        fact_rows, problems = facts_stage.stage(mine, entities, plan.rules)
        found += problems
        self.clock.lap("facts")
        self.stage = "summary"
        title = plan.meta.title or subject.subject(mine, entities) or plan.source.folder.name
        briefing = Briefing(title, tuple(plan.articles), tuple(entities), tuple(fact_rows))
        summary = summaries.summarize(briefing, plan.source.slug, plan.source.folder.name, plan.meta.date,
                                      render.glossary_layout(briefing)[1])
        return briefing, Entry(summary, tuple(plan.problems + found), self.parser.keys(pa.article for pa in mine))

    def _succeeds(self, plan: _Plan, mine: list[ParsedArticle]) -> bool:
        try:
            self._stages(plan, mine)
            return True
        except Exception:
            return False

    def _read(self, plan: _Plan) -> _Plan:
        src = plan.source
        plan.meta, plan.problems = layout.metadata(src)
        plan.articles, found = seeds.read_seeds(src.folder, plan.meta.articles, src.label,
                                                  self.settings.max_article_bytes)
        plan.articles = pubdate.infer(plan.articles)
        if src.slug:  # a briefing folder: its briefing.yml and overrides.yml are not articles
            reserved = {f"{src.label}/{name}" for name in layout.RESERVED_FILES}
            found = [p for p in found if p.file not in reserved]
        plan.problems += found
        plan.articles, found = language.flag(plan.articles, self.parser.language, self.parser.model_name)
        plan.problems += found
        for aid in sorted(set(plan.meta.articles) - {a.id for a in plan.articles}):
            plan.problems.append(Diagnostic("warning", plan.meta.file, f"`articles: {aid}:` names no article in "
                                                                       f"{src.label}/"))
        plan.rules, found = self._rules_of(src)
        plan.problems += found
        return plan

    def _rules_of(self, src: Source) -> tuple[overrides_stage.Rules, list[Diagnostic]]:
        own, found = overrides_stage.Rules(), []
        if src.overrides is not None:
            own, found = overrides_stage.load(src.overrides, f"{src.label}/{layout.OVERRIDES_FILE}")
        return overrides_stage.combine(self.site_rules, own), found

    def rules(self, plan: _Plan) -> overrides_stage.Rules:
        """The plan's override rules: as read, or read now (a briefing from the cache was never read)."""
        return plan.rules if plan.meta is not None else self._rules_of(plan.source)[0]

    def pages(self, plan: _Plan, shared: dict[str, str] | None, site: str | None) -> dict[str, str] | None:
        """The briefing's pages, rendered in every build from its result (just built or cached) and
        what it shows of the site (the links to entity pages across briefings, the site's title):
        rendered pages are never cached, since markup read back could not be checked (checks.py),
        so whatever the cache says reaches a page only through the escaping of render/. None when
        the briefing is left out (its stages or its pages failed: one error)."""
        if self.briefing(plan) is None:
            return None
        return self.isolated(plan, "render", render.pages, plan.briefing, shared, site, self.urls)

    def load_entry(self, plan: _Plan) -> Entry | None:
        """The briefing's cached entry, when it is its own (checks.summary); else None (run it)."""
        entry = self.store.load(Entry, plan.key, "entry")
        if entry is None or checks.summary(entry.summary, plan.source.slug, plan.source.folder.name) is not None:
            return None
        return entry

    def briefing(self, plan: _Plan) -> Briefing:
        """The plan's briefing: just built, or from the cache when it is the briefing of the files
        the key was made of (checks.briefing), or (missing, damaged or failing the checks) built again."""
        if plan.briefing is None:
            cached = self.store.load(Briefing, plan.key, "briefing")
            if cached is not None and checks.briefing(cached, plan.files, plan.source.label) is None:
                plan.briefing = cached
        if plan.briefing is None and plan.entry is not None:
            self.run([plan])
        return plan.briefing


def _left_out(article: Article, stage: str, exc: Exception) -> Diagnostic:
    return Diagnostic("error", article.file, f"left out: {failure(stage, exc)} on this article; the rest of its "
                                             "briefing was built. Please report it with this article")


def _reraise(exc: Exception):
    raise exc


def readable(articles: list[Article]) -> list[Article]:
    """The articles the pipeline reads: those in its language (the others are published as text)."""
    return [a for a in articles if a.language is None]


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


def _key(src: Source, common: list[bytes | str], max_bytes: int) -> tuple[str, dict[str, bytes]]:
    """The key of a briefing's result: the common inputs, where it is, the plugin's metadata for a
    flat seeds folder, and the names and contents of the files in its folder (layout.inputs); and
    those files (name -> bytes), which a cached result is checked against."""
    where = json.dumps([src.slug, src.label, src.title, src.articles], sort_keys=True, default=str,
                       ensure_ascii=False)
    inputs = layout.inputs(src, max_bytes)
    return results.key([*common, where, *(part for name, data in inputs for part in (name, data))]), dict(inputs)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
