"""The rules every annotation obeys, one function per rule.

Every path that writes annotations calls these same functions: the store's
annotation repository (the editor, label-all, adjudication and merge write
through it), the bulk writes of an import, and the import's record check that
reports ``file:line: reason``. The project file's SQL triggers remain the last
guard behind them. Each rule raises ValidationError with a reason a user can act
on; :func:`problems` turns a rule into a list of reasons for reports.

Offsets are code points, end-exclusive (see core.model).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from annotator.core.errors import ValidationError
from annotator.core.model import check_offsets
from annotator.core.schema import EventType, Role, Schema


class Labelled(Protocol):
    """Anything with a range and an entity label: a stored Span or an imported entity."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


def problems(rule: Callable[..., object], *args: object) -> list[str]:
    """``[reason]`` if ``rule(*args)`` is broken, else ``[]``: for reports of every problem."""
    try:
        rule(*args)
    except ValidationError as exc:
        return [str(exc)]
    return []


# -- offsets ------------------------------------------------------------------


def check_span_offsets(start: int, end: int, text_length: int, label: str) -> None:
    """An entity span lies inside the text and is not empty: ``0 <= start < end <= length``."""
    if type(start) is int and type(end) is int and 0 <= start < end <= text_length:
        return  # the common case, without building the message's name (see check_offsets)
    check_offsets(start, end, text_length, f"span {label}")


def check_trigger_offsets(start: int, end: int, text_length: int, event_type: str) -> None:
    """An event trigger lies inside the text and is not empty."""
    check_offsets(start, end, text_length, f"trigger of {event_type}")


# -- labels and types ---------------------------------------------------------


def check_entity_label(schema: Schema, label: str) -> None:
    """The entity label is one of the schema's entity types."""
    if schema.entity(label) is None:
        known = ", ".join(schema.entity_keys)
        raise ValidationError(
            f"unknown entity label {label!r} (not in the schema; its labels: {known})"
        )


def check_event_type(schema: Schema, event_type: str) -> EventType:
    """The event type is one of the schema's; returns it."""
    found = schema.event(event_type)
    if found is None:
        known = ", ".join(schema.event_keys) or "none"
        raise ValidationError(
            f"unknown event type {event_type!r} (not in the schema; its event types: {known})"
        )
    return found


# -- arguments ----------------------------------------------------------------


def check_role_exists(schema: Schema, event_type: str, role: str) -> Role:
    """The event type has an argument role called ``role``; returns it."""
    kind = check_event_type(schema, event_type)
    found = kind.role(role)
    if found is None:
        known = ", ".join(r.role for r in kind.roles)
        raise ValidationError(
            f"event {event_type} has no argument role {role!r}"
            + (f" (its roles: {known})" if known else " (it takes no arguments)")
        )
    return found


def check_role_accepts(schema: Schema, event_type: str, role: str, label: str) -> None:
    """The role exists and accepts an entity labelled ``label`` (a Place is not a PER)."""
    found = check_role_exists(schema, event_type, role)
    if label not in found.accepts:
        raise ValidationError(
            f"event {event_type}: role {role!r} accepts {', '.join(found.accepts)}, "
            f"not the entity label {label!r}"
        )


def check_argument_place(
    event_type: str,
    event_owner: tuple[str, str],
    span_owner: tuple[str, str],
) -> None:
    """An argument's span belongs to the event's own (document, annotator).

    An argument pointing into another document is meaningless; one pointing at
    another annotator's span would tie two people's work together, so neither
    could be merged, adjudicated or deleted on its own.
    """
    if span_owner[0] != event_owner[0]:
        raise ValidationError(
            f"event {event_type}: an argument must be a span of the event's own document"
        )
    if span_owner[1] != event_owner[1]:
        raise ValidationError(
            f"event {event_type}: an argument must be a span of the event's own annotator "
            f"({event_owner[1]!r}), not of {span_owner[1]!r}"
        )


def check_distinct_arguments(event_type: str, arguments: Sequence[tuple[str, str]]) -> None:
    """No (role, span) pair is listed twice in one event.

    The schema has no per-role arity (ACE lets a role have several fillers, e.g.
    two Attackers), so this is the arity rule it can express: the same entity
    fills the same role at most once.
    """
    seen: set[tuple[str, str]] = set()
    for role, span in arguments:
        if (role, span) in seen:
            raise ValidationError(
                f"event {event_type}: the same entity fills role {role!r} twice"
            )
        seen.add((role, span))


# -- overlap ------------------------------------------------------------------


def check_no_overlap(schema: Schema, span: Labelled, others: Iterable[Labelled]) -> None:
    """Where the schema says ``allow_overlap: false``, ``span`` shares no character with
    another span of the same document and annotator (``others``; ``span`` itself is skipped)."""
    if schema.allow_overlap:
        return
    for other in others:
        if other is not span and other.start < span.end and span.start < other.end:
            raise _overlap_error(span, other)


def check_no_overlaps(schema: Schema, spans: Iterable[Labelled]) -> None:
    """No two of ``spans`` (one document and annotator) overlap, where the schema forbids it."""
    if schema.allow_overlap:
        return
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    furthest: Labelled | None = None
    for span in ordered:
        if furthest is not None and span.start < furthest.end:
            raise _overlap_error(span, furthest)
        if furthest is None or span.end > furthest.end:
            furthest = span


def _overlap_error(span: Labelled, other: Labelled) -> ValidationError:
    return ValidationError(
        f"span {span.label} [{span.start}, {span.end}) overlaps span {other.label} "
        f"[{other.start}, {other.end}): this schema does not allow overlapping spans "
        "(allow_overlap: false)"
    )
