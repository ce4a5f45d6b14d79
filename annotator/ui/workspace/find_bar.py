"""Find in the document (Ctrl+F), ignoring harakat, tatweel and hamza forms."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from annotator.core.search import NormalizedText, find_all, normalize
from annotator.ui.i18n import translate
from annotator.ui.workspace.workspace import Workspace


class FindBar(QToolBar):
    """A bar under the text: Enter finds the next hit, Shift+Enter the previous, Esc closes."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(translate("Workspace", "Find"), workspace.window)
        self.setObjectName("find_bar")
        self.workspace = workspace
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find (harakat and hamza ignored)…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        self.addWidget(self.edit)
        self.addAction(self.tr("Previous"), lambda: self.step(-1))
        self.addAction(self.tr("Next"), lambda: self.step(1))
        self.addWidget(self.count)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._normalized: tuple[str, NormalizedText] | None = None
        workspace.annotations.reset.connect(lambda: self._search(self.edit.text()))
        workspace.window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self)
        self.hide()
        workspace.window.add_action("edit", self.tr("&Find…"), self.open, "Ctrl+F")

    def open(self) -> None:
        """Show the bar with the selected text (if any) as the query."""
        self.show()
        selected = self.workspace.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.edit.selectAll()
        self.edit.setFocus()

    def _search(self, query: str) -> None:
        self.hits = []
        if query.strip():
            # Normalised once per document, and only when something is searched for.
            text = self.workspace.annotations.text
            if self._normalized is None or self._normalized[0] is not text:
                self._normalized = (text, normalize(text))
            self.hits = find_all(text, query, self._normalized[1])
        self.current = -1
        self.step(1)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) hit in the text."""
        if not self.hits:
            self.count.setText(self.tr("no match") if self.edit.text() else "")
            return
        self.current = (self.current + direction) % len(self.hits)
        self.workspace.select_range(*self.hits[self.current])
        self.workspace.view.centerCursor()
        self.count.setText(f"{self.current + 1} / {len(self.hits)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if back else 1)
                return True
            if key_event.key() == Qt.Key.Key_Escape:
                self.hide()
                self.workspace.view.setFocus()
                return True
        return super().eventFilter(watched, event)
