"""Plain-text helpers shared by reading and rendering."""
from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Text as shown on a page: control and bidi-override characters removed, spaces folded."""
    return re.sub(r"\s+", " ", CONTROL.sub("", text)).strip()
