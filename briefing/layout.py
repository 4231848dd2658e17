"""Which briefings the seeds folder holds.

`seeds/` holds either article files (one briefing, written at the root of the output folder) or
subfolders, one per briefing (each written under `<output>/<slug>/`). A subfolder may hold
`briefing.yml` (title, date, per-article metadata) and its own `overrides.yml`. Loose article
files beside briefing folders are reported and not built.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from .model import Diagnostic
from .sources import META_KEYS, SUFFIXES

BRIEFING_FILE = "briefing.yml"
OVERRIDES_FILE = "overrides.yml"
RESERVED_FILES = (BRIEFING_FILE, OVERRIDES_FILE)  # files in a briefing folder that are not articles
RESERVED_SLUGS = frozenset({"entities", "months", "index", "articles", "glossary"})  # site page folders
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Source:
    """One briefing to build: where its files are. Its folder's briefing.yml is read only when the
    briefing is built (`metadata`); a rebuild that finds its result in the cache never reads it."""

    slug: str  # folder under the output folder; "" for the single briefing of a flat seeds folder
    folder: Path
    label: str  # the folder as shown in messages, e.g. "seeds/syria-talks"
    title: str | None = None  # the plugin's `title`, for the briefing of a flat seeds folder
    articles: dict = field(default_factory=dict)  # the plugin's `articles:`, for a flat seeds folder

    @property
    def overrides(self) -> Path | None:
        """The briefing's own overrides.yml (a briefing folder's only)."""
        own = self.folder / OVERRIDES_FILE
        return own if self.slug and own.is_file() else None


@dataclass(frozen=True)
class Metadata:
    title: str
    date: str | None  # YYYY-MM-DD
    articles: dict  # per-article metadata, by file name without extension
    file: str  # where it was written, for messages: mkdocs.yml or the folder's briefing.yml


def discover(seeds: Path, label: str, title: str, articles: dict) -> tuple[list[Source], bool, list[Diagnostic]]:
    """(briefings, whether the seeds folder is a site of several, problems). `title` and `articles`
    are the plugin options; they belong to the single briefing of a flat seeds folder."""
    subfolders = sorted(p for p in seeds.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if seeds.is_dir() else []
    folders = [p for p in subfolders if _is_briefing(p)]
    if not folders:
        return [Source("", seeds, label, title, dict(articles))], False, []
    problems: list[Diagnostic] = [Diagnostic("info", f"{label}/{p.name}", "ignored: a folder without articles "
                                                                          f"(*.txt, *.md) or {BRIEFING_FILE}")
                                  for p in subfolders if p not in folders]
    loose = sorted(p.name for p in seeds.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if loose:
        problems.append(Diagnostic("warning", label, f"not built: {', '.join(loose)} (article files beside briefing "
                                                     "folders); move each into the folder of its briefing"))
    if articles:
        problems.append(Diagnostic("warning", "mkdocs.yml", "`articles:` is not used when seeds/ holds briefing folders; "
                                                            f"move the entries into each folder's {BRIEFING_FILE}"))
    sources = []
    slugs = _slugs([p.name for p in folders])
    for folder in folders:
        slug, clash = slugs[folder.name]
        if clash:
            problems.append(Diagnostic("warning", f"{label}/{folder.name}",
                                       f"its address would be the same as {clash}; published as {slug}/: "
                                       "rename the folder to keep a readable address"))
        sources.append(Source(slug, folder, f"{label}/{folder.name}"))
    return sources, True, problems


def metadata(src: Source) -> tuple[Metadata, list[Diagnostic]]:
    """The briefing's title, date and per-article metadata: the plugin's options for a flat seeds
    folder, else the folder's briefing.yml (title defaults to the folder's name)."""
    if not src.slug:
        return Metadata(src.title or "Briefing", None, src.articles, "mkdocs.yml"), []
    label = f"{src.label}/{BRIEFING_FILE}"
    meta, problems = read_briefing_file(src.folder / BRIEFING_FILE, label)
    return Metadata(meta.get("title") or src.folder.name, meta.get("date"), meta.get("articles") or {}, label), problems


def _slugs(names: list[str]) -> dict[str, tuple[str, str | None]]:
    """Folder name -> (slug, what it clashed with). A slug depends on the folder's name only, unless
    two names give one slug: then a folder named exactly as the slug keeps it and the other gets a
    suffix from a hash of its name, so adding a folder never moves another folder's pages."""
    out: dict[str, tuple[str, str | None]] = {}
    used: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n != slugify(n), n)):
        slug = slugify(name) or "briefing"
        clash = f"folder {used[slug]!r}'s" if slug in used else "a page of the site" if slug in RESERVED_SLUGS else None
        if clash:
            slug = f"{slug}-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
        used[slug] = name
        out[name] = (slug, clash)
    return out


def _is_briefing(folder: Path) -> bool:
    return any(p.suffix.lower() in SUFFIXES or p.name == BRIEFING_FILE for p in folder.iterdir() if p.is_file())


def read_briefing_file(path: Path, label: str) -> tuple[dict, list[Diagnostic]]:
    """`briefing.yml`: {title, date, articles}. A bad file is reported and the briefing still builds
    without the part that was wrong."""
    if not path.is_file():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [Diagnostic("error", label, f"not read ({exc}); fix the YAML (keys: title, date, articles)")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Diagnostic("error", label, "not read: expected `key: value` lines (title, date, articles)")]
    problems = []
    out: dict = {}
    for key in sorted(set(map(str, data)) - {"title", "date", "articles"}):
        problems.append(Diagnostic("warning", label, f"unknown key `{key}` ignored; known: title, date, articles"))
    title = data.get("title")
    if title is not None:
        if isinstance(title, (str, int, float)):
            out["title"] = str(title).strip() or None
        else:
            problems.append(Diagnostic("warning", label, "`title` should be text; ignored"))
    date = data.get("date")
    if date is not None:
        text = date.isoformat() if hasattr(date, "isoformat") else str(date)
        if ISO_DATE.match(text):
            out["date"] = text
        else:
            problems.append(Diagnostic("warning", label, f"`date: {text}` ignored: write it as YYYY-MM-DD"))
    arts = data.get("articles")
    if arts is not None:
        if isinstance(arts, dict):
            good = {}
            for aid, meta in arts.items():
                if isinstance(meta, dict) and not set(map(str, meta)) - set(META_KEYS):
                    good[str(aid)] = meta
                else:
                    problems.append(Diagnostic("warning", label, f"`articles: {aid}:` ignored: it must map some "
                                                                 f"of {', '.join(META_KEYS)} to values"))
            out["articles"] = good
        else:
            problems.append(Diagnostic("warning", label, "`articles:` ignored: map each article's file name "
                                                         f"(without extension) to some of {', '.join(META_KEYS)}"))
    return out, problems
