"""The document list: title, length and the current annotator's status of every document.

When the current annotator has documents assigned, the list shows only those by
default ("Assigned to me") and the progress counts them. The rows come from
DocumentListModel (document_list_model.py), which reads them on demand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.services.search import searchable
from annotator.ui.document_list_model import SIZE_SAMPLE_ROWS, DocumentListModel
from annotator.ui.i18n import fill

__all__ = ["DocumentList", "DocumentListModel"]

SEARCH_DELAY_MS = 100
STATUS_FILTERS = (  # names marked for lupdate, translated by DocumentList
    (QT_TRANSLATE_NOOP("DocumentList", "All documents"), None),
    (QT_TRANSLATE_NOOP("DocumentList", "Not done"), frozenset({Status.NEW, Status.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("DocumentList", "New"), frozenset({Status.NEW})),
    (QT_TRANSLATE_NOOP("DocumentList", "In progress"), frozenset({Status.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("DocumentList", "Done"), frozenset({Status.DONE})),
    (QT_TRANSLATE_NOOP("DocumentList", "Skipped"), frozenset({Status.SKIPPED})),
)


class DocumentList(QWidget):
    """A filterable table of documents; emits ``document_activated`` with a document id."""

    document_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self._build_filters()
        self.progress = QLabel(self)
        self._filter_default_for: tuple[object, str, bool] | None = None
        self.model.modelReset.connect(self._assignments_loaded)
        self.model.modelReset.connect(self._update_progress)
        self.model.dataChanged.connect(self._update_progress)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        # Project order until the user clicks a header: -1 means "unsorted".
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fit columns to a sample of rows: a million rows are never all measured.
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        header.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            DocumentListModel.LENGTH, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            DocumentListModel.STATUS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.search_hint)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.assigned_filter)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.progress)

    def _build_filters(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Search titles and texts…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.search_hint = QLabel(self.tr("Type at least 3 letters to search."), self)
        self.search_hint.setStyleSheet("color: palette(mid);")
        self.search_hint.hide()
        # The search index answers in milliseconds: wait only for a short pause in the typing.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.filter_edit.textChanged.connect(self._search_timer.start)
        self.status_filter = QComboBox(self)
        for name, statuses in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(name), statuses)
        self.status_filter.currentIndexChanged.connect(
            lambda: self._refilter(statuses=self.status_filter.currentData())
        )
        self.assigned_filter = QCheckBox(self.tr("Assigned to &me"), self)
        self.assigned_filter.setToolTip(self.tr("Show only the documents assigned to you"))
        self.assigned_filter.setEnabled(False)
        self.assigned_filter.toggled.connect(lambda on: self._refilter(assigned_only=on))

    def _assignments_loaded(self) -> None:
        """Filter on assignments by default (on when there are some).

        The default is set again for another project or annotator, or when
        assignments appear or go; otherwise the user's choice outlives a reload.
        """
        has = self.model.has_assigned
        self.assigned_filter.setEnabled(has)
        situation = (self.model.project, self.model.annotator, has)
        if situation != self._filter_default_for:
            self.assigned_filter.setChecked(has)
        self._filter_default_for = situation

    def select(self, doc_id: str) -> None:
        """Make ``doc_id`` the current row (emits document_activated if it changes)."""
        row = self.model.row_of(doc_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _search(self) -> None:
        query = self.filter_edit.text()
        # The index finds three characters or more; fewer would match nearly everything.
        short = bool(query.strip()) and not searchable(query)
        self.search_hint.setVisible(short)
        self._refilter(search="" if short else query)

    def _refilter(self, **changes: Any) -> None:
        """Filter the list again, keeping the current document current if it is still shown."""
        current = self.current_id()
        self.model.set_filter(**changes)
        row = self.model.row_of(current) if current else None
        if row is not None:
            selection = self.table.selectionModel()
            blocked = selection.blockSignals(True)  # the same document: nothing to open
            self.table.setCurrentIndex(self.model.index(row, 0))
            selection.blockSignals(blocked)
            self.table.viewport().update()

    def _update_progress(self) -> None:
        counts = self.model.status_counts()
        total = counts.total()
        if self.model.has_assigned:
            template = self.tr("Done %1 / %2 assigned")
        else:
            template = self.tr("Done %1 / %2")
        text = fill(template, counts[Status.DONE], total)
        if counts[Status.SKIPPED]:
            text += fill(self.tr(" · skipped %1"), counts[Status.SKIPPED])
        self.progress.setText(text)

    def neighbour(self, doc_id: str | None, step: int, not_done: bool = False) -> str | None:
        """The next (``step`` 1) or previous (-1) document in the list as shown.

        With ``not_done``, the nearest one that is new or in progress, wrapping
        around the list. None when there is none.
        """
        here = self.model.row_of(doc_id) if doc_id else None  # reads every hit first
        rows = self.model.rowCount()
        if not not_done:
            target = here + step if here is not None else -1
            return self.model.id_at(target) if 0 <= target < rows else None
        start = here if here is not None else -1
        for distance in range(1, rows + 1):
            row = (start + step * distance) % rows
            candidate = self.model.id_at(row)
            if candidate != doc_id and self.model.status_at(row) in (
                Status.NEW,
                Status.IN_PROGRESS,
            ):
                return candidate
        return None

    def shown_ids(self) -> list[str]:
        """Ids of the documents the list shows, in the order shown."""
        return self.model.doc_ids()

    def current_id(self) -> str | None:
        """The id of the current document, or None."""
        index = self.table.currentIndex()
        return index.data(DocumentListModel.ID_ROLE) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.document_activated.emit(current.data(DocumentListModel.ID_ROLE))
