"""The annotation guideline of the label in use, shown as plain text."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.ui.bidi import isolate, isolate_quoted
from annotator.ui.i18n import current_language, fill
from annotator.ui.workspace.workspace import Workspace


class GuidelineView(QPlainTextEdit):
    """Follows the label last chosen or selected; never interprets markup."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setReadOnly(True)
        self.setPlaceholderText(self.tr("Select a label to read its guideline."))
        self._shown = ""
        workspace.label_chosen.connect(self.show_label)
        workspace.window.project_opened.connect(self._forget)

    def _forget(self) -> None:
        """Another project: another schema, other guidelines."""
        self._shown = ""
        self.clear()

    def show_label(self, key: str) -> None:
        """Show the guideline of entity label or event type ``key``."""
        if key == self._shown:
            return
        self._shown = key
        schema = self.workspace.schema
        kind = schema.entity(key) or schema.event(key)
        if kind is None:
            self.clear()
            return
        arabic = current_language() == "ar"
        guideline = (kind.guideline_ar if arabic else "") or kind.guideline
        guideline = isolate_quoted(guideline) or self.tr("(no guideline for this label)")
        # Each name isolated: the heading reads the same in both interface directions.
        names = (kind.name_ar, kind.name_en, kind.key)
        heading = fill("%1 — %2 (%3)", *(isolate(name) for name in names))
        self.setPlainText(f"{heading}\n\n{guideline}")
