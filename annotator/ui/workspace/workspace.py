"""The annotation workspace: labels entities and events in the reading view.

Keeps one editing session per document (``annotator.services.editing``, its
history kept while the project is open), mirrored by a QUndoStack each in a
QUndoGroup for Edit › Undo/Redo, and turns the user's actions into commands.
Panels, mouse handling, navigation and find live in sibling modules and talk
to the workspace through its methods and the AnnotationSet's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QUndoGroup, QUndoStack

from annotator.core import rules
from annotator.core.errors import AnnotatorError, ConnectionLostError, NotFoundError
from annotator.core.model import Argument, Span, Status, new_id
from annotator.core.schema import Schema
from annotator.core.snapping import snap_selection, trim_proclitic
from annotator.services.editing import Command, EditingSession, Message
from annotator.ui.i18n import fill
from annotator.ui.messages import describe
from annotator.ui.workspace.annotation_set import AnnotationSet
from annotator.ui.workspace.colors import Palette
from annotator.ui.workspace.command_texts import command_text
from annotator.ui.workspace.commands import ForwardedCommand
from annotator.ui.workspace.highlighter import SpanHighlighter
from annotator.ui.workspace.keys import WorkspaceKeys
from annotator.ui.workspace.overlay import SpanOverlay
from annotator.ui.workspace.span_guard import confirm_span

if TYPE_CHECKING:
    from annotator.services.project import Project
    from annotator.ui.main_window import MainWindow

SAVED_MESSAGE_MS = 2500


class Workspace(QObject):
    """Entity and event annotation of the document shown in the main window."""

    label_chosen = Signal(str)  # a label was picked (palette, keys): the guideline follows it
    event_type_requested = Signal(int, int)  # code-point trigger range awaiting a type

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.reading_view
        self.annotations = AnnotationSet(self)
        self.palette = Palette(None)
        self.highlighter = SpanHighlighter(self.view.document(), self.annotations, self.palette)
        self.overlay = SpanOverlay(self.view, self.annotations, self.palette)
        self.view.decorations.append(self.overlay.paint)
        self.undo_group = QUndoGroup(self)
        # (document id, annotator) -> its session and the undo stack mirroring its history.
        self._sessions: dict[tuple[str, str], tuple[EditingSession, QUndoStack]] = {}
        # An exact range the user made (e.g. by trimming a proclitic): not re-snapped.
        self._exact: tuple[int, int, int, int] | None = None
        self.annotations.range_changed.connect(self._repaint)
        window.project_opened.connect(self._project_opened)
        window.document_opened.connect(self.load_document)
        window.reloaded.connect(self._reload)
        self.keys = WorkspaceKeys(self)

    @property
    def project(self) -> Project:
        """The open project."""
        assert self.window.project is not None
        return self.window.project

    @property
    def schema(self) -> Schema:
        """The open project's label schema."""
        return self.project.schema

    # -- documents ----------------------------------------------------------

    def clear_history(self) -> None:
        """Forget every document's undo history (another project or annotator)."""
        for _session, stack in self._sessions.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._sessions.clear()

    def _project_opened(self) -> None:
        self.clear_history()
        self.palette = Palette(self.schema)
        self.overlay.palette = self.palette
        self.highlighter.set_palette(self.palette)
        self.keys.build_label_actions()
        if self.window.current_document_id is None:
            self.annotations.attach(None)

    @property
    def session(self) -> EditingSession:
        """The editing session of the document shown."""
        assert self.annotations.session is not None, "no document is open"
        return self.annotations.session

    def session_for(self, doc_id: str) -> EditingSession:
        """The current annotator's editing session of a document (kept, with its undo
        history, while the project is open); created, and mirrored in Edit › Undo, on
        first use. Features that edit a document not shown (label all across the
        corpus) use it so that each document's steps stay undoable there."""
        return self._entry(doc_id)[0]

    def _entry(self, doc_id: str) -> tuple[EditingSession, QUndoStack]:
        key = (doc_id, self.window.annotator)
        if key not in self._sessions:
            session = self.project.editing_session(*key)
            stack = QUndoStack(self)
            session.status_changed.connect(
                lambda status: self.window.document_list.model.set_status(doc_id, status)
            )
            session.recorded.connect(lambda command: self._mirror(session, stack, command))
            self.undo_group.addStack(stack)
            self._sessions[key] = (session, stack)
        return self._sessions[key]

    def load_document(self, doc_id: str) -> None:
        """Show the current annotator's annotations of a document (re-read from the project)."""
        known = (doc_id, self.window.annotator) in self._sessions
        session, stack = self._entry(doc_id)
        if known:
            session.reload()  # another window may have changed it meanwhile
        self.annotations.attach(session)
        self._exact = None
        self.highlighter.rehighlight()
        self.undo_group.setActiveStack(stack)

    def execute(self, command: Command) -> bool:
        """Save an action as one undoable step; on failure say so and show the truth."""
        return self.save(lambda: self.session.execute(command))

    def save(self, action: Callable[[], object]) -> bool:
        """Run ``action`` (one or more session calls); report a refusal and re-read."""
        try:
            action()
        except NotFoundError:
            # What the action refers to is gone: another window or process changed it.
            self.window.show_error(self.tr("Not saved: the annotation was changed elsewhere; "
                                           "the document has been read again."))
            self._reload()
            return False
        except ConnectionLostError as error:
            # Nothing reached the server and it cannot be read now: the document stays as
            # shown (the session re-reads it at the next action that gets through).
            self.window.show_error(fill(self.tr("Not saved: %1"), describe(error)))
            return False
        except AnnotatorError as error:
            self.window.show_error(fill(self.tr("Not saved: %1"), describe(error)))
            self._reload()
            return False
        return True

    def _mirror(self, session: EditingSession, stack: QUndoStack, command: Command) -> None:
        """A step entered the session's history: show it in Edit › Undo."""
        stack.push(ForwardedCommand(self, session, command))
        self.window.statusBar().showMessage(
            fill(self.tr("Saved: %1"), command_text(command.label)), SAVED_MESSAGE_MS
        )

    def command_failed(self, error: AnnotatorError) -> None:
        """An undo or redo could not be saved: report it (the session re-read the document)."""
        self.window.show_error(fill(self.tr("Not saved: %1"), describe(error)))
        # Not from inside QUndoStack.undo(): the stack is cleared once it has returned.
        QTimer.singleShot(0, self._reset_after_failure)

    def step_not_taken(self, error: ConnectionLostError, command: ForwardedCommand) -> None:
        """An undo or redo could not reach the server: say so; both histories stay put."""
        self.window.show_error(fill(self.tr("Not saved: %1"), describe(error)))
        stack = self.undo_group.activeStack()
        if stack is None:
            return
        # Qt moved its index before asking; after it returns, move it back without
        # forwarding (the command skips its next call), so Ctrl+Z works once it is back.

        def resync() -> None:
            # A failed undo left the index just before the command, a failed redo after it.
            undone = stack.command(stack.index()) is command
            command.resyncing = True
            stack.setIndex(stack.index() + (1 if undone else -1))

        QTimer.singleShot(0, resync)

    def _reset_after_failure(self) -> None:
        stack = self.undo_group.activeStack()
        if stack is not None:
            stack.clear()
        self._reload()

    def _reload(self) -> None:
        """Re-read the current document's annotations (after an import, a failure...)."""
        if self.window.project is not None and self.window.current_document_id is not None:
            self.load_document(self.window.current_document_id)

    def set_status(self, status: Status) -> None:
        """Mark the current document done, skipped or in progress (undoable)."""
        if self.annotations.document is None:
            return
        self.save(lambda: self.session.set_status(status))

    # -- selection ------------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The code-point range the text selection labels, snapped; None if nothing usable."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection() or self.annotations.document is None:
            return None
        qt_start, qt_end = cursor.selectionStart(), cursor.selectionEnd()
        if self._exact is not None and self._exact[:2] == (qt_start, qt_end):
            return self._exact[2:]
        start, end = self.annotations.offsets.range_from_qt(qt_start, qt_end)
        return snap_selection(
            self.annotations.text, start, end, self.window.settings.word_snapping
        )

    def select_range(self, start: int, end: int, exact: bool = False) -> None:
        """Select code points ``[start, end)`` in the view."""
        qt_start, qt_end = self.annotations.offsets.range_to_qt(start, end)
        cursor = self.view.textCursor()
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self._exact = (qt_start, qt_end, start, end) if exact else None

    def snap_view_selection(self) -> None:
        """Show the snapped range as the selection (after a mouse drag or double-click)."""
        snapped = self.selected_range()
        if snapped is not None:
            self.select_range(*snapped)

    def trim_proclitic(self) -> None:
        """Drop a leading و ف ب ل ك from the selection; the result is labelled as it is."""
        current = self.selected_range()
        if current is None:
            return
        trimmed = trim_proclitic(self.annotations.text, *current)
        self.select_range(*trimmed, exact=True)

    def clear(self) -> None:
        """Clear the text selection and the selected annotation."""
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self._exact = None
        self.annotations.select(None)

    def select_annotation(self, annotation_id: str | None, scroll: bool = False) -> None:
        """Select a span or event; with ``scroll``, bring it into view."""
        self.annotations.select(annotation_id)
        if annotation_id:
            self.label_chosen.emit(self.annotations.label_of(annotation_id))
        interval = self.annotations.interval(annotation_id) if annotation_id else None
        if scroll and interval is not None:
            cursor = self.view.textCursor()
            cursor.setPosition(interval.start)
            self.view.setTextCursor(cursor)
            self.view.centerCursor()

    def select_neighbour(self, step: int) -> None:
        """Select the next (1) or previous (-1) annotation in reading order, from the
        selected one or else from the cursor, and bring it into view."""
        intervals = sorted(
            [*self.annotations.span_index, *self.annotations.trigger_index],
            key=lambda item: (item.start, -item.end, item.id),
        )
        if not intervals:
            return
        ids = [item.id for item in intervals]
        selected = self.annotations.selected_id
        if selected in ids:
            index = ids.index(selected) + step
        else:
            cursor = self.view.textCursor().position()
            after = next((i for i, item in enumerate(intervals) if item.start >= cursor),
                         len(intervals))
            index = after if step > 0 else after - 1
        self.clear_text_selection()
        self.select_annotation(ids[index % len(ids)], scroll=True)

    def _repaint(self, start: int, end: int) -> None:
        """Repaint the lines of the blocks holding Qt positions ``[start, end)`` only."""
        view = self.view
        offset = view.contentOffset()
        width = view.viewport().width()
        block = view.document().findBlock(start)
        while block.isValid() and block.position() < max(end, start + 1):
            geometry = view.blockBoundingGeometry(block).translated(offset).toAlignedRect()
            view.viewport().update(0, geometry.top(), width, geometry.height())
            block = block.next()

    # -- entities ---------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """Label the selection, or relabel the selected span, with an entity label."""
        self.label_chosen.emit(label)
        document = self.annotations.document
        if document is None:
            return
        span = self.annotations.selected_span()
        current = self.selected_range()
        if current is None and span is not None:
            if span.label != label:
                self.save(lambda: self.session.relabel_span(span.id, label))
            return
        if current is None:
            self.window.statusBar().showMessage(self.tr("Select some text first"), 3000)
            return
        self._add_span(*current, label)

    def _add_span(self, start: int, end: int, label: str) -> None:
        existing = self.annotations.find_span(start, end, label)
        if existing is not None:
            self.select_annotation(existing.id)
            return
        document = self.annotations.document
        assert document is not None
        span = Span(new_id(), document.id, self.window.annotator, start, end, label)
        if self.overlaps(span):
            self.window.statusBar().showMessage(
                self.tr("This schema does not allow overlapping spans"), 4000
            )
            return
        if not confirm_span(self.window, self.annotations.text, start, end, label, self.schema):
            return  # a span across paragraphs or over the schema's length: not wanted
        session = self.session
        if self.save(lambda: session.add_span(session.new_span(start, end, label))):
            self.clear_text_selection()

    def overlaps(self, span: Span) -> bool:
        """True when the schema forbids ``span`` because it overlaps a span of the document."""
        spans = self.annotations.spans.values()
        return bool(rules.problems(rules.check_no_overlap, self.schema, span, spans))

    def clear_text_selection(self) -> None:
        """Drop the text selection but keep the selected annotation."""
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self._exact = None

    def label_spans(self, spans: list[Span], label: Message | None = None) -> bool:
        """Add several spans as one undoable step."""
        return self.save(lambda: self.session.add_spans(spans, label))

    def label_in_document(
        self, doc_id: str, ranges: list[tuple[int, int]], label: str, query: str
    ) -> bool:
        """Label ``ranges`` of another document: one undoable step of that document's own
        history (label-all across the corpus); its undo is there when it is opened."""
        session, _stack = self._entry(doc_id)
        session.reload()  # what another window may have saved there
        spans = [session.new_span(start, end, label) for start, end in ranges]
        message = Message("label_spans", (str(len(spans)), query, label))
        return self.save(lambda: session.add_spans(spans, message))

    def delete_selected(self) -> None:
        """Remove the selected span or event."""
        annotations = self.annotations
        selected = annotations.selected_id
        if selected in annotations.spans:
            self.save(lambda: self.session.remove_span(selected))
        elif selected in annotations.events:
            self.save(lambda: self.session.remove_event(selected))

    # -- events -----------------------------------------------------------------

    def request_event(self) -> None:
        """Ask for the type of an event on the selected trigger (or retype the selected event)."""
        current = self.selected_range()
        event = self.annotations.selected_event()
        if current is None and event is not None:
            current = (event.trigger_start, event.trigger_end)
        if current is None:
            self.window.statusBar().showMessage(self.tr("Select the trigger word first"), 3000)
            return
        self.event_type_requested.emit(*current)

    def add_event(self, start: int, end: int, event_type: str) -> None:
        """Create an event of ``event_type`` on ``[start, end)``, or retype the one there."""
        document = self.annotations.document
        if document is None:
            return
        self.label_chosen.emit(event_type)
        existing = next(
            (e for e in self.annotations.events.values()
             if (e.trigger_start, e.trigger_end) == (start, end)),
            None,
        )
        if existing is not None:
            if existing.type != event_type:
                self.save(lambda: self.session.retype_event(existing.id, event_type))
            return
        session = self.session
        if self.save(lambda: session.add_event(session.new_event(start, end, event_type))):
            self.clear_text_selection()

    def add_argument(self, event_id: str, span_id: str, role: str) -> None:
        """Let a span fill ``role`` in an event."""
        self.save(lambda: self.session.add_argument(event_id, span_id, role))

    def remove_argument(self, event_id: str, argument: Argument) -> None:
        """Unlink an argument from an event."""
        self.save(lambda: self.session.remove_argument(event_id, argument))

    def set_argument_role(self, event_id: str, argument: Argument, role: str) -> None:
        """Change the role of an argument."""
        if role != argument.role:
            self.save(lambda: self.session.set_argument_role(event_id, argument, role))
