"""Notes and unsure flags from the keyboard, in the list, undoable (issue 13.15)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.services.projects import open_project
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
FSI, PDI = "\u2068", "\u2069"


def stored_notes(b) -> dict[str, tuple[str, bool]]:
    with open_project(b.path) as store:
        notes = store.notes.of_document(b.window.current_document_id, "amal")
        return {target: (n.text, n.unsure) for target, n in notes.items()}


def open_editor(b):
    """M opens the note editor; it is made the active window (offscreen, nothing does)."""
    b.key(Qt.Key.Key_M)
    editor = b.feature.notes.editor
    assert editor is not None and editor.isVisible()
    editor.activateWindow()
    b.qtbot.waitUntil(editor.isActiveWindow)
    return editor


def note_cell(b, span_id: str) -> str:
    model = b.feature.annotation_list.list_model
    return model.index(model.row_of(span_id), model.NOTE).data()


def test_n_writes_a_note_u_flags_and_undo_takes_them_back(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    [span] = b.stored_spans()
    b.click(b.find("الكرخي") + 2)
    editor = open_editor(b)  # on the selected span
    type_text(editor.text_edit, "اسم العائلة فقط؟")
    b.qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, CTRL)  # save
    assert stored_notes(b) == {span.id: ("اسم العائلة فقط؟", False)}
    assert note_cell(b, span.id) == "اسم العائلة فقط؟"
    b.window.activateWindow()
    b.qtbot.waitUntil(lambda: b.window.isActiveWindow() and b.view.hasFocus())
    b.key(Qt.Key.Key_U)  # flag it unsure
    assert stored_notes(b) == {span.id: ("اسم العائلة فقط؟", True)}
    assert note_cell(b, span.id) == f"⚑ unsure {FSI}اسم العائلة فقط؟{PDI}"
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert stored_notes(b) == {span.id: ("اسم العائلة فقط؟", False)}
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert stored_notes(b) == {}


def test_the_list_filters_on_notes_and_a_document_gets_its_own(bench) -> None:
    b = bench()
    for word in ("الكرخي", "الموصل"):
        b.double_click(b.find(word) + 2)
        b.key(Qt.Key.Key_1 if word == "الكرخي" else Qt.Key.Key_3)
    b.click(b.find("الموصل") + 2)
    b.key(Qt.Key.Key_U)  # unsure, without a note
    model = b.feature.annotation_list.list_model
    box = b.feature.annotation_list.filter
    box.setCurrentIndex(2)  # unsure only
    assert model.rowCount() == 1
    box.setCurrentIndex(0)
    assert model.rowCount() == 2
    b.key(Qt.Key.Key_Escape)  # nothing selected: N is about the document
    editor = open_editor(b)
    type_text(editor.text_edit, "خبر مكرر")
    b.qtbot.keyClick(editor.text_edit, Qt.Key.Key_Return, CTRL)
    assert stored_notes(b)[b.window.current_document_id] == ("خبر مكرر", False)
