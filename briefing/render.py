"""Briefing -> pages (Markdown, JSON, CSS, JS). Every piece of article text goes through
`md_text`, which leaves nothing that Markdown, HTML, attr_list, Jinja or a table can act on."""
from __future__ import annotations

import bisect
import functools
import html
import json
import re
from collections import Counter, defaultdict
from importlib import resources

from slugify import slugify

from .model import Article, Briefing, Entity, Fact, Mention
from .sources import CONTROL, clean_text

TYPES = {  # label -> (css suffix, name shown to readers)
    "PERSON": ("person", "Person"), "NORP": ("group", "Group"), "ORG": ("org", "Organisation"),
    "GPE": ("place", "Place"), "LOC": ("location", "Location"), "FAC": ("facility", "Facility"),
    "PRODUCT": ("product", "Product"), "EVENT": ("event", "Event"), "WORK_OF_ART": ("work", "Work"),
    "LAW": ("law", "Law"), "LANGUAGE": ("language", "Language"),
}
STATUS = {"agree": "✓ agree", "differ": "≠ differ", "single": "○ single"}
KIND = {"number": "Number", "duration": "Duration", "age": "Age", "date": "Date", "quote": "Quote", "equipment": "Equipment"}
MAX_CLAIMS_SHOWN = 6
MAX_BACKLINKS = 60  # paragraphs listed under one glossary entry
GLOSSARY_SPLIT = 400  # entities; more are split into one glossary page per initial
MAX_OUTLET_COLUMNS = 8
UNSAFE = re.compile(r"[^A-Za-z0-9 ,.;:?!'/\-\u0080-\U0010ffff]")  # every other ASCII character
WHITESPACE = re.compile(r"\s+")
DOUBLE_SPACE = re.compile(r"  +")
JSON_VERSION = 1


@functools.lru_cache(maxsize=65536)
def md_text(text: str) -> str:
    """Plain text -> Markdown that renders as exactly that text and nothing else.

    ASCII punctuation that any enabled extension could read as syntax becomes a numeric
    character reference; control and bidi characters are dropped and whitespace folded.
    """
    return _protect_start(md_inline(clean_text(text)))


def md_inline(text: str) -> str:
    """Like md_text for a piece inside a line: a space at either edge is kept."""
    return UNSAFE.sub(_reference, WHITESPACE.sub(" ", CONTROL.sub("", text)))


def _reference(m: re.Match) -> str:
    return f"&#{ord(m.group())};"


def _protect_start(markdown: str) -> str:
    """A line must not open a block: '-' (list, rule), '1.' (ordered list), ':' (definition).
    Every other block marker ('#', '>', '*', '+', '|', indentation) is already escaped or folded."""
    if re.match(r"-|\d+[.)]|:", markdown):
        return f"&#{ord(markdown[0])};" + markdown[1:]
    return markdown


def diff_html(diff: tuple[tuple[str, str], ...]) -> str:
    """A word diff as <del>/<ins> (read out by screen readers, struck through or underlined in print)."""
    tags = {"-": ('<del class="bf-diff">', "</del>"), "+": ('<ins class="bf-diff">', "</ins>"), "=": ("", "")}
    return " ".join(f"{tags[op][0]}{md_inline(text)}{tags[op][1]}" for op, text in diff)


def label_name(label: str) -> str:
    return TYPES.get(label, ("other", label.title()))[1]


def css(label: str) -> str:
    return TYPES.get(label, ("other", ""))[0]


def meta_title(text: str) -> str:
    """A page title for front matter. MkDocs and the theme put `page.title` into <title>, the nav
    and the search index without escaping it, so it is HTML-escaped here, then quoted as YAML."""
    return json.dumps(html.escape(clean_text(text), quote=True), ensure_ascii=False)


def article_slugs(articles: tuple[Article, ...]) -> dict[str, str]:
    used: set[str] = set()
    out = {}
    for a in articles:
        base = (slugify(a.title, max_length=60, word_boundary=True) or slugify(a.id) or "article")
        slug, n = base, 2
        while slug in used or slug == "index":
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[a.id] = slug
    return out


class Renderer:
    def __init__(self, briefing: Briefing):
        self.b = briefing
        self.slugs = article_slugs(briefing.articles)
        self.articles = {a.id: a for a in briefing.articles}
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
        self.glossary_split = len(briefing.entities) > GLOSSARY_SPLIT
        self.glossary_home = "glossary/index.md" if self.glossary_split else "glossary.md"
        self.glossary_of = {e.id: (f"glossary/{_letter(e.name)}.md" if self.glossary_split else "glossary.md")
                            for e in briefing.entities}  # entity -> its glossary page
        self.facts_of: dict[str, list[Fact]] = defaultdict(list)  # article -> facts it has a claim in
        for f in briefing.facts:
            for aid in dict.fromkeys(c.article for c in f.claims):
                self.facts_of[aid].append(f)

    # -- pieces ----------------------------------------------------------------------------------
    def source_name(self, aid: str) -> str:
        """The outlet, or where it is unknown, says so with the start of the title to tell articles apart."""
        a = self.articles[aid]
        if a.source:
            return a.source
        words = a.title.split()
        return f"Unknown outlet ({' '.join(words[:4])}{'…' if len(words) > 4 else ''})"

    def tooltip(self, e: Entity) -> str:
        desc = f": {e.description}" if e.description else ""
        return md_text(f"{label_name(e.label)}{desc}")

    def annotate(self, article: Article, start: int, end: int, link_prefix: str) -> str:
        """Article text [start, end) as Markdown, each mention a typed link to the glossary.
        Whitespace is folded across the pieces exactly as clean_text folds the whole text."""
        out: list[str] = []

        def add(piece: str) -> None:
            piece = DOUBLE_SPACE.sub(" ", piece)
            if piece.startswith(" ") and (not out or out[-1].endswith(" ")):
                piece = piece[1:]
            if piece:
                out.append(piece)

        pos = start
        mentions = self.mentions.get(article.id, [])
        first = bisect.bisect_left(self.mention_starts.get(article.id, []), start)
        anchors = self.anchors.get(article.id, [])
        k = bisect.bisect_left(anchors, start)
        for m in mentions[first:] + [None]:
            # anchors up to this mention (one at its very start comes first), or to the segment's end
            while k < len(anchors) and anchors[k] < end and (m is None or anchors[k] <= m.start):
                if anchors[k] >= pos:  # a sentence a fact or a backlink points at
                    add(md_inline(article.raw[pos:anchors[k]]))
                    add(f'<span class="bf-s" id="s-{anchors[k]}"></span>')
                    pos = anchors[k]
                k += 1
            if m is None or m.start >= end:
                break
            if m.end > end or m.start < pos:
                continue
            label = md_inline(m.text)
            if not label.strip():
                continue  # nothing visible to link
            e = self.entity_of[(m.article, m.start)]
            add(md_inline(article.raw[pos:m.start]) + (" " if label.startswith(" ") else ""))
            add(f'[{label.strip()}]({link_prefix}{self.glossary_of[e.id]}#{e.id} "{self.tooltip(e)}"){{ .bf-ent .bf-{css(e.label)} }}'
                + (" " if label.endswith(" ") else ""))
            pos = m.end
        add(md_inline(article.raw[pos:end]))
        return _protect_start("".join(out).strip())

    def claim_link(self, claim, on_page: str | None) -> str:
        """A claim's text linked to its sentence; `on_page` is the article page it is shown on."""
        if claim.article == on_page:
            target = f"#s-{claim.sentence_start}"
        else:
            target = f"{'' if on_page else 'articles/'}{self.slugs[claim.article]}.md#s-{claim.sentence_start}"
        sentence = claim.sentence if len(claim.sentence) <= 300 else claim.sentence[:299] + "…"
        return f'[{md_text(claim.text)}]({target} "{md_text(sentence)}")'  # the whole sentence on hover

    # -- pages -----------------------------------------------------------------------------------
    def article_page(self, a: Article) -> str:
        lines = ["---", f"title: {meta_title(a.title)}", "---", ""]
        for si, seg in enumerate(a.segments):
            body = self.annotate(a, seg.start, seg.end, "../")
            if seg.kind == "title":
                lines += [f"# {body} {{ #p-{si} }}", ""]
                lines += [self.byline(a), ""]
            elif seg.kind == "standfirst":
                lines += [f"*{body}*", f"{{: #p-{si} .bf-standfirst }}", ""]
            else:
                lines += [body, f"{{: #p-{si} }}", ""]
        if not a.segments or a.segments[0].kind != "title":
            lines[4:4] = [f"# {md_text(a.title)}", "", self.byline(a), ""]
        lines += ["## Facts across sources { #facts }", ""]
        lines += self.fact_table(self.facts_of.get(a.id, []), a.id)
        lines += ["", LEGEND, ""]
        return "\n".join(lines)

    def byline(self, a: Article) -> str:
        parts = [md_text(a.source) if a.source else "Unknown outlet"]
        if a.date:
            parts.append(md_text(a.date))
        if a.author:
            parts.append("by " + md_text(a.author))
        if a.url and re.match(r"https?://", a.url):
            parts.append(f"[original]({md_text(a.url)})")
        parts.append(f"file {md_text(a.file)}")
        return "<small class=\"bf-byline\">" + " · ".join(parts) + "</small>"

    def fact_table(self, facts: list[Fact], aid: str | None) -> list[str]:
        """On an article page (aid given): this source's wording against every other source's."""
        if not facts:
            return ["No numbers, dates or quotes found."]
        head = "| Fact | This source | Other sources | Status |" if aid else "| Fact | Claims | Status |"
        rows = [head, "|---" * (head.count("|") - 1) + "|"]
        for f in facts:
            subject = f"{KIND.get(f.kind, f.kind)}: {md_text(f.subject)}"
            status = f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span>'
            if f.note:
                status += f"<br><small>{md_text(f.note)}</small>"
            if f.diff:
                status += "<br><small>" + diff_html(f.diff) + "</small>"
            if aid:
                mine = "<br>".join(self.claim_link(c, aid) for c in f.claims if c.article == aid)
                others = self._claims([c for c in f.claims if c.article != aid], aid) or "—"
                rows.append(f"| {subject} | {mine} | {others} | {status} |")
            else:
                claims = self._claims(list(f.claims), None)
                rows.append(f"| {subject} | {claims} | {status} |")
        return rows

    def _claims(self, claims: list, on_page: str | None) -> str:
        """Claims as `Outlet: wording` lines; long lists are cut so a page does not grow with the briefing."""
        shown = "<br>".join(f"{md_text(self.source_name(c.article))}: {self.claim_link(c, on_page)}"
                            for c in claims[:MAX_CLAIMS_SHOWN])
        if len(claims) > MAX_CLAIMS_SHOWN:
            shown += f"<br>… and {len(claims) - MAX_CLAIMS_SHOWN} more sources"
        return shown

    def glossary_pages(self) -> dict[str, str]:
        """One glossary page; past GLOSSARY_SPLIT entities, one page per initial letter and an index,
        so no page grows without bound."""
        entities = sorted(self.b.entities, key=lambda e: (e.name.casefold(), e.id))
        intro = (f"{len(entities)} entities named in {len(self.b.articles)} articles, merged across sources. "
                 "Each entry lists its names, a description taken from the text, and every mention with a link "
                 "back to its sentence.")
        if not self.glossary_split:
            return {self.glossary_home: self._glossary("Glossary", intro, entities, "")}
        by_page: dict[str, list[Entity]] = defaultdict(list)
        for e in entities:
            by_page[self.glossary_of[e.id]].append(e)
        index = ["---", "title: Glossary", "---", "", "# Glossary", "", intro, ""]
        pages = {}
        for page, members in sorted(by_page.items()):
            letter = page.split("/")[-1][:-3].upper()
            pages[page] = self._glossary(f"Glossary: {letter}", intro, members, "../")
            index.append(f"- [{letter}]({page.split('/')[-1]}): {len(members)} entities")
        pages[self.glossary_home] = "\n".join(index) + "\n"
        return pages

    def _glossary(self, title: str, intro: str, entities: list[Entity], up: str) -> str:
        lines = ["---", f"title: {meta_title(title)}", "search:", "  boost: 3", "---", "", f"# {md_text(title)}",
                 "", intro, "", LEGEND, ""]
        order = {a.id: n for n, a in enumerate(self.b.articles)}
        for e in entities:
            lines += [f"## {md_text(e.name)} {{ #{e.id} }}", ""]
            lines.append(f'<span class="bf-type bf-{css(e.label)}">{label_name(e.label)}</span> · '
                         f"{len(e.mentions)} mentions")
            lines.append("")
            others = [a for a in e.aliases if a != e.name]
            if others:
                lines += ["Also: " + ", ".join(md_text(a) for a in others), ""]
            for d in e.descriptions:
                where = f" ({md_text(self.source_name(d.article))})" if d.article else " (editor)"
                lines += [f"> {md_text(d.text)}{where}", ""]
            by_article: dict[str, list[Mention]] = defaultdict(list)
            for m in e.mentions:
                by_article[m.article].append(m)
            shown = 0
            in_order = sorted(by_article, key=order.get)
            for n, aid in enumerate(in_order):
                if shown >= MAX_BACKLINKS:
                    rest = in_order[n:]
                    paragraphs = sum(len({m.segment for m in by_article[x]}) for x in rest)
                    lines += [f"… and {paragraphs} more paragraphs in {len(rest)} more articles.", ""]
                    break
                a = self.articles[aid]
                page = f"{up}articles/{self.slugs[aid]}.md"
                lines += [f"**{md_text(self.source_name(aid))}**, [{md_text(a.title)}]({page}):", ""]
                first_in_paragraph: dict[int, Mention] = {}
                for m in by_article[aid]:
                    first_in_paragraph.setdefault(m.segment, m)
                for segment, m in first_in_paragraph.items():
                    lines.append(f"- [{md_text(_sentence(a.raw, m))}]({page}#s-{m.sentence[0]})")
                    shown += 1
                lines.append("")
        return "\n".join(lines)

    def index_page(self) -> str:
        b = self.b
        lines = ["---", f"title: {meta_title(b.title)}", "---", "", f"# {md_text(b.title)}", ""]
        lines += ["## Sources", "", "| Outlet | Article | Date |", "|---|---|---|"]
        for a in b.articles:
            lines.append(f"| {md_text(self.source_name(a.id))} | [{md_text(a.title)}](articles/{self.slugs[a.id]}.md)"
                         f" | {md_text(a.date) if a.date else '—'} |")
        lines += ["", "## Main entities", ""]
        top = sorted(b.entities, key=lambda e: (-len(e.mentions), e.name))[:15]
        column_of = self.outlet_columns()
        columns = list(dict.fromkeys(column_of.values()))
        if top:
            lines += ["Mentions per outlet:", "", "| Entity | Type | " + " | ".join(md_text(c) for c in columns) + " |",
                      "|---" * (2 + len(columns)) + "|"]
            for e in top:
                counts = Counter(column_of[m.article] for m in e.mentions)
                cells = " | ".join(str(counts[c]) if counts[c] else "—" for c in columns)
                lines.append(f"| [{md_text(e.name)}]({self.glossary_of[e.id]}#{e.id}) | {label_name(e.label)} | {cells} |")
        cross = [f for f in b.facts if f.status != "single"]
        lines += ["", "## Where sources differ and agree", ""]
        lines += self.fact_table(cross, None) if cross else ["No fact is reported by more than one source."]
        singles = Counter(c.article for f in b.facts if f.status == "single" for c in f.claims)
        lines += ["", "## Reported by one source only", "", "| Article | Facts no other outlet reports |",
                  "|---|---|"]
        for a in b.articles:
            lines.append(f"| [{md_text(a.title)}](articles/{self.slugs[a.id]}.md#facts) | {singles[a.id]} |")
        lines += ["", f"[Glossary of all {len(b.entities)} entities]({self.glossary_home})", ""]
        return "\n".join(lines)

    def outlet_columns(self) -> dict[str, str]:
        """Article id -> coverage-matrix column: its outlet; past MAX_OUTLET_COLUMNS, "Other outlets"."""
        names = {a.id: self.source_name(a.id) for a in self.b.articles}
        by_size = Counter(names.values())
        keep = {n for n, _ in sorted(by_size.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_OUTLET_COLUMNS]}
        return {aid: (n if n in keep else "Other outlets") for aid, n in names.items()}

    def export(self) -> str:
        b = self.b
        data = {
            "version": JSON_VERSION,
            "title": b.title,
            "articles": [{"id": a.id, "title": a.title, "source": a.source, "date": a.date, "url": a.url,
                          "author": a.author, "file": a.file, "page": f"articles/{self.slugs[a.id]}.md",
                          "removed": [{"text": r.text, "start": r.start, "end": r.end} for r in a.removed]}
                         for a in b.articles],
            "entities": [{"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
                          "description": e.description,
                          "descriptions": [{"text": d.text, "article": d.article or None, "sentence": d.sentence}
                                           for d in e.descriptions],
                          "mentions": [{"article": m.article, "text": m.text, "start": m.start, "end": m.end}
                                       for m in e.mentions]}
                         for e in b.entities],
            "facts": [{"id": f.id, "kind": f.kind, "status": f.status, "subject": f.subject, "note": f.note,
                       "diff": [list(d) for d in f.diff],
                       "claims": [{"article": c.article, "text": c.text, "value": c.value, "start": c.start,
                                   "end": c.end, "sentence": c.sentence} for c in f.claims]}
                      for f in b.facts],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _letter(name: str) -> str:
    first = slugify(name)[:1]
    return first if first.isalpha() else "0-9"


def _sentence(raw: str, m: Mention) -> str:
    """The mention's sentence; a very long one is cut around the mention."""
    s, e = m.sentence
    if e - s <= 400:
        return raw[s:e]
    return "…" + raw[max(s, m.start - 150):min(e, m.end + 150)] + "…"


LEGEND = ('<div class="bf-legend" markdown="0" aria-label="Entity types">'
          + "".join(f'<span class="bf-ent bf-{c}" data-type="{c}">{n}</span>' for c, n in
                    [TYPES[k] for k in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT")])
          + "</div>")


def pages(briefing: Briefing) -> dict[str, str]:
    r = Renderer(briefing)
    out = {"index.md": r.index_page(), **r.glossary_pages(), "briefing.json": r.export()}
    for a in briefing.articles:
        out[f"articles/{r.slugs[a.id]}.md"] = r.article_page(a)
    assets = resources.files("briefing") / "assets"
    for name in ("briefing.css", "briefing.js"):
        out[name] = (assets / name).read_text(encoding="utf-8")
    return out
