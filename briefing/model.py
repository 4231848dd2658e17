"""The plain, frozen data passed between the stages of a build.

articles -> parsed segments -> mentions -> entities -> facts -> pages. Nothing here knows
about spaCy or MkDocs; every offset is a character offset into the article file's text
exactly as decoded from disk.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found while building, kept as data until the CLI or plugin reports it.

    Shown with `str()`: one line, whatever a file name or a quoted value holds (a newline in a
    file name must not start a line that CI reads as an annotation)."""

    level: Level
    file: str
    message: str

    def __str__(self) -> str:
        text = f"{self.file}: {self.message}" if self.file else self.message
        return _INVISIBLE.sub(_escaped, text)


SHOWN_ALIKE = 10  # warnings of one kind about one file, listed one by one; the rest in one line
_QUOTED = re.compile(r"`[^`]*`")


def summarised(problems: list[Diagnostic], shown: int = SHOWN_ALIKE) -> list[Diagnostic]:
    """The problems to show a person: past `shown` warnings or notes of one kind about one file (the
    same message but for its `quoted` parts: 5,000 stale override rules), one line says how many
    more. Errors are all shown. The list itself stays whole (counts and exit codes read it)."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for p in problems:
        kind = (p.level, p.file, _QUOTED.sub("`…`", p.message))
        seen[kind] = seen.get(kind, 0) + 1
        if p.level == "error" or seen[kind] <= shown:
            out.append(p)
    for (level, file, message), count in seen.items():
        if level != "error" and count > shown:
            out.append(Diagnostic(level, file, f"{count - shown} more like this: {message}"))
    return out


# Line breaks, control, format (bidi overrides, zero-width) and lone surrogate characters (a
# non-UTF-8 file name decoded by the OS): Unicode categories Cc, Cf, Cs, Zl, Zp, shown as escapes.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
                        "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
                        "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                        "\U000e0001\U000e0020-\U000e007f]")


def _escaped(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" if c < 0x10000 else f"\\U{c:08x}"


@dataclass(frozen=True)
class Segment:
    """One block of article text: the title, a standfirst, or a body paragraph."""

    kind: Literal["title", "standfirst", "paragraph"]
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    file: str  # path as given to the build, e.g. "seeds/000.txt"
    raw: str
    title: str
    segments: tuple[Segment, ...]
    source: str | None = None
    date: str | None = None  # ISO date of publication, when known
    url: str | None = None
    author: str | None = None
    removed: tuple[Segment, ...] = ()  # residue lines left out of the page
    guessed: tuple[str, ...] = ()  # metadata fields guessed from the text, e.g. ("source",)
    inferred_date: str | None = None  # without a metadata date: the one its text states (reading/pubdate.py)
    date_evidence: str = ""  # what in the text stated inferred_date: "dateline", "photo caption", …
    language: str | None = None  # set when written in another language than the pipeline's (reading/language.py):
    #                              the article is then published as text, without entities or facts


class Token(NamedTuple):
    """A token of a segment, copied out of spaCy (see nlp/parser.py). A NamedTuple: a build makes a
    million of these from the cache, and tuples are several times cheaper than frozen dataclasses."""

    i: int  # index within the segment
    text: str
    start: int  # absolute offset into Article.raw
    ws: str
    tag: str
    pos: str
    dep: str
    head: int  # index within the segment
    lemma: str
    sent: int  # sentence index within the segment

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class EntSpan(NamedTuple):
    """A token range [start, end) of a segment with an entity label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Parsed:
    """The NLP result for one segment: plain tokens, entity spans, sentence token ranges."""

    tokens: tuple[Token, ...]
    ents: tuple[EntSpan, ...]
    sents: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    segments: tuple[Parsed, ...]  # parallel to article.segments


@dataclass(frozen=True)
class Mention:
    article: str
    segment: int
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    label: str
    sentence: tuple[int, int] = (0, 0)  # character span of the mention's sentence


@dataclass(frozen=True)
class Description:
    text: str
    article: str
    sentence: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    descriptions: tuple[Description, ...] = ()

    @property
    def description(self) -> str | None:
        return self.descriptions[0].text if self.descriptions else None


Granularity = Literal["day", "week", "month", "year", "decade"]
COARSER = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}  # granularities, finest first


@dataclass(frozen=True)
class DateValue:
    """A resolved date: how exact it is and the parts it names. `year` is None when the text names
    no year and no publication date supplies one ("Jan. 25" alone); a week's year is its ISO
    year; a decade's is its first year (1980 for "the 1980s"); a span of years ("1950-53") is a
    year with the span's last year in `until`."""

    granularity: Granularity
    year: int | None
    month: int = 0
    day: int = 0
    week: int = 0  # ISO week number
    until: int | None = None  # a span of years: its last year

    @property
    def iso(self) -> str:
        """As the export writes it: "2015-09-18", "2015-W38", "2015-09", "2015", "1980s", or with
        no year "XXXX-01-25", "XXXX-01"."""
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.until is not None:  # "1950-53", "1990-2000"
            return f"{y}-{self.until % 100:02d}" if self.until // 100 == self.year // 100 else f"{y}-{self.until}"
        return {"day": f"{y}-{self.month:02d}-{self.day:02d}", "week": f"{y}-W{self.week:02d}",
                "month": f"{y}-{self.month:02d}", "year": y, "decade": f"{self.year}s"}[self.granularity]

    def coarse(self, to: Granularity) -> "DateValue":
        """The same time at the coarser granularity `to` (a day's week, month, year or decade)."""
        if to == self.granularity:
            return self
        if to == "decade":
            return DateValue("decade", None if self.year is None else self.year // 10 * 10)
        if to == "year":
            return DateValue("year", self.year)
        if to == "month" and self.granularity == "day":
            return DateValue("month", self.year, self.month)
        if to == "week" and self.granularity == "day" and self.year is not None:
            year, week, _ = datetime.date(self.year, self.month, self.day).isocalendar()
            return DateValue("week", year, week=week)
        return self

    def first_day(self) -> datetime.date | None:
        """The first day it names, when its year is known and it is not a decade."""
        if self.year is None or self.granularity == "decade":
            return None
        if self.granularity == "week":
            return datetime.date.fromisocalendar(self.year, self.week, 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class Claim:
    """What one article says about a fact: `text` is raw[start:end] of the article's file."""

    article: str
    segment: int
    start: int
    end: int
    text: str
    value: str  # the value as compared: "min 30", "2015-09-18", the quote's words
    sentence: str  # the sentence, or past EXCERPT characters a bounded excerpt around the claim
    sentence_start: int = 0  # where the sentence starts in the article: its anchor on the page
    sentence_end: int = 0
    date: DateValue | None = None  # dates: the resolved value (`value` is its iso); None when unresolved


@dataclass(frozen=True)
class Fact:
    id: str
    kind: Literal["number", "duration", "age", "money", "percent", "date", "time", "quote", "equipment", "ordinal"]
    status: Literal["agree", "differ", "single"]
    subject: str
    claims: tuple[Claim, ...]
    note: str = ""  # why the claims differ ("more than 300 flights ≠ nearly 500 flights")
    diff: tuple[tuple[str, str], ...] = ()  # quotes: word diff of the first two claims
    confidence: float = 1.0  # how sure the pairing is, 0..1 (facts/align.py); below REVIEW_BELOW: for the editor
    label: str = ""  # the row label a reader reads ("Flights cancelled"); "" when the clause gave none
    doubt: str = ""  # quotes: why the speaker is unsure, when no outlet names it by a speech verb; for the editor


@dataclass(frozen=True)
class Briefing:
    title: str
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
