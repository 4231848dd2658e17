"""`briefing build`: the same step the MkDocs plugin runs, writing Markdown into docs/."""
from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import click

from . import __version__, scaffold
from .build import Result, gather, missing_seeds
from .config import Settings
from .entities import review as review_stage
from .model import Diagnostic
from .nlp.parser import ModelNotFound
from .plugin.settings import load_site_settings
from .reading.layout import RESERVED_FILES
from .store.output import folder_in, write

def _report(problems: list[Diagnostic], quiet: bool) -> None:
    for p in problems:
        if p.level == "info" and quiet:
            continue
        click.echo(f"{p.level.upper():<8} - {p}", err=True)


def _some(briefings: list[str], shown: int = 10) -> str:
    """`3 briefings: a, b, c`, naming at most `shown` of them; `0 briefings` when the cache held all."""
    more = f" and {len(briefings) - shown} more" if len(briefings) > shown else ""
    names = f": {', '.join(briefings[:shown])}{more}" if briefings else " (all from the cache)"
    return f"{len(briefings)} briefing{'' if len(briefings) == 1 else 's'}{names}"


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
        click.echo(f"DEBUG    - {stage:<8} {secs:7.3f}s", err=True)
    click.echo(f"DEBUG    - re-ran {_some(result.rebuilt)}", err=True)
    click.echo(f"DEBUG    - rendered {_some(result.rendered)}", err=True)


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
def review(config_file: Path, seeds: Path | None) -> None:
    """List the entity merges the tool was unsure about and the pairs it kept apart that may be
    one, each with the overrides.yml line that would settle it. Writes nothing."""
    settings, _, _, _ = _settings(config_file, seeds, quiet=True)
    result = _gather(settings, config_file, keep=True)
    for label, briefing in result.kept:  # one briefing, or each briefing folder under its name
        if result.several:
            click.echo(f"== {label}")
        click.echo(review_stage.report(review_stage.suggestions(briefing)).rstrip("\n"))


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
    click.echo(f"INFO     - put articles (*.txt, *.md) in {_shown(directory / 'seeds')}/, then run "
               f"`mkdocs serve` in {_shown(directory)}", err=True)
