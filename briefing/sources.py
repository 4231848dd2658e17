"""Reading articles from the seeds folder: decoding, front matter, title, paragraphs; residue
lines (residue.py) are set aside with their offsets."""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from . import datelines, residue
from .model import Article, Diagnostic, Segment
from .text import SENTENCE_END, clean_text

SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # the longest news articles are a few hundred KB
META_KEYS = ("title", "source", "date", "url", "author")


def read_seeds(folder: Path, metadata: Mapping[str, Mapping[str, object]] | None = None,
               label: str | None = None, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Diagnostic]]:
    """Read every article in `folder`; a bad file becomes a Diagnostic and is skipped."""
    metadata = metadata or {}
    label = label or folder.name
    if not folder.is_dir():
        return [], [Diagnostic("error", label, "seeds folder not found: create it and put articles "
                                               "(*.txt or *.md) in it, or set `seeds:` in the config")]
    articles, problems = [], []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    if not files:
        problems.append(Diagnostic("warning", label, "no articles (*.txt, *.md) in the seeds folder"))
    ignored = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() not in SUFFIXES
                     and not p.name.startswith("."))
    for name in ignored:
        problems.append(Diagnostic("info", f"{label}/{name}", "ignored: only .txt and .md files are articles"))
    for path in files:
        article, found = read_article(path, f"{label}/{path.name}", metadata.get(path.stem, {}), max_bytes)
        problems.extend(found)
        if article is not None:
            articles.append(article)
    return articles, problems


def read_article(path: Path, file: str, meta: Mapping[str, object] | None = None, max_bytes: int = MAX_BYTES
                 ) -> tuple[Article | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Diagnostic("error", file, f"skipped: {size:,} bytes is over the {max_bytes:,}-byte "
                                                    "limit for one article; split it, or raise `max_article_bytes`")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic("error", file, f"skipped: cannot read it ({exc.strerror})")]
    head = data[:8192]
    if head.count(b"\x00") * 20 > len(head):  # more than 5% NUL bytes: not an article
        return None, [Diagnostic("error", file, "skipped: binary file (NUL bytes); save the article as UTF-8 text")]
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raw = data.decode("cp1252", errors="replace")
        problems.append(Diagnostic("warning", file, f"not valid UTF-8 (byte {exc.start}); read as Windows-1252. "
                                                    "Save it as UTF-8 to silence this"))
    meta = dict(meta or {})
    body_start = 0
    if path.suffix.lower() == ".md":
        front, body_start, problem = _front_matter(raw)
        if problem:
            problems.append(Diagnostic("warning", file, problem))
        meta = {**meta, **front}
    segments, removed = split_segments(raw, body_start, clean_text(str(meta.get("title") or "")) or None)
    if not segments:
        problems.append(Diagnostic("error", file, "skipped: no text (empty, or only whitespace and residue lines)"))
        return None, problems
    title = clean_text(str(meta.get("title") or "")) or None
    if title is None:
        first = segments[0]
        if first.kind != "title":
            problems.append(Diagnostic("warning", file, "no title line: using the first words of the text"))
        title = clean_text(first.text)
        if len(title) > 120:
            title = title[:117].rsplit(" ", 1)[0] + "…"
    for key in ("source", "date", "url", "author"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)) and not hasattr(value, "isoformat"):
            problems.append(Diagnostic("warning", file, f"front matter `{key}` should be text; ignored"))
            meta.pop(key)
    date = meta.get("date")
    return datelines.guess_source(Article(
        id=path.stem,
        file=file,
        raw=raw,
        title=title or path.stem,
        segments=tuple(segments),
        source=_text_or_none(meta.get("source")),
        date=(date.isoformat() if hasattr(date, "isoformat") else _text_or_none(date)),
        url=_text_or_none(meta.get("url")),
        author=_text_or_none(meta.get("author")),
        removed=tuple(removed),
    )), problems


def _text_or_none(value: object) -> str | None:
    text = clean_text(str(value)) if value is not None else ""
    return text or None


def _front_matter(raw: str) -> tuple[dict, int, str | None]:
    """YAML front matter between `---` lines; returns (data, offset of the body, problem)."""
    m = re.match(r"\ufeff?---[ \t]*\r?\n(.*?)(?:^|\n)---[ \t]*(?:\r?\n|$)", raw, re.DOTALL)
    if not m:
        return {}, 0, None
    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        return {}, m.end(), f"malformed front matter{line}: fix the YAML between the `---` lines; metadata ignored"
    if not isinstance(data, dict):
        return {}, m.end(), "front matter is not a mapping of `key: value` lines; metadata ignored"
    unknown = sorted(str(k) for k in data if k not in META_KEYS)
    problem = f"unknown front matter keys {unknown}; known: {', '.join(META_KEYS)}" if unknown else None
    return {k: v for k, v in data.items() if k in META_KEYS}, m.end(), problem


def _blocks(raw: str, start: int) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) character ranges, from `start` on."""
    out = []
    for m in re.finditer(r"[^\r\n]+", raw[start:]):
        if clean_text(m.group()):
            s, e = m.start() + start, m.end() + start
            # trim surrounding whitespace so offsets point at text
            text = raw[s:e]
            s += len(text) - len(text.lstrip())
            e -= len(text) - len(text.rstrip())
            out.append((s, e))
    return out


def split_segments(raw: str, start: int = 0, title: str | None = None) -> tuple[list[Segment], list[Segment]]:
    """Title, optional standfirst and paragraphs; residue lines go to the second list.

    The first kept line is the title, unless the front matter gave a `title` the line does not
    repeat. After it, a paragraph is a run of non-blank lines, so articles hard-wrapped at a
    fixed width keep their paragraphs.
    """
    lines = _blocks(raw, start)
    repeated = residue.repeated([raw[s:e] for s, e in lines])
    keep: list[tuple[int, int]] = []
    removed: list[Segment] = []
    for n, (s, e) in enumerate(lines):
        text = raw[s:e]
        if residue.is_residue(text) or (n in repeated and keep):  # a repeated first line is the title
            removed.append(Segment("paragraph", s, e, text))
        else:
            keep.append((s, e))
    title_line = bool(keep) and (title is None or clean_text(raw[keep[0][0]:keep[0][1]]).casefold() == title.casefold())
    merged: list[tuple[int, int]] = []
    for s, e in keep:
        gap = raw[merged[-1][1]:s] if merged else ""
        if len(merged) > (1 if title_line else 0) and "\n" in gap and not re.search(r"\n[ \t\r]*\n", gap):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    segments: list[Segment] = []
    merged = [piece for s, e in merged for piece in _bounded(raw, s, e)]
    for n, (s, e) in enumerate(merged):
        text = raw[s:e]
        if n == 0 and title_line and _looks_like_title(text):
            kind = "title"
        elif n == 1 and segments[0].kind == "title" and _looks_like_standfirst(text):
            kind = "standfirst"
        else:
            kind = "paragraph"
        segments.append(Segment(kind, s, e, text))
    return segments, removed


MAX_SEGMENT = 20_000  # characters; a longer paragraph is split at sentence ends (or spaces)


def _bounded(raw: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split [s, e) into pieces of at most MAX_SEGMENT characters, so every later stage works on
    paragraphs of bounded size even when an article is one 10 MB line."""
    out = []
    while e - s > MAX_SEGMENT:
        window = raw[s:s + MAX_SEGMENT]
        cut = max((m.end() for m in re.finditer(r"[.!?][\"”’)]?\s+", window)), default=0)
        cut = cut or (window.rfind(" ") + 1) or MAX_SEGMENT
        piece = raw[s:s + cut].rstrip()
        out.append((s, s + len(piece)))
        s += cut
        while s < e and raw[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out


def _looks_like_title(text: str) -> bool:
    words = clean_text(text).split()
    return 0 < len(words) <= 30 and not re.search(r"[.]\s*$", text.strip())


def _looks_like_standfirst(text: str) -> bool:
    words = clean_text(text).split()
    return 0 < len(words) <= 40 and not SENTENCE_END.search(text.strip())
