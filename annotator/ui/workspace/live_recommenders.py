"""The live recommenders of the current annotator, trained in a worker process.

The window never waits on training: the training data is read (quick), the CPU
work goes to services.background_training's worker process, and a timer polls
the Future; when it is done the result is stored (apply_training) and the
suggestions are gathered again. Training starts when the project opens and the
recommenders were never trained, after a configurable number of newly done
documents, or on request (the Recommenders panel's Train Now).

Loading what was trained before (unpickling the CRF models, retraining the
strings matcher) runs on a worker thread too when a project opens (ui.background's
read_in_background): the window shows at once and the recommenders' suggestions
appear when the load ends.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.model import Status
from annotator.services.background_training import RecommenderTrainer, TrainingResult
from annotator.services.recommending import CachedRecommender, RecommenderStatus
from annotator.services.suggestions import RECOMMENDER
from annotator.ui.background import Outcome, read_in_background

if TYPE_CHECKING:
    from annotator.ui.workspace.workspace import Workspace

POLL_MS = 100
LOADER_JOIN_S = 10.0  # closing waits this long at most for a load under way


class LiveRecommenders(QObject):
    """Trained recommenders ready to suggest, their statuses, and background training."""

    changed = Signal()  # statuses or trained recommenders changed
    training = Signal(bool)  # training started (True) or ended (False)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.window = workspace.window
        self.recommenders: dict[str, CachedRecommender] = {}
        self.statuses: list[RecommenderStatus] = []
        self.last_error = ""
        self._trainer = RecommenderTrainer()
        self._future: Future[TrainingResult] | None = None
        self._for: tuple[object, str] | None = None  # (project, annotator) being trained for
        # Bumped by each open and each applied training: a load that started before is stale.
        self._generation = 0
        self._awaited: int | None = None  # the generation whose load is under way
        self._loaders: list[threading.Thread] = []  # joined on close
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.window.project_opened.connect(self._project_opened)
        self.window.annotator_changed.connect(lambda _name: self._project_opened())
        self.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        """Stop the worker process (a training under way is abandoned)."""
        self._timer.stop()
        self._future = None
        self._trainer.close()
        self._generation += 1
        for loader in self._loaders:  # their connections close before the window's project
            loader.join(LOADER_JOIN_S)
        self._loaders = []

    @property
    def loading(self) -> bool:
        """True while the recommenders trained before are being loaded."""
        return self._awaited is not None and self._awaited == self._generation

    @property
    def busy(self) -> bool:
        """True while a training runs."""
        return self._future is not None

    def thresholds(self) -> dict[str, float]:
        """Each live recommender's confidence threshold, by source name."""
        return {f"{RECOMMENDER}:{s.name}": s.threshold for s in self.statuses}

    def read_statuses(self) -> None:
        """Read each recommender's state for the current annotator."""
        project = self.window.project
        self.statuses = (
            project.recommender_statuses(self.window.annotator) if project is not None else []
        )

    def _project_opened(self) -> None:
        self._future = None
        self._timer.stop()
        self._generation += 1
        self.recommenders = {}
        project = self.window.project
        if project is None:
            self.statuses = []
            self.changed.emit()
            return
        self.read_statuses()
        self._load_trained()
        self.changed.emit()
        # Gathering what to learn from reads every done document: not before the window
        # has shown itself (the program opens its project before the first paint).
        generation = self._generation
        self.window.first_paint.later(lambda: self._train_if_still_due(generation))

    def _train_if_still_due(self, generation: int) -> None:
        if generation == self._generation:  # still the project and annotator it was for
            self.train_if_due()

    def _load_trained(self) -> None:
        """Load the recommenders trained before, off the GUI thread (see the module's doc)."""
        project, annotator = self.window.project, self.window.annotator
        if project is None or not any(s.active and s.trained_at for s in self.statuses):
            return  # nothing trained: no thread, no second connection
        generation = self._awaited = self._generation
        self._loaders = [t for t in self._loaders if t.is_alive()]
        loader = read_in_background(
            self,
            project,
            lambda own: own.load_trained(annotator),
            lambda outcome: self._loaded(outcome, generation),
        )
        if loader is not None:
            self._loaders.append(loader)

    def _loaded(self, outcome: Outcome, generation: int) -> None:
        """The load ended (GUI thread): use it unless it is stale."""
        if generation != self._generation:
            return  # another project or annotator, or a newer training, since it started
        self._awaited = None
        if isinstance(outcome.error, AnnotatorError):
            self.last_error = str(outcome.error)
        elif outcome.error is not None:
            raise outcome.error
        else:
            # Only those still switched on: the panel may have switched one off meanwhile.
            active = {s.name for s in self.statuses if s.active}
            loaded = outcome.result or {}
            self.recommenders = {
                name: CachedRecommender(r) for name, r in loaded.items() if name in active
            }
        self.changed.emit()

    def document_status_changed(self, status: Status) -> None:
        """A document was marked: retrain when enough were done since the last training."""
        if status is Status.DONE:
            self.read_statuses()
            self.train_if_due()

    def train_if_due(self) -> None:
        """Train when an active recommender was never trained or enough new documents are done."""
        every = max(1, self.window.settings.retrain_after_done)
        due = [s for s in self.statuses if s.active and s.needs_training(every)]
        if due and not self.busy and self.window.settings.live_recommenders:
            self.train()

    def train(self) -> bool:
        """Start training the active recommenders in the background; False if nothing to learn."""
        project = self.window.project
        if project is None or project.read_only or self.busy:
            return False
        annotator = self.window.annotator
        try:
            training = project.training_set(annotator)
        except AnnotatorError:  # e.g. a new annotator with nothing in the project yet
            return False
        names = [s.name for s in self.statuses if s.active]
        if training.size == 0 or not names:
            return False
        self._future = self._trainer.start(annotator, training, names)
        self._for = (project, annotator)
        self._timer.start()
        self.training.emit(True)
        return True

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        project = self.window.project
        try:
            result = future.result()
            if self._for != (project, self.window.annotator) or project is None:
                return  # another project or annotator meanwhile: not theirs
            trained = project.apply_training(result)
            self._generation += 1  # newer than a load still under way
        except Exception as error:
            # Training runs third-party code (crfsuite) in another process: whatever
            # went wrong there is reported in the panel, never fatal to the window.
            self.last_error = str(error)
            self.window.statusBar().showMessage(str(error), 5000)
        else:
            self.last_error = ""
            self.recommenders = {name: CachedRecommender(r) for name, r in trained.items()}
        finally:
            self.training.emit(False)
        self.read_statuses()
        self.changed.emit()

    def set_options(
        self, name: str, active: bool | None = None, threshold: float | None = None
    ) -> None:
        """Switch a recommender on or off, or set its threshold (stored in the project)."""
        project = self.window.project
        if project is None:
            return
        project.set_recommender_options(self.window.annotator, name, active, threshold)
        self.read_statuses()
        if active is False:
            self.recommenders.pop(name, None)
        self.changed.emit()
        if active and name not in self.recommenders:
            self.train()
