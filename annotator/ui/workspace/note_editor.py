"""The note editor: a comment and an "unsure" flag on a span, an event or the document.

Opened with N on the selected annotation (or on the document when none is
selected); Ctrl+Return saves, Escape cancels. U flips the "unsure" flag of the
selected annotation without opening anything. The editor only returns the new
note: the workspace saves it as an undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.notes import MAX_NOTE_LENGTH, Note
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill


class NoteEditor(QDialog):
    """Edits one note; ``note()`` is the result once accepted."""

    def __init__(self, note: Note, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = note
        self.setWindowTitle(self.tr("Note"))
        heading = QLabel(fill(self.tr("Note on %1"), isolate(subject)), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(note.text)
        self.text_edit.setPlaceholderText(self.tr("Why, what to check, what to ask…"))
        self.text_edit.setTabChangesFocus(True)
        self.unsure_check = QCheckBox(self.tr("&Unsure: check this again"), self)
        self.unsure_check.setChecked(note.unsure)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.unsure_check)
        layout.addWidget(buttons)
        self.resize(420, 240)
        self.text_edit.setFocus()
        cursor = self.text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text_edit.setTextCursor(cursor)

    def note(self) -> Note:
        """The note as edited (text trimmed, at most MAX_NOTE_LENGTH characters)."""
        original = self._original
        text = self.text_edit.toPlainText().strip()[:MAX_NOTE_LENGTH]
        return Note(original.target_id, original.kind, original.document_id, original.annotator,
                    text, self.unsure_check.isChecked())
