"""What every page of one briefing needs to know: page paths, the entity of each mention, the
sentences linked to, the outlet names readers see. Built once per briefing."""
from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterator

from slugify import slugify

from ..model import Article, Briefing, Entity, Fact, Mention
from .. import slugs
from ..slugs import LABEL, SLUG
from .escape import md_text, meta_title
from .links import Urls

TYPES = {  # label -> (css suffix, name shown to readers)
    "PERSON": ("person", "Person"), "NORP": ("group", "Group"), "ORG": ("org", "Organisation"),
    "GPE": ("place", "Place"), "LOC": ("location", "Location"), "FAC": ("facility", "Facility"),
    "PRODUCT": ("product", "Product"), "EVENT": ("event", "Event"), "WORK_OF_ART": ("work", "Work"),
    "LAW": ("law", "Law"), "LANGUAGE": ("language", "Language"),
}
GLOSSARY_SPLIT = 400  # entities; more are split into one glossary page per initial
# the briefing's pages and files at its root, besides index.md, the glossary and articles/
TIMELINE, QUOTES, JSON_FILE, CSV_FILE = "timeline.md", "quotes.md", "briefing.json", "facts.csv"


def label_name(label: str) -> str:
    """The type's name for readers; a label outside TYPES shows as itself only when it is a plain
    name (letters and underscores, as spaCy's are), else as "Other": labels land in HTML unescaped."""
    return TYPES.get(label, ("other", label.title() if LABEL.fullmatch(label) else "Other"))[1]


def css(label: str) -> str:
    return TYPES.get(label, ("other", ""))[0]


LEGEND_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")


def legend(labels: set[str]) -> str:
    """The legend of the entity types among `labels` only, each a button (briefing.js) that hides
    that type's highlights; labels outside TYPES share one "Other" entry. Empty without labels."""
    present = [TYPES[label] for label in LEGEND_ORDER if label in labels]
    if set(labels) - set(TYPES):
        present.append(("other", "Other"))
    if not present:
        return ""
    return ('<div class="bf-legend" markdown="0" role="group" aria-label="Entity types: show or hide highlights">'
            + "".join(f'<span class="bf-ent bf-{c}" data-type="{c}">{n}</span>' for c, n in present) + "</div>")


def article_slugs(articles: tuple[Article, ...]) -> dict[str, str]:
    used: set[str] = set()
    out = {}
    for a in articles:
        base = (slugify(a.title, max_length=60, word_boundary=True) or slugs.slug(a.id, 60) or "article")
        slug, n = base, 2
        while slug in used or slug == "index":
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[a.id] = slug
    return out


def glossary_letter(name: str) -> str:
    first = slugify(name)[:1]
    return first if first.isalpha() else "0-9"


def glossary_layout(briefing: Briefing) -> tuple[str, dict[str, str]]:
    """(the glossary's first page, entity id -> its glossary page), relative to the briefing's folder."""
    if len(briefing.entities) <= GLOSSARY_SPLIT:
        return "glossary.md", {e.id: "glossary.md" for e in briefing.entities}
    return "glossary/index.md", {e.id: f"glossary/{glossary_letter(e.name)}.md" for e in briefing.entities}


def front_matter(title: str, boost: int | None = None, search: bool = True) -> list[str]:
    """A page's front matter: its title (escaped for the places MkDocs and the theme put it
    unescaped), and a search boost, or the page left out of search."""
    lines = ["---", f"title: {meta_title(title)}"]
    if boost is not None or not search:
        lines += ["search:", f"  boost: {boost}" if search else "  exclude: true"]
    return lines + ["---", ""]


def crumbs(trail: list[tuple[str, str]], here: str) -> list[str]:
    """The way back, above the page's heading: each (name, link) of `trail`, then this page's
    name. Left out of the search index (the page's title already says where it belongs), so a
    search for a briefing's name does not match every page of it."""
    sep = ' <span class="bf-sep" aria-hidden="true">›</span> '
    items = [f"[{md_text(name)}]({link})" for name, link in trail] + [f'<span aria-current="page">{md_text(here)}</span>']
    return ['<nav class="bf-crumbs" aria-label="Breadcrumb" data-search-exclude markdown="span">'
            + sep.join(items) + "</nav>", ""]


class Context:
    def __init__(self, briefing: Briefing, shared: dict[str, str] | None = None, site: str | None = None,
                 urls: Urls = Urls()):
        """`shared`, for a briefing that is part of a site of several: entity id -> the page of the
        same entity across briefings, relative to the briefing's folder (None: a briefing alone);
        `site`, there, the site's title (its home is `../index.md`); `urls`, the addresses of pages,
        for the links written as HTML (links.py)."""
        unsafe = [x.id for x in (*briefing.entities, *briefing.facts) if not SLUG.fullmatch(x.id)]
        if unsafe:  # ids are slugs by construction (and checked when read from the cache): never markup
            raise ValueError(f"an entity or fact id that is not a slug: {unsafe[0][:40]!r}")
        self.b = briefing
        self.urls = urls
        self.in_site = shared is not None
        self.site = site if self.in_site else None
        self.shared = shared or {}
        self.slugs = article_slugs(briefing.articles)
        self.articles = {a.id: a for a in briefing.articles}
        self.order = {a.id: n for n, a in enumerate(briefing.articles)}
        self.entity_of: dict[tuple[str, int], Entity] = {}
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        anchors: dict[str, set[int]] = defaultdict(set)  # article -> sentence starts linked to
        for e in briefing.entities:
            for m in e.mentions:
                self.entity_of[(m.article, m.start)] = e
                self.mentions[m.article].append(m)
                anchors[m.article].add(m.sentence[0])
        for ms in self.mentions.values():
            ms.sort(key=lambda m: m.start)
        self.mention_starts = {aid: [m.start for m in ms] for aid, ms in self.mentions.items()}
        for f in briefing.facts:
            for c in f.claims:
                anchors[c.article].add(c.sentence_start)
        self.anchors = {aid: sorted(offsets) for aid, offsets in anchors.items()}
        self.glossary_home, self.glossary_of = glossary_layout(briefing)
        self.glossary_split = self.glossary_home != "glossary.md"
        self.facts_of: dict[str, list[Fact]] = defaultdict(list)  # article -> facts it has a claim in
        for f in briefing.facts:
            for aid in dict.fromkeys(c.article for c in f.claims):
                self.facts_of[aid].append(f)

    def title(self, page: str) -> str:
        """A page's title: in a site of several briefings it names the briefing too, so the browser's
        tab and every search result say which briefing a page belongs to."""
        return f"{page} · {self.b.title}" if self.in_site else page

    def head(self, page: str, up: str, boost: int | None = None, via: tuple[tuple[str, str], ...] = ()) -> list[str]:
        """Front matter and the way back (the site's home, the briefing's home, then `via`) above
        the page's heading. `up` leads from the page's folder to the briefing's (`""`, or `"../"`
        from articles/ and glossary/)."""
        trail = [(self.site, f"{up}../index.md")] if self.site is not None else []
        trail += [(self.b.title, f"{up}index.md"), *via]
        return front_matter(self.title(page), boost) + crumbs(trail, page)

    def article_page(self, aid: str) -> str:
        """The article's page, relative to the briefing's folder."""
        return f"articles/{self.slugs[aid]}.md"

    def mentions_from(self, aid: str, start: int) -> Iterator[Mention]:
        """The article's mentions that start at or after `start`, in order, lazily: a caller stops at
        its paragraph's end, so a page costs its own mentions, not the rest of the article's for each
        paragraph (10,000 paragraphs: 9 s of copying)."""
        mentions = self.mentions.get(aid, [])
        first = bisect.bisect_left(self.mention_starts.get(aid, []), start)
        return (mentions[n] for n in range(first, len(mentions)))

    def shared_by(self, aid: str, start: int, end: int) -> float:
        """How much text [start, end) of an article is about what the briefing's articles share:
        of the entities it names, the largest share of the articles that name the same one (0 to 1)."""
        starts = self.mention_starts.get(aid, [])
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        reach = [self.reach[self.entity_of[(aid, s)].id] for s in starts[lo:hi]]
        return max(reach, default=0) / max(1, len(self.b.articles))

    @functools.cached_property
    def reach(self) -> dict[str, int]:
        """Entity id -> the number of articles that name it."""
        return {e.id: len({m.article for m in e.mentions}) for e in self.b.entities}

    def source_name(self, aid: str) -> str:
        """The outlet, or where it is unknown, says so with the start of the title to tell articles apart."""
        a = self.articles[aid]
        if a.source:
            return a.source
        words = a.title.split()
        return f"Unknown outlet ({' '.join(words[:4])}{'…' if len(words) > 4 else ''})"
