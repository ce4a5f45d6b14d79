"""A window on a server project while the server goes away and comes back: the window
says so once in its status bar (no error box every few seconds), refuses saves and
undo steps at once with a message, keeps its undo history, and carries on when the
server returns, with no restart. Uses a server of its own: the shared one must not stop."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.services.copying import copy_project
from tests.team_helpers import new_database
from tests.ui.test_project_session import label_first_word

pgserver = pytest.importorskip("pgserver")


class OwnServer:
    """A PostgreSQL server the test may stop and start again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server = pgserver.get_server(folder, cleanup_mode="stop")

    def stop(self) -> None:
        self.server.cleanup()

    def start(self) -> None:
        self.server = pgserver.get_server(self.folder, cleanup_mode="stop")


@pytest.fixture
def own_server():
    folder = Path(tempfile.mkdtemp(prefix="annotator-outage-pg-"))
    server = OwnServer(folder)
    yield server
    try:
        server.start()
        server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def window_on_own_server(make_window, demo_path: Path, own_server: OwnServer):
    url = new_database(own_server.server, "outage")
    copy_project(demo_path, url)
    window = make_window(url)
    assert window.project is not None and window.project.on_server
    return window


def test_the_window_says_once_that_the_server_is_gone_and_carries_on_when_it_is_back(
    window_on_own_server, own_server: OwnServer, qtbot, messages: list[str]
) -> None:
    window = window_on_own_server
    session = window.project_session
    annotations = window.features[0].workspace.annotations
    before = len(annotations.spans)

    own_server.stop()
    session.poll()
    session.poll()
    assert messages == []  # no error box for a look at the server
    assert window.statusBar().currentMessage() == session.offline_message()
    label_first_word(window, qtbot)  # a save while it is gone: refused at once, and said
    assert len(messages) == 1 and "server cannot be reached" in messages[0]
    assert len(annotations.spans) == before

    own_server.start()
    session.poll()
    assert window.statusBar().currentMessage() == "Connected to the server again."
    label_first_word(window, qtbot)  # saving works again, without a restart
    assert len(annotations.spans) == before + 1
    assert len(messages) == 1


def test_undo_history_survives_a_lost_connection(
    window_on_own_server, own_server: OwnServer, qtbot, messages: list[str]
) -> None:
    window = window_on_own_server
    view = window.reading_view
    annotations = window.features[0].workspace.annotations
    before = len(annotations.spans)
    label_first_word(window, qtbot)
    stack = window.features[0].workspace.undo_group.activeStack()
    steps = stack.index()
    assert len(annotations.spans) == before + 1 and steps > 0

    own_server.stop()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stack.index() == steps)  # put back: the step was not taken
    assert len(messages) == 1 and "server cannot be reached" in messages[0]
    assert len(annotations.spans) == before + 1
    assert stack.canUndo()

    own_server.start()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(annotations.spans) == before  # the same undo, now saved
    assert stack.index() == steps - 1 and len(messages) == 1
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(annotations.spans) == before + 1  # and redone
