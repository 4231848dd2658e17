"""The only module that writes into docs/: the generated folder the tool owns.

A manifest (`.briefing-manifest.json` inside the folder) records every file the tool wrote and
its hash. A file is written only if its content changed, through a temporary file and an atomic
rename; a file is removed only if the manifest says the tool wrote it and it is unchanged since.
A file the tool did not write, or one edited by hand, is kept and reported.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Diagnostic

MANIFEST = ".briefing-manifest.json"


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.get("files", {}).items()}
    except (OSError, ValueError, AttributeError):
        return {}


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; pages are published, so readable
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(folder: Path, pages: dict[str, str], label: str) -> tuple[dict[str, int], list[Diagnostic]]:
    """Bring `folder` in line with `pages`; returns counts (written, unchanged, removed, kept)."""
    problems: list[Diagnostic] = []
    counts = {"written": 0, "unchanged": 0, "removed": 0, "kept": 0}
    old = _load_manifest(folder)
    new: dict[str, str] = {}
    if folder.is_dir():  # temporary files of an interrupted build
        for tmp in folder.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)
    folder_resolved = folder.resolve()
    for rel, text in sorted(pages.items()):
        path = folder / rel
        if folder_resolved not in path.resolve().parents:
            problems.append(Diagnostic("error", f"{label}/{rel}", "not written: path leaves the output folder"))
            continue
        data = text.encode("utf-8")
        digest = _hash(data)
        if path.exists():
            current = _hash(path.read_bytes())
            if current == digest:
                new[rel] = digest
                counts["unchanged"] += 1
                continue
            if old.get(rel) != current:
                why = "edited by hand since the last build" if rel in old else "not written by briefing"
                problems.append(Diagnostic("warning", f"{label}/{rel}", f"kept: {why}; move or delete it to "
                                                                        "let briefing write this page"))
                counts["kept"] += 1
                if rel in old:
                    new[rel] = old[rel]  # still ours to remove once it matches again
                continue
        atomic_write(path, data)
        new[rel] = digest
        counts["written"] += 1
    for rel, digest in sorted(old.items()):
        if rel in pages:
            continue
        path = folder / rel
        if not path.exists():
            continue
        if _hash(path.read_bytes()) == digest:
            path.unlink()
            counts["removed"] += 1
            _prune(path.parent, folder)
        else:
            problems.append(Diagnostic("warning", f"{label}/{rel}", "kept: no longer generated, but edited by hand"))
            counts["kept"] += 1
    manifest = (json.dumps({"tool": "briefing", "files": new}, indent=1, sort_keys=True) + "\n").encode("utf-8")
    if new != old or not (folder / MANIFEST).exists():
        atomic_write(folder / MANIFEST, manifest)
    return counts, problems


def _prune(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
