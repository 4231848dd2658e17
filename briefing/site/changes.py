"""What changed in a site of several briefings since the build before: new briefings, articles
added to or gone from a briefing, a new count of facts the outlets differ on, briefings removed.

A build compares what it sees (`seen`) with what the last build that saw something different
saw (`History`): the front page shows the latest change, and building the same inputs again
shows the same page (the output stays a function of the inputs and that one record, which the
build keeps in its cache folder; a new cache folder starts with no change to show).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .summaries import Headline, Site


@dataclass(frozen=True)
class Seen:
    """One briefing as a build saw it."""

    slug: str
    title: str
    articles: tuple[Headline, ...]
    differ: int
    inputs: str  # a digest of what the briefing was built from (its result's cache key)


@dataclass(frozen=True)
class History:
    """The briefings the last two builds that differed saw (`before` is None after the first)."""

    before: tuple[Seen, ...] | None
    now: tuple[Seen, ...]


@dataclass(frozen=True)
class Change:
    slug: str
    title: str
    kind: Literal["new", "updated", "removed"]
    added: tuple[Headline, ...] = ()
    edited: tuple[Headline, ...] = ()  # its title or outlet changed
    gone: tuple[Headline, ...] = ()
    differ: tuple[int, int] = (0, 0)  # facts the outlets differ on: before, now
    revised: bool = False  # built from other inputs (an article's text, a rule), whatever else shows
    was: str = ""  # its title before, when that changed


def seen(site: Site, inputs: dict[str, str]) -> tuple[Seen, ...]:
    """The briefings in the site's order (newest first); `inputs`: briefing slug -> its inputs' digest."""
    return tuple(Seen(s.slug, s.title, s.headlines, s.differ, inputs[s.slug]) for s in site.briefings)


def advance(history: History | None, now: tuple[Seen, ...]) -> History:
    """The history after a build that saw `now`: unchanged when it saw what the last one saw."""
    if history is not None and history.now == now:
        return history
    return History(history.now if history is not None else None, now)


def changes(history: History) -> tuple[Change, ...]:
    """The latest change, in the order of the briefings now (removed ones last); empty after the
    first build, or when nothing the front page shows changed."""
    if history.before is None:
        return ()
    before = {s.slug: s for s in history.before}
    out = []
    for s in history.now:
        old = before.pop(s.slug, None)
        if old is None:
            out.append(Change(s.slug, s.title, "new", s.articles, differ=(0, s.differ)))
            continue
        was, has = {h.id: h for h in old.articles}, {h.id for h in s.articles}
        added = tuple(h for h in s.articles if h.id not in was)
        edited = tuple(h for h in s.articles if h.id in was and was[h.id] != h)
        gone = tuple(h for h in old.articles if h.id not in has)
        if old != s:
            out.append(Change(s.slug, s.title, "updated", added, edited, gone, (old.differ, s.differ),
                              old.inputs != s.inputs, old.title if old.title != s.title else ""))
    out += [Change(old.slug, old.title, "removed", differ=(old.differ, 0)) for old in before.values()]
    return tuple(out)
