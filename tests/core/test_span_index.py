"""The interval index of annotations and the levels of stacked underlines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.span_index import Interval, IntervalIndex, stack_levels

INTERVALS = st.lists(
    st.tuples(st.integers(0, 80), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=30,
)


@given(INTERVALS, st.integers(0, 100), st.integers(1, 20))
def test_overlapping_equals_brute_force(ranges, start, length) -> None:
    items = [Interval(s, e, f"i{n}") for n, (s, e) in enumerate(ranges)]
    index = IntervalIndex(items[: len(items) // 2])
    for item in items[len(items) // 2 :]:
        index.add(item)
    for item in items[::3]:
        index.discard(item.id)
    kept = [i for i in items if i.id in index]
    expected = sorted(i for i in kept if i.start < start + length and i.end > start)
    assert index.overlapping(start, start + length) == expected


def test_at_returns_innermost_first() -> None:
    index = IntervalIndex([Interval(0, 20, "outer"), Interval(5, 10, "inner"),
                           Interval(30, 35, "far")])
    assert [i.id for i in index.at(6)] == ["inner", "outer"]
    assert [i.id for i in index.at(25)] == []
    assert index.get("far") == Interval(30, 35, "far")


@given(INTERVALS)
def test_overlapping_intervals_get_different_levels(ranges) -> None:
    items = [Interval(s, e, f"i{n}") for n, (s, e) in enumerate(ranges)]
    levels = stack_levels(items)
    for a in items:
        for b in items:
            if a.id != b.id and a.start < b.end and b.start < a.end:
                assert levels[a.id] != levels[b.id]


def test_nested_span_sits_above_its_container() -> None:
    levels = stack_levels([Interval(5, 10, "inner"), Interval(0, 20, "outer")])
    assert levels == {"outer": 0, "inner": 1}
