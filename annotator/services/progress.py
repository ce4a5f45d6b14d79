"""How far a project is: documents per status, work per annotator, and time spent.

The time an annotator spent is estimated from the times their work changed, as
annotation tools commonly do: the gaps between consecutive changes are added up,
except pauses longer than IDLE_GAP_S (a break, another task), which count as nothing.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

from annotator.core.model import AnnotatorKind, Status
from annotator.services.stats import project_stats
from annotator.store import ProjectStore

IDLE_GAP_S = 300.0


@dataclass(frozen=True)
class AnnotatorProgress:
    """One annotator's documents per status, spans, events, time worked and last change."""

    name: str
    kind: AnnotatorKind
    statuses: dict[Status, int]
    spans: int
    events: int
    seconds: float
    last_change: datetime.datetime | None

    @property
    def done(self) -> int:
        """Documents marked done."""
        return self.statuses.get(Status.DONE, 0)


@dataclass(frozen=True)
class ProjectProgress:
    """The project's documents and each annotator's progress on them."""

    documents: int
    annotators: list[AnnotatorProgress]


def worked_seconds(times: list[datetime.datetime], idle_gap: float = IDLE_GAP_S) -> float:
    """Seconds between consecutive changes, leaving out pauses longer than ``idle_gap``."""
    ordered = sorted(times)
    gaps = ((b - a).total_seconds() for a, b in itertools.pairwise(ordered))
    return sum(gap for gap in gaps if gap <= idle_gap)


def project_progress(store: ProjectStore) -> ProjectProgress:
    """Every annotator's progress (people first, then models and gold)."""
    stats = project_stats(store)
    times = {
        name: [datetime.datetime.fromisoformat(t) for t in stamps]
        for name, stamps in store.work.activity_times().items()
    }
    order = {AnnotatorKind.HUMAN: 0, AnnotatorKind.MODEL: 1, AnnotatorKind.GOLD: 2}
    rows = []
    for annotator in sorted(store.annotators.all(), key=lambda a: (order[a.kind], a.name)):
        name = annotator.name
        stamps = times.get(name, [])
        rows.append(AnnotatorProgress(
            name,
            annotator.kind,
            {Status(s): n for s, n in stats.statuses.get(name, {}).items()},
            sum(stats.spans.get(name, {}).values()),
            sum(stats.events.get(name, {}).values()),
            worked_seconds(stamps),
            max(stamps) if stamps else None,
        ))
    return ProjectProgress(stats.documents, rows)
