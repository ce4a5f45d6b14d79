"""Format 9: spans and events name their document by its row number, on both engines."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Argument, Span, new_id
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project, open_project, pg_schema, pg_security
from annotator.store import migrations as migrations_module
from annotator.store.migrations import LATEST_VERSION
from annotator.store.structure import data_problems, structure_problems

TEXT = "قال أحمد الساعدي في بغداد إن الوفد وصل إلى البصرة صباح اليوم."
OTHER = "أعلنت وزارة الصحة في عمّان افتتاح مستشفى جديد."
V8_SPAN = (
    'INSERT INTO spans (id, document_id, annotator, start, "end", label, source, updated_at) '
    "VALUES (?, ?, 'amal', ?, ?, ?, NULL, '2026-01-01')"
)
AMMAN = OTHER.index("عمّان")
V8_SPANS = [("s1", 0, 4, 16, "PER"), ("s2", 0, 20, 25, "GPE"), ("s3", 1, AMMAN, AMMAN + 5, "GPE")]


@contextlib.contextmanager
def format_8_only() -> Iterator[None]:
    """Projects created meanwhile stop at format 8 (every step before 0009)."""
    steps = migrations_module.migrations._migrations
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            migrations_module.migrations, "_migrations", [m for m in steps if m.name < "0009"]
        )
        patch.delitem(pg_schema.STEPS, 9)
        yield


def _format_8_project(location: str) -> tuple[str, str]:
    """A format-8 project of two documents, spans naming them by id, an event with an
    argument and a confidence, written as version 8 wrote them; the document ids."""
    with format_8_only():
        store = create_project(location, default_schema())
    with store:
        ids = [store.documents.add(TEXT, "بغداد").id, store.documents.add(OTHER, "عمّان").id]
        with store.transaction() as db:
            db.execute("INSERT INTO annotators (name, created_at) VALUES ('amal', 'now')")
            for span_id, doc, start, end, label in V8_SPANS:
                db.execute(V8_SPAN, [span_id, ids[doc], start, end, label])
            db.execute(
                "INSERT INTO events (id, document_id, annotator, type, trigger_start, "
                "trigger_end, updated_at) VALUES ('e1', ?, 'amal', 'Movement:Transport', "
                "36, 39, 'now')",
                [ids[0]],
            )
            db.execute(
                "INSERT INTO event_arguments (id, event_id, role, span_id) "
                "VALUES ('a1', 'e1', 'Destination', 's2')"
            )
            db.execute("INSERT INTO span_confidence (span_id, confidence) VALUES ('s3', 0.75)")
    return ids[0], ids[1]


def _check_upgraded(store: ProjectStore, first: str, second: str) -> None:
    """Every reference of _format_8_project is whole in format 9, and the keys hold."""
    rowids = dict(store.db.execute("SELECT id, rowid FROM documents").fetchall())
    assert store.db.execute("SELECT id, document FROM events").fetchall() == [("e1", rowids[first])]
    assert store.db.execute(
        'SELECT id, document, start, "end", label FROM spans ORDER BY id'
    ).fetchall() == [
        ("s1", rowids[first], 4, 16, "PER"),
        ("s2", rowids[first], 20, 25, "GPE"),
        ("s3", rowids[second], AMMAN, AMMAN + 5, "GPE"),
    ]
    covered = [s.covered(TEXT) for s in store.annotations.spans(first, "amal")]
    assert covered == ["أحمد الساعدي", "بغداد"]
    (event,) = store.annotations.events(first, "amal")
    assert event.arguments == (Argument("a1", "Destination", "s2"),)
    assert store.suggestions.confidences(second, "amal") == {"s3": 0.75}
    assert [m.text for m in store.search.spans("عمّان", label="GPE")] == ["عمّان"]
    # Deleting a document deletes its spans, and their arguments with them.
    with store.transaction() as db:
        db.execute("DELETE FROM documents WHERE id = ?", [first])
    assert store.db.execute("SELECT id FROM spans").fetchall() == [("s3",)]
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM event_arguments").fetchone()[0] == 0


def test_a_format_8_file_is_upgraded_with_every_reference_whole(tmp_path: Path) -> None:
    path = tmp_path / "v8.annproj"
    first, second = _format_8_project(str(path))
    with open_project(path) as store:
        assert store.file_version() == LATEST_VERSION == 9
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert structure_problems(store.db.conn, LATEST_VERSION) == []
        assert data_problems(store.db.conn) == []
        assert store.search.count("البصرة") == 1
        _check_upgraded(store, first, second)


def test_a_format_8_file_whose_span_names_no_document_is_refused_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v8.annproj"
    _format_8_project(str(path))
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:  # another tool, no checks
        conn.execute(V8_SPAN, ["lost", "no-such-document", 0, 3, "PER"])
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=r"span 'lost' names a document .* not in the project"):
        open_project(path)
    assert path.read_bytes() == before
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 8


def test_vacuum_keeps_every_document_row_number(file_project: ProjectStore) -> None:
    # Search and spans are keyed by the row number: format 9 declares it, so VACUUM keeps it.
    docs = [file_project.documents.add(f"{TEXT} {n}", f"{n}") for n in range(30)]
    with file_project.transaction() as db:
        db.execute("DELETE FROM documents WHERE id IN (?, ?)", [docs[0].id, docs[10].id])
    last = docs[-1]
    file_project.annotations.add_span(Span(new_id(), last.id, "amal", 4, 16, "PER"))
    before = file_project.db.execute("SELECT id, rowid FROM documents").fetchall()
    file_project.db.execute("VACUUM")
    assert file_project.db.execute("SELECT id, rowid FROM documents").fetchall() == before
    assert [s.covered(last.text) for s in file_project.annotations.spans(last.id)] == [
        "أحمد الساعدي"
    ]
    assert file_project.search.count(f"{TEXT} 29") == 1


def test_a_format_8_server_project_is_upgraded_and_its_read_policies_follow(
    server_url: str,
) -> None:
    first, second = _format_8_project(server_url)
    with psycopg.connect(server_url, autocommit=True) as admin:
        # A secured project's read policies of version 8 name document_id.
        admin.execute(pg_security._FUNCTIONS)
        for table in ("spans", "events"):
            admin.execute(
                f"CREATE POLICY {table}_read ON {table} FOR SELECT TO PUBLIC USING (annotator = "
                "session_user OR NOT annotator_hidden(document_id) OR annotator IN "
                "(SELECT name FROM annotators WHERE kind = 'model'))"
            )
    with open_project(server_url) as store:
        assert store.db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 9
        _check_upgraded(store, first, second)
    with psycopg.connect(server_url, autocommit=True) as admin:
        policies = dict(admin.execute(
            "SELECT tablename, qual FROM pg_policies WHERE policyname LIKE '%_read'"
        ).fetchall())
    for table in ("spans", "events"):
        assert f"d.rowid = {table}.document" in policies[table]
        assert "document_id" not in policies[table] and "annotator_hidden" in policies[table]
