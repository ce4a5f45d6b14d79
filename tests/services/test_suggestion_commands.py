"""Accepting and rejecting suggestions as editing-session commands: one undo step each."""

from __future__ import annotations

import pytest

from annotator.core.model import AnnotatorKind, Argument, Event, Span, new_id
from annotator.core.recommenders import ItemKind
from annotator.services.editing import EditingSession
from annotator.services.suggestions import suggestions
from annotator.store import ProjectStore

TEXT = "اجتمع أحمد الساعدي في بغداد مع وفد من وزارة الخارجية."


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def session(project: ProjectStore) -> EditingSession:
    """amal's session of a document the model «ner» predicted (3 entities, one event)."""
    doc = project.documents.add(TEXT, "meeting")
    project.annotators.ensure("ner", AnnotatorKind.MODEL)
    project.annotators.ensure("amal")
    spans = [
        Span(new_id(), doc.id, "ner", *at("أحمد الساعدي"), "PER"),
        Span(new_id(), doc.id, "ner", *at("بغداد"), "GPE"),
        Span(new_id(), doc.id, "ner", *at("وزارة الخارجية"), "ORG"),
    ]
    project.annotations.add_spans(spans)
    arguments = (
        Argument(new_id(), "Entity", spans[0].id),
        Argument(new_id(), "Place", spans[1].id),
    )
    project.annotations.add_event(
        Event(new_id(), doc.id, "ner", "Contact.Meet", *at("اجتمع"), arguments)
    )
    return EditingSession(project, doc.id, "amal")


def suggested(session: EditingSession) -> list:
    return suggestions(session.store, session.doc_id, "amal", ["model:ner"])


def test_accept_one_is_one_step_with_provenance_and_undoes(session) -> None:
    heard = []
    session.span_put.connect(lambda span, old: heard.append(span.label))
    item = next(s for s in suggested(session) if s.label == "GPE")
    session.accept_suggestions([item])
    assert [(s.label, s.source) for s in session.spans.values()] == [("GPE", "model:ner")]
    assert heard == ["GPE"] and len(session.history.undo_stack) == 1
    assert item.key not in {s.key for s in suggested(session)}
    session.undo()
    assert session.spans == {} and session.store.annotations.spans(session.doc_id, "amal") == []
    session.redo()
    assert [s.label for s in session.store.annotations.spans(session.doc_id, "amal")] == ["GPE"]


def test_accept_as_another_label_is_a_correction(session) -> None:
    item = next(s for s in suggested(session) if s.label == "ORG")
    session.accept_suggestions([item], label_as="GPE")
    assert [s.label for s in session.spans.values()] == ["GPE"]
    counts = session.store.suggestions.outcome_counts()
    assert counts["amal"]["corrected"] == 1


def test_accept_all_is_one_step_and_links_event_arguments(session) -> None:
    session.accept_suggestions(suggested(session))
    assert len(session.history.undo_stack) == 1
    assert len(session.spans) == 3
    (event,) = session.events.values()
    assert sorted(a.role for a in event.arguments) == ["Entity", "Place"]
    assert event.source == "model:ner"
    assert suggested(session) == []
    session.undo()
    assert session.spans == {} and session.events == {}
    assert len(suggested(session)) == 4


def test_accepted_event_offers_arguments_the_annotator_lacks(session) -> None:
    trigger = next(s for s in suggested(session) if s.kind is ItemKind.EVENT)
    command = session.accept_suggestions([trigger])
    offered = command.offered
    assert sorted(argument.role for _, argument, _ in offered) == ["Entity", "Place"]
    event_id, argument, source = offered[0]
    session.accept_suggested_argument(event_id, argument, source)
    event = session.events[event_id]
    assert [a.role for a in event.arguments] == [argument.role]
    assert [s.label for s in session.spans.values()] == [argument.label]
    session.undo()
    assert session.events[event_id].arguments == () and session.spans == {}


def test_reject_is_stored_and_undoable(session) -> None:
    items = suggested(session)
    session.reject_suggestions(items[:2])
    assert len(suggested(session)) == 2
    assert len(session.store.suggestions.rejections("amal", session.doc_id)) == 2
    session.undo()
    assert len(suggested(session)) == 4
    session.redo()
    assert len(suggested(session)) == 2
