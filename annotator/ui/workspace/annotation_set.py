"""The current document's annotations in memory: what the workspace shows and edits.

Holds the current annotator's spans and events of one document, an interval
index of both in Qt (UTF-16) positions for painting and hit-testing, and the
selected annotation. Changes come from undo commands after the store accepted
them, so what is shown is what is saved.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from annotator.core.model import Document, Event, Span
from annotator.core.offsets import OffsetMap
from annotator.core.span_index import Interval, IntervalIndex


@dataclass(frozen=True)
class Hit:
    """An annotation under a position: a span or an event trigger."""

    id: str
    is_event: bool


class AnnotationSet(QObject):
    """Spans and events of (document, annotator), indexed for the view.

    Signals: ``range_changed(qt_start, qt_end)`` when the painting of that range
    changes; ``spans_changed`` / ``events_changed`` for panels (no arguments:
    they re-read what they need); ``selection_changed(id or "")``.
    """

    range_changed = Signal(int, int)
    span_added = Signal(str)
    span_removed = Signal(str)
    span_changed = Signal(str)
    events_changed = Signal()
    reset = Signal()
    selection_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.annotator = ""
        self.offsets = OffsetMap("")
        self.spans: dict[str, Span] = {}
        self.events: dict[str, Event] = {}
        self.span_index = IntervalIndex()
        self.trigger_index = IntervalIndex()
        self.label_counts: Counter[str] = Counter()
        self.selected_id: str | None = None

    # -- loading ----------------------------------------------------------

    def load(self, document: Document | None, annotator: str, spans: list[Span],
             events: list[Event]) -> None:
        """Show another document's annotations (or none)."""
        self.document = document
        self.annotator = annotator
        self.offsets = OffsetMap(document.text if document else "")
        self.spans = {s.id: s for s in spans}
        self.events = {e.id: e for e in events}
        self.span_index = IntervalIndex(self._span_interval(s) for s in spans)
        self.trigger_index = IntervalIndex(self._event_interval(e) for e in events)
        self.label_counts = Counter(s.label for s in spans)
        self.selected_id = None
        self.reset.emit()

    @property
    def text(self) -> str:
        """The document's text ('' when none is open)."""
        return self.document.text if self.document else ""

    def _span_interval(self, span: Span) -> Interval:
        return Interval(*self.offsets.range_to_qt(span.start, span.end), span.id)

    def _event_interval(self, event: Event) -> Interval:
        return Interval(
            *self.offsets.range_to_qt(event.trigger_start, event.trigger_end), event.id
        )

    # -- changes (called by undo commands once the store has them) ----------

    def put_span(self, span: Span) -> None:
        """Add or replace a span."""
        old = self.spans.get(span.id)
        if old is not None:
            self.label_counts[old.label] -= 1
        self.spans[span.id] = span
        self.label_counts[span.label] += 1
        interval = self._span_interval(span)
        self.span_index.add(interval)
        (self.span_changed if old else self.span_added).emit(span.id)
        self.range_changed.emit(interval.start, interval.end)
        if old is not None and span.id in self._argument_spans():
            self.events_changed.emit()

    def drop_span(self, span_id: str) -> None:
        """Remove a span, and the event arguments that pointed at it."""
        span = self.spans.pop(span_id, None)
        if span is None:
            return
        self.label_counts[span.label] -= 1
        interval = self.span_index.discard(span_id)
        if self.selected_id == span_id:
            self.select(None)
        self.span_removed.emit(span_id)
        if interval is not None:
            self.range_changed.emit(interval.start, interval.end)
        if span_id in self._argument_spans():
            for event in list(self.events.values()):
                kept = tuple(a for a in event.arguments if a.span_id != span_id)
                if kept != event.arguments:
                    self.events[event.id] = replace(event, arguments=kept)
            self.events_changed.emit()

    def put_event(self, event: Event) -> None:
        """Add or replace an event (its arguments included)."""
        old = self.events.get(event.id)
        self.events[event.id] = event
        interval = self._event_interval(event)
        self.trigger_index.add(interval)
        self.events_changed.emit()
        self.range_changed.emit(interval.start, interval.end)
        if old is not None:
            self._repaint_arguments(old)
        self._repaint_arguments(event)

    def drop_event(self, event_id: str) -> None:
        """Remove an event."""
        event = self.events.pop(event_id, None)
        if event is None:
            return
        interval = self.trigger_index.discard(event_id)
        if self.selected_id == event_id:
            self.select(None)
        self.events_changed.emit()
        if interval is not None:
            self.range_changed.emit(interval.start, interval.end)
        self._repaint_arguments(event)

    def _argument_spans(self) -> set[str]:
        return {a.span_id for e in self.events.values() for a in e.arguments}

    def _repaint_arguments(self, event: Event) -> None:
        for argument in event.arguments:
            interval = self.span_index.get(argument.span_id)
            if interval is not None:
                self.range_changed.emit(interval.start, interval.end)

    # -- selection and queries ---------------------------------------------

    def select(self, annotation_id: str | None) -> None:
        """Emphasise one annotation (a span or an event id), or none."""
        if annotation_id == self.selected_id:
            return
        previous, self.selected_id = self.selected_id, annotation_id
        for changed in (previous, annotation_id):
            interval = self.interval(changed) if changed else None
            if interval is not None:
                self.range_changed.emit(interval.start, interval.end)
        if previous and previous in self.events:
            self._repaint_arguments(self.events[previous])
        if annotation_id and annotation_id in self.events:
            self._repaint_arguments(self.events[annotation_id])
        self.selection_changed.emit(annotation_id or "")

    def interval(self, annotation_id: str) -> Interval | None:
        """The Qt range of a span or of an event's trigger."""
        return self.span_index.get(annotation_id) or self.trigger_index.get(annotation_id)

    def selected_event(self) -> Event | None:
        """The selected annotation if it is an event."""
        return self.events.get(self.selected_id or "")

    def selected_span(self) -> Span | None:
        """The selected annotation if it is a span."""
        return self.spans.get(self.selected_id or "")

    def hits_at(self, qt_position: int) -> list[Hit]:
        """Annotations covering a Qt position: triggers first, then spans innermost first."""
        triggers = [Hit(i.id, True) for i in self.trigger_index.at(qt_position)]
        return triggers + [Hit(i.id, False) for i in self.span_index.at(qt_position)]

    def find_span(self, start: int, end: int, label: str | None = None) -> Span | None:
        """A span with exactly these code-point offsets (and label, if given)."""
        qt_start, qt_end = self.offsets.range_to_qt(start, end)
        for interval in self.span_index.overlapping(qt_start, qt_end):
            span = self.spans[interval.id]
            if (span.start, span.end) == (start, end) and label in (None, span.label):
                return span
        return None

    def label_of(self, annotation_id: str) -> str:
        """The label (entity) or type (event) of an annotation."""
        if annotation_id in self.spans:
            return self.spans[annotation_id].label
        return self.events[annotation_id].type
