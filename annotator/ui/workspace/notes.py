"""Notes and "unsure" flags in the workspace: N edits the note of the selected
annotation (or of the document when none is selected), U flips its "unsure" flag.

Both are undoable steps of the editing session (SetNote); the annotation list
shows the notes in its Note column and can be filtered on them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.notes import Note, NoteKind
from annotator.services.editing.commands import SetNote
from annotator.services.editing.messages import Message
from annotator.ui.i18n import translate
from annotator.ui.workspace.annotation_list import AnnotationList
from annotator.ui.workspace.note_editor import NoteEditor
from annotator.ui.workspace.workspace import Workspace

NOTE_KEY = "M"
UNSURE_KEY = "U"


class NotesControl(QObject):
    """The note keys and the annotation list's notes, for the document shown."""

    def __init__(self, workspace: Workspace, annotation_list: AnnotationList) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.annotation_list = annotation_list
        self.editor: NoteEditor | None = None
        keys = workspace.keys
        edit = workspace.window.menu("edit")
        edit.addSeparator()
        for text, key, slot in (
            (translate("Workspace", "&Note…"), NOTE_KEY, self.edit_note),
            (translate("Workspace", "Flag as &Unsure"), UNSURE_KEY, self.toggle_unsure),
        ):
            edit.addAction(keys.view_action(text, key, slot))
        workspace.annotations.reset.connect(self.refresh)
        workspace.annotations.notes_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Show the session's notes in the annotation list."""
        session = self.workspace.annotations.session
        self.annotation_list.list_model.set_notes(dict(session.notes) if session else {})

    def target(self) -> tuple[str, NoteKind, str]:
        """(id, kind, how to name it) of what a note key applies to."""
        annotations = self.workspace.annotations
        selected = annotations.selected_id
        if selected in annotations.spans:
            span = annotations.spans[selected]
            return selected, NoteKind.SPAN, f"{span.label} «{span.covered(annotations.text)}»"
        if selected in annotations.events:
            event = annotations.events[selected]
            trigger = event.trigger_text(annotations.text)
            return selected, NoteKind.EVENT, f"{event.type} «{trigger}»"
        document = annotations.document
        assert document is not None
        return document.id, NoteKind.DOCUMENT, document.title

    def current(self) -> Note:
        """The note on the target now (an empty one if none)."""
        session = self.workspace.session
        target_id, kind, _name = self.target()
        return session.notes.get(target_id) or Note(
            target_id, kind, session.doc_id, session.annotator
        )

    def edit_note(self) -> NoteEditor | None:
        """Open the note editor on the target; Save stores it as one undoable step."""
        if self.workspace.annotations.document is None:
            return None
        note = self.current()
        editor = NoteEditor(note, self.target()[2], self.workspace.window)
        editor.accepted.connect(lambda: self.save(editor.note()))
        editor.finished.connect(lambda _r: self._closed(editor))
        self.editor = editor
        editor.open()
        return editor

    def _closed(self, editor: NoteEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.workspace.view.setFocus()

    def toggle_unsure(self) -> None:
        """Flip the "unsure" flag of the target (one undoable step)."""
        if self.workspace.annotations.document is None:
            return
        note = self.current()
        self.save(Note(note.target_id, note.kind, note.document_id, note.annotator, note.text,
                       not note.unsure))

    def save(self, note: Note) -> bool:
        """Store ``note`` through the editing session (nothing if unchanged)."""
        before = self.current()
        if (before.text, before.unsure) == (note.text, note.unsure):
            return False
        key = "flag_unsure" if note.unsure and not before.unsure and note.text == before.text \
            else "set_note"
        return self.workspace.execute(SetNote(note, Message(key, (note.kind.value,))))
