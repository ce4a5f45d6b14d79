"""``annotator copy SOURCE TARGET``: a project moved between a file and a team server.

Either side may be a project file or a ``postgresql://`` URL (server to server
too). The target is created new, so a non-empty target is refused (an existing
file, a database with tables); the copy keeps every id, so the two projects
merge both ways afterwards. A failed copy leaves no new file behind, and an
empty project (no documents) in a server database.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.server_urls import ServerLocation, is_server_url
from annotator.store import ProjectStore, create_project, open_project
from annotator.store.copying import CopyProgress, copy_rows


def _location_text(location: str | Path | ServerLocation) -> str:
    return location.url if isinstance(location, ServerLocation) else str(location)


def copy_project(
    source: str | Path | ServerLocation,
    target: str | Path | ServerLocation,
    progress: CopyProgress | None = None,
) -> dict[str, int]:
    """Copy the project at ``source`` into a new project at ``target``; rows per table."""
    with open_project(_location_text(source), read_only=True) as origin:
        if is_server_url(_location_text(target)):
            with create_project(_location_text(target), origin.schema) as copy:
                return copy_rows(origin, copy, progress)
        return _copy_to_file(origin, Path(target), progress)


def copy_into_file(store: ProjectStore, target: Path) -> dict[str, int]:
    """Copy the open project ``store`` into the new project file ``target``."""
    return _copy_to_file(store, target, None)


def _copy_to_file(
    origin: ProjectStore, target: Path, progress: CopyProgress | None
) -> dict[str, int]:
    """Write the copy under a temporary name beside ``target``, then rename it: a copy
    interrupted halfway is never left looking like a project."""
    if target.exists():
        raise ProjectError(f"{target}: already exists; choose another file name")
    if not target.parent.is_dir():
        raise ProjectError(f"{target.parent}: no such folder")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    os.unlink(temporary)
    try:
        with create_project(temporary, origin.schema, name=origin.name) as copy:
            counts = copy_rows(origin, copy, progress)
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, f"{temporary}-wal", f"{temporary}-shm"):
            Path(leftover).unlink(missing_ok=True)
    return counts
