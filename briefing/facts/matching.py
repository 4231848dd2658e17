"""The one-to-one matching of two articles' claims with the most evidence in all (the Hungarian
method): joining the strongest pair first can take the one partner another claim had, when the
first claim had a near-equal partner of its own ("the vote on Monday" in one article is the only
match for "lawmakers voted on Monday" in the other, which also fits "the debate on Monday" a
little better)."""
from __future__ import annotations

import math

MAX_SIDE = 60  # claims on the smaller side past which the matching is not sought (its work grows as the cube)


def best(edges: list[tuple[int, int, float]]) -> set[tuple[int, int]] | None:
    """The (left, right) pairs of a matching of greatest total weight among `edges` (left, right,
    weight > 0), each left and each right in at most one pair; None when it is too large to seek."""
    lefts = sorted({a for a, _, _ in edges})
    rights = sorted({b for _, b, _ in edges})
    flip = len(lefts) > len(rights)
    if flip:
        lefts, rights = rights, lefts
        edges = [(b, a, w) for a, b, w in edges]
    if len(lefts) > MAX_SIDE:
        return None
    li = {n: k for k, n in enumerate(lefts)}
    ri = {n: k for k, n in enumerate(rights)}
    cost = [[0.0] * len(rights) for _ in lefts]
    for a, b, w in edges:
        cost[li[a]][ri[b]] = min(cost[li[a]][ri[b]], -w)
    chosen = {(lefts[i], rights[j]) for i, j in _assign(cost) if cost[i][j] < 0}
    return {(b, a) for a, b in chosen} if flip else chosen


def _assign(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Rows to columns (rows <= columns) at least total cost: the Hungarian method with potentials."""
    n, m = len(cost), len(cost[0])
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)  # column -> its row (1-based; 0 none), the path to it
    for i in range(1, n + 1):
        owner[0], j0 = i, 0
        least, used = [math.inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], math.inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < least[j]:
                        least[j], way[j] = cur, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
