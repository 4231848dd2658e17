"""Names in a list that share one head word, over plain tokens: "the Elm and Birch streets" are
"Elm Street" and "Birch Street", "harbours, including Pellow and Dunmore" two harbours, "the corner
of Halloran and Vane" two streets. The head word gives each name its label (`labels`) and, where the
briefing writes the longer form too, the entity it joins (`features`).
"""
from __future__ import annotations

from collections.abc import Collection

from ..model import Token


def shared_head(toks: tuple[Token, ...], s: int, e: int, heads: Collection[str]) -> str:
    """The head word a list of names shares in the plural, in the singular: after the list ("the
    Brede and Tollan lines", "Kelby, Ansell and Dunmore counties": "line", "county" for each name)
    or before it ("universities such as Penrose and Barlow", "stadiums include Brede and Tollan");
    the streets of a crossing ("the corner of Halloran and Vane": "street"); ""
    for an adjective ("the Democratic and Republican parties"), an acronym ("the KVXT and KQRB
    stations" are broadcasters), an owner ("Tarvo's"), a name no "and" or "or" lists after it, or
    a plural whose singular is not in `heads`."""
    if not all(t.tag in ("NNP", "NNPS") for t in toks[s:e]) or all(t.text.isupper() for t in toks[s:e]) or \
            e < len(toks) and toks[e].tag == "POS":
        return ""
    return _plural_after(toks, s, e, heads) or _plural_before(toks, s, heads) or _crossing(toks, s, e)


def _plural_after(toks: tuple[Token, ...], s: int, e: int, heads: Collection[str]) -> str:
    j, joined = e, s > 0 and toks[s - 1].text.lower() in ("and", "or")
    while j < len(toks) and (toks[j].text.lower() in LIST_WORDS or toks[j].tag in ("NNP", "NNPS")):
        joined = joined or toks[j].text.lower() in ("and", "or")
        j += 1
    return _head_of_names(toks, j, heads) if joined and j < len(toks) else ""


def _plural_before(toks: tuple[Token, ...], s: int, heads: Collection[str]) -> str:
    i = s - 1  # back over the list's earlier names and their owners ("Tarvo's Ostra")
    while i >= 0 and (toks[i].text.lower() in LIST_WORDS or toks[i].tag in ("NNP", "NNPS", "POS")):
        i -= 1
    if i >= 1 and toks[i].text.lower() == "as" and toks[i - 1].text.lower() == "such":
        i -= 2
    elif i >= 0 and toks[i].text.lower() in ("including", "include", "includes", "included"):
        i -= 1
    else:
        return ""
    i -= i >= 0 and toks[i].text == ","  # "harbours, including Pellow"
    return _head_of_names(toks, i, heads) if i >= 0 else ""


CROSSING_NOUNS = frozenset({"intersection", "corner"})


def _crossing(toks: tuple[Token, ...], s: int, e: int) -> str:
    """"street" for either name of "the corner of Halloran and Vane" ("the intersection of ...")."""
    if s >= 2 and toks[s - 1].text == "of" and toks[s - 2].text.lower() in CROSSING_NOUNS:
        return "street" if e < len(toks) and toks[e].text == "and" else ""
    i = s - 1  # the second name: back over "and" and the first
    if i < 0 or toks[i].text != "and":
        return ""
    i -= 1
    while i >= 0 and toks[i].tag in ("NNP", "NNPS"):
        i -= 1
    return "street" if i >= 1 and i < s - 2 and toks[i].text == "of" and toks[i - 1].text.lower() in CROSSING_NOUNS \
        else ""


def _head_of_names(toks: tuple[Token, ...], i: int, heads: Collection[str]) -> str:
    """A plural in lower case (but for a sentence's first word) whose singular is one of `heads`
    ("lines": "line"), else ""."""
    tok = toks[i]
    first = i == 0 or toks[i - 1].sent != tok.sent
    if tok.tag != "NNS" or not (tok.text.islower() or first and tok.text[1:].islower()):
        return ""
    return next((w for w in _singulars(tok.text.lower()) if w in heads), "")


LIST_WORDS = frozenset({",", "and", "or", "-", "–"})


def _singulars(word: str) -> tuple[str, ...]:
    """"counties" -> "county", "lines" -> "line", "churches" -> "church"."""
    return ((word[:-3] + "y",) if word.endswith("ies") else ()) + (word[:-1], word[:-2])
