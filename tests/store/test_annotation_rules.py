"""The store refuses invalid spans and text changes under annotations."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from annotator.core.errors import ImmutableTextError, ValidationError
from annotator.core.model import Event, Span, new_id
from annotator.store import ProjectStore

TEXT = "قصفت طائرات مسيّرة مخزنًا للأسلحة قرب الموصل 🚁 فجر اليوم."


@pytest.fixture
def doc_id(project: ProjectStore) -> str:
    return project.documents.add(TEXT, "هجوم").id


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 3, "starts before the text"),
        (5, 5, "is empty"),
        (9, 4, "is reversed"),
        (40, len(TEXT) + 1, "ends after the text"),
    ],
)
def test_invalid_offsets_are_refused(
    project: ProjectStore, doc_id: str, start: int, end: int, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        project.annotations.add_span(Span(new_id(), doc_id, "amal", start, end, "LOC"))
    assert project.annotations.spans(doc_id) == []


def test_unknown_label_is_refused(project: ProjectStore, doc_id: str) -> None:
    with pytest.raises(ValidationError, match="unknown entity label 'CITY'"):
        project.annotations.add_span(Span(new_id(), doc_id, "amal", 0, 4, "CITY"))


def test_unknown_event_type_is_refused(project: ProjectStore, doc_id: str) -> None:
    with pytest.raises(ValidationError, match="unknown event type"):
        project.annotations.add_event(Event(new_id(), doc_id, "amal", "Conflict.Riot", 0, 4))


def test_a_batch_with_one_bad_span_stores_nothing(project: ProjectStore, doc_id: str) -> None:
    good = Span(new_id(), doc_id, "amal", 39, 45, "GPE")
    bad = Span(new_id(), doc_id, "amal", 0, len(TEXT) + 5, "GPE")
    with pytest.raises(ValidationError):
        project.annotations.add_spans([good, bad])
    assert project.annotations.spans(doc_id) == []


def test_the_file_itself_refuses_a_span_past_the_text(project: ProjectStore, doc_id: str) -> None:
    # Bypass the Python checks: the triggers in the file must still refuse it.
    refused = (sqlite3.IntegrityError, psycopg.IntegrityError)
    with pytest.raises(refused, match="ends after the text"):
        project.db.execute("INSERT INTO annotators (name, created_at) VALUES ('x', 'now')")
        project.db.execute(
            'INSERT INTO spans (id, document, annotator, start, "end", label, updated_at) '
            "VALUES ('s', (SELECT rowid FROM documents WHERE id = ?), 'x', 0, 999, 'LOC', 'now')",
            [doc_id],
        )
    project.db.conn.rollback()


def test_offsets_count_code_points_not_utf16_units(project: ProjectStore, doc_id: str) -> None:
    emoji_at = TEXT.index("🚁")
    span = project.annotations.add_span(Span(new_id(), doc_id, "amal", emoji_at, len(TEXT), "VEH"))
    assert span.covered(project.documents.get(doc_id).text) == "🚁 فجر اليوم."


def test_text_is_immutable_once_annotated(project: ProjectStore, doc_id: str) -> None:
    """No code path changes a text; the file's own trigger refuses it once annotated."""

    def set_text(text: str) -> None:
        with project.transaction() as db:
            db.execute("UPDATE documents SET text = ? WHERE id = ?", [text, doc_id])

    set_text(TEXT + " تحديث")  # nothing points into it yet
    text = project.documents.get(doc_id).text
    project.annotations.add_span(Span(new_id(), doc_id, "amal", 39, 45, "GPE"))
    with pytest.raises(ImmutableTextError, match="annotations point into this document"):
        set_text("نص آخر")
    assert project.documents.get(doc_id).text == text


def test_non_canonical_text_is_refused(project: ProjectStore) -> None:
    with pytest.raises(ValidationError, match="not canonical"):
        project.documents.add("سطر\r\nسطر", "crlf")


def test_removing_a_span_removes_its_arguments_and_restoring_brings_them_back(
    project: ProjectStore, doc_id: str
) -> None:
    from annotator.core.model import Argument

    place = project.annotations.add_span(Span(new_id(), doc_id, "amal", 39, 45, "GPE"))
    event = project.annotations.add_event(
        Event(
            new_id(),
            doc_id,
            "amal",
            "Conflict.Attack",
            0,
            4,
            (Argument(new_id(), "Place", place.id),),
        )
    )
    removal = project.annotations.remove_span(place.id)
    assert project.annotations.event(event.id).arguments == ()
    project.annotations.restore_span(removal)
    assert project.annotations.event(event.id).arguments == event.arguments
