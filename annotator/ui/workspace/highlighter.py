"""Background colours of saved spans, applied block by block from the interval index.

Only colour, background and underline are set: bold or italic inside a word
would break Arabic letter joining. Stacked underlines and boxes are drawn by
``SpanOverlay`` on top of the text.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette, blend


class SpanHighlighter(QSyntaxHighlighter):
    """Paints span backgrounds (blended where they overlap) and trigger underlines."""

    def __init__(self, document: QTextDocument, annotations: AnnotationSet, palette: Palette):
        super().__init__(document)
        self.annotations = annotations
        self.palette = palette
        self._formats: dict[tuple[tuple[str, ...], bool, str], QTextCharFormat] = {}
        annotations.range_changed.connect(self.rehighlight_range)

    def set_palette(self, palette: Palette) -> None:
        """Use another schema's colours."""
        self.palette = palette
        self._formats.clear()
        self.rehighlight()

    def rehighlight_range(self, start: int, end: int) -> None:
        """Repaint the blocks holding Qt positions ``[start, end)`` only."""
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            self.rehighlightBlock(block)
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        spans = self.annotations.span_index.overlapping(start, end)
        triggers = self.annotations.trigger_index.overlapping(start, end)
        if not spans and not triggers:
            return
        cuts = {start, end}
        for item in (*spans, *triggers):
            cuts.update((max(item.start, start), min(item.end, end)))
        points = sorted(cuts)
        for left, right in itertools.pairwise(points):
            covering = [s for s in spans if s.start <= left and s.end >= right]
            trigger = next((t for t in triggers if t.start <= left and t.end >= right), None)
            if covering or trigger:
                fmt = self._format(covering, trigger)
                self.setFormat(left - start, right - left, fmt)

    def _format(self, covering: list, trigger: object) -> QTextCharFormat:
        annotations, palette = self.annotations, self.palette
        selected = annotations.selected_id
        labels = tuple(palette.color(annotations.spans[s.id].label).name() for s in covering)
        emphasised = any(s.id == selected for s in covering) or (
            trigger is not None and trigger.id == selected
        )
        event_type = annotations.events[trigger.id].type if trigger is not None else ""
        key = (labels, emphasised, event_type)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if labels:
                fmt.setBackground(blend(labels, emphasised))
            elif emphasised:
                fmt.setBackground(blend((palette.color(event_type).name(),), False))
            if event_type:
                # Triggers: a thick dotted underline in the event colour (boxes come from the
                # overlay), so they read differently from entity mentions.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(palette.line_color(event_type))
            self._formats[key] = fmt
        return fmt
