"""An in-memory interval index: which annotations cover a range of the text.

Annotations are short compared with the text, so a list sorted by start plus
the longest length answers "what overlaps [a, b)" with two bisections and a
scan of the candidates; adding or removing one annotation is one insort.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Interval:
    """One annotation's range, ``[start, end)``, and its id."""

    start: int
    end: int
    id: str


class IntervalIndex:
    """Intervals sorted by (start, end, id), queried by overlap or by point."""

    def __init__(self, intervals: Iterable[Interval] = ()) -> None:
        self._items: list[Interval] = sorted(intervals)
        self._by_id = {item.id: item for item in self._items}
        self._max_length = max((i.end - i.start for i in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, interval_id: object) -> bool:
        return interval_id in self._by_id

    def get(self, interval_id: str) -> Interval | None:
        """The interval with this id, or None."""
        return self._by_id.get(interval_id)

    def add(self, interval: Interval) -> None:
        """Insert an interval (replacing one with the same id)."""
        self.discard(interval.id)
        insort(self._items, interval)
        self._by_id[interval.id] = interval
        self._max_length = max(self._max_length, interval.end - interval.start)

    def discard(self, interval_id: str) -> Interval | None:
        """Remove the interval with this id, if present; returns it."""
        interval = self._by_id.pop(interval_id, None)
        if interval is not None:
            del self._items[bisect_left(self._items, interval)]
        return interval

    def overlapping(self, start: int, end: int) -> list[Interval]:
        """Intervals sharing at least one position with ``[start, end)``, by start."""
        low = bisect_left(self._items, Interval(start - self._max_length, -1, ""))
        high = bisect_left(self._items, Interval(end, -1, ""))
        return [item for item in self._items[low:high] if item.end > start]

    def at(self, position: int) -> list[Interval]:
        """Intervals covering ``position``, innermost (shortest) first."""
        hits = self.overlapping(position, position + 1)
        return sorted(hits, key=lambda item: (item.end - item.start, item.start))

    def __iter__(self):
        return iter(self._items)


def stack_levels(intervals: list[Interval]) -> dict[str, int]:
    """Give overlapping intervals different levels (0, 1, 2...) for stacked underlines.

    Greedy colouring of the interval graph in start order: each interval takes
    the lowest level not held by an interval still open at its start. Longer
    intervals come first at equal starts, so an enclosing span sits below a nested one.
    """
    levels: dict[str, int] = {}
    open_ends: list[tuple[int, int]] = []  # (end, level) of intervals still open
    for item in sorted(intervals, key=lambda i: (i.start, -i.end, i.id)):
        open_ends = [(end, level) for end, level in open_ends if end > item.start]
        taken = {level for _, level in open_ends}
        level = next(n for n in range(len(taken) + 1) if n not in taken)
        levels[item.id] = level
        open_ends.append((item.end, level))
    return levels
