"""Two windows on one project, the heartbeat, waiting for another window's save."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from annotator.core.model import Span
from annotator.services.backups import backups_of
from annotator.services.projects import open_project
from annotator.services.sessions import HEARTBEAT_S
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings

SCREENS = Path("/work/screens")


def label_first_word(window: MainWindow, qtbot, key: Qt.Key = Qt.Key.Key_1) -> None:
    """Select the first word of the current document and press a label key."""
    view = window.reading_view
    cursor = view.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(cursor.MoveOperation.EndOfWord, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, key)


def stored_spans(path: Path, annotator: str = "amal") -> list[Span]:
    with open_project(path) as store:
        return [s for d in store.documents.summaries()
                for s in store.annotations.spans(d.id, annotator)]


def test_a_second_window_of_the_same_annotator_is_read_only_and_says_so(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    first = make_window(str(demo_path))
    assert not first.project_session.read_only and messages == []
    assert first.project_session.heartbeat_timer.isActive()
    assert first.project_session.heartbeat_timer.interval() == HEARTBEAT_S * 1000
    second = make_window(str(demo_path))
    assert "amal already has this project open in another window on this computer" in messages[0]
    assert "this window opens read-only" in messages[0]
    assert second.windowTitle().endswith("[read-only]")
    assert not first.windowTitle().endswith("[read-only]")
    session = second.project_session
    assert session.banner.isVisible() and session.banner.take_over_button.isVisible()
    assert "Read-only: changes are not saved in this window" in session.banner.message.text()
    assert session.read_only_label.text() == "Read-only"
    assert not session.heartbeat_timer.isActive()  # it holds no claim to keep alive
    SCREENS.mkdir(parents=True, exist_ok=True)
    second.grab().save(str(SCREENS / "relgui_read_only_banner.png"))
    before = stored_spans(demo_path)
    label_first_word(second, qtbot)
    assert "Not saved" in messages[-1] and "read-only" in messages[-1]
    assert stored_spans(demo_path) == before
    assert second.statusBar().currentMessage() == ""  # never "Saved: ..."
    undo = second.features[0].workspace.undo_group.activeStack()
    assert undo.count() == 0


def test_taking_over_makes_the_other_window_read_only_at_its_heartbeat(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    first = make_window(str(demo_path))
    second = make_window(str(demo_path))
    qtbot.mouseClick(second.project_session.banner.take_over_button, Qt.MouseButton.LeftButton)
    assert not second.project_session.read_only
    assert not second.project_session.banner.isVisible()
    assert not second.windowTitle().endswith("[read-only]")
    assert second.project_session.heartbeat_timer.isActive()
    label_first_word(second, qtbot)
    assert len(stored_spans(demo_path)) > 0 and second.statusBar().currentMessage()
    first.project_session.heartbeat()  # what its 30-second timer does
    assert first.project_session.read_only and first.windowTitle().endswith("[read-only]")
    assert "took over editing. This window is now read-only" in messages[-1]
    assert first.project_session.banner.isVisible()
    assert not first.project_session.heartbeat_timer.isActive()


def test_choosing_another_annotator_makes_a_read_only_window_editable(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    make_window(str(demo_path))
    second = make_window(str(demo_path))
    assert second.project_session.read_only
    second.set_annotator("karim")
    assert not second.project_session.read_only
    assert not second.project_session.banner.isVisible()
    before = len(stored_spans(demo_path, "karim"))
    label_first_word(second, qtbot)
    assert len(stored_spans(demo_path, "karim")) == before + 1


def test_other_windows_refresh_for_new_work_but_not_for_heartbeats(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    amal = make_window(str(demo_path))
    karim = make_window(str(demo_path))
    karim.set_annotator("karim")
    reloads: list[int] = []
    karim.reloaded.connect(lambda: reloads.append(1))
    amal.project_session.heartbeat()
    karim.project_session.poll()
    assert reloads == []  # a heartbeat is not news
    label_first_word(amal, qtbot)  # amal's work is not shown in karim's window
    karim.project_session.poll()
    assert reloads == []
    with open_project(demo_path) as other:  # another program adds an article
        other.documents.add("وصل وفد تجاري إلى عمّان لبحث التعاون.", "وفد تجاري")
    karim.project_session.poll()
    assert reloads == [1]
    assert karim.document_list.model.rowCount() == 9


def test_waiting_for_another_windows_save_is_shown_then_cleared(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    window = make_window(str(demo_path))
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a save
    QTimer.singleShot(200, lambda: other.execute("COMMIT"))
    before = len(stored_spans(demo_path))
    label_first_word(window, qtbot)
    other.close()
    assert "Waiting for another window to finish saving…" in shown
    assert len(stored_spans(demo_path)) == before + 1
    assert window.statusBar().currentMessage().startswith("Saved: ")  # not wiped by the wait
    assert messages == []


def test_backups_taken_on_open_keep_the_number_set_in_preferences(
    make_window, demo_path: Path, messages: list[str]
) -> None:
    AppSettings().backups_kept = 2
    window = make_window(str(demo_path))
    for i in range(3):  # each time something changed, so each backup differs
        # Closing abandons a backup still running after a short wait (nothing changed, so
        # nothing is lost); on a loaded machine that would leave fewer backups than kept.
        finish_opening_backup(window)
        window.close_project()
        with open_project(demo_path) as other:
            other.documents.add(f"خبر قصير رقم {i} عن الطقس.", f"طقس {i}")
        assert window.open_project(demo_path)
    finish_opening_backup(window)
    assert len(backups_of(demo_path)) == 2


def finish_opening_backup(window) -> None:
    """Wait until the window's background opening backup has ended."""
    job = window.project_session.opened.backup_job
    if job is not None:
        job.wait(60)


def test_opening_the_open_project_again_keeps_it_editable(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    window = make_window(str(demo_path))
    assert window.open_project(demo_path)
    assert messages == [] and not window.project_session.read_only
    before = len(stored_spans(demo_path))
    label_first_word(window, qtbot)
    assert len(stored_spans(demo_path)) == before + 1


def test_a_read_only_window_follows_the_work_of_the_editing_one(
    make_window, demo_path: Path, messages: list[str], qtbot
) -> None:
    editing = make_window(str(demo_path))
    following = make_window(str(demo_path))
    assert following.project_session.read_only
    feature = following.features[0]
    before = len(feature.workspace.annotations.spans)
    editing.activateWindow()
    qtbot.waitUntil(editing.isActiveWindow)
    label_first_word(editing, qtbot)
    assert len(feature.workspace.annotations.spans) == before  # not yet looked
    following.project_session.poll()  # what its timer does every few seconds
    assert len(feature.workspace.annotations.spans) == before + 1


def test_the_read_only_banner_speaks_arabic(
    make_window, demo_path: Path, messages: list[str], qtbot, settings, english_afterwards
) -> None:
    """Issue 13.4: who has the project open is said in the interface language."""
    settings.language = "ar"
    make_window(str(demo_path))
    second = make_window(str(demo_path))
    banner = second.project_session.banner.message.text()
    assert "\u2068amal\u2069 فتح هذا المشروع في نافذة أخرى على هذا الحاسوب" in banner
    assert "already has" not in banner
