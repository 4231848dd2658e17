"""One article's metadata, checked in one place wherever it comes from: the front matter of a .md
article, the `articles:` plugin option (or any later per-briefing file).

    title   text, at most 300 characters
    source  text (the outlet), at most 200 characters
    date    text `YYYY-MM-DD`, a real calendar date (a YAML date from mkdocs.yml is accepted)
    url     text starting with http:// or https://, at most 2,000 characters
    author  text, at most 200 characters

Values must be text. A YAML number is refused for every key, even `title: 1984`: YAML rewrites
numbers (`1e3`, `0x10`, `010`, `1_000`), so the page would not show what was typed; quote it.
A bad value is an error naming the article and the key; in front matter that value is ignored and
the article still builds, in the plugin's options it is a configuration error (the caller says
which). An unknown key is an error naming the nearest known one (`sorce` -> `source`).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping

from ..model import Diagnostic
from ..text import shorten
from ..text import clean_text

MAX_LENGTH = {"title": 300, "source": 200, "date": 10, "url": 2000, "author": 200}
KEYS = tuple(MAX_LENGTH)  # title, source, date, url, author
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check(meta: object, file: str, where: str = "", outcome: str = "ignored, the article still builds"
          ) -> tuple[dict[str, str], list[Diagnostic]]:
    """(the valid values as clean text, one error per bad key or value). Messages name `file`
    (the article, or the config file), start with `where` (e.g. "`articles: a:` ") and end with
    what happens to a bad value (`outcome`)."""
    if meta is None:
        return {}, []
    if not isinstance(meta, Mapping):
        return {}, [Diagnostic("error", file, f"{where}metadata must be a mapping of {', '.join(KEYS)} to text, "
                                              f"got {shorten(meta)}; {outcome}")]
    values: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for key, value in meta.items():
        if key not in MAX_LENGTH:
            problems.append(Diagnostic("error", file, where + _unknown(key)))
            continue
        text, problem = _value(key, value)
        if problem:
            problems.append(Diagnostic("error", file, f"{where}`{key}`: {problem}; {outcome}"))
        elif text:
            values[key] = text
    return values, problems


def _unknown(key: object) -> str:
    name = shorten(key, 40)
    near = difflib.get_close_matches(str(key).lower(), KEYS, n=1, cutoff=0.6) if isinstance(key, str) else []
    hint = f"did you mean `{near[0]}`? " if near else ""
    return f"unknown metadata key `{name}`: {hint}known keys are {', '.join(KEYS)}"


def _value(key: str, value: object) -> tuple[str | None, str | None]:
    """(clean text, None) or (None, what is wrong)."""
    if value is None:
        return None, None
    if key == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()  # MkDocs' YAML reads an unquoted date in mkdocs.yml as a date
    if isinstance(value, bool):
        return None, f"{shorten(value)} is a YAML true/false, not text: put it in quotes"
    if isinstance(value, (int, float)):
        return None, f"{shorten(value)} is a YAML number, not text: put it in quotes"
    if not isinstance(value, str):
        return None, f"must be text, got a {type(value).__name__}: {shorten(value)}"
    if len(value) > MAX_LENGTH[key] * 4:  # cleaning folds whitespace; far over is over
        return None, f"longer than {MAX_LENGTH[key]:,} characters"
    text = clean_text(value)
    if len(text) > MAX_LENGTH[key]:
        return None, f"longer than {MAX_LENGTH[key]:,} characters"
    if key == "date" and text:
        return (text, None) if valid_date(text) else (None, f"{shorten(text)} is not a date: write YYYY-MM-DD, "
                                                            "e.g. 2015-09-18")
    if key == "url" and text and not re.match(r"https?://[^\s]", text, re.IGNORECASE):
        return None, f"{shorten(text)} is not a web address: it must start with http:// or https://"
    return text or None, None


def valid_date(text: str) -> bool:
    """`YYYY-MM-DD` and a real calendar date (2015-02-30 is not)."""
    if not DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
