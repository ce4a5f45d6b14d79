"""The reading view: an article shown right-to-left, exactly as stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.ui.fonts import reading_font

MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 48


class ReadingView(QPlainTextEdit):
    """A read-only, selectable, right-to-left plain-text view with zoom.

    QPlainTextEdit (not QTextEdit) because it lays out long texts lazily, and
    setPlainText() never interprets markup: ``<b>`` in an article stays ``<b>``.
    """

    font_size_changed = Signal(int)

    def __init__(self, font_family: str, font_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        # Arrow keys move through the text as it is seen, not in logical order.
        self.document().setDefaultCursorMoveStyle(Qt.CursorMoveStyle.VisualMoveStyle)
        self.document().setDocumentMargin(16)
        self._font_family = font_family
        self._font_size = font_size
        self._apply_font()
        # Painters drawn over the text after each paint (span underlines, boxes...),
        # given the viewport rectangle being painted.
        self.decorations: list[Callable[[QPainter, QRect], None]] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the text, then each decoration on top of it."""
        super().paintEvent(event)
        if self.decorations:
            painter = QPainter(self.viewport())
            try:
                for decorate in self.decorations:
                    decorate(painter, event.rect())
            finally:
                painter.end()

    def show_text(self, text: str) -> None:
        """Show ``text`` as plain text and scroll to its start."""
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.Start)

    @property
    def font_size(self) -> int:
        """The current point size."""
        return self._font_size

    def set_font_family(self, family: str) -> None:
        """Use another font family for the text."""
        self._font_family = family
        self._apply_font()

    def set_font_size(self, size: int) -> None:
        """Set the point size, clamped to a readable range."""
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        if size != self._font_size:
            self._font_size = size
            self._apply_font()
            self.font_size_changed.emit(size)

    def zoom_in(self) -> None:
        """Make the text larger."""
        self.set_font_size(self._font_size + 1)

    def zoom_out(self) -> None:
        """Make the text smaller."""
        self.set_font_size(self._font_size - 1)

    def _apply_font(self) -> None:
        font = reading_font(self._font_family, self._font_size)
        self.setFont(font)
        self.document().setDefaultFont(font)
