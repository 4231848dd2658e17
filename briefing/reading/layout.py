"""Which briefings the seeds folder holds.

`seeds/` holds either article files (one briefing, written at the root of the output folder) or
subfolders, one per briefing (each written under `<output>/<slug>/`). A subfolder may hold
`briefing.yml` (title, date, per-article metadata) and its own `overrides.yml`. Loose article
files beside briefing folders are reported and not built.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from . import files, safeyaml
from .metadata import KEYS as META_KEYS
from .metadata import check as metadata_check
from ..model import Diagnostic
from .seeds import PAGE_SUFFIXES, SUFFIXES
from ..text import shorten

BRIEFING_FILE = "briefing.yml"
OVERRIDES_FILE = "overrides.yml"
RESERVED_FILES = (BRIEFING_FILE, OVERRIDES_FILE)  # files in a briefing folder that are not articles
RESERVED_SLUGS = frozenset({"entities", "months", "index", "articles", "glossary"})  # site page folders


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
        """The briefing's own overrides.yml (a briefing folder's only); a symbolic link is not
        followed (`metadata` reports it)."""
        own = self.folder / OVERRIDES_FILE
        return own if self.slug and own.is_file() and not own.is_symlink() else None


@dataclass(frozen=True)
class Metadata:
    title: str
    date: str | None  # YYYY-MM-DD
    articles: dict  # per-article metadata, by file name without extension
    file: str  # where it was written, for messages: mkdocs.yml or the folder's briefing.yml


def discover(seeds: Path, label: str, title: str, articles: dict) -> tuple[list[Source], bool, list[Diagnostic]]:
    """(briefings, whether the seeds folder is a site of several, problems). `title` and `articles`
    are the plugin options; they belong to the single briefing of a flat seeds folder."""
    entries = [e for e in _entries(seeds) if not e.name.startswith(".")] if seeds.is_dir() else []
    subfolders = [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    folders = [p for p in subfolders if _is_briefing(p)]
    if not folders:
        return [Source("", seeds, label, title, dict(articles))], False, []
    problems = _left_out(entries, subfolders, folders, label, articles)
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


def _left_out(entries: list[os.DirEntry], subfolders: list[Path], folders: list[Path], label: str,
              articles: dict) -> list[Diagnostic]:
    """What a seeds folder of briefing folders leaves out, each said once: folders without articles,
    links to folders, article files beside the folders, the plugin's `articles:` option."""
    problems: list[Diagnostic] = [Diagnostic("info", f"{label}/{p.name}", "ignored: a folder without articles "
                                                                          f"(*.txt, *.md) or {BRIEFING_FILE}")
                                  for p in subfolders if p not in folders]
    problems += [Diagnostic("error", f"{label}/{e.name}", "skipped: a symbolic link to a folder; a briefing must "
                                                          "be a real folder in the seeds folder, so move or copy it "
                                                          "here") for e in entries if e.is_symlink() and e.is_dir()]
    loose = [e.name for e in entries if _regular(e) and Path(e.name).suffix.lower() in SUFFIXES]
    if loose:
        problems.append(Diagnostic("warning", label, f"not built: {', '.join(loose)} (article files beside briefing "
                                                     "folders); move each into the folder of its briefing"))
    if articles:
        problems.append(Diagnostic("warning", "mkdocs.yml", "`articles:` is not used when seeds/ holds briefing folders; "
                                                            f"move the entries into each folder's {BRIEFING_FILE}"))
    return problems


def metadata(src: Source) -> tuple[Metadata, list[Diagnostic]]:
    """The briefing's title, date and per-article metadata: the plugin's options for a flat seeds
    folder, else the folder's briefing.yml (title defaults to the folder's name)."""
    if not src.slug:
        return Metadata(src.title or "Briefing", None, src.articles, "mkdocs.yml"), []
    label = f"{src.label}/{BRIEFING_FILE}"
    meta, problems = read_briefing_file(src.folder / BRIEFING_FILE, label)
    if (src.folder / OVERRIDES_FILE).is_symlink():
        problems.append(Diagnostic("error", f"{src.label}/{OVERRIDES_FILE}", "not applied: a symbolic link; keep "
                                                                             "the file itself in the folder"))
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


def inputs(src: Source, max_bytes: int) -> list[tuple[str, bytes]]:
    """(file name, what the build reads of it) for every file in the briefing's folder: the bytes of
    its articles (up to the size limit), briefing.yml and overrides.yml; for a symbolic link, where
    it points (never followed); for other files, nothing (only their names reach messages)."""
    out = []
    for entry in _entries(src.folder):
        name = entry.name
        read = Path(name).suffix.lower() in SUFFIXES or (src.slug and name in RESERVED_FILES)
        if entry.is_symlink() or (read and _regular(entry)):
            out.append((name, files.key_part(Path(entry.path), max_bytes)))
        else:
            out.append((name, b""))
    return out


def _is_briefing(folder: Path) -> bool:
    """A folder of articles, of saved web pages (reported as not built yet), or with briefing.yml."""
    return any(_regular(e) and (Path(e.name).suffix.lower() in SUFFIXES + PAGE_SUFFIXES or e.name == BRIEFING_FILE)
               for e in _entries(folder))


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []


def _regular(entry: os.DirEntry) -> bool:
    """A regular file, never through a symbolic link (as sources.read_seeds reads articles)."""
    return entry.is_file(follow_symlinks=False)


def read_briefing_file(path: Path, label: str) -> tuple[dict, list[Diagnostic]]:
    """`briefing.yml`: {title, date, articles}, through safeyaml (no aliases, bounded) and checked by
    metadata.py like front matter. A bad file or value is an error naming it; the briefing still
    builds without what was wrong."""
    if not os.path.lexists(path):
        return {}, []
    text, problem = _read_text(path, label)
    if problem is not None:
        return {}, [problem]
    data, problem = safeyaml.load(text, label, outcome="the briefing builds without it")
    if problem is not None:
        return {}, [problem]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Diagnostic("error", label, "not read: expected `key: value` lines (title, date, articles); "
                                               "the briefing builds without it")]
    problems = [Diagnostic("error", label, f"unknown key `{shorten(k, 40)}` ignored; known keys are title, date, "
                                           "articles") for k in data if k not in ("title", "date", "articles")]
    out, found = metadata_check({k: data[k] for k in ("title", "date") if k in data}, label, outcome="ignored")
    problems += found
    articles = data.get("articles")
    if isinstance(articles, dict):
        out["articles"] = {}
        for aid, meta in articles.items():
            values, found = metadata_check(meta, label, f"`articles: {shorten(aid, 40)}:` ",
                                           "ignored, the article still builds")
            problems += found
            out["articles"][str(aid)] = values
    elif articles is not None:
        problems.append(Diagnostic("error", label, "`articles:` ignored: map each article's file name (without "
                                                   f"extension) to some of {', '.join(META_KEYS)}"))
    return out, problems


def _read_text(path: Path, label: str) -> tuple[str, Diagnostic | None]:
    """A regular file of at most safeyaml.MAX_BYTES, as UTF-8, never through a symbolic link (files.read)."""
    got = files.read(path, safeyaml.MAX_BYTES)
    if got.refused is not None:
        why = {files.LINK: "a symbolic link; keep the file itself in the folder", files.UNREADABLE: got.detail,
               files.LARGE: f"over {safeyaml.MAX_BYTES:,} bytes"}.get(got.refused, got.refused)
        return "", Diagnostic("error", label, f"not read: {why}; the briefing builds without it")
    try:
        return got.data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return "", Diagnostic("error", label, f"not read: not UTF-8 (byte {exc.start}); save it as UTF-8; the "
                                              "briefing builds without it")
