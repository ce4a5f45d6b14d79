"""Which split (train, validation, test...) each document belongs to (``document_splits``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.store.clock import utc_now

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore


class SplitRepository:
    """Reads and writes the ``document_splits`` table."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def all(self) -> dict[str, str]:
        """Document id -> its split, for every document given one."""
        rows = self._store.db.execute("SELECT document_id, split FROM document_splits")
        return dict(rows.fetchall())

    def add(self, splits: dict[str, str]) -> None:
        """Give each document its split; a document that has one keeps it."""
        if not splits:
            return
        now = utc_now()
        with self._store.transaction() as db:
            db.conn.executemany(
                "INSERT INTO document_splits (document_id, split, created_at) "
                "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(doc_id, split, now) for doc_id, split in splits.items()],
            )
