"""Background colours of saved spans, applied block by block from the interval index.

Only colour, background and underline are set: bold or italic inside a word
would break Arabic letter joining. Stacked underlines and boxes are drawn by
``SpanOverlay`` on top of the text.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.span_index import Interval
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette, blend, tint


class SpanHighlighter(QSyntaxHighlighter):
    """Paints span backgrounds (blended where they overlap) and trigger underlines."""

    def __init__(self, document: QTextDocument, annotations: AnnotationSet, palette: Palette):
        super().__init__(document)
        self.annotations = annotations
        self.palette = palette
        self._formats: dict[tuple[tuple[str, ...], bool, str], QTextCharFormat] = {}
        self._dirty: set[int] = set()
        self._flush_pending = False
        annotations.range_changed.connect(self.rehighlight_range)

    def set_palette(self, palette: Palette) -> None:
        """Use another schema's colours."""
        self.palette = palette
        self._formats.clear()
        self.rehighlight()

    def rehighlight_range(self, start: int, end: int) -> None:
        """Repaint the blocks holding Qt positions ``[start, end)`` (once, after this event).

        One action changes a range several times (a span is added, then selected):
        the blocks are collected and re-highlighted together when control returns
        to the event loop.
        """
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            self._dirty.add(block.blockNumber())
            block = block.next()
        if not self._flush_pending:
            self._flush_pending = True
            QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Re-highlight the blocks collected by rehighlight_range now."""
        self._flush_pending = False
        dirty, self._dirty = self._dirty, set()
        document = self.document()
        for number in sorted(dirty):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        annotations = self.annotations
        if annotations.offsets.utf16_length != self.document().characterCount() - 1:
            return  # the text is being replaced: its annotations are loaded next
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        spans = annotations.span_index.overlapping(start, end)
        triggers = annotations.trigger_index.overlapping(start, end)
        if not spans and not triggers:
            return
        # Sweep over the boundaries: +1 when an annotation opens, -1 when it closes.
        edges: dict[int, list[tuple[bool, bool, Interval]]] = {}
        for is_trigger, items in ((False, spans), (True, triggers)):
            for item in items:
                edges.setdefault(max(item.start, start), []).append((True, is_trigger, item))
                edges.setdefault(min(item.end, end), []).append((False, is_trigger, item))
        open_spans: dict[str, Interval] = {}
        open_triggers: dict[str, Interval] = {}
        points = sorted(edges)
        for left, right in itertools.pairwise(points):
            for opening, is_trigger, item in edges[left]:
                target = open_triggers if is_trigger else open_spans
                if opening:
                    target[item.id] = item
                else:
                    target.pop(item.id, None)
            if open_spans or open_triggers:
                trigger = next(iter(open_triggers.values()), None)
                fmt = self._format(sorted(open_spans.values()), trigger)
                self.setFormat(left - start, right - left, fmt)

    def _format(self, covering: list[Interval], trigger: Interval | None) -> QTextCharFormat:
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
            elif event_type:
                # Triggers: a light tint of the (strong) event colour, stronger when selected.
                strength = 0.4 if emphasised else 0.2
                fmt.setBackground(tint(palette.color(event_type).name(), strength))
            if event_type:
                # And a dashed underline in the event colour (the box comes from the
                # overlay), so triggers read differently from entity mentions.
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(palette.line_color(event_type))
            self._formats[key] = fmt
        return fmt
