"""The `briefing` plugin: routes MkDocs events to the build (its options: config.py; reading
mkdocs.yml for the CLI: settings.py).

Generated pages are added as virtual files (`File.generated`), so the plugin never writes into
docs/ and `mkdocs serve` does not rebuild in a loop; the seeds folder and overrides file are
watched instead. Copies that `briefing build` wrote into the same folder are left out of the
site (on_files), so the site always shows exactly the current seeds.
"""
from __future__ import annotations

import threading
from dataclasses import fields
from pathlib import Path

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..store import output
from ..build import gather, missing_seeds
from ..config import Settings, settings_from
from ..model import Diagnostic, summarised
from ..nlp.parser import ModelNotFound, Parser
from ..render import blocks
from ..render.site import nav as site_nav
from .config import BriefingConfig, instances, settings_of
from .nav import site_nav_section, trim_briefing_nav

log = get_plugin_logger(__name__)
# Markdown extensions the generated pages rely on: attr_list for the ids of headings, md_in_html
# for the Markdown links of the way back (context.crumbs); MkDocs always loads toc, tables.
NEEDED_EXTENSIONS = ("attr_list", "md_in_html")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self._parser: Parser | None = None
        self._nav: list[str] = []  # a site of several briefings: its pages the nav lists, in order
        self._generated: set[str] = set()  # the pages this build added (src_uri)
        self._aside: dict[str, list[str]] = {}  # a page's HTML blocks while MkDocs converts it

    def on_startup(self, *, command, dirty):
        """Present, so MkDocs keeps this plugin object across the rebuilds of one `mkdocs serve`:
        the pipeline (`self._parser`, loaded on the first build) stays loaded, and the world-knowledge
        tables stay in this process's memory, so an edit costs its briefing's stages and MkDocs'
        build, not a second of loading."""

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
        return settings_of(self.config)

    def on_config(self, config):
        self._nav = []  # per build: MkDocs keeps this object across builds in one process (on_startup)
        self._generated, self._aside = set(), {}
        if not self.config.enabled:
            return config
        if len(instances(config)) > 1:
            raise PluginError(f"the briefing plugin is listed {len(instances(config))} times in mkdocs.yml; "
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
        missing = missing_seeds(settings, base_dir, Path(config.config_file_path or "mkdocs.yml").name)
        if missing is not None:  # a typo in `seeds:`: one error, and no empty briefing
            raise PluginError(str(missing))
        wanted = (settings.model, settings.path(base_dir, "cache_dir"), settings.processes)
        if self._parser is None or (self._parser.model_name, self._parser.cache_dir, self._parser.processes) != wanted:
            self._parser = Parser(*wanted)  # kept across the rebuilds of one serve (on_startup)
        loaded = self._parser.loaded
        try:
            result = gather(settings, base_dir, self._parser, directory_urls=config.use_directory_urls)
        except ModelNotFound as exc:
            raise PluginError(str(exc)) from exc
        if self._parser.loaded and not loaded:
            _announce(self._parser)
        for problem in summarised(result.problems):
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
            self._generated.add(uri)
        if result.home is not None and _front_page(files, config, result.home, out):
            self._generated.add("index.md")
        bs = result.briefings
        log.info(f"{len(bs)} briefings, " * result.several + f"{sum(b.articles for b in bs)} articles, "
                 f"{sum(len(b.entities) for b in bs)} entities, {sum(b.facts for b in bs)} facts")
        return files

    @event_priority(-100)  # last: another plugin's changes to the page's Markdown are kept
    def on_page_markdown(self, markdown, *, page, config, files):
        """A generated page goes to Python-Markdown without the HTML blocks it would pass through
        unchanged (render/blocks.py): parsing their every tag was a quarter of the build."""
        if page.file.src_uri not in self._generated:
            return markdown
        markdown, self._aside[page.file.src_uri] = blocks.set_aside(markdown)
        return markdown

    @event_priority(100)  # first: the search plugin and the theme read the whole page
    def on_page_content(self, html, *, page, config, files):
        aside = self._aside.pop(page.file.src_uri, None)
        if not aside:
            return html
        page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.ids(aside)  # for anchor validation
        try:
            return blocks.put_back(html, aside)
        except blocks.BlocksLost as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from exc

    def on_nav(self, nav, *, config, files):
        """mkdocs-material repeats the whole nav on every page, so generated pages that grow in number
        with the briefing leave it: article pages past `nav_articles` (they stay linked from the
        briefing's home page) and the per-letter pages of a split glossary (linked from its index)."""
        if not self.config.enabled:
            return nav
        out = self.config.output.strip("/")
        if self._nav:
            return site_nav_section(nav, out, self._nav)
        return trim_briefing_nav(nav, out, self.config.nav_articles)

    def on_serve(self, server, *, config, builder):
        if not self.config.enabled:
            return server
        settings = self._settings()
        base_dir = Path(config.config_file_path or ".").parent
        for name in ("seeds", "overrides"):
            path = settings.path(base_dir, name)
            if path.exists():
                server.watch(str(path))
        if self._parser is not None and not self._parser.loaded:  # the first edit need not wait for it
            threading.Thread(target=_warm, args=(self._parser,), daemon=True).start()
        return server


def _warm(parser: Parser) -> None:
    try:
        parser.nlp
    except ModelNotFound:
        return  # the next build that needs it says so
    _announce(parser)


def _announce(parser: Parser) -> None:
    log.info(f"pipeline {parser.model_name} loaded in {parser.load_seconds:.1f} s; kept for the next rebuilds")


def _front_page(files: Files, config, home: str, out: str) -> bool:
    """A site of several briefings opens on its front page (the output folder's home, with links
    into that folder), unless docs/ has an index.md of its own: that one is the site's home page,
    and the front page stays at `<out>/index.md`. Whether it was added."""
    if files.get_file_from_path("index.md") is not None:
        log.info(f"docs/index.md is the site's own home page; the front page of its briefings is {out}/index.md "
                 "(delete docs/index.md to open the site on it)")
        return False
    files.append(File.generated(config, "index.md", content=home, inclusion=InclusionLevel.NOT_IN_NAV))
    return True


def _shown(path: Path, base: Path) -> str:
    """A path as messages show it: relative to mkdocs.yml where it can be."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _log(problem: Diagnostic) -> None:
    {"error": log.error, "warning": log.warning, "info": log.info}[problem.level](str(problem))
