"""The document list: title, length and the current annotator's status of every document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.services.projects import DocumentSummary, ProjectStore

AnyIndex = QModelIndex | QPersistentModelIndex

STATUS_NAMES = {
    Status.NEW: "new",
    Status.IN_PROGRESS: "in progress",
    Status.DONE: "done",
    Status.SKIPPED: "skipped",
}


class DocumentListModel(QAbstractTableModel):
    """Rows are documents in project order; columns title, length, status."""

    TITLE, LENGTH, STATUS = range(3)
    HEADERS = ("Title", "Length", "Status")
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._statuses: dict[str, Status] = {}

    def load(self, store: ProjectStore | None, annotator: str) -> None:
        """Read the documents and ``annotator``'s statuses from the store."""
        self.beginResetModel()
        self._rows = store.documents.summaries() if store else []
        self._statuses = store.annotators.statuses(annotator) if store else {}
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

    def row_of(self, doc_id: str) -> int | None:
        """The row of a document, or None."""
        return next((i for i, r in enumerate(self._rows) if r.id == doc_id), None)

    def doc_ids(self) -> list[str]:
        """Document ids in project order."""
        return [r.id for r in self._rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == self.ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return summary.title
            if column == self.LENGTH:
                return summary.length
            return self.tr(STATUS_NAMES[self.status(summary.id)])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return summary.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DocumentList(QWidget):
    """A filterable table of documents; emits ``document_activated`` with a document id."""

    document_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(DocumentListModel.TITLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
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
        layout.addWidget(self.table)

    def select(self, doc_id: str) -> None:
        """Make ``doc_id`` the current row (emits document_activated if it changes)."""
        row = self.model.row_of(doc_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def current_id(self) -> str | None:
        """The id of the current document, or None."""
        index = self.table.currentIndex()
        return index.data(DocumentListModel.ID_ROLE) if index.isValid() else None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.document_activated.emit(current.data(DocumentListModel.ID_ROLE))
