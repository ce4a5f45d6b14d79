"""Accepting and rejecting suggestions as undoable steps of the editing session."""

from __future__ import annotations

from annotator.core.model import AnnotatorKind, Argument, Event, Span, new_id
from annotator.core.recommenders import ItemKind
from annotator.services.project import Project

TEXT = "اجتمع أحمد الساعدي في بغداد مع وفد من وزارة الخارجية."


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _project_with_predictions(project_store) -> tuple[Project, str]:
    store = project_store
    doc = store.documents.add(TEXT, "meeting")
    store.annotators.ensure("ner", AnnotatorKind.MODEL)
    per = Span(new_id(), doc.id, "ner", *at("أحمد الساعدي"), "PER")
    gpe = Span(new_id(), doc.id, "ner", *at("بغداد"), "GPE")
    store.annotations.add_spans([per, gpe])
    store.annotations.add_event(
        Event(
            new_id(),
            doc.id,
            "ner",
            "Contact.Meet",
            *at("اجتمع"),
            (Argument(new_id(), "Entity", per.id), Argument(new_id(), "Place", gpe.id)),
        )
    )
    return Project(store), doc.id


def test_accept_all_is_one_undo_step_and_redo_restores_the_same_items(project) -> None:
    facade, doc_id = _project_with_predictions(project)
    session = facade.editing_session(doc_id, "amal")
    items = facade.suggestions(doc_id, "amal", ["model:ner"])
    session.execute(facade.accept_command(items))
    assert session.history.undo_label.english() == "Accept 3 suggestions"
    assert {s.label for s in session.spans.values()} == {"PER", "GPE"}
    (event,) = session.events.values()
    assert [a.role for a in event.arguments] == ["Entity", "Place"]
    assert {s.source for s in session.spans.values()} == {"model:ner"}
    ids = set(session.spans) | set(session.events)
    assert facade.suggestions(doc_id, "amal", ["model:ner"]) == []
    session.undo()
    assert session.spans == {} and session.events == {}
    assert (
        facade.spans(doc_id, "amal") == []
        and len(facade.suggestions(doc_id, "amal", ["model:ner"])) == 3
    )
    session.redo()
    assert set(session.spans) | set(session.events) == ids
    assert facade.annotator_effort()["amal"].suggestions["accepted"] == 3


def test_reject_by_command_and_undo(project) -> None:
    facade, doc_id = _project_with_predictions(project)
    session = facade.editing_session(doc_id, "amal")
    per = next(s for s in facade.suggestions(doc_id, "amal", ["model:ner"]) if s.label == "PER")
    session.execute(facade.reject_command([per]))
    assert session.history.undo_label.english() == "Reject suggestion PER"
    assert per not in facade.suggestions(doc_id, "amal", ["model:ner"])
    session.undo()
    assert per in facade.suggestions(doc_id, "amal", ["model:ner"])


def test_relabelled_accept_and_an_offered_argument_undo_step_by_step(project) -> None:
    facade, doc_id = _project_with_predictions(project)
    session = facade.editing_session(doc_id, "amal")
    items = facade.suggestions(doc_id, "amal", ["model:ner"])
    event_item = next(s for s in items if s.kind is ItemKind.EVENT)
    command = session.execute(facade.accept_command([event_item]))
    accepted = command.accepted[0]
    assert len(accepted.offered) == 2  # amal has neither entity yet
    event_id = accepted.event.id
    session.execute(facade.accept_argument_command(event_id, accepted.offered[1], "model:ner"))
    assert [a.role for a in session.events[event_id].arguments] == ["Place"]
    assert [s.label for s in session.spans.values()] == ["GPE"]
    gpe_left = [s for s in facade.suggestions(doc_id, "amal", ["model:ner"]) if s.label == "GPE"]
    assert gpe_left == []
    session.undo()
    assert session.events[event_id].arguments == () and session.spans == {}
    per = next(s for s in items if s.label == "PER")
    session.execute(facade.accept_command([per], label="ORG"))
    assert [s.label for s in session.spans.values()] == ["ORG"]
    assert facade.annotator_effort()["amal"].suggestions["corrected"] == 1
