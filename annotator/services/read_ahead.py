"""Producing the next items on a second thread while the caller uses the last ones.

An import spends about half its time inside SQLite and zlib, which release the
GIL, and the other half reading and checking records in Python. With the reading
on a thread of its own the two overlap on a machine with two or more cores. The
items come out in their order, errors come out where they happened, and the
queue between the threads is bounded, so memory stays flat.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
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

    def __init__(self, items: Iterable[Item], depth: int) -> None:
        self._items = items
        self.chunks: queue.Queue[object] = queue.Queue(maxsize=max(1, depth // _CHUNK))
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="read-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        iterator = iter(self._items)
        chunk: list[Item] = []
        try:
            for item in iterator:
                chunk.append(item)
                if len(chunk) >= _CHUNK:
                    self._put(chunk)
                    chunk = []
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


def read_ahead(items: Iterable[Item], depth: int = 1024) -> Iterator[list[Item]]:
    """``items`` as they are, in lists of up to 256 (_CHUNK), produced on a second
    thread up to ``depth`` ahead.

    ``items`` must not touch what the caller uses meanwhile (the caller's SQLite
    connection above all): it runs concurrently. An exception it raises is raised
    here, after the items before it. Closing the returned generator (or leaving
    the loop over it) stops the thread.
    """
    producer = _Producer(items, depth)
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
