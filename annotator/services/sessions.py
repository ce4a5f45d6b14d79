"""Editing sessions: the same annotator may edit a project in one window at a time.

Two windows (or two computers sharing the file) of *different* annotators edit
side by side: SQLite serialises their writes and each sees the other's work on
refresh. A second window of the *same* annotator would interleave two undo
histories over the same annotations, so it opens the project read-only and is
told where the first one is. A crashed window does not lock its annotator out:
on the same computer a session whose process is gone is dead at once, from
another computer once it has missed its heartbeats for STALE_AFTER_S seconds.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from dataclasses import dataclass

from annotator.core.errors import ReadOnlyProjectError
from annotator.core.model import new_id
from annotator.store import ProjectStore
from annotator.store.clock import utc_now
from annotator.store.sessions import SessionRecord

# The GUI calls Session.heartbeat() this often; a session silent for STALE_AFTER_S is dead.
HEARTBEAT_S = 30.0
STALE_AFTER_S = 120.0
# A session write waits this long for another connection's write (an import), then
# gives up until the next beat: the window never freezes for a heartbeat.
SESSION_WAIT_S = 0.25


@dataclass(frozen=True)
class SessionConflict:
    """The live session that made a second window of the same annotator read-only."""

    annotator: str
    host: str
    pid: int
    started_at: str

    def message(self) -> str:
        """The warning the GUI shows and the read-only error repeats."""
        where = "on this computer" if self.host == socket.gethostname() else f"on {self.host}"
        return (
            f"{self.annotator} already has this project open in another window {where} "
            f"(process {self.pid}, since {self.started_at[:19].replace('T', ' ')} UTC)"
        )


class Session:
    """This window's claim to edit the project as one annotator. Close it with the project.

    Its writes (claim, heartbeats, release) go through a connection of its own, so
    a heartbeat never runs inside a transaction of the window's connection (an
    import's), nor waits for its opening backup.
    """

    def __init__(
        self, store: ProjectStore, record: SessionRecord, conflict: SessionConflict | None,
        own: ProjectStore | None = None,
    ) -> None:
        self.store = store
        self.record = record
        self.conflict = conflict
        self._own = own if own is not None else store

    @property
    def annotator(self) -> str:
        """Whose session this is."""
        return self.record.annotator

    @property
    def read_only(self) -> bool:
        """True when another live window of the same annotator holds the project."""
        return self.conflict is not None

    def heartbeat(self) -> bool:
        """Tell other windows this one is alive (every HEARTBEAT_S).

        Returns False when another window took the project over: this one turns
        read-only then, and ``conflict`` says where the new owner is.
        """
        if self.read_only:
            return False
        if self._own.sessions.heartbeat(self.record.id, time.time()):
            return True
        owners = self._own.sessions.of_annotator(self.annotator)
        owner = owners[0] if owners else self.record
        self.conflict = SessionConflict(owner.annotator, owner.host, owner.pid, owner.started_at)
        self.store.set_read_only(f"{self.conflict.message()} and took over editing")
        return False

    def close(self) -> None:
        """Release the claim; a read-only session holds none but gives the store its writes back."""
        try:
            if self.read_only:
                self.store.set_writable()
            elif not self.store.read_only:
                self._own.sessions.release(self.record.id)
        finally:
            if self._own is not self.store:
                self._own.close()


def start_session(store: ProjectStore, annotator: str, take_over: bool = False) -> Session:
    """Claim ``store`` for editing as ``annotator``.

    If another live window of the same annotator holds it, the store is switched to
    read-only and the session's ``conflict`` says where that window is (unless
    ``take_over``: the user chose to edit here anyway, and the other window's
    heartbeat will report it lost the claim).
    """
    if store.read_only:
        raise ReadOnlyProjectError(
            f"{store.path}: cannot edit: read-only because {store.read_only_reason}"
        )
    record = SessionRecord(
        new_id(), annotator, socket.gethostname(), os.getpid(), utc_now(), time.time()
    )
    # A project opened exclusively (on a network drive) admits no second connection.
    own = store if store.network is not None else store.side_connection(SESSION_WAIT_S)
    busy_limit = own.busy_limit_s
    own.busy_limit_s = store.busy_limit_s  # claiming waits like any action
    try:
        if take_over:
            own.sessions.take_over(record)
            live = None
        else:
            live = own.sessions.claim(record, is_live)
    except BaseException:
        if own is not store:
            own.close()
        raise
    own.busy_limit_s = busy_limit
    if live is None:
        return Session(store, record, None, own)
    conflict = SessionConflict(live.annotator, live.host, live.pid, live.started_at)
    store.set_read_only(conflict.message())
    return Session(store, record, conflict, own)


def is_live(record: SessionRecord, now: float | None = None) -> bool:
    """Whether the window that recorded ``record`` still runs."""
    if record.host == socket.gethostname() and sys.platform != "win32":
        # On Windows os.kill(pid, 0) would terminate the process: rely on heartbeats there.
        return _process_exists(record.pid)
    return (now if now is not None else time.time()) - record.heartbeat < STALE_AFTER_S


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process with that number
    return True
