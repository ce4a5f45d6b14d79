"""Running a long job off the GUI thread, behind a progress dialog with Cancel.

The job (an import, an export, a merge, agreement) runs on a worker thread with
a connection of its own (Project.on_own_connection); the window keeps handling events,
keys included, while it runs: nothing pumps events inside a write transaction.
Progress crosses to the GUI thread as a queued signal; Cancel sets a flag the
job's progress callback returns, and the job rolls back in its own thread.

A quiet read (read_in_background) runs the same way but without a dialog and
without waiting: its result reaches a callback on the GUI thread when it is ready.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal, Slot
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


class Outcome:
    """What a background read ended with: its ``result``, or the ``error`` it raised."""

    def __init__(self, result: object = None, error: BaseException | None = None) -> None:
        self.result = result
        self.error = error


class _Delivery(QObject):
    """Hands a worker's outcome to ``deliver`` on the thread this object lives in (GUI)."""

    arrived = Signal(object)

    def __init__(self, parent: QObject, deliver: Callable[[Outcome], None]) -> None:
        super().__init__(parent)
        self._deliver = deliver
        # Queued whatever thread emits: the callback always runs on the GUI thread.
        self.arrived.connect(self._hand_over, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _hand_over(self, outcome: Outcome) -> None:
        self._deliver(outcome)
        self.deleteLater()


def read_in_background(
    parent: QObject,
    project: Project,
    work: Callable[[Project], object],
    deliver: Callable[[Outcome], None],
) -> threading.Thread | None:
    """Start ``work(own_project)`` on a worker thread with a connection of its own and return
    at once; ``deliver(outcome)`` runs later on the GUI thread, unless ``parent`` was
    deleted meanwhile. Returns the thread (None: ran here, the project admits no second
    connection, and ``deliver`` has already run)."""
    if not project.admits_a_second_connection:
        deliver(_outcome_of(lambda: work(project)))
        return None
    delivery = _Delivery(parent, deliver)

    def run() -> None:
        outcome = _outcome_of(lambda: project.on_own_connection(work))
        with contextlib.suppress(RuntimeError):  # its window was deleted: nobody to tell
            delivery.arrived.emit(outcome)

    worker = threading.Thread(target=run, name="annotator-read", daemon=True)
    worker.start()
    return worker


def _outcome_of(work: Callable[[], object]) -> Outcome:
    try:
        return Outcome(result=work())
    except Exception as exc:  # handed to the GUI thread, which decides what to say
        return Outcome(error=exc)
