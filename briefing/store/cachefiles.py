"""Bounded cache folders: past a size, the entries nothing in the current build uses go, oldest
first; an entry in use is never removed. Used by the parse cache (parses.py) and the cache of
briefing results (results.py), each over the files named like its own entries."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path


def entries(folder: Path | None, name: re.Pattern[str], used: set[str]) -> list[tuple[Path, bool]]:
    """(file, in use) for each file `<folder>/<xx>/<key>…` whose name `name` matches with the key
    as its first group and `xx` as the key's first two characters, whatever else the folder holds."""
    if folder is None or not folder.is_dir():
        return []
    out = []
    for path in folder.glob("??/*"):
        m = name.fullmatch(path.name)
        if m and m.group(1)[:2] == path.parent.name:
            out.append((path, m.group(1) in used))
    return out


def prune(entries: Iterable[tuple[Path, bool]], max_bytes: int) -> list[tuple[Path, int]]:
    """`entries`: (file, in use). Returns the files removed, with their sizes."""
    found = []
    for path, in_use in entries:
        if path.is_symlink():
            continue
        try:
            st = path.stat()
        except OSError:
            continue
        found.append((st.st_mtime, str(path), path, st.st_size, in_use))
    total = sum(e[3] for e in found)
    removed = []
    for _, _, path, size, in_use in sorted(found):
        if total <= max_bytes:
            break
        if in_use:
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total -= size
        removed.append((path, size))
    return removed
