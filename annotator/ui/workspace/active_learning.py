"""Active learning (optional, off by default): documents the model is least sure about first.

The uncertainty of each open document comes from the trained CRF
(services.recommending.documents_by_usefulness). It is measured a few
documents per timer tick, so a large project never freezes the window; the
ranking is forgotten when the recommenders are trained again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from annotator.core.model import Status
from annotator.ui.i18n import translate

if TYPE_CHECKING:
    from annotator.ui.workspace.suggestion_view import SuggestionView

CHUNK = 10  # documents measured per tick (a CRF pass is a few milliseconds each)
OPEN = (Status.NEW, Status.IN_PROGRESS)


class ActiveLearning(QObject):
    """The Document menu's "Most Useful First" ordering and "Next Most Useful Document" key."""

    def __init__(self, suggestions: SuggestionView) -> None:
        super().__init__(suggestions)
        self.live = suggestions.live
        self.window = suggestions.window
        self.ranking: list[tuple[str, float]] | None = None
        self._pending: list[str] = []
        self._scored: list[tuple[str, float]] = []
        self._go_when_ready = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        menu = self.window.menu("document")
        menu.addSeparator()
        self.order_action = QAction(
            translate("ActiveLearning", "Most &Useful First (Active Learning)"), self
        )
        self.order_action.setCheckable(True)
        self.order_action.toggled.connect(self._order_toggled)
        menu.addAction(self.order_action)
        self.next_action = self.window.add_action(
            "document",
            translate("ActiveLearning", "Next Most &Useful Document"),
            self.next_most_useful,
            "Ctrl+Shift+U",
        )
        self.live.changed.connect(self._forget)
        self.window.project_opened.connect(lambda: self.order_action.setChecked(False))

    @property
    def busy(self) -> bool:
        """True while documents are being measured."""
        return self._timer.isActive()

    def _labeller(self):
        cached = self.live.recommenders.get("crf")
        return cached.recommender if cached is not None else None

    def _forget(self) -> None:
        self.ranking = None
        self._timer.stop()
        if self.order_action.isChecked() and self._labeller() is not None:
            self.rank()

    def rank(self) -> bool:
        """Start measuring the open documents; False (and a message) without a trained CRF."""
        project = self.window.project
        if project is None or self._labeller() is None:
            self.window.statusBar().showMessage(
                translate("ActiveLearning", "Train the recommenders first (Recommenders panel)"),
                5000,
            )
            return False
        statuses = project.statuses(self.window.annotator)
        self._pending = [
            d.id for d in project.document_summaries() if statuses.get(d.id, Status.NEW) in OPEN
        ]
        self._scored = []
        self._timer.start()
        return True

    def _step(self) -> None:
        project, labeller = self.window.project, self._labeller()
        if project is None or labeller is None:
            self._timer.stop()
            return
        chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        self._scored += project.documents_by_usefulness(self.window.annotator, labeller, chunk)
        if self._pending:
            return
        self._timer.stop()
        self.ranking = sorted(self._scored, key=lambda pair: (-pair[1], pair[0]))
        if self.order_action.isChecked():
            self.window.document_list.model.set_order([d for d, _ in self.ranking])
        if self._go_when_ready:
            self._go_when_ready = False
            self.next_most_useful()

    def _order_toggled(self, on: bool) -> None:
        if not on:
            self.window.document_list.model.set_order(None)
        elif self.ranking is not None:
            self.window.document_list.model.set_order([d for d, _ in self.ranking])
        elif not self.rank():
            self.order_action.setChecked(False)

    def next_most_useful(self) -> None:
        """Open the open document the model is least sure about (measuring first if needed)."""
        if self.ranking is None:
            self._go_when_ready = self.busy or self.rank()
            return
        model = self.window.document_list.model
        current = self.window.current_document_id
        target = next(
            (d for d, _ in self.ranking if d != current and model.status(d) in OPEN), None
        )
        if target is None:
            self.window.statusBar().showMessage(
                translate("ActiveLearning", "Every document is done"), 3000
            )
            return
        self.window.document_list.select(target)
        self.window.reading_view.setFocus()
