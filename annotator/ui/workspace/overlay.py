"""Lines and boxes drawn over the text: stacked underlines, trigger boxes, selection.

Every entity span gets an underline in its label colour; overlapping spans sit
on different levels, so a span nested in another shows two lines. Event
triggers get a box in the event colour, the selected annotation a thick box,
and the arguments of the selected event a dashed box.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.span_index import Interval, stack_levels
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette

UNDERLINE_GAP = 3
SELECTED = QColor("#C2185B")


class SpanOverlay:
    """Paints on the reading view's viewport after the text (see ReadingView.decorations).

    Levels of stacked underlines are computed per block, so painting a part of
    the view (after one keystroke) draws the same lines as painting all of it.
    """

    def __init__(self, view: QPlainTextEdit, annotations: AnnotationSet, palette: Palette):
        self.view = view
        self.annotations = annotations
        self.palette = palette

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the decorations of the blocks visible in ``area`` of the viewport."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pens: dict[str, QPen] = {}
        for block, origin in self._visible_blocks(area):
            self._paint_block(painter, block, origin, pens)

    def _visible_blocks(self, area: QRect) -> Iterator[tuple[QTextBlock, QPointF]]:
        view = self.view
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                return
            if block.isVisible() and geometry.bottom() >= area.top():
                yield block, geometry.topLeft()
            block = block.next()

    def _pen(self, pens: dict[str, QPen], key: str) -> QPen:
        pen = pens.get(key)
        if pen is None:
            pen = pens[key] = QPen(self.palette.line_color(key), 2)
        return pen

    def _paint_block(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                     pens: dict[str, QPen]) -> None:
        """Underlines (stacked per block), trigger boxes, argument and selection boxes."""
        annotations = self.annotations
        start, end = block.position(), block.position() + block.length() - 1
        spans = annotations.span_index.overlapping(start, end)
        triggers = annotations.trigger_index.overlapping(start, end)
        if not spans and not triggers:
            return
        layout = block.layout()
        levels = stack_levels(spans)
        event = annotations.selected_event()
        argument_ids = {a.span_id for a in event.arguments} if event else set()
        for item in spans:
            painter.setPen(self._pen(pens, annotations.spans[item.id].label))
            for rect in self._rects(layout, origin, (start, end), item):
                y = rect.bottom() - 1 - UNDERLINE_GAP * levels[item.id]
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            if item.id in argument_ids:
                painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
                for rect in self._rects(layout, origin, (start, end), item):
                    painter.drawRect(rect.adjusted(0, 1, 0, -1))
        for item in triggers:
            painter.setPen(self._pen(pens, annotations.events[item.id].type))
            for rect in self._rects(layout, origin, (start, end), item):
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        selected = annotations.selected_id
        interval = annotations.interval(selected) if selected else None
        if interval is not None and interval.end > start and interval.start < end:
            painter.setPen(QPen(SELECTED, 2))
            for rect in self._rects(layout, origin, (start, end), interval):
                painter.drawRect(rect.adjusted(-1, 0, 1, 0))

    @staticmethod
    def _rects(layout: QTextLayout, origin: QPointF, block: tuple[int, int],
               item: Interval) -> Iterator[QRectF]:
        """Rectangles covering ``item`` on each line of a block (viewport coordinates)."""
        block_start, block_end = block
        first = max(item.start - block_start, 0)
        last = min(item.end, block_end) - block_start
        first_line = layout.lineForTextPosition(first).lineNumber()
        last_line = layout.lineForTextPosition(max(first, last - 1)).lineNumber()
        top_of_layout = origin.y() + layout.position().y()
        for number in range(first_line, last_line + 1):
            line: QTextLine = layout.lineAt(number)
            line_start, line_end = line.textStart(), line.textStart() + line.textLength()
            x1 = line.cursorToX(max(first, line_start))[0]
            x2 = line.cursorToX(min(last, line_end))[0]
            left, right = min(x1, x2), max(x1, x2)
            yield QRectF(origin.x() + left, top_of_layout + line.y(), right - left, line.height())
