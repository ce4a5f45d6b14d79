"""Producing the next items on a second thread while the caller uses the last ones.

An import spends about half its time inside SQLite and zlib, which release the
GIL, and the other half reading and checking records in Python. With the reading
on a thread of its own the two overlap on a machine with two or more cores. The
items come out in their order, errors come out where they happened, and the
queue between the threads is bounded, so memory stays flat.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

Item = TypeVar("Item")

_CHUNK = 256  # items handed over at once: fewer round trips between the threads
_WAIT_S = 0.05  # how often a producer blocked on a full queue looks for a stop


class _Failed:
    """What the producer raised, to be raised again on the consumer's thread."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


_DONE = object()


class _Producer(Generic[Item]):
    """The thread that iterates ``items`` and queues them in chunks."""

    def __init__(
        self, items: Iterable[Item], depth: int, weigh: Callable[[Item], int], chunk_weight: int
    ) -> None:
        self._items = items
        self._weigh = weigh
        self._chunk_weight = chunk_weight
        self.chunks: queue.Queue[object] = queue.Queue(maxsize=max(1, depth // _CHUNK))
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="read-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        iterator = iter(self._items)
        chunk: list[Item] = []
        weight = 0
        try:
            for item in iterator:
                chunk.append(item)
                weight += self._weigh(item)
                if len(chunk) >= _CHUNK or weight >= self._chunk_weight:
                    self._put(chunk)
                    chunk, weight = [], 0
                if self._stopped.is_set():
                    return
            end: object = _DONE
        except BaseException as exc:  # handed to the consumer, who raises it
            end = _Failed(exc)
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:  # a generator's open files close on this thread
                close()
        if chunk:  # the items read before the end come before it
            self._put(chunk)
        self._put(end)

    def _put(self, value: object) -> None:
        while not self._stopped.is_set():
            try:
                self.chunks.put(value, timeout=_WAIT_S)
                return
            except queue.Full:
                continue

    def stop(self) -> None:
        """Make the thread end after its current item, and wait for it."""
        self._stopped.set()
        self._thread.join()


def read_ahead(
    items: Iterable[Item],
    depth: int = 1024,
    weigh: Callable[[Item], int] = lambda item: 0,
    chunk_weight: int = sys.maxsize,
) -> Iterator[list[Item]]:
    """``items`` as they are, in lists of up to 256 (_CHUNK), produced on a second
    thread up to ``depth`` ahead.

    A list also ends once its items ``weigh`` ``chunk_weight`` together, so items of
    very different sizes (a tweet, a book) are held ahead by size, not only by count:
    at most ``depth // 256`` lists wait, and one more is being filled.

    ``items`` must not touch what the caller uses meanwhile (the caller's SQLite
    connection above all): it runs concurrently. An exception it raises is raised
    here, after the items before it. Closing the returned generator (or leaving
    the loop over it) stops the thread.
    """
    producer = _Producer(items, depth, weigh, max(1, chunk_weight))
    try:
        while True:
            chunk = producer.chunks.get()
            if chunk is _DONE:
                return
            if isinstance(chunk, _Failed):
                raise chunk.error
            yield chunk  # type: ignore[misc]
    finally:
        producer.stop()
