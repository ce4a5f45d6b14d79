"""Suggestions drawn over the text, distinct from one's own annotations.

One's own spans are solid underlines and trigger boxes (overlay.py); a
suggestion is a dashed box in its label's colour over a light translucent tint, dotted for
an event trigger. No font change (bold or italic would break Arabic letter
joining); boxes are measured with the line's own cursorToX, so right-to-left
runs come out right. Nested or overlapping suggestions are inset by level, so
each outline stays visible inside the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.recommenders import ItemKind
from annotator.core.span_index import Interval, stack_levels
from annotator.services.suggestions import Suggestion
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette
from annotator.ui.workspace.overlay import block_rects, visible_blocks

TINT_ALPHA = 36
LEVEL_INSET = 2.0
CURRENT = QColor("#1565C0")


class SuggestionOverlay:
    """Paints the suggestions of the shown document (a ReadingView decoration)."""

    def __init__(self, view: QPlainTextEdit, annotations: AnnotationSet, palette: Palette):
        self.view = view
        self.annotations = annotations
        self.palette = palette
        self.items: Sequence[Suggestion] = ()
        self.current: Suggestion | None = None
        self.visible = True

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the suggestions of the blocks visible in ``area``."""
        if not self.items or not self.visible:
            return
        offsets = self.annotations.offsets
        qt_ranges = [offsets.range_to_qt(item.start, item.end) for item in self.items]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for block, origin in visible_blocks(self.view, area):
            bounds = (block.position(), block.position() + block.length() - 1)
            inside = [
                Interval(start, end, str(index))
                for index, (start, end) in enumerate(qt_ranges)
                if start < bounds[1] + 1 and end > bounds[0]
            ]
            if not inside:
                continue
            levels = stack_levels(inside)
            for interval in inside:
                item = self.items[int(interval.id)]
                inset = LEVEL_INSET * levels[interval.id]
                for rect in block_rects(block.layout(), bounds, interval):
                    self._draw(painter, item, rect.translated(origin), inset)

    def _draw(self, painter: QPainter, item: Suggestion, rect: QRectF, inset: float) -> None:
        color = self.palette.line_color(item.label)
        box = rect.adjusted(inset, 1 + inset, -inset, -1 - inset)
        fill = QColor(color)  # translucent: drawn after the text, which must show through
        fill.setAlpha(TINT_ALPHA)
        painter.fillRect(box, fill)
        style = Qt.PenStyle.DotLine if item.kind is ItemKind.EVENT else Qt.PenStyle.DashLine
        is_current = self.current is not None and item.key == self.current.key
        pen = QPen(CURRENT if is_current else color, 2 if is_current else 1, style)
        painter.setPen(pen)
        painter.drawRect(box)

