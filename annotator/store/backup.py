"""Backups of a project file with SQLite's online backup API, and restoring them.

A backup is a complete, self-contained project file (rollback-journal mode, no
-wal beside it) named ``<project stem>.backup-<UTC time>.annproj``. It is written
to a hidden temporary file, synced and renamed, so a crash never leaves a partial
backup under a backup's name.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.core.backup_info import BackupInfo
from annotator.core.errors import AnnotatorError, DamagedProjectError, ProjectError
from annotator.store.connection import check_existing, connect, read_only_uri
from annotator.store.failures import write_error
from annotator.store.places import network_filesystem

_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stem>.+)\.backup-(?P<stamp>\d{8}T\d{12}Z)\.annproj$")
# A temporary file this old was left by a killed process, not one still writing.
_STALE_TEMP_S = 600
# Pages copied per step of the backup API (16 MB of 4 KB pages): the progress
# callback, and so a cancel, runs between steps.
_STEP_PAGES = 4096
# progress(pages done, pages in all); raising from it abandons the copy.
CopyProgress = Callable[[int, int], None]


def backup_name(project: Path, when: datetime.datetime) -> str:
    """The file name of a backup of ``project`` taken at ``when`` (UTC)."""
    return f"{project.stem}.backup-{when.strftime(_STAMP_FORMAT)}.annproj"


def list_backups(project: Path, folders: Iterable[Path]) -> list[BackupInfo]:
    """The backups of ``project`` found in ``folders``, newest first."""
    found = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["stem"] == project.stem and path.is_file():
                taken = datetime.datetime.strptime(match["stamp"], _STAMP_FORMAT)
                taken = taken.replace(tzinfo=datetime.timezone.utc)
                found[path.resolve()] = BackupInfo(path, taken, path.stat().st_size)
    return sorted(found.values(), key=lambda b: b.taken_at, reverse=True)


def is_healthy_project(path: Path) -> bool:
    """True when ``path`` is an annotator project that passes SQLite's integrity check.

    Used both on backups (is this one safe to restore?) and on projects.
    """
    try:
        check_existing(path, thorough=True)
    except AnnotatorError:
        return False
    return True


@contextlib.contextmanager
def snapshot_reader(project: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection of its own holding one read transaction until closed.

    A backup taken from it is the project at one moment however many steps it
    takes: under WAL, other connections keep writing beside it, and the copy
    never restarts because of them.
    """
    conn = sqlite3.connect(read_only_uri(project), uri=True, check_same_thread=False)
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield conn
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{project}: cannot read the project to back it up: {exc}") from exc
    finally:
        conn.close()


def take_backup(
    conn: sqlite3.Connection,
    project: Path,
    folder: Path,
    keep: int,
    progress: CopyProgress | None = None,
    verify: bool = False,
) -> Path:
    """Copy the open project ``conn`` into ``folder`` and keep only the newest ``keep``.

    When the copy is identical to the newest backup, no new file is kept and the
    newest backup's path is returned, so reopening an unchanged project does not
    push older, different backups out of the rotation. With ``verify`` the copy
    is quick-checked before it is kept: a damaged project raises
    DamagedProjectError and no damaged copy pushes a good backup out.
    """
    if keep < 1:
        raise ProjectError(f"keep at least one backup (asked for {keep})")
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(folder)
    target = folder / backup_name(project, datetime.datetime.now(datetime.timezone.utc))
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        _copy(conn, temp, progress)
        if verify:
            _verify(project, temp)
        previous = list_backups(project, [folder])
        if previous and _sha256(previous[0].path) == _sha256(temp):
            temp.unlink()
            return previous[0].path
        os.replace(temp, target)
        _sync_folder(folder)
    finally:
        temp.unlink(missing_ok=True)
    for old in list_backups(project, [folder])[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def restore_backup(backup: Path, project: Path) -> None:
    """Make ``project`` a copy of ``backup`` (checked first; raises if it is damaged).

    A healthy project is overwritten through SQLite (the backup API), so other
    connections see the restored content on their next read. A project SQLite
    cannot use any more is replaced as a file, with its stale -wal/-shm removed
    (they would be replayed into the restored copy).
    """
    check_existing(backup, thorough=True)
    source = sqlite3.connect(backup.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        if project.exists() and is_healthy_project(project):
            db = connect(project, exclusive=network_filesystem(project.parent) is not None)
            try:
                source.backup(db.conn)
            except sqlite3.DatabaseError as exc:
                raise write_error(project, exc) from exc
            finally:
                db.close()
        else:
            _replace_file(source, project)
    finally:
        source.close()


def _replace_file(source: sqlite3.Connection, project: Path) -> None:
    temp = project.with_name(f".{project.name}.{os.getpid()}.restore.tmp")
    try:
        _copy(source, temp)
        for suffix in ("-wal", "-shm"):
            Path(f"{project}{suffix}").unlink(missing_ok=True)
        os.replace(temp, project)
        _sync_folder(project.parent)
    finally:
        temp.unlink(missing_ok=True)


def _verify(project: Path, copy: Path) -> None:
    """Raise DamagedProjectError when the copy of ``project`` fails SQLite's quick check."""
    try:
        check_existing(copy, thorough=True)
    except DamagedProjectError as exc:
        reason = str(exc).split("damaged: ", 1)[-1]
        raise DamagedProjectError(f"{project}: the project file is damaged: {reason}") from exc


def _copy(
    source: sqlite3.Connection, target: Path, progress: CopyProgress | None = None
) -> None:
    """A consistent copy of ``source`` at ``target``, as one file, synced to disk."""
    target.unlink(missing_ok=True)

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        with contextlib.closing(sqlite3.connect(str(target))) as dest:
            source.backup(dest, pages=_STEP_PAGES if progress else -1, progress=report)
            dest.execute("PRAGMA journal_mode = DELETE")
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ProjectError(
            f"{target.parent}: could not write a copy of the project: {reason}"
        ) from exc


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove_stale_temps(folder: Path) -> None:
    cutoff = time.time() - _STALE_TEMP_S
    for temp in _temps(folder):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def _temps(folder: Path) -> Iterator[Path]:
    # SQLite writes a -journal beside a copy being made: a killed copy leaves both.
    return (
        p
        for p in folder.iterdir()
        if p.name.startswith(".") and p.name.endswith((".tmp", ".tmp-journal"))
    )


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
