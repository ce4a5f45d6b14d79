"""Opening a project file safely: recognise it, check it, then connect for writing.

Every check runs on a read-only connection first, so refusing a file (not a
project, damaged, written by a newer version) leaves it byte-for-byte unchanged.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import (
    DamagedProjectError,
    NewerProjectError,
    NotAProjectError,
    ProjectBusyError,
    ProjectError,
)
from annotator.store import text_codec
from annotator.store.failures import is_busy
from annotator.store.migrations import LATEST_VERSION
from annotator.store.structure import data_problems, structure_problems
from annotator.store.wal_check import check_wal_header, check_wal_identity

# PRAGMA application_id marks our files among all SQLite databases ("ANNT").
APPLICATION_ID = 0x414E4E54
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
# A writer waits this long inside SQLite before ProjectStore.transaction gets control
# back to report the wait (ProjectStore.on_busy) and try again.
BUSY_SLICE_S = 2.0
WAL_HEADER_SIZE = 32
# Files up to this size are quick-checked (every page read) and their values checked
# before they open, in well under 0.1 s; a larger file opens after the header,
# identity, -wal and structure checks only, and the page and value checks run in
# the background on the backup copy (services.backup_job) or on demand (annotator check).
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def read_only_uri(path: Path) -> str:
    """A URI opening ``path`` read-only; as_uri() percent-encodes spaces, '?', '#', Arabic."""
    return path.absolute().as_uri() + "?mode=ro"


def wal_has_frames(path: Path) -> bool:
    """True when a -wal beside ``path`` holds more than its 32-byte header."""
    try:
        return Path(f"{path}-wal").stat().st_size > WAL_HEADER_SIZE
    except OSError:
        return False


def open_reader(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A read-only connection that creates nothing beside ``path``; and its temporary folder
    (see _open_reader). Its checks may read texts: the text functions are registered."""
    conn, folder = _open_reader(path)
    text_codec.register(conn)
    return conn, folder


def _open_reader(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A read-only connection that creates nothing beside ``path``; and its temporary folder.

    * A file in rollback-journal mode: ``mode=ro`` (no file is made beside it).
    * A WAL file with nothing pending beside it (no -wal frames): the main file is
      the whole database, opened ``immutable`` (no -wal/-shm made).
    * A -wal with its -shm (another process has the project open): ``mode=ro``.
    * A -wal without -shm (left by a crash, or copied here): SQLite would create the
      -shm; the file and its -wal are copied to a temporary folder and read there
      (the caller removes the returned folder when it closes the connection).
    """
    uri = read_only_uri(path)
    if not _in_wal_mode(path):
        # A rollback-journal file (as a network project is left, see connect): a reader
        # creates nothing beside it and must take SQLite's lock, since another computer
        # may be writing it; a short wait, then "busy" is reported.
        return sqlite3.connect(uri, uri=True, timeout=BUSY_SLICE_S), None
    if not wal_has_frames(path):
        return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S), None
    if Path(f"{path}-shm").exists():
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S), None
    folder = Path(tempfile.mkdtemp(prefix="annotator-read-"))
    try:
        copy = folder / "project.annproj"
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        return sqlite3.connect(read_only_uri(copy), uri=True, timeout=BUSY_TIMEOUT_S), folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _in_wal_mode(path: Path) -> bool:
    """The database header's read/write versions (bytes 18-19) are 2 in WAL mode."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return True
    return len(header) < 20 or header[18] == 2


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection for checking a file, closed on exit; see open_reader.

    A file we refuse is left exactly as we found it, with nothing new beside it.
    """
    try:
        conn, folder = open_reader(path)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        yield conn
    finally:
        conn.close()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def check_existing(path: Path, thorough: bool | None = None) -> int:
    """Validate an existing project file without writing to it; return its schema version.

    Checked in order, each before anything could change the file: that it is an
    SQLite file of ours, that a -wal beside it belongs to it (wal_check), that it
    passes SQLite's quick check, is not from a newer version, and that its tables
    are those of its version (structure). ``thorough`` runs the quick check and
    the value checks, which read every page (time grows with the file); False
    leaves them out (constant time). None (the default) is thorough for files up
    to QUICK_CHECK_MAX_BYTES.
    """
    _check_header(path)
    if wal_has_frames(path):
        check_wal_header(path)
    try:
        with read_only(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAProjectError(
                    f"{path}: not an annotator project (an SQLite database of another program)",
                    message_id="not_a_project", arguments=(path,),
                )
            if thorough is None:
                thorough = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
            problems = _problems(conn, thorough)
            if problems == ["ok"] and version <= LATEST_VERSION:
                _check_contents(path, conn, version, thorough)
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise ProjectBusyError(
                f"{path}: another program, or annotator on another computer, holds the project "
                "locked (on a network drive one computer at a time can open a project); close it "
                "there and try again"
            ) from exc
        raise DamagedProjectError(f"{path}: the project file is damaged: {exc}") from exc
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


def integrity_problems(path: Path) -> list[str]:
    """SQLite's full integrity check of a project (tables and every index); [] when sound.

    Reads the whole file (minutes on a very large project): run on demand, never
    when opening.
    """
    check_existing(path, thorough=False)
    try:
        with read_only(path) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _problems(conn: sqlite3.Connection, thorough: bool) -> list[str]:
    """SQLite's quick check (``["ok"]`` when sound), or the structural check alone."""
    if thorough:
        return [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    # Parsing the whole schema reads its pages and catches a mangled header or catalogue.
    conn.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
    return ["ok"]


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ProjectError(
            f"{path}: no such project file", message_id="no_project_file", arguments=(path,)
        )
    if not path.is_file():
        raise ProjectError(f"{path}: not a regular file (a folder, FIFO or device)")
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


def _check_contents(
    path: Path, conn: sqlite3.Connection, version: int, thorough: bool = True
) -> None:
    """Refuse a file whose -wal is another project's, or whose tables were altered by hand
    (and, when ``thorough``, whose values break what the program relies on: a full read)."""
    if version == 0:
        raise NotAProjectError(
            f"{path}: an unfinished annotator project (created but never set up, file format "
            "0); create the project again"
        )
    if wal_has_frames(path):
        check_wal_identity(path, conn)
    problems = structure_problems(conn, version)
    if not problems and thorough:
        problems = data_problems(conn)
        if conn.execute("SELECT 1 FROM project_meta WHERE key = 'schema'").fetchone() is None:
            problems.append("the project has no label schema")
    if problems:
        raise DamagedProjectError(
            f"{path}: the project file is damaged (altered outside annotator, file format "
            f"{version}): " + "; ".join(problems[:5])
        )


def connect(path: Path, read_only: bool = False, exclusive: bool = False) -> Database:
    """A connection with the pragmas every project connection needs.

    A read-only connection refuses every write inside SQLite itself (``query_only``),
    so no code path can change a project the user opened read-only. An ``exclusive``
    one (a project on a network file system, see places) takes the file for this
    connection alone and uses a rollback journal: WAL's shared memory cannot work
    across computers.
    """
    if read_only:
        return _connect_read_only(path)
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SLICE_S)
        db = Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_SLICE_S * 1000)}")
        db.execute("PRAGMA foreign_keys = ON")
        if exclusive:
            # Before the first read, so SQLite never maps a -shm on the network share.
            db.execute("PRAGMA locking_mode = EXCLUSIVE")
        # WAL lets readers work beside one writer; FULL syncs the WAL on every
        # commit, so an action reported as saved survives a power cut.
        wanted = "delete" if exclusive else "wal"
        mode = db.execute(f"PRAGMA journal_mode = {wanted}").fetchone()[0]
        db.execute("PRAGMA synchronous = FULL")
        if mode.lower() != wanted:
            raise ProjectError(f"{path}: cannot switch the project to {wanted} mode (got {mode})")
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise ProjectError(f"{path}: cannot open for writing: {exc}") from exc
        raise
    return db


def _connect_read_only(path: Path) -> Database:
    conn = None
    try:
        conn, folder = open_reader(path)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA query_only = ON")
        db.execute("PRAGMA schema_version")  # reads the file now: a failure is ours to report
    except (sqlite3.DatabaseError, OSError) as exc:
        if conn is not None:
            conn.close()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ProjectError(f"{path}: cannot open: {reason}") from exc
    if folder is not None:  # a copy read because the -wal had no -shm: gone with the connection
        weakref.finalize(db, shutil.rmtree, folder, True)
    return db
