"""Opening a project file safely: recognise it, check it, then connect for writing.

Every check runs on a read-only connection first, so refusing a file (not a
project, damaged, written by a newer version) leaves it byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import (
    DamagedProjectError,
    NewerProjectError,
    NotAProjectError,
    ProjectError,
)
from annotator.store.migrations import LATEST_VERSION

# PRAGMA application_id marks our files among all SQLite databases ("ANNT").
APPLICATION_ID = 0x414E4E54
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
# A writer waits this long inside SQLite before ProjectStore.transaction gets control
# back to report the wait (ProjectStore.on_busy) and try again.
BUSY_SLICE_S = 2.0


def read_only_uri(path: Path) -> str:
    """A URI opening ``path`` read-only; as_uri() percent-encodes spaces, '?', '#', Arabic."""
    return path.absolute().as_uri() + "?mode=ro"


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection for checking a file, closed on exit.

    Without a -wal beside it the main file holds the whole database, so it is
    opened ``immutable``: SQLite then creates no -wal/-shm files, and a file we
    refuse is left exactly as we found it, with nothing new beside it.
    """
    uri = read_only_uri(path)
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        yield conn
    finally:
        conn.close()


def check_existing(path: Path) -> int:
    """Validate an existing project file without writing to it; return its schema version."""
    if not path.is_file():
        raise ProjectError(
            f"{path}: no such project file", message_id="no_project_file", arguments=(path,)
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not header:
        raise NotAProjectError(
            f"{path}: not an annotator project (the file is empty)",
            message_id="not_a_project", arguments=(path,),
        )
    if header != SQLITE_HEADER:
        raise NotAProjectError(
            f"{path}: not an annotator project (not an SQLite database)",
            message_id="not_a_project", arguments=(path,),
        )
    try:
        with read_only(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAProjectError(
                    f"{path}: not an annotator project (an SQLite database of another program)",
                    message_id="not_a_project", arguments=(path,),
                )
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        raise DamagedProjectError(f"{path}: the project file is damaged: {exc}") from exc
    if problems != ["ok"]:
        raise DamagedProjectError(f"{path}: the project file is damaged: {'; '.join(problems)}")
    if version > LATEST_VERSION:
        raise NewerProjectError(
            f"{path}: written by a newer version of annotator (file format {version}, "
            f"this version reads up to {LATEST_VERSION}); please upgrade annotator",
            message_id="newer_project", arguments=(path, version, LATEST_VERSION),
        )
    return version


def connect(path: Path, read_only: bool = False) -> Database:
    """A connection with the pragmas every project connection needs.

    A read-only connection refuses every write inside SQLite itself (``query_only``),
    so no code path can change a project the user opened read-only.
    """
    if read_only:
        return _connect_read_only(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SLICE_S)
        db = Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_SLICE_S * 1000)}")
        db.execute("PRAGMA foreign_keys = ON")
        # WAL lets readers work beside one writer; FULL syncs the WAL on every
        # commit, so an action reported as saved survives a power cut.
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: cannot open for writing: {exc}") from exc
    if mode.lower() != "wal":
        conn.close()
        raise ProjectError(f"{path}: cannot switch the project to WAL mode (got {mode})")
    return db


def _connect_read_only(path: Path) -> Database:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: cannot open: {exc}") from exc
    return db
