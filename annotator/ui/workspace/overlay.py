"""Lines and boxes drawn over the text: stacked underlines, trigger boxes, selection.

Every entity span gets an underline in its label colour; overlapping spans sit
on different levels, so a span nested in another shows two lines. Event
triggers get a box in the event colour, the selected annotation a thick box,
and the arguments of the selected event a dashed box.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.span_index import Interval, stack_levels
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette

UNDERLINE_GAP = 3
SELECTED = QColor("#C2185B")


class SpanOverlay:
    """Paints on the reading view's viewport after the text (see ReadingView.decorations)."""

    def __init__(self, view: QPlainTextEdit, annotations: AnnotationSet, palette: Palette):
        self.view = view
        self.annotations = annotations
        self.palette = palette

    def paint(self, painter: QPainter) -> None:
        """Draw the decorations of the visible part of the text."""
        blocks = list(self._visible_blocks())
        if not blocks:
            return
        start = blocks[0].position()
        end = blocks[-1].position() + blocks[-1].length()
        spans = self.annotations.span_index.overlapping(start, end)
        triggers = self.annotations.trigger_index.overlapping(start, end)
        levels = stack_levels(spans)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for block in blocks:
            self._paint_block(painter, block, spans, triggers, levels)

    def _visible_blocks(self) -> Iterator[QTextBlock]:
        view = self.view
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        bottom = view.viewport().height()
        while block.isValid():
            top = view.blockBoundingGeometry(block).translated(offset).top()
            if top > bottom:
                return
            if block.isVisible():
                yield block
            block = block.next()

    def _paint_block(self, painter, block, spans, triggers, levels) -> None:
        start, end = block.position(), block.position() + block.length() - 1
        origin = self.view.blockBoundingGeometry(block).translated(self.view.contentOffset())
        layout = block.layout()
        selected = self.annotations.selected_id
        event = self.annotations.selected_event()
        argument_ids = {a.span_id for a in event.arguments} if event else set()
        for item in spans:
            if item.end <= start or item.start >= end:
                continue
            label = self.annotations.spans[item.id].label
            pen = QPen(self.palette.line_color(label), 2)
            for rect in self._rects(layout, origin.topLeft(), start, item):
                y = rect.bottom() - 1 - UNDERLINE_GAP * levels.get(item.id, 0)
                painter.setPen(pen)
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                if item.id in argument_ids:
                    painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(rect.adjusted(0, 1, 0, -1))
        for item in triggers:
            if item.end <= start or item.start >= end:
                continue
            event_type = self.annotations.events[item.id].type
            painter.setPen(QPen(self.palette.line_color(event_type), 2))
            for rect in self._rects(layout, origin.topLeft(), start, item):
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        interval = self.annotations.interval(selected) if selected else None
        if interval is not None and interval.end > start and interval.start < end:
            painter.setPen(QPen(SELECTED, 2))
            for rect in self._rects(layout, origin.topLeft(), start, interval):
                painter.drawRect(rect.adjusted(-1, 0, 1, 0))

    @staticmethod
    def _rects(layout, origin: QPointF, block_start: int, item: Interval) -> Iterator[QRectF]:
        """Rectangles covering ``item`` on each line of a block (viewport coordinates)."""
        first = max(item.start - block_start, 0)
        last = item.end - block_start
        for index in range(layout.lineCount()):
            line: QTextLine = layout.lineAt(index)
            line_start, line_end = line.textStart(), line.textStart() + line.textLength()
            if line_end <= first or line_start >= last:
                continue
            x1 = line.cursorToX(max(first, line_start))[0]
            x2 = line.cursorToX(min(last, line_end))[0]
            left, right = min(x1, x2), max(x1, x2)
            top = origin.y() + layout.position().y() + line.y()
            yield QRectF(origin.x() + left, top, right - left, line.height())
