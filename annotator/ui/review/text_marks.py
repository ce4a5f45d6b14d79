"""Marks on the adjudication text: gold spans in their label colour, disagreements underlined."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.core.disagreements import Disagreement
from annotator.core.model import Span
from annotator.core.offsets import OffsetMap
from annotator.core.schema import Schema
from annotator.ui.workspace.colors import Palette

DISAGREEMENT = QColor("#d93025")
CURRENT = QColor("#fff2a8")


class TextMarks:
    """Draws extra selections on a plain-text view; offsets are code points."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self.palette = Palette(None)
        self.offsets = OffsetMap("")

    def set_schema(self, schema: Schema) -> None:
        """Use the colours of ``schema``."""
        self.palette = Palette(schema)

    def set_offsets(self, offsets: OffsetMap) -> None:
        """Convert offsets with ``offsets`` (built on the text shown)."""
        self.offsets = offsets

    def show(
        self,
        spans: Sequence[Span],
        gold: Sequence[Span],
        regions: Sequence[Disagreement],
        current: Disagreement | None,
    ) -> None:
        """Mark the annotators' ``spans`` (underlined in their label colour), the current
        region, every disagreement (red wave) and every gold span (label background)."""
        selections = [
            self._selection(s.start, s.end, line=self.palette.line_color(s.label)) for s in spans
        ]
        if current is not None:
            selections.append(self._selection(current.start, current.end, background=CURRENT))
        for region in regions:
            selections.append(self._selection(region.start, region.end, line=DISAGREEMENT))
        for span in gold:
            colour = self.palette.color(span.label)
            selections.append(self._selection(span.start, span.end, background=colour))
        self.view.setExtraSelections(selections)

    def scroll_to(self, offset: int) -> None:
        """Bring code-point ``offset`` into view."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.offsets.to_qt(offset))
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def _selection(
        self, start: int, end: int, background: QColor | None = None, line: QColor | None = None
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.document())
        qt_start, qt_end = self.offsets.range_to_qt(start, end)
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        if background is not None:
            fmt.setBackground(background)
        if line is DISAGREEMENT:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(line)
        elif line is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(line)
        selection.format = fmt
        return selection
