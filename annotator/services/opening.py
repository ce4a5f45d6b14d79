"""Opening a project for editing, as the GUI does: check, back up, claim a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import DamagedProjectError, ProjectError
from annotator.services.backups import DEFAULT_KEEP, backup_project, way_out_message
from annotator.services.project import Project
from annotator.services.sessions import Session, start_session
from annotator.store import ProjectStore, open_project


@dataclass
class OpenedProject:
    """A project open for editing, and what the user should be told about it."""

    store: ProjectStore
    backup: Path | None = None
    session: Session | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def project(self) -> Project:
        """The project as the GUI uses it (use cases, no store)."""
        if self._project is None:
            self._project = Project(self.store)
        return self._project

    _project: Project | None = field(default=None, init=False, repr=False)

    @property
    def read_only(self) -> bool:
        """True when this window may only look (read-only file, or a second window)."""
        return self.store.read_only

    def switch_annotator(self, annotator: str, take_over: bool = False) -> list[str]:
        """Edit as ``annotator`` from now on; returns the warnings to show (read-only...)."""
        if self.store.read_only and self.session is None:
            return [f"{self.store.path}: opened read-only because {self.store.read_only_reason}"]
        if self.session is not None:
            self.session.close()
            self.session = None
        self.session = start_session(self.store, annotator, take_over=take_over)
        if self.session.conflict is None:
            return []
        return [f"{self.session.conflict.message()}: this window opens read-only"]

    def close(self) -> None:
        """Release the session and close the project."""
        try:
            if self.session is not None:
                self.session.close()
        finally:
            self.store.close()


def network_message(store: ProjectStore) -> str:
    """What a user opening a project from a network file system must know."""
    return (
        f"{store.path} is on a network file system ({store.network}). Shared editing works "
        "only between windows on one computer, so this window has the project to itself: "
        "no other window or computer can open it until you close it. To annotate as a team, "
        "give each annotator a copy on their own computer and bring the copies together with "
        "Review > Merge Project Files (annotator merge PROJECT COPY...)."
    )


def open_for_editing(
    path: str | Path,
    annotator: str | None = None,
    keep_backups: int = DEFAULT_KEEP,
    take_over: bool = False,
) -> OpenedProject:
    """Open ``path`` for the GUI.

    The file is integrity-checked (a damaged one is refused with a message naming
    its latest good backup), backed up (keeping the newest ``keep_backups``), and,
    when ``annotator`` is given, claimed for that annotator: if the annotator
    already edits it in another live window, this one opens read-only and
    ``warnings`` says why. A failed backup is a warning, not a reason to refuse.
    """
    try:
        store = open_project(path)
    except DamagedProjectError as exc:
        raise DamagedProjectError(f"{exc}. {way_out_message(path)}") from exc
    opened = OpenedProject(store)
    try:
        if store.read_only:
            opened.warnings.append(
                f"{store.path}: opened read-only because {store.read_only_reason}"
            )
        if store.network is not None:
            opened.warnings.append(network_message(store))
        try:
            opened.backup = backup_project(store, keep=keep_backups)
        except ProjectError as exc:
            opened.warnings.append(str(exc))
        if annotator is not None and not store.read_only:
            opened.warnings += opened.switch_annotator(annotator, take_over=take_over)
    except BaseException:
        store.close()
        raise
    return opened
