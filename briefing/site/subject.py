"""A title for a briefing folder without one (no `title:` in its briefing.yml): what its articles
share, never the folder's name unless they share nothing.

The subject is who or what most of the articles put in their titles and first paragraphs: the
entity named there by the most articles ("Larkspur Harbour Bridge"), and the common noun phrase
most of them use ("crack", "football players"), shown as "Who: what". A title counts twice
what a first paragraph counts; a name counts in a title by its words ("Larkspur bridge" names
"Larkspur Harbour Bridge" by two of its three). Left out: the outlets themselves, datelines,
nationalities and figures or dates, and a noun the chosen name or its description already says
("Jo Arlow: president"). Plain functions over parsed articles; no spaCy here.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from ..model import Entity, ParsedArticle, Token
from ..reading import datelines

LEAD_PARAGRAPHS = 2  # paragraphs of each article read besides its title
NOT_A_SUBJECT = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "NORP"})
MIN_ARTICLES = 2  # a subject is shared: named by at least this many articles
_WORD = re.compile(r"[\w'’-]+")
_ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K: the only characters re.IGNORECASE matches to ASCII
_LINKING = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"})  # words of a name that name nothing


def subject(parsed: list[ParsedArticle], entities: list[Entity]) -> str | None:
    """"Who: what", or either alone; None when the articles share neither."""
    leads = {pa.article.id: _lead_tokens(pa) for pa in parsed}
    who = _who(parsed, entities, {aid: {t.start for run in runs for t in run} for aid, runs in leads.items()})
    what = _what(parsed, leads, who)
    if who and what:
        return f"{who.name}: {what}"
    if who:
        return who.name
    return what[:1].upper() + what[1:] if what else None


def _who(parsed: list[ParsedArticle], entities: list[Entity], leads: dict[str, set[int]]) -> Entity | None:
    sources = {pa.article.source.casefold() for pa in parsed if pa.article.source}
    best: tuple[float, int, str, Entity] | None = None
    for e in entities:
        if e.label in NOT_A_SUBJECT or any(a.casefold() in sources for a in e.aliases):
            continue
        in_lead = {m.article for m in e.mentions if m.start in leads.get(m.article, {})}
        in_title = {pa.article.id: _named_in(e, pa.article.title) for pa in parsed}
        articles = in_lead | {aid for aid, share in in_title.items() if share}
        if len(articles) < MIN_ARTICLES:
            continue
        score = (2 * sum(in_title.values()) + len(articles), len(e.mentions), e.name, e)
        if best is None or score[:3] > best[:3]:
            best = score
    return best[3] if best else None


def _named_in(e: Entity, title: str) -> float:
    """How much of the entity a title names: 1 for one of its names, else the share of its
    name's words it has (case aside)."""
    if any(_has(title, alias) for alias in e.aliases):
        return 1.0
    words = [w for w in _WORD.findall(e.name.casefold()) if w not in _LINKING]
    return sum(_has(title, w) for w in words) / len(words) if words else 0.0


def _what(parsed: list[ParsedArticle], leads: dict[str, list[list[Token]]], who: Entity | None) -> str | None:
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    in_lead: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for pa in parsed:
        for span in (span for run in leads[pa.article.id] for span in _noun_phrases(run)):
            key = tuple(t.lemma.casefold() for t in span)
            forms[key][pa.article.raw[span[0].start:span[-1].end].casefold()] += 1
            in_lead[key].add(pa.article.id)
    said = set(_WORD.findall(" ".join((who.name, *(d.text for d in who.descriptions))).casefold())) if who else set()
    best = None
    for key, arts in in_lead.items():
        if set(key) <= said or set(forms[key]) <= said:
            continue
        titled = {pa.article.id for pa in parsed if any(_has(pa.article.title, f) for f in forms[key])}
        articles = arts | titled
        if len(articles) < MIN_ARTICLES:
            continue
        form = min(forms[key], key=lambda f: (-forms[key][f], f))
        score = (2 * len(titled) + len(articles), len(key), sum(forms[key].values()), form)
        if best is None or score > best:
            best = score
    return best[3] if best else None


def _lead_tokens(pa: ParsedArticle) -> list[list[Token]]:
    """The runs of tokens of the first paragraphs (a title segment is read by its text instead)
    that can name a subject: not in a dateline, a figure or a date."""
    out: list[list[Token]] = []
    paragraphs = [(seg, parsed) for seg, parsed in zip(pa.article.segments, pa.segments) if seg.kind != "title"]
    for n, (seg, parsed) in enumerate(paragraphs[:LEAD_PARAGRAPHS]):
        skip = seg.start + (max((f.end for f in datelines.dateline(seg.text)), default=0) if n == 0 else 0)
        figures = {i for e in parsed.ents if e.label in NOT_A_SUBJECT for i in range(e.start, e.end)}
        run: list[Token] = []
        for t in parsed.tokens:
            if t.i in figures or t.start < skip:
                out += [run] if run else []
                run = []
            else:
                run.append(t)
        out += [run] if run else []
    return out


def _noun_phrases(tokens: list[Token]) -> list[list[Token]]:
    """Runs of adjectives and common nouns ending in a noun, and each tail of them that starts at
    a noun ("ice hockey team", "hockey team", "team"); proper nouns are the entities' part."""
    out: list[list[Token]] = []
    run: list[Token] = []
    for t in [*tokens, None]:
        if t is not None and t.pos in ("NOUN", "ADJ") and _WORD.fullmatch(t.text):
            run.append(t)
            continue
        while run and run[-1].pos != "NOUN":
            run.pop()
        out += [run[i:] for i in range(len(run)) if i == 0 or run[i].pos == "NOUN"]
        run = []
    return out


def _has(text: str, words: str) -> bool:
    """`words` in `text` as whole words, case aside (re.IGNORECASE). Most calls find nothing, and
    the pattern built for each name cost far more than the search: where `words` is ASCII and
    `text` holds none of the four characters that IGNORECASE matches to ASCII letters
    (_ASCII_LOOKALIKES), a match is made of ASCII characters only, so no lower-case substring
    means no match."""
    if words.isascii() and not _ASCII_LOOKALIKES.search(text) and words.lower() not in text.lower():
        return False
    return bool(_whole_words(words).search(text))


@functools.lru_cache(maxsize=4096)
def _whole_words(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
