"""Running a long job off the GUI thread, behind a progress dialog with Cancel.

The job (an import, an export, a merge, agreement) runs on a worker thread with
a connection of its own (Project.on_own_connection); the window keeps handling events,
keys included, while it runs: nothing pumps events inside a write transaction.
Progress crosses to the GUI thread as a queued signal; Cancel sets a flag the
job's progress callback returns, and the job rolls back in its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.services.project import Project
from annotator.ui.i18n import translate

T = TypeVar("T")
# progress(done, total) -> False to cancel; called on the worker thread.
Progress = Callable[[int, int], bool]
STEPS = 1000  # per-mille: byte counts overflow a QProgressDialog's int
SHOW_AFTER_MS = 500  # quick jobs finish before the dialog would flash


class JobBusyError(AnnotatorError):
    """Another long job of this window is still running."""


class _Relay(QObject):
    """Carries the worker's news to the GUI thread (queued signals)."""

    progressed = Signal(int, int)
    finished = Signal()


_running: set[int] = set()  # ids of the windows running a job


def run_job(
    parent: QWidget,
    label: str,
    project: Project,
    work: Callable[[Project, Progress], T],
) -> T:
    """Run ``work(own_project, progress)`` on a worker thread; return its result or raise.

    Returns once the job ended; the window handles events meanwhile (a local
    event loop). One job per window at a time (JobBusyError otherwise).
    """
    if not project.admits_a_second_connection:
        return work(project, lambda _done, _total: True)  # here, without pumping events
    key = id(parent.window())
    if key in _running:
        raise JobBusyError(translate("Background", "Another long task is still running."))
    _running.add(key)
    try:
        return _run(parent, label, project, work)
    finally:
        _running.discard(key)


def _run(
    parent: QWidget, label: str, project: Project, work: Callable[[Project, Progress], T]
) -> T:
    dialog = QProgressDialog(label, translate("Background", "Cancel"), 0, STEPS, parent)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)
    cancel = threading.Event()
    dialog.canceled.connect(cancel.set)
    relay = _Relay()
    relay.progressed.connect(lambda done, total: dialog.setValue(_step(done, total)))
    loop = QEventLoop()
    relay.finished.connect(loop.quit)
    outcome: dict[str, object] = {}

    def progress(done: int, total: int) -> bool:
        relay.progressed.emit(done, total)
        return not cancel.is_set()

    def run() -> None:
        try:
            outcome["result"] = project.on_own_connection(lambda own: work(own, progress))
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            relay.finished.emit()

    worker = threading.Thread(target=run, name="annotator-job", daemon=True)
    worker.start()
    loop.exec()
    worker.join()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _step(done: int, total: int) -> int:
    return min(STEPS, done * STEPS // max(total, 1))
