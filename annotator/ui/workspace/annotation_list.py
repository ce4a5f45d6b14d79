"""The annotation list: every span and event of the document, sortable, click to jump."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from annotator.core.notes import Note
from annotator.ui.note_line import note_line
from annotator.ui.plain_text import as_tooltip
from annotator.ui.table_model import AnyIndex, TableModel
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.workspace import Workspace

PREVIEW = 60


NOTE_FILTERS = (  # names marked for lupdate, translated by AnnotationList
    (QT_TRANSLATE_NOOP("AnnotationList", "All annotations"), "all"),
    (QT_TRANSLATE_NOOP("AnnotationList", "With a note or flag"), "noted"),
    (QT_TRANSLATE_NOOP("AnnotationList", "Unsure only"), "unsure"),
)


class AnnotationListModel(TableModel):
    """Rows: the document's spans and events. Columns: position, text, label, kind, note.

    The model sorts itself (a Python sort by key is far faster than a proxy
    asking data() for every comparison) and inserts new rows at their place.
    """

    POSITION, TEXT, LABEL, KIND, NOTE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("AnnotationListModel", "Position"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Text"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Label"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Kind"),
        QT_TRANSLATE_NOOP("AnnotationListModel", "Note"),
    )
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, annotations: AnnotationSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations = annotations
        self._ids: list[str] = []
        self._keys: list[tuple[Any, ...]] = []
        self._key_of: dict[str, tuple[Any, ...]] = {}
        self._column, self._order = self.POSITION, Qt.SortOrder.AscendingOrder
        self.notes: dict[str, Note] = {}  # the annotator's notes in the document, by id
        self.note_filter = "all"  # or "noted", "unsure"
        annotations.reset.connect(self._reset)
        annotations.span_added.connect(self._added)
        annotations.span_removed.connect(self._removed)
        annotations.span_changed.connect(self._changed)
        annotations.events_changed.connect(self._events_changed)

    # -- contents -------------------------------------------------------------

    def _fields(self, annotation_id: str) -> tuple[int, int, str, str]:
        span = self.annotations.spans.get(annotation_id)
        if span is not None:
            return span.start, span.end, span.label, self.tr("entity")
        event = self.annotations.events[annotation_id]
        return event.trigger_start, event.trigger_end, event.type, self.tr("event")

    def _key(self, annotation_id: str) -> tuple[Any, ...]:
        start, end, label, kind = self._fields(annotation_id)
        note = self.notes.get(annotation_id)
        first = {
            self.POSITION: start,
            self.TEXT: self.annotations.text[start:end],
            self.LABEL: label,
            self.KIND: kind,
            self.NOTE: (not note.unsure, note.text) if note else (True, "\uffff"),
        }[self._column]
        return (first, start, -end, annotation_id)

    def _shown(self, annotation_id: str) -> bool:
        """Whether the note filter lets an annotation's row through."""
        if self.note_filter == "all":
            return True
        note = self.notes.get(annotation_id)
        return note is not None and (self.note_filter == "noted" or note.unsure)

    def _reset(self) -> None:
        self.beginResetModel()
        self._arrange([*self.annotations.spans, *self.annotations.events])
        self.endResetModel()

    def set_notes(self, notes: dict[str, Note]) -> None:
        """Show these notes (the annotator's, in the document shown)."""
        self.notes = notes
        self._reset()

    def set_note_filter(self, which: str) -> None:
        """Show all rows, those with a note or flag ("noted"), or the unsure ones."""
        self.note_filter = which
        self._reset()

    def _arrange(self, ids: list[str]) -> None:
        ids = [i for i in ids if self._shown(i)]
        pairs = sorted(((self._key(i), i) for i in ids),
                       reverse=self._order == Qt.SortOrder.DescendingOrder)
        self._keys = [key for key, _ in pairs]
        self._ids = [annotation_id for _, annotation_id in pairs]
        self._key_of = dict(zip(self._ids, self._keys, strict=True))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the view calls this when a header is clicked)."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[index.row()] for index in old]
        self._column, self._order = column, order
        self._arrange(self._ids)
        rows = {annotation_id: row for row, annotation_id in enumerate(self._ids)}
        self.changePersistentIndexList(
            old, [self.index(rows[i], index.column()) for i, index in zip(old_ids, old,
                                                                         strict=True)]
        )
        self.layoutChanged.emit()

    def _place(self, key: tuple[Any, ...]) -> int:
        if self._order == Qt.SortOrder.AscendingOrder:
            return bisect_left(self._keys, key)
        return next((row for row, other in enumerate(self._keys) if other < key), len(self._keys))

    def _added(self, annotation_id: str) -> None:
        if not self._shown(annotation_id):
            return
        key = self._key(annotation_id)
        row = self._place(key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, annotation_id)
        self._keys.insert(row, key)
        self._key_of[annotation_id] = key
        self.endInsertRows()

    def _removed(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        del self._keys[row]
        del self._key_of[annotation_id]
        self.endRemoveRows()

    def _changed(self, annotation_id: str) -> None:
        # The sort key may have changed (a relabel under "sort by label"): move the row.
        self._removed(annotation_id)
        self._added(annotation_id)

    def _events_changed(self) -> None:
        events = self.annotations.events
        shown = {i for i in self._ids if i not in self.annotations.spans}
        for annotation_id in shown - events.keys():
            self._removed(annotation_id)
        for annotation_id in events:
            if annotation_id in shown:
                row = self.row_of(annotation_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.NOTE))
            else:
                self._added(annotation_id)

    def row_of(self, annotation_id: str) -> int | None:
        """The row showing an annotation, or None."""
        key = self._key_of.get(annotation_id)
        if key is None:
            return None
        if self._order == Qt.SortOrder.AscendingOrder:
            return bisect_left(self._keys, key)
        return self._keys.index(key)

    # -- Qt model interface -----------------------------------------------------

    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation_id = self._ids[index.row()]
        if role == self.ID_ROLE:
            return annotation_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.TEXT:
            # Arabic mentions read from the right: align there so a long one loses its end.
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            start, end = self._fields(annotation_id)[:2]
            return as_tooltip(self.annotations.text[start:end])  # the whole mention, literally
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NOTE:
            note = self.notes.get(annotation_id)
            return as_tooltip(note.text) if note and note.text else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        start, end, label, kind = self._fields(annotation_id)
        column = index.column()
        if column == self.POSITION:
            # The left-to-right mark keeps "12–30" in that order in a right-to-left interface.
            return f"\u200e{start}–{end}"
        if column == self.TEXT:
            text = self.annotations.text[start:end]
            return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
        if column == self.NOTE:
            return note_line(self.notes.get(annotation_id), self.tr("unsure"))
        return label if column == self.LABEL else kind


class AnnotationList(QTableView):
    """Sorted by position at first; clicking a row selects the annotation and scrolls to it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.list_model = AnnotationListModel(workspace.annotations, self)
        self.setModel(self.list_model)
        self.setSortingEnabled(True)
        self.sortByColumn(AnnotationListModel.POSITION, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # Widths from samples, not from the rows: measuring thousands of rows at every
        # change would cost a keystroke more than a frame. The text takes the rest.
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        for column, sample in ((AnnotationListModel.POSITION, "0000–0000"),
                               (AnnotationListModel.LABEL, "Contact.Meet"),
                               (AnnotationListModel.KIND, "entity"),
                               (AnnotationListModel.NOTE, "⚑ unsure")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(AnnotationListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(self._jump)

    def filter_box(self) -> QComboBox:
        """A choice of the rows shown: all, those with a note or flag, the unsure ones."""
        box = QComboBox(self)
        for name, which in NOTE_FILTERS:
            box.addItem(self.tr(name), which)
        box.currentIndexChanged.connect(
            lambda _i: self.list_model.set_note_filter(box.currentData())
        )
        return box

    def _jump(self, index: QModelIndex) -> None:
        self.workspace.select_annotation(index.data(AnnotationListModel.ID_ROLE), scroll=True)
        self.workspace.view.setFocus()
