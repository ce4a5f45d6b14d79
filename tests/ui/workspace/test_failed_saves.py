"""A save that fails (full disk, read-only file) is reported at once and never shown as saved."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.errors import SaveFailedError
from annotator.core.model import Span, new_id
from annotator.services.projects import open_project
from annotator.store import places as store_places

KEY_1 = Qt.Key.Key_1


def fill_the_disk(store) -> None:
    """Let the file grow no further, as if the disk were full, and fill the room left in
    its pages where amal's next span goes: spans of annotator "al" (sorted just before
    amal, in rows no larger than amal's) are added until one finds no room."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    doc_id = store.documents.summaries()[0].id
    with pytest.raises(SaveFailedError, match="the disk is full"):
        for _ in range(10_000):
            store.annotations.add_span(Span(new_id(), doc_id, "al", 0, 3, "PER"))


def free_the_disk(store) -> None:
    store.db.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def packed_path(article_path: Path) -> Path:
    """The articles with many of karim's spans, vacuumed: its pages are packed full."""
    with open_project(article_path) as store:
        doc = store.documents.summaries()[0]
        store.annotations.add_spans(
            Span(new_id(), doc.id, "karim", i % 60, i % 60 + 3, "PER") for i in range(600)
        )
    conn = sqlite3.connect(article_path)
    conn.execute("VACUUM")
    conn.close()
    return article_path


def test_a_full_disk_is_reported_at_once_and_the_span_not_shown(
    bench, packed_path: Path, messages
) -> None:
    b = bench(packed_path)
    fill_the_disk(b.window.project._store)
    b.double_click(b.find("الخارجية") + 2)
    b.key(KEY_1)
    assert len(messages) == 1  # told at once, once
    assert "Not saved" in messages[0] and "the disk is full" in messages[0]
    assert "Everything saved before it is safe" in messages[0]
    assert not b.window.statusBar().currentMessage().startswith("Saved")
    assert b.workspace.annotations.spans == {} and b.stored_spans() == []
    assert b.workspace.undo_group.activeStack().count() == 0  # nothing to undo: nothing done
    free_the_disk(b.window.project._store)  # the user freed some space: the window is still usable
    b.double_click(b.find("الخارجية") + 2)
    b.key(KEY_1)
    assert b.stored_texts() == [("الخارجية", "PER")]
    assert b.window.statusBar().currentMessage().startswith("Saved")


def test_an_undo_that_cannot_be_saved_is_reported_and_the_view_reread(bench, messages) -> None:
    b = bench()
    b.double_click(b.find("الخارجية") + 2)
    b.key(KEY_1)
    b.window.project.set_read_only("the disk was remounted read-only")
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Not saved" in messages[0] and "remounted read-only" in messages[0]
    b.qtbot.waitUntil(lambda: b.workspace.undo_group.activeStack().count() == 0)
    assert b.stored_texts() == [("الخارجية", "PER")]
    assert [s.label for s in b.workspace.annotations.spans.values()] == ["PER"]  # still there


def test_a_read_only_project_file_refuses_every_action_clearly(
    bench, article_path, messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:
        article_path.chmod(0o444)
    else:  # root may write anything: make the permission check say what chmod would
        monkeypatch.setattr(store_places.os, "access", lambda path, mode: Path(path).is_dir())
    before = article_path.read_bytes()
    b = bench()
    assert "opened read-only because the file is read-only" in messages[0]
    session = b.window.project_session
    assert session.banner.isVisible() and not session.banner.take_over_button.isVisible()
    assert b.window.windowTitle().endswith("[read-only]")
    b.double_click(b.find("الخارجية") + 2)
    b.key(KEY_1)
    assert "Not saved" in messages[-1] and "the file is read-only" in messages[-1]
    assert b.workspace.annotations.spans == {}
    assert b.workspace.undo_group.activeStack().count() == 0
    b.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # mark done: refused too
    assert b.window.document_list.model.status(b.window.current_document_id).value == "new"
    b.window.close()
    assert article_path.read_bytes() == before
