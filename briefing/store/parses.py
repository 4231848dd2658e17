"""The parse cache: each article's parse (nlp.parser's output) kept between builds.

Entries are keyed by the article text and its segments, the pipeline's name and version and the
cache's own schema number (not this tool's version: a release that does not change what is cached
re-parses nothing), in a folder outside `docs/` that is safe to delete; cachefiles.prune keeps that
folder under a size bound. An entry is `marshal` data (plain tuples of str and int; no code, unlike
pickle), several times faster to read than JSON, and used only if it checks out against the
article (`checked`); a damaged or edited one is recomputed.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import marshal
import os
import re
from pathlib import Path

from ..model import Article, EntSpan, Parsed, ParsedArticle, Token
from . import cachefiles

CACHE_SCHEMA = 2
ENTRY = re.compile(r"([0-9a-f]{64})(?:\.bin|\.\d+\.tmp)")  # the cache's file names (see path, store)
LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")  # an entity label: it reaches class names and the glossary
TOKEN_FIELDS = 10  # model.Token's fields, as `store` writes them


def key(article: Article, model_name: str, model_version: str) -> str:
    h = hashlib.sha256()
    for part in (article.raw, json.dumps([(s.start, s.end) for s in article.segments]),
                 model_name, model_version, str(CACHE_SCHEMA)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class ParseCache:
    """Entries `<folder>/<xx>/<key>.bin`; without a folder nothing is cached."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def path(self, key: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.bin" if self.folder else None

    def entries(self, used: set[str]) -> list[tuple[Path, bool]]:
        """(file, in use) for each file named like a cache entry, whatever else the folder holds."""
        return cachefiles.entries(self.folder, ENTRY, used)

    def load(self, key: str, article: Article) -> ParsedArticle | None:
        path = self.path(key)
        if path is None or not path.exists():
            return None
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, ValueError, TypeError, EOFError):
            return None
        segs = checked(data, article)
        return ParsedArticle(article, segs) if segs is not None else None

    def write(self, key: str, blob: bytes) -> None:
        """Keep an entry: `marshal` bytes of the tuples `article` reads (written by the process that
        parsed it, through a temporary file, so a reader never sees half an entry)."""
        path = self.path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, path)
        except OSError:
            pass  # the cache is an optimisation; a read-only disk still builds


def parsed(item: tuple) -> Parsed:
    """One segment's (tokens, ents, sents) tuples, as nlp.parser.doc_data makes them, as Parsed."""
    tokens, ents, sents = item
    return Parsed(tuple(map(Token._make, tokens)), tuple(map(EntSpan._make, ents)), sents)


def article(data: tuple) -> tuple[Parsed, ...]:
    """An article's segments from the tuples the parser made (not read from disk: not checked)."""
    return tuple(map(parsed, data))


def checked(data: object, article: Article) -> tuple[Parsed, ...] | None:
    """A cache entry as Parsed segments, or None unless every part has the type and shape
    `store` writes: one entry per segment, each as `_segment` checks it."""
    if type(data) is not tuple or len(data) != len(article.segments):
        return None
    out = []
    for seg, item in zip(article.segments, data):
        parsed = _segment(item, seg.text, seg.start)
        if parsed is None:
            return None
        out.append(parsed)
    return tuple(out)


def _segment(item: object, text: str, offset: int) -> Parsed | None:
    """One segment's (tokens, ents, sents), checked column by column, so a warm build stays fast."""
    if type(item) is not tuple or len(item) != 3 or not all(type(part) is tuple for part in item):
        return None
    tokens, ents, sents = item
    if not (_tokens_ok(tokens, len(sents), text, offset) and _sents_ok(sents, len(tokens))
            and _ents_ok(ents, len(tokens))):
        return None
    return parsed(item)


def _tokens_ok(tokens: tuple, n_sents: int, text: str, offset: int) -> bool:
    """Tokens numbered in order whose text and whitespace spell exactly the segment's text at their
    offsets, with heads and sentence numbers inside the segment."""
    if set(map(type, tokens)) - {tuple} or set(map(len, tokens)) - {TOKEN_FIELDS}:
        return False
    if not tokens:
        return True
    n = len(tokens)
    i, words, start, ws, tag, pos, dep, head, lemma, sent = zip(*tokens)
    if set(map(type, i + start + head + sent)) - {int} or set(map(type, words + ws + tag + pos + dep + lemma)) - {str}:
        return False
    spelled = tuple(map(str.__add__, words, ws))
    return (i == tuple(range(n)) and "".join(spelled) == text
            and start == tuple(itertools.accumulate(map(len, spelled[:-1]), initial=offset))
            and min(head) >= 0 and max(head) < n and min(sent) >= 0 and max(sent) < n_sents)


def _sents_ok(sents: tuple, n: int) -> bool:
    """At least one sentence; each a (start, end) pair of token numbers inside the segment."""
    if not sents or set(map(type, sents)) - {tuple} or set(map(len, sents)) - {2}:
        return False
    return all(type(s) is int and type(e) is int and 0 <= s <= e <= n for s, e in sents)


def _ents_ok(ents: tuple, n: int) -> bool:
    """Entity spans in order, not overlapping, inside the segment, with labels that are labels."""
    last = 0
    for ent in ents:
        if (type(ent) is not tuple or len(ent) != 3 or type(ent[0]) is not int or type(ent[1]) is not int
                or type(ent[2]) is not str or not last <= ent[0] < ent[1] <= n or not LABEL.fullmatch(ent[2])):
            return False
        last = ent[1]
    return True
