"""The document list's model: the shown documents read on demand from the project.

The model holds the shown documents' keys (their rowids, 8 bytes a row) and
reads the fields of a page of rows when the view first paints one, so a list of
1,000,000 documents opens, filters and scrolls without reading them all. A
search shows its first screen at once and reads the rest between events.
"""

from __future__ import annotations

from array import array
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QWidget

from annotator.core.listing import ListFilter, ListRow
from annotator.core.model import Status
from annotator.services.project import Project
from annotator.ui.bidi import isolate
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
    """Rows are the documents the filter selects; columns title, length, status.

    Lazy: the model holds the shown documents' keys (rowids, 8 bytes a
    row) and reads the fields of a page of rows when the view first paints one, so
    a list of 1,000,000 documents opens, filters and scrolls without reading them all.
    Sorting (a header click) and filtering run in SQL.
    """

    TITLE, LENGTH, STATUS = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Length"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
    )
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    _ORDERS = ("title", "length", "status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.annotator = ""
        self.has_assigned = False  # the annotator has documents assigned
        self._filter = ListFilter("")
        self._keys: Sequence[int] = array("q")
        # True while a search's hits are still being read (a screen first, the rest
        # in slices between events: see fetchMore and _read_on).
        self._partial = False
        # The key an incremental search goes on after (its last candidate read).
        self._after = 0
        self._pages: OrderedDict[int, dict[int, ListRow]] = OrderedDict()
        self._reader = QTimer(self)
        self._reader.setInterval(0)
        self._reader.timeout.connect(self._read_on)

    def load(self, project: Project | None, annotator: str) -> None:
        """Show ``project``'s documents for ``annotator`` (reading them again)."""
        self.project = project
        self.annotator = annotator
        self.has_assigned = bool(project and project.has_assignments(annotator))
        self._refilter(replace(self._filter, annotator=annotator))

    def set_filter(self, **changes: Any) -> None:
        """Change what is shown (``search``, ``statuses``, ``assigned_only``)."""
        self._refilter(replace(self._filter, **changes))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the view calls this on a header click; -1: project order)."""
        by = self._ORDERS[column] if 0 <= column < len(self._ORDERS) else "rowid"
        self._refilter(
            replace(self._filter, order=by, descending=order == Qt.SortOrder.DescendingOrder)
        )

    def _refilter(self, wanted: ListFilter) -> None:
        self.beginResetModel()
        self._filter = wanted
        self._pages.clear()
        self._partial = False
        self._after = 0
        self._keys = array("q")
        if self.project is not None:
            if self.project.list_incremental(self._shown()):
                self._partial = True
                self._read(FIRST_ROWS, announce=False)
                self._reader.start()
            else:
                self._keys = self.project.list_keys(self._shown())
        self.endResetModel()

    def _shown(self) -> ListFilter:
        """The filter as the project applies it ("assigned to me" only when some are)."""
        wanted = self._filter
        return replace(wanted, assigned_only=wanted.assigned_only and self.has_assigned)

    def _read(self, rows: int, announce: bool = True) -> None:
        """Read the hits among the next ``rows`` candidates of an incremental search."""
        assert self.project is not None and isinstance(self._keys, array)
        more, going_on = self.project.list_next_keys(self._shown(), self._after, rows)
        self._partial = going_on is not None
        self._after = going_on or 0
        if not more:
            return
        if announce:
            self.beginInsertRows(QModelIndex(), len(self._keys), len(self._keys) + len(more) - 1)
        self._keys.extend(more)
        if announce:
            self.endInsertRows()

    def _read_on(self) -> None:
        """One slice of the rest of a search's hits, between events (typing stays fluid)."""
        if not self._partial or self.project is None:
            self._reader.stop()
            return
        self._read(SLICE_ROWS)

    def _read_all(self) -> None:
        while self._partial and self.project is not None:
            self._read(SLICE_ROWS)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._partial

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._read(FIRST_ROWS)

    def _row(self, row: int) -> ListRow | None:
        """The fields of one row, read with its page on first use."""
        page = row // PAGE_ROWS
        if page not in self._pages:
            if self.project is None:
                return None
            keys = self._keys[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
            self._pages[page] = self.project.list_rows(keys, self.annotator)
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        self._pages.move_to_end(page)
        return self._pages[page].get(self._keys[row])

    def set_order(self, doc_ids: list[str] | None) -> None:
        """Show ``doc_ids`` first, in that order, then the other shown documents as the
        filter orders them (None: the filter's order). The active-learning order uses it."""
        if doc_ids is None or self.project is None:
            self._refilter(self._filter)
            return
        self._read_all()
        shown = set(self._keys)
        keys = (self.project.list_key_of(doc_id) for doc_id in doc_ids)
        first = [key for key in keys if key is not None and key in shown]
        chosen = set(first)
        self.beginResetModel()
        self._keys = array("q", first + [key for key in self._keys if key not in chosen])
        self._pages.clear()
        self.endResetModel()

    def set_status(self, doc_id: str, status: Status) -> None:
        """Show a new status for one document without reloading the list."""
        row = self.row_of(doc_id)
        if row is None:
            return
        cached = self._pages.get(row // PAGE_ROWS, {})
        key = self._keys[row]
        if key in cached:
            cached[key] = replace(cached[key], status=status)
        cell = self.index(row, self.STATUS)
        self.dataChanged.emit(cell, cell)

    def status(self, doc_id: str) -> Status:
        """The annotator's status of a document."""
        if self.project is None:
            return Status.NEW
        return self.project.status(doc_id, self.annotator)

    def status_counts(self) -> Counter[Status]:
        """How many documents stand at each status (only the assigned ones, if any are)."""
        if self.project is None:
            return Counter()
        return self.project.progress(self.annotator, self.has_assigned)

    def row_of(self, doc_id: str) -> int | None:
        """The row of a document, or None when it is not shown."""
        self._read_all()
        key = self.project.list_key_of(doc_id) if self.project else None
        if key is None:
            return None
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def id_at(self, row: int) -> str | None:
        """The id of the document in ``row``."""
        found = self._row(row) if 0 <= row < len(self._keys) else None
        return found.id if found else None

    def status_at(self, row: int) -> Status | None:
        """The status shown in ``row``."""
        found = self._row(row) if 0 <= row < len(self._keys) else None
        return found.status if found else None

    def first_id(self) -> str | None:
        """The id of the first document shown, or None."""
        return self.id_at(0)

    def doc_ids(self) -> list[str]:
        """Ids of the shown documents, in the order shown."""
        self._read_all()
        return self.project.list_ids(self._keys) if self.project is not None else []

    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self._keys)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        summary = self._row(index.row())
        if summary is None:
            return None
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
            return self.tr(STATUS_NAMES[summary.status])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return as_tooltip(summary.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# Rows read at a time, and pages kept (a few screens' worth either side of the view).
PAGE_ROWS = 200
CACHED_PAGES = 20
SIZE_SAMPLE_ROWS = 100
# A search reads the hits among its first candidates at once and the rest in slices
# between events; each candidate is checked against its text (~50 microseconds), so a
# slice stays a few tens of milliseconds and typing stays fluid.
FIRST_ROWS = 400
SLICE_ROWS = 500
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        DocumentListModel.ID_ROLE,
    }
)
