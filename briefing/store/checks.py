"""What a cached briefing result must say before a build uses it. The cache folder is input like any
other: anyone who can write it (or a CI cache restored from elsewhere) could have written an entry
under the very key a build computes, since keys are digests of public inputs. The codec
(results.py) checks shapes and types; these check what pages take from an entry:

  - ids and labels are plain names: they land in HTML ids, links and class names (pages escape
    text, not ids), so an id is a slug and a label a spaCy-style name, nothing else;
  - the articles are the files the key was made of, byte for byte, and every offset and quoted
    text (mentions, claims, segments, sentences) is the article's own text at those offsets;
  - a briefing's summary is the one of its own folder, linking only to its own glossary pages.

So an entry that passes can only rearrange what the articles say (which spans are names or facts,
how they are grouped); it can put no markup on a page, no text that is not in the inputs except
through escaped fields, and no link outside the site. Each check returns why an entry fails, or None.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..model import Article, Briefing
from ..reading.seeds import decode
from ..site.summaries import Summary
from ..slugs import LABEL, SLUG

GLOSSARY_PAGE = re.compile(r"glossary\.md|glossary/(?:[a-z]|0-9)\.md")  # render/context.py glossary_layout
DIFF_OPS = frozenset("=-+")


def summary(s: Summary, slug: str, folder: str) -> str | None:
    """A cached summary belongs to the briefing of `folder`, published at `slug`."""
    if (s.slug, s.folder) != (slug, folder):
        return "the summary of another briefing"
    for ref in s.entities:
        if not SLUG.fullmatch(ref.id) or not LABEL.fullmatch(ref.label) or not GLOSSARY_PAGE.fullmatch(ref.page):
            return f"an entity id, label or page that is not a plain name: {ref.id[:40]!r}"
    return None


def briefing(b: Briefing, files: Mapping[str, bytes], label: str) -> str | None:
    """A cached briefing of the folder `label` whose files are `files` (name -> bytes, as its key
    read them)."""
    articles = {a.id: a for a in b.articles}
    for a in b.articles:
        if (why := _article(a, files, label)) is not None:
            return why
    return _entities(b, articles) or _facts(b, articles)


def _entities(b: Briefing, articles: Mapping[str, Article]) -> str | None:
    for e in b.entities:
        if not SLUG.fullmatch(e.id) or not LABEL.fullmatch(e.label):
            return f"an entity id or label that is not a plain name: {e.id[:40]!r}"
        for m in e.mentions:
            a = articles.get(m.article)
            if a is None or not LABEL.fullmatch(m.label) or not 0 <= m.segment < len(a.segments) \
                    or not _spans(a, [(m.start, m.end, m.text)], [m.sentence]):
                return f"a mention that is not its article's text: {m.text[:40]!r}"
        if any(d.article and d.article not in articles for d in e.descriptions):
            return "a description from an article the briefing does not have"
    return None


def _facts(b: Briefing, articles: Mapping[str, Article]) -> str | None:
    for f in b.facts:
        if not SLUG.fullmatch(f.id) or any(op not in DIFF_OPS for op, _ in f.diff):
            return f"a fact id or diff that is not plain: {f.id[:40]!r}"
        for c in f.claims:
            a = articles.get(c.article)
            if a is None or not _spans(a, [(c.start, c.end, c.text)], [(c.sentence_start, c.sentence_end)]):
                return f"a claim that is not its article's text: {c.text[:40]!r}"
    return None


def _article(a: Article, files: Mapping[str, bytes], label: str) -> str | None:
    name = a.file[len(label) + 1:] if a.file.startswith(f"{label}/") else None
    data = files.get(name) if name else None
    if data is None or name.rsplit(".", 1)[0] != a.id or decode(data)[0] != a.raw:
        return f"an article that is not the file it names: {a.file[:60]!r}"
    if not _spans(a, [(s.start, s.end, s.text) for seg in (a.segments, a.removed) for s in seg], []):
        return f"a paragraph that is not its article's text: {a.file[:60]!r}"
    return None


def _spans(a: Article, quoted: Iterable[tuple[int, int, str]], offsets: Iterable[tuple[int, int]]) -> bool:
    """Each (start, end, text) is the article's text at those offsets; each offset lies in it."""
    n = len(a.raw)
    return (all(0 <= s <= e <= n and a.raw[s:e] == text for s, e, text in quoted)
            and all(0 <= x <= n for pair in offsets for x in pair))
