"""The backup taken when a project opens, run beside the window instead of before it.

A thread with its own read-only connection copies the project with SQLite's
online backup API in steps, from one read snapshot (so it is the project as it
was when opened, whatever is written meanwhile), then quick-checks the copy:
that is the check of every page that large projects skip on opening. The
project's first write waits for the job (ProjectStore.write_gate), so the
"backup before the first change" guarantee holds however early the user edits.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

from annotator.core.errors import AnnotatorError, DamagedProjectError
from annotator.store import ProjectStore
from annotator.store.backup import snapshot_reader, take_backup

# progress(pages copied, pages in all), called from the job's thread.
JobProgress = Callable[[int, int], None]


class BackupCancelled(Exception):
    """Raised inside the copy when the job is cancelled (the project closes)."""


class BackupJob:
    """One backup of ``store`` into ``folder`` on a thread of its own; started at once.

    ``wait()`` returns the backup's path (None if it failed or was cancelled);
    ``error`` then says why it failed, ``damaged`` whether the project itself is.
    """

    def __init__(
        self,
        store: ProjectStore,
        folder: Callable[[], Path],
        keep: int,
        progress: JobProgress | None = None,
        background: bool = True,
    ) -> None:
        self.project = store.path
        self._folder = folder
        self._keep = keep
        self._progress = progress
        self._cancelled = threading.Event()
        self.result: Path | None = None
        self.error: AnnotatorError | None = None
        self._thread: threading.Thread | None = None
        if not background:
            self._run_on(store)
            return
        # The snapshot is taken here, on the caller's thread: the backup is the project
        # as it is now, before anything the caller writes next (its session claim).
        self._snapshot = contextlib.ExitStack()
        try:
            self._conn = self._snapshot.enter_context(snapshot_reader(self.project))
        except AnnotatorError as exc:
            self.error, self._conn = exc, None
        self._thread = threading.Thread(target=self._run, name="project-backup", daemon=True)
        self._thread.start()

    def _run_on(self, store: ProjectStore) -> None:
        """Back up through ``store``'s own connection, now (a file opened read-only or
        exclusively: no second connection may read it)."""
        try:
            self.result = take_backup(store.db.conn, self.project, self._folder(), self._keep)
        except AnnotatorError as exc:
            self.error = exc
        except OSError as exc:
            self.error = AnnotatorError(f"{self.project}: could not take a backup: {exc}")

    @property
    def done(self) -> bool:
        """True once the backup is written, failed or cancelled."""
        return self._thread is None or not self._thread.is_alive()

    @property
    def damaged(self) -> bool:
        """True when the copy showed the project file itself is damaged."""
        return isinstance(self.error, DamagedProjectError)

    def wait(self, timeout: float | None = None) -> Path | None:
        """Wait until the job ends (or ``timeout`` seconds); the backup's path or None."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.result

    def cancel(self) -> None:
        """Stop the copy at its next step and wait for the thread; no backup is kept."""
        self._cancelled.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        if self._conn is None:
            return
        try:
            with self._snapshot:
                self.result = take_backup(
                    self._conn, self.project, self._folder(), self._keep, self._step, verify=True
                )
        except BackupCancelled:
            pass
        except AnnotatorError as exc:
            self.error = exc
        except OSError as exc:
            self.error = AnnotatorError(f"{self.project}: could not take a backup: {exc}")

    def _step(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise BackupCancelled
        if self._progress is not None:
            self._progress(done, total)
