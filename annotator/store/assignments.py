"""Which annotator is to annotate which document (the ``assignments`` table)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore


class AssignmentRepository:
    """Reads and writes the ``assignments`` table."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def add(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Assign each ``(document id, annotator)``; returns how many were new."""
        pairs = list(pairs)
        with self._store.transaction() as db:
            for name in {annotator for _, annotator in pairs}:
                self._store.annotators.ensure(name)
            before = self.count()
            db.conn.executemany(
                "INSERT INTO assignments (document_id, annotator) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                pairs,
            )
            return self.count() - before

    def remove(self, annotator: str) -> int:
        """Withdraw every assignment of ``annotator``; returns how many there were."""
        with self._store.transaction() as db:
            cursor = db.execute("DELETE FROM assignments WHERE annotator = ?", [annotator])
            return cursor.rowcount

    def count(self) -> int:
        """How many (document, annotator) assignments there are."""
        return self._store.db.execute("SELECT count(*) FROM assignments").fetchone()[0]

    def documents_of(self, annotator: str) -> list[str]:
        """Ids of the documents assigned to ``annotator``, in the order they were added."""
        rows = self._store.db.execute(
            "SELECT a.document_id FROM assignments a JOIN documents d ON d.id = a.document_id "
            "WHERE a.annotator = ? ORDER BY d.rowid",
            [annotator],
        )
        return [row[0] for row in rows]

    def all(self) -> dict[str, list[str]]:
        """Document id -> its annotators (sorted), for every assigned document."""
        assigned: dict[str, list[str]] = defaultdict(list)
        for doc_id, annotator in self._store.db.execute(
            "SELECT document_id, annotator FROM assignments ORDER BY annotator"
        ):
            assigned[doc_id].append(annotator)
        return dict(assigned)
