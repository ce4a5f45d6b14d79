"""Counting what a project holds: documents, spans per label, events per type, statuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Status
from annotator.services.effort import annotator_effort
from annotator.store import ProjectStore


@dataclass(frozen=True)
class ProjectStats:
    """Per annotator: spans per label, events per type and documents per status."""

    documents: int
    spans: dict[str, dict[str, int]]
    events: dict[str, dict[str, int]]
    statuses: dict[str, dict[str, int]]
    # Per annotator: active time, speed and suggestion outcomes (services.effort).
    effort: dict[str, dict[str, object]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """Human-readable lines, one block per annotator."""
        out = [f"documents: {self.documents}"]
        for name in sorted(self.statuses):
            out.append(f"annotator {name}:")
            states = ", ".join(f"{s} {n}" for s, n in self.statuses[name].items())
            out.append(f"  status: {states}")
            for title, counts in (("spans", self.spans), ("events", self.events)):
                per_label = counts.get(name, {})
                total = sum(per_label.values())
                detail = ", ".join(f"{k} {n}" for k, n in sorted(per_label.items()))
                out.append(f"  {title}: {total}" + (f" ({detail})" if detail else ""))
            out += _effort_lines(self.effort.get(name))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The counts as a JSON-ready object."""
        return {
            "documents": self.documents,
            "spans": self.spans,
            "events": self.events,
            "statuses": self.statuses,
            "effort": self.effort,
        }


def _effort_lines(effort: dict[str, object] | None) -> list[str]:
    if not effort:
        return []
    minutes = float(effort["active_seconds"]) / 60  # type: ignore[arg-type]
    speed = (
        f"{effort['documents_per_hour']} documents/h, {effort['spans_per_hour']} spans/h"
        if effort["documents_per_hour"] is not None
        else "no time recorded"
    )
    outcomes = ", ".join(f"{k} {n}" for k, n in effort["suggestions"].items())  # type: ignore[union-attr]
    return [f"  active: {minutes:.1f} min ({speed})", f"  suggestions: {outcomes}"]


def project_stats(store: ProjectStore) -> ProjectStats:
    """Count the project's documents, spans, events and statuses (all as of one moment)."""
    with store.snapshot():
        return _stats(store)


def _stats(store: ProjectStore) -> ProjectStats:
    documents = store.documents.count()
    spans: dict[str, dict[str, int]] = {}
    for (name, label), n in store.annotations.label_counts().items():
        spans.setdefault(name, {})[label] = n
    events: dict[str, dict[str, int]] = {}
    for (name, event_type), n in store.interchange.event_type_counts().items():
        events.setdefault(name, {})[event_type] = n
    statuses: dict[str, dict[str, int]] = {}
    by_status = store.annotators.status_counts()
    for annotator in store.annotators.all():
        counts = by_status.get(annotator.name, {})
        # A document the annotator never touched counts as new.
        new = documents - sum(counts.values()) + counts.get(Status.NEW, 0)
        statuses[annotator.name] = {
            s.value: (new if s is Status.NEW else counts.get(s, 0)) for s in Status
        }
    effort = {name: e.to_dict() for name, e in annotator_effort(store).items()}
    return ProjectStats(documents, spans, events, statuses, effort)
