"""ProjectStore: an open project file and its repositories."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from annotator import __version__
from annotator.core.errors import ProjectBusyError, ProjectError, ReadOnlyProjectError
from annotator.core.model import new_id
from annotator.core.paths import shown_text
from annotator.core.schema import Schema, parse_schema
from annotator.core.server_urls import is_server_url
from annotator.store import text_codec
from annotator.store.annotations import AnnotationRepository
from annotator.store.annotators import AnnotatorRepository
from annotator.store.assignments import AssignmentRepository
from annotator.store.clock import utc_now
from annotator.store.connection import APPLICATION_ID, check_existing, connect
from annotator.store.dialect import SQLITE, Dialect
from annotator.store.documents import DocumentRepository
from annotator.store.failures import (
    CANTOPEN,
    FULL,
    IOERR,
    READONLY,
    error_code,
    integrity_error,
    is_busy,
    write_error,
)
from annotator.store.interchange import InterchangeRepository
from annotator.store.listing import ListingRepository
from annotator.store.migrations import LATEST_VERSION, run_pending
from annotator.store.notes import NoteRepository
from annotator.store.places import examine, folder_read_only_reason, network_filesystem
from annotator.store.search import SearchRepository
from annotator.store.sessions import SessionRepository
from annotator.store.splits import SplitRepository
from annotator.store.suggestions import SuggestionRepository
from annotator.store.work import WorkRepository

if TYPE_CHECKING:
    from annotator.store.pg_live import Listener

PROJECT_SUFFIX = ".annproj"
# The page cache of bulk_writes(), in MB (SQLite's own memory during an import).
BULK_CACHE_MB = 64
# How long a write waits for another process before giving up with ProjectBusyError.
BUSY_LIMIT_S = 120.0
BusyCallback = Callable[[float], None]


class ProjectStore:
    """An open project file. Use as a context manager or call close().

    Writes go through :meth:`transaction`: one transaction per user action.
    (A project on a PostgreSQL server is a store.server.ServerStore.)
    """

    # The SQL the repositories write differently per engine (store.dialect).
    dialect: Dialect = SQLITE
    # True for a project in a PostgreSQL database (store.server.ServerStore).
    on_server = False

    def __init__(self, path: Path, db: Database, read_only_reason: str | None = None) -> None:
        self.path = path
        self.db = db
        # Why writes are refused (None: they are not); see set_read_only().
        self.read_only_reason = read_only_reason
        # The network file system the project is on (opened exclusively), None if local.
        self.network: str | None = None
        # A connection opened read-only can never write, whatever set_writable() is asked.
        self._connection_read_only = read_only_reason is not None
        # Called with the seconds waited so far while another process holds the
        # write lock, so a window can say "waiting for another window...".
        self.on_busy: BusyCallback | None = None
        self.busy_limit_s = BUSY_LIMIT_S
        # Called (then forgotten) before this connection's first write: the GUI's
        # opening backup runs in the background and the first change waits for it.
        self.write_gate: Callable[[], None] | None = None
        self._schema: Schema | None = None
        if not self.on_server:  # the functions the file's SQL calls (store.text_codec)
            text_codec.register(db.conn)
        # True while snapshot() holds a read transaction it began (see there).
        self._reading = False
        self.documents = DocumentRepository(self)
        self.annotators = AnnotatorRepository(self)
        self.annotations = AnnotationRepository(self)
        self.assignments = AssignmentRepository(self)
        self.work = WorkRepository(self)
        self.interchange = InterchangeRepository(self)
        self.sessions = SessionRepository(self)
        self.suggestions = SuggestionRepository(self)
        self.notes = NoteRepository(self)
        self.splits = SplitRepository(self)
        self.search = SearchRepository(self)
        self.listing = ListingRepository(self)

    def side_connection(self, wait_s: float) -> ProjectStore:
        """A second connection to this project, for small writes that must never join
        this connection's transaction (the session heartbeat). A write on it waits at
        most ``wait_s`` for the lock, then raises ProjectBusyError. Close it yourself.
        """
        db = connect(self.path)
        db.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
        side = ProjectStore(self.path, db)
        side.busy_limit_s = 0.0
        return side

    def live(self) -> Listener | None:
        """What tells of changes other connections commit as they happen (a server's
        listener, store.pg_live); None: poll data_version (a file)."""
        return None

    def login_annotator(self) -> str | None:
        """The annotator name the server binds this connection to (its login role, on a
        server project with roles); None: any name may be used."""
        return None

    def require_changed(self, changed: int, table: str, where: str, params: list) -> None:
        """After an UPDATE or DELETE of ``table`` ``where`` that changed ``changed`` rows:
        on a server whose roles bind this connection, 0 rows while such rows are there
        means row-level security refused them (it does so silently): raise
        NotAllowedError. A file project (and rows already gone) changes nothing."""

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed by SQLite on the last close."""
        self.db.close()

    @property
    def read_only(self) -> bool:
        """True when this window may not change the project (see :meth:`set_read_only`)."""
        return self.read_only_reason is not None

    def set_read_only(self, reason: str) -> None:
        """Refuse every write from now on, with ``reason`` in the error; the engine enforces
        it too (:meth:`_engine_read_only`)."""
        self.read_only_reason = reason
        self._engine_read_only(True)

    def set_writable(self) -> None:
        """Undo :meth:`set_read_only` (the reason went away, e.g. another annotator was chosen)."""
        if self._connection_read_only:
            raise ReadOnlyProjectError(
                f"{self.path}: cannot edit: read-only because {self.read_only_reason}"
            )
        self.read_only_reason = None
        self._engine_read_only(False)

    def _engine_read_only(self, read_only: bool) -> None:
        """Have the database itself refuse (or allow again) writes on this connection."""
        self.db.execute(f"PRAGMA query_only = {'ON' if read_only else 'OFF'}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """Run a block as one transaction, translating SQLite errors into ours.

        The outermost block starts with BEGIN IMMEDIATE: it takes the write lock
        up front, so two processes wait for each other instead of failing with
        "database is locked" on a read-to-write upgrade. A failed write is rolled
        back whole and raised as a ProjectError saying why; the connection stays usable.
        """
        conn = self.db.conn
        if self._reading:
            # Writing would upgrade the read transaction: it fails once another window
            # committed after the snapshot began, and otherwise holds the write lock
            # until the long read ends. Nothing writes there; this says so if it does.
            raise ProjectBusyError(
                f"{self.path}: a change was attempted while the whole project is being read "
                "(an export, agreement or merge); it was not saved, try again when that ends"
            )
        if conn.in_transaction:
            with self._translated(), self.db.atomic():
                yield self.db
            return
        if self.read_only_reason is not None:
            raise ReadOnlyProjectError(
                f"{self.path}: the project is open read-only because {self.read_only_reason}; "
                "the change was not saved"
            )
        if self.write_gate is not None:
            self.write_gate()
            self.write_gate = None
        self._begin()
        with self._translated():
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            self._commit()

    def _commit(self) -> None:
        """End the outermost write transaction (a server store finds out what became of a
        COMMIT whose answer was lost)."""
        self.db.conn.execute("COMMIT")

    @contextlib.contextmanager
    def bulk_writes(self, cache_mb: int = BULK_CACHE_MB) -> Iterator[None]:
        """Inside a transaction: a block of many writes (an import), set up for them.

        - SQLite gets a larger page cache: its default is 2 MB, and a large transaction
          then writes the pages it is still filling (index ends, the search index's
          segments) out to the WAL again and again. The cache only grows as pages are
          touched and is given back when the block ends; its size bounds SQLite's memory.
        - The spans' range trigger is dropped once for the block
          (InterchangeRepository.many_spans).
        - The search index merges its segments less often (DocumentRepository.many_documents).
        """
        if self.on_server:  # the server's memory and indexes are its own to tune
            yield
            return
        (before,) = self.db.execute("PRAGMA cache_size").fetchone()
        self.db.execute(f"PRAGMA cache_size = {-cache_mb * 1024}")
        try:
            with self.interchange.many_spans(), self.documents.many_documents():
                yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {before}")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run a block of reads against the project as it was at one moment.

        In WAL mode each query outside a transaction sees the latest commit, so a
        read made of several queries (an export reads spans, then events) can see
        half of a change another window committed meanwhile. Inside this block every
        query sees the commit that was latest when it began: one read transaction,
        which never blocks writers. Re-entrant; inside a write transaction it is that
        transaction (which sees one moment already). The block must not write.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        with self._translated():
            self._begin_read()
        self._reading = True
        try:
            yield
        finally:
            self._reading = False
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # nothing was written: ending the read is all

    def _begin_read(self) -> None:
        """Begin the read transaction of :meth:`snapshot`, its snapshot taken now."""
        self.db.conn.execute("BEGIN")
        # A deferred BEGIN takes its snapshot at the first read, so read now.
        self.db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another process's write in slices reported to on_busy."""
        started = time.monotonic()
        while True:
            try:
                self.db.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise write_error(self.path, exc) from exc
                waited = time.monotonic() - started
                if waited >= self.busy_limit_s:
                    raise ProjectBusyError(
                        f"{self.path}: another window or program kept the project busy for "
                        f"{waited:.0f} s; the change was not saved, try again"
                    ) from exc
                if self.on_busy is not None:
                    self.on_busy(waited)

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        conn = self.db.conn
        try:
            yield
        except sqlite3.IntegrityError as exc:
            raise integrity_error(exc) from exc
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise write_error(self.path, exc) from exc

    # -- project metadata -------------------------------------------------

    def stream_rows(self, sql: str, params: Sequence[object] = ()) -> Iterator[Any]:
        """The rows of a long read, without holding them all: SQLite's cursor already
        steps through the result (the server's engine uses a server-side cursor)."""
        return iter(self.db.execute(sql, list(params)))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A project metadata value."""
        row = self.db.execute("SELECT value FROM project_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Set a project metadata value (inside the caller's transaction, if any)."""
        with self.transaction():
            self.db["project_meta"].upsert({"key": key, "value": value}, pk="key")

    @property
    def name(self) -> str:
        """The project's display name."""
        return self.get_meta("name") or shown_text(self.path.stem)

    @property
    def schema(self) -> Schema:
        """The project's own copy of its label schema."""
        if self._schema is None:
            raw = self.get_meta("schema")
            if raw is None:
                raise ProjectError(f"{self.path}: the project has no label schema")
            self._schema = parse_schema(raw, source=f"{self.path} (schema)")
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        """Replace the project's schema copy."""
        self.set_meta("schema", schema.to_json())
        self._schema = schema

    def file_version(self) -> int:
        """The file format version (PRAGMA user_version)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes when another connection commits: cheap polling for refresh."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]


def create_project(path: str | Path, schema: Schema, name: str | None = None) -> ProjectStore:
    """Create a new project file at ``path`` (which must not exist) with ``schema``.

    A ``postgresql://`` URL creates the project in that (empty) database instead.
    """
    if is_server_url(path):
        from annotator.store.server import create_server_project  # imports this module

        return create_server_project(str(path), schema, name)
    path = Path(path)
    if path.exists():
        raise ProjectError(f"{path}: already exists; choose another file name")
    if not path.parent.is_dir():
        raise ProjectError(f"{path.parent}: no such folder")
    read_only = folder_read_only_reason(path.parent)
    if read_only is not None:
        raise ProjectError(f"{path}: cannot create the project: {read_only}")
    network = network_filesystem(path.parent)
    db = connect(path, exclusive=network is not None)
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        run_pending(db)
        store = ProjectStore(path, db)
        store.network = network
        with store.transaction():
            store.set_meta("name", name or shown_text(path.stem))
            store.set_meta("created_at", utc_now())
            store.set_meta("created_by", f"annotator {__version__}")
            # Tells this project's -wal from another's (store.wal_check).
            store.set_meta("project_id", new_id())
            store.set_schema(schema)
    except BaseException:
        db.close()
        path.unlink(missing_ok=True)
        raise
    return store


def open_project(path: str | Path, read_only: bool = False) -> ProjectStore:
    """Open an existing project, migrating it to the current file format if it is older.

    Refuses (and leaves untouched) a file that is not a project, is damaged, was
    altered by hand, has another project's -wal beside it, or was written by a newer
    version of annotator. A file in a place we may not write (read-only file,
    folder or mount, full disk) is opened read-only (``store.read_only_reason``
    says why), as is any file when ``read_only``. On a network file system the
    file is opened exclusively (``store.network`` names the file system).
    A ``postgresql://`` URL opens the project in that database (store.server).
    """
    if is_server_url(path):
        from annotator.store.server import open_server_project  # imports this module

        return open_server_project(str(path), read_only=read_only)
    path = Path(path)
    version = check_existing(path)
    place = examine(path)
    reason = "it was opened read-only on request" if read_only else place.read_only_reason
    db = None
    if reason is None:
        try:
            db = connect(path, exclusive=place.network is not None)
        except ProjectError as exc:
            reason = _unwritable_reason(exc)
            if reason is None:
                raise
    if db is None:
        if version < LATEST_VERSION:
            raise ProjectError(
                f"{path}: needs upgrading to file format {LATEST_VERSION} but {reason}"
            )
        store = ProjectStore(path, connect(path, read_only=True), read_only_reason=reason)
    else:
        try:
            run_pending(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise ProjectError(f"{path}: cannot upgrade the project file: {exc}") from exc
        store = ProjectStore(path, db)
    store.network = place.network
    return store


def _unwritable_reason(exc: ProjectError) -> str | None:
    """Why a project that failed to open for writing can still be read (None: it cannot)."""
    cause = exc.__cause__
    if not isinstance(cause, sqlite3.DatabaseError):
        return None
    code = error_code(cause)
    if code == FULL:
        return "the disk is full; free some space and open it again to edit"
    if code in (READONLY, CANTOPEN):
        return "the project file or its folder cannot be written"
    if code == IOERR:  # e.g. a file system without the shared memory WAL needs
        return f"the disk reported an error when opening it for writing ({cause})"
    return None

