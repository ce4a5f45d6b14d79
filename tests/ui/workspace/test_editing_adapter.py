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
    assert b.workspace.undo_group.undoText() == "Label 1 occurrences of «الكرخي» as PER"
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
