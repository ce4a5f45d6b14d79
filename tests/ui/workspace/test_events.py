"""Events: trigger + event key + type-ahead, arguments by clicking entities, the event panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def label_word(b, word: str, key: Qt.Key, occurrence: int = 1) -> None:
    b.double_click(b.find(word, occurrence) + 2)
    b.key(key)
    b.key(Qt.Key.Key_Escape)


def mark_meeting(b) -> None:
    """Select the trigger اجتمع, press E, type the Arabic name, Enter."""
    b.double_click(b.find("اجتمع") + 2)
    b.key(Qt.Key.Key_E)
    picker = b.feature.picker
    assert picker is not None and picker.isVisible()
    type_text(picker.edit, "اجتماع")
    assert picker.proxy.rowCount() == 1
    b.qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    b.qtbot.waitUntil(lambda: b.window.isActiveWindow() and b.view.hasFocus())


def choose_role(b, offset: int, role: str) -> None:
    """With an event selected, click an entity and pick ``role`` from the menu
    (when only ``role`` fits, the click alone applies it)."""
    b.click(offset)
    menu = b.feature.mouse.role_menu
    if menu is None:
        assert role in [a.role for e in b.stored_events() for a in e.arguments]
        return
    assert menu.isVisible()
    [action] = [a for a in menu.actions() if a.text() == role]
    action.trigger()
    menu.close()


def test_event_key_and_type_ahead_create_an_event(bench) -> None:
    b = bench()
    mark_meeting(b)
    [event] = b.stored_events()
    assert event.type == "Contact.Meet" and event.trigger_text(b.text) == "اجتمع"
    assert b.workspace.annotations.selected_id == event.id
    assert b.view.hasFocus()


def test_type_ahead_finds_english_names_too(bench) -> None:
    b = bench()
    b.double_click(b.find("اجتمع") + 2)
    b.key(Qt.Key.Key_E)
    picker = b.feature.picker
    type_text(picker.edit, "attack")
    assert picker.proxy.rowCount() == 1
    b.qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert b.feature.picker is None
    assert [e.type for e in b.stored_events()] == ["Conflict.Attack"]


def test_only_roles_accepting_the_label_are_offered(bench) -> None:
    b = bench()
    label_word(b, "الكرخي", Qt.Key.Key_1)  # PER
    label_word(b, "الموصل", Qt.Key.Key_3, 2)  # GPE
    mark_meeting(b)
    b.click(b.find("الكرخي") + 2)  # a person fits one role of a meeting: applied at once
    assert b.feature.mouse.role_menu is None
    assert [a.role for a in b.stored_events()[0].arguments] == ["Entity"]
    b.click(b.find("الموصل", 2) + 2)
    assert [a.text() for a in b.feature.mouse.role_menu.actions()] == ["Entity", "Place"]
    b.feature.mouse.role_menu.actions()[1].trigger()
    [event] = b.stored_events()
    spans = {s.id: s.covered(b.text) for s in b.stored_spans()}
    assert sorted((a.role, spans[a.span_id]) for a in event.arguments) == [
        ("Entity", "الكرخي"), ("Place", "الموصل")]


def test_one_fitting_role_is_undoable_and_enter_takes_the_first_role(bench) -> None:
    """Issue 13.12: no menu for one role; otherwise the first is preselected, one Enter."""
    b = bench()
    label_word(b, "الكرخي", Qt.Key.Key_1)
    label_word(b, "الموصل", Qt.Key.Key_3, 2)
    mark_meeting(b)
    b.click(b.find("الكرخي") + 2)
    assert [a.role for a in b.stored_events()[0].arguments] == ["Entity"]
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert b.stored_events()[0].arguments == ()
    b.click(b.find("الموصل", 2) + 2)
    menu = b.feature.mouse.role_menu
    assert menu.activeAction() is menu.actions()[0]  # Entity, preselected
    b.qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert [a.role for a in b.stored_events()[0].arguments] == ["Entity"]


def test_undo_redo_across_an_argument_persists(bench) -> None:
    b = bench()
    label_word(b, "الكرخي", Qt.Key.Key_1)
    mark_meeting(b)
    choose_role(b, b.find("الكرخي") + 2, "Entity")
    assert [a.role for a in b.stored_events()[0].arguments] == ["Entity"]
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert b.stored_events()[0].arguments == ()
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert b.stored_events() == []
    b.key(Qt.Key.Key_Z, CTRL_SHIFT, b.window)
    b.key(Qt.Key.Key_Z, CTRL_SHIFT, b.window)
    [event] = b.stored_events()
    assert [a.role for a in event.arguments] == ["Entity"]
    assert b.workspace.annotations.events[event.id].arguments == event.arguments


def test_event_panel_changes_role_and_removes_argument(bench) -> None:
    b = bench()
    label_word(b, "الموصل", Qt.Key.Key_3, 2)
    mark_meeting(b)
    choose_role(b, b.find("الموصل", 2) + 2, "Entity")
    panel = b.feature.event_panel
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "Contact.Meet" and top.text(1) == "اجتمع"
    argument_item = top.child(0)
    assert argument_item.text(0) == "Entity" and argument_item.text(1) == "الموصل (GPE)"
    panel.tree.setCurrentItem(argument_item)
    b.qtbot.mouseClick(panel.role_button, Qt.MouseButton.LeftButton)
    menu = panel.role_menu
    assert [a.text() for a in menu.actions()] == ["Entity", "Place"]
    menu.actions()[1].trigger()
    menu.close()
    assert [a.role for a in b.stored_events()[0].arguments] == ["Place"]
    child = panel.tree.topLevelItem(0).child(0)
    rect = panel.tree.visualItemRect(child)
    previous = panel.role_menu
    # A double-click is a click then a double-click event (QTest sends only the latter).
    b.qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    b.qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    b.qtbot.waitUntil(lambda: panel.role_menu is not previous)
    assert [a.isChecked() for a in panel.role_menu.actions()] == [False, True]  # Place
    assert [a.role for a in b.stored_events()[0].arguments] == ["Place"]
    panel.role_menu.close()
    b.window.activateWindow()  # offscreen, nothing re-activates the window after a popup
    b.qtbot.waitUntil(b.window.isActiveWindow)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))
    b.qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert b.stored_events()[0].arguments == ()
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert [a.role for a in b.stored_events()[0].arguments] == ["Place"]


def test_deleting_an_argument_span_and_undo_restores_the_argument(bench) -> None:
    b = bench()
    label_word(b, "الكرخي", Qt.Key.Key_1)
    mark_meeting(b)
    choose_role(b, b.find("الكرخي") + 2, "Entity")
    b.key(Qt.Key.Key_Escape)
    b.click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_Delete)
    assert b.stored_events()[0].arguments == () and b.stored_spans() == []
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert [a.role for a in b.stored_events()[0].arguments] == ["Entity"]
    assert len(b.stored_spans()) == 1


def test_event_key_on_a_selected_event_retypes_it_and_delete_removes_it(bench) -> None:
    b = bench()
    mark_meeting(b)
    b.key(Qt.Key.Key_E)  # the new event is still selected
    picker = b.feature.picker
    type_text(picker.edit, "ظاهر")  # part of the name تظاهر is enough
    b.qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    b.qtbot.waitUntil(lambda: b.window.isActiveWindow() and b.view.hasFocus())
    assert [e.type for e in b.stored_events()] == ["Conflict.Demonstrate"]
    b.key(Qt.Key.Key_Delete)
    assert b.stored_events() == []


def test_tooltip_names_label_annotator_and_arguments_without_markup(bench, qtbot) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from annotator.ui.workspace.mouse import Hit, as_tooltip, describe

    b = bench()
    label_word(b, "الكرخي", Qt.Key.Key_1)
    mark_meeting(b)
    choose_role(b, b.find("الكرخي") + 2, "Entity")
    event_id = b.workspace.annotations.selected_id
    text = describe(b.workspace, Hit(event_id, True))
    assert text.splitlines() == ["Contact.Meet (اجتماع — Meet): اجتمع", "annotator: amal",
                                 "  Entity: الكرخي"]
    assert as_tooltip("<b>x</b>\ny") == "<p style='white-space:pre'>&lt;b&gt;x&lt;/b&gt;<br>y</p>"
    point = b.char_point(b.find("الكرخي") + 2)
    QApplication.sendEvent(
        b.view.viewport(),
        QHelpEvent(QHelpEvent.Type.ToolTip, point, b.view.viewport().mapToGlobal(point)),
    )
    assert "PER" in QToolTip.text() and "amal" in QToolTip.text()


def test_clicking_an_argument_again_changes_its_role_instead_of_adding_a_twin(bench) -> None:
    from annotator.ui.workspace.mouse import Hit, describe

    b = bench()
    label_word(b, "الموصل", Qt.Key.Key_3, 2)
    mark_meeting(b)
    choose_role(b, b.find("الموصل", 2) + 2, "Entity")
    b.click(b.find("الموصل", 2) + 2)
    menu = b.feature.mouse.role_menu
    assert [a.isChecked() for a in menu.actions()] == [True, False]
    menu.actions()[1].trigger()
    menu.close()
    [event] = b.stored_events()
    assert [a.role for a in event.arguments] == ["Place"]
    span_id = event.arguments[0].span_id
    assert "  Place of Contact.Meet: اجتمع" in describe(b.workspace, Hit(span_id, False))
