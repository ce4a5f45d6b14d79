"""The ``sessions`` table: which annotator has the project open where.

The store only records sessions; services.sessions decides which are still alive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

_COLUMNS = "id, annotator, host, pid, started_at, heartbeat"


@dataclass(frozen=True)
class SessionRecord:
    """One window editing the project as ``annotator``; ``heartbeat`` is Unix time."""

    id: str
    annotator: str
    host: str
    pid: int
    started_at: str
    heartbeat: float


class SessionRepository:
    """Reads and writes the ``sessions`` table."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def claim(
        self, record: SessionRecord, is_live: Callable[[SessionRecord], bool]
    ) -> SessionRecord | None:
        """Record ``record`` unless a live session of the same annotator exists.

        Returns that live session (and records nothing) or None. Dead sessions of the
        annotator (a crashed window) are removed. Check and insert share one write
        transaction, so two windows opening at once cannot both succeed.
        """
        with self._store.transaction():
            others = self.of_annotator(record.annotator)
            live = [other for other in others if is_live(other)]
            if live:
                return live[0]
            self._replace_annotator_sessions(record)
        return None

    def take_over(self, record: SessionRecord) -> None:
        """Record ``record``, removing every other session of its annotator."""
        with self._store.transaction():
            self._replace_annotator_sessions(record)

    def _replace_annotator_sessions(self, record: SessionRecord) -> None:
        self._store.db.execute("DELETE FROM sessions WHERE annotator = ?", [record.annotator])
        self._store.db.execute(
            f"INSERT INTO sessions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", astuple(record)
        )

    def heartbeat(self, session_id: str, now: float) -> bool:
        """Mark the session alive at ``now``; False when it was taken over meanwhile."""
        with self._store.transaction() as db:
            cursor = db.execute("UPDATE sessions SET heartbeat = ? WHERE id = ?", [now, session_id])
            return cursor.rowcount == 1

    def release(self, session_id: str) -> None:
        """Forget a session (its window closed the project)."""
        with self._store.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", [session_id])

    def of_annotator(self, annotator: str) -> list[SessionRecord]:
        """The recorded sessions of ``annotator``, oldest first."""
        rows = self._store.db.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE annotator = ? ORDER BY started_at",
            [annotator],
        )
        return [SessionRecord(*row) for row in rows]

    def all(self) -> list[SessionRecord]:
        """Every recorded session, oldest first."""
        rows = self._store.db.execute(f"SELECT {_COLUMNS} FROM sessions ORDER BY started_at")
        return [SessionRecord(*row) for row in rows]
