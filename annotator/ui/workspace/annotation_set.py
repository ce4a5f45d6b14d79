"""The Qt adapter of the current editing session: what the workspace paints and hit-tests.

Observes an :class:`~annotator.services.editing.EditingSession` (the document's
spans and events in code points, changed only by its commands after the store
accepted them) and keeps an interval index of both in Qt (UTF-16) positions for
painting and hit-testing, plus the selected annotation, which is a view matter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from annotator.core.model import Document, Event, Span
from annotator.core.offsets import OffsetMap
from annotator.core.span_index import Interval, IntervalIndex
from annotator.services.editing import AddEvent, AddSpans, Command, EditingSession


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
    notes_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: EditingSession | None = None
        self.offsets = OffsetMap("")
        self.span_index = IntervalIndex()
        self.trigger_index = IntervalIndex()
        self.label_counts: Counter[str] = Counter()
        self.selected_id: str | None = None

    # -- following a session ------------------------------------------------

    def attach(self, session: EditingSession | None) -> None:
        """Show (and from now on follow) another session's document, or none."""
        if self.session is not None:
            for signal, slot in self._connections(self.session):
                signal.disconnect(slot)
        self.session = session
        if session is not None:
            for signal, slot in self._connections(session):
                signal.connect(slot)
        self._rebuild()

    def _connections(self, session: EditingSession) -> list:
        return [
            (session.span_put, self._span_put),
            (session.span_dropped, self._span_dropped),
            (session.event_put, self._event_put),
            (session.event_dropped, self._event_dropped),
            (session.reloaded, self._rebuild),
            (session.applied, self._applied),
            (session.note_put, self._note_put),
        ]

    def _note_put(self, _note: object) -> None:
        self.notes_changed.emit()

    def _rebuild(self) -> None:
        self.offsets = OffsetMap(self.text)
        spans, events = self.spans.values(), self.events.values()
        self.span_index = IntervalIndex(self._span_interval(s) for s in spans)
        self.trigger_index = IntervalIndex(self._event_interval(e) for e in events)
        self.label_counts = Counter(s.label for s in spans)
        self.selected_id = None
        self.reset.emit()

    @property
    def document(self) -> Document | None:
        """The document shown (None when none is open)."""
        return self.session.document if self.session else None

    @property
    def annotator(self) -> str:
        """Whose annotations are shown."""
        return self.session.annotator if self.session else ""

    @property
    def spans(self) -> dict[str, Span]:
        """The document's spans by id (the session's own dictionary: read only)."""
        return self.session.spans if self.session else {}

    @property
    def events(self) -> dict[str, Event]:
        """The document's events by id (read only)."""
        return self.session.events if self.session else {}

    @property
    def text(self) -> str:
        """The document's text ('' when none is open)."""
        return self.session.text if self.session else ""

    def _span_interval(self, span: Span) -> Interval:
        return Interval(*self.offsets.range_to_qt(span.start, span.end), span.id)

    def _event_interval(self, event: Event) -> Interval:
        return Interval(
            *self.offsets.range_to_qt(event.trigger_start, event.trigger_end), event.id
        )

    # -- what the session tells ------------------------------------------------

    def _span_put(self, span: Span, old: Span | None) -> None:
        if old is not None:
            self.label_counts[old.label] -= 1
        self.label_counts[span.label] += 1
        interval = self._span_interval(span)
        self.span_index.add(interval)
        (self.span_changed if old else self.span_added).emit(span.id)
        self.range_changed.emit(interval.start, interval.end)
        if old is not None and span.id in self._argument_spans():
            self.events_changed.emit()

    def _span_dropped(self, span: Span) -> None:
        self.label_counts[span.label] -= 1
        interval = self.span_index.discard(span.id)
        if self.selected_id == span.id:
            self.select(None)
        self.span_removed.emit(span.id)
        if interval is not None:
            self.range_changed.emit(interval.start, interval.end)

    def _event_put(self, event: Event, old: Event | None) -> None:
        interval = self._event_interval(event)
        self.trigger_index.add(interval)
        self.events_changed.emit()
        self.range_changed.emit(interval.start, interval.end)
        if old is not None:
            self._repaint_arguments(old)
        self._repaint_arguments(event)

    def _event_dropped(self, event: Event) -> None:
        interval = self.trigger_index.discard(event.id)
        if self.selected_id == event.id:
            self.select(None)
        self.events_changed.emit()
        if interval is not None:
            self.range_changed.emit(interval.start, interval.end)
        self._repaint_arguments(event)

    def _applied(self, command: Command, how: str) -> None:
        """A new single span or event is selected when it is done or redone."""
        if how == "undo":
            return
        if isinstance(command, AddSpans) and len(command.spans) == 1:
            self.select(command.spans[0].id)
        elif isinstance(command, AddEvent):
            self.select(command.event.id)

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
