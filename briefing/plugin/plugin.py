"""The only module that imports MkDocs: the `briefing` plugin routes MkDocs events to the core.

Generated pages are added as virtual files (`File.generated`), so the plugin never writes into
docs/ and `mkdocs serve` does not rebuild in a loop; the seeds folder and overrides file are
watched instead. Copies that `briefing build` wrote into the same folder are left out of the
site (on_files), so the site always shows exactly the current seeds.
"""
from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..store import output
from ..build import gather
from ..config import Settings, option_type, settings_from
from ..model import Diagnostic
from ..nlp.parser import ModelNotFound, Parser
from ..render.site import nav as site_nav
from ..text import shorten

log = get_plugin_logger(__name__)
# Markdown extensions the generated pages rely on: attr_list for the ids and classes of paragraphs
# and entity links, md_in_html for fact tables folded in <details>; MkDocs always loads toc, tables.
NEEDED_EXTENSIONS = ("attr_list", "md_in_html")


def _option(f):
    default = f.default_factory() if callable(f.default_factory) else f.default
    return c.Type(option_type(f.name), default=default)


# One MkDocs option per Settings field: the options are declared once, in config.py.
BriefingConfig = type("BriefingConfig", (base.Config,), {f.name: _option(f) for f in fields(Settings)})


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self._parser: Parser | None = None
        self._nav: list[str] = []  # a site of several briefings: its pages the nav lists, in order

    def load_config(self, options, config_file_path=None):
        """MkDocs hands over the plugin's options from mkdocs.yml: they are checked by
        config.settings_from, the check `briefing build` runs too (through load_settings), so an
        unknown option or a bad value is an error under both, with the same message."""
        where = Path(config_file_path).name if config_file_path else "mkdocs.yml"
        settings, problems = settings_from(options, where)
        errors = [p.message for p in problems if p.level == "error"]
        if errors:
            raise base.ValidationError("\n".join(errors))
        self.config = self.config_class(config_file_path=config_file_path)
        self.config.load_dict({f.name: getattr(settings, f.name) for f in fields(Settings)})  # checked, defaults filled
        return [], [p.message for p in problems if p.level == "warning"]

    def _settings(self) -> Settings:
        return Settings(**{f.name: self.config[f.name] for f in fields(Settings)})

    def on_config(self, config):
        if not self.config.enabled:
            return config
        if len(_instances(config)) > 1:
            raise PluginError(f"the briefing plugin is listed {len(_instances(config))} times in mkdocs.yml; "
                              "keep one entry")
        for ext in NEEDED_EXTENSIONS:  # the pages' markup needs them; a mkdocs.yml may not list them
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        out = self.config.output.strip("/")
        for attr, name in (("extra_css", "briefing.css"), ("extra_javascript", "briefing.js")):
            path = f"{out}/{name}"
            if path not in [str(x) for x in config[attr]]:
                config[attr].append(path)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        """The plugin owns the generated folder: files that `briefing build` wrote there and nobody
        changed since (output.generated) leave the site, current or stale, and the fresh pages are
        added as virtual files. Any other file there is the user's and stays; one at a generated
        path is a warning, and that generated page is not published."""
        if not self.config.enabled:
            return files
        settings = self._settings()
        base_dir = Path(config.config_file_path or ".").parent
        docs_dir = Path(config.docs_dir)
        folder, problem = output.folder_in(docs_dir, settings.output)
        if folder is None:
            raise PluginError(str(problem))
        if self._parser is None or self._parser.model_name != settings.model:
            self._parser = Parser(settings.model, settings.path(base_dir, "cache_dir"), settings.processes)
        try:
            result = gather(settings, base_dir, self._parser)
        except ModelNotFound as exc:
            raise PluginError(str(exc)) from exc
        for problem in result.problems:
            _log(problem)
        out = folder.relative_to(docs_dir).as_posix()
        label = _shown(folder, base_dir)
        own, found = output.generated(folder, label)
        for problem in found:
            _log(problem)
        for file in list(files):
            if file.src_uri.startswith(f"{out}/") and file.src_uri[len(out) + 1:] in own:
                files.remove(file)  # written by `briefing build`, unchanged: the fresh page replaces it
        self._nav = site_nav(result.pages) if result.several else []
        for rel, text in sorted(result.pages.items()):
            uri = f"{out}/{rel}"
            if files.get_file_from_path(uri) is not None:
                _log(Diagnostic("warning", f"{label}/{rel}", "kept: this file was not written by `briefing build` "
                                                             "(or was edited since), so the page briefing generates "
                                                             "here is not published; move or delete the file to "
                                                             "publish it"))
                continue
            inclusion = InclusionLevel.UNDEFINED
            if result.several and rel not in self._nav:
                inclusion = InclusionLevel.NOT_IN_NAV  # built and searchable, reached from the site's pages
            files.append(File.generated(config, uri, content=text, inclusion=inclusion))
        bs = result.briefings
        log.info(f"{len(bs)} briefings, " * result.several + f"{sum(b.articles for b in bs)} articles, "
                 f"{sum(len(b.entities) for b in bs)} entities, {sum(b.facts for b in bs)} facts")
        return files

    def on_nav(self, nav, *, config, files):
        """mkdocs-material repeats the whole nav on every page, so generated pages that grow in number
        with the briefing leave it: article pages past `nav_articles` (they stay linked from the
        briefing's home page) and the per-letter pages of a split glossary (linked from its index)."""
        if not self.config.enabled:
            return nav
        out = self.config.output.strip("/")
        if self._nav:
            return _site_nav(nav, out, self._nav)
        for item in list(_walk(nav.items)):
            children = getattr(item, "children", None)
            if not children:
                continue
            uris = [getattr(getattr(c, "file", None), "src_uri", "") for c in children]
            if all(u.startswith(f"{out}/articles/") for u in uris) and len(children) > self.config.nav_articles:
                (item.parent.children if item.parent else nav.items).remove(item)
            elif all(u.startswith(f"{out}/glossary/") for u in uris):
                item.children = [c for c in children if c.file.src_uri == f"{out}/glossary/index.md"]
        return nav

    def on_serve(self, server, *, config, builder):
        if not self.config.enabled:
            return server
        settings = self._settings()
        base_dir = Path(config.config_file_path or ".").parent
        for name in ("seeds", "overrides"):
            path = settings.path(base_dir, name)
            if path.exists():
                server.watch(str(path))
        return server


def _site_nav(nav, out: str, listed: list[str]):
    """The output folder's section holds the site pages `listed` (render.site.nav), in that order;
    every other page of the site is built and searchable but reached by links, not the nav."""
    pages = {getattr(getattr(item, "file", None), "src_uri", None): item for item in _walk(nav.items)}
    home = pages.get(f"{out}/{listed[0]}")
    section = next((item for item in _walk(nav.items) if getattr(item, "children", None) and
                    any(home is c for c in item.children)), None)
    if section is None:
        return nav
    section.children = [pages[f"{out}/{rel}"] for rel in listed if f"{out}/{rel}" in pages]
    for child in section.children:
        child.parent = section
    nav.pages = [item for item in _walk(nav.items) if getattr(item, "is_page", False)]
    for before, page, after in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None]):
        page.previous_page, page.next_page = before, after
    return nav


def load_settings(config_file: Path) -> tuple[Settings, Path, list[Diagnostic]]:
    """(settings, docs_dir, problems) for `briefing build`: mkdocs.yml read and validated by MkDocs
    itself (`!ENV`, `INHERIT`, every option, the briefing plugin's through its load_config), so
    the command and `mkdocs build` see the same options from one file."""
    name = config_file.name
    config = MkDocsConfig(config_file_path=os.path.abspath(config_file))
    try:
        with open(config_file, "rb") as fd:
            config.load_file(fd)
    except FileNotFoundError:
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", str(config_file), "config file not found; pass -f/--config-file")]
    except ValueError as exc:  # YAML reads an unquoted `date: 2015-02-30` as a date and fails
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", name, f"cannot read it: {shorten(str(exc), 400)}; write dates as quoted text, "
                                      'e.g. date: "2015-02-28"')]
    except (OSError, ConfigurationError) as exc:
        return Settings(), config_file.parent / "docs", [
            Diagnostic("error", name, f"cannot read it: {shorten(str(exc), 400)}")]
    errors, warnings = config.validate()
    problems = [Diagnostic("error", name, f"`{key}`: {shorten(str(err), 2000)}") for key, err in errors]
    problems += [Diagnostic("warning", name, f"`{key}`: {shorten(str(msg), 2000)}") for key, msg in warnings]
    if errors:
        return Settings(), config_file.parent / "docs", problems
    instances = _instances(config)
    if not instances:
        problems.append(Diagnostic("info", name, "no `briefing` plugin listed; using default options"))
        return Settings(), Path(config.docs_dir), problems
    if len(instances) > 1:
        problems.append(Diagnostic("error", name, f"the briefing plugin is listed {len(instances)} times; keep one"))
    return instances[0]._settings(), Path(config.docs_dir), problems


def _instances(config) -> list[BriefingPlugin]:
    return [p for p in config.plugins.values() if isinstance(p, BriefingPlugin)]


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def _shown(path: Path, base: Path) -> str:
    """A path as messages show it: relative to mkdocs.yml where it can be."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _log(problem: Diagnostic) -> None:
    {"error": log.error, "warning": log.warning, "info": log.info}[problem.level](str(problem))
