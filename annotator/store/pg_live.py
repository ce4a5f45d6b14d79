"""Live updates of a server project: LISTEN/NOTIFY instead of polling the tables.

Statement-level triggers send one ``pg_notify`` per changed table per statement on
the tables whose changes other people must see; PostgreSQL folds identical
notifications of one transaction into one, so a 10,000-document import is one
notification per table, not 10,000. They are delivered at COMMIT, never for a
rolled-back change.

A :class:`Listener` holds its own connection on a daemon thread, LISTENs, and
counts the notifications other connections send (this store's own commits are
not "changes elsewhere", as with SQLite's data_version). The window's refresh
poll reads that count instead of asking the server; ``on_change`` (called on
the listener's thread) lets a window poll at once. After a network fault or a
terminated backend the listener connects again, with a growing pause, and
counts one change for whatever it may have missed meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import psycopg

if TYPE_CHECKING:
    from annotator.store.pg import PgDatabase

log = logging.getLogger(__name__)

CHANNEL = "annotator_changes"
# Tables whose changes other windows show (sessions' heartbeats and work time are not).
NOTIFYING_TABLES = (
    "documents", "annotators", "statuses", "assignments", "spans", "events",
    "event_arguments", "notes", "project_meta", "document_splits",
)
# How often the listener thread looks up from waiting to see if it should stop.
WAKE_S = 0.25
# How long to wait for the rest of one transaction's notifications.
BURST_S = 0.01
# Pauses before connecting again after a fault: the first, and the longest.
RETRY_FIRST_S = 0.2
RETRY_MAX_S = 10.0

_TRIGGERS = f"""
CREATE OR REPLACE FUNCTION annotator_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END $$;
"""


def install_notifications(db: PgDatabase) -> None:
    """The notifying triggers (replacing earlier ones), in the caller's transaction."""
    statements = [_TRIGGERS]
    for table in NOTIFYING_TABLES:
        statements.append(
            f"CREATE OR REPLACE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE "
            f"OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify()"
        )
    db.conn.script(";\n".join(statements))


def has_notifications(db: PgDatabase) -> bool:
    """True when the project's tables send notifications (made by a version that does)."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'spans_notify')"
    ).fetchone()
    return bool(row[0])


class Listener:
    """Counts the changes other connections commit to one project (see module doc)."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection[Any]],
        own_pid: Callable[[], int | None],
    ) -> None:
        self._connect = connect
        self._own_pid = own_pid
        self._lock = threading.Lock()
        self._version = 0
        # Called on the listener's thread after each counted change (a Qt signal's emit).
        self.on_change: Callable[[], None] | None = None
        self.connected = threading.Event()
        self.reconnects = 0
        self._stop = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None
        self._thread = threading.Thread(target=self._run, name="annotator-listener", daemon=True)
        self._thread.start()

    @property
    def version(self) -> int:
        """Grows with every change committed elsewhere (and after each reconnect)."""
        with self._lock:
            return self._version

    @property
    def backend_pid(self) -> int | None:
        """The server process of the listening connection (tests terminate it)."""
        conn = self._conn
        return None if conn is None or conn.closed else conn.info.backend_pid

    def close(self) -> None:
        """Stop listening (returns within about WAKE_S)."""
        self._stop.set()
        self._thread.join(timeout=5 * WAKE_S + 1)

    def _changed(self) -> None:
        with self._lock:
            self._version += 1
        callback = self.on_change
        if callback is not None:
            try:
                callback()
            except Exception:  # a window being closed: its next poll sees the count
                log.exception("live update callback failed")

    def _run(self) -> None:
        pause = RETRY_FIRST_S
        while not self._stop.is_set():
            try:
                self._listen()
                pause = RETRY_FIRST_S
            except psycopg.Error as exc:
                self.connected.clear()
                self.reconnects += 1
                log.info("live updates: connection lost (%s); again in %.1f s",
                         str(exc).splitlines()[0] if str(exc) else type(exc).__name__, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, RETRY_MAX_S)
            finally:
                conn, self._conn = self._conn, None
                if conn is not None:
                    conn.close()

    def _listen(self) -> None:
        conn = self._conn = self._connect()
        conn.execute(f"LISTEN {CHANNEL}")
        if self.reconnects:
            self._changed()  # changes may have been committed while we were away
        self.connected.set()
        while not self._stop.is_set():
            if self._foreign(conn.notifies(timeout=WAKE_S, stop_after=1)):
                # One transaction's notifications (a table each) arrive together:
                # take the rest of them, then count the change once.
                self._foreign(conn.notifies(timeout=BURST_S))
                self._changed()

    def _foreign(self, notifications: Iterable[psycopg.Notify]) -> bool:
        """True when one of ``notifications`` came from another connection."""
        own = self._own_pid()
        # A list, not a generator: any() must not stop early, or the notifications after
        # the first foreign one would wait to be read as the next change.
        return any([notify.pid != own for notify in notifications])
