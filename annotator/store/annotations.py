"""Entity spans, events and event arguments.

Every write validates offsets against the document text and labels against the
project schema, and touches the annotator's status row for the document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from annotator.core import rules
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import Argument, Event, Span
from annotator.store.bulk import insert_rows
from annotator.store.clock import utc_now
from annotator.store.columns import (
    DOCUMENT_KEY,
    EVENT_COLUMNS,
    EVENT_INSERT,
    EVENTS,
    SPAN_COLUMNS,
    SPAN_INSERT,
    SPANS,
    event_rows,
    span_rows,
    span_values,
)

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore



@dataclass(frozen=True)
class SpanRemoval:
    """A deleted span and the event arguments that pointed at it, so undo can restore both."""

    span: Span
    arguments: tuple[tuple[str, Argument], ...]
    # Each argument's place in its event's list, so a restore puts it back there.
    positions: tuple[int, ...] = ()


class AnnotationRepository:
    """Reads and writes the ``spans``, ``events`` and ``event_arguments`` tables."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    # -- validation -------------------------------------------------------

    def _text_length(self, doc_id: str) -> int:
        row = self._store.db.execute(
            "SELECT chars FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise ValidationError(f"no document with id {doc_id!r}")
        return row[0]

    def _check_span(self, span: Span, lengths: dict[str, int]) -> None:
        if span.document_id not in lengths:
            lengths[span.document_id] = self._text_length(span.document_id)
        rules.check_span_offsets(span.start, span.end, lengths[span.document_id], span.label)
        rules.check_entity_label(self._store.schema, span.label)

    def _check_overlaps(self, spans: list[Span]) -> None:
        """New ``spans`` overlap neither each other nor stored spans, where the schema says so."""
        schema = self._store.schema
        if schema.allow_overlap:
            return
        groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for span in spans:
            groups[span.document_id, span.annotator].append(span)
        for (doc_id, annotator), new in groups.items():
            ids = {s.id for s in new}
            stored = [s for s in self.spans(doc_id, annotator) if s.id not in ids]
            rules.check_no_overlaps(schema, new)
            for span in new:
                rules.check_no_overlap(schema, span, stored)

    def _check_event(self, event: Event, lengths: dict[str, int]) -> None:
        if event.document_id not in lengths:
            lengths[event.document_id] = self._text_length(event.document_id)
        rules.check_trigger_offsets(
            event.trigger_start, event.trigger_end, lengths[event.document_id], event.type
        )
        rules.check_event_type(self._store.schema, event.type)
        rules.check_distinct_arguments(event.type, [(a.role, a.span_id) for a in event.arguments])

    def _check_role(self, event_type: str, role: str, label: str) -> None:
        """Refuse a role the event type does not have, or one an entity ``label`` cannot fill.

        Checked whenever an argument, its span's label or its event's type changes, so
        every stored argument fits: undoing back to any earlier state never fails on it.
        """
        rules.check_role_accepts(self._store.schema, event_type, role, label)

    def _arguments_of_span(self, span_id: str) -> list[tuple[str, str]]:
        """(event type, role) of every argument ``span_id`` fills."""
        return self._store.db.execute(
            "SELECT e.type, a.role FROM event_arguments a JOIN events e ON e.id = a.event_id "
            "WHERE a.span_id = ?",
            [span_id],
        ).fetchall()

    def _touch(self, pairs: Iterable[tuple[str, str]]) -> None:
        for doc_id, annotator in set(pairs):
            self._store.annotators.touch(doc_id, annotator)

    # -- spans ------------------------------------------------------------

    def add_span(self, span: Span) -> Span:
        """Store a new span."""
        self.add_spans([span])
        return span

    def add_spans(self, spans: Iterable[Span]) -> list[Span]:
        """Store several spans in one transaction; all or none are stored."""
        spans = list(spans)
        lengths: dict[str, int] = {}
        for span in spans:
            self._check_span(span, lengths)
        self._check_overlaps(spans)
        now = utc_now()
        with self._store.transaction() as db:
            for name in {s.annotator for s in spans}:
                self._store.annotators.ensure(name)
            insert_rows(db.conn, SPAN_INSERT, span_rows(db, list(map(span_values, spans)), now))
            self._touch((s.document_id, s.annotator) for s in spans)
        return spans

    def relabel_span(self, span_id: str, label: str) -> Span:
        """Give a span another label; returns the updated span."""
        span = replace(self.span(span_id), label=label)
        self._check_span(span, {})
        for event_type, role in self._arguments_of_span(span_id):
            try:
                self._check_role(event_type, role, label)
            except ValidationError as exc:
                raise ValidationError(
                    f"cannot relabel the span as {label}: it is the {role} of a {event_type} "
                    f"event ({exc}); remove it from the event first"
                ) from None
        with self._store.transaction() as db:
            changed = db.execute(
                "UPDATE spans SET label = ?, updated_at = ? WHERE id = ?",
                [label, utc_now(), span_id],
            ).rowcount
            self._store.require_changed(changed, "spans", "id = ?", [span_id])
            self._touch([(span.document_id, span.annotator)])
        return span

    def remove_span(self, span_id: str) -> SpanRemoval:
        """Delete a span and the event arguments pointing at it."""
        span = self.span(span_id)
        rows = self._store.db.execute(
            "SELECT id, event_id, role, position FROM event_arguments WHERE span_id = ? "
            "ORDER BY position",
            [span_id],
        ).fetchall()
        arguments = tuple(
            (event_id, Argument(arg_id, role, span_id)) for arg_id, event_id, role, _ in rows
        )
        with self._store.transaction() as db:
            changed = db.execute("DELETE FROM spans WHERE id = ?", [span_id]).rowcount
            self._store.require_changed(changed, "spans", "id = ?", [span_id])
            self._touch([(span.document_id, span.annotator)])
        return SpanRemoval(span, arguments, tuple(row[3] for row in rows))

    def restore_span(self, removal: SpanRemoval) -> None:
        """Undo remove_span: the span and its arguments come back with their ids."""
        with self._store.transaction() as db:
            self.add_span(removal.span)
            for event_id, argument in removal.arguments:
                self.add_argument(event_id, argument)
            for (_, argument), position in zip(removal.arguments, removal.positions, strict=False):
                changed = db.execute(
                    "UPDATE event_arguments SET position = ? WHERE id = ?", [position, argument.id]
                ).rowcount
                self._store.require_changed(changed, "event_arguments", "id = ?", [argument.id])

    def span(self, span_id: str) -> Span:
        """The span with id ``span_id``; NotFoundError if there is none."""
        row = self._store.db.execute(
            f"SELECT {SPAN_COLUMNS} FROM {SPANS} WHERE s.id = ?", [span_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"the span {span_id!r} is no longer in the project")
        return Span(*row)

    def spans(self, doc_id: str, annotator: str | None = None) -> list[Span]:
        """A document's spans (of one annotator, if given), by position."""
        sql = f"SELECT {SPAN_COLUMNS} FROM {SPANS} WHERE d.id = ?"
        params: list[Any] = [doc_id]
        if annotator is not None:
            sql, params = sql + " AND s.annotator = ?", [*params, annotator]
        rows = self._store.db.execute(sql + ' ORDER BY s.start, s."end" DESC, s.id', params)
        return [Span(*row) for row in rows]

    def label_counts(self, doc_id: str | None = None) -> dict[tuple[str, str], int]:
        """(annotator, label) -> number of spans, in one document or the whole project."""
        sql = "SELECT s.annotator, s.label, count(*) FROM spans s"
        params: list[Any] = []
        if doc_id is not None:
            sql, params = sql + f" WHERE s.document = {DOCUMENT_KEY}", [doc_id]
        rows = self._store.db.execute(sql + " GROUP BY s.annotator, s.label", params)
        return {(annotator, label): n for annotator, label, n in rows}

    # -- events -----------------------------------------------------------

    def event_counts(self) -> dict[str, int]:
        """Annotator -> number of events in the whole project."""
        rows = self._store.db.execute("SELECT annotator, count(*) FROM events GROUP BY annotator")
        return dict(rows.fetchall())

    def add_event(self, event: Event) -> Event:
        """Store a new event with its arguments."""
        self._check_event(event, {})
        with self._store.transaction() as db:
            self._store.annotators.ensure(event.annotator)
            insert_rows(db.conn, EVENT_INSERT, event_rows(db, [event], utc_now()))
            for argument in event.arguments:
                self.add_argument(event.id, argument)
            self._touch([(event.document_id, event.annotator)])
        return event

    def retype_event(self, event_id: str, event_type: str) -> Event:
        """Change an event's type; returns the updated event."""
        event = replace(self.event(event_id), type=event_type)
        self._check_event(event, {})
        for argument in event.arguments:
            try:
                self._check_role(event_type, argument.role, self.span(argument.span_id).label)
            except ValidationError as exc:
                raise ValidationError(
                    f"cannot make the event a {event_type}: its argument {argument.role} would "
                    f"not fit ({exc}); remove that argument first"
                ) from None
        with self._store.transaction() as db:
            changed = db.execute(
                "UPDATE events SET type = ?, updated_at = ? WHERE id = ?",
                [event_type, utc_now(), event_id],
            ).rowcount
            self._store.require_changed(changed, "events", "id = ?", [event_id])
            self._touch([(event.document_id, event.annotator)])
        return event

    def remove_event(self, event_id: str) -> Event:
        """Delete an event and its arguments; returns it (arguments included) for undo."""
        event = self.event(event_id)
        with self._store.transaction() as db:
            changed = db.execute("DELETE FROM events WHERE id = ?", [event_id]).rowcount
            self._store.require_changed(changed, "events", "id = ?", [event_id])
            self._touch([(event.document_id, event.annotator)])
        return event

    def add_argument(self, event_id: str, argument: Argument) -> None:
        """Link an entity span to an event in ``argument.role``."""
        event = self.event(event_id)
        try:
            span = self.span(argument.span_id)
        except NotFoundError:
            raise ValidationError(
                f"event {event.type}: argument {argument.role!r} points at entity span "
                f"{argument.span_id!r}, which does not exist"
            ) from None
        rules.check_argument_place(
            event.type, (event.document_id, event.annotator), (span.document_id, span.annotator)
        )
        self._check_role(event.type, argument.role, span.label)
        rules.check_distinct_arguments(
            event.type,
            [(a.role, a.span_id) for a in event.arguments] + [(argument.role, span.id)],
        )
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO event_arguments (id, event_id, role, span_id, position) "
                # After the last position, not at count(*): once an argument was
                # removed, count(*) repeats a position in use and the order falls to ids.
                "VALUES (?, ?, ?, ?, "
                "(SELECT coalesce(max(position) + 1, 0) FROM event_arguments WHERE event_id = ?))",
                [argument.id, event_id, argument.role, argument.span_id, event_id],
            )
            self._touch([(event.document_id, event.annotator)])

    def remove_argument(self, argument_id: str) -> tuple[str, Argument]:
        """Unlink an argument; returns (event id, argument) for undo."""
        row = self._store.db.execute(
            "SELECT event_id, role, span_id FROM event_arguments WHERE id = ?", [argument_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"the argument {argument_id!r} is no longer in the project")
        event_id, role, span_id = row
        event = self.event(event_id)
        with self._store.transaction() as db:
            changed = db.execute("DELETE FROM event_arguments WHERE id = ?", [argument_id]).rowcount
            self._store.require_changed(changed, "event_arguments", "id = ?", [argument_id])
            self._touch([(event.document_id, event.annotator)])
        return event_id, Argument(argument_id, role, span_id)

    def set_argument_role(self, argument_id: str, role: str) -> None:
        """Change the role an argument fills."""
        event_id, _ = self._argument_owner(argument_id)
        event = self.event(event_id)
        span_id = next(a.span_id for a in event.arguments if a.id == argument_id)
        self._check_role(event.type, role, self.span(span_id).label)
        with self._store.transaction() as db:
            changed = db.execute(
                "UPDATE event_arguments SET role = ? WHERE id = ?", [role, argument_id]
            ).rowcount
            self._store.require_changed(changed, "event_arguments", "id = ?", [argument_id])
            self._touch([(event.document_id, event.annotator)])

    def _argument_owner(self, argument_id: str) -> tuple[str, str]:
        row = self._store.db.execute(
            "SELECT event_id, role FROM event_arguments WHERE id = ?", [argument_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"the argument {argument_id!r} is no longer in the project")
        return row[0], row[1]

    def event(self, event_id: str) -> Event:
        """The event with id ``event_id`` and its arguments; NotFoundError if there is none."""
        with self._store.snapshot():  # the event and its arguments of one moment
            row = self._store.db.execute(
                f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE e.id = ?", [event_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"the event {event_id!r} is no longer in the project")
            return self._with_arguments([row])[0]

    def events(self, doc_id: str, annotator: str | None = None) -> list[Event]:
        """A document's events (of one annotator, if given), by trigger position."""
        sql = f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE d.id = ?"
        params: list[Any] = [doc_id]
        if annotator is not None:
            sql, params = sql + " AND e.annotator = ?", [*params, annotator]
        with self._store.snapshot():
            rows = self._store.db.execute(
                sql + " ORDER BY e.trigger_start, e.id", params
            ).fetchall()
            return self._with_arguments(rows)

    def _with_arguments(self, rows: list[tuple[Any, ...]]) -> list[Event]:
        if not rows:
            return []
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        arguments: dict[str, list[Argument]] = defaultdict(list)
        for arg_id, event_id, role, span_id in self._store.db.execute(
            f"SELECT id, event_id, role, span_id FROM event_arguments "
            f"WHERE event_id IN ({marks}) ORDER BY position, id",
            ids,
        ):
            arguments[event_id].append(Argument(arg_id, role, span_id))
        return [Event(*row[:6], arguments=tuple(arguments[row[0]]), source=row[6]) for row in rows]

