"""Which briefings the seeds folder holds.

`seeds/` holds either article files (one briefing, written at the root of the output folder) or
subfolders, one per briefing (each written under `<output>/<slug>/`). A subfolder may hold
`briefing.yml` (title, date, per-article metadata) and its own `overrides.yml`. Loose article
files beside briefing folders are reported and not built.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import slugs
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
    title: str | None  # None: a briefing folder without a title (the build titles it by its subject)
    date: str | None  # YYYY-MM-DD
    articles: dict  # per-article metadata, by file name without extension
    file: str  # where it was written, for messages: mkdocs.yml or the folder's briefing.yml


def discover(seeds: Path, label: str, title: str, articles: dict, held: Mapping[str, str] | None = None
             ) -> tuple[list[Source], bool, list[Diagnostic]]:
    """(briefings, whether the seeds folder is a site of several, problems). `title` and `articles`
    are the plugin options; they belong to the single briefing of a flat seeds folder. `held`:
    address -> the folder that held it in the last build (store/addresses.py), which settles who
    keeps an address two folders' names give."""
    entries = [e for e in _entries(seeds) if not e.name.startswith(".")] if seeds.is_dir() else []
    subfolders = [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    folders = [p for p in subfolders if _is_briefing(p)]
    if not folders:
        return [Source("", seeds, label, title, dict(articles))], False, []
    problems = _left_out(entries, subfolders, folders, label, articles)
    slugs, found = addresses([p.name for p in folders], label, held or {})
    problems += found
    return [Source(slugs[p.name], p, f"{label}/{p.name}") for p in folders if p.name in slugs], True, problems


def address(name: str) -> str:
    """A briefing folder's address (its folder under the output folder): its name as a slug, at
    most slugs.MAX_BYTES bytes; from the name alone, so it is the same in every build and checkout."""
    return slugs.slug(name) or f"briefing-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def addresses(names: list[str], label: str, held: Mapping[str, str]) -> tuple[dict[str, str], list[Diagnostic]]:
    """Folder name -> address, for the folders that are built. Two names giving one address ("A B",
    "a-b") are an error naming both: the folder that held the address in the last build keeps it,
    the others are not built; without such a record (a clean checkout) none of them is built. A
    name whose address is a folder of the site's own pages is an error too."""
    by_address: dict[str, list[str]] = {}
    for name in sorted(names):
        by_address.setdefault(address(name), []).append(name)
    out: dict[str, str] = {}
    problems = []
    for slug, same in sorted(by_address.items()):
        if slug in RESERVED_SLUGS:
            problems += [Diagnostic("error", f"{label}/{name}", f"not built: its address `{slug}/` is the folder of "
                                                                "the site's own pages; rename the folder")
                         for name in same]
            continue
        if len(same) == 1:
            out[same[0]] = slug
            continue
        keeper = held.get(slug) if held.get(slug) in same else None
        for name in same:
            if name == keeper:
                out[name] = slug
                continue
            others = ", ".join(f"{label}/{other}" for other in same if other != name)
            why = (f"{label}/{keeper} held it in the last build and keeps it" if keeper else
                   "no earlier build recorded which folder holds it, so none of them is built")
            problems.append(Diagnostic("error", f"{label}/{name}", f"not built: its address `{slug}/` is also "
                                                                   f"that of {others} (folder names that differ "
                                                                   f"only in case, spaces or punctuation); {why}: "
                                                                   "rename one of the folders"))
    return out, problems


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
    folder, else the folder's briefing.yml (without a title there, None: site/subject.py finds one)."""
    if not src.slug:
        return Metadata(src.title or "Briefing", None, src.articles, "mkdocs.yml"), []
    label = f"{src.label}/{BRIEFING_FILE}"
    meta, problems = read_briefing_file(src.folder / BRIEFING_FILE, label)
    if (src.folder / OVERRIDES_FILE).is_symlink():
        problems.append(Diagnostic("error", f"{src.label}/{OVERRIDES_FILE}", "not applied: a symbolic link; keep "
                                                                             "the file itself in the folder"))
    return Metadata(meta.get("title") or None, meta.get("date"), meta.get("articles") or {}, label), problems


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
