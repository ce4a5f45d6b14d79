"""Reading ahead on a second thread: order, errors where they happened, a clean stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from annotator.services.read_ahead import _CHUNK, read_ahead


def test_every_item_comes_in_order_from_another_thread() -> None:
    made_on: set[int] = set()

    def numbers() -> Iterator[int]:
        for number in range(1000):
            made_on.add(threading.get_ident())
            yield number

    chunks = list(read_ahead(numbers(), depth=2 * _CHUNK))
    assert [n for chunk in chunks for n in chunk] == list(range(1000))
    assert all(0 < len(chunk) <= _CHUNK for chunk in chunks)
    assert made_on and threading.get_ident() not in made_on


def test_an_error_comes_after_the_items_before_it() -> None:
    def failing() -> Iterator[int]:
        yield from range(100)
        raise ValueError("line 101 is broken")

    seen: list[int] = []
    with pytest.raises(ValueError, match="line 101"):
        for chunk in read_ahead(failing(), depth=64):
            seen += chunk
    assert seen == list(range(100))


def test_leaving_early_stops_the_thread_and_closes_the_source() -> None:
    closed = threading.Event()
    made: list[int] = []

    def endless() -> Iterator[int]:
        try:
            number = 0
            while True:
                made.append(number)
                yield number
                number += 1
        finally:
            closed.set()  # a reader's file closes here, on the reading thread

    items = read_ahead(endless(), depth=128)
    first = next(items)
    items.close()
    assert first == list(range(_CHUNK))
    assert closed.is_set()
    assert not [t for t in threading.enumerate() if t.name == "read-ahead"]
    assert len(made) < _CHUNK * 5  # the queue bounded how far it read: a few chunks


def test_an_empty_source_gives_nothing() -> None:
    assert list(read_ahead(iter(()))) == []


def test_heavy_items_end_a_list_early_so_text_is_held_ahead_by_size() -> None:
    sizes = [10] * 50 + [1_000] * 5 + [10] * 50  # five long documents among short ones
    chunks = list(read_ahead(iter(sizes), depth=2 * _CHUNK, weigh=int, chunk_weight=1_500))
    assert [n for chunk in chunks for n in chunk] == sizes
    assert max(sum(chunk) for chunk in chunks) < 1_500 + 1_000  # at most one item over
    assert len(chunks) >= 4
