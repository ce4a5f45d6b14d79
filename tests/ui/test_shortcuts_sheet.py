"""Help › Keyboard Shortcuts lists the real bindings, in both languages (issue 13.17)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.ui.shortcuts_sheet import ShortcutsSheet

LRI, PDI = "\u2066", "\u2069"


def open_sheet(window, qtbot) -> ShortcutsSheet:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None and sheet.isVisible()
    return sheet


def test_f1_lists_every_bound_key(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    sheet = open_sheet(window, qtbot)
    rows = dict(sheet.shown_rows())
    assert rows["Zoom In"] == f"{LRI}Ctrl++{PDI}"
    assert rows["Undo"] == f"{LRI}Ctrl+Z{PDI}"
    assert rows["Redo"] == f"{LRI}Ctrl+Shift+Z{PDI}  /  {LRI}Ctrl+Y{PDI}"
    # A label key from the project's schema, also as an Arabic keyboard layout types it.
    assert rows["شخص — Person"] == f"{LRI}1{PDI}  /  {LRI}١{PDI}"
    assert rows["Keyboard Shortcuts"] == f"{LRI}F1{PDI}"
    assert "Remove the selected argument (in the Events panel)" in rows  # a QShortcut
    # Every action with a key in the window's menus is on the sheet.
    menus = window.menuBar().findChildren(type(window.menu("edit")))
    bound = {a.text().replace("&", "") for m in menus for a in m.actions()
             if not a.shortcut().isEmpty()}
    assert bound <= set(rows)
    sheet.filter_edit.setFocus()
    qtbot.keyClicks(sheet.filter_edit, "zoom")
    assert [command for command, _keys in sheet.shown_rows()] == ["Zoom In", "Zoom Out"]


def test_the_sheet_speaks_arabic(make_window, demo_path: Path, qtbot, settings,
                                 english_afterwards) -> None:
    settings.language = "ar"
    window = make_window(str(demo_path))
    sheet = open_sheet(window, qtbot)
    assert sheet.windowTitle() == "اختصارات لوحة المفاتيح"
    rows = dict(sheet.shown_rows())
    assert rows["تكبير"] == f"{LRI}Ctrl++{PDI}"
