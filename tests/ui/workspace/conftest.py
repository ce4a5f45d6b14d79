"""Fixtures and helpers for driving the annotation workspace with keys and mouse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.core.model import Event, Span
from annotator.services.projects import new_project, open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.workspace import WorkspaceFeature

# Written for these tests: harakat (وزيرُ، وفدٍ، مؤكدًا), tatweel (الـــأمم), an emoji,
# a flag (two astral characters), RLM and LRM marks, guillemets and Arabic punctuation.
ARTICLE = (
    "الموصل - (خاص): اجتمع وزيرُ الخارجية «سعيد الكرخي» مع وفدٍ من الـــأمم المتحدة "
    "في الموصل يوم 3 نيسان 2025 😀.\n"
    "وقال\u200f إن اللقاء \u200e«مثمر»\u200f، مؤكدًا أن وزارة الخارجية العراقية "
    "ستتابع الملف في الموصل 🇮🇶."
)
SECOND = "أعلنت الشركة الوطنية للنفط في البصرة عن زيادة الإنتاج."
THIRD = "افتتح المحافظ جسرًا جديدًا على نهر دجلة أمس."


@dataclass
class Workbench:
    """A main window on the test project, with the workspace parts and the project path."""

    window: MainWindow
    feature: WorkspaceFeature
    path: Path
    qtbot: object

    @property
    def view(self):
        return self.window.reading_view

    @property
    def workspace(self):
        return self.feature.workspace

    @property
    def text(self) -> str:
        return self.workspace.annotations.text

    # -- reading what the project file holds (through a separate connection) --

    def stored_spans(self) -> list[Span]:
        with open_project(self.path) as store:
            doc_id = self.window.current_document_id
            return store.annotations.spans(doc_id, self.window.annotator)

    def stored_events(self) -> list[Event]:
        with open_project(self.path) as store:
            return store.annotations.events(self.window.current_document_id,
                                            self.window.annotator)

    def stored_texts(self) -> list[tuple[str, str]]:
        return [(s.covered(self.text), s.label) for s in self.stored_spans()]

    # -- driving the view --------------------------------------------------------

    def point_of(self, offset: int) -> QPoint:
        """Viewport point of the caret before code point ``offset``."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.workspace.annotations.offsets.to_qt(offset))
        return self.view.cursorRect(cursor).center()

    def char_point(self, offset: int) -> QPoint:
        """Viewport point in the middle of the character at code point ``offset``."""
        a, b = self.point_of(offset), self.point_of(offset + 1)
        return QPoint((a.x() + b.x()) // 2, a.y())

    def mouse(self, kind: QEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, QPointF(point), QPointF(self.view.viewport().mapToGlobal(point)),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.view.viewport(), event)

    def drag(self, start: int, end: int) -> str:
        """Select from code point ``start`` to ``end`` with the mouse; returns the selection."""
        left = Qt.MouseButton.LeftButton
        self.mouse(QEvent.Type.MouseButtonPress, self.point_of(start), left)
        self.mouse(QEvent.Type.MouseMove, self.point_of(end), left)
        self.mouse(QEvent.Type.MouseButtonRelease, self.point_of(end), Qt.MouseButton.NoButton)
        return self.view.textCursor().selectedText()

    def click(self, offset: int) -> None:
        """Click the character at code point ``offset``."""
        self.qtbot.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton,
                              pos=self.char_point(offset))

    def double_click(self, offset: int) -> str:
        """Double-click the word holding code point ``offset``; returns the selection."""
        self.qtbot.mouseDClick(self.view.viewport(), Qt.MouseButton.LeftButton,
                               pos=self.char_point(offset))
        self.qtbot.wait(5)  # let the (shortened) triple-click timer run out
        return self.view.textCursor().selectedText()

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
        self.qtbot.keyClick(widget or self.view, key, modifier)

    def find(self, needle: str, occurrence: int = 1) -> int:
        position = -1
        for _ in range(occurrence):
            position = self.text.index(needle, position + 1)
        return position


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    """A project with three short Arabic articles, the first one full of tricky characters."""
    path = tmp_path / "articles.annproj"
    with new_project(path) as store:
        store.documents.add(ARTICLE, "اجتماع في الموصل")
        store.documents.add(SECOND, "النفط")
        store.documents.add(THIRD, "جسر جديد")
    return path


@pytest.fixture
def bench(make_window, article_path: Path, qtbot) -> Iterator[Callable[..., Workbench]]:
    """The workspace on ``article_path`` (or another project), annotator amal."""
    # A click soon after a double-click would be a triple-click (selecting the line):
    # tests click faster than people do.
    hints = QGuiApplication.styleHints()
    interval = hints.mouseDoubleClickInterval()
    hints.setMouseDoubleClickInterval(1)

    def make(path: Path = article_path) -> Workbench:
        window = make_window(str(path))
        feature = next(f for f in window.features if isinstance(f, WorkspaceFeature))
        window.reading_view.setFocus()
        return Workbench(window, feature, path, qtbot)

    yield make
    hints.setMouseDoubleClickInterval(interval)


@pytest.fixture
def bench_once(bench) -> Workbench:
    """One workbench for all the examples of a property test."""
    return bench()
