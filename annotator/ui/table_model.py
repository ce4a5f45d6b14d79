"""The common part of the interface's read-only table models."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A flat table: ``row_count()`` rows, one column per entry of ``HEADERS``.

    Header titles are translated with ``self.tr``, whose context is the subclass's
    own name, so each model keeps its translations.
    """

    HEADERS: tuple[str, ...] = ()

    def row_count(self) -> int:
        """How many rows the table has."""
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None
