"""The label palette: every entity label with its key, colour and count in this document,
and every event type with its count. Clicking a label applies it like its key would.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.schema import Schema
from annotator.ui.table_model import AnyIndex, TableModel
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.workspace import Workspace


class LabelPaletteModel(TableModel):
    """Rows: entity labels then event types. Columns: key, name, count."""

    KEY, NAME, COUNT = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("LabelPaletteModel", "Key"),
        QT_TRANSLATE_NOOP("LabelPaletteModel", "Label"),
        QT_TRANSLATE_NOOP("LabelPaletteModel", "Count"),
    )
    LABEL_ROLE = Qt.ItemDataRole.UserRole + 1
    IS_EVENT_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, annotations: AnnotationSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self._rows: list[tuple[str, str, str, str, bool]] = []  # key, shortcut, name, colour
        self._event_counts: Counter[str] = Counter()
        self._shown: list[int] = []
        annotations.reset.connect(self._counts_changed)
        annotations.span_added.connect(self._counts_changed)
        annotations.span_removed.connect(self._counts_changed)
        annotations.span_changed.connect(self._counts_changed)
        annotations.events_changed.connect(self._counts_changed)

    def set_schema(self, schema: Schema | None) -> None:
        """Show the labels of ``schema``."""
        self.beginResetModel()
        self._rows = []
        if schema is not None:
            self._rows += [(e.key, e.shortcut or "", f"{e.name_ar} — {e.name_en}", e.color, False)
                           for e in schema.entities]
            self._rows += [(e.key, "", f"{e.name_ar} — {e.name_en}", e.color, True)
                           for e in schema.events]
        self._shown = [self.count(row) for row in range(len(self._rows))]
        self.endResetModel()

    def _counts_changed(self, *_args: object) -> None:
        """Signal the rows whose count changed (only those: views re-measure changed cells)."""
        self._event_counts = Counter(e.type for e in self.annotations.events.values())
        counts = [self.count(row) for row in range(len(self._rows))]
        for row, (old, new) in enumerate(zip(self._shown, counts, strict=False)):
            if old != new:
                cell = self.index(row, self.COUNT)
                self.dataChanged.emit(cell, cell)
        self._shown = counts

    def count(self, row: int) -> int:
        """How many annotations of the row's label the document has."""
        key, _, _, _, is_event = self._rows[row]
        return self._event_counts[key] if is_event else self.annotations.label_counts[key]

    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, shortcut, name, color, is_event = self._rows[index.row()]
        column = index.column()
        if role == self.LABEL_ROLE:
            return key
        if role == self.IS_EVENT_ROLE:
            return is_event
        if role == Qt.ItemDataRole.DisplayRole:
            return (shortcut or ("E" if is_event else ""), f"{name} ({key})",
                    self.count(index.row()))[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == self.NAME:
            return QColor(color)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NAME:
            return QColor("#000000")
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class LabelPalette(QTableView):
    """Clicking an entity label labels the selection (or relabels the selected span);
    clicking an event type marks the selection as an event of that type."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.palette_model = LabelPaletteModel(workspace.annotations, self)
        self.setModel(self.palette_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The text keeps the keyboard: clicking here must not take the focus from it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(LabelPaletteModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: resizing to contents would measure every row at each count change.
        digits = self.fontMetrics().horizontalAdvance("00000")
        for column in (LabelPaletteModel.KEY, LabelPaletteModel.COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, digits)
        self.clicked.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        key = index.data(LabelPaletteModel.LABEL_ROLE)
        workspace = self.workspace
        if index.data(LabelPaletteModel.IS_EVENT_ROLE):
            current = workspace.selected_range()
            event = workspace.annotations.selected_event()
            if current is None and event is not None:
                current = (event.trigger_start, event.trigger_end)
            if current is None:
                workspace.label_chosen.emit(key)
            else:
                workspace.add_event(*current, key)
        else:
            workspace.apply_label(key)
        workspace.view.setFocus()
