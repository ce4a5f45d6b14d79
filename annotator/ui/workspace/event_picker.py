"""Type-ahead choice of an event type by its Arabic or English name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout, QWidget

from annotator.core.schema import Schema
from annotator.core.search import normalize_query

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class _TypeFilter(QSortFilterProxyModel):
    """Keeps the types whose names contain every typed word (harakat and hamza ignored)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, query: str) -> None:
        """Filter by the words of ``query`` (normalised like the names)."""
        self.beginFilterChange()
        self._words = normalize_query(query).split()
        self.endFilterChange()

    def filterAcceptsRow(
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        haystack = self.sourceModel().index(row, 0, parent).data(SEARCH_ROLE)
        return all(word in haystack for word in self._words)


class EventTypePicker(QDialog):
    """A small non-modal popup: type to filter, Up/Down to choose, Enter to accept."""

    chosen = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event type"))
        self.model = QStandardItemModel(self)
        for kind in schema.events:
            item = QStandardItem(f"{kind.name_ar} — {kind.name_en} ({kind.key})")
            item.setData(kind.key, KEY_ROLE)
            item.setData(normalize_query(f"{kind.name_ar} {kind.name_en} {kind.key}"), SEARCH_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = _TypeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type an event type (عربي or English)…"))
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.activated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self._filter("")
        self.resize(460, 360)

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == \
                QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.proxy.rowCount() - 1, self.list.currentIndex().row() + step))
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(index.data(KEY_ROLE))
            self.accept()
