"""Adjudication: settling the annotators' disagreements into a gold annotation.

The gold annotation is kept under its own annotator of kind GOLD (default name
"gold"), so it never mixes with anyone's own work and exports like any
annotator's. Each gold span and event records in ``source`` who decided it: the
annotator it was accepted from, several names joined by "+" when accepted
because everyone agreed, or None when the adjudicator drew it.

Every change returns a :class:`Change` that :func:`undo` and :func:`redo` can
reverse and replay (ids are kept), which the GUI's undo stack uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from annotator.core.disagreements import (
    Disagreement,
    agreed_events,
    agreed_spans,
    find_disagreements,
)
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import AnnotatorKind, Argument, Event, Span, new_id
from annotator.store import ProjectStore
from annotator.store.annotations import SpanRemoval

GOLD = "gold"

__all__ = [
    "GOLD",
    "Change",
    "Disagreement",
    "accept_agreed",
    "accept_event",
    "accept_span",
    "add_gold_span",
    "disagreements",
    "ensure_gold",
    "redo",
    "relabel_gold_span",
    "remove_gold_event",
    "remove_gold_span",
    "undo",
]


@dataclass
class Change:
    """What one adjudication step did to the gold annotation."""

    added_spans: list[Span] = field(default_factory=list)
    added_events: list[Event] = field(default_factory=list)
    removed_spans: list[SpanRemoval] = field(default_factory=list)
    removed_events: list[Event] = field(default_factory=list)
    relabelled: list[tuple[str, str, str]] = field(default_factory=list)  # id, old, new

    @property
    def empty(self) -> bool:
        """True when nothing changed (e.g. the span was already accepted)."""
        return not (
            self.added_spans
            or self.added_events
            or self.removed_spans
            or self.removed_events
            or self.relabelled
        )


def ensure_gold(store: ProjectStore, name: str = GOLD) -> str:
    """The gold annotator's name, created as kind GOLD if new; refuses a person's name."""
    try:
        existing = store.annotators.get(name)
    except NotFoundError:
        return store.annotators.ensure(name, AnnotatorKind.GOLD).name
    if existing.kind is not AnnotatorKind.GOLD:
        raise ValidationError(f"{name!r} is a {existing.kind.value} annotator, not a gold one")
    return existing.name


def disagreements(
    store: ProjectStore, doc_id: str, annotators: Sequence[str]
) -> list[Disagreement]:
    """The document's disagreements among ``annotators``, in text order (for next/previous)."""
    with store.snapshot():
        spans = {a: store.annotations.spans(doc_id, a) for a in annotators}
        events = {a: store.annotations.events(doc_id, a) for a in annotators}
    return find_disagreements(spans, events)


def accept_span(store: ProjectStore, span_id: str, gold: str = GOLD) -> Change:
    """Copy an annotator's span into the gold, replacing gold spans at the same position."""
    span = store.annotations.span(span_id)
    change = Change()
    with store.transaction():
        _accept_span(store, span, gold, span.annotator, change)
    return change


def _accept_span(store: ProjectStore, span: Span, gold: str, source: str, change: Change) -> Span:
    """The gold span equal to ``span``, added (and same-position ones replaced) if needed."""
    current = store.annotations.spans(span.document_id, gold)
    for existing in current:
        if (existing.start, existing.end, existing.label) == (span.start, span.end, span.label):
            return existing
    for existing in current:
        if (existing.start, existing.end) == (span.start, span.end):
            change.removed_spans.append(store.annotations.remove_span(existing.id))
    accepted = Span(new_id(), span.document_id, gold, span.start, span.end, span.label, source)
    store.annotations.add_span(accepted)
    change.added_spans.append(accepted)
    return accepted


def accept_event(store: ProjectStore, event_id: str, gold: str = GOLD) -> Change:
    """Copy an annotator's event (and its argument spans) into the gold.

    Gold events with the same trigger are replaced; argument spans reuse equal
    gold spans or are accepted too.
    """
    event = store.annotations.event(event_id)
    change = Change()
    with store.transaction():
        _accept_event(store, event, gold, event.annotator, change)
    return change


def _accept_event(
    store: ProjectStore, event: Event, gold: str, source: str, change: Change
) -> None:
    for existing in store.annotations.events(event.document_id, gold):
        if (existing.trigger_start, existing.trigger_end) == (
            event.trigger_start,
            event.trigger_end,
        ):
            change.removed_events.append(store.annotations.remove_event(existing.id))
    arguments = []
    for argument in event.arguments:
        span = store.annotations.span(argument.span_id)
        gold_span = _accept_span(store, span, gold, source, change)
        arguments.append(Argument(new_id(), argument.role, gold_span.id))
    accepted = replace(
        event, id=new_id(), annotator=gold, arguments=tuple(arguments), source=source
    )
    store.annotations.add_event(accepted)
    change.added_events.append(accepted)


def accept_agreed(
    store: ProjectStore, doc_id: str, annotators: Sequence[str], gold: str = GOLD
) -> Change:
    """Accept every span and event all ``annotators`` agree on (already accepted ones stay)."""
    if len(annotators) < 2:
        raise ValidationError(
            "agreement needs at least two annotators",
            message_id="agreement_needs_two", arguments=(", ".join(annotators),),
        )
    source = "+".join(annotators)
    change = Change()
    with store.transaction():  # read what is agreed in the transaction that accepts it
        spans = {a: store.annotations.spans(doc_id, a) for a in annotators}
        events = {a: store.annotations.events(doc_id, a) for a in annotators}
        for span in agreed_spans(spans):
            _accept_span(store, span, gold, source, change)
        gold_events = {_trigger(e): e for e in store.annotations.events(doc_id, gold)}
        for event in agreed_events(spans, events):
            if _trigger(event) not in gold_events:
                _accept_event(store, event, gold, source, change)
    return change


def add_gold_span(
    store: ProjectStore, doc_id: str, start: int, end: int, label: str, gold: str = GOLD
) -> Change:
    """A span the adjudicator draws (source None)."""
    span = Span(new_id(), doc_id, gold, start, end, label)
    store.annotations.add_span(span)
    return Change(added_spans=[span])


def remove_gold_span(store: ProjectStore, span_id: str) -> Change:
    """Delete a gold span (and arguments pointing at it)."""
    return Change(removed_spans=[store.annotations.remove_span(span_id)])


def remove_gold_event(store: ProjectStore, event_id: str) -> Change:
    """Delete a gold event (its argument spans stay)."""
    return Change(removed_events=[store.annotations.remove_event(event_id)])


def relabel_gold_span(store: ProjectStore, span_id: str, label: str) -> Change:
    """Give a gold span another label."""
    old = store.annotations.span(span_id).label
    store.annotations.relabel_span(span_id, label)
    return Change(relabelled=[(span_id, old, label)])


def undo(store: ProjectStore, change: Change) -> None:
    """Reverse ``change`` exactly (ids included)."""
    with store.transaction():
        for event in change.added_events:
            store.annotations.remove_event(event.id)
        for span in reversed(change.added_spans):
            store.annotations.remove_span(span.id)
        for removal in change.removed_spans:
            store.annotations.restore_span(removal)
        for event in change.removed_events:
            store.annotations.add_event(event)
        for span_id, old, _new in change.relabelled:
            store.annotations.relabel_span(span_id, old)


def redo(store: ProjectStore, change: Change) -> None:
    """Replay ``change`` after undo()."""
    with store.transaction():
        for event in change.removed_events:
            store.annotations.remove_event(event.id)
        for removal in change.removed_spans:
            store.annotations.remove_span(removal.span.id)
        store.annotations.add_spans(change.added_spans)
        for event in change.added_events:
            store.annotations.add_event(event)
        for span_id, _old, new in change.relabelled:
            store.annotations.relabel_span(span_id, new)


def _trigger(event: Event) -> tuple[int, int, str]:
    return (event.trigger_start, event.trigger_end, event.type)
