"""What the window remembers between runs: its size and place, maximised or not, the
dock layout, and per project the last document and where in it the reader was.

Qt's own facilities do the work: ``saveGeometry``/``restoreGeometry`` (size, place,
maximised, the screen) and ``saveState``/``restoreState`` (docks, by object name),
kept in the application's QSettings INI file. The reading place is the code point at
the top of the view (not a scroll-bar value, which depends on the font and the width).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor

from annotator.core.offsets import OffsetMap

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
STATE_VERSION = 1  # raise when the docks change so much that an old layout would confuse


def project_key(path: Path) -> str:
    """The settings group of one project file (its absolute path, hashed)."""
    # fsencode: a file name that is not UTF-8 hashes as the bytes it is; a server
    # project (a ServerLocation) as its URL without password.
    digest = hashlib.sha1(os.fsencode(str(path.resolve()))).hexdigest()[:16]
    return f"projects/{digest}"


class WindowState(QObject):
    """Restores the window at start-up and remembers it as the user works."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._restoring_place: int | None = None
        self.restore_layout()
        window.installEventFilter(self)
        window.project_opened.connect(self.open_last_document)
        window.document_opened.connect(self._document_opened)

    # -- layout -------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Size, place, maximised state and docks as they were at the last close."""
        settings = self.window.settings
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        state = settings.value(self._state_key())
        if state is not None:
            self.window.restoreState(state, STATE_VERSION)

    def _state_key(self) -> str:
        """Docks per interface direction: an Arabic interface mirrors the dock areas."""
        direction = self.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return f"{STATE_KEY}/{'rtl' if direction else 'ltr'}"

    def save(self) -> None:
        """Remember the layout and the reading place in the open project."""
        settings = self.window.settings
        settings.set_value(GEOMETRY_KEY, self.window.saveGeometry())
        settings.set_value(self._state_key(), self.window.saveState(STATE_VERSION))
        self.remember_place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save when the window closes (before it closes its project)."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return super().eventFilter(watched, event)

    # -- the reading place per project ------------------------------------------------------

    def _key(self) -> str | None:
        project = self.window.project
        return project_key(project.path) if project is not None else None

    def remember_place(self) -> None:
        """Store the current document and the code point at the top of the view."""
        key, doc_id = self._key(), self.window.current_document_id
        if key is None or doc_id is None:
            return
        view = self.window.reading_view
        corner = QPoint(view.viewport().width() - 1, 0)  # right to left: the line starts right
        position = view.cursorForPosition(corner).position()
        offset = OffsetMap(view.toPlainText()).from_qt(position)
        settings = self.window.settings
        settings.set_value(f"{key}/document", doc_id)
        settings.set_value(f"{key}/offset/{doc_id}", offset)

    def open_last_document(self) -> None:
        """Open the document read last in this project, if it is still there."""
        key = self._key()
        doc_id = self.window.settings.value(f"{key}/document") if key else None
        if doc_id:  # select() passes over a document the list does not show
            self.window.document_list.select(str(doc_id))

    def _document_opened(self, doc_id: str) -> None:
        """Leaving a document remembers where it was read; opening one goes back there."""
        key = self._key()
        if key is None:
            return
        self.window.settings.set_value(f"{key}/document", doc_id)
        offset = self.window.settings.value(f"{key}/offset/{doc_id}")
        if offset is not None:
            # Once the view has laid the text out at its size.
            QTimer.singleShot(0, lambda: self.scroll_to(doc_id, int(offset)))

    def scroll_to(self, doc_id: str, offset: int) -> None:
        """Put the line holding code point ``offset`` at the top of the view."""
        if self.window.current_document_id != doc_id:
            return
        view = self.window.reading_view
        text = view.toPlainText()
        position = OffsetMap(text).to_qt(min(max(offset, 0), len(text)))
        cursor = view.textCursor()
        cursor.setPosition(position)
        view.setTextCursor(cursor)
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())  # from the end, showing the cursor brings its line to the top
        view.ensureCursorVisible()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        view.setTextCursor(cursor)


def install(window: MainWindow) -> WindowState:
    """Remember ``window``'s layout and reading places (installed after every dock exists)."""
    return WindowState(window)
