"""Saves that fail (full disk, read-only file): a clear error at once, the change rolled
back whole, everything saved before kept, and the project still usable afterwards."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.errors import ReadOnlyProjectError, SaveFailedError
from annotator.core.model import Span, new_id
from annotator.services.opening import open_for_editing
from annotator.services.projects import ProjectStore, new_project, open_project
from annotator.store import places as store_places

TEXT = "افتتح محافظ البصرة معرضًا للكتاب في قصر الثقافة بحضور ناشرين من عشر دول عربية."


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A closed project with one document and one span already saved."""
    path = tmp_path / "معرض الكتاب.annproj"
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "البصرة")
        store.annotations.add_span(Span("kept", doc.id, "amal", 13, 19, "GPE"))
    return path


def fill_the_disk(store: ProjectStore) -> None:
    """Let the file grow no further, as if the disk were full."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def incompressible_text(length: int) -> str:
    """Letters in no pattern: a text the project file cannot compress (format 8) to nothing."""
    letters = random.Random(0).choices("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ", k=length)
    return "".join(letters).strip()


def many_spans(doc_id: str) -> list[Span]:
    return [Span(new_id(), doc_id, "amal", i % 40, i % 40 + 5, "PER") for i in range(3000)]


def test_full_disk_refuses_the_change_whole_and_the_store_stays_usable(saved: Path) -> None:
    with open_project(saved) as store:
        doc = store.documents.summaries()[0]
        fill_the_disk(store)
        with pytest.raises(SaveFailedError, match="not saved: the disk is full") as caught:
            store.annotations.add_spans(many_spans(doc.id))
        assert str(saved) in str(caught.value)
        assert "Everything saved before it is safe" in str(caught.value)
        assert [s.id for s in store.annotations.spans(doc.id)] == ["kept"]  # no part of it
        with pytest.raises(SaveFailedError):
            store.documents.add(incompressible_text(40_000), "كبير")
        assert store.documents.count() == 1
        store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        store.annotations.add_spans(many_spans(doc.id))
        assert len(store.annotations.spans(doc.id)) == 3001
    with open_project(saved) as store:
        assert len(store.annotations.spans(doc.id)) == 3001


def test_full_disk_inside_a_nested_action_rolls_back_the_whole_action(saved: Path) -> None:
    with open_project(saved) as store:
        doc = store.documents.summaries()[0]
        fill_the_disk(store)
        with pytest.raises(SaveFailedError), store.transaction():
            store.annotators.set_status(doc.id, "karim", store.annotators.status(doc.id, "amal"))
            store.annotations.add_spans(many_spans(doc.id))
        assert [a.name for a in store.annotators.all()] == ["amal"]
        assert not store.db.conn.in_transaction


def test_a_file_that_became_unwritable_fails_clearly_and_keeps_reading(saved: Path) -> None:
    conn = sqlite3.connect(saved.absolute().as_uri() + "?mode=ro", uri=True)
    store = ProjectStore(saved, Database(conn))  # as if the disk were remounted read-only
    doc = store.documents.summaries()[0]
    with pytest.raises(SaveFailedError, match="cannot be written \\(read-only"):
        store.annotations.relabel_span("kept", "LOC")
    assert store.annotations.span("kept").label == "GPE"
    assert not conn.in_transaction
    assert store.documents.get(doc.id).text == TEXT
    store.close()


def test_a_read_only_file_opens_read_only_with_a_warning(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:
        saved.chmod(0o444)
    else:  # root may write anything: make the permission check say what chmod would
        monkeypatch.setattr(store_places.os, "access", lambda path, mode: Path(path).is_dir())
    before = saved.read_bytes()
    opened = open_for_editing(saved, "amal")
    assert opened.read_only and opened.session is None
    assert "opened read-only because the file is read-only" in opened.warnings[0]
    with pytest.raises(ReadOnlyProjectError, match="the change was not saved"):
        opened.store.annotations.relabel_span("kept", "LOC")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened.store.db.execute("DELETE FROM spans")  # SQLite itself refuses, too
    assert opened.store.annotations.span("kept").label == "GPE"
    opened.close()
    assert saved.read_bytes() == before


def test_a_project_in_a_read_only_folder_opens_read_only(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:
        saved.parent.chmod(0o555)
    else:
        monkeypatch.setattr(store_places.os, "access", lambda path, mode: not Path(path).is_dir())
    try:
        with open_project(saved) as store:
            assert store.read_only_reason is not None
            assert "its folder is read-only" in store.read_only_reason
            assert store.annotations.span("kept").label == "GPE"
    finally:
        saved.parent.chmod(0o755)
