"""Accepting and rejecting suggestions (services.suggestions gathers them).

Accepting copies the item into the annotator's own work with ``source`` naming
its origin, through the annotation repository, which applies the same checks
as every other edit (offsets, labels, argument roles). Each function returns
what it did, so the window can undo it; counts of accepted, rejected and
corrected suggestions are kept per document, annotator and source.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.model import Argument, Event, Span, new_id
from annotator.core.recommenders import ItemKind
from annotator.core.recommenders.base import Rejection
from annotator.services.suggestions import SuggestedArgument, Suggestion
from annotator.store import ProjectStore


@dataclass(frozen=True)
class Accepted:
    """What accepting one suggestion created.

    ``offered`` are the suggested event's arguments whose entities the annotator
    lacks: the window offers them (see :func:`accept_argument`).
    """

    suggestion: Suggestion
    annotator: str
    spans: tuple[Span, ...] = ()
    event: Event | None = None
    offered: tuple[SuggestedArgument, ...] = ()
    corrected: bool = False
    # Arguments added to an existing event (accept_argument): (event id, argument).
    arguments: tuple[tuple[str, Argument], ...] = ()

    @property
    def outcome(self) -> str:
        return "corrected" if self.corrected else "accepted"


def accept(
    store: ProjectStore, annotator: str, suggestion: Suggestion, label: str | None = None
) -> Accepted:
    """Copy ``suggestion`` into ``annotator``'s work (as ``label``: a correction)."""
    with store.transaction():
        accepted = _accept(store, annotator, suggestion, label)
        store.suggestions.count_outcome(
            suggestion.document_id, annotator, suggestion.source, accepted.outcome
        )
    return accepted


def accept_all(store: ProjectStore, annotator: str, items: Sequence[Suggestion]) -> list[Accepted]:
    """Accept every suggestion in ``items`` in one transaction: all or none.

    Entities go first, so a suggested event finds its arguments' entities among
    them and links them rather than offering them.
    """
    ordered = sorted(items, key=lambda item: item.kind is ItemKind.EVENT)
    with store.transaction():
        return [accept(store, annotator, item) for item in ordered]


def _accept(
    store: ProjectStore, annotator: str, suggestion: Suggestion, label: str | None
) -> Accepted:
    corrected = label is not None and label != suggestion.label
    label = label or suggestion.label
    doc_id, source = suggestion.document_id, suggestion.source
    if suggestion.kind is ItemKind.SPAN:
        span = store.annotations.add_span(
            Span(new_id(), doc_id, annotator, suggestion.start, suggestion.end, label, source)
        )
        return Accepted(suggestion, annotator, spans=(span,), corrected=corrected)
    own = {(s.start, s.end, s.label): s for s in store.annotations.spans(doc_id, annotator)}
    linked, offered = [], []
    schema_event = store.schema.event(label)
    for argument in suggestion.arguments:
        span = own.get((argument.start, argument.end, argument.label))
        fits = schema_event is not None and schema_event.role(argument.role) is not None
        if span is not None and fits:
            linked.append(Argument(new_id(), argument.role, span.id))
        else:
            offered.append(argument)
    event = store.annotations.add_event(
        Event(
            new_id(),
            doc_id,
            annotator,
            label,
            suggestion.start,
            suggestion.end,
            tuple(linked),
            source,
        )
    )
    return Accepted(suggestion, annotator, event=event, offered=tuple(offered), corrected=corrected)


def accept_argument(
    store: ProjectStore, annotator: str, event_id: str, argument: SuggestedArgument, source: str
) -> Accepted:
    """Add an offered argument to ``annotator``'s event, first adding its entity if missing.

    Returns the argument and the span it created (none when the annotator had the
    entity), so :func:`undo_accept` removes exactly those.
    """
    event = store.annotations.event(event_id)
    own = [
        s
        for s in store.annotations.spans(event.document_id, annotator)
        if (s.start, s.end, s.label) == (argument.start, argument.end, argument.label)
    ]
    suggestion = Suggestion(
        event.document_id, ItemKind.SPAN, argument.start, argument.end, argument.label, source
    )
    with store.transaction():
        created: tuple[Span, ...] = ()
        if own:
            span = own[0]
        else:
            span = store.annotations.add_span(
                Span(
                    new_id(),
                    event.document_id,
                    annotator,
                    argument.start,
                    argument.end,
                    argument.label,
                    source,
                )
            )
            created = (span,)
        link = Argument(new_id(), argument.role, span.id)
        store.annotations.add_argument(event_id, link)
        store.suggestions.count_outcome(event.document_id, annotator, source, "accepted")
    return Accepted(suggestion, annotator, spans=created, arguments=((event_id, link),))


def undo_accept(store: ProjectStore, accepted: Accepted) -> None:
    """Remove what :func:`accept` or :func:`accept_argument` created; take back its count."""
    suggestion = accepted.suggestion
    with store.transaction():
        for _event_id, argument in accepted.arguments:
            with contextlib.suppress(KeyError):  # gone with its span or event already
                store.annotations.remove_argument(argument.id)
        if accepted.event is not None:
            store.annotations.remove_event(accepted.event.id)
        for span in accepted.spans:
            store.annotations.remove_span(span.id)
        store.suggestions.count_outcome(
            suggestion.document_id, accepted.annotator, suggestion.source, accepted.outcome, -1
        )


def redo_accept(store: ProjectStore, accepted: Accepted) -> None:
    """Do an undone accept again, with the same ids (so later undo steps still fit)."""
    suggestion = accepted.suggestion
    with store.transaction():
        if accepted.spans:
            store.annotations.add_spans(accepted.spans)
        if accepted.event is not None:
            store.annotations.add_event(accepted.event)
        for event_id, argument in accepted.arguments:
            store.annotations.add_argument(event_id, argument)
        store.suggestions.count_outcome(
            suggestion.document_id, accepted.annotator, suggestion.source, accepted.outcome
        )


def undo_accept_all(store: ProjectStore, accepted: Sequence[Accepted]) -> None:
    """Undo :func:`accept_all` (or several accepts) as one step, last first."""
    with store.transaction():
        for item in reversed(accepted):
            undo_accept(store, item)


def _rejections(annotator: str, items: Sequence[Suggestion]) -> list[Rejection]:
    return [
        Rejection(s.document_id, annotator, s.kind, s.start, s.end, s.label, s.source)
        for s in items
    ]


def reject(store: ProjectStore, annotator: str, items: Sequence[Suggestion]) -> None:
    """Never suggest ``items`` to ``annotator`` on their documents again (one or many)."""
    with store.transaction():
        store.suggestions.reject(_rejections(annotator, items))
        for item in items:
            store.suggestions.count_outcome(item.document_id, annotator, item.source, "rejected")


def undo_reject(store: ProjectStore, annotator: str, items: Sequence[Suggestion]) -> None:
    """Undo :func:`reject`: the items are suggested again."""
    with store.transaction():
        store.suggestions.unreject(_rejections(annotator, items))
        for item in items:
            store.suggestions.count_outcome(
                item.document_id, annotator, item.source, "rejected", -1
            )
