"""The document list's status follows labelling and undo (issues 13.2 and 13.11)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Status
from annotator.services.projects import open_project

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_status(b) -> str:
    model = b.window.document_list.model
    row = model.row_of(b.window.current_document_id)
    return model.index(row, model.STATUS).data()


def stored_status(b) -> Status:
    with open_project(b.path) as store:
        return store.annotators.status(b.window.current_document_id, "amal")


def test_the_first_label_shows_in_progress_and_undo_new_again(bench) -> None:
    b = bench()
    assert shown_status(b) == "new"
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    assert shown_status(b) == "in progress" and stored_status(b) is Status.IN_PROGRESS
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert shown_status(b) == "new" and stored_status(b) is Status.NEW
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
          b.window)
    assert shown_status(b) == "in progress"


def test_a_status_set_by_the_annotator_stays_after_undoing_labels(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    b.key(Qt.Key.Key_D, CTRL, b.window)  # done (the view moves to the next document)
    b.window.document_list.select(b.window.document_list.shown_ids()[0])
    b.key(Qt.Key.Key_Z, CTRL, b.window)  # undo "done": in progress again, it has a label
    assert shown_status(b) == "in progress"
    b.key(Qt.Key.Key_Z, CTRL, b.window)  # undo the label: nothing left, new
    assert shown_status(b) == "new" and stored_status(b) is Status.NEW
