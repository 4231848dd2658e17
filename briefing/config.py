"""The briefing's settings: one typed, documented option each.

The MkDocs plugin (`plugins: - briefing: {...}` in mkdocs.yml) and the `briefing build`
command read the same options; plugin/config.py turns each field into a MkDocs config option.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .reading import metadata
from .model import Diagnostic
from .nlp.parser import DEFAULT_MODEL
from .text import shorten


@dataclass(frozen=True)
class Settings:
    seeds: str = field(default="seeds", metadata={
        "doc": "Folder of the articles (*.txt, *.md), relative to mkdocs.yml."})
    output: str = field(default="briefing", metadata={
        "doc": "Folder under docs_dir that the tool owns and writes its pages into."})
    title: str = field(default="Briefing", metadata={"doc": "The briefing's own title."})
    model: str = field(default=DEFAULT_MODEL, metadata={
        "doc": "Name of an installed spaCy pipeline (pip package), e.g. en_core_web_md."})
    articles: dict = field(default_factory=dict, metadata={
        "doc": "Metadata for articles without front matter, keyed by file name without extension: "
               "{source, date, url, author, title}."})
    overrides: str = field(default="overrides.yml", metadata={
        "doc": "Editorial overrides file (YAML), relative to mkdocs.yml; optional."})
    cache_dir: str = field(default=".cache/briefing", metadata={
        "doc": "Folder for cached parses and briefing results, relative to mkdocs.yml; safe to delete."})
    cache_max_mb: int = field(default=500, metadata={
        "doc": "Past this size (MB) the cache drops the parses and briefing results nothing current uses, "
               "oldest first.",
        "min": 0})
    processes: int = field(default=0, metadata={
        "doc": "NLP worker processes; 0 picks 1 or 2 by the amount of text.", "min": 0})
    max_article_bytes: int = field(default=2_000_000, metadata={
        "doc": "Larger article files are skipped with an error.", "min": 1})
    nav_articles: int = field(default=50, metadata={
        "doc": "With more articles than this, article pages are left out of the site nav (linked from "
               "the briefing's home page), so each page's size does not grow with the briefing.", "min": 0})
    enabled: bool = field(default=True, metadata={"doc": "Set to false to build the site without the briefing."})

    def path(self, base: Path, name: str) -> Path:
        return (base / getattr(self, name)).resolve()


OPTIONS = {f.name: f for f in fields(Settings)}


def option_type(name: str) -> type:
    """The Python type of an option (annotations are strings under `from __future__`)."""
    return {"str": str, "int": int, "bool": bool, "dict": dict}[str(OPTIONS[name].type)]


def settings_from(values: dict[str, Any], where: str) -> tuple[Settings, list[Diagnostic]]:
    """Validate plain option values (from mkdocs.yml) into Settings; unknown keys are problems.
    The plugin runs this when MkDocs loads its options, and `briefing build` reads mkdocs.yml
    through MkDocs (plugin.load_settings), so both see and check the same options."""
    problems = []
    kwargs = {}
    for key, value in values.items():
        f = OPTIONS.get(key)
        if f is None:
            near = difflib.get_close_matches(shorten(str(key), 40), OPTIONS, n=1)
            hint = f"did you mean `{near[0]}`? " if near else ""
            problems.append(Diagnostic("error", where, f"unknown option `{shorten(str(key), 40)}` for the "
                                                       f"briefing plugin; {hint}known: {', '.join(OPTIONS)}"))
            continue
        expected = option_type(key)
        if value is None and expected is dict:
            value = {}
        if value is None:
            problems.append(Diagnostic("error", where, f"option `{key}` has no value (an unset `!ENV` variable?); "
                                                       f"give one, or remove the line to use the default"))
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            problems.append(Diagnostic("error", where, f"option `{key}` must be {f.type}, got {shorten(repr(value) if isinstance(value, str) else value)}"))
            continue
        if expected is int and value < f.metadata.get("min", value):
            problems.append(Diagnostic("error", where, f"option `{key}` must be at least {f.metadata['min']}, "
                                                       f"got {value}"))
            continue
        kwargs[key] = value
    if "articles" in kwargs:  # each article's metadata checked like front matter (metadata.py)
        articles = {}
        for aid, meta in kwargs["articles"].items():
            articles[str(aid)], found = metadata.check(meta, where, f"`articles: {shorten(aid, 40)}:` ",
                                                       "fix it in the plugin's options")
            problems += found
        kwargs["articles"] = articles
    return Settings(**kwargs), problems
