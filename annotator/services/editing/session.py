"""The editing session: one document, one annotator, its annotations and undo history.

Plain Python (no Qt): the GUI, the CLI, suggestion features and tests drive the
same commands. Each command runs in one store transaction; the in-memory state
changes only after the store accepted the write, and observers (psygnal
signals, napari's choice: plain callbacks with weak references to methods) hear
of every change. Offsets are code points; the Qt adapter keeps its own UTF-16
index for painting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from psygnal import Signal

from annotator.core.errors import ConnectionLostError, NotFoundError
from annotator.core.model import Argument, Document, Event, Span, Status, new_id
from annotator.core.notes import Note
from annotator.services.editing import commands as cmd
from annotator.services.editing.history import History
from annotator.services.editing.messages import Message
from annotator.store.annotations import AnnotationRepository
from annotator.store.annotators import AnnotatorRepository
from annotator.store.project import ProjectStore

Step = Callable[["EditingSession"], None]


class EditingSession:
    """What one annotator has of one document, edited by undoable commands.

    Signals (connect plain callables; bound methods are held weakly):
    ``span_put(span, old_or_None)``, ``span_dropped(span)``,
    ``event_put(event, old_or_None)``, ``event_dropped(event)``,
    ``status_changed(status)``, ``reloaded()`` (everything was re-read),
    ``applied(command, how)`` with ``how`` one of "do", "undo", "redo", and
    ``recorded(command)`` when a new step enters the history (a command, or a
    macro's Composite), and ``history_changed()`` after any change of the stacks.
    An adapter that mirrors the history (the GUI's QUndoStack) listens to
    ``recorded``, so whatever drives the session, its steps show in Edit › Undo.
    """

    span_put = Signal(object, object)
    span_dropped = Signal(object)
    event_put = Signal(object, object)
    event_dropped = Signal(object)
    status_changed = Signal(object)
    reloaded = Signal()
    applied = Signal(object, str)
    recorded = Signal(object)
    history_changed = Signal()
    note_put = Signal(object)  # a Note (empty: removed)

    def __init__(self, store: ProjectStore, doc_id: str, annotator: str) -> None:
        self._store = store
        self.doc_id = doc_id
        self.annotator = annotator
        self.history = History()
        self.document: Document
        self.spans: dict[str, Span] = {}
        self.events: dict[str, Event] = {}
        self.status = Status.NEW
        self.notes: dict[str, Note] = {}  # the annotator's notes here, by target id
        self._touched = False  # the state changed during the current write
        # True when a re-read was due but the project's server could not be reached.
        self._stale = False
        self._macro: list[cmd.Command] | None = None
        self._read()

    # -- what commands use --------------------------------------------------

    @property
    def annotations(self) -> AnnotationRepository:
        """The store's annotation repository (commands write through it)."""
        return self._store.annotations

    @property
    def annotators(self) -> AnnotatorRepository:
        """The store's annotator repository (statuses)."""
        return self._store.annotators

    @property
    def text(self) -> str:
        """The document's text."""
        return self.document.text

    def put_span(self, span: Span) -> None:
        """Show a stored span (new or changed)."""
        self._touched = True
        old = self.spans.get(span.id)
        self.spans[span.id] = span
        self.span_put.emit(span, old)

    def drop_span(self, span_id: str) -> None:
        """Forget a deleted span and the arguments it filled (the store cascades them)."""
        self._touched = True
        span = self.spans.pop(span_id, None)
        if span is None:
            return
        self.span_dropped.emit(span)
        for event in list(self.events.values()):
            kept = tuple(a for a in event.arguments if a.span_id != span_id)
            if kept != event.arguments:
                self.put_event(replace(event, arguments=kept))

    def put_event(self, event: Event) -> None:
        """Show a stored event (new or changed, arguments included)."""
        self._touched = True
        old = self.events.get(event.id)
        self.events[event.id] = event
        self.event_put.emit(event, old)

    def drop_event(self, event_id: str) -> None:
        """Forget a deleted event."""
        self._touched = True
        event = self.events.pop(event_id, None)
        if event is not None:
            self.event_dropped.emit(event)

    def refresh_event(self, event_id: str) -> None:
        """Re-read an event whose arguments changed (their order is the store's)."""
        self.put_event(self._store.annotations.event(event_id))

    def store_note(self, note: Note) -> None:
        """Write a note (an empty one removes it), then show it."""
        self._store.notes.set(note)
        self._touched = True
        if note.empty:
            self.notes.pop(note.target_id, None)
        else:
            self.notes[note.target_id] = note
        self.note_put.emit(note)

    def set_status_shown(self, status: Status) -> None:
        """Show the document's new status."""
        self._touched = True
        if status is not self.status:
            self.status = status
            self.status_changed.emit(status)

    # -- reading ------------------------------------------------------------

    def _read(self) -> None:
        store = self._store
        self.document = store.documents.get(self.doc_id)
        self.spans = {s.id: s for s in store.annotations.spans(self.doc_id, self.annotator)}
        self.events = {e.id: e for e in store.annotations.events(self.doc_id, self.annotator)}
        self.status = store.annotators.status(self.doc_id, self.annotator)
        self.notes = store.notes.of_document(self.doc_id, self.annotator)

    def reload(self) -> None:
        """Re-read the document's annotations from the project; the history is kept."""
        self._read()
        self._stale = False
        self.reloaded.emit()

    def _reread_after_failure(self) -> None:
        """Show what the project holds after a refused step; if its server cannot be
        reached now, re-read before the next step instead."""
        try:
            self.reload()
        except ConnectionLostError:
            self._stale = True

    # -- running commands -------------------------------------------------------

    def execute(self, command: cmd.Command) -> cmd.Command:
        """Do ``command`` in one transaction and record it as one undoable step.

        If the store refuses, the error propagates, nothing is recorded and the
        state is re-read if the command had already changed part of it.
        """
        self._run(command.do)
        if self._macro is not None:
            self._macro.append(command)
            self.applied.emit(command, "do")
        else:
            self._record(command)
            self.applied.emit(command, "do")
        return command

    def _record(self, command: cmd.Command) -> None:
        self.history.push(command)
        self.recorded.emit(command)
        self.history_changed.emit()

    def undo(self) -> cmd.Command | None:
        """Undo the last step. If the project refuses (it changed elsewhere, it is
        read-only...), the history is cleared, the document re-read, and the error raised."""
        command = self.history.next_undo()
        if command is None:
            return None
        self._step(command.undo)
        self.history.moved_back()
        self.history_changed.emit()
        self.applied.emit(command, "undo")
        return command

    def redo(self) -> cmd.Command | None:
        """Redo the last undone step; failures are handled as in :meth:`undo`."""
        command = self.history.next_redo()
        if command is None:
            return None
        self._step(command.redo)
        self.history.moved_forward()
        self.history_changed.emit()
        self.applied.emit(command, "redo")
        return command

    def _step(self, action: Step) -> None:
        try:
            self._run(action)
        except ConnectionLostError:
            # Nothing reached the server (its transaction rolled back whole): the step
            # is still to be done, so the history stays as it was, usable once it is back.
            raise
        except Exception:
            self.history.clear()
            self.history_changed.emit()
            self.reload()
            raise

    def _run(self, action: Step) -> None:
        if self._stale:
            self.reload()  # the re-read a lost connection put off (see _reread_after_failure)
        self._touched = False
        try:
            with self._store.transaction():
                action(self)
        except Exception as error:
            # A composite failed half way, or what it refers to is gone (changed
            # elsewhere): show what the store holds (inside a macro: what its
            # transaction holds now that this step's savepoint was rolled back).
            if self._touched or isinstance(error, NotFoundError):
                self._reread_after_failure()
            raise
        # The status follows the annotations unless the annotator set it: the first
        # label makes a document "in progress", undoing the last one makes it "new".
        self.set_status_shown(self._store.annotators.status(self.doc_id, self.annotator))

    @contextmanager
    def macro(self, label: Message) -> Iterator[None]:
        """Commands executed inside the block become one step, in one transaction.

        If the block raises, everything it did is rolled back and nothing recorded.
        """
        if self._macro is not None:
            raise RuntimeError("macros do not nest")
        self._macro = []
        try:
            with self._store.transaction():
                yield
        except BaseException:
            self._macro = None
            self.reload()
            raise
        done, self._macro = self._macro, None
        if done:
            self._record(cmd.Composite(done, label))

    # -- the actions, labelled for the menu -----------------------------------------

    def covered(self, start: int, end: int) -> str:
        """The text of ``[start, end)`` (for menu labels)."""
        return self.text[start:end]

    def new_span(self, start: int, end: int, label: str, source: str | None = None) -> Span:
        """A span of this document and annotator (not yet stored)."""
        return Span(new_id(), self.doc_id, self.annotator, start, end, label, source)

    def add_span(self, span: Span) -> cmd.Command:
        """Label ``span`` (one step)."""
        message = Message("label_span", (self.covered(span.start, span.end), span.label))
        return self.execute(cmd.AddSpans([span], message))

    def add_spans(self, spans: Sequence[Span], label: Message | None = None) -> cmd.Command:
        """Label several spans as one step (label all occurrences)."""
        return self.execute(cmd.AddSpans(spans, label or Message("add_spans", (str(len(spans)),))))

    def remove_span(self, span_id: str) -> cmd.Command:
        """Delete a span (and the arguments it fills)."""
        span = self.spans[span_id]
        message = Message("remove_span", (self.covered(span.start, span.end),))
        return self.execute(cmd.RemoveSpan(span_id, message))

    def relabel_span(self, span_id: str, label: str) -> cmd.Command:
        """Give a span another label."""
        span = self.spans[span_id]
        message = Message("relabel_span", (self.covered(span.start, span.end), label))
        return self.execute(cmd.RelabelSpan(span, label, message))

    def add_event(self, event: Event) -> cmd.Command:
        """Mark an event."""
        return self.execute(cmd.AddEvent(event, Message("add_event", (event.type,))))

    def new_event(self, start: int, end: int, event_type: str, source: str | None = None) -> Event:
        """An event of this document and annotator (not yet stored)."""
        return Event(new_id(), self.doc_id, self.annotator, event_type, start, end, source=source)

    def remove_event(self, event_id: str) -> cmd.Command:
        """Delete an event and its arguments."""
        event = self.events[event_id]
        return self.execute(cmd.RemoveEvent(event_id, Message("remove_event", (event.type,))))

    def retype_event(self, event_id: str, event_type: str) -> cmd.Command:
        """Change an event's type."""
        message = Message("retype_event", (event_type,))
        return self.execute(cmd.RetypeEvent(self.events[event_id], event_type, message))

    def add_argument(self, event_id: str, span_id: str, role: str) -> cmd.Command:
        """Let a span fill ``role`` in an event."""
        argument = Argument(new_id(), role, span_id)
        return self.execute(cmd.AddArgument(event_id, argument, Message("add_argument", (role,))))

    def remove_argument(self, event_id: str, argument: Argument) -> cmd.Command:
        """Unlink an argument from its event."""
        message = Message("remove_argument", (argument.role,))
        return self.execute(cmd.RemoveArgument(event_id, argument, message))

    def set_argument_role(self, event_id: str, argument: Argument, role: str) -> cmd.Command:
        """Change the role an argument fills."""
        message = Message("set_role", (role,))
        return self.execute(cmd.SetArgumentRole(event_id, argument, role, message))

    def set_status(self, status: Status) -> cmd.Command:
        """Mark the document done, skipped or in progress."""
        message = Message("set_status", (status.value.replace("_", " "),))
        return self.execute(cmd.SetStatus(status, message))
