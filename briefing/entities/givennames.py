"""Transliterated given names the model cut at their hyphen ("Veln Ha" of "Veln Ha-jun"): one
segment rule of repair.py, over plain tokens."""
from __future__ import annotations

import re

from ..model import EntSpan, Token
from .evidence import HYPHENS

# One syllable of a transliterated given name ("Ha-jun", "Do-hyun", "Jin-a", "Xiao-ming"): an onset,
# a vowel or two, a final; never a word glued to a name as a participle or adjective ("Smith-led",
# "Ruiz-run", "Ruiz-free").
_SYLLABLE = re.compile(r"[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|[nmklpth])?")
NOT_SYLLABLES = frozenset({"run", "free", "up", "out", "off", "on", "at", "to", "era", "set", "cut", "hit", "bet"})


def _syllable(toks: tuple[Token, ...], i: int) -> bool:
    """Token i is one lower-case syllable of a given name, nothing glued after it: "-jun", not
    "-led", "-in-law"."""
    tok = toks[i]
    glued = not tok.ws and i + 1 < len(toks) and (toks[i + 1].text[:1].isalnum() or toks[i + 1].text in HYPHENS)
    return tok.text.islower() and _one_syllable(tok) and not glued


def _one_syllable(tok: Token) -> bool:
    word = tok.text.lower()
    return tok.text.isalpha() and bool(_SYLLABLE.fullmatch(word)) and word not in NOT_SYLLABLES and \
        not tok.tag.startswith(("VB", "JJ", "RB", "RP"))


def _given_name_end(sp: EntSpan, toks: tuple[Token, ...], taken: set[int]) -> int:
    """The end of a person's span over the hyphenated given name the model cut ("Veln Ha" +
    "-jun", "Veln Ha-" + "jun") or left out after a surname alone ("Veln" + "Ha-jun")."""
    e = sp.end

    def free(n: int) -> bool:  # the n tokens after the span are in the segment and in no other span
        return all(i < len(toks) and i not in taken for i in range(e, e + n))

    if free(1) and _joined_hyphen(toks, e - 1) and _syllable(toks, e):
        return e + 1
    if free(2) and _joined_hyphen(toks, e) and _syllable(toks, e + 1):
        return e + 2
    if free(3) and sp.end - sp.start == 1 and toks[e - 1].ws and toks[e].text.istitle() and toks[e].tag == "NNP" and \
            _one_syllable(toks[e]) and _joined_hyphen(toks, e + 1) and _syllable(toks, e + 2):
        return e + 3
    return e


def _joined_hyphen(toks: tuple[Token, ...], i: int) -> bool:
    """A hyphen at i written with no space on either side: "Ha-jun"."""
    return 0 < i < len(toks) - 1 and toks[i].text in HYPHENS and not toks[i - 1].ws and not toks[i].ws


def hyphenated_given_names(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """A person's name the model cut at the hyphen of a transliterated given name ("Veln Ha" of
    "Veln Ha-jun", "Judge Veln" of "Judge Veln Ha-jun") is the whole name; a participle glued to a
    name is no part of it ("the Ruiz-led team")."""
    out = []
    taken = {i for o in spans for i in range(o.start, o.end)}  # a span's own tokens lie before its end: never asked
    for sp in spans:
        out.append(EntSpan(sp.start, _given_name_end(sp, toks, taken), sp.label) if sp.label == "PERSON" else sp)
    return out
