"""The Recommenders panel (as INCEpTION's): each live recommender's state, its held-out
quality per label, its confidence threshold, and when it trains again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services.recommending import RecommenderStatus
from annotator.ui.i18n import translate

if TYPE_CHECKING:
    from annotator.ui.workspace.live_recommenders import LiveRecommenders


def _percent(value: object) -> str:
    return f"{float(value):.0%}" if isinstance(value, (int, float)) else "—"


def _local_time(stamp: str | None) -> str:
    """A stored UTC time stamp as the local time (today) or date (before)."""
    if not stamp:
        return "—"
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d")


class RecommendersPanel(QWidget):
    """Rows of recommenders; below, the selected one's threshold and per-label scores."""

    def __init__(self, live: LiveRecommenders) -> None:
        super().__init__()
        self.live = live
        self.settings = live.window.settings
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                translate("RecommendersPanel", "Name"),
                translate("RecommendersPanel", "Documents"),
                translate("RecommendersPanel", "Trained"),
                translate("RecommendersPanel", "New Done"),
                translate("RecommendersPanel", "F1"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # As tall as its rows (two recommenders), so the per-label scores get the room.
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._active_toggled)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.editingFinished.connect(self._threshold_set)
        self.retrain = QSpinBox()
        self.retrain.setRange(1, 1000)
        self.retrain.setValue(max(1, self.settings.retrain_after_done))
        self.retrain.valueChanged.connect(self._retrain_set)
        self.scores = QTableWidget(0, 4)
        self.scores.setHorizontalHeaderLabels(
            [
                translate("RecommendersPanel", "Label"),
                translate("RecommendersPanel", "Precision"),
                translate("RecommendersPanel", "Recall"),
                translate("RecommendersPanel", "F1"),
            ]
        )
        self.scores.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scores.verticalHeader().hide()
        header = self.scores.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.train_button = QPushButton(translate("RecommendersPanel", "&Train Now"))
        self.train_button.clicked.connect(self._train)
        self._layout()
        live.changed.connect(self.refresh)
        live.training.connect(self._training)
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("RecommendersPanel", "Confidence threshold:"), self.threshold)
        form.addRow(
            translate("RecommendersPanel", "Train again after (done documents):"), self.retrain
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("RecommendersPanel", "Held-out quality per label:")))
        layout.addWidget(self.scores, 2)
        layout.addLayout(buttons)

    # -- showing --------------------------------------------------------------

    def refresh(self) -> None:
        """Show the statuses the live recommenders hold."""
        selected = self.selected()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.live.statuses))
        for row, status in enumerate(self.live.statuses):
            self._fill_row(row, status)
        self.table.blockSignals(False)
        names = [s.name for s in self.live.statuses]
        if names:
            keep = selected is not None and selected.name in names
            row = names.index(selected.name) if keep else 0
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.table.model().index(row, 0), flags)
        self._show_selected()
        self._training(self.live.busy)

    def _fill_row(self, row: int, status: RecommenderStatus) -> None:
        name = QTableWidgetItem(status.name)
        name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        name.setCheckState(Qt.CheckState.Checked if status.active else Qt.CheckState.Unchecked)
        name.setToolTip(translate("RecommendersPanel", "Tick to let it suggest"))
        overall = (status.evaluation or {}).get("overall", {})
        trained = _local_time(status.trained_at)
        cells = [
            name,
            QTableWidgetItem(str(status.documents)),
            QTableWidgetItem(trained),
            QTableWidgetItem(str(status.done_since_training)),
            QTableWidgetItem(_percent(overall.get("f1"))),
        ]
        for column, item in enumerate(cells):
            self.table.setItem(row, column, item)

    def selected(self) -> RecommenderStatus | None:
        """The status of the recommender selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.live.statuses):
            return None
        return self.live.statuses[rows[0].row()]

    def _show_selected(self) -> None:
        status = self.selected()
        self.threshold.setEnabled(status is not None)
        self.threshold.setValue(status.threshold if status else 0.0)
        per_label = ((status.evaluation or {}) if status else {}).get("per_label", {})
        self.scores.setRowCount(len(per_label))
        for row, (label, scores) in enumerate(sorted(per_label.items())):
            values = [label, *(_percent(scores.get(k)) for k in ("precision", "recall", "f1"))]
            for column, value in enumerate(values):
                self.scores.setItem(row, column, QTableWidgetItem(value))

    def _training(self, busy: bool) -> None:
        self.train_button.setEnabled(not busy and self.live.window.project is not None)
        if busy:
            text = translate("RecommendersPanel", "Training in the background…")
        elif self.live.last_error:
            text = self.live.last_error
        elif self.live.loading:  # what was trained before: its suggestions come after
            text = translate("RecommendersPanel", "Loading the trained recommenders…")
        elif any(s.trained_at for s in self.live.statuses):
            text = translate("RecommendersPanel", "Ready")
        else:
            text = translate("RecommendersPanel", "Not trained yet: mark documents done")
        self.state.setText(text)

    # -- changing -------------------------------------------------------------

    def _active_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or item.row() >= len(self.live.statuses):
            return
        name = self.live.statuses[item.row()].name
        self.live.set_options(name, active=item.checkState() == Qt.CheckState.Checked)

    def _threshold_set(self) -> None:
        status = self.selected()
        if status is not None and abs(status.threshold - self.threshold.value()) > 1e-9:
            self.live.set_options(status.name, threshold=self.threshold.value())

    def _retrain_set(self, value: int) -> None:
        self.settings.retrain_after_done = value

    def _train(self) -> None:
        if not self.live.train():
            self.state.setText(
                translate("RecommendersPanel", "Nothing to learn from: no done documents")
            )
