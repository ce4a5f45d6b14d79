"""Long jobs on their own connection: the session heartbeat never joins their transaction."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from annotator.core.errors import ProjectBusyError
from annotator.services.importing import ImportCancelled, import_paths
from annotator.services.jobs import on_own_connection
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project


def test_the_heartbeat_cannot_write_inside_an_import(tmp_path: Path) -> None:
    path = tmp_path / "p.annproj"
    new_project(path).close()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "نص للاستيراد"}, ensure_ascii=False) + "\n")
    opened = open_for_editing(path, "amal")
    assert opened.session is not None
    importing, release = threading.Event(), threading.Event()
    outcome: list[BaseException] = []

    def progress(done: int, total: int) -> bool:
        importing.set()
        release.wait(10)
        return False  # the user cancels: the import rolls back

    def run() -> None:
        try:
            on_own_connection(
                opened.store, lambda own: import_paths(own, [source], progress=progress)
            )
        except ImportCancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert importing.wait(10)
    assert not opened.store.db.conn.in_transaction  # the import is not the window's
    started = time.monotonic()
    with pytest.raises(ProjectBusyError):
        opened.session.heartbeat()  # its own connection: it waits briefly, never joins
    assert time.monotonic() - started < 2
    release.set()
    worker.join(10)
    assert outcome and opened.store.documents.count() == 0
    before = opened.store.sessions.of_annotator("amal")[0].heartbeat
    time.sleep(0.01)
    assert opened.session.heartbeat()  # after the rollback: written, and kept
    assert opened.store.sessions.of_annotator("amal")[0].heartbeat > before
    opened.close()
