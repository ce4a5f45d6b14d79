"""The Preferences dialog, driven with the keyboard as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QUndoCommand
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.core.resources import resource_path
from annotator.ui import app
from annotator.ui.fonts import BUNDLED_FONTS
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings
from annotator.ui.settings_dialog import Preferences, SettingsDialog
from annotator.ui.workspace import WorkspaceFeature
from tests.ui.conftest import type_text


def open_dialog(window: MainWindow, qtbot) -> SettingsDialog:
    """Press Ctrl+, (Edit > Preferences…) and return the dialog it opens."""
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    # Keys go to the active window (offscreen, a new dialog is not activated by itself).
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


@pytest.fixture
def bundled_fonts(qapp) -> Iterator[None]:
    """The bundled Arabic fonts, registered as the application does at start, then removed
    (other tests lay text out with the fonts the machine has)."""
    ids = [QFontDatabase.addApplicationFont(str(resource_path("fonts", f))) for f in BUNDLED_FONTS]
    yield
    for font_id in ids:
        QFontDatabase.removeApplicationFont(font_id)


def test_preferences_are_applied_and_remembered(make_window, qtbot, bundled_fonts) -> None:
    window = make_window()
    dialog = open_dialog(window, qtbot)
    assert dialog.preferences() == Preferences.load(AppSettings())
    assert dialog.font_combo.currentFont().family() == "Noto Naskh Arabic"
    replace_text(qtbot, dialog.name_edit, "سلمى")
    qtbot.keyClick(dialog.font_combo, Qt.Key.Key_Down)  # the next Arabic font
    assert dialog.preview.font().family() == "Noto Sans Arabic"
    qtbot.keyClick(dialog.size_spin, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.size_spin, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.snapping_check, Qt.Key.Key_Space)
    replace_text(qtbot, dialog.backups_spin.lineEdit(), "3")
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_End)  # the last language: Arabic
    assert dialog.language_note.text()
    qtbot.keyClick(dialog.backups_spin, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    remembered = Preferences.load(AppSettings())  # a new run reads the INI file afresh
    assert remembered == Preferences("سلمى", "ar", "Noto Sans Arabic", 18, False, 3)
    assert window.annotator == "سلمى" and "سلمى" in window.windowTitle()
    assert window.reading_view.font_size == 18
    assert window.reading_view.font().pointSize() == 18
    assert window.reading_view.font().family() == "Noto Sans Arabic"


def test_cancel_changes_nothing(make_window, qtbot) -> None:
    window = make_window()
    before = Preferences.load(AppSettings())
    dialog = open_dialog(window, qtbot)
    replace_text(qtbot, dialog.name_edit, "karim")
    qtbot.keyClick(dialog.size_spin, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert Preferences.load(AppSettings()) == before
    assert window.annotator == "amal" and window.reading_view.font_size == before.font_size


def test_an_empty_name_cannot_be_saved(make_window, qtbot) -> None:
    window = make_window()
    dialog = open_dialog(window, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    replace_text(qtbot, dialog.name_edit, "   ")
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and AppSettings().annotator == "amal"
    type_text(dialog.name_edit, "k")
    assert ok.isEnabled()


def test_restore_defaults_keeps_the_name(make_window, qtbot, settings: AppSettings) -> None:
    settings.font_size, settings.word_snapping, settings.backups_kept = 30, False, 0
    window = make_window()
    dialog = open_dialog(window, qtbot)
    assert dialog.backups_spin.text() == "None"  # zero backups reads as "None"
    restore = dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.preferences() == Preferences.defaults("amal")
    assert dialog.preferences().font_size == 16 and dialog.preferences().backups_kept == 10


def test_the_language_chosen_is_used_at_the_next_start(
    make_window, qtbot, english_afterwards: None
) -> None:
    window = make_window()
    dialog = open_dialog(window, qtbot)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar"))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert window.menu("edit").title() == "&Edit"  # built in English; Arabic at the next start
    window.close()
    restarted = make_window()
    assert restarted.menu("edit").title() == "&تحرير"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "التف&ضيلات…" in [a.text() for a in restarted.menu("edit").actions()]


def test_a_name_never_stored_shows_the_name_in_use(
    make_window, qtbot, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.annotator = None  # a window made with a name that was not stored
    monkeypatch.setattr(app, "current_annotator", lambda _settings: "login-name")
    window = make_window()
    dialog = open_dialog(window, qtbot)
    assert dialog.name_edit.text() == "login-name"
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert AppSettings().annotator == "login-name"  # now stored


def test_preferences_reach_the_annotation_workspace(make_window, qtbot, demo_path) -> None:
    window = make_window(str(demo_path))
    feature = next(f for f in window.features if isinstance(f, WorkspaceFeature))
    history = feature.workspace.undo_group.activeStack()
    history.push(QUndoCommand("amal's labelling"))
    snap_action = next(a for a in window.menu("edit").actions() if a.isCheckable())
    assert snap_action.isChecked()
    dialog = open_dialog(window, qtbot)
    replace_text(qtbot, dialog.name_edit, "karim")
    qtbot.keyClick(dialog.snapping_check, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert not snap_action.isChecked()  # the Edit menu shows the new choice
    current = feature.workspace.undo_group.activeStack()
    assert current is not history and current.count() == 0, "amal's work is not karim's to undo"
    assert window.annotator == "karim" and "karim" in window.windowTitle()


def test_choosing_a_language_does_not_move_the_ok_button(make_window, qtbot) -> None:
    window = make_window()
    dialog = open_dialog(window, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    before = ok.mapToGlobal(ok.rect().center())
    assert dialog.language_note.text() == ""
    dialog.language_combo.setFocus()
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Down)  # another language: the note shows
    assert "next time" in dialog.language_note.text()
    QApplication.processEvents()  # let the layout settle, as it would under the pointer
    assert ok.mapToGlobal(ok.rect().center()) == before


def test_a_name_with_a_control_character_cannot_be_saved(make_window, qtbot) -> None:
    window = make_window()
    dialog = open_dialog(window, qtbot)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    dialog.name_edit.insert("amal\u202ekarim")  # as pasted: a right-to-left override inside
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and AppSettings().annotator == "amal"
    replace_text(qtbot, dialog.name_edit, "أمل")
    assert ok.isEnabled()


def test_a_remembered_name_with_a_newline_is_asked_again(monkeypatch, settings) -> None:
    from annotator.ui.workspace import annotator_choice

    settings.annotator = "amal\nannotator:  root (gold)"
    monkeypatch.setattr(annotator_choice, "ask_annotator", lambda parent, current="": "سلمى")
    assert annotator_choice.current_annotator(settings) == "سلمى"
    assert settings.annotator == "سلمى"
