"""Label all occurrences: every normalised match of a mention, confirmed, then one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Span
from annotator.core.search import find_all, is_whole_word
from annotator.services.editing import Message
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill, translate
from annotator.ui.plain_text import plain_label
from annotator.ui.workspace.label_all_corpus import CorpusMatches
from annotator.ui.workspace.workspace import Workspace

CONTEXT = 25
RANGE_ROLE = Qt.ItemDataRole.UserRole + 1


class LabelAllDialog(QDialog):
    """Lists the proposed matches, checkable; whole-word matches are checked."""

    def __init__(self, workspace: Workspace, start: int, end: int, label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        text = workspace.annotations.text
        self.setWindowTitle(self.tr("Label all occurrences"))
        self.label_box = QComboBox(self)
        for entity in workspace.schema.entities:
            self.label_box.addItem(f"{entity.key} — {entity.name_ar}", entity.key)
        self.label_box.setCurrentIndex(max(0, self.label_box.findData(label)))
        self.label_box.currentIndexChanged.connect(self._propose)
        self.query = text[start:end]
        self.source = (start, end)
        self.list = QListWidget(self)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.summary = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        # The Arabic query is isolated (FSI…PDI) so the quotes around it stay in place.
        title = fill(self.tr("Occurrences of «%1» to label as:"), isolate(self.query))
        self.corpus = CorpusMatches(workspace.project, self.query, workspace.window.annotator,
                                    workspace.session.doc_id, self)
        self.corpus.enabled.toggled.connect(lambda _on: self._enable_ok())
        layout.addWidget(plain_label(title, self))
        layout.addWidget(self.label_box)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        layout.addWidget(self.corpus)
        layout.addWidget(buttons)
        self.accepted.connect(self.apply)
        self._propose()
        self.resize(520, 420)

    @property
    def label(self) -> str:
        """The label to apply."""
        return self.label_box.currentData()

    def _propose(self) -> None:
        annotations = self.workspace.annotations
        text = annotations.text
        self.list.clear()
        assert annotations.document is not None
        for start, end in find_all(text, self.query):
            if annotations.find_span(start, end, self.label) is not None:
                continue  # already labelled so
            candidate = Span("", annotations.document.id, annotations.annotator, start, end,
                             self.label)
            if self.workspace.overlaps(candidate):
                continue  # the schema forbids overlapping spans
            before = text[max(0, start - CONTEXT):start].split("\n")[-1]
            after = text[end:end + CONTEXT].split("\n")[0]
            item = QListWidgetItem(f"…{before}【{text[start:end]}】{after}…")
            item.setData(RANGE_ROLE, (start, end))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            whole = is_whole_word(text, start, end)
            item.setCheckState(Qt.CheckState.Checked if whole else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.summary.setText(self.tr("%n new occurrence(s)", "", self.list.count()))
        self._enable_ok()

    def _enable_ok(self) -> None:
        self.ok_button.setEnabled(self.list.count() > 0 or self.corpus.enabled.isChecked())

    def checked_ranges(self) -> list[tuple[int, int]]:
        """The ranges the user kept checked."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.data(RANGE_ROLE) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def apply(self) -> None:
        """Label the checked ranges as one undoable step, then each other document's
        checked matches as one step of that document's history."""
        ranges = self.checked_ranges()
        document = self.workspace.annotations.document
        if document is None:
            return
        if ranges:
            session = self.workspace.session
            spans = [session.new_span(start, end, self.label) for start, end in ranges]
            message = Message("label_spans", (str(len(spans)), self.query, self.label))
            self.workspace.label_spans(spans, message)
        for doc_id, elsewhere in self.corpus.checked().items():
            self.workspace.label_in_document(doc_id, elsewhere, self.label, self.query)


class LabelAll:
    """The Edit menu action that opens the dialog for the selection or the selected span."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.dialog: LabelAllDialog | None = None
        self._last_label = ""
        workspace.label_chosen.connect(self._remember)
        workspace.window.add_action(
            "edit", translate("Workspace", "Label &All Occurrences…"), self.open, "Ctrl+L"
        )

    def _remember(self, key: str) -> None:
        if self.workspace.schema.entity(key) is not None:
            self._last_label = key

    def open(self) -> LabelAllDialog | None:
        """Propose the matches of the selected span (or of the selected text)."""
        workspace = self.workspace
        span = workspace.annotations.selected_span()
        current = workspace.selected_range()
        if current is not None:
            label = self._last_label or workspace.schema.entity_keys[0]
        elif span is not None:
            current, label = (span.start, span.end), span.label
        else:
            workspace.window.statusBar().showMessage(
                translate("Workspace", "Select a span or some text first"), 3000
            )
            return None
        self.dialog = LabelAllDialog(workspace, *current, label, workspace.window)
        self.dialog.open()
        return self.dialog
