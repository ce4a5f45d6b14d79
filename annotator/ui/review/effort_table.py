"""The Speed tab of the agreement window: each annotator's active time, documents and
spans per hour, and what became of the suggestions they saw (services.effort)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from annotator.core.errors import AnnotatorError
from annotator.ui.i18n import translate

if TYPE_CHECKING:
    from annotator.services.project import Project

OUTCOMES = ("accepted", "rejected", "corrected")


def _cell(value: object, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("—" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def active_time(seconds: float) -> str:
    """Active time as hours and minutes, e.g. 1:05."""
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class EffortTable(QTableWidget):
    """One row per annotator with recorded time or suggestion outcomes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.headers = [
            translate("EffortTable", "Annotator"),
            translate("EffortTable", "Active time (h:mm)"),
            translate("EffortTable", "Documents done"),
            translate("EffortTable", "Spans"),
            translate("EffortTable", "Documents per hour"),
            translate("EffortTable", "Spans per hour"),
            translate("EffortTable", "Suggestions accepted"),
            translate("EffortTable", "Rejected"),
            translate("EffortTable", "Corrected"),
        ]

    def fill(self, project: Project | None) -> None:
        """Show the effort of every annotator of ``project``."""
        try:
            rows = list(project.annotator_effort().values()) if project else []
        except AnnotatorError:
            rows = []
        self.clear()
        self.setColumnCount(len(self.headers))
        self.setHorizontalHeaderLabels(self.headers)
        self.setRowCount(len(rows))
        for row, effort in enumerate(rows):
            values = [
                effort.annotator,
                active_time(effort.active_seconds),
                effort.documents_done,
                effort.spans,
                effort.documents_per_hour,
                effort.spans_per_hour,
                *(effort.suggestions.get(outcome, 0) for outcome in OUTCOMES),
            ]
            for column, value in enumerate(values):
                if isinstance(value, float):
                    value = f"{value:.1f}"
                self.setItem(row, column, _cell(value, number=column > 0))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
