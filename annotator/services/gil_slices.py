"""Shorter turns on the GIL while two threads share the work of an import.

When a thread comes back from SQLite or zlib (which run without the GIL) while
another thread runs Python, it waits for the interpreter's switch interval
(5 ms) before it gets the GIL back. An import's writing thread comes back
thousands of times: measured on 10,000 articles, SQLite's 1.3 s of writes took
2.4 s beside a busy thread at 5 ms and 1.4 s at 0.5 ms.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

SHORT_SWITCH_S = 0.0005


@contextlib.contextmanager
def short_gil_slices(interval_s: float = SHORT_SWITCH_S) -> Iterator[None]:
    """Run a block with a switch interval of at most ``interval_s`` (restored after)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, interval_s))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
