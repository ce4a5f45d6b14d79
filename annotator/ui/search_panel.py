"""Edit › Search Project: every place a text occurs across the documents, in context.

Keyword in context, right to left: the words before a hit stand on its right,
the words after it on its left, as an Arabic reader reads them. With a label,
an annotator or "lacking" chosen, the panel lists spans instead (every ORG whose
text is «الحشد الشعبي»; amal's spans karim has not drawn). Activating a hit
opens its document with the hit selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
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

from annotator.core.errors import AnnotatorError
from annotator.services.search import Hit, SearchQuery
from annotator.ui.i18n import translate
from annotator.ui.table_model import AnyIndex, TableModel

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

MATCH_COLOUR = QColor("#8a3b00")


class HitModel(TableModel):
    """One row per hit: title, context before, the hit, context after, label, annotator."""

    TITLE, BEFORE, MATCH, AFTER, LABEL, ANNOTATOR = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("HitModel", "Document"),
        QT_TRANSLATE_NOOP("HitModel", "Before"),
        QT_TRANSLATE_NOOP("HitModel", "Found"),
        QT_TRANSLATE_NOOP("HitModel", "After"),
        QT_TRANSLATE_NOOP("HitModel", "Label"),
        QT_TRANSLATE_NOOP("HitModel", "Annotator"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        """Show ``hits``."""
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def row_count(self) -> int:
        """How many hits are shown."""
        return len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, column = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (hit.title, hit.before, hit.match, hit.after, hit.label, hit.annotator)
            return values[column] or ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # In a right-to-left view, Trailing is the left: the context touches the hit.
            if column == self.BEFORE:
                return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            if column == self.AFTER:
                return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter) if column == self.MATCH else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.MATCH:
            return MATCH_COLOUR  # colour, not bold: bold inside a word breaks Arabic joining
        return None


class SearchPanel(QWidget):
    """The query, its filters and the hits of the window's project."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Text to find in every document…"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.label = self._combo(self.tr("any label"))
        self.annotator = self._combo(self.tr("any annotator"))
        self.lacking = self._combo(self.tr("no one else"))
        self.exact = QCheckBox(self.tr("Whole span"), self)
        self.exact.setToolTip(self.tr("A span's whole text must be the query"))
        self.summary = QLabel(self)
        self.model = HitModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (HitModel.BEFORE, HitModel.AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.open_hit)
        self._lay_out()

    def _combo(self, anyone: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(anyone, None)
        return combo

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Label:"), self.label),
            (self.tr("Annotator:"), self.annotator),
            (self.tr("Lacking in:"), self.lacking),
        ):
            filters.addWidget(QLabel(text, self))
            filters.addWidget(widget, 1)
        filters.addWidget(self.exact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def refresh_choices(self) -> None:
        """Offer the project's labels and annotators in the filters."""
        project = self.window.project
        labels, names = project.search_choices() if project else ([], [])
        for combo, values in ((self.label, labels), (self.annotator, names), (self.lacking, names)):
            chosen = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.model.set_hits([])
        self.summary.clear()

    def run(self) -> None:
        """Search the project for what the panel says."""
        project = self.window.project
        if project is None:
            return
        query = SearchQuery(
            self.query.text(),
            self.label.currentData(),
            self.annotator.currentData(),
            self.lacking.currentData(),
            self.exact.isChecked(),
        )
        if not query.of_spans and not self.query.text().strip():
            return
        try:
            hits = project.search(query)
        except AnnotatorError as exc:
            self.window.show_error(str(exc))
            return
        self.model.set_hits(hits)
        self.table.resizeColumnToContents(HitModel.TITLE)
        text = self.tr("%n hit(s)", "", len(hits))
        if len(hits) >= query.limit:
            text += " " + self.tr("(the first ones only: narrow the search)")
        self.summary.setText(text)

    def open_hit(self, index: AnyIndex) -> None:
        """Open the hit's document with the hit selected."""
        hit = self.model.hits[index.row()]
        window = self.window
        window.document_list.select(hit.document_id)
        if window.current_document_id != hit.document_id:
            window.open_document(hit.document_id)
        workspace = next(
            (f.workspace for f in window.features if hasattr(f, "workspace")), None
        )
        if workspace is not None and hit.start >= 0:
            workspace.select_range(hit.start, hit.end)
            workspace.view.setFocus()


def install(window: MainWindow) -> SearchPanel:
    """Add the Search dock (bottom) and Edit › Search Project (Ctrl+Shift+F)."""
    panel = SearchPanel(window)
    dock = window.add_dock(
        "search",
        translate("SearchPanel", "Search Project"),
        panel,
        Qt.DockWidgetArea.BottomDockWidgetArea,
    )
    dock.hide()

    def show() -> None:
        dock.show()
        dock.raise_()
        panel.query.setFocus()
        panel.query.selectAll()

    window.add_action("edit", translate("SearchPanel", "Search &Project…"), show, "Ctrl+Shift+F")
    window.project_opened.connect(panel.refresh_choices)
    window.reloaded.connect(panel.refresh_choices)
    return panel
