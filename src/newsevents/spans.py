"""Items with character offsets (``start``, ``end``), looked up by position.

Places ask, for each candidate name, whether a mention found before covers it; actors, which
mention covers a quote's speaker; scanning every item each time makes a long article cost
quadratic time. The index sorts the items by start once and looks only at those that can
reach the asked position (no item is longer than the longest one): the same answers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class _HasSpan(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=_HasSpan)


class SpanIndex(Generic[T]):
    def __init__(self, items: Iterable[T]) -> None:
        self.items = list(items)
        self._order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self._starts = [self.items[i].start for i in self._order]
        self._longest = max((max(0, it.end - it.start) for it in self.items), default=0)

    def window(self, start: int, end: int) -> list[T]:
        """The items that can overlap [start, end) (they start in ``[start - longest, end)``),
        in start order; the caller tests the overlap it needs."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [self.items[self._order[k]] for k in range(lo, hi)]

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items that start in [lo, hi), in start order."""
        first = bisect.bisect_left(self._starts, lo)
        last = bisect.bisect_left(self._starts, hi)
        return [self.items[self._order[k]] for k in range(first, last)]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an item overlaps [start, end): ``item.start < end and start < item.end``."""
        return any(it.end > start for it in self.window(start, end))

    def near(self, lo: int, hi: int) -> list[T]:
        """The items with ``start <= hi`` and ``end >= lo``, in their original order."""
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_right(self._starts, hi)
        hits = sorted(
            self._order[k] for k in range(first, last) if self.items[self._order[k]].end >= lo
        )
        return [self.items[i] for i in hits]
