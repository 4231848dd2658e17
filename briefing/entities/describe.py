"""Short descriptions of an entity taken from the text: titles and appositives (plain tokens)."""
from __future__ import annotations

from ..model import Mention, Parsed, Token

MAX_WORDS = 16
_LEADING = {"the", "a", "an", "his", "her", "their", "its", ",", "—", "–", "-"}


def _text(toks: tuple[Token, ...], s: int, e: int) -> str:
    return "".join(t.text + t.ws for t in toks[s:e]).strip()


def _reaches(toks: tuple[Token, ...], j: int, s: int, e: int) -> bool:
    """Does token j's chain of heads enter [s, e) without passing a token at or after e?"""
    lo = j
    for _ in range(12):
        h = toks[j].head
        if s <= h < e:
            return True
        if h == j or h >= e or h < lo - 4:
            return False
        j = h
    return False


def _subtree(toks: tuple[Token, ...], root: int, window: tuple[int, int]) -> tuple[int, int]:
    lo = hi = root
    changed = True
    members = {root}
    while changed:
        changed = False
        for t in toks[window[0]:window[1]]:
            if t.i not in members and t.head in members and t.head != t.i:
                members.add(t.i)
                lo, hi = min(lo, t.i), max(hi, t.i)
                changed = True
    return lo, hi + 1


def _clean(toks: tuple[Token, ...], s: int, e: int) -> str | None:
    while s < e and toks[s].text.lower() in _LEADING:
        s += 1
    while e > s and (toks[e - 1].pos in ("PUNCT", "SPACE") and toks[e - 1].text not in (")",)):
        e -= 1
    if s >= e or e - s > MAX_WORDS or not any(t.tag.startswith("NN") for t in toks[s:e]):
        return None
    return _text(toks, s, e)


def title_before(seg: Parsed, m: Mention) -> str | None:
    """`Russian Defense Minister Sergei Shoigu` -> `Russian Defense Minister`."""
    toks = seg.tokens
    j = m.tok_start - 1
    while j >= 0 and toks[j].sent == toks[m.tok_start].sent and _reaches(toks, j, m.tok_start, m.tok_end) \
            and toks[j].dep not in ("nsubj", "nsubjpass", "dobj", "appos", "relcl", "acl"):
        j -= 1
    if j + 1 >= m.tok_start:
        return None
    words = toks[j + 1:m.tok_start]
    if not any(w.text[:1].isupper() and w.tag.startswith("NN") for w in words):
        return None
    return _clean(toks, j + 1, m.tok_start)


def appositive(seg: Parsed, m: Mention) -> str | None:
    """`Dmitri Trenin, an analyst with the Carnegie Moscow Center` -> `an analyst with ...`;
    also the reverse order, `the Russian ambassador to the U.N., Vitaly Churkin`."""
    toks = seg.tokens
    window = seg.sents[toks[m.tok_start].sent]
    for t in toks[window[0]:window[1]]:
        if t.dep == "appos" and m.tok_start <= t.head < m.tok_end and t.i >= m.tok_end and t.tag in COMMON_NOUN:
            lo, hi = _subtree(toks, t.i, window)
            return _clean(toks, max(lo, m.tok_end), hi)
    root = next((t for t in toks[m.tok_start:m.tok_end] if not (m.tok_start <= t.head < m.tok_end)), None)
    if root is None or root.dep != "appos" or root.head >= m.tok_start or m.label != "PERSON":
        return None
    head = toks[root.head]
    for _ in range(4):  # "the ambassador to the U.N., Vitaly Churkin": climb from "U.N." to "ambassador"
        if head.tag in COMMON_NOUN or head.head == head.i:
            break
        head = toks[head.head]
    if head.tag not in COMMON_NOUN or head.i < window[0]:
        return None
    lo, _ = _subtree(toks, head.i, window)
    return _clean(toks, lo, m.tok_start)


COMMON_NOUN = ("NN", "NNS")
DESCRIBED = ("PERSON", "ORG", "FAC", "PRODUCT", "EVENT")


def describe(seg: Parsed, m: Mention) -> str | None:
    """A description of the mentioned entity from its sentence; places are not described."""
    if m.label not in DESCRIBED:
        return None
    return appositive(seg, m) or (title_before(seg, m) if m.label == "PERSON" else None)
