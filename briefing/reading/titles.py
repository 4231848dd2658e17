"""A title for an article that has no title line: its first sentence, without the dateline, cut at
a clause boundary.

Scraped articles rarely keep their headline. The lead sentence says the news, but with what a
headline leaves out: the dateline, a leading subordinate clause ("While the findings were
reassuring, …"), an appositive ("Jane Roe, the mayor's deputy, has …"), the attribution
(", officials said Monday"), and trailing clauses ("… as crews worked", "… , after talks"). Text
rules only (this runs before the parse); every cut is at punctuation or before a word that opens
a clause, never in the middle of a phrase unless no boundary is left (then it ends with "…").
"""
from __future__ import annotations

import re

from . import datelines
from ..words.english import HONORIFICS, MONTH_ABBREVIATIONS
from ..text import clean_text

MIN_WORDS = 5  # a cut never leaves fewer words than this
MAX_WORDS = 22  # a title longer than this is cut again, at a weaker boundary
SHORT_WORDS = 16  # ... within this many words
MAX_CHARS = 120  # and a title is never longer than this

_ABBREVIATIONS = HONORIFICS | {m.lower() for m in MONTH_ABBREVIATIONS} | {
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "ave", "mt", "ft", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e",
    "a.m", "p.m", "approx", "est", "dept"}
# words that open a clause (or a trailing phrase) after the news itself
SUBORDINATORS = {"as", "while", "when", "after", "before", "because", "although", "though", "since", "until",
                 "which", "who", "whose", "where", "amid", "despite", "following", "but", "whereas", "if",
                 "unless", "once", "according"}
# prepositions a long title may be cut before, when nothing better is left ("of" and "to" bind too tight)
PREPOSITIONS = {"in", "on", "at", "for", "from", "with", "by", "over", "near", "during", "under", "into", "across"}
SPEECH = r"(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|stated|added|wrote|according)"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "there"}
_EDITORS_NOTE = re.compile(r"\A(?:[A-Z][A-Z0-9'’.,/&]*\s+){1,}[A-Z][A-Z0-9'’.,/&]*\s*(?:-{1,2}|—|–)\s+")
_AFTER_DATELINE = re.compile(r"\)?\s*(?:-{1,2}|—|–|:)?\s*")


LOOK_AT = 2000  # characters of the paragraph read: a title never needs more


def guess(first_paragraph: str) -> str:
    """A headline-like title from an article's first paragraph (empty when there is no text)."""
    text = clean_text(first_paragraph[:LOOK_AT])
    text = strip_dateline(text)
    sentence = first_sentence(text)
    return headline(sentence)


def is_headline(line: str) -> bool:
    """Whether a short first line can be the headline: a line a dateline opens ("OSLO (Reuters) -
    …", "(CNN) -- …") is the story's first paragraph, however short."""
    return not datelines.dateline(clean_text(line))


def strip_dateline(text: str) -> str:
    """The text without a dateline ("SEOUL (Reuters) - ", "Seoul (CNN) ") or a leading editor's
    note in capitals ("UPDATED WITH NEW FIGURES - ")."""
    found = datelines.dateline(text)
    if found:
        end = max(f.end for f in found)
        end += _AFTER_DATELINE.match(text, end).end() - end
        text = text[end:]
    m = _EDITORS_NOTE.match(text)
    if m and len(m.group().split()) >= 3 and len(text) > m.end():
        text = text[m.end():]
    return text.strip()


def first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not "U.S.", "Mr.", "Jan.")."""
    for m in re.finditer(r"[.!?]([\"”’)]*)(?=\s+[\"“‘(]*[A-Z0-9])", text):
        if m.group().startswith(".") and not m.group(1):
            word = re.search(r"(\S+)$", text[:m.start()])
            token = word.group(1).lower().lstrip("(\"“‘") if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                continue  # an abbreviation or an initial
        return text[:m.end()]
    return text


def headline(sentence: str) -> str:
    text = re.sub(r"(?<![.!?])[.!?]+[\"”’)]*$", "", sentence.strip()).strip()
    if not text:
        return ""
    text = _main_clause(text)
    text = _without_appositive(text)
    cut = _first_boundary(text)
    if cut is not None:
        text = text[:cut]
    if _words(text) > MAX_WORDS or len(text) > MAX_CHARS:
        text = _shorter(text)
    text = text.rstrip(" ,;:—–-")
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


def _main_clause(text: str) -> str:
    """"While the talks went on, the two sides agreed …" -> "the two sides agreed …"; when the main
    clause starts with a pronoun ("As the mayor spoke, she …") the first half says more, and stays."""
    first = text.split(" ", 1)[0].lower()
    if first not in SUBORDINATORS or first in ("but", "according"):
        return text
    m = re.search(r",\s+", text)
    if not m:
        return text
    rest = text[m.end():]
    if _words(rest) < MIN_WORDS:
        return text
    return text[:m.start()] if rest.split(" ", 1)[0].lower() in PRONOUNS else rest


def _without_appositive(text: str) -> str:
    """"Jane Roe, the mayor's deputy, has resigned" -> "Jane Roe has resigned": an appositive after
    a short subject, followed by its verb (a lower-case word)."""
    m = re.match(r"\A([^,]{2,60}?), (?:the|a|an|who|whose|which|now|then|once|also) [^,]{1,120}, (?=[a-z])", text)
    if m and _words(m.group(1)) <= 5:
        return m.group(1) + " " + text[m.end():]
    return text


def _first_boundary(text: str) -> int | None:
    """Where the headline ends: the first clause boundary after at least MIN_WORDS words."""
    patterns = (
        r"\s*[;:]\s", r"\s+(?:—|–|--?)\s+", r"\s*\(",
        rf",\s+(?:[\w.'’-]+\s+){{0,5}}{SPEECH}\b",  # ", officials said Monday"
        r",\s+(?=[a-z]+ing\b)",  # ", setting up …"
        rf",?\s+(?=(?:{'|'.join(sorted(SUBORDINATORS))})\b)",  # "… as crews worked", ", after talks"
    )
    cuts = sorted(m.start() for p in patterns for m in re.finditer(p, text) if _words(text[:m.start()]) >= MIN_WORDS)
    return cuts[0] if cuts else None


def _shorter(text: str) -> str:
    """A title still too long: cut before "and" or a preposition, the last one within SHORT_WORDS
    words (MAX_WORDS for "and", which joins two clauses more often than two nouns) and MAX_CHARS
    characters; else at SHORT_WORDS words (fewer if they are long) with "…"."""
    words = text.split(" ")

    def fits(n: int, limit: int) -> bool:
        return MIN_WORDS <= n <= limit and len(" ".join(words[:n])) <= MAX_CHARS

    ands = [n for n, w in enumerate(words) if w == "and" and fits(n, MAX_WORDS)]
    if ands:
        return " ".join(words[:ands[-1]])
    preps = [n for n, w in enumerate(words) if w in PREPOSITIONS and fits(n, SHORT_WORDS)]
    if preps:
        return " ".join(words[:preps[-1]])
    n = SHORT_WORDS
    while n > 1 and len(" ".join(words[:n])) > MAX_CHARS - 1:
        n -= 1
    return " ".join(words[:n]).rstrip(" ,;:") + "…"
