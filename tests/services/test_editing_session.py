"""The Qt-free editing core: commands, history, observers and failures."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.core.errors import NotFoundError, ReadOnlyProjectError, ValidationError
from annotator.core.model import Status
from annotator.services.editing import (
    AddSpans,
    Composite,
    EditingSession,
    Message,
    RemoveSpan,
    substitute,
)

TEXT = "هاجم مسلحون قرية في بغداد وقتلوا خمسة أشخاص."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def session(project) -> EditingSession:
    doc = project.documents.add(TEXT, "news")
    return EditingSession(project, doc.id, "amal")


def stored(session: EditingSession) -> tuple[dict, dict]:
    notes = session.annotations
    return (
        {s.id: s for s in notes.spans(session.doc_id, session.annotator)},
        {e.id: e for e in notes.events(session.doc_id, session.annotator)},
    )


def test_add_undo_redo_keeps_state_and_store_equal(session: EditingSession) -> None:
    span = session.new_span(*at("بغداد"), "GPE")
    command = session.add_span(span)
    assert command.label == Message("label_span", ("بغداد", "GPE"))
    assert command.label.english() == "Label «بغداد» as GPE"
    assert session.spans == {span.id: span} == stored(session)[0]
    assert session.status is Status.IN_PROGRESS  # the first write starts the document
    session.undo()
    assert session.spans == {} == stored(session)[0]
    assert session.history.can_redo and not session.history.can_undo
    session.redo()
    assert session.spans == {span.id: span} == stored(session)[0]


def test_removing_a_span_drops_its_argument_and_undo_restores_it(session) -> None:
    place = session.new_span(*at("بغداد"), "GPE")
    session.add_span(place)
    event = session.new_event(*at("هاجم"), "Conflict.Attack")
    session.add_event(event)
    session.add_argument(event.id, place.id, "Place")
    assert [a.role for a in session.events[event.id].arguments] == ["Place"]
    session.remove_span(place.id)
    assert session.events[event.id].arguments == ()
    assert stored(session) == (session.spans, session.events)
    session.undo()
    assert [a.span_id for a in session.events[event.id].arguments] == [place.id]
    assert stored(session) == (session.spans, session.events)


def test_observers_hear_each_change_in_order(session: EditingSession) -> None:
    heard: list[tuple] = []
    session.span_put.connect(lambda span, old: heard.append(("put", span.label, old)))
    session.span_dropped.connect(lambda span: heard.append(("drop", span.id)))
    session.applied.connect(lambda command, how: heard.append((how, command.label.key)))
    span = session.new_span(*at("بغداد"), "GPE")
    session.add_span(span)
    session.relabel_span(span.id, "LOC")
    session.undo()
    assert heard == [
        ("put", "GPE", None), ("do", "label_span"),
        ("put", "LOC", span), ("do", "relabel_span"),
        ("put", "GPE", replace(span, label="LOC")),
        ("undo", "relabel_span"),
    ]


def test_a_refused_do_raises_and_leaves_history_and_state_unchanged(session) -> None:
    session.add_span(session.new_span(*at("بغداد"), "GPE"))
    before = dict(session.spans)
    good = session.new_span(*at("هاجم"), "PER")
    bad = session.new_span(*at("مسلحون"), "NOT_A_LABEL")
    with pytest.raises(ValidationError, match="unknown entity label"):
        session.execute(Composite([AddSpans([good], Message("x")), AddSpans([bad], Message("y"))],
                                  Message("both")))
    assert session.spans == before == stored(session)[0]
    assert len(session.history.undo_stack) == 1


def test_a_failed_undo_rereads_the_document_and_clears_the_history(session, project) -> None:
    span = session.new_span(*at("بغداد"), "GPE")
    session.add_span(span)
    project.annotations.remove_span(span.id)  # another window deleted it
    with pytest.raises(NotFoundError, match="no longer in the project"):
        session.execute(RemoveSpan(span.id, Message("remove_span", ("x",))))
    assert session.spans == {}  # re-read: the truth is shown
    session.add_span(session.new_span(*at("هاجم"), "PER"))
    project.set_read_only("the disk was remounted read-only")
    with pytest.raises(ReadOnlyProjectError):
        session.undo()
    assert not session.history.can_undo and not session.history.can_redo
    assert [s.label for s in session.spans.values()] == ["PER"]


def test_a_code_bug_is_not_a_not_found_error(session) -> None:
    with pytest.raises(KeyError) as raised:
        session.remove_span("no such id")  # the caller's mistake: plain KeyError
    assert not isinstance(raised.value, NotFoundError)


def test_a_macro_is_one_step_in_one_transaction(session) -> None:
    with session.macro(Message("label_spans", ("2", "x", "PER"))):
        session.add_span(session.new_span(*at("هاجم"), "PER"))
        session.add_span(session.new_span(*at("مسلحون"), "PER"))
    assert len(session.spans) == 2 and len(session.history.undo_stack) == 1
    assert session.history.undo_label.english() == "Label 2 occurrences of «x» as PER"
    session.undo()
    assert session.spans == {} == stored(session)[0]
    with pytest.raises(ValidationError), session.macro(Message("add_spans", ("2",))):
        session.add_span(session.new_span(*at("هاجم"), "PER"))
        session.add_span(session.new_span(*at("مسلحون"), "NOPE"))
    assert session.spans == {} == stored(session)[0]
    assert len(session.history.undo_stack) == 0 and len(session.history.redo_stack) == 1


def test_status_is_undoable_and_clean_state_is_tracked(session) -> None:
    session.history.set_clean()
    session.set_status(Status.DONE)
    assert session.status is Status.DONE and not session.history.is_clean
    session.undo()
    assert session.annotators.status(session.doc_id, "amal") is Status.NEW
    assert session.history.is_clean


def test_events_retype_and_roles(session) -> None:
    victim = session.new_span(*at("خمسة"), "PER")
    session.add_span(victim)
    event = session.new_event(*at("هاجم"), "Conflict.Attack")
    session.add_event(event)
    session.add_argument(event.id, victim.id, "Target")
    argument = session.events[event.id].arguments[0]
    session.set_argument_role(event.id, argument, "Attacker")
    assert session.events[event.id].arguments[0].role == "Attacker"
    session.remove_argument(event.id, session.events[event.id].arguments[0])
    session.retype_event(event.id, "Life.Die")
    assert session.events[event.id].type == "Life.Die"
    session.remove_event(event.id)
    assert session.events == {} == stored(session)[1]
    for _ in range(4):  # back to just after add_argument
        session.undo()
    assert [a.role for a in session.events[event.id].arguments] == ["Target"]
    assert session.events[event.id].type == "Conflict.Attack"
    assert stored(session) == (session.spans, session.events)


def test_substitution_is_one_pass() -> None:
    assert substitute("Label «%1» as %2", ("%2 50%", "PER")) == "Label «%2 50%» as PER"


def test_a_step_refused_inside_a_macro_can_be_skipped(session) -> None:
    with session.macro(Message("add_spans", ("1",))):
        session.add_span(session.new_span(*at("هاجم"), "PER"))
        with pytest.raises(ValidationError):
            session.execute(Composite([  # the first part is shown before the second fails
                AddSpans([session.new_span(*at("قرية"), "LOC")], Message("a")),
                AddSpans([session.new_span(*at("مسلحون"), "NOPE")], Message("b")),
            ], Message("both")))
        assert [s.label for s in session.spans.values()] == ["PER"]  # the refused step undone
    assert [s.label for s in session.spans.values()] == ["PER"] and session.history.index == 1
    assert stored(session)[0] == session.spans
