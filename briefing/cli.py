"""`briefing build`: the same step the MkDocs plugin runs, writing Markdown into docs/."""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import click

from . import __version__, scaffold
from .build import Result, gather, missing_seeds, readable
from .config import Settings
from .facts import review as fact_review
from .model import Diagnostic, summarised
from .nlp.parser import ModelNotFound, Parser
from .plugin.settings import load_site_settings
from .reading import layout
from .reading.layout import RESERVED_FILES
from .store.output import create, folder_in, write
from .text import plural


def _report(problems: list[Diagnostic], quiet: bool) -> None:
    for p in summarised(problems):
        if p.level == "info" and quiet:
            continue
        click.echo(f"{p.level.upper():<8} - {p}", err=True)


def _some(briefings: list[str], shown: int = 10) -> str:
    """`3 briefings: a, b, c`, naming at most `shown` of them; `0 briefings` when the cache held all."""
    more = f" and {len(briefings) - shown} more" if len(briefings) > shown else ""
    names = f": {', '.join(briefings[:shown])}{more}" if briefings else " (all from the cache)"
    return f"{plural(len(briefings), 'briefing')}{names}"


@click.group()
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Annotated news briefings: articles in, a searchable MkDocs site out, entities linked and facts
    set against what the other outlets say."""


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="MkDocs config whose `briefing` plugin options to use.")
@click.option("-s", "--strict", is_flag=True, help="Fail (exit 1) on warnings as well as errors.")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), help="Override the seeds folder.")
@click.option("-q", "--quiet", is_flag=True, help="Only show warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Show the time each stage took and which briefings were re-run.")
def build(config_file: Path, strict: bool, seeds: Path | None, quiet: bool, verbose: bool) -> None:
    """Read the seeds folder and write the briefing's pages and briefing.json into docs/."""
    started = time.perf_counter()
    settings, docs_dir, problems, directory_urls = _settings(config_file, seeds, quiet)
    show_progress = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            click.echo(f"\r  parsing articles: {done}/{total}", nl=done == total, err=True)

    result = _gather(settings, config_file, progress=progress, directory_urls=directory_urls)
    problems += result.problems
    out_dir, refused = folder_in(docs_dir, settings.output)
    if refused is not None:
        _report(problems + [refused], quiet)
        sys.exit(2)
    shown = _shown(out_dir)
    counts, found = write(out_dir, result.pages, shown, root=docs_dir)
    problems += found
    _report(problems, quiet)
    if not quiet:
        click.echo(f"INFO     - briefing: {_summary(result)} -> {shown}/: {_counted(counts)} "
                   f"in {time.perf_counter() - started:.1f}s", err=True)
    if verbose:
        _debug(result)
    base = config_file.parent
    config_files = {config_file.resolve(), settings.path(base, "overrides")}
    code = exit_code(problems, strict, lambda p: _path(base, p.file) in config_files
                     or Path(p.file).name in RESERVED_FILES)  # a briefing folder's briefing.yml, overrides.yml
    if code == 1 and strict and not any(p.level == "error" for p in problems):
        click.echo(f"Aborted with {sum(p.level == 'warning' for p in problems)} warnings in strict mode!", err=True)
    sys.exit(code)


def _settings(config_file: Path, seeds: Path | None, quiet: bool) -> tuple[Settings, Path, list[Diagnostic], bool]:
    """The settings from mkdocs.yml (and --seeds), and its `use_directory_urls`; exit 2 on an error in them."""
    settings, docs_dir, problems, directory_urls = load_site_settings(config_file)
    if seeds is not None:
        settings = dataclasses.replace(settings, seeds=str(seeds.resolve()))
    if not any(p.level == "error" for p in problems):
        missing = missing_seeds(settings, config_file.parent, "--seeds" if seeds is not None else config_file.name)
        problems = [missing, *problems] if missing else problems  # first: it is why nothing is built
    if any(p.level == "error" for p in problems):
        _report(problems, quiet)
        sys.exit(2)
    return settings, docs_dir, problems, directory_urls


def _gather(settings: Settings, config_file: Path, **options) -> Result:
    """build.gather; exit 2 when the pipeline is not installed."""
    try:
        return gather(settings, config_file.parent, **options)
    except ModelNotFound as exc:
        click.echo(f"ERROR    - {exc}", err=True)
        sys.exit(2)


def _summary(result: Result) -> str:
    """`2 briefings (1 re-run), 9 articles, 120 entities, 40 facts (3 differ)`."""
    bs = result.briefings
    several = f"{len(bs)} briefings ({len(result.rebuilt)} re-run), " if result.several else ""
    return (f"{several}{sum(b.articles for b in bs)} articles, {sum(len(b.entities) for b in bs)} entities, "
            f"{sum(b.facts for b in bs)} facts ({sum(b.differ for b in bs)} differ)")


def _counted(counts: dict[str, int]) -> str:
    kept = f", {counts['kept']} kept" if counts["kept"] else ""
    return f"{counts['written']} written, {counts['unchanged']} unchanged, {counts['removed']} removed{kept}"


def _debug(result: Result) -> None:
    for stage, secs in result.timings.items():
        click.echo(f"DEBUG    - {stage:<8} {secs:7.3f}s {result.cpu.get(stage, 0.0):7.3f}s CPU", err=True)
    click.echo(f"DEBUG    - re-ran {_some(result.rebuilt)}", err=True)


def exit_code(problems: list[Diagnostic], strict: bool, in_config) -> int:
    """The README's exit codes: 2 an error in a configuration file (mkdocs.yml, overrides.yml, a
    briefing folder's briefing.yml or overrides.yml),
    1 any other error (an article skipped) or, with --strict, a warning; 0 built."""
    errors = [p for p in problems if p.level == "error"]
    if any(in_config(p) for p in errors):
        return 2
    return 1 if errors or (strict and any(p.level == "warning" for p in problems)) else 0


def _path(base: Path, file: str) -> Path | None:
    try:
        return (base / file).resolve()
    except (OSError, ValueError):
        return None


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@main.command()
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="MkDocs config whose `briefing` plugin options to use.")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), help="Override the seeds folder.")
@click.option("--explain", "explain_id", metavar="ID",
              help="For the fact row ID (its ¶ anchor): the claims compared, their scores, and why they were "
                   "paired or kept apart.")
def review(config_file: Path, seeds: Path | None, explain_id: str | None) -> None:
    """List the entity merges the tool was unsure about, the pairs it kept apart that may be one,
    the fact rows it is unsure of, the quotes whose speaker is doubtful and the dates that may be
    made from a name, each with the overrides.yml line that would settle it.
    Writes nothing."""
    from .entities import review as review_stage  # here: `briefing build` never needs it

    settings, _, _, _ = _settings(config_file, seeds, quiet=True)
    result = _gather(settings, config_file, keep=True)
    if explain_id is not None:
        _explain(settings, config_file, result, explain_id)
        return
    for label, briefing, rules in result.kept:  # one briefing, or each briefing folder under its name
        if result.several:
            click.echo(f"== {label}")
        click.echo(review_stage.report(review_stage.suggestions(briefing, rules)).rstrip("\n"))
        sources = {a.id: a.source or a.id for a in briefing.articles}
        lines = fact_review.all_lines(list(briefing.facts), list(briefing.entities), sources.__getitem__)
        click.echo("\n".join(["", *lines]) if lines else "No fact row the tool is unsure of, no doubtful quote "
                                                       "or date.")


def _explain(settings: Settings, config_file: Path, result: Result, fact_id: str) -> None:
    """`briefing review --explain ID`: the briefing holding the row, its articles parsed again
    (from the cache), the tool's own pairing traced (after the editor's rules by pattern, before
    those by fact id), so the rows are the briefing's."""
    found = [(label, b, rules) for label, b, rules in result.kept if any(f.id == fact_id for f in b.facts)]
    if not found:
        click.echo(f"ERROR    - no fact row `{fact_id}` in this site; fact ids are the rows' ¶ anchors "
                   "(also in briefing.json)", err=True)
        sys.exit(1)
    parser = Parser(settings.model, settings.path(config_file.parent, "cache_dir"), settings.processes)
    for label, briefing, rules in found:
        if result.several:
            click.echo(f"== {label}")
        parsed = parser.parse(readable(list(briefing.articles)))  # as the build parsed them
        click.echo("\n".join(fact_review.explain(parsed, list(briefing.entities), fact_id, rules).lines))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("-t", "--title", default=scaffold.DEFAULT_TITLE, show_default=True, help="The briefing's title.")
def new(directory: Path, title: str) -> None:
    """Create a new briefing project in DIRECTORY: mkdocs.yml, overrides.yml, docs/index.md and an
    empty seeds/ folder. Nothing that exists is replaced."""
    created, problems = scaffold.create(directory, title)
    if problems:
        _report(problems, quiet=False)
        click.echo("Aborted: nothing was written.", err=True)
        sys.exit(1)
    for rel in created:
        click.echo(f"INFO     - created {_shown(directory / rel)}", err=True)
    click.echo(f"INFO     - in {_shown(directory)}, add articles with `briefing add LINK…` (web pages) or put them "
               f"(*.txt, *.md) in {_shown(directory / 'seeds')}/, then run `mkdocs serve`", err=True)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--to", "to", type=click.Path(path_type=Path),
              help="Folder to write the articles into (default: the seeds folder mkdocs.yml names).")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="MkDocs config whose seeds folder to use when --to is not given.")
def add(sources: tuple[str, ...], to: Path | None, config_file: Path) -> None:
    """Add articles from web pages: each SOURCE a saved page (.html, .htm) or an http(s) link.
    Writes one Markdown article per source, with its title, outlet, date, author and address as
    front matter; never replaces a file. Exit 1 when a source could not be added."""
    from .reading import intake  # here: its web client is for this command only

    folder = to if to is not None else _seeds_folder(config_file)
    if folder.exists() and not folder.is_dir():
        _report([Diagnostic("error", _shown(folder), "not a folder: pass --to a folder for the articles")], False)
        sys.exit(2)
    failed = False
    for outcome in intake.prepare(list(sources), folder):
        if isinstance(outcome, Diagnostic):
            _report([outcome], quiet=False)
            failed |= outcome.level == "error"
            continue
        shown = _shown(folder / outcome.name)
        problem = create(folder / outcome.name, outcome.text, shown)
        if problem is not None:
            _report([problem], quiet=False)
            failed = True
            continue
        click.echo(f"INFO     - {intake.summary(outcome, shown)}", err=True)
        lacking = intake.missing(outcome)
        if lacking:
            _report([Diagnostic("warning", shown, lacking)], quiet=False)
    sys.exit(1 if failed else 0)


def _seeds_folder(config_file: Path) -> Path:
    """The seeds folder mkdocs.yml names (read as `briefing build` reads it); exit 2 when there is no
    usable mkdocs.yml, or when the folder holds briefing folders (then --to names one of them)."""
    settings, _, _, _ = _settings(config_file, None, quiet=True)
    seeds = settings.path(config_file.parent, "seeds")
    if layout.discover(seeds, _shown(seeds), settings.title, settings.articles)[1]:
        _report([Diagnostic("error", _shown(seeds), "holds a folder per briefing: pass --to with the briefing's "
                                                    f"folder, e.g. --to {_shown(seeds)}/my-briefing")], False)
        sys.exit(2)
    return seeds
