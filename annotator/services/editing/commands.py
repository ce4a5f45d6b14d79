"""Undoable editing actions as plain objects.

A command holds what it needs to redo and undo itself; ``do`` and ``undo``
receive the :class:`~annotator.services.editing.session.EditingSession`, write
through its store repository (the session wraps each call in one transaction)
and then update the session's in-memory state, which tells the observers.

To add a command: subclass :class:`Command`, give it a ``label``
(:class:`Message`, a key of ``messages.ENGLISH`` plus arguments) and write
``do`` and ``undo``; write first, then call the session's ``put_*``/``drop_*``
methods so the state only ever shows what the store accepted.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.model import Argument, Event, Span, Status
from annotator.core.notes import Note
from annotator.services.editing.messages import Message

if TYPE_CHECKING:
    from annotator.services.editing.session import EditingSession
    from annotator.store.annotations import SpanRemoval


class Command(ABC):
    """One undoable step: ``do`` (also used to redo) and ``undo``; ``label`` names it."""

    label: Message

    @abstractmethod
    def do(self, session: EditingSession) -> None:
        """Write the change to the project, then to the session's state."""

    @abstractmethod
    def undo(self, session: EditingSession) -> None:
        """Write the reverse change, then show it."""

    def redo(self, session: EditingSession) -> None:
        """Do the change again after an undo."""
        self.do(session)


class Composite(Command):
    """Several commands as one step (done in order, undone in reverse)."""

    def __init__(self, commands: Sequence[Command], label: Message) -> None:
        self.commands = list(commands)
        self.label = label

    def do(self, session: EditingSession) -> None:
        for command in self.commands:
            command.do(session)

    def undo(self, session: EditingSession) -> None:
        for command in reversed(self.commands):
            command.undo(session)


class AddSpans(Command):
    """Add one entity span, or several as one step (label all occurrences, suggestions).

    Each span keeps its ``source`` (where it came from: a person, a model suggestion).
    """

    def __init__(self, spans: Sequence[Span], label: Message) -> None:
        self.spans = list(spans)
        self.label = label

    def do(self, session: EditingSession) -> None:
        session.annotations.add_spans(self.spans)
        for span in self.spans:
            session.put_span(span)

    def undo(self, session: EditingSession) -> None:
        for span in self.spans:
            session.annotations.remove_span(span.id)
        for span in self.spans:
            session.drop_span(span.id)


class RemoveSpan(Command):
    """Delete a span; undo restores it and the event arguments it filled."""

    def __init__(self, span_id: str, label: Message) -> None:
        self.span_id = span_id
        self.label = label
        self.removal: SpanRemoval | None = None

    def do(self, session: EditingSession) -> None:
        self.removal = session.annotations.remove_span(self.span_id)
        session.drop_span(self.span_id)

    def undo(self, session: EditingSession) -> None:
        assert self.removal is not None, "undo before do"
        session.annotations.restore_span(self.removal)
        session.put_span(self.removal.span)
        for event_id in dict.fromkeys(event_id for event_id, _ in self.removal.arguments):
            session.refresh_event(event_id)


class RelabelSpan(Command):
    """Give a span another entity label."""

    def __init__(self, span: Span, new_label: str, label: Message) -> None:
        self.span_id, self.old, self.new = span.id, span.label, new_label
        self.label = label

    def _set(self, session: EditingSession, entity_label: str) -> None:
        session.put_span(session.annotations.relabel_span(self.span_id, entity_label))

    def do(self, session: EditingSession) -> None:
        self._set(session, self.new)

    def undo(self, session: EditingSession) -> None:
        self._set(session, self.old)


class AddEvent(Command):
    """Add an event on a trigger (with the arguments it already has, if any)."""

    def __init__(self, event: Event, label: Message) -> None:
        self.event = event
        self.label = label

    def do(self, session: EditingSession) -> None:
        session.annotations.add_event(self.event)
        session.put_event(self.event)

    def undo(self, session: EditingSession) -> None:
        session.annotations.remove_event(self.event.id)
        session.drop_event(self.event.id)


class RemoveEvent(Command):
    """Delete an event and its arguments; undo brings both back."""

    def __init__(self, event_id: str, label: Message) -> None:
        self.event_id = event_id
        self.label = label
        self.removed: Event | None = None

    def do(self, session: EditingSession) -> None:
        self.removed = session.annotations.remove_event(self.event_id)
        session.drop_event(self.event_id)

    def undo(self, session: EditingSession) -> None:
        assert self.removed is not None, "undo before do"
        session.annotations.add_event(self.removed)
        session.put_event(self.removed)


class RetypeEvent(Command):
    """Change an event's type."""

    def __init__(self, event: Event, event_type: str, label: Message) -> None:
        self.event_id, self.old, self.new = event.id, event.type, event_type
        self.label = label

    def _set(self, session: EditingSession, event_type: str) -> None:
        session.put_event(session.annotations.retype_event(self.event_id, event_type))

    def do(self, session: EditingSession) -> None:
        self._set(session, self.new)

    def undo(self, session: EditingSession) -> None:
        self._set(session, self.old)


class AddArgument(Command):
    """Let an entity span fill a role of an event."""

    def __init__(self, event_id: str, argument: Argument, label: Message) -> None:
        self.event_id, self.argument = event_id, argument
        self.label = label

    def do(self, session: EditingSession) -> None:
        session.annotations.add_argument(self.event_id, self.argument)
        session.refresh_event(self.event_id)

    def undo(self, session: EditingSession) -> None:
        session.annotations.remove_argument(self.argument.id)
        session.refresh_event(self.event_id)


class RemoveArgument(Command):
    """Unlink an argument from its event; undo links it again (at the end of the list)."""

    def __init__(self, event_id: str, argument: Argument, label: Message) -> None:
        self.event_id, self.argument = event_id, argument
        self.label = label

    def do(self, session: EditingSession) -> None:
        session.annotations.remove_argument(self.argument.id)
        session.refresh_event(self.event_id)

    def undo(self, session: EditingSession) -> None:
        session.annotations.add_argument(self.event_id, self.argument)
        session.refresh_event(self.event_id)


class SetArgumentRole(Command):
    """Change the role an argument fills."""

    def __init__(self, event_id: str, argument: Argument, role: str, label: Message) -> None:
        self.event_id, self.argument_id = event_id, argument.id
        self.old, self.new = argument.role, role
        self.label = label

    def _set(self, session: EditingSession, role: str) -> None:
        session.annotations.set_argument_role(self.argument_id, role)
        session.refresh_event(self.event_id)

    def do(self, session: EditingSession) -> None:
        self._set(session, self.new)

    def undo(self, session: EditingSession) -> None:
        self._set(session, self.old)


class SetStatus(Command):
    """Mark the session's document done, skipped or in progress for its annotator."""

    def __init__(self, status: Status, label: Message) -> None:
        self.new = status
        self.old: Status | None = None
        self.old_explicit = True
        self.label = label

    def _set(self, session: EditingSession, status: Status) -> None:
        session.annotators.set_status(session.doc_id, session.annotator, status)
        session.set_status_shown(status)

    def do(self, session: EditingSession) -> None:
        if self.old is None:  # the status before the first do; a redo keeps it
            self.old = session.annotators.status(session.doc_id, session.annotator)
            self.old_explicit = session.annotators.is_explicit(session.doc_id, session.annotator)
        self._set(session, self.new)

    def undo(self, session: EditingSession) -> None:
        assert self.old is not None, "undo before do"
        if self.old_explicit:
            self._set(session, self.old)
            return
        # The status followed the annotations before: it follows them again.
        session.annotators.set_status(session.doc_id, session.annotator, self.old, explicit=False)
        session.set_status_shown(session.annotators.status(session.doc_id, session.annotator))


class SetNote(Command):
    """Write the annotator's note (and "unsure" flag) on a span, an event or the document."""

    def __init__(self, note: Note, label: Message) -> None:
        self.new = note
        self.old: Note | None = None
        self.label = label

    def do(self, session: EditingSession) -> None:
        if self.old is None:  # the note before the first do; a redo keeps it
            note = self.new
            self.old = session.notes.get(note.target_id) or Note(
                note.target_id, note.kind, note.document_id, note.annotator)
        session.store_note(self.new)

    def undo(self, session: EditingSession) -> None:
        assert self.old is not None, "undo before do"
        session.store_note(self.old)
