"""The ``notes`` table: notes and "unsure" flags on spans, events and documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.notes import Note, NoteKind
from annotator.store.clock import utc_now

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

# A note is read only while its span or event exists (a deleted one's note waits for
# an undo), and a document note while the document does (the foreign key cascades).
_LIVE = """
    (n.kind = 'document'
     OR (n.kind = 'span' AND EXISTS (SELECT 1 FROM spans s WHERE s.id = n.target_id))
     OR (n.kind = 'event' AND EXISTS (SELECT 1 FROM events e WHERE e.id = n.target_id)))
"""
_COLUMNS = "n.target_id, n.kind, n.document_id, n.annotator, n.note, n.unsure"


def _note(row: Sequence[object]) -> Note:
    target_id, kind, document_id, annotator, text, unsure = row
    return Note(str(target_id), NoteKind(kind), str(document_id), str(annotator), str(text),
                bool(unsure))


class NoteRepository:
    """Reads and writes notes; an empty note (no text, not unsure) is no row at all."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def set(self, note: Note) -> None:
        """Store ``note`` in place of the annotator's note on the same target."""
        with self._store.transaction() as db:
            if note.empty:
                where, key = "target_id = ? AND annotator = ?", [note.target_id, note.annotator]
                changed = db.execute(f"DELETE FROM notes WHERE {where}", key).rowcount
                self._store.require_changed(changed, "notes", where, key)
                return
            self._store.annotators.ensure(note.annotator)
            db.execute(
                "INSERT INTO notes (target_id, kind, document_id, annotator, note, unsure, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (target_id, annotator) DO UPDATE SET note = excluded.note, "
                "unsure = excluded.unsure, updated_at = excluded.updated_at",
                [note.target_id, note.kind.value, note.document_id, note.annotator,
                 note.text, int(note.unsure), utc_now()],
            )

    def get(self, target_id: str, annotator: str) -> Note | None:
        """The annotator's note on ``target_id``, or None."""
        row = self._store.db.execute(
            f"SELECT {_COLUMNS} FROM notes n WHERE n.target_id = ? AND n.annotator = ?",
            [target_id, annotator],
        ).fetchone()
        return _note(row) if row else None

    def of_document(self, doc_id: str, annotator: str) -> dict[str, Note]:
        """``annotator``'s notes in a document, by target id."""
        return {note.target_id: note for note in self.in_document(doc_id, annotator)}

    def in_document(self, doc_id: str, annotator: str | None = None) -> list[Note]:
        """The live notes in a document (of ``annotator``, if given)."""
        sql = f"SELECT {_COLUMNS} FROM notes n WHERE n.document_id = ? AND {_LIVE}"
        params: list[object] = [doc_id]
        if annotator is not None:
            sql, params = sql + " AND n.annotator = ?", [*params, annotator]
        return [_note(row) for row in self._store.db.execute(sql, params)]

    def all(self) -> dict[tuple[str, str], dict[str, Note]]:
        """Every live note, by (document id, annotator), then by target id (for exports)."""
        grouped: dict[tuple[str, str], dict[str, Note]] = {}
        for row in self._store.db.execute(f"SELECT {_COLUMNS} FROM notes n WHERE {_LIVE}"):
            note = _note(row)
            grouped.setdefault((note.document_id, note.annotator), {})[note.target_id] = note
        return grouped
