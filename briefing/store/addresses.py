"""The record of which folder held each briefing address in the last build of a site.

A briefing's address comes from its folder's name alone (reading/layout.py `address`); this record
only settles who keeps an address when a second folder's name gives the same one: the folder that
held it keeps it, so adding `seeds/Harbour Bridge/` beside `seeds/harbour-bridge/` never moves the
existing briefing. It lives in the cache folder (`addresses.json`), which the plugin and the
command both write; read like any input (bounded, never through a link, plain strings only), so
a damaged or foreign record can do no more than choose among colliding folders, and a collision
is an error whatever it says.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..reading import files

FILE = "addresses.json"
VERSION = 1
MAX_BYTES = 10_000_000


def load(cache_dir: Path | None) -> dict[str, str]:
    """Address -> folder name, as the last build left it; empty when there is no readable record."""
    if cache_dir is None:
        return {}
    got = files.read(cache_dir / FILE, MAX_BYTES)
    try:
        data = json.loads(got.data.decode("utf-8")) if got.data is not None else None
    except (UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("addresses"), dict):
        return {}
    return {k: v for k, v in data["addresses"].items() if isinstance(k, str) and isinstance(v, str)}


def save(cache_dir: Path | None, held: dict[str, str]) -> None:
    """Record `held` (address -> folder name); the build calls it when the record differs. A cache
    folder that cannot be written is no error (the record only breaks ties)."""
    if cache_dir is None:
        return
    path = cache_dir / FILE
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{FILE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": VERSION, "addresses": dict(sorted(held.items()))}, ensure_ascii=False,
                                  indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
