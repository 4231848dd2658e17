"""Alignment: claims compared only inside blocks (same speaker, same counted thing, shared rare
entities), so the work grows with the number of claims, not their square; the best-scoring pairs
are joined first, at most one claim per article in a fact; then each fact's status."""
from __future__ import annotations

import dataclasses
from collections import defaultdict

from rapidfuzz import fuzz
from slugify import slugify

from ..model import Fact
from ..unionfind import UnionFind
from .dates import dates_agree
from .quotes import QUOTE_MIN_SIMILARITY, QUOTE_MIN_WORDS, UNATTRIBUTED_MIN_SIMILARITY, UNATTRIBUTED_MIN_WORDS, word_diff
from .sentences import Extracted, View, normalise

ENTITY_SUPPORT = 2.0  # summed weight of shared entities that makes two claims one fact


# -- alignment ---------------------------------------------------------------------------------
def _pair_score(a: Extracted, b: Extracted, sents: View) -> float | None:
    """How sure we are that a and b state the same fact; None when they are not comparable."""
    support = sents.support(a.entities, b.entities)
    if a.kind == "quote":
        # the same speaker, or, where one outlet names no speaker, nearly the same long wording
        same = bool(a.speaker) and a.speaker == b.speaker
        if a.speaker and b.speaker and not same:
            return None
        na, nb = normalise(a.claim.value), normalise(b.claim.value)
        words = min(len(na.split()), len(nb.split()))
        if words < (QUOTE_MIN_WORDS if same else UNATTRIBUTED_MIN_WORDS):
            return None
        score = fuzz.partial_ratio(na, nb) if min(len(na), len(nb)) >= 20 else fuzz.ratio(na, nb)
        return score if score >= (QUOTE_MIN_SIMILARITY if same else UNATTRIBUTED_MIN_SIMILARITY) else None
    if a.kind == "date":
        # the same date needs some shared context; a different one needs much more
        if dates_agree(a, b):
            return 150 + support if support >= ENTITY_SUPPORT else None
        return 100 + support if support >= 3 * ENTITY_SUPPORT else None
    if a.kind == "equipment":
        return 100 + support
    overlap = a.low <= b.high and b.low <= a.high
    if a.kind in ("duration", "age"):
        return 100 + support + (10 if overlap else 0)
    if overlap and a.specific and b.specific:
        return 100 + support
    same_thing = a.specific and b.specific  # same block: the same class of counted thing
    return 50 + support if same_thing and support >= ENTITY_SUPPORT else None


def _status(group: list[Extracted]) -> tuple[str, str, tuple]:
    """(status, note, diff): a note says why; quotes that differ get the word diff of the first two."""
    if len({x.claim.article for x in group}) < 2:
        return "single", "", ()
    kind = group[0].kind
    if kind == "quote":
        norm = [normalise(x.claim.value) for x in group]
        shortest = min(norm, key=len)
        if all(shortest in n for n in norm):
            return "agree", "", ()
        return "differ", "", word_diff(group[0].claim.value, group[1].claim.value)
    if kind == "date":
        if all(dates_agree(group[0], x) for x in group[1:]):
            return "agree", "", ()
        unresolved = any(not x.granularity for x in group)
        return "differ", "no publication date to resolve relative dates" if unresolved else "", ()
    if kind == "equipment":
        return "agree", "", ()
    ok = max(x.low for x in group) <= min(x.high for x in group)
    return ("agree" if ok else "differ"), "", ()


MAX_CANDIDATES = 20  # claims a claim is compared with inside a large block


def _keys(x: Extracted) -> list[tuple]:
    """What two claims of one block must share to be compared at all."""
    keys: list[tuple] = [("e", e) for e in sorted(x.entities)]
    if x.kind == "quote":
        keys.append(("q", " ".join(normalise(x.claim.value).split()[:6])))
        if x.speaker:
            keys.append(("s", x.speaker))
    elif x.kind == "date":
        keys.append(("d", x.claim.value[:7]))
    else:
        keys.append(("v", x.low, x.high))
    return keys


def _candidates(members: list[int], items: list[Extracted]):
    """Pairs of claims from different articles worth scoring. A small block is compared in full;
    a large one through an index of shared keys, rarest key first, at most MAX_CANDIDATES per
    claim, so the work grows linearly with the block."""
    if len(members) <= MAX_CANDIDATES:
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                if items[x].claim.article != items[y].claim.article:
                    yield x, y
        return
    index: dict[tuple, list[int]] = defaultdict(list)
    for n in members:
        for key in _keys(items[n]):
            index[key].append(n)
    for n in members:
        seen = {n}
        looked = 0  # claims examined, from any article: the cap holds when all come from one
        for key in sorted(_keys(items[n]), key=lambda k: (len(index[k]), k)):
            for m in index[key]:
                looked += 1
                if m not in seen and items[m].claim.article != items[n].claim.article:
                    seen.add(m)
                    if n < m:
                        yield n, m
                if len(seen) > MAX_CANDIDATES or looked > 4 * MAX_CANDIDATES:
                    break
            if len(seen) > MAX_CANDIDATES or looked > 4 * MAX_CANDIDATES:
                break


def align(items: list[Extracted], sents: View, order: dict[str, int]) -> list[Fact]:
    """Group claims into facts: best-scoring pairs first, at most one claim per article in a fact."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for n, x in enumerate(items):
        blocks[x.block].append(n)
    pairs = []
    for members in blocks.values():
        for x, y in _candidates(members, items):
            score = _pair_score(items[x], items[y], sents)
            if score is not None:
                pairs.append((-score, x, y))
    pairs.sort()
    uf = UnionFind()
    articles = {n: {x.claim.article} for n, x in enumerate(items)}  # root -> articles in its group
    for _, x, y in pairs:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or articles[rx] & articles[ry]:
            continue  # already one fact, or one claim per article
        if (rx, ry) != (x, y) and _pair_score(items[min(rx, ry)], items[max(rx, ry)], sents) is None:
            continue  # joining groups: their first claims (the roots) must be comparable too
        joined = uf.union(rx, ry)
        articles[joined] = articles.pop(rx) | articles.pop(ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(items)):
        groups[uf.find(n)].append(n)
    facts = []
    for group in groups.values():
        members = sorted((items[k] for k in group), key=lambda x: (order[x.claim.article], x.claim.start))
        status, note, diff = _status(members)
        first = members[0]
        facts.append(Fact(
            id="", kind=first.kind, status=status,
            subject=next((x.subject for x in members if x.speaker), first.subject) or first.claim.text,
            claims=tuple(x.claim for x in members), note=note, diff=diff))
    rank = {"differ": 0, "agree": 1, "single": 2}
    facts.sort(key=lambda f: (rank[f.status], order[f.claims[0].article], f.claims[0].start))
    return with_ids(facts)


def with_ids(facts: list[Fact]) -> list[Fact]:
    """Each fact's id, its permanent anchor: what the fact is (kind, subject, the first claim's
    wording), never where it sits, so editing elsewhere in an article does not move it. Two facts
    that read the same are told apart by their order."""
    seen: dict[str, int] = {}
    out = []
    for f in facts:
        base = "-".join(part for part in (f.kind, slugify(f.subject, max_length=32, word_boundary=True),
                                          slugify(f.claims[0].text, max_length=40, word_boundary=True)) if part)
        seen[base] = seen.get(base, 0) + 1
        out.append(dataclasses.replace(f, id=base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return out

