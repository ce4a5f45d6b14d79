"""Where an argument arc may rise: not into the glyphs of the line above.

The reading view's lines follow each other with no gap (QPlainTextEdit ignores a
block's line height), so an arc drawn above a line's box runs into the descenders
of the line before. What the line above leaves free differs along it: between
words and over letters that sit on the baseline there is room, under a descender
(ر و ي ن …) almost none. So the room is measured glyph by glyph: the ink rectangles
of the line above, in viewport coordinates, and the lowest of them over a stretch.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
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


class InkAbove:
    """The glyphs of the line above a position, measured once per line and paint."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self._rects: dict[LineKey, list[QRectF]] = {}

    def line_above(self, position: int) -> LineKey | None:
        """The visual line just above the one holding Qt ``position`` (None: the first)."""
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
        """The glyph rectangles of line ``key``."""
        if key not in self._rects:
            block = self.view.document().findBlockByNumber(key[0])
            self._rects[key] = glyph_rects(self.view, block, key[1])
        return self._rects[key]

    def lowest(self, position: int, left: float, right: float) -> float | None:
        """The lowest ink (largest y) of the line above ``position`` between x ``left`` and
        ``right``; None when nothing is drawn there."""
        key = self.line_above(position)
        if key is None:
            return None
        bottoms = [r.bottom() for r in self.rects(key) if r.right() >= left and r.left() <= right]
        return max(bottoms, default=None)
