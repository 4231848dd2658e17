"""Plain-text helpers shared by reading and rendering."""
from __future__ import annotations

import re
import reprlib

SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Text as shown on a page: control and bidi-override characters removed, spaces folded."""
    return " ".join(CONTROL.sub("", text).split())  # split() and re's \s: the same (Unicode) spaces


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist, _REPR.maxtuple, _REPR.maxset = 2, 4, 4, 4, 4
_REPR.maxstring = _REPR.maxother = 60


def shorten(value: object, limit: int = 60) -> str:
    """A value for a message: its text (repr for non-strings), cut to `limit` characters.
    A message must never print an unbounded value (a `version: *h` bomb once wrote 312 MB of log)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        text = "a very large number"  # repr() of a 5,000-digit int raises
    elif isinstance(value, (str, int, float, bool)) or value is None:
        text = value if isinstance(value, str) else repr(value)
    else:  # a container: a repr bounded in depth and items (an alias bomb is billions of items)
        text = _REPR.repr(value)
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failure(stage: str, exc: BaseException) -> str:
    """What failed, for a message that leaves one input out: `the facts stage failed (KeyError: 'x')`."""
    return f"the {stage} stage failed ({type(exc).__name__}: {shorten(str(exc), 80)})"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """ "1 mention", "2 mentions", "0 mentions"; `many` for an irregular plural ("entity", "entities")."""
    return f"{n:,} {noun if n == 1 else many or noun + 's'}"
