"""A byte sink whose data reaches the file from a second thread.

A file write releases the GIL while the operating system copies the data, so
with the writing on its own thread the disk works while the next records are
being built and serialised, instead of after them.
"""

from __future__ import annotations

import queue
import threading
from typing import BinaryIO

_STOP = b""
_QUEUE_CHUNKS = 8  # bounds the memory held by chunks waiting for the disk


class BackgroundWriter:
    """Accepts bytes with write(); a daemon thread writes them to ``raw``.

    Call :meth:`finish` once: it waits for the thread and raises the first write
    error (a full disk...), if any. :meth:`abandon` stops without raising.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._chunks: queue.Queue[bytes] = queue.Queue(maxsize=_QUEUE_CHUNKS)
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="export-writer", daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> int:
        """Queue ``data``; raises the writer thread's error as soon as there is one."""
        if self._error is not None:
            raise self._error
        if data:
            self._chunks.put(data)
        return len(data)

    def finish(self) -> None:
        """Wait until everything queued is written; raise the first write error."""
        self.abandon()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Stop the thread after what is queued (nothing is raised)."""
        if self._thread.is_alive():
            self._chunks.put(_STOP)
            self._thread.join()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not _STOP:
            if self._error is None:
                try:
                    self._raw.write(chunk)
                except OSError as exc:
                    self._error = exc
