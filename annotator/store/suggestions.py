"""Rejected suggestions, prediction confidences, suggestion outcomes, active time and
recommender state (the tables of migration 0003)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.effort import active_increment
from annotator.core.recommenders.base import ItemKind, Rejection
from annotator.store.clock import utc_now
from annotator.store.columns import DOCUMENT_KEY

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

OUTCOMES = ("accepted", "rejected", "corrected")
_REJECTION_COLUMNS = 'document_id, annotator, kind, start, "end", label, source'
# One rejection: its primary key.
_REJECTION = (
    'document_id = ? AND annotator = ? AND kind = ? AND start = ? AND "end" = ? AND label = ?'
)


@dataclass(frozen=True)
class StoredRecommender:
    """What is kept of one annotator's live recommender between sessions."""

    annotator: str
    recommender: str
    active: bool = True
    threshold: float = 0.0
    trained_at: str | None = None
    documents: int = 0
    evaluation: dict[str, Any] | None = None
    model: bytes | None = None


def _rejection(row: tuple[Any, ...]) -> Rejection:
    doc_id, annotator, kind, start, end, label, source = row
    return Rejection(doc_id, annotator, ItemKind(kind), start, end, label, source)


class SuggestionRepository:
    """Reads and writes the suggestion tables."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    # -- rejections -------------------------------------------------------

    def reject(self, rejections: Iterable[Rejection]) -> None:
        """Remember rejections (one already there is kept as it was)."""
        now = utc_now()
        with self._store.transaction() as db:
            for item in rejections:
                self._store.annotators.ensure(item.annotator)
                db.execute(
                    f"INSERT INTO rejections ({_REJECTION_COLUMNS}, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [
                        item.document_id,
                        item.annotator,
                        item.kind.value,
                        item.start,
                        item.end,
                        item.label,
                        item.source,
                        now,
                    ],
                )

    def unreject(self, rejections: Iterable[Rejection]) -> None:
        """Forget rejections (undo)."""
        with self._store.transaction() as db:
            for item in rejections:
                key = [item.document_id, item.annotator, item.kind.value, item.start, item.end,
                       item.label]
                changed = db.execute(f"DELETE FROM rejections WHERE {_REJECTION}", key).rowcount
                self._store.require_changed(changed, "rejections", _REJECTION, key)

    def rejections(
        self, annotator: str | None = None, doc_id: str | None = None
    ) -> list[Rejection]:
        """Rejections (of ``annotator``, on ``doc_id``, when given), by document and position."""
        sql, params = f"SELECT {_REJECTION_COLUMNS} FROM rejections WHERE 1 = 1", []
        if annotator is not None:
            sql, params = sql + " AND annotator = ?", [*params, annotator]
        if doc_id is not None:
            sql, params = sql + " AND document_id = ?", [*params, doc_id]
        rows = self._store.db.execute(sql + " ORDER BY document_id, start, label", params)
        return [_rejection(row) for row in rows]

    # -- confidences of predictions ---------------------------------------

    def set_confidences(self, spans: Mapping[str, float], events: Mapping[str, float]) -> None:
        """Record the confidence a model gave spans and events (by id)."""
        with self._store.transaction() as db:
            for table, column, values in (
                ("span_confidence", "span_id", spans),
                ("event_confidence", "event_id", events),
            ):
                if values:
                    db.conn.executemany(
                        f"INSERT INTO {table} ({column}, confidence) VALUES (?, ?) "
                        f"ON CONFLICT ({column}) DO UPDATE SET confidence = excluded.confidence",
                        list(values.items()),
                    )

    def confidences(self, doc_id: str, annotator: str) -> dict[str, float]:
        """Span and event id -> confidence, for ``annotator``'s work on a document."""
        rows = self._store.db.execute(
            "SELECT c.span_id, c.confidence FROM span_confidence c JOIN spans s "
            f"ON s.id = c.span_id WHERE s.document = {DOCUMENT_KEY} AND s.annotator = ? "
            "UNION ALL SELECT c.event_id, c.confidence FROM event_confidence c JOIN events e "
            f"ON e.id = c.event_id WHERE e.document = {DOCUMENT_KEY} AND e.annotator = ?",
            [doc_id, annotator, doc_id, annotator],
        )
        return dict(rows.fetchall())

    def clear_work(self, annotator: str, doc_ids: Iterable[str]) -> None:
        """Delete ``annotator``'s spans and events on ``doc_ids`` (a model's old predictions)."""
        with self._store.transaction():
            for doc_id in doc_ids:
                self._store.work.clear((doc_id, annotator))

    # -- outcomes ---------------------------------------------------------

    def count_outcome(
        self, doc_id: str, annotator: str, source: str, outcome: str, delta: int = 1
    ) -> None:
        """Add ``delta`` (negative: undo) to how often suggestions of ``source`` had ``outcome``."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        with self._store.transaction() as db:
            self._store.annotators.ensure(annotator)
            db.execute(
                "INSERT INTO suggestion_outcomes (document_id, annotator, source, outcome, count) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (document_id, annotator, source, outcome) DO UPDATE SET count = "
                "CASE WHEN suggestion_outcomes.count + ? > 0 "
                "THEN suggestion_outcomes.count + ? ELSE 0 END",
                [doc_id, annotator, source, outcome, max(delta, 0), delta, delta],
            )

    def outcome_counts(self) -> dict[str, dict[str, int]]:
        """Per annotator: suggestions accepted, rejected and corrected."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        rows = self._store.db.execute(
            "SELECT annotator, outcome, sum(count) FROM suggestion_outcomes "
            "GROUP BY annotator, outcome"
        )
        for annotator, outcome, total in rows:
            counts[annotator][outcome] = total
        return dict(counts)

    # -- active time ------------------------------------------------------

    def record_activity(self, doc_id: str, annotator: str, when: float) -> float:
        """Count the time since ``annotator``'s last tick towards ``doc_id``; returns it."""
        with self._store.transaction() as db:
            self._store.annotators.ensure(annotator)
            previous = db.execute(
                "SELECT max(last_activity) FROM work_time WHERE annotator = ?", [annotator]
            ).fetchone()[0]
            added = active_increment(previous, when)
            db.execute(
                "INSERT INTO work_time (document_id, annotator, active_seconds, last_activity) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator) DO UPDATE SET "
                "active_seconds = work_time.active_seconds + excluded.active_seconds, "
                "last_activity = CASE WHEN excluded.last_activity > work_time.last_activity "
                "THEN excluded.last_activity ELSE work_time.last_activity END",
                [doc_id, annotator, added, when],
            )
        return added

    def active_seconds(self) -> dict[str, dict[str, float]]:
        """Per annotator, per document: active seconds recorded."""
        result: dict[str, dict[str, float]] = defaultdict(dict)
        for doc_id, annotator, seconds in self._store.db.execute(
            "SELECT document_id, annotator, active_seconds FROM work_time"
        ):
            result[annotator][doc_id] = seconds
        return dict(result)

    # -- recommender state ------------------------------------------------

    def recommender_states(self, annotator: str) -> list[StoredRecommender]:
        """The stored state of ``annotator``'s recommenders, by name."""
        rows = self._store.db.execute(
            "SELECT annotator, recommender, active, threshold, trained_at, documents, "
            "evaluation, model FROM recommender_state WHERE annotator = ? ORDER BY recommender",
            [annotator],
        )
        return [
            StoredRecommender(
                name,
                rec,
                bool(active),
                threshold,
                trained_at,
                documents,
                json.loads(evaluation) if evaluation else None,
                model,
            )
            for name, rec, active, threshold, trained_at, documents, evaluation, model in rows
        ]

    def save_recommender_state(self, state: StoredRecommender) -> None:
        """Store (replace) one recommender's state."""
        with self._store.transaction() as db:
            self._store.annotators.ensure(state.annotator)
            db.execute(
                "INSERT INTO recommender_state (annotator, recommender, active, "
                "threshold, trained_at, documents, evaluation, model) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (annotator, recommender) "
                "DO UPDATE SET active = excluded.active, threshold = excluded.threshold, "
                "trained_at = excluded.trained_at, documents = excluded.documents, "
                "evaluation = excluded.evaluation, model = excluded.model",
                [
                    state.annotator,
                    state.recommender,
                    int(state.active),
                    state.threshold,
                    state.trained_at,
                    state.documents,
                    json.dumps(state.evaluation) if state.evaluation is not None else None,
                    state.model,
                ],
            )
