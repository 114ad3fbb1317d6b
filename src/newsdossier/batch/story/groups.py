"""Union-find over hashable items: the one place where pairs found to match become groups."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable


class Groups:
    """Disjoint sets; a group is named by its smallest item, so the results are deterministic."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self._parent: dict[Hashable, Hashable] = {item: item for item in items}

    def add(self, item: Hashable) -> None:
        """Make item a group of its own unless it is already known."""
        self._parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        """The item naming item's group."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        """Put a and b in one group (named by the smaller of the two names)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
            self._parent[hi] = lo

    def groups(self) -> dict[Hashable, list[Hashable]]:
        """Every group as name -> its items, in sorted order."""
        out: dict[Hashable, list[Hashable]] = {}
        for item in sorted(self._parent):  # type: ignore[type-var]
            out.setdefault(self.find(item), []).append(item)
        return out


def stable_id(prefix: str, *parts: str) -> str:
    """A short id made from what identifies a group, so re-runs (and added articles that leave the
    group as it was) give the same id."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=5).hexdigest()
    return f"{prefix}-{digest}"


def joined(values: Iterable[object]) -> str:
    """Distinct non-empty values, sorted and ';'-separated: the list cells of the story tables."""
    return ";".join(sorted({str(v) for v in values if str(v)}))


class Ids:
    """Stable ids, numbered on the rare collision (two groups with the same identifying parts)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._taken: set[str] = set()

    def new(self, *parts: str) -> str:
        """The id for these parts, unused so far in this run."""
        ident, n = stable_id(self.prefix, *parts), 2
        while ident in self._taken:
            ident, n = stable_id(self.prefix, *parts, str(n)), n + 1
        self._taken.add(ident)
        return ident
