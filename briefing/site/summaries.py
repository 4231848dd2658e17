"""Many briefings in one site: what each briefing tells the site, which entities are the same
across briefings, and the order of the briefings.

Plain functions over frozen dataclasses. A briefing's `Summary` is all the site stage reads (it
is cached with the briefing's result, so an unchanged briefing is never re-run or re-read).
Two briefings' entities are one only on strong evidence: the same id from a data package (a
country or US state by knowledge.py: "U.S." = "United States"), or the same label and the same
normalised full name; never a bare surname, a group or nationality, a region word or an outlet.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from slugify import slugify

from .. import slugs
from ..words import knowledge
from ..model import Briefing
from ..entities.names import fold, name_parts, normalize
from ..facts.review import shown_as_disputed

RESERVED_IDS = frozenset({"index"})
PLACE_LABELS = ("GPE", "LOC")  # entities that may carry a country or US state id from knowledge.py
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class EntityRef:
    """An entity of one briefing, as the site needs it."""

    id: str
    name: str
    label: str
    description: str | None
    page: str  # its glossary page, relative to the briefing's folder
    mentions: int
    articles: int
    kid: str | None = None  # a country's or US state's id from knowledge.py ("country:US")


class Headline(NamedTuple):
    """An article as the site's front page names it."""

    id: str
    source: str | None
    title: str


@dataclass(frozen=True)
class Summary:
    """What the site shows of one briefing."""

    slug: str
    folder: str
    title: str
    date: str | None  # the briefing's date, else its newest article date
    outlets: tuple[str, ...]
    articles: int
    facts: int
    differ: int  # facts the outlets differ on, sure enough to be headlined (not the unsure rows)
    entities: tuple[EntityRef, ...]
    headlines: tuple[Headline, ...] = ()  # its articles, in order


@dataclass(frozen=True)
class Shared:
    """An entity named in two or more briefings: (briefing slug, entity id) per briefing."""

    id: str
    name: str
    label: str
    members: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Site:
    title: str
    briefings: tuple[Summary, ...]  # newest first
    shared: tuple[Shared, ...]  # by id


def summarize(b: Briefing, slug: str, folder: str, date: str | None, glossary_of: dict[str, str]) -> Summary:
    """`date` is the briefing's own (briefing.yml); without it, the newest article date."""
    dates = [a.date[:10] for a in b.articles if a.date and ISO_DATE.match(a.date)]
    refs = tuple(EntityRef(e.id, e.name, e.label, e.description, glossary_of[e.id], len(e.mentions),
                           len({m.article for m in e.mentions}),
                           knowledge.place(e.name) if e.label in PLACE_LABELS else None)
                 for e in b.entities)
    return Summary(slug, folder, b.title, date or (max(dates) if dates else None),
                   tuple(dict.fromkeys(a.source for a in b.articles if a.source)), len(b.articles),
                   len(b.facts), len(shown_as_disputed(b.facts)), refs,
                   tuple(Headline(a.id, a.source, a.title) for a in b.articles))


# Region words: "the North", "Midwest", "Western" name a different region in every story.
REGION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                          "midwest", "northern", "southern", "eastern", "western", "central", "the"})


def identity(ref: EntityRef, outlets: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """What makes two briefings' entities one; None for an entity that is never shared: a group
    or nationality, a region word, an outlet of the site's articles (a credit or a teaser names it
    in every briefing), a bare surname or an initial with a surname."""
    if ref.kid:
        return ("id", ref.kid)
    words = re.findall(r"[0-9a-z]+", fold(normalize(ref.name)).lower())
    if not words or ref.label == "NORP" or set(words) <= REGION_WORDS or " ".join(words) in outlets:
        return None
    if ref.label == "PERSON":
        parts = name_parts(ref.name)
        if len(parts) < 2 or len(parts[0]) < 2:  # a bare surname, or an initial and a surname
            return None
        return ("name", ref.label, " ".join(parts))
    return ("name", ref.label, " ".join(words))


def build(title: str, summaries: list[Summary]) -> Site:
    ordered = tuple(sorted(summaries, key=lambda s: (s.date or "", s.folder), reverse=True))
    groups: dict[tuple[str, ...], list[tuple[Summary, EntityRef]]] = defaultdict(list)
    outlets = frozenset(" ".join(re.findall(r"[0-9a-z]+", fold(o).lower())) for s in ordered for o in s.outlets)
    for s in ordered:
        for ref in s.entities:
            ident = identity(ref, outlets)
            if ident is not None:
                groups[ident].append((s, ref))
    shared = []
    for ident, members in groups.items():
        if len({s.slug for s, _ in members}) < 2:
            continue
        names = Counter(ref.name for _, ref in members)  # in order: the newest briefing's first
        name = min(names, key=lambda n: (-names[n], n.isupper(), list(names).index(n)))
        labels = Counter(ref.label for _, ref in members)
        label = min(labels, key=lambda x: (-labels[x], x))
        # one entry per briefing: where a briefing has two entities of one identity, the most named
        first: dict[str, EntityRef] = {}
        for s, ref in members:
            if s.slug not in first or ref.mentions > first[s.slug].mentions:
                first[s.slug] = ref
        shared.append((ident, name, label, tuple((slug, ref.id) for slug, ref in first.items())))
    return Site(title, ordered, tuple(sorted(_assign_ids(shared), key=lambda x: x.id)))


def _assign_ids(groups: list[tuple[tuple[str, ...], str, str, tuple[tuple[str, str], ...]]]) -> list[Shared]:
    """A stable id per shared entity: its name's slug; the label is added when two share a name."""
    by_slug: dict[str, list] = defaultdict(list)
    for g in sorted(groups):
        by_slug[slugs.slug(g[1]) or "entity"].append(g)  # bounded: a page's file name
    out = []
    used: set[str] = set()
    for base, gs in sorted(by_slug.items()):
        for ident, name, label, members in gs:
            slug = base if len(gs) == 1 and base not in RESERVED_IDS else f"{base}-{slugify(label)}"
            n = 2
            while slug in used:
                slug, n = f"{base}-{slugify(label)}-{n}", n + 1
            used.add(slug)
            out.append(Shared(slug, name, label, members))
    return out


def links(site: Site) -> dict[str, dict[str, str]]:
    """Briefing slug -> {entity id: shared entity id}: the cross-briefing data a briefing's pages show."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for sh in site.shared:
        for slug, eid in sh.members:
            out[slug][eid] = sh.id
    return out


def month(s: Summary) -> str | None:
    """YYYY-MM of a briefing's date."""
    return s.date[:7] if s.date else None
