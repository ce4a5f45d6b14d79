"""Bulk reads and writes used by import and export keep the store's rules."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.formats.rows import ExportRow, to_annotations
from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project, interchange
from tests.io_samples import ARTICLE_1, ARTICLE_2, build_project


def test_whole_project_reads_match_the_per_document_ones(project: ProjectStore) -> None:
    ids = build_project(project)
    documents = {row.id: row for row in project.interchange.document_rows()}
    spans = project.interchange.span_rows()
    events = project.interchange.event_rows()
    for doc_id in ids.values():
        for name in ("amal", "karim", "model"):
            key = (doc_id, name)
            row = ExportRow(
                documents[doc_id], name, Status.NEW, spans.get(key, []), events.get(key, [])
            )
            item = to_annotations(row)
            assert item.document == project.documents.get(doc_id)
            assert item.document.meta == project.documents.get(doc_id).meta
            assert list(item.spans) == project.annotations.spans(doc_id, name)
            assert list(item.events) == project.annotations.events(doc_id, name)
    statuses = project.interchange.statuses_by_document()
    assert statuses[ids["mosul"]] == {"amal": Status.DONE, "karim": Status.IN_PROGRESS}
    assert list(documents) == list(ids.values())  # the order they were added
    kirkuk = project.documents.get(ids["kirkuk"]).sha256
    assert project.interchange.document_with_hash(kirkuk) == ids["kirkuk"]
    assert project.interchange.document_with_hash("0" * 64) is None
    assert project.interchange.has_worked_on(ids["dubai"], "model")
    assert not project.interchange.has_worked_on(ids["dubai"], "nobody")


def test_bulk_span_insert_checks_like_the_repository(project: ProjectStore) -> None:
    doc = project.documents.add(ARTICLE_2, "t")
    good = Span(new_id(), doc.id, "amal", 0, 5, "PER")
    for bad, reason in [
        (Span(new_id(), doc.id, "amal", 0, 999, "PER"), "ends after the text"),
        (Span(new_id(), doc.id, "amal", 0, 5, "NOPE"), "unknown entity label"),
        (Span(new_id(), "missing", "amal", 0, 5, "PER"), "no document"),
    ]:
        with pytest.raises(ValidationError, match=reason):
            project.interchange.add_spans([good, bad])
        assert project.annotations.spans(doc.id) == []
    project.interchange.add_spans([good])
    assert project.annotators.status(doc.id, "amal") is Status.IN_PROGRESS
    assert project.interchange.taken_ids("spans", [good.id, "other"]) == {good.id}


def test_bulk_event_insert_refuses_arguments_from_another_document(project: ProjectStore) -> None:
    one, two = project.documents.add_many(
        [(ARTICLE_1, "a", None, None, None), (ARTICLE_2, "b", None, None, None)]
    )
    elsewhere = Span(new_id(), one.id, "amal", 0, 5, "GPE")
    project.interchange.add_spans([elsewhere])
    event = Event(
        new_id(),
        two.id,
        "amal",
        "Conflict.Attack",
        0,
        5,
        (Argument(new_id(), "Place", elsewhere.id),),
    )
    with pytest.raises(ValidationError, match="own document"):
        project.interchange.add_events([event])
    with pytest.raises(ValidationError, match="unknown event type"):
        project.interchange.add_events([Event(new_id(), two.id, "amal", "Party", 0, 5)])
    assert project.annotations.events(two.id) == []


def test_span_rows_order_ties_longest_first_then_by_id(project: ProjectStore) -> None:
    doc = project.documents.add(ARTICLE_2, "كركوك")
    spans = [
        Span(span_id, doc.id, "amal", start, end, "GPE")
        for span_id, start, end in [("c", 6, 12), ("b", 0, 5), ("a", 6, 12), ("d", 6, 20)]
    ]
    project.interchange.add_spans(spans)
    rows = project.interchange.span_rows()[doc.id, "amal"]
    assert [row[2] for row in rows] == ["b", "d", "a", "c"]
    assert [row[2] for row in rows] == [s.id for s in project.annotations.spans(doc.id, "amal")]


def test_the_quoting_probe_holds_every_code_point_but_surrogates() -> None:
    probe = interchange._quoting_probe()
    assert len(probe) == sys.maxunicode + 1 - 0x800
    assert probe[:3] == "\x00\x01\x02" and probe[0xD7FF:0xD801] == "\ud7ff\ue000"
    assert probe[-1] == chr(sys.maxunicode)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(st.characters(blacklist_categories=["Cs"]), min_size=1))
def test_texts_quoted_by_sqlite_are_what_json_writes(file_project: ProjectStore, text: str) -> None:
    project = file_project
    if not interchange.sqlite_quotes_like_python(project.db.conn):
        pytest.skip("this SQLite quotes JSON differently: Python quotes instead")
    (quoted,) = project.db.conn.execute("SELECT CAST(json_quote(?) AS BLOB)", [text]).fetchone()
    assert quoted == json.dumps(text, ensure_ascii=False).encode("utf-8")


def test_text_json_is_left_out_where_sqlite_quotes_differently(
    file_project: ProjectStore, monkeypatch
) -> None:
    project = file_project
    build_project(project)
    quoted = list(project.interchange.document_rows(quoted_text=True))
    assert all(row.text_json == json.dumps(row.text, ensure_ascii=False).encode() for row in quoted)
    monkeypatch.setitem(interchange._QUOTING_AGREES, sqlite3.sqlite_version, False)
    assert {row.text_json for row in project.interchange.document_rows(quoted_text=True)} == {None}


def test_a_server_project_leaves_text_json_to_python(server_url: str) -> None:
    with create_project(server_url, default_schema()) as store:
        build_project(store)
        rows = list(store.interchange.document_rows(quoted_text=True))
    assert len(rows) == 3  # build_project's three articles
    assert {row.text_json for row in rows} == {None}


def test_meta_is_stored_as_the_export_encoder_writes_it(project: ProjectStore) -> None:
    doc = project.documents.add(
        ARTICLE_2, "كركوك", meta={1: "one", "1": "١", "n": 2.50, "ok": True}
    )
    (row,) = project.interchange.document_rows()
    assert row.meta == '{"1": "١", "n": 2.5, "ok": true}'
    assert row.meta == json.dumps(row.meta_dict(), ensure_ascii=False)
    assert project.documents.get(doc.id).meta == {"1": "١", "n": 2.5, "ok": True}
