"""Bulk access to annotators' work: every span, event and status at once.

Agreement, merging and adjudication read whole projects; one query per table
keeps that fast. Replacing an annotator's work on a document (a merge) keeps the
ids and timestamps it came with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.model import Argument, Event, Span, Status
from annotator.store.columns import EVENT_COLUMNS, EVENTS, SPAN_COLUMNS, SPANS, WORK_OF

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

WorkKey = tuple[str, str]
"""``(document id, annotator)``."""


@dataclass(frozen=True)
class StatusStamp:
    """An annotator's status on a document and when their work there last changed."""

    status: Status
    updated_at: str


class WorkRepository:
    """Whole-project reads of spans, events and statuses, and wholesale replacement."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def stamps(
        self, annotators: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None
    ) -> dict[WorkKey, StatusStamp]:
        """Status and last change of every (document, annotator) with a status row
        (of ``annotators`` and ``doc_ids``, if given: a chunk of documents at a time)."""
        sql, params = _filtered(
            "SELECT document_id, annotator, status, updated_at FROM statuses", annotators, doc_ids
        )
        return {
            (doc_id, name): StatusStamp(Status(status), updated_at)
            for doc_id, name, status, updated_at in self._store.db.execute(sql, params)
        }

    def activity_times(self) -> dict[str, list[str]]:
        """Per annotator, when each of their spans, events and statuses last changed (sorted)."""
        times: dict[str, list[str]] = defaultdict(list)
        rows = self._store.db.execute(
            "SELECT annotator, updated_at FROM spans UNION ALL "
            "SELECT annotator, updated_at FROM events UNION ALL "
            "SELECT annotator, updated_at FROM statuses ORDER BY 1, 2"
        )
        for annotator, updated_at in rows:
            times[annotator].append(updated_at)
        return dict(times)

    def spans(
        self, annotators: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None
    ) -> dict[WorkKey, list[Span]]:
        """Every span (of ``annotators`` and ``doc_ids``, if given), grouped by
        (document, annotator)."""
        sql, params = _filtered(
            f"SELECT {SPAN_COLUMNS} FROM {SPANS}", annotators, doc_ids, ("s.annotator", "d.id")
        )
        grouped: dict[WorkKey, list[Span]] = defaultdict(list)
        for row in self._store.db.execute(sql + ' ORDER BY s.start, s."end" DESC, s.id', params):
            grouped[row[1], row[2]].append(Span(*row))
        return dict(grouped)

    def events(
        self, annotators: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None
    ) -> dict[WorkKey, list[Event]]:
        """Every event with its arguments (of ``annotators`` and ``doc_ids``), grouped by
        (document, annotator)."""
        among = (annotators, doc_ids, ("e.annotator", "d.id"))
        sql, params = _filtered(f"SELECT {EVENT_COLUMNS} FROM {EVENTS}", *among)
        ids_sql, _ = _filtered(f"SELECT e.id FROM {EVENTS}", *among)
        of_events = f"WHERE event_id IN ({ids_sql})" if params else ""
        arguments: dict[str, list[Argument]] = defaultdict(list)
        grouped: dict[WorkKey, list[Event]] = defaultdict(list)
        with self._store.snapshot():  # the events and their arguments of one moment
            for arg_id, event_id, role, span_id in self._store.db.execute(
                f"SELECT id, event_id, role, span_id FROM event_arguments {of_events} "
                "ORDER BY position, id",
                params,
            ):
                arguments[event_id].append(Argument(arg_id, role, span_id))
            rows = self._store.db.execute(
                sql + " ORDER BY e.trigger_start, e.id", params
            ).fetchall()
        for row in rows:
            event = Event(*row[:6], arguments=tuple(arguments.get(row[0], ())), source=row[6])
            grouped[row[1], row[2]].append(event)
        return dict(grouped)

    def replace(
        self,
        key: WorkKey,
        spans: Iterable[Span],
        events: Iterable[Event],
        stamp: StatusStamp,
    ) -> None:
        """Make ``spans``, ``events`` and ``stamp`` the whole work of ``key``, ids kept."""
        spans, events = list(spans), list(events)
        with self._store.transaction():
            self.clear(key)
            self._store.annotations.add_spans(spans)
            for event in events:
                self._store.annotations.add_event(event)
            self.set_stamp(key, stamp)

    def clear(self, key: WorkKey) -> None:
        """Delete the spans and events of ``key`` (a document and an annotator)."""
        params = list(key)
        with self._store.transaction() as db:
            for table, where in WORK_OF.items():
                changed = db.execute(f"DELETE FROM {table} WHERE {where}", params).rowcount
                self._store.require_changed(changed, table, where, params)

    def set_stamp(self, key: WorkKey, stamp: StatusStamp) -> None:
        """Set a status row with its own timestamp (not now: it says when the work changed)."""
        with self._store.transaction() as db:
            self._store.annotators.ensure(key[1])
            db.execute(
                "INSERT INTO statuses (document_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                [key[0], key[1], stamp.status.value, stamp.updated_at],
            )


def _filtered(
    sql: str,
    annotators: Sequence[str] | None,
    doc_ids: Sequence[str] | None = None,
    columns: tuple[str, str] = ("annotator", "document_id"),
) -> tuple[str, list[Any]]:
    """``sql`` keeping the rows of ``annotators`` and ``doc_ids`` (named by ``columns``)."""
    clauses, params = [], []
    for column, values in zip(columns, (annotators, doc_ids), strict=True):
        if values is not None:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            params += list(values)
    return (f"{sql} WHERE {' AND '.join(clauses)}" if clauses else sql), params
