"""Union-find over any orderable items, used to cluster entities and to group fact claims."""
from __future__ import annotations

from collections.abc import Hashable


class UnionFind:
    """The smaller root is kept on every union, so a cluster's root is its smallest member and
    the result does not depend on the order of unions."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x: Hashable):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable):
        """Join the clusters of a and b; returns the root of the joined cluster."""
        ra, rb = self.find(a), self.find(b)
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra
