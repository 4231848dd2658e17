"""Settings for `briefing build` and `briefing review`: mkdocs.yml read through MkDocs' own loader,
without importing the plugin module (MkDocs loads the plugin through its entry point)."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from ..config import Settings
from ..model import Diagnostic
from ..text import shorten
from .config import instances, settings_of


def load_settings(config_file: Path) -> tuple[Settings, Path, list[Diagnostic]]:
    """(settings, docs_dir, problems) for `briefing build`: mkdocs.yml read and validated by MkDocs
    itself (`!ENV`, `INHERIT`, every option, the briefing plugin's through its load_config), so
    the command and `mkdocs build` see the same options from one file."""
    return load_site_settings(config_file)[:3]


def load_site_settings(config_file: Path) -> tuple[Settings, Path, list[Diagnostic], bool]:
    """load_settings, and MkDocs' `use_directory_urls` (the pages' addresses, for the links the
    tool writes as HTML: render/links.py)."""
    settings, docs_dir, problems, config = _load(config_file)
    return settings, docs_dir, problems, bool(config.use_directory_urls) if config is not None else True


def _load(config_file: Path) -> tuple[Settings, Path, list[Diagnostic], MkDocsConfig | None]:
    name = config_file.name
    config = MkDocsConfig(config_file_path=os.path.abspath(config_file))
    try:
        with open(config_file, "rb") as fd:
            config.load_file(fd)
    except FileNotFoundError:
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", str(config_file), "config file not found; pass -f/--config-file")], None
    except ValueError as exc:  # YAML reads an unquoted `date: 2015-02-30` as a date and fails
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", name, f"cannot read it: {shorten(str(exc), 400)}; write dates as quoted text, "
                                      'e.g. date: "2015-02-28"')], None
    except (OSError, ConfigurationError) as exc:
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", name, f"cannot read it: {shorten(str(exc), 400)}")], None
    errors, warnings = config.validate()
    problems = [Diagnostic("error", name, f"`{key}`: {shorten(str(err), 2000)}") for key, err in errors]
    problems += [Diagnostic("warning", name, f"`{key}`: {shorten(str(msg), 2000)}") for key, msg in warnings]
    if errors:
        return Settings(), config_file.parent / "docs", problems, None
    found = instances(config)
    if not found:
        problems.append(Diagnostic("info", name, "no `briefing` plugin listed; using default options"))
        return Settings(), Path(config.docs_dir), problems, config
    if len(found) > 1:
        problems.append(Diagnostic("error", name, f"the briefing plugin is listed {len(found)} times; keep one"))
    return settings_of(found[0].config), Path(config.docs_dir), problems, config
