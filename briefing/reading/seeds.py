"""Reading articles from the seeds folder: decoding, front matter, title, paragraphs; residue
lines (residue.py) are set aside with their offsets."""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from pathlib import Path

from . import datelines, files, residue, safeyaml, titles
from . import metadata as metadata_stage
from ..model import Article, Diagnostic, Segment
from ..text import SENTENCE_END, clean_text, failure

SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")  # saved web pages: `briefing add` makes them articles
MAX_BYTES = 2_000_000  # the longest news articles are a few hundred KB
MAX_FRONT_MATTER = 64_000  # characters between the `---` lines
META_KEYS = metadata_stage.KEYS


def read_seeds(folder: Path, metadata: Mapping[str, Mapping[str, object]] | None = None,
               label: str | None = None, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[Diagnostic]]:
    """Read every article in `folder`; a bad file becomes a Diagnostic and is skipped.

    Articles are the regular files directly in the folder named *.txt or *.md. A symbolic link is
    never followed (`ln -s /proc/self/environ seeds/env.txt` would publish the environment), and
    two files giving one article id (`a.txt`, `a.md`) keep only the first.
    """
    metadata = metadata or {}
    label = label or folder.name
    if not folder.is_dir():
        return [], [Diagnostic("error", label, "seeds folder not found: create it and put articles "
                                               "(*.txt or *.md) in it, or set `seeds:` in the config")]
    articles, problems = [], []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        return [], [Diagnostic("error", label, f"cannot list the seeds folder ({exc.strerror})")]
    first_of: dict[str, str] = {}  # article id -> the file that gave it
    for entry in entries:
        file = f"{label}/{entry.name}"
        if Path(entry.name).suffix.lower() not in SUFFIXES:
            if not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
                problems.append(not_an_article(entry.name, file))
            continue
        if entry.is_symlink():
            problems.append(Diagnostic("error", file, "skipped: a symbolic link; articles must be regular files "
                                                      "in the seeds folder, so copy the file here instead"))
            continue
        if not entry.is_file(follow_symlinks=False):
            if not entry.is_dir(follow_symlinks=False):
                problems.append(Diagnostic("error", file, "skipped: not a regular file (a device, pipe or socket); "
                                                          "save the article as a text file"))
            continue
        aid = Path(entry.name).stem
        if aid in first_of:
            problems.append(Diagnostic("error", file, f"skipped: {first_of[aid]} already gives the article id "
                                                      f"`{aid}`; rename one of the two files"))
            continue
        first_of[aid] = file
        try:
            article, found = read_article(Path(entry.path), file, metadata.get(aid, {}), max_bytes)
        except Exception as exc:  # a bug met on this one file: it is left out, the others are read
            article, found = None, [Diagnostic("error", file, f"left out: {failure('read', exc)} on this article; "
                                                              "the others were read. Please report it with it")]
        problems.extend(found)
        if article is not None:
            articles.append(article)
    if not first_of:
        problems.append(Diagnostic("error", label, "no articles (*.txt, *.md) in the seeds folder: add the "
                                                   "articles, or point `seeds:` at the folder that holds them"))
    return articles, problems


# what to do with a file that is not an article, by its kind
_DOCUMENTS = {".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text",
              ".rtf": "a rich-text document", ".pages": "a Pages document", ".pdf": "a PDF"}


def not_an_article(name: str, file: str) -> Diagnostic:
    """The problem with a file in the seeds folder that is not an article (.txt, .md): a saved web
    page stops there (an error: it was meant as an article, and `briefing add` makes it one); a
    document or any other file is a warning naming what to do (it counts for --strict)."""
    suffix = Path(name).suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return Diagnostic("error", file, f"not built: a saved web page; make it an article with `briefing add {file}` "
                                         "(it writes a .md beside it with the page's title, outlet and date), then "
                                         "move the page out of the seeds folder")
    if suffix in _DOCUMENTS:
        return Diagnostic("warning", file, f"not read: {_DOCUMENTS[suffix]}; copy its text into a .txt file (or save "
                                           "it as plain text) in the seeds folder, then move this file out of it")
    return Diagnostic("warning", file, "not read: only .txt and .md files are articles (and web pages through "
                                       "`briefing add`); move it out of the seeds folder")


def _read_bytes(path: Path, max_bytes: int) -> tuple[bytes | None, str | None]:
    """At most `max_bytes` of a regular file, without following a symbolic link (files.read); (data, problem)."""
    got = files.read(path, max_bytes)
    if got.refused in (files.LINK, files.UNREADABLE):
        return None, f"skipped: cannot read it ({got.detail})"
    if got.refused == files.SPECIAL:
        return None, "skipped: not a regular file; save the article as a text file"
    if got.refused == files.LARGE:
        size = f"{got.size:,} bytes is" if got.size is not None else "it is"
        return None, (f"skipped: {size} over the {max_bytes:,}-byte limit for one article; split it, or "
                      "raise `max_article_bytes`")
    return got.data, None


def read_article(path: Path, file: str, meta: Mapping[str, object] | None = None, max_bytes: int = MAX_BYTES
                 ) -> tuple[Article | None, list[Diagnostic]]:
    """One article file. `meta` is metadata already checked (metadata.check) from the config; the
    front matter of a .md file is checked here and wins key by key."""
    problems: list[Diagnostic] = []
    data, problem = _read_bytes(path, max_bytes)
    if data is None:
        return None, [Diagnostic("error", file, problem or "skipped")]
    head = data[:8192]
    if head.count(b"\x00") * 20 > len(head):  # more than 5% NUL bytes: not an article
        return None, [Diagnostic("error", file, "skipped: binary file (NUL bytes); save the article as UTF-8 text")]
    raw, bad_byte = decode(data)
    if bad_byte is not None:
        if (share := _not_text(data)) is not None:
            return None, [Diagnostic("error", file, f"skipped: binary file or an unknown encoding ({share:.0%} of its "
                                                    "first bytes are control characters or letters outside ASCII, "
                                                    "and it is not UTF-8); save the article as UTF-8 text")]
        problems.append(Diagnostic("warning", file, f"not valid UTF-8 (byte {bad_byte}); read as Windows-1252. "
                                                    "Save it as UTF-8 to silence this"))
    meta = {k: clean_text(v) for k, v in (meta or {}).items() if k in META_KEYS and isinstance(v, str)}
    body_start = 0
    if path.suffix.lower() == ".md":
        front, body_start, found = front_matter(raw, file)
        problems += found
        meta.update(front)
    segments, removed = split_segments(raw, body_start, meta.get("title"))
    if not segments:
        problems.append(Diagnostic("error", file, "skipped: no text (empty, or only whitespace and residue lines)"))
        return None, problems
    title = meta.get("title")
    guessed: tuple[str, ...] = ()
    if title is None:  # the title line, or else a title made from the first sentence (a guess)
        first = segments[0]
        title = clean_text(first.text) if first.kind == "title" else titles.guess(first.text)
        guessed = () if first.kind == "title" or not title else ("title",)
    article = datelines.guess_source(Article(
        id=path.stem,
        file=file,
        raw=raw,
        title=title or path.stem,
        segments=tuple(segments),
        source=meta.get("source"),
        date=meta.get("date"),
        url=meta.get("url"),
        author=meta.get("author"),
        removed=tuple(removed),
        guessed=guessed,
    ))
    if article.source is None and (outlet := outlet_from_file_name(path.stem, raw)):
        article = dataclasses.replace(article, source=outlet, guessed=article.guessed + ("source",))
    return article, problems


def decode(data: bytes) -> tuple[str, int | None]:
    """An article file's text: UTF-8, else Windows-1252 (with the offset of the first byte that is
    not UTF-8). Offsets everywhere are into this text."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data.decode("cp1252", errors="replace"), exc.start


CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]")  # and bytes cp1252 leaves out
HIGH_BYTES = re.compile(rb"[\x80-\xff]")


def _not_text(data: bytes, sample: int = 65536) -> float | None:
    """For bytes that are not UTF-8: when no Windows-1252 text looks like them (over 1% control
    characters or bytes it does not define, or over a third of bytes outside ASCII), the share of
    the first `sample` bytes that are control or outside ASCII; None for Windows-1252 text."""
    head = data[:sample]
    odd, high = len(CONTROL_BYTES.findall(head)), len(HIGH_BYTES.findall(head))
    if odd * 100 > len(head) or high * 3 > len(head):
        return min(1.0, (odd + high) / len(head))
    return None


# words a file is named after that are not outlets
FILE_WORDS = frozenset({"article", "articles", "story", "stories", "news", "text", "draft", "copy", "final", "new",
                        "old", "test", "untitled", "document", "file", "seed", "source", "report", "page", "item"})


def outlet_from_file_name(stem: str, text: str = "") -> str | None:
    """The outlet a file is named after, after an order prefix: "02_reuters" -> "Reuters". One
    word of letters only, so a hash ("02_21c3…"), a title slug ("bridge-closes-after-storm") or a
    generic word is no outlet. Its casing is the article's where the text names it ("cnn" -> "CNN"
    in an article that says "(CNN)", "usatoday" -> "USA TODAY": datelines.usual_spelling), else the
    file's own with a capital first letter: a short name is no acronym by its length ("time" -> "Time")."""
    name = re.sub(r"^[\d]+[_\-. ]*", "", stem)
    if not re.fullmatch(r"[A-Za-z][a-z]+|[A-Z]{2,}", name) or name.lower() in FILE_WORDS:
        return None
    return datelines.usual_spelling(name[:1].upper() + name[1:], text)


def front_matter(raw: str, file: str) -> tuple[dict[str, str], int, list[Diagnostic]]:
    """YAML front matter between `---` lines: (checked metadata, offset of the body, problems).
    Read through safeyaml (no aliases, bounded) and checked by metadata.check."""
    m = re.match(r"\ufeff?---[ \t]*\r?\n(.*?)(?:^|\n)---[ \t]*(?:\r?\n|$)", raw, re.DOTALL)
    if not m:
        return {}, 0, []
    if len(m.group(1)) > MAX_FRONT_MATTER:
        return {}, m.end(), [Diagnostic("warning", file, f"front matter over {MAX_FRONT_MATTER:,} characters; "
                                                         "metadata ignored")]
    data, problem = safeyaml.load(m.group(1), file, line_offset=1,
                                  outcome="fix the YAML between the `---` lines; metadata ignored")
    if problem:
        return {}, m.end(), [Diagnostic("warning", file, f"malformed front matter: {problem.message}")]
    if data is None:
        return {}, m.end(), []
    if not isinstance(data, dict):
        return {}, m.end(), [Diagnostic("warning", file, "front matter is not a mapping of `key: value` lines; "
                                                         "metadata ignored")]
    values, problems = metadata_stage.check(data, file, "front matter ")
    return values, m.end(), problems


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
    keep, removed = _set_aside_residue(raw, _blocks(raw, start))
    title_line = bool(keep) and (title is None or clean_text(raw[keep[0][0]:keep[0][1]]).casefold() == title.casefold())
    pieces = [piece for s, e in _paragraphs(raw, keep, title_line) for piece in _bounded(raw, s, e)]
    segments: list[Segment] = []
    for n, (s, e) in enumerate(pieces):
        segments.append(Segment(_kind(n, raw[s:e], title_line, segments), s, e, raw[s:e]))
    return segments, removed


_BLANK = re.compile(r"\n[ \t\r]*\n")


def _set_aside_residue(raw: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[Segment]]:
    """(lines kept, residue lines as segments): residue.py's lines and boxes, and a line
    repeated in the article unless it is the first kept (a repeated first line is the title)."""
    texts = [raw[s:e] for s, e in lines]
    gaps = [raw[e:s] for (_, e), (s, _) in zip([(0, 0), *lines], [*lines, (len(raw), len(raw))])]
    alone = [bool(_BLANK.search(before)) and bool(_BLANK.search(after)) for before, after in zip(gaps, gaps[1:])]
    repeated, boxed = residue.repeated(texts), residue.boxes(texts) | residue.stray_headlines(texts, alone)
    keep: list[tuple[int, int]] = []
    removed: list[Segment] = []
    for n, (s, e) in enumerate(lines):
        text = raw[s:e]
        if residue.is_residue(text) or n in boxed or (n in repeated and keep):
            removed.append(Segment("paragraph", s, e, text))
        else:
            keep.append((s, e))
    return keep, removed


def _paragraphs(raw: str, keep: list[tuple[int, int]], title_line: bool) -> list[tuple[int, int]]:
    """Kept lines joined into paragraphs: a line break without a blank line continues the paragraph
    (after the title line, which stays alone)."""
    merged: list[tuple[int, int]] = []
    for s, e in keep:
        gap = raw[merged[-1][1]:s] if merged else ""
        if len(merged) > (1 if title_line else 0) and "\n" in gap and not re.search(r"\n[ \t\r]*\n", gap):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _kind(n: int, text: str, title_line: bool, before: list[Segment]) -> str:
    """The n-th segment's kind: the title (the first, if a title line is expected and it looks like
    one), the standfirst (the second, after a title, if it looks like one), else a paragraph."""
    if n == 0 and title_line and _looks_like_title(text):
        return "title"
    if n == 1 and before[0].kind == "title" and _looks_like_standfirst(text):
        return "standfirst"
    return "paragraph"


# Characters; a longer paragraph is split at sentence ends (or spaces). News paragraphs are under
# ~700 characters; spaCy's memory grows with the characters in a batch of 64 segments, so a one-line
# 2 MB article peaked at 3.8 GB with 20,000-character pieces (see benchmarks/RESULTS.md).
MAX_SEGMENT = 2_000


def _bounded(raw: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split [s, e) into pieces of at most MAX_SEGMENT characters, so every later stage works on
    paragraphs of bounded size even when an article is one 2 MB line."""
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
    return 0 < len(words) <= 30 and not re.search(r"[.]\s*$", text.strip()) and titles.is_headline(text)


def _looks_like_standfirst(text: str) -> bool:
    words = clean_text(text).split()
    return 0 < len(words) <= 40 and not SENTENCE_END.search(text.strip())
