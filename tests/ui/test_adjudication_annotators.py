"""Adjudication compares only the annotators who annotated the document (issue 13.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Span, Status, new_id
from annotator.services.adjudication import disagreements
from annotator.services.projects import open_project


@pytest.fixture
def newcomer_demo(demo_path: Path) -> Path:
    """The demo with a third person who labelled one span in the first document only."""
    with open_project(demo_path) as store:
        first = store.documents.summaries()[0].id
        store.annotations.add_span(Span(new_id(), first, "newbie", 0, 4, "GPE"))
        store.annotators.set_status(first, "newbie", Status.IN_PROGRESS)
    return demo_path


def test_adjudication_ignores_annotators_who_never_opened_the_document(
    qtbot, make_window, newcomer_demo: Path
) -> None:
    window = make_window(str(newcomer_demo))
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    doc_id = window.store.documents.summaries()[1].id
    view = review.adjudicate(doc_id)
    qtbot.waitExposed(view)
    assert view.annotators == ["amal", "karim"]
    expected = disagreements(window.store, doc_id, ["amal", "karim"])
    assert len(view.regions) == len(expected)
    assert view.position.text() == f"disagreement 1 of {len(expected)}"
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(
        view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(window.store.annotations.spans(doc_id, "gold")) > 0


def test_the_adjudicator_chooses_whom_to_compare(qtbot, make_window, newcomer_demo: Path) -> None:
    window = make_window(str(newcomer_demo))
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    doc_id = window.store.documents.summaries()[1].id
    view = review.adjudicate(doc_id)
    choice = view.annotator_choice
    names = [choice.item(i).text() for i in range(choice.count())]
    assert names == ["amal", "karim", "newbie"]
    assert choice.item(2).checkState() == Qt.CheckState.Unchecked
    choice.setFocus()
    choice.setCurrentRow(2)
    qtbot.keyClick(choice, Qt.Key.Key_Space)  # check newbie: now every mark is disputed
    assert view.annotators == ["amal", "karim", "newbie"]
    assert len(view.regions) == len(
        disagreements(window.store, doc_id, ["amal", "karim", "newbie"])
    )
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    assert view.annotators == ["amal", "karim"]
