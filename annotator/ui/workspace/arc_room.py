"""Where an argument arc may rise: not into the glyphs of the line above.

The reading view's lines follow each other with no gap (QPlainTextEdit ignores a
block's line height), so an arc drawn above a line's box runs into the descenders
of the line before. What the line above leaves free differs along it: between
words and over letters that sit on the baseline there is room, under a descender
(ر و ي ن …) almost none. So the room is measured glyph by glyph: the ink rectangles
of the line above, in viewport coordinates, and the lowest of them over a stretch.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

LineKey = tuple[int, int]  # (block number, line index in the block)


def glyph_rects(view: QPlainTextEdit, block: QTextBlock, line_index: int) -> list[QRectF]:
    """The ink rectangle of every glyph on one visual line, in viewport coordinates."""
    layout = block.layout()
    if layout is None or not 0 <= line_index < layout.lineCount():
        return []
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    rects = []
    for run in layout.lineAt(line_index).glyphRuns():
        font = run.rawFont()
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            ink = font.boundingRect(glyph)
            if not ink.isEmpty():  # spaces have no ink
                rects.append(ink.translated(position).translated(origin))
    return rects


COLUMN = 4.0  # pixels: the line above's ink is kept as the lowest glyph per column
CACHE_LINES = 4000  # lines whose columns are kept between paints


class _Columns:
    """The lowest ink per COLUMN-wide column of one line, relative to its block's origin."""

    def __init__(self, rects: list[QRectF], origin: QPointF) -> None:
        self.x0 = min((r.left() for r in rects), default=0.0) - origin.x()
        bottoms: list[float] = []
        for rect in rects:
            first = int((rect.left() - origin.x() - self.x0) // COLUMN)
            last = int((rect.right() - origin.x() - self.x0) // COLUMN)
            if last >= len(bottoms):
                bottoms.extend([-math.inf] * (last + 1 - len(bottoms)))
            for column in range(first, last + 1):
                bottoms[column] = max(bottoms[column], rect.bottom() - origin.y())
        self.bottoms = bottoms

    def lowest(self, left: float, right: float) -> float:
        """The lowest ink between block-local x ``left`` and ``right`` (-inf: none)."""
        first = max(0, int((left - self.x0) // COLUMN))
        last = int((right - self.x0) // COLUMN)
        return max(self.bottoms[first : last + 1], default=-math.inf)


class InkAbove:
    """The glyphs of the line above a position. Measured lines are kept between paints,
    keyed by what their layout depends on (block revision, width, font)."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self._columns: dict[tuple, _Columns] = {}
        self._above: dict[int, LineKey | None] = {}
        self._placed: dict[LineKey, tuple[_Columns, QRectF]] = {}  # this layout's lines

    def begin(self) -> None:
        """A new layout of the arcs: lines may have moved since the last."""
        self._above.clear()
        self._placed.clear()
        if len(self._columns) > CACHE_LINES:
            self._columns.clear()

    def line_above(self, position: int) -> LineKey | None:
        """The visual line just above the one holding Qt ``position`` (None: the first)."""
        if position not in self._above:
            self._above[position] = self._line_above(position)
        return self._above[position]

    def _line_above(self, position: int) -> LineKey | None:
        block = self.view.document().findBlock(position)
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return None
        index = layout.lineForTextPosition(position - block.position()).lineNumber()
        if index > 0:
            return (block.blockNumber(), index - 1)
        previous = block.previous()
        while previous.isValid() and not previous.isVisible():
            previous = previous.previous()
        if not previous.isValid() or previous.layout() is None:
            return None
        return (previous.blockNumber(), max(0, previous.layout().lineCount() - 1))

    def rects(self, key: LineKey) -> list[QRectF]:
        """The glyph rectangles of line ``key``, in viewport coordinates."""
        return glyph_rects(self.view, self.view.document().findBlockByNumber(key[0]), key[1])

    def lowest(self, position: int, left: float, right: float) -> float | None:
        """The lowest ink (largest y) of the line above ``position`` between viewport x
        ``left`` and ``right``; None when nothing is drawn there."""
        key = self.line_above(position)
        if key is None:
            return None
        if key not in self._placed:
            self._placed[key] = self._measure(key)
        columns, origin = self._placed[key]
        lowest = columns.lowest(left - origin.left(), right - origin.left())
        return None if lowest == -math.inf else lowest + origin.top()

    def _measure(self, key: LineKey) -> tuple[_Columns, QRectF]:
        """Line ``key``'s columns (measured again only when its layout changed) and its
        block's place in the viewport."""
        block = self.view.document().findBlockByNumber(key[0])
        origin = self.view.blockBoundingGeometry(block).translated(self.view.contentOffset())
        cache_key = (*key, block.revision(), self.view.viewport().width(), self.view.font().key())
        columns = self._columns.get(cache_key)
        if columns is None:
            rects = glyph_rects(self.view, block, key[1])
            columns = self._columns[cache_key] = _Columns(rects, origin.topLeft())
        return columns, origin
