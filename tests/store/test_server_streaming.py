"""Long reads of a server project stream through a server-side cursor: the rows come
from the server a batch at a time instead of all at once into this process (a copy of
a 100,000-document project would otherwise hold every text in memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.services.projects import default_schema
from annotator.store import create_project, open_project
from annotator.store.copying import copy_rows

TEXT = "قال الوزير إن الاجتماع عُقد في بغداد يوم {}."


def test_a_long_read_on_a_server_comes_through_a_server_side_cursor(server_url: str) -> None:
    with create_project(server_url, default_schema()) as store:
        ids = [store.documents.add(TEXT.format(i), f"خبر {i}").id for i in range(25)]
        with store.snapshot():
            rows = store.stream_rows("SELECT id FROM documents ORDER BY rowid")
            first = next(rows)
            open_cursors = store.db.execute(
                "SELECT count(*) FROM pg_cursors WHERE name LIKE 'annotator_rows_%'"
            ).fetchone()[0]
            assert open_cursors == 1
            assert [first[0], *(row[0] for row in rows)] == ids
            closed = store.db.execute(
                "SELECT count(*) FROM pg_cursors WHERE name LIKE 'annotator_rows_%'"
            ).fetchone()[0]
            assert closed == 0


def test_a_stream_outside_a_transaction_is_refused(server_url: str) -> None:
    with create_project(server_url, default_schema()) as store, pytest.raises(RuntimeError):
        next(store.stream_rows("SELECT id FROM documents"))


def test_a_server_project_copied_to_a_file_in_batches_keeps_every_row_in_order(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("annotator.store.copying._BATCH", 7)  # several batches of each table
    with create_project(server_url, default_schema()) as server:
        ids = [server.documents.add(TEXT.format(i), f"خبر {i}").id for i in range(30)]
        target = create_project(tmp_path / "copy.annproj", default_schema())
        with target:
            counts = copy_rows(server, target)
    assert counts["documents"] == 30
    with open_project(tmp_path / "copy.annproj") as copied:
        assert [d.id for d in copied.documents.iter_all()] == ids
