"""Telling whether the ``-wal`` beside a project belongs to it, before SQLite replays it.

SQLite trusts any well-formed WAL file named after the database: one copied from
another project is replayed into this one (its pages replace this project's).
The WAL header says nothing about which database it belongs to, so two checks
are made, before anything can write:

* the WAL's page size (header bytes 8-11) must be the project's (database
  header bytes 16-17): a WAL of another page size cannot be this file's;
* the project as the main file alone holds it and as the WAL would make it must
  be the same project: the same ``created_at`` (and ``project_id`` where the
  file has one) in ``project_meta``. A WAL written on top of this file keeps
  them; a stray one carries another project's.

Where the main file alone cannot be read (a project never checkpointed), there
is nothing to compare with and the WAL is trusted, as SQLite would.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from annotator.core.errors import ProjectError

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_FORMAT = 3007000
_IDENTITY_KEYS = ("created_at", "project_id")


class StrayWalError(ProjectError):
    """The -wal beside a project was written for another database."""


def stray_message(path: Path, reason: str) -> str:
    """The refusal, with the rule the user must know."""
    return (
        f"{path}: the file {path.name}-wal beside it does not belong to this project ({reason}); "
        "it was probably copied there by hand. Never copy a -wal file by hand: move it out of "
        "the folder and open the project again (close a project, or use `annotator backup`, "
        "before copying it)"
    )


def check_wal_header(path: Path) -> None:
    """StrayWalError when the -wal's page size is not the project's (read before SQLite)."""
    wal = Path(f"{path}-wal")
    try:
        with wal.open("rb") as handle:
            header = handle.read(32)
        with path.open("rb") as handle:
            db_header = handle.read(100)
    except OSError:
        return
    if len(header) < 32 or len(db_header) < 100:
        return
    magic, version, page_size = (int.from_bytes(header[i : i + 4], "big") for i in (0, 4, 8))
    if magic not in WAL_MAGIC or version != WAL_FORMAT:
        return  # SQLite ignores (and resets) a WAL with a bad header: nothing is replayed
    db_page_size = int.from_bytes(db_header[16:18], "big")
    db_page_size = 65536 if db_page_size == 1 else db_page_size
    if page_size != db_page_size:
        raise StrayWalError(
            stray_message(path, f"its pages are {page_size} bytes, the project's {db_page_size}")
        )


def check_wal_identity(path: Path, with_wal: sqlite3.Connection) -> None:
    """StrayWalError when the WAL would turn this project into another one."""
    main_only = _identity_of_main_file(path)
    if not main_only:
        return
    try:
        through_wal = _identity(with_wal)
    except sqlite3.DatabaseError:
        return  # reported as damage by the caller's integrity check
    if through_wal != main_only:
        created = (through_wal.get("created_at"), main_only.get("created_at"))
        raise StrayWalError(
            stray_message(
                path, f"it holds a project created {created[0]}, this one was created {created[1]}"
            )
        )


def _identity_of_main_file(path: Path) -> dict[str, str]:
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            return _identity(conn)
    except sqlite3.DatabaseError:
        return {}


def _identity(conn: sqlite3.Connection) -> dict[str, str]:
    marks = ",".join("?" * len(_IDENTITY_KEYS))
    rows = conn.execute(
        f"SELECT key, value FROM project_meta WHERE key IN ({marks})", _IDENTITY_KEYS
    )
    return dict(rows.fetchall())
