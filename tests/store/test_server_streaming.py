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


def watch_streams(store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL of every server-side cursor opened from now on (any connection)."""
    streamed: list[str] = []
    stream = type(store.db.conn).stream

    def watched(conn, sql, params=None, batch=1000):
        streamed.append(sql)
        return stream(conn, sql, params, batch)

    monkeypatch.setattr(type(store.db.conn), "stream", watched)
    return streamed


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


def test_a_server_side_cursor_outside_a_transaction_is_refused(server_url: str) -> None:
    with create_project(server_url, default_schema()) as store:
        store.documents.add(TEXT.format(1), "خبر")
        with pytest.raises(RuntimeError):
            next(store.db.conn.stream("SELECT id FROM documents"))
        # The store's long reads outside a snapshot still work (all rows at once).
        assert len(list(store.stream_rows("SELECT id FROM documents"))) == 1


def test_an_export_reads_the_documents_of_a_server_through_a_server_side_cursor(
    server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_project(server_url, default_schema()) as store:
        ids = [store.documents.add(TEXT.format(i), f"خبر {i}").id for i in range(12)]
        streamed = watch_streams(store, monkeypatch)
        with store.snapshot():
            rows = [row.id for row in store.interchange.document_rows()]
        assert rows == ids
        assert any("FROM documents" in sql for sql in streamed)


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


@pytest.mark.parametrize("reader", ["agreement", "merge"])
def test_agreement_and_merge_read_a_server_project_through_a_server_side_cursor(
    reader: str, server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.model import Span, new_id
    from annotator.services.agreement import agreement_documents
    from annotator.services.merge import merge_project

    with create_project(server_url, default_schema()) as server:
        docs = [server.documents.add(TEXT.format(i), f"خبر {i}") for i in range(6)]
        server.annotations.add_spans(
            Span(new_id(), doc.id, name, 0, 3, "PER") for doc in docs for name in ("amal", "karim")
        )
        streamed = watch_streams(server, monkeypatch)
        if reader == "agreement":
            shared = agreement_documents(server, ["amal", "karim"])
            assert [d.doc_id for d in shared] == [d.id for d in docs]
        else:
            target = create_project(tmp_path / "merged.annproj", default_schema())
            with target:
                merge_project(target, server_url)
                assert target.documents.count() == 6
        assert any("FROM documents" in sql for sql in streamed)
