"""File › Restore from Backup…, and the way out offered when a project is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.services.backups import backups_of
from annotator.services.projects import open_project
from annotator.ui.main_window import MainWindow
from annotator.ui.restore_dialog import RestoreDialog

SCREENS = Path("/work/screens")


def document_count(path: Path) -> int:
    with open_project(path) as store:
        return store.documents.count()


def open_restore(window: MainWindow, qtbot) -> RestoreDialog:
    """File › Restore from Backup…, as a user would pick it from the menu."""
    action = next(a for a in window.menu("file").actions() if a.text() == "&Restore from Backup…")
    action.trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 5] = b"\xde\xad" * 4096
    path.write_bytes(bytes(data))


def test_restore_lists_backups_and_brings_back_the_chosen_one(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    window = make_window(str(demo_path))  # opening took the first backup: 8 articles
    with open_project(demo_path) as other:
        other.documents.add("خبر أضيف بعد النسخة الاحتياطية.", "خبر جديد")
    window.close_project()
    window.open_project(demo_path)  # a second backup: 9 articles
    assert window.document_list.model.rowCount() == 9
    broken = backups_of(demo_path)[0].path.with_name("demo.backup-20200101T000000000000Z.annproj")
    broken.write_text("not a project")
    dialog = open_restore(window, qtbot)
    table = dialog.table
    assert table.rowCount() == 3
    states = [table.item(r, RestoreDialog.STATE).text() for r in range(3)]
    assert states == ["intact", "intact", "damaged: cannot be restored"]
    assert table.item(2, RestoreDialog.NAME).text() == broken.name
    assert table.item(0, RestoreDialog.SIZE).text().endswith(" KB")
    assert not (table.item(2, 0).flags() & Qt.ItemFlag.ItemIsSelectable)
    SCREENS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENS / "relgui_restore_dialog.png"))
    table.selectRow(1)  # the older backup, from before the article was added
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert messages == []
    assert window.project is not None and window.project.path == demo_path
    assert window.document_list.model.rowCount() == 8
    assert document_count(demo_path) == 8
    assert not window.project_session.read_only
    # The state before the restore was kept as one more backup: the restore can be undone.
    assert any(document_count(b.path) == 9 for b in backups_of(demo_path) if b.path != broken)


def test_restore_is_refused_while_another_window_edits_the_project(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    make_window(str(demo_path))
    window = make_window(str(demo_path))
    window.set_annotator("karim")  # editable, and amal's window still edits too
    dialog = open_restore(window, qtbot)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Nothing was restored" in messages[-1] and "close the project there first" in (
        messages[-1]
    )
    assert window.project is not None and window.project.path == demo_path  # open again


def test_a_damaged_project_offers_its_latest_good_backup(
    make_window, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(str(demo_path))  # takes a good backup
    window.close_project()
    damage(demo_path)
    offered: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        offered.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Restore the Latest Good Backup")
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    assert window.open_project(demo_path)
    assert "the project file is damaged" in offered[0] and "latest good backup" in offered[0]
    assert window.document_list.model.rowCount() == 8
    assert document_count(demo_path) == 8


def test_a_damaged_project_without_backups_is_refused(
    make_window, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    window = make_window(str(demo_path))
    lone = tmp_path / "lone" / "lone.annproj"
    lone.parent.mkdir()
    lone.write_bytes(demo_path.read_bytes())
    damage(lone)
    assert window.open_project(lone) is False
    assert "damaged" in messages[0] and "No good backup of this project was found" in messages[0]
    assert window.project is not None and window.project.path == demo_path
