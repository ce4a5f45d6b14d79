"""The status follows the annotations unless the annotator set it (issue 13.11)."""

from __future__ import annotations

from annotator.core.model import Span, Status, new_id


def test_label_then_remove_leaves_the_document_new(project) -> None:
    doc = project.documents.add("نص عن بغداد.", "خبر")
    span = Span(new_id(), doc.id, "amal", 7, 12, "GPE")
    project.annotations.add_span(span)
    assert project.annotators.status(doc.id, "amal") is Status.IN_PROGRESS
    removal = project.annotations.remove_span(span.id)
    assert project.annotators.status(doc.id, "amal") is Status.NEW
    assert project.annotators.statuses("amal") == {}  # no record left to export or compare
    project.annotations.restore_span(removal)
    assert project.annotators.status(doc.id, "amal") is Status.IN_PROGRESS


def test_a_status_the_annotator_set_stays(project) -> None:
    doc = project.documents.add("نص عن بغداد.", "خبر")
    span = Span(new_id(), doc.id, "amal", 7, 12, "GPE")
    project.annotations.add_span(span)
    project.annotators.set_status(doc.id, "amal", Status.DONE)
    project.annotations.remove_span(span.id)
    assert project.annotators.status(doc.id, "amal") is Status.DONE
    project.annotators.set_status(doc.id, "amal", Status.NEW, explicit=False)  # undo "done"
    assert project.annotators.status(doc.id, "amal") is Status.NEW
    assert not project.annotators.is_explicit(doc.id, "amal")
