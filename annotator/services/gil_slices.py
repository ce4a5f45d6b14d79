"""Shorter turns on the GIL while two threads share the work of an import.

When a thread comes back from SQLite or zlib (which run without the GIL) while
another thread runs Python, it waits for the interpreter's switch interval
(5 ms) before it gets the GIL back. An import's writing thread comes back
thousands of times: measured on 10,000 articles, SQLite's 1.3 s of writes took
2.4 s beside a busy thread at 5 ms and 1.4 s at 0.5 ms.

The interval is the whole process's: blocks on several threads (two imports of
the window's jobs) share one shortening, and the last to end restores it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

SHORT_SWITCH_S = 0.0005

_lock = threading.Lock()
_users = 0
_before = 0.0


@contextlib.contextmanager
def short_gil_slices() -> Iterator[None]:
    """Run a block with a switch interval of at most SHORT_SWITCH_S (restored after)."""
    global _users, _before
    with _lock:
        if _users == 0:
            _before = sys.getswitchinterval()
            sys.setswitchinterval(min(_before, SHORT_SWITCH_S))
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                sys.setswitchinterval(_before)
