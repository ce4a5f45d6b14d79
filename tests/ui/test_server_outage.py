"""A window on a server project while the server goes away and comes back: the window
says so once in its status bar (no error box every few seconds) and carries on when
the server returns, with no restart. Uses a server of its own: the shared test server
must not stop."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from annotator.services.copying import copy_project

pgserver = pytest.importorskip("pgserver")


@pytest.fixture
def own_server():
    folder = Path(tempfile.mkdtemp(prefix="annotator-outage-pg-"))
    server = pgserver.get_server(folder, cleanup_mode="stop")
    yield folder, server
    try:
        pgserver.get_server(folder, cleanup_mode="stop").cleanup()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_window_says_once_that_the_server_is_gone_and_carries_on_when_it_is_back(
    make_window, demo_path: Path, own_server, qtbot, monkeypatch
) -> None:
    folder, server = own_server
    with psycopg.connect(server.get_uri(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE outage")
    url = server.get_uri().replace("/postgres?", "/outage?", 1)
    copy_project(demo_path, url)
    window = make_window(url)
    session = window.project_session
    assert window.project is not None and window.project.on_server
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", errors.append)

    server.cleanup()  # the server stops
    session.poll()
    session.poll()
    assert errors == []
    assert window.statusBar().currentMessage() == session.offline_message()

    pgserver.get_server(folder, cleanup_mode="stop")  # and starts again
    session.poll()
    assert window.statusBar().currentMessage() == "Connected to the server again."
    assert window.project.data_version() is not None  # the project answers again
