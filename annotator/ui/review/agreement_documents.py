"""The agreement view's documents, most disputed first, as a model read on demand.

A report over 50,000 documents is one Python list: the view asks for the rows it
paints, and a document's mean F1 is worked out only when its row is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from annotator.core.agreement import AgreementReport
from annotator.services.agreement_export import score_color
from annotator.ui.table_model import AnyIndex, TableModel


class AgreementDocumentsModel(TableModel):
    """Rows are the report's documents (most disagreements first)."""

    TITLE, DISAGREEMENTS, SPAN_F1 = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("AgreementDocumentsModel", "Document"),
        QT_TRANSLATE_NOOP("AgreementDocumentsModel", "Disagreements"),
        QT_TRANSLATE_NOOP("AgreementDocumentsModel", "Span F1 (exact, mean)"),
    )
    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AgreementReport | None = None

    def set_report(self, report: AgreementReport | None) -> None:
        """Show ``report``'s documents (none for None)."""
        self.beginResetModel()
        self.report = report
        self.endResetModel()

    def row_count(self) -> int:
        """How many documents were compared."""
        return len(self.report.documents) if self.report else 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        document, column = self.report.documents[index.row()], index.column()
        if role == self.ID_ROLE:
            return document.doc_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return document.title
            if column == self.DISAGREEMENTS:
                return str(document.disagreements)
            return _number(document.counts.means()["spans_exact_f1"])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TITLE:  # Arabic titles: aligned to the right edge, where they start
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.SPAN_F1:
            return QBrush(QColor(score_color(document.counts.means()["spans_exact_f1"])))
        return None


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
