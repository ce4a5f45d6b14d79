"""Accepting and rejecting suggestions as undoable steps of an EditingSession.

The workspace runs these through ``session.execute`` like any other edit, so
they share its history (Edit › Undo), its transaction per step and its rules.
Each command writes through services.suggestion_actions; redo brings back the
very items the first run created (same ids), so later steps still fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.services.editing import Command, EditingSession, Message
from annotator.services.suggestion_actions import (
    Accepted,
    accept,
    accept_all,
    accept_argument,
    redo_accept,
    reject,
    undo_accept_all,
    undo_reject,
)
from annotator.services.suggestions import SuggestedArgument, Suggestion
from annotator.store import ProjectStore


def _show(session: EditingSession, accepted: Sequence[Accepted]) -> None:
    for item in accepted:
        for span in item.spans:
            session.put_span(span)
        if item.event is not None:
            session.put_event(item.event)
        for event_id, _argument in item.arguments:
            session.refresh_event(event_id)


def _hide(session: EditingSession, accepted: Sequence[Accepted]) -> None:
    for item in reversed(accepted):
        for event_id, _argument in item.arguments:
            if event_id in session.events:
                session.refresh_event(event_id)
        if item.event is not None:
            session.drop_event(item.event.id)
        for span in item.spans:
            session.drop_span(span.id)


class AcceptSuggestions(Command):
    """Accept one suggestion (relabelled, if ``label`` is given) or several, as one step."""

    def __init__(
        self, store: ProjectStore, items: Sequence[Suggestion], label: str | None = None
    ) -> None:
        self.store, self.items, self.relabel = store, list(items), label
        self.accepted: list[Accepted] = []
        if len(self.items) == 1:
            item = self.items[0]
            self.label = Message("accept_suggestion", (item.source, label or item.label))
        else:
            self.label = Message("accept_suggestions", (str(len(self.items)),))

    def do(self, session: EditingSession) -> None:
        if len(self.items) == 1:
            self.accepted = [accept(self.store, session.annotator, self.items[0], self.relabel)]
        else:
            self.accepted = accept_all(self.store, session.annotator, self.items)
        _show(session, self.accepted)

    def redo(self, session: EditingSession) -> None:
        for item in self.accepted:
            redo_accept(self.store, item)
        _show(session, self.accepted)

    def undo(self, session: EditingSession) -> None:
        undo_accept_all(self.store, self.accepted)
        _hide(session, self.accepted)


class AcceptArgument(Command):
    """Add an offered argument to an accepted event (with its entity, if missing)."""

    def __init__(
        self, store: ProjectStore, event_id: str, argument: SuggestedArgument, source: str
    ) -> None:
        self.store, self.event_id, self.argument, self.source = store, event_id, argument, source
        self.accepted: Accepted | None = None
        self.label = Message("add_argument", (argument.role,))

    def do(self, session: EditingSession) -> None:
        self.accepted = accept_argument(
            self.store, session.annotator, self.event_id, self.argument, self.source
        )
        _show(session, [self.accepted])

    def redo(self, session: EditingSession) -> None:
        assert self.accepted is not None, "redo before do"
        redo_accept(self.store, self.accepted)
        _show(session, [self.accepted])

    def undo(self, session: EditingSession) -> None:
        assert self.accepted is not None, "undo before do"
        undo_accept_all(self.store, [self.accepted])
        _hide(session, [self.accepted])


class RejectSuggestions(Command):
    """Reject suggestions (one, or all of a document's): stored, never shown again."""

    def __init__(self, store: ProjectStore, items: Sequence[Suggestion]) -> None:
        self.store, self.items = store, list(items)
        if len(self.items) == 1:
            self.label = Message("reject_suggestion", (self.items[0].label,))
        else:
            self.label = Message("reject_suggestions", (str(len(self.items)),))

    def do(self, session: EditingSession) -> None:
        reject(self.store, session.annotator, self.items)

    def undo(self, session: EditingSession) -> None:
        undo_reject(self.store, session.annotator, self.items)
