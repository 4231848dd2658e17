"""Slugs that become file and folder names, bounded in bytes whatever the name they come from; and
the shapes of the plain names that pages put into HTML ids, links and classes unescaped.

A file name is at most 255 bytes on common file systems, and a slug can be far longer than the
name it comes from: transliteration turns one 3-byte character into up to 16 letters (a 240-byte
folder name gave a 1,280-character slug, and a 300-character person name a 300-character file
name: "File name too long" stopped the build). A slug past `MAX_BYTES` is cut and given a short
hash of the whole slug, so it is the same in every build and two long names that share a start
still differ.
"""
from __future__ import annotations

import hashlib
import re

from slugify import slugify

MAX_BYTES = 64  # a slug of a folder or page name; the rest of the path stays far under any limit
HASH_CHARS = 8
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # python-slugify's output (entity, fact, page ids), suffixes too
LABEL = re.compile(r"[A-Z][A-Z_]{0,31}")  # an entity label, as spaCy's are


def slug(text: str, max_bytes: int = MAX_BYTES) -> str:
    """`text` as a slug (python-slugify: lower-case ASCII words joined by '-') of at most `max_bytes`
    bytes: cut at a word where one is near the end, then '-' and a hash of the whole slug. Empty
    when `text` has no letters or digits a slug can keep."""
    full = slugify(text)
    data = full.encode("utf-8")
    if len(data) <= max_bytes:
        return full
    digest = hashlib.sha256(data).hexdigest()[:HASH_CHARS]
    head = data[:max_bytes - HASH_CHARS - 1].decode("utf-8", "ignore")
    cut = head.rfind("-")
    if cut >= len(head) // 2:  # a word boundary in the second half: cut there
        head = head[:cut]
    return f"{head.strip('-')}-{digest}"
