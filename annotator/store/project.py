"""ProjectStore: an open project file and its repositories."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator import __version__
from annotator.core.errors import ImmutableTextError, ProjectError, ValidationError
from annotator.core.schema import Schema, parse_schema
from annotator.store.annotations import AnnotationRepository
from annotator.store.annotators import AnnotatorRepository
from annotator.store.assignments import AssignmentRepository
from annotator.store.clock import utc_now
from annotator.store.connection import APPLICATION_ID, check_existing, connect
from annotator.store.documents import DocumentRepository
from annotator.store.migrations import migrations
from annotator.store.work import WorkRepository

PROJECT_SUFFIX = ".annproj"


class ProjectStore:
    """An open project file. Use as a context manager or call close().

    Writes go through :meth:`transaction`: one transaction per user action.
    """

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self.db = db
        self._schema: Schema | None = None
        self.documents = DocumentRepository(self)
        self.annotators = AnnotatorRepository(self)
        self.annotations = AnnotationRepository(self)
        self.assignments = AssignmentRepository(self)
        self.work = WorkRepository(self)

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; the WAL is checkpointed by SQLite on the last close."""
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """Run a block as one transaction, translating SQLite errors into ours.

        The outermost block starts with BEGIN IMMEDIATE: it takes the write lock
        up front, so two processes wait for each other (busy timeout) instead of
        failing with "database is locked" on a read-to-write upgrade.
        """
        conn = self.db.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            raise _integrity_error(exc) from exc
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise ProjectError(f"{self.path}: not saved: {exc}") from exc

    # -- project metadata -------------------------------------------------

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
        return self.get_meta("name") or self.path.stem

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

    def backup(self, path: str | Path) -> Path:
        """Write a consistent copy of the whole project to ``path`` (which must not exist)."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: already exists; not overwritten")
        target = sqlite3.connect(str(path))
        try:
            self.db.conn.backup(target)
        except sqlite3.DatabaseError as exc:
            path.unlink(missing_ok=True)
            raise ProjectError(f"{path}: cannot write the backup: {exc}") from exc
        finally:
            target.close()
        return path

    def file_version(self) -> int:
        """The file format version (PRAGMA user_version)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes when another connection commits: cheap polling for refresh."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]


def _integrity_error(exc: sqlite3.IntegrityError) -> ValidationError:
    message = str(exc)
    if message.startswith("immutable text"):
        return ImmutableTextError(f"cannot change the text: {message.split(': ', 1)[1]}")
    return ValidationError(message)


def create_project(path: str | Path, schema: Schema, name: str | None = None) -> ProjectStore:
    """Create a new project file at ``path`` (which must not exist) with ``schema``."""
    path = Path(path)
    if path.exists():
        raise ProjectError(f"{path}: already exists; choose another file name")
    if not path.parent.is_dir():
        raise ProjectError(f"{path.parent}: no such folder")
    db = connect(path)
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)
        store = ProjectStore(path, db)
        with store.transaction():
            store.set_meta("name", name or path.stem)
            store.set_meta("created_at", utc_now())
            store.set_meta("created_by", f"annotator {__version__}")
            store.set_schema(schema)
    except BaseException:
        db.close()
        path.unlink(missing_ok=True)
        raise
    return store


def open_project(path: str | Path) -> ProjectStore:
    """Open an existing project, migrating it to the current file format if it is older.

    Refuses (and leaves untouched) a file that is not a project, is damaged, or was
    written by a newer version of annotator.
    """
    path = Path(path)
    check_existing(path)
    db = connect(path)
    try:
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise ProjectError(f"{path}: cannot upgrade the project file: {exc}") from exc
    return ProjectStore(path, db)
