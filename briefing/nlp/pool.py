"""Parser processes: the parse spread over processes that each do all of an article's work.

Each process runs the pipeline over the articles it takes from a shared queue, turns every Doc
into the cache's plain tuples (parser.doc_data), writes the article's cache entry and sends the
entry's bytes back, so the main process only unpacks plain data and is free for the later
stages of the briefings already parsed. spaCy's own `n_process` sends each Doc back as bytes
that the main process rebuilds into a Doc (and looks up msgpack extensions for, each time):
that work, and copying the Doc into plain data, no longer costs the main process.

Work is handed out an article at a time from one queue, so a process slowed by other work on the
machine takes fewer articles instead of holding the others up. Where the platform can fork, the
main process loads the pipeline and the processes are forked from it, sharing it (one load
instead of one per process: about 1 CPU-s, spaCy's import and the pipeline's load); otherwise
they are started fresh and load it themselves.
"""
from __future__ import annotations

import marshal
import multiprocessing as mp
import queue
import sys
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path

BATCH = 64  # segments per nlp.pipe batch, as before
WAIT = 0.5  # seconds between checks that the processes are still there
Task = tuple[int, str, list[tuple[str, int]]]  # article number, cache key, (text, start) of each segment


class WorkerFailed(RuntimeError):
    """A parser process stopped with an error, or ended without finishing its work."""


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if sys.platform.startswith("linux") and "fork" in methods else "spawn")


def forks() -> bool:
    """Whether the parser processes are forked, and so share a pipeline this process has loaded."""
    return _context().get_start_method() == "fork"


class Pool:
    """`processes` parser processes over one task queue. Use as a context manager: leaving it
    stops every process, finished or not."""

    def __init__(self, processes: int, model: str, nlp, cache_folder: Path | None):
        ctx = _context()
        self.tasks = ctx.Queue()
        self.results = ctx.Queue()
        shared = nlp if ctx.get_start_method() == "fork" else None  # a forked child inherits it
        self.procs = [ctx.Process(target=_work, args=(model, shared, cache_folder, self.tasks, self.results),
                                  daemon=True, name=f"briefing-parser-{n}") for n in range(processes)]
        for p in self.procs:
            p.start()
        self.pending = 0

    def put(self, number: int, key: str, segments: list[tuple[str, int]]) -> None:
        """Queue one article: its number (sent back with the result), cache key, (text, start) per segment."""
        self.tasks.put((number, key, segments))
        self.pending += 1

    def results_as_done(self) -> Iterator[tuple[int, bytes]]:
        """(article number, cache entry bytes) for every queued article, as the processes finish them."""
        for _ in self.procs:
            self.tasks.put(None)  # no more work: each process ends after its last article
        while self.pending:
            try:
                item = self.results.get(timeout=WAIT)
            except queue.Empty:
                self._check()
                continue
            if item[0] == "model":
                from .parser import ModelNotFound
                raise ModelNotFound(item[1])
            if item[0] == "error":
                raise WorkerFailed(item[1])
            self.pending -= 1
            yield item

    def _check(self) -> None:
        for p in self.procs:
            if not p.is_alive() and p.exitcode != 0:
                raise WorkerFailed(f"a parser process ended unexpectedly (exit code {p.exitcode}; out of memory?)")

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        for p in self.procs:
            if exc[0] is not None and p.is_alive():
                p.terminate()
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
                p.join()
        self.tasks.cancel_join_thread()  # tasks no process will take must not hold the build up
        self.tasks.close()
        self.results.close()


def parse_articles(nlp, tasks: Iterable[Task]) -> Iterator[tuple[int, str, tuple]]:
    """(article number, key, the cache's plain tuples of its segments) for each task, as its last
    segment is parsed; the segments of every task go through one `nlp.pipe`. Each task has at
    least one segment."""
    from .parser import doc_data

    parts: dict[int, list] = {}
    left: dict[int, int] = {}

    def segments() -> Iterator[tuple[str, tuple[int, str, int, int]]]:
        for number, key, segs in tasks:
            parts[number], left[number] = [None] * len(segs), len(segs)
            for si, (text, start) in enumerate(segs):
                yield text, (number, key, si, start)

    for doc, (number, key, si, start) in nlp.pipe(segments(), as_tuples=True, batch_size=BATCH):
        parts[number][si] = doc_data(doc, start)
        left[number] -= 1
        if not left[number]:
            del left[number]
            yield number, key, tuple(parts.pop(number))


def _queued(tasks) -> Iterator[Task]:
    """The tasks on a queue, until the end marker."""
    while (task := tasks.get()) is not None:
        yield task


def _work(model: str, nlp, cache_folder: Path | None, tasks, results) -> None:
    """One parser process: parse, convert, cache, send back, until the end marker."""
    from ..store import parses
    from . import parser  # here: a fresh (spawned) process imports spaCy only when it works

    try:
        nlp = nlp or parser.load_pipeline(model)
        cache = parses.ParseCache(cache_folder)
        for number, key, data in parse_articles(nlp, _queued(tasks)):
            blob = marshal.dumps(data)
            cache.write(key, blob)
            results.put((number, blob))
    except parser.ModelNotFound as exc:
        results.put(("model", str(exc)))
    except BaseException:  # noqa: BLE001 - reported to the main process, which raises it
        results.put(("error", "a parser process failed:\n" + traceback.format_exc()))
