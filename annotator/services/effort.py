"""Time and effort: active annotation time per document and annotator, and speed.

The window calls :func:`record_activity` on what the annotator does (a key, an
edit, an accepted suggestion); at most one call every few seconds is plenty.
Gaps longer than two minutes are idle time and not counted (core.effort).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from annotator.core.effort import per_hour
from annotator.core.model import Status
from annotator.store import ProjectStore


def record_activity(
    store: ProjectStore, doc_id: str, annotator: str, when: float | None = None
) -> float:
    """Note that ``annotator`` worked on ``doc_id`` at ``when`` (Unix time, default now).

    Returns the seconds of active time this tick added.
    """
    return store.suggestions.record_activity(
        doc_id, annotator, time.time() if when is None else when
    )


@dataclass(frozen=True)
class AnnotatorEffort:
    """One annotator's active time, speed and what became of the suggestions they saw."""

    annotator: str
    active_seconds: float
    documents_done: int
    spans: int
    documents_per_hour: float | None
    spans_per_hour: float | None
    suggestions: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return {
            "active_seconds": round(self.active_seconds, 1),
            "documents_done": self.documents_done,
            "spans": self.spans,
            "documents_per_hour": self.documents_per_hour,
            "spans_per_hour": self.spans_per_hour,
            "suggestions": self.suggestions,
        }


def annotator_effort(store: ProjectStore) -> dict[str, AnnotatorEffort]:
    """Per annotator with recorded time or suggestion outcomes: time, speed and outcomes.

    Speed counts only the documents with recorded time: done documents per
    active hour, and the spans in those documents per active hour.
    """
    seconds = store.suggestions.active_seconds()
    outcomes = store.suggestions.outcome_counts()
    spans = store.work.spans(sorted(seconds)) if seconds else {}
    result = {}
    for name in sorted(set(seconds) | set(outcomes)):
        timed = seconds.get(name, {})
        total = sum(timed.values())
        statuses = store.annotators.statuses(name)
        done = sum(1 for doc_id in timed if statuses.get(doc_id) is Status.DONE)
        span_count = sum(len(spans.get((doc_id, name), ())) for doc_id in timed)
        result[name] = AnnotatorEffort(
            name,
            total,
            done,
            span_count,
            per_hour(done, total),
            per_hour(span_count, total),
            outcomes.get(name, {"accepted": 0, "rejected": 0, "corrected": 0}),
        )
    return result
