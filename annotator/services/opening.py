"""Opening a project for editing, as the GUI does: check, claim a session, back up.

What is guaranteed when (also in the README): the file's identity, version and
schema are checked before it opens, and every page of it too when it is small
(store.connection.QUICK_CHECK_MAX_BYTES); the backup then runs in the
background and quick-checks its copy, which is the page check of a large
project; the window's first change waits until that backup is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import DamagedProjectError
from annotator.services.backup_job import BackupJob
from annotator.services.backups import DEFAULT_KEEP, start_backup, way_out_message
from annotator.services.project import Project
from annotator.services.sessions import Session, start_session
from annotator.store import ProjectStore, open_project

# How long closing waits for the opening backup before abandoning it.
CLOSE_WAIT_S = 2.0


@dataclass
class OpenedProject:
    """A project open for editing, and what the user should be told about it."""

    store: ProjectStore
    backup_job: BackupJob | None = None
    session: Session | None = None
    warnings: list[str] = field(default_factory=list)
    _backup_reported: bool = field(default=False, init=False, repr=False)

    @property
    def backup(self) -> Path | None:
        """The backup taken on opening (waits for it); None if it failed."""
        return self.backup_job.wait() if self.backup_job is not None else None

    def backup_problem(self) -> str | None:
        """Why the opening backup failed, once it has ended (with the way out if the
        project turned out damaged); None while it runs or when it succeeded."""
        job = self.backup_job
        if job is None or not job.done or job.error is None:
            return None
        if job.damaged:
            return f"{job.error}. {way_out_message(self.store.path)}"
        return str(job.error)

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

    def take_backup_problem(self) -> str | None:
        """:meth:`backup_problem`, reported once: later calls return None.

        A damaged project turns read-only here, so nothing more is written to it.
        """
        problem = self.backup_problem()
        if problem is None or self._backup_reported:
            return None
        self._backup_reported = True
        job = self.backup_job
        if job is not None and job.damaged and not self.store.read_only:
            self.store.set_read_only("the project file is damaged")
        return problem

    def close(self) -> None:
        """Release the session and close the project."""
        try:
            if self.backup_job is not None:
                # A backup about to end is kept; a long one is abandoned: nothing was
                # changed (the first change waits for it), so nothing is lost.
                self.backup_job.wait(CLOSE_WAIT_S)
                self.backup_job.cancel()
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

    The file is checked (a damaged one is refused with a message naming its
    latest good backup), claimed for ``annotator`` when given (if the annotator
    already edits it in another live window, this one opens read-only and
    ``warnings`` says why), and backed up in the background (keeping the newest
    ``keep_backups``; see ``backup_job`` and ``backup_problem``). A failed backup
    is a warning, not a reason to refuse.
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
        if not store.on_server:  # the server's own backups are its administrator's
            opened.backup_job = start_backup(store, keep=keep_backups)
        # On a server with roles the login role is the annotator: no other name may write.
        annotator = store.login_annotator() or annotator
        if annotator is not None and not store.read_only:
            opened.warnings += opened.switch_annotator(annotator, take_over=take_over)
    except BaseException:
        if opened.backup_job is not None:
            opened.backup_job.cancel()
        store.close()
        raise
    return opened
