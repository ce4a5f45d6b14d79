"""What the document list shows: its filter and one row (no SQL, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Status


@dataclass(frozen=True)
class ListFilter:
    """Which documents the list shows, for whom, in what order."""

    annotator: str
    search: str = ""
    statuses: frozenset[Status] | None = None
    assigned_only: bool = False
    order: str = "rowid"
    descending: bool = False


@dataclass(frozen=True)
class ListRow:
    """What one row of the list shows."""

    id: str
    title: str
    length: int
    status: Status
