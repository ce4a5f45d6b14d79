"""Bulk reads and writes used by import and export keep the store's rules."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.formats.rows import ExportRow, to_annotations
from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.store import ProjectStore
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
    assert project.interchange.document_ids() == list(ids.values())
    assert (
        project.interchange.text_hashes()[project.documents.get(ids["kirkuk"]).sha256]
        == ids["kirkuk"]
    )
    assert (ids["dubai"], "model") in project.interchange.annotated_pairs()


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
