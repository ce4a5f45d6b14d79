"""The document list: title, length and the current annotator's status of every document.

When the current annotator has documents assigned, the list shows only those by
default ("Assigned to me") and the progress counts them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
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
from annotator.services.project import DocumentSummary, Project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill
from annotator.ui.plain_text import as_tooltip
from annotator.ui.table_model import AnyIndex, TableModel

# Marked for lupdate; the model translates them with self.tr().
STATUS_NAMES = {
    Status.NEW: QT_TRANSLATE_NOOP("DocumentListModel", "new"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("DocumentListModel", "in progress"),
    Status.DONE: QT_TRANSLATE_NOOP("DocumentListModel", "done"),
    Status.SKIPPED: QT_TRANSLATE_NOOP("DocumentListModel", "skipped"),
}


class DocumentListModel(TableModel):
    """Rows are documents in project order; columns title, length, status."""

    TITLE, LENGTH, STATUS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Length"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
    )
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self.project: Project | None = None
        self._statuses: dict[str, Status] = {}
        self.assigned: set[str] = set()  # the documents assigned to the annotator
        self.annotator = ""

    def load(self, project: Project | None, annotator: str) -> None:
        """Read the documents and ``annotator``'s statuses and assignments from the project."""
        self.beginResetModel()
        self.project = project
        self._rows = project.document_summaries() if project else []
        self._statuses = project.statuses(annotator) if project else {}
        self.annotator = annotator
        self.assigned = project.assigned_documents(annotator) if project else set()
        self.endResetModel()

    def set_status(self, doc_id: str, status: Status) -> None:
        """Show a new status for one document without reloading the list."""
        self._statuses[doc_id] = status
        row = self.row_of(doc_id)
        if row is not None:
            cell = self.index(row, self.STATUS)
            self.dataChanged.emit(cell, cell)

    def status(self, doc_id: str) -> Status:
        """The shown status of a document."""
        return self._statuses.get(doc_id, Status.NEW)

    def status_counts(self) -> Counter[Status]:
        """How many documents stand at each status (only the assigned ones, if any are)."""
        rows = [r for r in self._rows if r.id in self.assigned] if self.assigned else self._rows
        return Counter(self.status(r.id) for r in rows)

    def row_of(self, doc_id: str) -> int | None:
        """The row of a document, or None."""
        return next((i for i, r in enumerate(self._rows) if r.id == doc_id), None)

    def doc_ids(self) -> list[str]:
        """Document ids in project order."""
        return [r.id for r in self._rows]

    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == self.ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                # Isolated: a title starting with digits keeps them at its start, in any
                # interface direction ("300 مليون…" reads right to left).
                return isolate(summary.title)
            if column == self.LENGTH:
                return summary.length
            return self.tr(STATUS_NAMES[self.status(summary.id)])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return as_tooltip(summary.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


SEARCH_DELAY_MS = 200
STATUS_FILTERS = (  # names marked for lupdate, translated by DocumentList
    (QT_TRANSLATE_NOOP("DocumentList", "All documents"), None),
    (QT_TRANSLATE_NOOP("DocumentList", "Not done"), frozenset({Status.NEW, Status.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("DocumentList", "New"), frozenset({Status.NEW})),
    (QT_TRANSLATE_NOOP("DocumentList", "In progress"), frozenset({Status.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("DocumentList", "Done"), frozenset({Status.DONE})),
    (QT_TRANSLATE_NOOP("DocumentList", "Skipped"), frozenset({Status.SKIPPED})),
)


class DocumentFilter(QSortFilterProxyModel):
    """Keeps documents with a chosen status that match the search (and are assigned).

    The search itself runs in the project (titles and texts, harakat, tatweel
    and hamza forms ignored), so long articles are never loaded here.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: set[str] | None = None
        self._statuses: frozenset[Status] | None = None
        self._assigned_only = False

    def set_assigned_only(self, on: bool) -> None:
        """Show only the documents assigned to the annotator (when any are)."""
        self.beginFilterChange()
        self._assigned_only = on
        self.endFilterChange()

    def set_hits(self, hits: set[str] | None) -> None:
        """Show only the documents ``hits`` (None: no search, all of them)."""
        self.beginFilterChange()
        self._hits = hits
        self.endFilterChange()

    def set_statuses(self, statuses: frozenset[Status] | None) -> None:
        """Show only documents with one of ``statuses`` (None: all)."""
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:
        model = self.sourceModel()
        doc_id = model.index(row, DocumentListModel.TITLE, parent).data(DocumentListModel.ID_ROLE)
        if self._statuses is not None and model.status(doc_id) not in self._statuses:
            return False
        if self._assigned_only and model.assigned and doc_id not in model.assigned:
            return False
        return self._hits is None or doc_id in self._hits


class DocumentList(QWidget):
    """A filterable table of documents; emits ``document_activated`` with a document id."""

    document_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self.progress = QLabel(self)
        self._filter_default_for: tuple[object, str, bool] | None = None
        self.model.modelReset.connect(self._assignments_loaded)
        self.model.modelReset.connect(self._update_progress)
        self.model.dataChanged.connect(self._update_progress)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setWordWrap(False)
        # Project order until the user clicks a header: -1 means "unsorted".
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
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
        # Searching reads every text: wait until the typing pauses.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.filter_edit.textChanged.connect(self._search_timer.start)
        self.status_filter = QComboBox(self)
        for name, statuses in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(name), statuses)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_statuses(self.status_filter.currentData())
        )
        self.assigned_filter = QCheckBox(self.tr("Assigned to &me"), self)
        self.assigned_filter.setToolTip(self.tr("Show only the documents assigned to you"))
        self.assigned_filter.setEnabled(False)
        self.assigned_filter.toggled.connect(self.proxy.set_assigned_only)

    def _assignments_loaded(self) -> None:
        """Filter on assignments by default (on when there are some).

        The default is set again for another project or annotator, or when
        assignments appear or go; otherwise the user's choice outlives a reload.
        """
        has = bool(self.model.assigned)
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
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _search(self) -> None:
        project = self.model.project
        query = self.filter_edit.text()
        searching = project is not None and bool(query.strip())
        self.proxy.set_hits(project.documents_matching(query) if searching else None)

    def _update_progress(self) -> None:
        counts = self.model.status_counts()
        total = counts.total()
        if self.model.assigned:
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
        ids = self.shown_ids()
        here = ids.index(doc_id) if doc_id in ids else -1
        if not not_done:
            target = here + step
            return ids[target] if 0 <= target < len(ids) and here >= 0 else None
        for distance in range(1, len(ids) + 1):
            candidate = ids[(here + step * distance) % len(ids)]
            if candidate != doc_id and self.model.status(candidate) in (
                Status.NEW,
                Status.IN_PROGRESS,
            ):
                return candidate
        return None

    def shown_ids(self) -> list[str]:
        """Ids of the documents the list shows, in the order shown."""
        return [
            self.proxy.index(r, 0).data(DocumentListModel.ID_ROLE)
            for r in range(self.proxy.rowCount())
        ]

    def current_id(self) -> str | None:
        """The id of the current document, or None."""
        index = self.table.currentIndex()
        return index.data(DocumentListModel.ID_ROLE) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.document_activated.emit(current.data(DocumentListModel.ID_ROLE))
