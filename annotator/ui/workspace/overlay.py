"""Lines and boxes drawn over the text: stacked underlines, trigger boxes, selection.

Every entity span gets an underline in its label colour; overlapping spans sit
on different levels, so a span nested in another shows two lines. Event
triggers get a box in the event colour, the selected annotation a thick box,
and the arguments of the selected event a dashed box.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.span_index import Interval, stack_levels
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette

UNDERLINE_GAP = 3
SELECTED = QColor("#C2185B")


@dataclass
class BlockShapes:
    """Where the annotations of one block are, relative to the block's top-left corner."""

    signature: tuple[int, ...]
    spans: dict[str, list[QRectF]]
    triggers: dict[str, list[QRectF]]
    levels: dict[str, int]


class SpanOverlay:
    """Paints on the reading view's viewport after the text (see ReadingView.decorations).

    The shapes of each block's annotations are measured once and cached until
    the block's annotations or its layout (width, zoom) change, so a repaint
    after a keystroke only draws. Levels of stacked underlines are per block.
    """

    def __init__(self, view: QPlainTextEdit, annotations: AnnotationSet, palette: Palette):
        self.view = view
        self.annotations = annotations
        self.palette = palette
        self._shapes: dict[int, BlockShapes] = {}
        annotations.reset.connect(self._shapes.clear)
        annotations.range_changed.connect(self.invalidate)

    def invalidate(self, start: int, end: int) -> None:
        """Forget the shapes of the blocks holding Qt positions ``[start, end)``."""
        block = self.view.document().findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            self._shapes.pop(block.blockNumber(), None)
            block = block.next()

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the decorations of the blocks visible in ``area`` of the viewport."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pens: dict[str, QPen] = {}
        for block, origin in self._visible_blocks(area):
            shapes = self._block_shapes(block)
            if shapes.spans or shapes.triggers:
                self._paint_block(painter, shapes, origin, pens)

    def _visible_blocks(self, area: QRect) -> Iterator[tuple[QTextBlock, QPointF]]:
        return visible_blocks(self.view, area)

    def _block_shapes(self, block: QTextBlock) -> BlockShapes:
        layout = block.layout()
        signature = (block.revision(), layout.lineCount(), self.view.viewport().width(),
                     self.view.font().pointSize())
        shapes = self._shapes.get(block.blockNumber())
        if shapes is not None and shapes.signature == signature:
            return shapes
        bounds = (block.position(), block.position() + block.length() - 1)
        spans = self.annotations.span_index.overlapping(*bounds)
        triggers = self.annotations.trigger_index.overlapping(*bounds)
        shapes = BlockShapes(
            signature,
            {item.id: list(block_rects(layout, bounds, item)) for item in spans},
            {item.id: list(block_rects(layout, bounds, item)) for item in triggers},
            stack_levels(spans),
        )
        self._shapes[block.blockNumber()] = shapes
        return shapes

    def _pen(self, pens: dict[str, QPen], key: str) -> QPen:
        pen = pens.get(key)
        if pen is None:
            pen = pens[key] = QPen(self.palette.line_color(key), 2)
        return pen

    def _paint_block(self, painter: QPainter, shapes: BlockShapes, origin: QPointF,
                     pens: dict[str, QPen]) -> None:
        """Underlines, trigger boxes, then the argument and selection boxes on top."""
        annotations = self.annotations
        for span_id, rects in shapes.spans.items():
            painter.setPen(self._pen(pens, annotations.spans[span_id].label))
            lift = 1 + UNDERLINE_GAP * shapes.levels[span_id]
            for rect in rects:
                y = origin.y() + rect.bottom() - lift
                painter.drawLine(QPointF(origin.x() + rect.left(), y),
                                 QPointF(origin.x() + rect.right(), y))
        for event_id, rects in shapes.triggers.items():
            painter.setPen(self._pen(pens, annotations.events[event_id].type))
            for rect in rects:
                painter.drawRoundedRect(rect.translated(origin).adjusted(1, 1, -1, -1), 3, 3)
        event = annotations.selected_event()
        if event is not None:
            painter.setPen(QPen(SELECTED, 1, Qt.PenStyle.DashLine))
            for argument in event.arguments:
                for rect in shapes.spans.get(argument.span_id, ()):
                    painter.drawRect(rect.translated(origin).adjusted(0, 1, 0, -1))
        selected = annotations.selected_id
        rects = shapes.spans.get(selected) or shapes.triggers.get(selected) if selected else None
        if rects:
            painter.setPen(QPen(SELECTED, 2))
            for rect in rects:
                painter.drawRect(rect.translated(origin).adjusted(-1, 0, 1, 0))


def block_rects(layout: QTextLayout, block: tuple[int, int], item: Interval) -> Iterator[QRectF]:
    """Rectangles covering ``item`` on each line of a block, relative to the block.

    Every position in the range is measured, not just both ends: a left-to-right
    run (a Latin name, digits) inside Arabic has ambiguous ends, where the two
    end positions can both sit on one side of the run.
    """
    block_start, block_end = block
    first = max(item.start - block_start, 0)
    last = min(item.end, block_end) - block_start
    first_line = layout.lineForTextPosition(first).lineNumber()
    last_line = layout.lineForTextPosition(max(first, last - 1)).lineNumber()
    top = layout.position().y()
    for number in range(first_line, last_line + 1):
        line: QTextLine = layout.lineAt(number)
        start = max(first, line.textStart())
        end = min(last, line.textStart() + line.textLength())
        xs = [line.cursorToX(position)[0] for position in range(start, end + 1)]
        yield QRectF(min(xs), top + line.y(), max(xs) - min(xs), line.height())


def visible_blocks(view: QPlainTextEdit, area: QRect) -> Iterator[tuple[QTextBlock, QPointF]]:
    """The blocks of ``view`` that ``area`` of its viewport shows, with their origins."""
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > area.bottom():
            return
        if block.isVisible() and geometry.bottom() >= area.top():
            yield block, geometry.topLeft()
        block = block.next()
