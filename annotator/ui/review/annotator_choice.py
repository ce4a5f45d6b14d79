"""The annotators an adjudication compares: checkable names side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget


class AnnotatorChoice(QListWidget):
    """Every person, those compared checked; ``chosen`` gives the checked names."""

    chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudication_annotators")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(self.fontMetrics().height() + 12)  # one row of names
        self.setToolTip(self.tr("The annotators compared in this document"))
        self.itemChanged.connect(lambda _item: self.chosen.emit(self.checked()))

    def set_names(self, names: list[str], checked: list[str]) -> None:
        """Show ``names``; check those in ``checked`` (without emitting ``chosen``)."""
        self.blockSignals(True)
        self.clear()
        for name in names:
            item = QListWidgetItem(name, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = name in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> list[str]:
        """The checked names, in list order."""
        items = (self.item(i) for i in range(self.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
