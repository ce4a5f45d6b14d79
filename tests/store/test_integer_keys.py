"""Format 9: spans and events name their document by its row number, on both engines."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlite_utils.migrations import Migrations

from annotator.core.errors import ProjectError, ValidationError
from annotator.core.model import Argument, Span, new_id
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project, open_project, pg_schema, pg_security
from annotator.store import migrations as migrations_module
from annotator.store.columns import span_rows
from annotator.store.migrations import LATEST_VERSION
from annotator.store.structure import (
    applied_migrations,
    data_problems,
    structure_after,
    structure_problems,
)

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
            db.execute("INSERT INTO event_confidence (event_id, confidence) VALUES ('e1', 0.5)")
            for doc_id in ids:  # a row in every table that names a document
                for sql in PER_DOCUMENT_ROWS.values():
                    db.execute(sql, [doc_id] * sql.count("?"))
    return ids[0], ids[1]


# table -> an INSERT of a row naming a document (the document id is the one parameter).
PER_DOCUMENT_ROWS = {
    "statuses": "INSERT INTO statuses (document_id, annotator, status, updated_at) "
    "VALUES (?, 'amal', 'done', 'now')",
    "assignments": "INSERT INTO assignments (document_id, annotator) VALUES (?, 'amal')",
    "notes": "INSERT INTO notes (target_id, kind, document_id, annotator, note, updated_at) "
    "VALUES ('n-' || ?, 'document', ?, 'amal', 'check the name', 'now')",
    "rejections": 'INSERT INTO rejections (document_id, annotator, kind, start, "end", label, '
    "created_at) VALUES (?, 'amal', 'span', 0, 3, 'PER', 'now')",
    "suggestion_outcomes": "INSERT INTO suggestion_outcomes (document_id, annotator, source, "
    "outcome, count) VALUES (?, 'amal', 'crf', 'accepted', 2)",
    "work_time": "INSERT INTO work_time (document_id, annotator, active_seconds, "
    "last_activity) VALUES (?, 'amal', 12.5, 1.0)",
    "document_splits": "INSERT INTO document_splits (document_id, split, created_at) "
    "VALUES (?, 'train', 'now')",
}


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
    assert store.suggestions.confidences(first, "amal") == {"e1": 0.5}
    for table in PER_DOCUMENT_ROWS:
        named = store.db.execute(f"SELECT document_id FROM {table} ORDER BY 1").fetchall()
        assert named == sorted([(first,), (second,)]), table
    assert [m.text for m in store.search.spans("عمّان", label="GPE")] == ["عمّان"]
    # Deleting a document deletes its spans, and their arguments with them.
    with store.transaction() as db:
        db.execute("DELETE FROM documents WHERE id = ?", [first])
    assert store.db.execute("SELECT id FROM spans").fetchall() == [("s3",)]
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM event_arguments").fetchone()[0] == 0
    for table in PER_DOCUMENT_ROWS:
        assert store.db.execute(f"SELECT document_id FROM {table}").fetchall() == [(second,)]


def test_a_format_8_file_is_upgraded_with_every_reference_whole(tmp_path: Path) -> None:
    path = tmp_path / "v8.annproj"
    first, second = _format_8_project(str(path))
    with open_project(path) as store:
        assert store.file_version() == LATEST_VERSION == 9
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        # Compared with the structure the steps build (which must be buildable).
        assert structure_after(applied_migrations(store.db.conn)) is not None
        assert structure_problems(store.db.conn, LATEST_VERSION) == []
        objects = store.db.execute("SELECT name, coalesce(sql, '') FROM sqlite_master")
        assert [name for name, sql in objects if "_v8" in name + sql] == []
        assert data_problems(store.db.conn) == []
        assert store.search.count("البصرة") == 1
        _check_upgraded(store, first, second)


def test_an_upgrade_drops_annotations_naming_no_document_and_keeps_other_breakage(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v8.annproj"
    _format_8_project(str(path))
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:  # another tool, no checks
        conn.execute(V8_SPAN, ["lost", "no-such-document", 0, 3, "PER"])
        conn.execute("INSERT INTO span_confidence (span_id, confidence) VALUES ('lost', 0.1)")
        conn.execute(PER_DOCUMENT_ROWS["work_time"], ["gone-document"])
    with open_project(path) as store:
        assert store.db.execute("SELECT id FROM spans ORDER BY id").fetchall() == [
            ("s1",), ("s2",), ("s3",)
        ]
        assert store.db.execute("SELECT span_id FROM span_confidence").fetchall() == [("s3",)]
        # What it did not rebuild stays as the other tool left it (opened before, too).
        broken = store.db.execute("PRAGMA foreign_key_check").fetchall()
        assert [(table, parent) for table, _, parent, _ in broken] == [("work_time", "documents")]


def test_an_upgrade_that_would_break_a_reference_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.annproj"
    create_project(path, default_schema()).close()
    steps = Migrations("annotator")
    steps._migrations = list(migrations_module.migrations._migrations)

    @steps(name="0010_careless")
    def _careless(db: Any) -> None:
        db.execute(PER_DOCUMENT_ROWS["assignments"], ["no-such-document"])

    monkeypatch.setattr(migrations_module, "migrations", steps)
    with pytest.raises(ProjectError, match="would leave a assignments row pointing at no"):
        open_project(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # a new connection's


def test_moving_an_annotation_to_a_shorter_document_is_refused(project: ProjectStore) -> None:
    long_doc = project.documents.add(TEXT, "long")
    short_doc = project.documents.add("قصير", "short")
    project.annotations.add_span(Span("s", long_doc.id, "amal", 20, 25, "GPE"))
    refused = (sqlite3.IntegrityError, psycopg.IntegrityError)
    with pytest.raises(refused, match="span ends after the text"):
        project.db.execute(
            "UPDATE spans SET document = (SELECT rowid FROM documents WHERE id = ?)",
            [short_doc.id],
        )
    project.db.conn.rollback()


def test_a_span_of_a_document_gone_meanwhile_is_refused_with_a_sentence(
    project: ProjectStore,
) -> None:
    refused = pytest.raises(ValidationError, match="no document with id 'gone'")
    with refused, project.transaction() as db:
        span_rows(db, [("s", "gone", "amal", 0, 3, "PER", None)], "now")


def test_vacuum_keeps_every_document_row_number(file_project: ProjectStore) -> None:
    # Search and spans are keyed by the row number: format 9 declares it, which SQLite
    # promises VACUUM keeps (an undeclared rowid it may renumber).
    columns = file_project.db.execute("PRAGMA table_info(documents)").fetchall()
    assert (columns[0][1], columns[0][2], columns[0][5]) == ("rowid", "INTEGER", 1)
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
