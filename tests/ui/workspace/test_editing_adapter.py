"""The workspace as an adapter of the editing core: whatever drives the session shows
in the view and in Edit › Undo, and only a NotFoundError counts as a change elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.services.editing import Message

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_session_driven_without_qt_is_mirrored_in_the_undo_menu(bench) -> None:
    b = bench()
    session = b.workspace.session
    start = b.find("الكرخي")
    spans = [session.new_span(start, start + len("الكرخي"), "PER", source="model")]
    session.add_spans(spans, Message("label_spans", ("1", "الكرخي", "PER")))
    assert b.stored_texts() == [("الكرخي", "PER")]
    assert b.workspace.annotations.find_span(spans[0].start, spans[0].end, "PER") is not None
    # One occurrence, said in the singular; the mention isolated.
    assert b.workspace.undo_group.undoText() == "Label 1 occurrence of «\u2068الكرخي\u2069» as PER"
    b.key(Qt.Key.Key_Z, CTRL)  # the user's Ctrl+Z undoes what the code did
    assert b.stored_texts() == [] and b.workspace.annotations.spans == {}
    b.key(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [s.source for s in b.stored_spans()] == ["model"]


def test_a_code_bug_is_raised_not_reported_as_a_change_elsewhere(bench, messages) -> None:
    b = bench()

    def buggy() -> None:
        raise KeyError("a programming error")

    with pytest.raises(KeyError):
        b.workspace.save(buggy)
    assert messages == []


def test_a_document_not_shown_is_edited_with_its_own_undo_history(bench) -> None:
    b = bench()
    first, second = b.window.document_list.model.doc_ids()[:2]
    assert b.window.current_document_id == first
    other = b.workspace.session_for(second)
    start = other.text.index("البصرة")
    other.add_span(other.new_span(start, start + len("البصرة"), "GPE"))
    assert b.workspace.annotations.spans == {}  # the document shown is untouched
    assert not b.workspace.undo_group.canUndo()  # and so is its history
    b.window.document_list.select(second)
    assert [s.label for s in b.workspace.annotations.spans.values()] == ["GPE"]
    assert b.workspace.undo_group.undoText() == "Label «\u2068البصرة\u2069» as GPE"
    b.key(Qt.Key.Key_Z, CTRL)
    assert b.workspace.annotations.spans == {} and b.stored_spans() == []
