"""Writing files so that a failure never leaves a partial one behind.

Everything is written to a temporary name in the target's own folder (so the
final rename cannot cross file systems), flushed and fsync'ed, then renamed over
the target in one step. On any error the temporary file or folder is removed and
the error names the target and the reason (full disk, no permission...).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from annotator.core.errors import AnnotatorError
from annotator.services.background_writer import BackgroundWriter


class Sink(Protocol):
    """Where export bytes (UTF-8 text) go: a background writer, standard output."""

    def write(self, data: bytes, /) -> int:
        """Write ``data``."""


class ExportError(AnnotatorError):
    """An export could not be written; nothing was left at the target."""


def _write_failed(target: Path, exc: OSError, verb: str) -> ExportError:
    """``target: cannot write: reason`` (``verb``: "cannot write" or "not written")."""
    reason = exc.strerror or exc
    return ExportError(
        f"{target}: {verb}: {reason}", message_id="cannot_write", arguments=(target, reason)
    )


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[Sink]:
    """A byte sink whose content appears at ``target`` only if the block succeeds.

    The bytes are written by a background thread (see background_writer).
    """
    _check_folder(target)
    remove_stale_temporaries(target.parent)
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise _write_failed(target, exc, "cannot write") from exc
    try:
        with os.fdopen(fd, "wb") as raw:
            writer = BackgroundWriter(raw)
            try:
                yield writer
            finally:
                writer.abandon()
            writer.finish()
            raw.flush()
            os.fsync(raw.fileno())
        _publish(Path(temporary), target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_failed(target, exc, "not written") from exc
        raise


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """A fresh folder that replaces ``target`` (absent or empty) if the block succeeds."""
    _check_folder(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ExportError(
            f"{target}: already exists and is not an empty folder",
            message_id="folder_not_empty", arguments=(target,),
        )
    remove_stale_temporaries(target.parent)
    try:
        temporary = Path(
            tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        )
    except OSError as exc:
        raise _write_failed(target, exc, "cannot write") from exc
    try:
        yield temporary
        if target.exists():
            target.rmdir()  # empty, checked above; a rename cannot replace a folder everywhere
        _publish(temporary, target)
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _write_failed(target, exc, "not written") from exc
        raise


# The names mkstemp/mkdtemp give our temporaries: ".{target}.{8 random}.part".
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")
# A temporary untouched this long belongs to an export that was killed, not a running
# one (a running export writes to its file, or into its folder, continuously).
STALE_TEMPORARY_S = 600


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporaries of killed exports into ``folder``; returns what was removed.

    Only names of our own pattern, older than STALE_TEMPORARY_S, are touched.
    """
    cutoff = time.time() - STALE_TEMPORARY_S
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not _TEMPORARY.match(entry.name) or entry.is_symlink():
            continue
        with contextlib.suppress(OSError):
            if _newest_change(entry) < cutoff:
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed.append(entry)
    return removed


def _newest_change(entry: Path) -> float:
    """When ``entry`` (or, for a folder, anything directly inside it) last changed."""
    newest = entry.stat().st_mtime
    if entry.is_dir():
        for child in entry.rglob("*"):
            newest = max(newest, child.lstat().st_mtime)
    return newest


def write_synced(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` as UTF-8 (line endings untouched) and fsync it."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _check_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise ExportError(
            f"{target}: the folder {target.parent} does not exist",
            message_id="no_such_folder", arguments=(target, target.parent),
        )


def _publish(temporary: Path, target: Path) -> None:
    # mkstemp/mkdtemp create owner-only entries; give the export the usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    temporary.chmod((0o777 if temporary.is_dir() else 0o666) & ~umask)
    os.replace(temporary, target)
    with contextlib.suppress(OSError):  # make the rename itself durable where supported
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
