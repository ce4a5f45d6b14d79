"""Turning SQLite's write failures into messages a user can act on.

Every failed write is rolled back before one of these errors is raised, so the
message can promise that nothing saved earlier was touched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.errors import (
    DamagedProjectError,
    ImmutableTextError,
    ProjectError,
    SaveFailedError,
    ValidationError,
)

# Primary result codes (the low byte of an extended code), as in sqlite3.h.
_BUSY = 5
_LOCKED = 6
_NOMEM = 7
READONLY = _READONLY = 8
IOERR = _IOERR = 10
_CORRUPT = 11
FULL = _FULL = 13
CANTOPEN = _CANTOPEN = 14
_NOTADB = 26

_REASONS = {
    _FULL: "the disk is full (or the project reached its size limit); free some space",
    _READONLY: "the project file cannot be written (read-only file, folder or disk)",
    _IOERR: "the disk reported an input/output error",
    _CANTOPEN: "the project file or its folder cannot be opened for writing",
    _NOMEM: "the computer ran out of memory",
}


def error_code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``exc`` (None on Pythons that do not expose it)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    """True when another connection holds the lock we waited for."""
    code = error_code(exc)
    if code is not None:
        return code in (_BUSY, _LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def write_error(path: Path, exc: sqlite3.Error) -> ProjectError:
    """The error to raise for a write that SQLite refused (already rolled back)."""
    code = error_code(exc)
    if code in (_CORRUPT, _NOTADB):
        return DamagedProjectError(
            f"{path}: the project file is damaged ({exc}); your last change was not saved"
        )
    reason = _REASONS.get(code, str(exc)) if code is not None else str(exc)
    return SaveFailedError(
        f"{path}: your last change was not saved: {reason}. Everything saved before it is safe."
    )


def integrity_error(exc: Exception, message: str | None = None) -> ValidationError:
    """A constraint the project enforces, reported as a validation error (``message``:
    the engine's own words, when ``str(exc)`` says more than the constraint)."""
    message = str(exc) if message is None else message
    if message.startswith("immutable text"):
        return ImmutableTextError(f"cannot change the text: {message.split(': ', 1)[1]}")
    return ValidationError(message)
