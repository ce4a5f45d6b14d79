"""The corpus part of "label all occurrences": the matches in the other documents.

Shown under the current document's matches once "In every document" is
checked: a tree of documents and their matches, checkable, as the service
proposes them (services/label_all.py: what annotators already did is
respected). Applying labels each document's checked matches as one undoable
step of that document's own history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from annotator.services.label_all import DocumentMatches
from annotator.services.project import Project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill

RANGE_ROLE = Qt.ItemDataRole.UserRole + 1


class CorpusMatches(QWidget):
    """A checkbox "In every document" and, when checked, the other documents' matches."""

    def __init__(self, project: Project, query: str, annotator: str, current_doc: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project, self.query = project, query
        self.annotator, self.current_doc = annotator, current_doc
        self.enabled = QCheckBox(self.tr("Also in every other &document"), self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.tree.hide()
        self.enabled.toggled.connect(self._toggled)
        self.found: list[DocumentMatches] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.tree, 1)

    def _toggled(self, on: bool) -> None:
        if on and not self.found:
            self.found = self.project.corpus_matches(self.query, self.annotator,
                                                     exclude=self.current_doc)
            self._fill()
        self.tree.setVisible(on)

    def _fill(self) -> None:
        self.tree.clear()
        for document in self.found:
            top = QTreeWidgetItem(self.tree, [fill("%1 — %2", isolate(document.title),
                                                   self.tr("%n match(es)", "",
                                                           len(document.matches)))])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsAutoTristate)
            for match in document.matches:
                shown = f"…{match.before}【{match.text}】{match.after}…"
                child = QTreeWidgetItem(top, [shown])
                child.setData(0, RANGE_ROLE, (match.start, match.end))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if match.checked
                                    else Qt.CheckState.Unchecked)
        self.tree.expandAll()

    def checked(self) -> dict[str, list[tuple[int, int]]]:
        """The checked matches per document id (nothing unless the box is checked)."""
        if not self.enabled.isChecked():
            return {}
        chosen: dict[str, list[tuple[int, int]]] = {}
        for index, document in enumerate(self.found):
            top = self.tree.topLevelItem(index)
            ranges = [top.child(r).data(0, RANGE_ROLE) for r in range(top.childCount())
                      if top.child(r).checkState(0) == Qt.CheckState.Checked]
            if ranges:
                chosen[document.doc_id] = ranges
        return chosen
