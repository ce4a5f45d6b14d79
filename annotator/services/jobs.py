"""Long jobs (import, export, merge, agreement, backup) on a connection of their own.

A job runs on a worker thread with its own connection to the project, so its
write transaction is never the window's: the window keeps reading, painting
and answering keys meanwhile, and no timer of the window (the session
heartbeat, the refresh poll) can run inside the job's transaction. The job's
first write still waits for the backup taken when the project was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from annotator.store import ProjectStore
from annotator.store.connection import BUSY_SLICE_S

T = TypeVar("T")


def on_own_connection(store: ProjectStore, work: Callable[[ProjectStore], T]) -> T:
    """Run ``work`` with a new connection to ``store``'s project (closed afterwards).

    Safe to call from a worker thread: the connection is made there.
    """
    own = store.side_connection(BUSY_SLICE_S)
    own.busy_limit_s = store.busy_limit_s
    own.write_gate = store.write_gate
    if store.read_only:
        own.set_read_only(store.read_only_reason or "the window is read-only")
    try:
        return work(own)
    finally:
        own.close()
