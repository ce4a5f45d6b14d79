"""Backups of projects: where they go, taking them, listing them, restoring one.

Backups go to a ``backups`` folder beside the project; when that folder cannot
be written (a read-only share, a USB stick locked by the OS) they go to the
user data directory instead, in a folder named after the project's full path.
Both places are searched when listing.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from pathlib import Path

from annotator.core.backup_info import BackupInfo
from annotator.core.errors import ProjectError
from annotator.core.server_urls import ServerLocation, is_server_url, project_location
from annotator.services.backup_job import BackupJob, JobProgress
from annotator.services.copying import copy_into_file
from annotator.services.locations import data_dir
from annotator.services.sessions import SessionConflict, is_live
from annotator.store import ProjectStore
from annotator.store.backup import (
    backup_name,
    is_healthy_project,
    list_backups,
    restore_backup,
    take_backup,
)
from annotator.store.connection import check_existing, integrity_problems
from annotator.store.project import open_project

__all__ = [
    "DEFAULT_KEEP",
    "BackupInfo",
    "backup_folders",
    "backup_project",
    "backups_of",
    "check_project",
    "is_intact",
    "latest_good_backup",
    "restore_project",
    "start_backup",
    "way_out_message",
]

# How many backups of each project are kept unless the user chooses otherwise.
DEFAULT_KEEP = 10


def backup_folders(project: Path) -> list[Path]:
    """Where backups of ``project`` may be: beside it first, then the user data directory.

    The fallback folder's name includes a hash of the project's full path, so two
    projects with the same file name in different folders keep apart.
    """
    project = Path(project).absolute()
    key = hashlib.sha256(os.fsencode(project)).hexdigest()[:12]  # any bytes a name holds
    return [project.parent / "backups", data_dir() / "backups" / f"{project.stem}-{key}"]


def writable_folder(project: Path) -> Path:
    """The folder new backups of ``project`` go to (created): beside it, else the fallback."""
    beside, fallback = backup_folders(project)
    try:
        beside.mkdir(exist_ok=True)
        if os.access(beside, os.W_OK):
            return beside
    except OSError:
        pass
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def backup_project(store: ProjectStore, keep: int = DEFAULT_KEEP) -> Path:
    """Take a backup of an open project now; returns the backup's path.

    A server project's backup is a project file (a complete copy, services.copying)
    in the user's data folder.
    """
    if store.on_server:
        return backup_server_project(store)
    try:
        return take_backup(store.db.conn, store.path, writable_folder(store.path), keep)
    except OSError as exc:
        raise ProjectError(f"{store.path}: could not take a backup: {exc}") from exc


def start_backup(
    store: ProjectStore, keep: int = DEFAULT_KEEP, progress: JobProgress | None = None
) -> BackupJob:
    """Back up an open project on a thread of its own (see services.backup_job).

    The store's first write waits for the backup to finish.
    """
    # A file opened read-only or exclusively (a network drive) admits no second
    # connection that could read it beside this one: it is backed up through this one.
    background = not store.read_only and store.network is None
    job = BackupJob(store, lambda: writable_folder(store.path), keep, progress, background)
    store.write_gate = job.wait
    return job


def backups_of(project: str | Path | ServerLocation) -> list[BackupInfo]:
    """The backups of ``project``, newest first (a server project's: the project files
    ``annotator backup URL`` wrote on this computer)."""
    if is_server_url(project):
        location = project_location(project)
        return list_backups(Path(location.stem), [server_backup_folder(location)])
    return list_backups(Path(project), backup_folders(Path(project)))


def check_project(path: str | Path | ServerLocation) -> list[str]:
    """The problems SQLite's full integrity check finds in the project at ``path`` ([]: none).

    A server project (``postgresql://``) is checked for its schema version and the
    structure of its tables (store.server_check); the server checks its own pages.
    """
    if is_server_url(path):
        return check_server_project(project_location(path))  # type: ignore[arg-type]
    return integrity_problems(Path(path))


def is_intact(path: str | Path) -> bool:
    """True when the file at ``path`` is a project that passes SQLite's integrity check."""
    return is_healthy_project(Path(path))


def latest_good_backup(project: str | Path) -> BackupInfo | None:
    """The newest backup of ``project`` that passes the integrity check, if any."""
    return next((b for b in backups_of(project) if is_intact(b.path)), None)


def way_out_message(project: str | Path) -> str:
    """What a user can do about a damaged project: restore its latest good backup."""
    good = latest_good_backup(project)
    if good is None:
        return "No good backup of this project was found."
    return (
        f"The latest good backup is {good.path} (taken {good.label().split('  ')[0]}). "
        f'Restore it with File > Restore from backup, or: annotator restore "{project}"'
    )


def restore_project(
    project: str | Path | ServerLocation,
    backup: str | Path | None = None,
    keep: int = DEFAULT_KEEP,
    force: bool = False,
) -> Path:
    """Restore ``project`` from ``backup`` (default: its latest good backup); returns the backup.

    The current state is backed up first when it is readable, so a restore can
    itself be undone by restoring that backup. Refused while a window still edits
    the project (its undo history would point at annotations the restore removes),
    unless ``force``.
    """
    if is_server_url(project):
        raise ProjectError(
            f"{project_location(project)}: a server project is not restored in place (other "
            "annotators may be working in it). Copy the backup into a new, empty database "
            "and open that: annotator copy BACKUP postgresql://HOST/NEW_DATABASE "
            f"(list the backups with: annotator backups {project_location(project)})"
        )
    project = Path(project)
    if backup is None:
        good = latest_good_backup(project)
        if good is None:
            raise ProjectError(f"{project}: no good backup to restore from")
        backup = good.path
    backup = Path(backup)
    if not backup.is_file():
        raise ProjectError(f"{backup}: no such backup file")
    check_existing(backup, thorough=True)
    if is_healthy_project(project):
        # Rotation must not delete the backup we are about to restore from.
        with open_project(project) as store:
            if not force:
                _refuse_while_edited(store)
            backup_project(store, keep=max(keep, len(backups_of(project))) + 1)
    restore_backup(backup, project)
    return backup


def _refuse_while_edited(store: ProjectStore) -> None:
    for record in store.sessions.all():
        if is_live(record):
            where = SessionConflict(record.annotator, record.host, record.pid, record.started_at)
            raise ProjectError(
                f"{store.path}: cannot restore now: {where.message()}; close the project "
                "there first (or restore anyway with --force)"
            )


def server_backup_folder(location: object) -> Path:
    """Where backups of the server project at ``location`` go (created)."""
    shown = str(location)
    key = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:12]
    # A database name may hold '/' or '..': never a path out of the backups folder.
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", str(getattr(location, "stem", ""))).strip(". ")
    folder = data_dir() / "backups" / f"{stem or 'server'}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_server_project(store: ProjectStore) -> Path:
    """Copy a server project into a new project file, named as backups are; its path."""
    folder = server_backup_folder(store.path)
    when = datetime.datetime.now(datetime.timezone.utc)
    target = folder / backup_name(Path(store.path.stem), when)
    copy_into_file(store, target)
    return target


def check_server_project(location: ServerLocation) -> list[str]:
    """What differs between a server project's tables and its version's ([]: none)."""
    # Imported here: the PostgreSQL client is a tenth of a second that opening a file skips.
    from annotator.store.server import ServerStore
    from annotator.store.server_check import structure_problems

    store = ServerStore(location, read_only_reason="it is being checked")
    try:
        return structure_problems(store.db, location)
    finally:
        store.close()
