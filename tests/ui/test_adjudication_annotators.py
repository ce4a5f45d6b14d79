"""Adjudication compares only the annotators who annotated the document (issue 13.1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Span, Status, new_id
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
    doc_id = window.project._store.documents.summaries()[1].id
    view = review.adjudicate(doc_id)
    qtbot.waitExposed(view)
    assert view.annotators == ["amal", "karim"]
    expected = window.project.disagreements(doc_id, ["amal", "karim"])
    assert len(view.regions) == len(expected)
    assert view.position.text() == f"disagreement 1 of {len(expected)}"
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(
        view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(window.project._store.annotations.spans(doc_id, "gold")) > 0


def test_the_adjudicator_chooses_whom_to_compare(qtbot, make_window, newcomer_demo: Path) -> None:
    window = make_window(str(newcomer_demo))
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    doc_id = window.project._store.documents.summaries()[1].id
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
        window.project.disagreements(doc_id, ["amal", "karim", "newbie"])
    )
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    assert view.annotators == ["amal", "karim"]


def test_adjudication_shows_the_annotators_notes(qtbot, make_window, demo_path: Path) -> None:
    from annotator.core.notes import Note, NoteKind
    from annotator.services.notes import set_note

    window = make_window(str(demo_path))
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    doc_id = window.project._store.documents.summaries()[1].id
    view = review.adjudicate(doc_id)
    index = next(i for i, region in enumerate(view.regions) if region.spans)
    disputed = view.regions[index].spans[0]
    set_note(window.project._store, Note(disputed.id, NoteKind.SPAN, doc_id, disputed.annotator,
                                "ربما منظمة", True))
    set_note(window.project._store, Note(doc_id, NoteKind.DOCUMENT, doc_id, "karim", "خبر مكرر"))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    for _ in range(index + len(view.regions)):  # F8 round the list back to that region
        qtbot.keyClick(view, Qt.Key.Key_F8)
    group = view.candidates.topLevelItem(0)
    rows = [group.child(i) for i in range(group.childCount())]
    noted = next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole).id == disputed.id)
    assert noted.text(3) == "⚑ unsure \u2068ربما منظمة\u2069"
    assert view.document_notes.text() == "\u2068karim\u2069 on the document: خبر مكرر"
