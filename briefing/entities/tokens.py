"""What the briefing-wide passes over entity spans share, over plain tokens: the spans of every
segment (`Spans`), a span's text, the words the briefing writes in lower case, sentence starts and
spans, a name's word, and every name the spans give with its labels (`known_names`).

`spans` maps (article index, segment index) to that segment's entity spans; rules change it in place.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..model import EntSpan, Parsed, ParsedArticle, Token
from ..words.english import CALENDAR_NAMES, HONORIFICS, TITLE_NOUNS
from .names import fold

Spans = dict[tuple[int, int], list[EntSpan]]
TITLE_WORDS = HONORIFICS | TITLE_NOUNS


def each_segment(parsed: list[ParsedArticle], spans: Spans) -> Iterator[tuple[tuple[Token, ...], list[EntSpan]]]:
    """Each segment's tokens with its spans (the list itself: a rule may change it in place)."""
    for (a, si), sps in spans.items():
        yield parsed[a].segments[si].tokens, sps


def name_word(tok: Token) -> bool:
    """A capitalised word of letters, not in capitals, that is no title, honorific, month or day:
    a word of a name ("Velasko", "Tarvik"), not "Mayor", "Mrs" or "May"."""
    text = tok.text
    return text.isalpha() and text[:1].isupper() and not text.isupper() and text.lower() not in TITLE_WORDS and \
        text not in CALENDAR_NAMES


def surface(toks: tuple[Token, ...], s: int, e: int) -> str:
    return "".join(t.text + t.ws for t in toks[s:e - 1]) + toks[e - 1].text


def covered(spans: list[EntSpan], s: int, e: int) -> bool:
    return any(sp.start < e and s < sp.end for sp in spans)


def lower_words(parsed: list[ParsedArticle]) -> frozenset[str]:
    """Every word written in lower case somewhere in the briefing: "neighbour", "unit", "games"."""
    return frozenset(t.text for pa in parsed for seg in pa.segments for t in seg.tokens
                     if t.text.isalpha() and t.text.islower())


def is_common_word(word: str, lower: frozenset[str]) -> bool:
    """Written in lower case somewhere in the briefing, in the singular or the plural."""
    w = word.lower()
    return w in lower or w + "s" in lower or w + "es" in lower or w.endswith("s") and w[:-1] in lower


def sentence_start(toks: tuple[Token, ...], i: int) -> bool:
    return i == 0 or toks[i - 1].sent != toks[i].sent or toks[i - 1].text in ("“", "\"", "‘", "'", "(")


def sentence_span(seg: Parsed, token: int) -> tuple[int, int]:
    """Character span of the sentence holding a token."""
    s, e = seg.sents[seg.tokens[token].sent]
    return seg.tokens[s].start, seg.tokens[e - 1].end


def known_names(parsed: list[ParsedArticle], spans: Spans) -> dict[tuple[str, ...], Counter]:
    """Every name in the briefing as its folded token sequence, with the labels it was given, in the
    order they were first given (before propagation, the votes `propagate.vote_labels` counts)."""
    known: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for toks, sps in each_segment(parsed, spans):
        for sp in sps:
            known[tuple(fold(t.text) for t in toks[sp.start:sp.end])][sp.label] += 1
    return known
