"""Server projects in the window, driven as a user would, against the test's PostgreSQL
server: File › Open Server Project…, errors said in the window, the URL (never a
password) in the title, the status bar, the recent projects and the settings file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.__main__ import opens_window
from annotator.core.server_url_fields import fields_of
from annotator.core.server_urls import ServerLocation
from annotator.services.copying import copy_project
from annotator.services.exporting import ExportOptions
from annotator.services.locations import log_dir
from annotator.services.projects import open_project
from annotator.store.migrations import LATEST_VERSION
from annotator.ui.import_export import ImportExport
from annotator.ui.import_export_dialogs import ImportOptionsDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.recent_projects import RECENT_KEY
from annotator.ui.server_dialog import OpenServerDialog
from annotator.ui.settings import AppSettings
from annotator.ui.window_state import project_key

PASSWORD = "hunter2"  # the test server trusts local connections: it ignores this


def _with_password(url: str) -> str:
    return url.replace("postgres:@", f"postgres:{PASSWORD}@", 1)


@pytest.fixture
def on_server(server_url: str, demo_path: Path) -> str:
    """The URL of a copy of the demo project on the test server."""
    copy_project(demo_path, server_url)
    return server_url


def _open_dialog(window: MainWindow, qtbot) -> OpenServerDialog:
    window.open_server_action.trigger()
    dialog = window.findChild(OpenServerDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _shown(url: str) -> str:
    return ServerLocation(url).shown


def test_the_file_menu_offers_server_projects_after_open_project(make_window, demo_path) -> None:
    window = make_window(str(demo_path))
    texts = [a.text() for a in window.menu("file").actions()]
    opened = texts.index("&Open Project…")
    assert texts[opened + 1 : opened + 3] == ["Open &Server Project…", "Open &Recent"]
    assert window.open_server_action.shortcut().toString() == "Ctrl+Shift+O"


def test_typing_the_fields_builds_the_url_and_opens_the_project(
    make_window, demo_path: Path, on_server: str, qtbot
) -> None:
    window = make_window(str(demo_path))
    dialog = _open_dialog(window, qtbot)
    assert not dialog.open_button().isEnabled()
    wanted = fields_of(on_server)
    qtbot.keyClicks(dialog.host_edit, wanted.host)
    qtbot.keyClicks(dialog.database_edit, wanted.database)
    qtbot.keyClicks(dialog.user_edit, "postgres")
    assert dialog.url() == f"postgresql://postgres@/{wanted.database}?host={wanted.host}"
    assert dialog.open_button().isEnabled()
    qtbot.mouseClick(dialog.open_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.project is not None and window.project.on_server)
    shown = _shown(on_server)
    assert str(window.project.path) == shown
    with open_project(on_server) as store:
        assert window.document_list.model.rowCount() == store.documents.count() >= 6
    assert shown in window.windowTitle()
    location = window.findChild(type(window._location_label), "server_location")
    assert location.isVisible() and shown in location.text()
    restore = next(a for a in window.menu("file").actions() if "Restore" in a.text())
    assert not restore.isEnabled()  # a server project is not restored from local files
    window.open_project(str(demo_path))  # back to a file: the file-only action returns
    assert restore.isEnabled() and not location.isVisible()
    assert shown not in window.windowTitle()


def test_the_url_fills_the_fields_and_says_what_is_missing(make_window, demo_path, qtbot) -> None:
    window = make_window(str(demo_path))
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.url_edit, "postgresql://amal@annotation.example.org:5433/")
    assert (dialog.host_edit.text(), dialog.port_edit.text()) == ("annotation.example.org", "5433")
    assert dialog.user_edit.text() == "amal" and dialog.database_edit.text() == ""
    assert dialog.problem.text() == "The URL names no database."
    assert not dialog.open_button().isEnabled()
    qtbot.keyClicks(dialog.database_edit, "news")
    assert dialog.url() == "postgresql://amal@annotation.example.org:5433/news"
    assert dialog.open_button().isEnabled() and not dialog.problem.isVisible()
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "/home/amal/news.annproj")
    assert "postgresql://" in dialog.problem.text() and not dialog.open_button().isEnabled()
    assert dialog.findChild(type(dialog.problem), "password_note").text().count("pgpass") == 2


def test_a_password_typed_into_the_url_is_used_but_never_written_down(
    make_window, demo_path: Path, on_server: str, qtbot, settings: AppSettings
) -> None:
    window = make_window(str(demo_path))
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.url_edit, _with_password(on_server))
    qtbot.keyClicks(dialog.database_edit, "")  # the fields keep the password in the URL
    assert PASSWORD in dialog.url()
    qtbot.mouseClick(dialog.open_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.project is not None and window.project.on_server)
    doc_id = window.document_list.model.doc_ids()[2]
    window.document_list.select(doc_id)
    assert PASSWORD not in window.windowTitle()
    assert window.recent_projects.entries()[0] == _shown(on_server)
    window.close()  # the window state (per project, keyed by the shown URL) is saved
    written = settings.path.read_bytes()
    assert PASSWORD.encode() not in written
    assert _shown(on_server).encode() in written
    assert AppSettings().last_project == _shown(on_server)
    for log in log_dir().glob("*"):
        assert PASSWORD.encode() not in log.read_bytes(), log
    # The next start reopens it without the password (libpq would ask ~/.pgpass for it),
    # at the document read last.
    again = make_window()
    assert again.project is not None and str(again.project.path) == _shown(on_server)
    assert again.current_document_id == doc_id


def test_the_window_state_key_of_a_server_project_ignores_the_password(on_server: str) -> None:
    assert project_key(ServerLocation(_with_password(on_server))) == project_key(
        ServerLocation(on_server)
    )
    assert project_key(ServerLocation(on_server)) != project_key(
        ServerLocation(on_server.replace("/test_", "/other_"))
    )


def _make_other_app(url: str) -> str:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
    return url


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("unreachable",
         "Cannot connect to the server of postgresql://amal@127.0.0.1:1/nowhere?connect_timeout"),
        ("empty", "is not an annotator project: the database is empty or holds another"),
        ("other program", "is not an annotator project: the database is empty or holds another"),
        ("newer", f"was written by a newer version of annotator (format {LATEST_VERSION + 1};"),
    ],
)
def test_a_server_that_cannot_be_used_is_explained_and_the_project_stays(
    make_window, demo_path: Path, fresh_database: Callable[[], str], messages: list[str],
    case: str, said: str, qtbot,
) -> None:  # fmt: skip
    url = "postgresql://amal:hunter2@127.0.0.1:1/nowhere?connect_timeout=3"
    if case != "unreachable":
        url = fresh_database()
    if case == "other program":
        _make_other_app(url)
    if case == "newer":
        copy_project(demo_path, url)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO schema_version (version, name) VALUES (%s, 'future')",
                [LATEST_VERSION + 1],
            )
    window = make_window(str(demo_path))
    before = window.windowTitle()
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.url_edit, url if case == "unreachable" else _with_password(url))
    qtbot.mouseClick(dialog.open_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages))
    [message] = messages
    assert said in message
    assert "Traceback" not in message and PASSWORD not in message
    if case != "unreachable":
        assert message.startswith(_shown(url))
    assert window.project is not None and window.project.path == demo_path
    assert window.windowTitle() == before
    assert window.recent_projects.entries() == [str(demo_path)]


def test_recent_projects_reopen_files_and_servers(
    make_window, demo_path: Path, on_server: str, qtbot
) -> None:
    window = make_window(on_server)
    window.open_project(str(demo_path))
    menu = window.recent_projects.menu
    menu.aboutToShow.emit()
    entries = [a.data() for a in menu.actions() if a.data()]
    assert entries == [str(demo_path), _shown(on_server)]
    next(a for a in menu.actions() if a.data() == _shown(on_server)).trigger()
    assert window.project.on_server and str(window.project.path) == _shown(on_server)
    assert window.settings.qsettings.value(RECENT_KEY, type=list)[0] == _shown(on_server)
    clear = menu.actions()[-1]
    assert clear.text() == "&Clear List"
    clear.trigger()
    assert window.recent_projects.entries() == []


def test_dropping_a_text_file_imports_it_into_the_server_project(
    make_window, on_server: str, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImportOptionsDialog, "exec", lambda self: True)  # OK, as it is
    window = make_window(on_server)
    count = window.document_list.model.rowCount()
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("خبر أسقطه المستخدم على نافذة مشروع الخادم", encoding="utf-8")
    mime = QMimeData()
    # A project file dragged along is not imported (as with a file project).
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (dropped, tmp_path / "x.annproj")])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        window, QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    )
    qtbot.waitUntil(lambda: window.document_list.model.rowCount() == count + 1)
    with open_project(on_server) as store:
        assert store.documents.count() == count + 1  # on the server, for everyone


def test_export_suggests_the_database_name(
    make_window, on_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(on_server)
    asked: list[str] = []

    def ask(_parent, _title, default, *rest):
        asked.append(default)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    feature = next(f for f in window.features if isinstance(f, ImportExport))
    assert feature._ask_target(ExportOptions(format="conll")) is None
    assert asked == [f"{ServerLocation(on_server).database}.conll"]


def test_a_url_on_the_command_line_opens_the_window(on_server: str) -> None:
    assert opens_window([on_server])
    assert not opens_window([on_server, "--json"])


def test_an_unreachable_last_server_falls_back_to_the_demo(
    make_window, settings: AppSettings, messages: list[str]
) -> None:
    settings.last_project = "postgresql://amal@127.0.0.1:1/news?connect_timeout=3"
    window = make_window()
    assert window.project is not None and not window.project.on_server
    assert messages and "Cannot connect to the server of postgresql://amal@127.0.0.1:1/news" in (
        messages[0]
    )


def test_opening_the_open_server_project_again_keeps_it_editable(
    make_window, on_server: str, messages: list[str]
) -> None:
    window = make_window(on_server)
    assert not window.project.read_only
    assert window.open_project(_with_password(on_server))  # the same place, password or not
    assert window.project.on_server and not window.project.read_only
    assert messages == []  # no "already open in another window" of its own making
