"""Scraper residue: lines of page furniture that are not part of the article (photo credits,
captions, calls to action, short lines repeated on the page). General patterns, no outlet names."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .text import SENTENCE_END, clean_text

# Calls to action and page furniture left by scrapers: short imperative lines, no sentence end.
_PROMPT = re.compile(
    r"^(sign up|subscribe|follow us|follow|share( this)?|like us|get (email|e-mail|the latest|our)|"
    r"find .+ on (your )?(tv|facebook|twitter|instagram|youtube|the app)|download|click here|"
    r"read more|watch( live)?|listen|advertisement|related:|recommended|more from|"
    r"(email|print|tweet|comment)s?$)",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"^(photo|photograph|image|picture|video|credit|illustration|graphic)s?( by| credit)?\s*:",
                      re.IGNORECASE)
_CREDIT = re.compile(r"^[^/.!?]{2,60}(\s/\s[^/.!?]{2,60}){1,3}$")
_CREDIT_WORDS = re.compile(r"\b(photo|image|images|getty|afp|reuters|ap|epa|file|via)\b", re.IGNORECASE)


def is_residue(line: str) -> bool:
    """A scraper's leftovers: photo credits and calls to action (general patterns, no outlet names)."""
    text = clean_text(line)
    words = text.split()
    if not words or len(words) > 14 or SENTENCE_END.search(text) and not text.endswith(":"):
        return False
    if _CREDIT.match(text) and (_CREDIT_WORDS.search(text) or text.count(" / ") >= 2):
        return True
    if _CAPTION.match(text) and len(words) <= 8:  # "Photo: Jane Doe/AP"
        return True
    return bool(_PROMPT.match(text))


def repeated(lines: list[str]) -> set[int]:
    """Indices of short lines without a sentence end that occur more than once (share prompts,
    bylines, widget labels repeated down the page)."""
    keys = [unicodedata.normalize("NFKC", clean_text(line)).casefold() for line in lines]
    counts = Counter(keys)
    return {n for n, (line, key) in enumerate(zip(lines, keys))
            if counts[key] > 1 and len(key.split()) <= 14 and not SENTENCE_END.search(line)}
