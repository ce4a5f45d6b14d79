"""A project in a PostgreSQL database: ServerStore, and creating and opening one.

The repositories are the file project's, on the facade of store.pg; what this
class changes is how a transaction begins and fails:

* Writes take one project-wide advisory lock (``pg_advisory_xact_lock``), so
  actions are applied one after another exactly as SQLite's write lock orders
  them, and the checks an action makes before writing stay true. The lock is
  waited for in slices of ``lock_timeout``, each reported to ``on_busy``.
* Snapshot reads are REPEATABLE READ, READ ONLY: one moment of the project.
* A server that cannot be reached is a ConnectionLostError, raised at once; the
  next action connects again (store.pg). One action is one transaction, so a
  cut connection leaves nothing half-written: the server rolls it back.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors as pgerrors
from psycopg.conninfo import conninfo_to_dict

from annotator import __version__
from annotator.core.errors import (
    ConnectionLostError,
    NotAllowedError,
    ProjectBusyError,
    ProjectError,
    ReadOnlyProjectError,
    SaveFailedError,
)
from annotator.core.model import new_id
from annotator.core.schema import Schema
from annotator.core.server_urls import ServerLocation, scrubbed
from annotator.store.clock import utc_now
from annotator.store.dialect import POSTGRES
from annotator.store.failures import integrity_error
from annotator.store.migrations import LATEST_VERSION
from annotator.store.pg import PgDatabase
from annotator.store.pg_live import Listener, has_notifications, install_notifications
from annotator.store.pg_schema import current_version, has_version_table, migrate
from annotator.store.pg_security import (
    is_administrator,
    is_secured,
    login_role,
    refusal,
    refused_table,
)
from annotator.store.project import ProjectStore
from annotator.store.server_check import project_version

# Any number: the advisory lock every write transaction of a project takes.
WRITE_LOCK = 0x414E4E54_0002
# A write waits this long for the lock per try before on_busy hears of it.
LOCK_SLICE_S = 2.0
# No single statement of an action runs longer (an export's reads are many statements).
STATEMENT_TIMEOUT_S = 600
# A client that died inside a transaction (no COMMIT, no ROLLBACK) frees the lock after this.
IDLE_IN_TRANSACTION_S = 300
# libpq settings used unless the URL gives its own: a dead network is noticed in
# about 20 s rather than the operating system's two hours. sslmode is left to libpq
# (``prefer``: TLS whenever the server offers it).
_CONNECTION_DEFAULTS = {
    "connect_timeout": "10",
    "application_name": "annotator",
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "2",
}
# Not yet asked of the server (see ServerStore._bound_login).
_UNKNOWN = object()


class ServerStore(ProjectStore):
    """A project in a PostgreSQL database; ``path`` is its ServerLocation."""

    dialect = POSTGRES
    on_server = True

    def stream_rows(self, sql: str, params: Sequence[object] = ()) -> Iterator[Any]:
        """The rows of a long read through a server-side cursor (inside a snapshot or a
        transaction), so a 100,000-document table never sits whole in this process.
        Outside one there is nothing to hold such a cursor: the rows come at once."""
        if not self.db.conn.in_transaction:
            return iter(self.db.execute(sql, list(params)))
        return self.db.conn.stream(sql, list(params))

    def __init__(
        self,
        location: ServerLocation,
        read_only_reason: str | None = None,
        lock_slice_s: float = LOCK_SLICE_S,
    ) -> None:
        self.location = location
        self._lock_slice_s = lock_slice_s
        self._session_read_only = read_only_reason is not None
        self._xid: int | None = None  # the write transaction's, asked at its BEGIN
        self._backend: int | None = None  # the server session it runs in
        # Live updates (store.pg_live): started by the first data_version() of a window.
        self._listener: Listener | None = None
        self._notifies: bool | None = None
        self._bound: str | object | None = _UNKNOWN
        try:
            conninfo_to_dict(location.url)
        except psycopg.Error as exc:
            # libpq quotes the part it could not read, which may be the password: masked,
            # and the original error not chained (a traceback would print it).
            reason = scrubbed(_reason(exc), location.url)
            raise ProjectError(f"{location}: not a valid PostgreSQL URL: {reason}") from None
        try:
            db = PgDatabase(self._new_connection, self._lost)
        except psycopg.OperationalError as exc:
            reason = scrubbed(_reason(exc), location.url)
            raise ProjectError(
                f"{location}: cannot connect to the server: {reason}",
                message_id="server_unreachable", arguments=(location, reason),
            ) from exc
        super().__init__(location, db, read_only_reason)  # type: ignore[arg-type]

    def _new_connection(self) -> psycopg.Connection[Any]:
        """A connection with this store's session settings (made again after a loss)."""
        params = conninfo_to_dict(self.location.url)
        for key, value in _CONNECTION_DEFAULTS.items():
            params.setdefault(key, value)
        conn = psycopg.connect(autocommit=True, **params)
        for name, value in (
            ("lock_timeout", f"{int(self._lock_slice_s * 1000)}ms"),
            ("statement_timeout", f"{STATEMENT_TIMEOUT_S}s"),
            ("idle_in_transaction_session_timeout", f"{IDLE_IN_TRANSACTION_S}s"),
            ("default_transaction_read_only", "on" if self._session_read_only else "off"),
        ):
            conn.execute("SELECT set_config(%s, %s, false)", [name, value])
        return conn

    def _lost(self, exc: psycopg.OperationalError) -> Exception:
        return ConnectionLostError(
            f"{self.location}: the server cannot be reached ({_reason(exc)}); your last change "
            "was not saved. Everything saved before it is safe; the connection is made again "
            "at your next action."
        )

    def side_connection(self, wait_s: float) -> ServerStore:
        """A second connection (see ProjectStore.side_connection); waits ``wait_s`` at most."""
        side = ServerStore(self.location, lock_slice_s=max(wait_s, 0.001))
        side.busy_limit_s = 0.0
        return side

    def _engine_read_only(self, read_only: bool) -> None:
        """A read-only session: the server refuses writes too, also on the connection
        made again after a loss (_new_connection reads the flag)."""
        self._session_read_only = read_only
        self.db.execute(f"SET default_transaction_read_only = {'on' if read_only else 'off'}")

    def _begin(self) -> None:
        """BEGIN, then the project's write lock, waiting in slices reported to on_busy."""
        conn = self.db.conn
        started = time.monotonic()
        while True:
            conn.execute("BEGIN")
            try:
                # The transaction's id, asked with the lock (one round trip): if the answer
                # to its COMMIT is lost, a new connection asks the server what became of it.
                self._xid = conn.execute(
                    "SELECT txid_current() FROM (SELECT pg_advisory_xact_lock(?)) AS locked",
                    [WRITE_LOCK],
                ).fetchone()[0]
                self._backend = conn.raw.info.backend_pid  # the session that holds it
                return
            except pgerrors.ReadOnlySqlTransaction as exc:  # a standby: no transaction ids
                conn.rollback()
                raise ReadOnlyProjectError(
                    f"{self.path}: the server accepts no changes (a read-only standby); "
                    "the change was not saved"
                ) from exc
            except pgerrors.LockNotAvailable as exc:
                conn.rollback()
                waited = time.monotonic() - started
                if waited >= self.busy_limit_s:
                    raise ProjectBusyError(
                        f"{self.path}: another annotator's change kept the project busy for "
                        f"{waited:.0f} s; the change was not saved, try again"
                    ) from exc
                if self.on_busy is not None:
                    self.on_busy(waited)
            except psycopg.Error as exc:
                conn.rollback()
                raise _save_failed(self.path, exc) from exc

    def _commit(self) -> None:
        """COMMIT; when the connection is lost on the way, the change may have been kept
        (the server committed, its answer never came) or not. A new connection asks the
        server (txid_status): kept, this returns as if the answer had come; not kept or
        not known (the server is still out of reach), ConnectionLostError says which."""
        try:
            self.db.conn.execute("COMMIT")
        except ConnectionLostError as lost:
            outcome = self._outcome(self._xid, self._backend)
            if outcome == "committed":
                return
            if outcome == "aborted":
                raise ConnectionLostError(
                    f"{self.location}: the connection was lost during your last change, which "
                    "was not saved (the server says so). Everything saved before it is safe; "
                    "the next action connects again."
                ) from lost
            raise ConnectionLostError(
                f"{self.location}: the connection was lost while your last change was being "
                "saved, and the server cannot be asked whether it kept it. Everything saved "
                "before it is safe; the document is read again at your next action, once the "
                "server is back, and shows whether it was kept."
            ) from lost

    def _outcome(self, xid: int | None, backend: int | None) -> str | None:
        """What became of transaction ``xid``: "committed" or "aborted"; None when the
        server cannot be asked or cannot tell.

        The server may not have noticed the cut yet: the transaction is then still "in
        progress" in the session ``backend``, which can never finish it now (its client is
        gone), so that session is ended first (the COMMIT it may be writing completes:
        a session ends between statements) and the server asked again.
        """
        if xid is None:
            return None
        try:
            with self._new_connection() as conn:
                status = _transaction_status(conn, xid)
                if status == "in progress" and backend is not None:
                    _end_session(conn, backend)
                    status = _transaction_status(conn, xid)
        except psycopg.Error:
            return None
        return status if status in ("committed", "aborted") else None

    def _begin_read(self) -> None:
        conn = self.db.conn
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        conn.execute("SELECT 1").fetchone()  # the snapshot is taken by the first statement

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        conn = self.db.conn
        try:
            yield
        except pgerrors.IntegrityError as exc:
            raise integrity_error(exc, exc.diag.message_primary or str(exc)) from exc
        except psycopg.Error as exc:
            conn.rollback()
            if isinstance(exc, pgerrors.LockNotAvailable):
                raise ProjectBusyError(
                    f"{self.path}: another program held rows of the project locked; "
                    "the change was not saved, try again"
                ) from exc
            if isinstance(exc, pgerrors.InsufficientPrivilege):
                message = refusal(refused_table(exc), self.db.conn.raw.info.user)
                raise NotAllowedError(f"{self.path}: {message}") from exc
            if isinstance(exc, pgerrors.ReadOnlySqlTransaction):
                raise ReadOnlyProjectError(
                    f"{self.path}: the project is open read-only; the change was not saved"
                ) from exc
            raise _save_failed(self.path, exc) from exc

    def file_version(self) -> int:
        """The schema version (the newest row of ``schema_version``)."""
        return current_version(self.db)

    def data_version(self) -> int:
        """Changes whenever another connection commits a change others must see: the
        count of the listener's notifications (store.pg_live), read without asking the
        server. While the listener is away (or the tables predate notifications) it is
        the server's transaction horizon, which moves for every transaction."""
        listener = self.live()
        if listener is not None and listener.connected.is_set():
            return listener.version
        return -int(self.db.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())").fetchone()[0])

    def live(self) -> Listener | None:
        """The listener of this store, started on first use; None when the project's
        tables send no notifications."""
        if self._notifies is None:
            self._notifies = has_notifications(self.db)
            if self._notifies:
                self._listener = Listener(self._new_connection, self._backend_pid)
        return self._listener

    def login_annotator(self) -> str | None:
        """The login role, when the project's roles bind it (not its administrator)."""
        if is_secured(self.db) and not is_administrator(self.db):
            return login_role(self.db)
        return None

    def require_changed(self, changed: int, table: str, where: str, params: list) -> None:
        """See ProjectStore.require_changed: a silent refusal made a clear one."""
        if changed or self._bound_login() is None:
            return
        there = self.db.execute(
            f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {where})", params
        ).fetchone()[0]
        if there:
            who = self._bound_login()
            raise NotAllowedError(f"{self.path}: {refusal(table, who or '')}")

    def _bound_login(self) -> str | None:
        """login_annotator(), asked of the server once per store (roles and ownership
        do not change while a project is open)."""
        if self._bound is _UNKNOWN:
            self._bound = self.login_annotator()
        return self._bound  # type: ignore[return-value]

    def _backend_pid(self) -> int | None:
        raw = self.db.conn.raw
        return None if raw.closed else raw.info.backend_pid

    def close(self) -> None:
        """Stop the listener (if any) and close the connection."""
        if self._listener is not None:
            self._listener.close()
        super().close()


def _reason(exc: BaseException | None) -> str:
    """libpq's message, first line only (never holds a password)."""
    text = str(exc or "unknown error").strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _save_failed(where: object, exc: psycopg.Error) -> ProjectError:
    return SaveFailedError(
        f"{where}: your last change was not saved: the server refused it ({_reason(exc)}). "
        "Everything saved before it is safe."
    )


def create_server_project(url: str, schema: Schema, name: str | None = None) -> ServerStore:
    """Create a project in the database ``url`` names, which must exist and be empty."""
    location = ServerLocation(url)
    store = ServerStore(location)
    try:
        tables = store.db.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchone()[0]
        if tables or has_version_table(store.db):
            raise ProjectError(
                f"{location}: the database is not empty; a project is created in an empty "
                "database (CREATE DATABASE ...)"
            )

        def describe() -> None:
            store.set_meta("name", name or location.database)
            store.set_meta("created_at", utc_now())
            store.set_meta("created_by", f"annotator {__version__}")
            store.set_meta("project_id", new_id())
            store.set_schema(schema)
            install_notifications(store.db)

        migrate(store.db, then=describe)
    except BaseException:
        store.close()
        raise
    return store


def open_server_project(url: str, read_only: bool = False) -> ServerStore:
    """Open the project in the database ``url`` names, bringing its tables up to date."""
    location = ServerLocation(url)
    reason = "it was opened read-only on request" if read_only else None
    store = ServerStore(location, reason)
    try:
        # Only reads: a database that is not a project (or a newer one) stays untouched.
        version = project_version(store.db, location)
        if version < LATEST_VERSION:
            if read_only:
                raise ProjectError(
                    f"{location}: needs upgrading to format {LATEST_VERSION} but it was "
                    "opened read-only on request"
                )
            try:
                migrate(store.db)
            except pgerrors.InsufficientPrivilege as exc:
                raise ProjectError(
                    f"{location}: needs upgrading to format {LATEST_VERSION}, which only the "
                    "role owning its tables may do: `annotator server init ADMIN-URL --lead "
                    "NAME` upgrades it"
                ) from exc
        if store.get_meta("schema") is None:
            raise ProjectError(f"{location}: the project has no label schema")
    except BaseException:
        store.close()
        raise
    return store


def _transaction_status(conn: psycopg.Connection[Any], xid: int) -> str | None:
    row = conn.execute("SELECT txid_status(%s)", [xid]).fetchone()
    return row[0] if row else None


def _end_session(conn: psycopg.Connection[Any], backend: int, wait_s: float = 5.0) -> None:
    """Terminate the server session ``backend`` (one of ours, whose client is gone) and
    wait until it has ended, ``wait_s`` at most (pg_terminate_backend waits itself from
    PostgreSQL 14 on, given a timeout; this works with older servers too)."""
    conn.execute("SELECT pg_terminate_backend(%s)", [backend])
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        gone = conn.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %s)", [backend]
        ).fetchone()[0]
        if gone:
            return
        time.sleep(0.05)
