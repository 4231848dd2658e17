"""A web page's metadata as an article's front matter: title, outlet, date, author, address.

trafilatura reads the page's metadata (OpenGraph, JSON-LD, meta tags, htmldate for the date);
these general rules complete and tidy what it gives, with no list of outlets:
  - the outlet is the name the page's own <title> gives beside the article's title ("… - Reuters",
    "The Space Review: …") when another name of the page agrees with it; else trafilatura's site
    name; else the page's own names (og:site_name, application-name, a JSON-LD publisher, read
    wherever in the page they are); else that <title> name; else the host name
    ("thespacereview.com"); else the copyright line's holder ("© 2019 Ascom");
  - the title loses the outlet's name when it carries it ("Best gadgets | ZDNet");
  - an author field that holds a job or a date ("Jane Roe; Staff writer") keeps the names only.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..text import clean_text
from ..words.english import MONTHS, WEEKDAYS

# between a title and the outlet's name in <title> (text after clean_text, so single spaces):
# "Title - Outlet", "Title | Outlet", "Outlet: Title"
_SEPARATOR = re.compile(r" [|\-–—•·»] | ?\| ?|: ")
_PARTS = re.compile(r" [|\-–—•·»] | ?\| ?")  # the same without the colon, which titles use themselves
MAX_OUTLET_WORDS = 6
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?"
                        r"([A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,4})", re.IGNORECASE)
_LEGAL = re.compile(r"(?<![\s,])[\s,]+(?:inc|llc|ltd|plc|gmbh|ag|sa|co|corp|media|group|all rights reserved)\.?$",
                    re.IGNORECASE)
_NOT_A_NAME = re.compile(rf"\b(?:writer|staff|editor|reporter|correspondent|services?|published|updated|"
                         rf"contributors?|{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Meta:
    title: str | None
    source: str | None
    date: str | None
    author: str | None
    url: str | None


def read(html: str, doc, url: str | None) -> Meta:
    """The metadata of a page: `doc` is trafilatura's document for it (None when it found
    nothing), `url` the address it was fetched from."""
    from lxml import html as lxml_html  # trafilatura's own parser, as trafilatura uses it

    tree = _tree(lxml_html, html)
    address = _address(getattr(doc, "url", None)) or _canonical(tree) or _address(url)
    title = clean_text(getattr(doc, "title", None) or "") or None
    page_title = clean_text(" ".join(tree.xpath("//title//text()"))) if tree is not None else ""
    names = [n for n in [clean_text(getattr(doc, "sitename", None) or ""), *_own_names(tree)] if n]
    host = _host(address)
    known = [*names, *([host] if host else [])]
    affix = _affix(page_title, title, known)
    title = _strip_outlet(title, [*known, *([affix] if affix else [])])
    source = _outlet(affix, names, host, tree)
    return Meta(title, source, _date(getattr(doc, "date", None)), _author(getattr(doc, "author", None)), address)


def _tree(lxml_html, html: str):
    try:
        return lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def _address(url: str | None) -> str | None:
    url = clean_text(url or "")
    return url if re.match(r"https?://[^\s/]+", url, re.IGNORECASE) and len(url) <= 2000 else None


def _canonical(tree) -> str | None:
    """The page's own address: its canonical link, else its og:url."""
    if tree is None:
        return None
    found = tree.xpath("//link[@rel='canonical']/@href") + tree.xpath("//meta[@property='og:url']/@content")
    return next((a for a in map(_address, found) if a), None)


def _host(url: str | None) -> str | None:
    """"https://www.example.org/a" -> "example.org"."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    return host or None


def _own_names(tree) -> list[str]:
    """The names the page gives itself in metadata, wherever they stand in it (some pages put
    their meta tags in the body)."""
    if tree is None:
        return []
    out = [m.get("content", "") for m in tree.xpath("//meta[@property='og:site_name' or @name='og:site_name' or "
                                                    "@name='application-name' or @name='apple-mobile-web-app-title']")]
    for script in tree.xpath("//script[@type='application/ld+json']/text()")[:20]:
        out += _publishers(script)
    return [clean_text(n) for n in out if n and not re.match(r"https?://", n.strip())]


def _publishers(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    found: list[str] = []
    todo, seen = [data], 0
    while todo and seen < 1000:
        item = todo.pop()
        seen += 1
        if isinstance(item, list):
            todo.extend(item)
        elif isinstance(item, dict):
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.append(publisher["name"])
            todo.extend(v for k, v in item.items() if k != "publisher" and isinstance(v, (list, dict)))
    return found


def _affix(page_title: str, title: str | None, names: list[str]) -> str | None:
    """The name <title> puts before or after the article's title ("Title - Outlet", "Outlet:
    Title", "Title | Section | Outlet"), or else its last or first part when that part is one of
    the page's other names ("Other wording - Outlet")."""
    if not page_title or page_title == title:
        return None
    if title and page_title.startswith(title):
        parts = [p for p in _SEPARATOR.split(page_title[len(title):]) if p.strip()]
        return _short(parts[-1]) if parts else None
    if title and page_title.endswith(title):
        parts = [p for p in _SEPARATOR.split(page_title[:-len(title)]) if p.strip()]
        return _short(parts[0]) if parts else None
    parts = _PARTS.split(page_title)
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        if _agrees(part, names):
            return _short(part)
    return None


def _short(name: str) -> str | None:
    name = clean_text(name).strip(" |-–—:")
    return name if name and len(name.split()) <= MAX_OUTLET_WORDS else None


def _strip_outlet(title: str | None, names: list[str]) -> str | None:
    """The title without an outlet's name after or before it ("Best gadgets | ZDNet")."""
    if not title:
        return title
    parts = _PARTS.split(title)
    if len(parts) > 1:
        if _agrees(parts[-1], names):
            return clean_text(title[:title.rfind(parts[-1])]).strip(" |-–—") or title
        if _agrees(parts[0], names):
            return clean_text(title[len(parts[0]):]).strip(" |-–—") or title
    return title


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _agrees(name: str | None, others: list[str]) -> bool:
    """Whether a short name is another written differently ("TheHill", "The Hill"; "nj.com",
    "Nj"; "Barron's", "BarronsOnline"; "Live Science", "livescience.com"): the letters of one
    begin the other's."""
    a = _letters(name or "")
    if len(a) < 2 or len((name or "").split()) > MAX_OUTLET_WORDS:
        return False
    return any(len(b) >= 2 and (a.startswith(b) or b.startswith(a)) for b in map(_letters, others))


def _outlet(affix: str | None, names: list[str], host: str | None, tree) -> str | None:
    """The outlet's name (see the module's docstring), in the fullest spelling (most words, then
    characters) among the page's names with the same letters ("The Hill" over "TheHill")."""
    if affix and _agrees(affix, [*names, host or ""]):
        chosen = affix
    else:
        chosen = names[0] if names else affix or host or _copyright_holder(tree)
    if chosen is None:
        return None
    # the page's own spellings first: trafilatura capitalises a lowercase name ("nj" -> "Nj")
    same = [n for n in [*names[1:], affix or "", *names[:1]] if n and _letters(n) == _letters(chosen)]
    return max([*same, chosen], key=lambda n: (len(n.split()), len(n)))


def _copyright_holder(tree) -> str | None:
    """"© 2019 Ascom. All rights reserved." -> "Ascom", from the page's visible text (never scripts)."""
    if tree is None:
        return None
    for text in tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"):
        if len(text) > 300:
            continue
        m = _COPYRIGHT.search(text)
        if m:
            name = _LEGAL.sub("", re.split(r"\.\s|,", m.group(1))[0].strip(" ."))
            if name and not re.fullmatch(r"\d+|all rights.*", name, re.IGNORECASE):
                return _short(name)
    return None


def _date(value: str | None) -> str | None:
    m = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return m.group() if m else None


def _author(value: str | None) -> str | None:
    """The names of an author field: its parts ("A; B") that are not a job, a date or a bare credential."""
    if not value:
        return None
    names = []
    for part in clean_text(value).split(";"):
        part = re.sub(r"^by\s+", "", part.strip(), flags=re.IGNORECASE)
        part = _NOT_A_NAME.split(part)[0].strip(" ,")
        if len(part.split()) >= 2 and part not in names:
            names.append(part.title() if part.isupper() else part)
    return ", ".join(names)[:200] or None
