"""Notes and "unsure" flags on spans, events and documents: reading and changing them.

``set_note`` returns the note it replaced, so an editor can undo the change by
setting that one back (None: there was none, i.e. an empty note).
"""

from __future__ import annotations

from annotator.core.notes import Note, NoteKind
from annotator.store import ProjectStore

__all__ = [
    "Note",
    "NoteKind",
    "empty_note",
    "everyones_notes",
    "note_of",
    "notes_in",
    "set_note",
]


def note_of(store: ProjectStore, target_id: str, annotator: str) -> Note | None:
    """``annotator``'s note on a span, event or document, or None."""
    return store.notes.get(target_id, annotator)


def notes_in(store: ProjectStore, doc_id: str, annotator: str) -> dict[str, Note]:
    """``annotator``'s notes in a document, by target id (a span's, event's or the document's)."""
    return store.notes.of_document(doc_id, annotator)


def everyones_notes(store: ProjectStore, doc_id: str) -> tuple[dict[str, Note], dict[str, Note]]:
    """Everyone's notes in a document: (on spans and events by id, on the document by name)."""
    on_annotations, on_document = {}, {}
    for note in store.notes.in_document(doc_id):
        if note.kind is NoteKind.DOCUMENT:
            on_document[note.annotator] = note
        else:
            on_annotations[note.target_id] = note
    return on_annotations, on_document


def set_note(store: ProjectStore, note: Note) -> Note:
    """Store ``note`` (an empty one removes the note); returns the one it replaced."""
    before = store.notes.get(note.target_id, note.annotator)
    store.notes.set(note)
    return before or empty_note(note)


def empty_note(like: Note) -> Note:
    """No note on the same target: what setting a note undoes to."""
    return Note(like.target_id, like.kind, like.document_id, like.annotator)
