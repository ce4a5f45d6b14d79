"""Undoable annotation actions. Each one writes to the project first, then updates the view.

A command's first execution happens before it is pushed (see
``Workspace.execute``), so a save that fails never reaches the undo stack and
is never shown as done. A failure while undoing or redoing is reported and the
document is re-read from the project, so the view again shows what is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.core.model import Argument, Event, Span, Status
from annotator.services.projects import ProjectStore, SpanRemoval
from annotator.ui.workspace.annotation_set import AnnotationSet


class CommandHost(Protocol):
    """What commands need from the workspace."""

    store: ProjectStore
    annotations: AnnotationSet

    def command_failed(self, error: AnnotatorError) -> None:
        """Report a failed undo/redo and re-read the document."""

    def status_changed(self, doc_id: str, status: Status) -> None:
        """Show a document's new status."""


class StoreCommand(QUndoCommand):
    """Base class: ``forward`` and ``backward`` write to the store and update the view."""

    def __init__(self, host: CommandHost, text: str) -> None:
        super().__init__(text)
        self.host = host
        self._applied = False

    def apply(self) -> None:
        """Execute for the first time; raises AnnotatorError if the project refuses."""
        with self.host.store.transaction():
            self.forward()
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # QUndoStack.push() calls redo(): already done by apply()
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        self._guarded(self.backward)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            with self.host.store.transaction():
                step()
        except AnnotatorError as error:
            self.host.command_failed(error)
        except KeyError:
            # What the step refers to is gone: another process changed this document.
            self.host.command_failed(AnnotatorError("the annotation was changed elsewhere"))

    def forward(self) -> None:
        """Do the action: write it to the store, then show it (each command defines it)."""
        raise NotImplementedError

    def backward(self) -> None:
        """Undo the action: write the reverse to the store, then show it."""
        raise NotImplementedError


class AddSpans(StoreCommand):
    """Add one span, or several as one step (label all occurrences)."""

    def __init__(self, host: CommandHost, spans: list[Span], text: str) -> None:
        super().__init__(host, text)
        self.spans = spans

    def forward(self) -> None:
        self.host.store.annotations.add_spans(self.spans)
        for span in self.spans:
            self.host.annotations.put_span(span)
        if len(self.spans) == 1:
            self.host.annotations.select(self.spans[0].id)

    def backward(self) -> None:
        with self.host.store.transaction():
            for span in self.spans:
                self.host.store.annotations.remove_span(span.id)
        for span in self.spans:
            self.host.annotations.drop_span(span.id)


class RemoveSpan(StoreCommand):
    """Delete a span (and the event arguments it filled)."""

    def __init__(self, host: CommandHost, span_id: str, text: str) -> None:
        super().__init__(host, text)
        self.span_id = span_id
        self.removal: SpanRemoval | None = None

    def forward(self) -> None:
        self.removal = self.host.store.annotations.remove_span(self.span_id)
        self.host.annotations.drop_span(self.span_id)

    def backward(self) -> None:
        assert self.removal is not None
        self.host.store.annotations.restore_span(self.removal)
        self.host.annotations.put_span(self.removal.span)
        for event_id in {event_id for event_id, _ in self.removal.arguments}:
            self.host.annotations.put_event(self.host.store.annotations.event(event_id))


class RelabelSpan(StoreCommand):
    """Give a span another label."""

    def __init__(self, host: CommandHost, span: Span, label: str, text: str) -> None:
        super().__init__(host, text)
        self.span_id, self.old, self.new = span.id, span.label, label

    def _set(self, label: str) -> None:
        span = self.host.store.annotations.relabel_span(self.span_id, label)
        self.host.annotations.put_span(span)

    def forward(self) -> None:
        self._set(self.new)

    def backward(self) -> None:
        self._set(self.old)


class AddEvent(StoreCommand):
    """Add an event on a trigger."""

    def __init__(self, host: CommandHost, event: Event, text: str) -> None:
        super().__init__(host, text)
        self.event = event

    def forward(self) -> None:
        self.host.store.annotations.add_event(self.event)
        self.host.annotations.put_event(self.event)
        self.host.annotations.select(self.event.id)

    def backward(self) -> None:
        self.host.store.annotations.remove_event(self.event.id)
        self.host.annotations.drop_event(self.event.id)


class RemoveEvent(StoreCommand):
    """Delete an event and its arguments."""

    def __init__(self, host: CommandHost, event_id: str, text: str) -> None:
        super().__init__(host, text)
        self.event_id = event_id
        self.removed: Event | None = None

    def forward(self) -> None:
        self.removed = self.host.store.annotations.remove_event(self.event_id)
        self.host.annotations.drop_event(self.event_id)

    def backward(self) -> None:
        assert self.removed is not None
        self.host.store.annotations.add_event(self.removed)
        self.host.annotations.put_event(self.removed)


class RetypeEvent(StoreCommand):
    """Change an event's type."""

    def __init__(self, host: CommandHost, event: Event, event_type: str, text: str) -> None:
        super().__init__(host, text)
        self.event_id, self.old, self.new = event.id, event.type, event_type

    def _set(self, event_type: str) -> None:
        self.host.annotations.put_event(
            self.host.store.annotations.retype_event(self.event_id, event_type)
        )

    def forward(self) -> None:
        self._set(self.new)

    def backward(self) -> None:
        self._set(self.old)


class _ArgumentCommand(StoreCommand):
    """Shared refresh of the event an argument belongs to."""

    event_id: str

    def _refresh(self) -> None:
        self.host.annotations.put_event(self.host.store.annotations.event(self.event_id))


class AddArgument(_ArgumentCommand):
    """Let an entity span fill a role of an event."""

    def __init__(self, host: CommandHost, event_id: str, argument: Argument, text: str) -> None:
        super().__init__(host, text)
        self.event_id, self.argument = event_id, argument

    def forward(self) -> None:
        self.host.store.annotations.add_argument(self.event_id, self.argument)
        self._refresh()

    def backward(self) -> None:
        self.host.store.annotations.remove_argument(self.argument.id)
        self._refresh()


class RemoveArgument(_ArgumentCommand):
    """Unlink an argument from its event."""

    def __init__(self, host: CommandHost, event_id: str, argument: Argument, text: str) -> None:
        super().__init__(host, text)
        self.event_id, self.argument = event_id, argument

    def forward(self) -> None:
        self.host.store.annotations.remove_argument(self.argument.id)
        self._refresh()

    def backward(self) -> None:
        self.host.store.annotations.add_argument(self.event_id, self.argument)
        self._refresh()


class SetArgumentRole(_ArgumentCommand):
    """Change the role an argument fills."""

    def __init__(
        self, host: CommandHost, event_id: str, argument: Argument, role: str, text: str
    ) -> None:
        super().__init__(host, text)
        self.event_id, self.argument_id = event_id, argument.id
        self.old, self.new = argument.role, role

    def _set(self, role: str) -> None:
        self.host.store.annotations.set_argument_role(self.argument_id, role)
        self._refresh()

    def forward(self) -> None:
        self._set(self.new)

    def backward(self) -> None:
        self._set(self.old)


class SetStatus(StoreCommand):
    """Mark a document done, skipped or in progress for the current annotator."""

    def __init__(
        self, host: CommandHost, doc_id: str, annotator: str, status: Status, text: str
    ) -> None:
        super().__init__(host, text)
        self.doc_id, self.annotator = doc_id, annotator
        self.old = host.store.annotators.status(doc_id, annotator)
        self.new = status

    def _set(self, status: Status) -> None:
        self.host.store.annotators.set_status(self.doc_id, self.annotator, status)
        self.host.status_changed(self.doc_id, status)

    def forward(self) -> None:
        self._set(self.new)

    def backward(self) -> None:
        self._set(self.old)
