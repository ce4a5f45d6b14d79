"""Review › Assign Documents… driven through qtbot, and the "Assigned to me" document filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.model import AnnotatorKind, Status
from annotator.services.assignment import assign_documents, plan_assignment
from annotator.services.projects import open_project
from annotator.ui.review.assign_dialog import AssignDialog
from tests.ui.conftest import type_text

SCREENS = Path("/work/screens")
NEW_NAME = "سلمى"


@pytest.fixture
def review(make_window, demo_path: Path):
    window = make_window(str(demo_path))
    return window, next(f for f in window.features if type(f).__name__ == "ReviewFeature")


def assigned_in_file(path: Path) -> dict[str, list[str]]:
    """Document id -> annotators, as the project file holds them (read afresh)."""
    with open_project(path) as store:
        return store.assignments.all()


def open_dialog(qtbot, window) -> AssignDialog:
    """Trigger Review › Assign Documents… and return the dialog once it shows."""
    actions = window.menu("review").actions()
    next(a for a in actions if a.objectName() == "assign_documents").trigger()
    dialog = window.findChild(AssignDialog)
    # Offscreen, activation comes late; keys reach only the active window.
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def click_item(qtbot, dialog: AssignDialog, name: str) -> None:
    """Click the check box of annotator ``name`` in the list."""
    item = dialog.annotators.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = dialog.annotators.visualItemRect(item)
    check = QPoint(rect.left() + rect.height() // 2, rect.center().y())
    if dialog.annotators.isRightToLeft():
        check = QPoint(rect.right() - rect.height() // 2, rect.center().y())
    qtbot.mouseClick(dialog.annotators.viewport(), Qt.MouseButton.LeftButton, pos=check)


def ok_button(dialog: AssignDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_assigning_a_shared_split_stores_the_plan_and_filters_the_list(
    qtbot, review, demo_path: Path
) -> None:
    window, _ = review
    dialog = open_dialog(qtbot, window)
    assert [dialog.annotators.item(r).text() for r in range(dialog.annotators.count())] == [
        "amal",
        "karim",
    ]
    dialog.new_name.setFocus()
    type_text(dialog.new_name, NEW_NAME)
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in the name field adds the name, it does not assign"
    assert dialog.annotators.item(2).text() == NEW_NAME
    dialog.share.selectAll()
    qtbot.keyClicks(dialog.share, "50")
    dialog.seed.selectAll()
    qtbot.keyClicks(dialog.seed, "7")
    # 8 documents, half of them twice: 12 assignments over three annotators.
    assert [dialog.preview.item(r, 2).text() for r in range(3)] == ["4", "4", "4"]
    assert "8" in dialog.summary.text() and "4" in dialog.summary.text()
    if SCREENS.is_dir():
        dialog.grab().save(str(SCREENS / "assign_dialog.png"))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    ids = [summary.id for summary in window.project.document_summaries()]
    expected = plan_assignment(ids, ["amal", "karim", NEW_NAME], 0.5, 7)
    assert {d: sorted(n) for d, n in assigned_in_file(demo_path).items()} == {
        d: sorted(n) for d, n in expected.items()
    }
    mine = [d for d in ids if "amal" in expected[d]]
    document_list = window.document_list
    assert document_list.assigned_filter.isChecked()
    assert document_list.shown_ids() == mine
    with open_project(demo_path) as store:
        statuses = store.annotators.statuses("amal")
    done = sum(statuses.get(d) == Status.DONE for d in mine)
    assert document_list.progress.text() == f"Done {done} / 4 assigned"


def test_the_filter_is_off_without_assignments_and_can_be_switched_off(
    qtbot, review, demo_path: Path
) -> None:
    window, _ = review
    document_list = window.document_list
    assert not document_list.assigned_filter.isEnabled()
    assert len(document_list.shown_ids()) == 8
    assert document_list.progress.text().startswith("Done ")
    assert document_list.progress.text().split(" ·")[0].endswith(" / 8")
    with open_project(demo_path) as store:
        first_three = [d.id for d in store.documents.summaries()][:3]
        store.assignments.add((d, "amal") for d in first_three)
    window.reload()
    assert document_list.assigned_filter.isChecked()
    assert document_list.shown_ids() == first_three
    qtbot.mouseClick(document_list.assigned_filter, Qt.MouseButton.LeftButton)
    assert len(document_list.shown_ids()) == 8
    assert " / 3 assigned" in document_list.progress.text()
    window.reload()  # the user's choice outlives a reload
    assert not document_list.assigned_filter.isChecked()


def test_a_share_needs_two_annotators_and_cancel_changes_nothing(
    qtbot, review, demo_path: Path
) -> None:
    window, _ = review
    dialog = open_dialog(qtbot, window)
    click_item(qtbot, dialog, "karim")
    assert dialog.annotators.findItems("karim", Qt.MatchFlag.MatchExactly)[0].checkState() == (
        Qt.CheckState.Unchecked
    )
    assert not ok_button(dialog).isEnabled()
    assert "two or more" in dialog.summary.text()
    qtbot.mouseClick(dialog.every, Qt.MouseButton.LeftButton)
    assert ok_button(dialog).isEnabled() and not dialog.share.isEnabled()
    assert dialog.preview.item(0, 2).text() == "8"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert assigned_in_file(demo_path) == {}
    assert not window.document_list.assigned_filter.isEnabled()


def test_replacing_withdraws_earlier_assignments(qtbot, review, demo_path: Path) -> None:
    window, _ = review
    with open_project(demo_path) as store:
        assign_documents(store, ["amal"], every=True)
    window.reload()
    dialog = open_dialog(qtbot, window)
    dialog.share.selectAll()
    qtbot.keyClicks(dialog.share, "0")
    # Kept: amal still has all 8 afterwards; replaced: only her half of the split.
    assert [dialog.preview.item(0, c).text() for c in (1, 2, 3)] == ["8", "4", "8"]
    qtbot.mouseClick(dialog.replace, Qt.MouseButton.LeftButton)
    assert [dialog.preview.item(r, 3).text() for r in range(2)] == ["4", "4"]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.annotators, Qt.Key.Key_Return)
    assigned = assigned_in_file(demo_path)
    assert len(assigned) == 8 and all(len(names) == 1 for names in assigned.values())
    assert len(window.document_list.shown_ids()) == 4


def test_the_dialog_is_arabic_and_right_to_left_in_an_arabic_interface(
    qtbot, make_window, demo_path: Path, settings, english_afterwards: None
) -> None:
    settings.language = "ar"
    window = make_window(str(demo_path))
    dialog = open_dialog(qtbot, window)
    assert dialog.windowTitle() == "إسناد المستندات"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    click_item(qtbot, dialog, "amal")  # the check box sits at the right
    assert dialog.summary.text() == "توسيم نسبة من المستندات مرتين يحتاج إلى موسِّمَين أو أكثر."
    indicator = QPoint(dialog.every.width() - 8, dialog.every.height() // 2)  # at the right
    qtbot.mouseClick(dialog.every, Qt.MouseButton.LeftButton, pos=indicator)
    assert [dialog.preview.item(r, 0).text() for r in range(dialog.preview.rowCount())] == [
        "karim"
    ]
    if SCREENS.is_dir():
        dialog.grab().save(str(SCREENS / "assign_dialog_ar.png"))
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_another_annotator_gets_the_default_filter_again(qtbot, review, demo_path: Path) -> None:
    window, _ = review
    with open_project(demo_path) as store:
        first_two = [d.id for d in store.documents.summaries()][:2]
        store.assignments.add((d, "amal") for d in first_two)
    window.reload()
    document_list = window.document_list
    qtbot.mouseClick(document_list.assigned_filter, Qt.MouseButton.LeftButton)
    assert len(document_list.shown_ids()) == 8
    window.set_annotator("karim")  # nothing assigned to karim: every document, no filter
    assert not document_list.assigned_filter.isEnabled()
    assert len(document_list.shown_ids()) == 8
    window.set_annotator("amal")
    assert document_list.assigned_filter.isChecked()
    assert document_list.shown_ids() == first_two


def test_a_model_cannot_be_given_documents(qtbot, review, demo_path: Path) -> None:
    window, _ = review
    window.project._store.annotators.ensure("ner-model", AnnotatorKind.MODEL)
    dialog = open_dialog(qtbot, window)
    assert dialog.annotators.findItems("ner-model", Qt.MatchFlag.MatchExactly) == []
    dialog.new_name.setFocus()
    qtbot.keyClicks(dialog.new_name, "ner-model")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Enter)
    assert not ok_button(dialog).isEnabled()
    assert dialog.summary.text().startswith("\u2068ner-model\u2069 holds a model's")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert assigned_in_file(demo_path) == {}


def test_an_annotator_opens_and_walks_through_their_own_documents(
    qtbot, make_window, demo_path: Path
) -> None:
    with open_project(demo_path) as store:
        ids = [d.id for d in store.documents.summaries()]
        assign_documents(store, ["amal", "karim"], share=0.0, seed=1)
        mine = store.assignments.documents_of("amal")
    window = make_window(str(demo_path))
    assert len(mine) == 4 and mine[0] != ids[0]  # the first document is karim's
    assert window.current_document_id == mine[0]
    visited = [window.current_document_id]
    for _ in mine[1:]:
        qtbot.keyClick(
            window.reading_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
        )
        visited.append(window.current_document_id)
    assert visited == mine
