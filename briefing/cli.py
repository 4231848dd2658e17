"""`briefing build`: the same step the MkDocs plugin runs, writing Markdown into docs/."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click
import yaml

from . import __version__
from .build import gather
from .config import settings_from
from .model import Diagnostic
from .nlp import ModelNotFound
from .output import write


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/name:` or `!ENV` tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> tuple[dict, Path, list[Diagnostic]]:
    """(briefing plugin options, docs_dir, problems) from an mkdocs.yml."""
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        return {}, path.parent / "docs", [Diagnostic("error", str(path), "config file not found; pass -f/--config-file")]
    except (OSError, yaml.YAMLError) as exc:
        return {}, path.parent / "docs", [Diagnostic("error", name, f"cannot read it: {exc}")]
    docs_dir = path.parent / str(data.get("docs_dir") or "docs")
    options: dict | None = None
    for item in data.get("plugins") or []:
        if item == "briefing":
            options = {}
        elif isinstance(item, dict) and "briefing" in item:
            options = item["briefing"] or {}
    if isinstance(data.get("plugins"), dict) and "briefing" in data["plugins"]:
        options = data["plugins"]["briefing"] or {}
    problems = []
    if options is None:
        problems.append(Diagnostic("info", name, "no `briefing` plugin listed; using default options"))
        options = {}
    return options, docs_dir, problems


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
    """Annotated news briefings: articles in, an entity-linked, fact-checked MkDocs site out."""


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
    options, docs_dir, problems = read_mkdocs_yml(config_file)
    if seeds is not None:
        options = {**options, "seeds": str(seeds.resolve())}
    settings, found = settings_from(options, config_file.name)
    problems += found
    if any(p.level == "error" for p in problems):
        _report(problems, quiet)
        sys.exit(2)
    show_progress = not quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            click.echo(f"\r  parsing articles: {done}/{total}", nl=done == total, err=True)

    try:
        result = gather(settings, config_file.parent, progress=progress)
    except ModelNotFound as exc:
        click.echo(f"ERROR    - {exc}", err=True)
        sys.exit(2)
    problems += result.problems
    out_dir = docs_dir / settings.output
    counts, found = write(out_dir, result.pages, out_dir.as_posix())
    problems += found
    _report(problems, quiet)
    errors = sum(p.level == "error" for p in problems)
    warnings = sum(p.level == "warning" for p in problems)
    if not quiet:
        bs = result.briefings
        several = f"{len(bs)} briefings ({len(result.rebuilt)} re-run), " if result.several else ""
        click.echo(f"INFO     - briefing: {several}{sum(b.articles for b in bs)} articles, "
                   f"{sum(len(b.entities) for b in bs)} entities, {sum(b.facts for b in bs)} facts "
                   f"({sum(b.differ for b in bs)} differ) -> {out_dir.as_posix()}/: "
                   f"{counts['written']} written, {counts['unchanged']} unchanged, {counts['removed']} removed"
                   f"{', ' + str(counts['kept']) + ' kept' if counts['kept'] else ''} "
                   f"in {time.perf_counter() - started:.1f}s", err=True)
    if verbose:
        for stage, secs in result.timings.items():
            click.echo(f"DEBUG    - {stage:<8} {secs:7.3f}s", err=True)
        click.echo(f"DEBUG    - re-ran {_some(result.rebuilt)}", err=True)
        click.echo(f"DEBUG    - rendered {_some(result.rendered)}", err=True)
    if errors or (strict and warnings):
        if strict and warnings and not errors:
            click.echo(f"Aborted with {warnings} warnings in strict mode!", err=True)
        sys.exit(1)
