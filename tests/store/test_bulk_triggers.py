"""Triggers dropped for a batch (store.bulk.trigger_dropped) always come back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Span, new_id
from annotator.services.projects import new_project
from annotator.store.bulk import trigger_dropped
from annotator.store.structure import structure


def spans_of(doc_id: str, count: int, end: int = 2) -> list[Span]:
    return [Span(new_id(), doc_id, "amal", 0, end, "PER") for _ in range(count)]


def test_a_large_span_batch_is_stored_and_the_range_trigger_is_back(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        doc = store.documents.add("أحمد في بغداد", "خبر")
        before = structure(store.db.conn)
        store.interchange.add_spans(spans_of(doc.id, 300))
        assert structure(store.db.conn) == before
        assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 300
        # The trigger guards again (written past the store's checks, as another program might).
        with pytest.raises(Exception, match="span ends after the text"), store.transaction() as db:
            db.execute(
                'INSERT INTO spans (id, document, annotator, start, "end", label, '
                "updated_at) VALUES ('x', (SELECT rowid FROM documents WHERE id = ?), "
                "'amal', 0, 99, 'PER', 'now')",
                [doc.id],
            )


def test_a_large_batch_with_a_span_past_the_text_is_refused_whole(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        doc = store.documents.add("أحمد في بغداد", "خبر")
        before = structure(store.db.conn)
        batch = spans_of(doc.id, 300) + spans_of(doc.id, 1, end=len(doc.text) + 1)
        with pytest.raises(ValidationError):
            store.interchange.add_spans(batch)
        assert structure(store.db.conn) == before
        assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_a_failing_block_rolls_the_drop_back(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        before = structure(store.db.conn)
        with (
            pytest.raises(RuntimeError, match="inside the block"),
            store.transaction() as db,
            trigger_dropped(db.conn, "spans_in_text_insert"),
        ):
            assert ("trigger", "spans_in_text_insert") not in structure(db.conn)
            raise RuntimeError("inside the block")
        assert structure(store.db.conn) == before


def test_dropping_outside_a_transaction_is_refused(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        dropping = trigger_dropped(store.db.conn, "spans_in_text_insert")
        with pytest.raises(RuntimeError, match="inside a transaction"), dropping:
            pass
        with store.transaction() as db, trigger_dropped(db.conn, "no_such_trigger") as there:
            assert there is False


def test_many_spans_checks_every_batch_and_brings_the_trigger_back(tmp_path: Path) -> None:
    """An import drops the trigger once (InterchangeRepository.many_spans): a batch of any
    size is still checked, and the schema changes once, not once per batch."""
    with new_project(tmp_path / "p.annproj") as store:
        doc = store.documents.add("أحمد في بغداد", "خبر")
        before = structure(store.db.conn)
        with store.transaction() as db, store.interchange.many_spans():
            store.interchange.add_spans(spans_of(doc.id, 2))  # small: dropped all the same
            assert ("trigger", "spans_in_text_insert") not in structure(db.conn)
            version = db.execute("PRAGMA schema_version").fetchone()[0]
            for _ in range(3):
                store.interchange.add_spans(spans_of(doc.id, 300))
            with pytest.raises(ValidationError):
                store.interchange.add_spans(spans_of(doc.id, 1, end=len(doc.text) + 1))
            assert db.execute("PRAGMA schema_version").fetchone()[0] == version
        assert structure(store.db.conn) == before
        assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 902


def test_a_block_that_writes_no_spans_leaves_the_schema_alone(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        version = store.db.execute("PRAGMA schema_version").fetchone()[0]
        with store.transaction(), store.interchange.many_spans():
            store.documents.add("أحمد في بغداد", "خبر")
        assert store.db.execute("PRAGMA schema_version").fetchone()[0] == version


def test_a_failed_import_block_leaves_the_trigger_in_place(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        doc = store.documents.add("أحمد في بغداد", "خبر")
        before = structure(store.db.conn)
        with (
            pytest.raises(RuntimeError, match="import failed"),
            store.transaction(),
            store.interchange.many_spans(),
        ):
            store.interchange.add_spans(spans_of(doc.id, 300))
            raise RuntimeError("import failed")
        assert structure(store.db.conn) == before
        assert store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0
