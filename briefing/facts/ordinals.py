"""Ordinals in words: "a second bid", "third-degree burns", "the club's first title", "for the
first time", "the first to finish": a claim of which one of a series a thing or an event is, a
row only when another outlet says the same ordinal of the same thing.

What an ordinal qualifies is read from the parse: the noun it modifies with that noun's own
modifiers ("the club's first league title": title; league, club), climbing over a noun it sits in
("third-degree burns": burns), else the event "the first time" belongs to (the verb and its
arguments), else what "the first" itself is said of ("the first to finish the course"). Two
ordinals pair when they are the same number and one's noun is the other's noun, or is among the
words the other qualifies with one more of its own words ("the first liver grown in a lab" /
"grew a liver in a lab for the first time")."""
from __future__ import annotations

import dataclasses

from ..model import ParsedArticle, Token
from .sentences import EMPTY_WORDS, Extracted, View, children, climb, content_word, lemma, make_claim, subtree

ORDINALS = {w: n for n, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}
MODIFIER = frozenset({"amod", "compound", "nmod", "npadvmod"})
NOMINAL = frozenset({"nsubj", "nsubjpass", "attr", "dobj", "pobj", "appos"})  # "the first to …"
OWNER = frozenset({"det", "poss"})  # "the", "a", "their", "the club's": a member of a series, not a term
PERIODS = frozenset({"quarter", "half"})  # "the second quarter", "the first half": a part of a year or a game, a date
_NO_NOUN = EMPTY_WORDS | PERIODS  # "the second day", "a third year": a date's words
SAME_NOUN = 90.0  # two ordinals of one noun ("a second bid" / "the second bid")
NOUN_IN_EVENT = 70.0  # one's noun among what the other qualifies


def extract(parsed: list[ParsedArticle], sents: View, inside: dict[str, list[tuple[int, int]]]) -> list[Extracted]:
    """Every ordinal claim of the briefing; one article's repeats of the same ordinal of the same
    noun are one claim said again (`also`). `inside` holds each article's quote spans: an ordinal
    in a quote is the quote's."""
    out: list[Extracted] = []
    for pa in parsed:
        first: dict[tuple[int, str], int] = {}
        for si, seg in enumerate(pa.segments):
            for t in seg.tokens:
                if t.text.lower() not in ORDINALS or any(s <= t.start < e for s, e in inside.get(pa.article.id, ())):
                    continue
                found = _read(pa, si, t, sents)
                if found is None:
                    continue
                key = (int(found.low), next(iter(found.things), ""))
                if key[1] and key in first:
                    k = first[key]
                    out[k] = dataclasses.replace(out[k], also=out[k].also + (found.claim,),
                                                 context=out[k].context | found.context)
                    continue
                first[key] = len(out)
                out.append(found)
    return out


def _read(pa: ParsedArticle, si: int, t: Token, sents: View) -> Extracted | None:
    """The ordinal claim token t opens, or None."""
    n = ORDINALS[t.text.lower()]  # extract reads only ordinals
    if t.pos not in ("ADJ", "NOUN"):
        return None  # "the First Amendment" (a proper noun): a name
    toks = pa.segments[si].tokens
    if t.dep in MODIFIER:
        noun = _noun(toks, t)
        if noun is None or not _in_series(toks, t, noun):
            return None
        if lemma(noun) == "time":  # "for the first time": the event it qualifies
            verb = _verb(toks, noun)
            return _claim(pa, si, t, noun, n, "", _words(toks, verb.i), sents) if verb is not None else None
        if lemma(noun) in _NO_NOUN:
            return None  # "the second day", "a third year": a date's words
        return _claim(pa, si, t, noun, n, lemma(noun), _words(toks, noun.i) - {lemma(noun)}, sents)
    if t.dep in NOMINAL and any(c.dep in OWNER for c in children(toks, t.i)):  # "the first to …"
        words = subtree(toks, t.i)
        return _claim(pa, si, t, toks[max(words)], n, "", _content(toks, words), sents)
    return None


def _noun(toks: tuple[Token, ...], t: Token) -> Token | None:
    """The noun an ordinal qualifies, climbing over nouns that modify a later one ("third-degree
    burns", "the country's first dockers' guild")."""
    noun = toks[t.head]
    while noun.dep in MODIFIER | {"poss"} and toks[noun.head].pos in ("NOUN", "PROPN") and noun.head > noun.i:
        noun = toks[noun.head]
    return noun if noun.pos in ("NOUN", "PROPN") and noun.i > t.i else None


def _in_series(toks: tuple[Token, ...], t: Token, noun: Token) -> bool:
    """Is the ordinal one of a series ("the first bid", "their second title") or a grade of its noun
    ("third-degree burns"), not a term of its own ("first responders", "first aid")?"""
    return toks[t.head].i != noun.i or any(c.dep in OWNER for c in children(toks, noun.i))


def _verb(toks: tuple[Token, ...], t: Token) -> Token | None:
    """The verb whose clause token t is in ("for the first time" -> what happened), or None."""
    verb = toks[climb(toks, t.i, ("VERB",))]
    return verb if verb.pos == "VERB" else None


def _content(toks: tuple[Token, ...], found: set[int]) -> frozenset[str]:
    return frozenset(w for k in found if (w := content_word(toks[k])) and w not in ORDINALS)


def _words(toks: tuple[Token, ...], root: int) -> frozenset[str]:
    """The content words under `root`: what the ordinal's noun, event or "the first" is said of."""
    return _content(toks, subtree(toks, root))


def _claim(pa: ParsedArticle, si: int, t: Token, last: Token, n: int, noun: str, words: frozenset[str],
           sents: View) -> Extracted:
    shown = pa.article.raw[t.start:last.end]
    return Extracted(make_claim(pa, si, t.sent, t.start, last.end, shown), "ordinal", ("ordinal", n), low=n, high=n,
                     entities=sents.entities(pa.article.id, si, t.sent), subject=shown,
                     things=frozenset({noun}) if noun else frozenset(), context=words, paired_only=True,
                     label=shown[:1].upper() + shown[1:] if noun else "")  # a row of "first time" takes its noun's


def pair_score(a: Extracted, b: Extracted) -> float | None:
    """Two ordinals of one thing or event: the same number, and the same noun, or one's noun and
    another of its words among those the other qualifies ("the first liver grown in a lab" /
    "grew a liver in a lab for the first time"; not "the first fans arrived" / "fans saw the
    stadium for the first time"); None otherwise."""
    if a.low != b.low:
        return None
    shared = len(_stems(a.context) & _stems(b.context))
    if a.things and a.things == b.things:
        return SAME_NOUN + shared
    for x, y in ((a, b), (b, a)):
        if x.things and _stems(x.things) <= _stems(y.context) and _stems(x.context) & _stems(y.context):
            return NOUN_IN_EVENT + shared
    return None


def _stems(words: frozenset[str]) -> set[str]:
    """Words compared without a plural's "s" the lemmatiser leaves on names ("Finals", "Playoffs")."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words}

