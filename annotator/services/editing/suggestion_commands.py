"""Accepting and rejecting suggestions as undoable editing commands.

The writes are those of :mod:`annotator.services.suggestion_actions` (the same
repository paths and checks as any edit, provenance in ``source``, outcome
counts); these commands run them inside the editing session, so the session's
state and observers follow and the step enters its undo history like any edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.services import suggestion_actions as actions
from annotator.services.editing.commands import Command
from annotator.services.editing.messages import Message
from annotator.services.suggestions import SuggestedArgument, Suggestion

if TYPE_CHECKING:
    from annotator.services.editing.session import EditingSession


def _show(session: EditingSession, accepted: Sequence[actions.Accepted]) -> None:
    for item in accepted:
        for span in item.spans:
            session.put_span(span)
        if item.event is not None:
            session.put_event(item.event)
        for event_id in dict.fromkeys(event_id for event_id, _ in item.arguments):
            session.refresh_event(event_id)


def _hide(session: EditingSession, accepted: Sequence[actions.Accepted]) -> None:
    for item in reversed(accepted):
        for event_id in dict.fromkeys(event_id for event_id, _ in item.arguments):
            if event_id in session.events:
                session.refresh_event(event_id)
        if item.event is not None:
            session.drop_event(item.event.id)
        for span in item.spans:
            session.drop_span(span.id)


class AcceptSuggestions(Command):
    """Copy suggestions into the annotator's work (one, or all of a document, as one step).

    ``label_as`` accepts a single suggestion under another label (a correction).
    After :meth:`do`, ``accepted`` holds what was created, including the arguments
    of a suggested event that were offered rather than linked.
    """

    def __init__(
        self, items: Sequence[Suggestion], label: Message, label_as: str | None = None
    ) -> None:
        self.items = list(items)
        self.label = label
        self.label_as = label_as
        self.accepted: list[actions.Accepted] = []

    def do(self, session: EditingSession) -> None:
        store, annotator = session.store, session.annotator
        if len(self.items) == 1:
            self.accepted = [actions.accept(store, annotator, self.items[0], self.label_as)]
        else:
            self.accepted = actions.accept_all(store, annotator, self.items)
        _show(session, self.accepted)

    def redo(self, session: EditingSession) -> None:
        for item in self.accepted:  # the same ids, so later steps still fit
            actions.redo_accept(session.store, item)
        _show(session, self.accepted)

    def undo(self, session: EditingSession) -> None:
        actions.undo_accept_all(session.store, self.accepted)
        _hide(session, self.accepted)

    @property
    def offered(self) -> list[tuple[str, SuggestedArgument, str]]:
        """(event id, argument, source) of each suggested argument not linked on accepting."""
        return [
            (item.event.id, argument, item.suggestion.source)
            for item in self.accepted
            if item.event is not None
            for argument in item.offered
        ]


class AcceptArgument(Command):
    """Add an offered argument to an accepted event, adding its entity if the annotator lacks it."""

    def __init__(
        self, event_id: str, argument: SuggestedArgument, source: str, label: Message
    ) -> None:
        self.event_id = event_id
        self.argument = argument
        self.source = source
        self.label = label
        self.accepted: actions.Accepted | None = None

    def do(self, session: EditingSession) -> None:
        self.accepted = actions.accept_argument(
            session.store, session.annotator, self.event_id, self.argument, self.source
        )
        _show(session, [self.accepted])

    def redo(self, session: EditingSession) -> None:
        assert self.accepted is not None, "redo before do"
        actions.redo_accept(session.store, self.accepted)
        _show(session, [self.accepted])

    def undo(self, session: EditingSession) -> None:
        assert self.accepted is not None, "undo before do"
        actions.undo_accept(session.store, self.accepted)
        _hide(session, [self.accepted])


class RejectSuggestions(Command):
    """Never suggest these items to the annotator on this document again (stored)."""

    def __init__(self, items: Sequence[Suggestion], label: Message) -> None:
        self.items = list(items)
        self.label = label

    def do(self, session: EditingSession) -> None:
        actions.reject(session.store, session.annotator, self.items)

    def undo(self, session: EditingSession) -> None:
        actions.undo_reject(session.store, session.annotator, self.items)
