"""Model-based test: random sequences of editing actions, undo and redo, through the editing core.

A RuleBasedStateMachine drives the real commands of ``annotator.services.editing``
through one EditingSession per document (what the GUI does on every key), and
applies the expected change to a plain in-memory model. After every step the
store holds exactly what the model holds and each session shows exactly what the
store holds; refused actions leave all three and the history unchanged; undoing
everything gives back the start and redoing it all gives back the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Event, Span
from annotator.services.editing import (
    AddArgument,
    AddEvent,
    AddSpans,
    Command,
    EditingSession,
    Message,
    RelabelSpan,
    RemoveArgument,
    RemoveEvent,
    RemoveSpan,
    RetypeEvent,
    SetArgumentRole,
)
from annotator.services.projects import new_project

TEXTS = [
    "أكد المتحدث باسم الحكومة الأردنية أن الحدود مع سوريا ستبقى مفتوحة أمام الشاحنات.",
    "سجّل المنتخب المغربي هدفين في الشوط الثاني 😀 وفاز على نظيره الغاني في الرباط.",
]
LABELS = ["PER", "ORG", "GPE", "LOC"]
EVENT_TYPES = ["Conflict.Attack", "Movement.Transport", "Contact.Meet"]
# Real roles of these types and roles they lack: both kinds are tried.
ROLES = ["Agent", "Place", "Victim", "Entity", "Attacker", "Target", "Artifact"]
USER = "amal"

Step = Callable[[], None]
LABEL = Message("test")


@dataclass
class Model:
    """What the project should hold; arguments keep the order they were added in."""

    spans: dict[str, Span] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    arguments: dict[str, tuple[int, str, Argument]] = field(default_factory=dict)
    _order: count = field(default_factory=count)

    def add_argument(self, event_id: str, argument: Argument) -> None:
        self.arguments[argument.id] = (next(self._order), event_id, argument)

    def remove_span(self, span_id: str) -> None:
        del self.spans[span_id]
        self.arguments = {k: v for k, v in self.arguments.items() if v[2].span_id != span_id}

    def add_event(self, event: Event) -> None:
        self.events[event.id] = replace(event, arguments=())
        for argument in event.arguments:
            self.add_argument(event.id, argument)

    def remove_event(self, event_id: str) -> None:
        del self.events[event_id]
        self.arguments = {k: v for k, v in self.arguments.items() if v[1] != event_id}

    def spans_of(self, doc_id: str) -> list[Span]:
        spans = [s for s in self.spans.values() if s.document_id == doc_id]
        return sorted(spans, key=lambda s: (s.start, -s.end, s.id))

    def events_of(self, doc_id: str) -> list[Event]:
        events = [
            replace(e, arguments=self.arguments_of(e.id))
            for e in self.events.values()
            if e.document_id == doc_id
        ]
        return sorted(events, key=lambda e: (e.trigger_start, e.id))

    def arguments_of(self, event_id: str) -> tuple[Argument, ...]:
        mine = sorted(v for v in self.arguments.values() if v[1] == event_id)
        return tuple(argument for _, _, argument in mine)


class StoreMachine(RuleBasedStateMachine):
    """Drives editing sessions (hence the project store) and the model side by side."""

    # Makes the location of each run's project (None: a file in a temporary folder).
    new_location: Callable[[], str] | None = None

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        location = Path(self.folder.name) / "model.annproj"
        self.store = new_project(location if self.new_location is None else self.new_location())
        self.docs = [self.store.documents.add(text, f"doc {i}") for i, text in enumerate(TEXTS)]
        self.notes = self.store.annotations
        self.sessions = {doc.id: EditingSession(self.store, doc.id, USER) for doc in self.docs}
        self.model = Model()
        # Per document: the model's (do, undo) of each step of that session's history.
        self.undo_stack: dict[str, list[tuple[Step, Step]]] = {d.id: [] for d in self.docs}
        self.redo_stack: dict[str, list[tuple[Step, Step]]] = {d.id: [] for d in self.docs}
        self._ids = count()

    def fresh(self, prefix: str) -> str:
        """A new id: deterministic, so hypothesis can replay a run, and each sorting before
        the previous ones, so an order that falls back on ids cannot pass for insertion order."""
        return f"{prefix}{99_999 - next(self._ids):05d}"

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()

    def fits(self, event_type: str, role: str, label: str) -> bool:
        """Whether an entity labelled ``label`` may fill ``role`` of ``event_type``."""
        kind = self.store.schema.event(event_type)
        found = kind.role(role) if kind is not None else None
        return found is not None and label in found.accepts

    def arguments_fit(self, event_type: str, arguments: tuple[Argument, ...]) -> bool:
        """Whether every argument fits an event of ``event_type``."""
        labels = {a.span_id: self.model.spans[a.span_id].label for a in arguments}
        return all(self.fits(event_type, a.role, labels[a.span_id]) for a in arguments)

    def act(self, doc_id: str, command: Command, do: Step, undo: Step) -> None:
        """Run a real command in that document's session; apply the model's ``do``."""
        self.sessions[doc_id].execute(command)
        do()
        self.undo_stack[doc_id].append((do, undo))
        self.redo_stack[doc_id].clear()

    def refused(self, doc_id: str, command: Command, match: str | None = None) -> None:
        """The session must refuse ``command`` and change nothing, history included."""
        session = self.sessions[doc_id]
        before = (dict(session.spans), dict(session.events), session.history.index,
                  len(session.history.redo_stack))
        with pytest.raises(ValidationError, match=match):
            session.execute(command)
        after = (session.spans, session.events, session.history.index,
                 len(session.history.redo_stack))
        assert after == before

    # -- entity spans --------------------------------------------------

    @rule(data=st.data(), doc=st.integers(0, 1), label=st.sampled_from(LABELS))
    def create_span(self, data: st.DataObject, doc: int, label: str) -> None:
        document = self.docs[doc]
        start = data.draw(st.integers(0, len(document.text) - 1))
        end = data.draw(st.integers(start + 1, len(document.text)))
        span = Span(self.fresh("s"), document.id, USER, start, end, label)

        def do() -> None:
            self.model.spans[span.id] = span

        def undo() -> None:
            self.model.remove_span(span.id)

        self.act(document.id, AddSpans([span], LABEL), do, undo)

    @precondition(lambda self: self.model.spans)
    @rule(data=st.data(), label=st.sampled_from([*LABELS, "NOT_A_LABEL"]))
    def relabel_span(self, data: st.DataObject, label: str) -> None:
        span = data.draw(st.sampled_from(sorted(self.model.spans.values(), key=lambda s: s.id)))
        command = RelabelSpan(span, label, LABEL)
        if label == "NOT_A_LABEL":
            self.refused(span.document_id, command, "unknown entity label")
            return
        filled = [(self.model.events[e].type, a.role) for _, e, a in self.model.arguments.values()
                  if a.span_id == span.id]
        if not all(self.fits(kind, role, label) for kind, role in filled):
            self.refused(span.document_id, command, "remove it from the event first")
            return

        def set_label(value: str) -> Step:
            def step() -> None:
                self.model.spans[span.id] = replace(self.model.spans[span.id], label=value)

            return step

        self.act(span.document_id, command, set_label(label), set_label(span.label))

    @precondition(lambda self: self.model.spans)
    @rule(data=st.data())
    def delete_span(self, data: st.DataObject) -> None:
        span = self.model.spans[data.draw(st.sampled_from(sorted(self.model.spans)))]
        filled: list[tuple[str, Argument]] = []

        def do() -> None:
            filled[:] = [(e, a) for _, e, a in sorted(self.model.arguments.values())
                         if a.span_id == span.id]
            self.model.remove_span(span.id)

        def undo() -> None:
            self.model.spans[span.id] = span
            for event_id, argument in filled:
                self.model.add_argument(event_id, argument)

        self.act(span.document_id, RemoveSpan(span.id, LABEL), do, undo)

    # -- events and arguments --------------------------------------------

    @rule(data=st.data(), doc=st.integers(0, 1), kind=st.sampled_from(EVENT_TYPES))
    def add_event(self, data: st.DataObject, doc: int, kind: str) -> None:
        document = self.docs[doc]
        start = data.draw(st.integers(0, len(document.text) - 1))
        end = data.draw(st.integers(start + 1, min(len(document.text), start + 10)))
        candidates = sorted(s.id for s in self.model.spans_of(document.id))
        chosen = (
            data.draw(st.lists(st.sampled_from(candidates), unique=True, max_size=3))
            if candidates
            else []
        )
        arguments = tuple(
            Argument(self.fresh("a"), ROLES[i], span_id) for i, span_id in enumerate(chosen)
        )
        event = Event(self.fresh("e"), document.id, USER, kind, start, end, arguments)
        command = AddEvent(event, LABEL)
        if not self.arguments_fit(kind, arguments):
            self.refused(document.id, command, "role")
            return

        def do() -> None:
            self.model.add_event(event)

        def undo() -> None:
            self.model.remove_event(event.id)

        self.act(document.id, command, do, undo)

    @precondition(lambda self: self.model.events)
    @rule(data=st.data(), kind=st.sampled_from(EVENT_TYPES))
    def retype_event(self, data: st.DataObject, kind: str) -> None:
        event = self.model.events[data.draw(st.sampled_from(sorted(self.model.events)))]
        command = RetypeEvent(event, kind, LABEL)
        if not self.arguments_fit(kind, self.model.arguments_of(event.id)):
            self.refused(event.document_id, command, "remove that argument first")
            return

        def set_type(value: str) -> Step:
            def step() -> None:
                self.model.events[event.id] = replace(self.model.events[event.id], type=value)

            return step

        self.act(event.document_id, command, set_type(kind), set_type(event.type))

    @precondition(lambda self: self.model.events)
    @rule(data=st.data())
    def remove_event(self, data: st.DataObject) -> None:
        event_id = data.draw(st.sampled_from(sorted(self.model.events)))
        doc_id = self.model.events[event_id].document_id
        removed: list[Event] = []

        def do() -> None:
            removed.append(next(e for e in self.model.events_of(doc_id) if e.id == event_id))
            self.model.remove_event(event_id)

        def undo() -> None:
            self.model.add_event(removed.pop())

        self.act(doc_id, RemoveEvent(event_id, LABEL), do, undo)

    @precondition(lambda self: self.model.events and self.model.spans)
    @rule(data=st.data())
    def add_argument(self, data: st.DataObject) -> None:
        documents_with_spans = {s.document_id for s in self.model.spans.values()}
        events = sorted(e.id for e in self.model.events.values()
                        if e.document_id in documents_with_spans)
        if not events:
            return
        event = self.model.events[data.draw(st.sampled_from(events))]
        spans = sorted(s.id for s in self.model.spans_of(event.document_id))
        # Mostly a role the event type has, filled by a span that fits it (random
        # choices would nearly never fit), sometimes any role and any span.
        own_roles = [r.role for r in self.store.schema.event(event.type).roles]
        role = data.draw(st.sampled_from(own_roles) | st.sampled_from(ROLES))
        fitting = [s for s in spans if self.fits(event.type, role, self.model.spans[s].label)]
        pool = data.draw(st.sampled_from([fitting, spans])) if fitting else spans
        argument = Argument(self.fresh("a"), role, data.draw(st.sampled_from(pool)))
        command = AddArgument(event.id, argument, LABEL)
        if not self.fits(event.type, role, self.model.spans[argument.span_id].label):
            self.refused(event.document_id, command, "role")
            return
        taken = {(a.role, a.span_id) for a in self.model.arguments_of(event.id)}
        if (role, argument.span_id) in taken:
            self.refused(event.document_id, command)
            return

        def do() -> None:
            self.model.add_argument(event.id, argument)

        def undo() -> None:
            del self.model.arguments[argument.id]

        self.act(event.document_id, command, do, undo)

    @precondition(lambda self: self.model.arguments)
    @rule(data=st.data())
    def remove_argument(self, data: st.DataObject) -> None:
        _, event_id, argument = self.model.arguments[
            data.draw(st.sampled_from(sorted(self.model.arguments)))
        ]

        def do() -> None:
            del self.model.arguments[argument.id]

        def undo() -> None:
            self.model.add_argument(event_id, argument)

        doc_id = self.model.events[event_id].document_id
        self.act(doc_id, RemoveArgument(event_id, argument, LABEL), do, undo)

    @precondition(lambda self: self.model.arguments)
    @rule(data=st.data(), role=st.sampled_from(ROLES))
    def set_argument_role(self, data: st.DataObject, role: str) -> None:
        _, event_id, argument = self.model.arguments[
            data.draw(st.sampled_from(sorted(self.model.arguments)))
        ]
        label = self.model.spans[argument.span_id].label
        doc_id = self.model.events[event_id].document_id
        command = SetArgumentRole(event_id, argument, role, LABEL)
        if not self.fits(self.model.events[event_id].type, role, label):
            self.refused(doc_id, command, "role")
            return
        taken = {(a.role, a.span_id) for a in self.model.arguments_of(event_id)}
        if role != argument.role and (role, argument.span_id) in taken:
            self.refused(doc_id, command)
            return

        def set_role(value: str) -> Step:
            def step() -> None:
                seq, owner, current = self.model.arguments[argument.id]
                self.model.arguments[argument.id] = (seq, owner, replace(current, role=value))

            return step

        self.act(doc_id, command, set_role(role), set_role(argument.role))

    # -- history ------------------------------------------------------------

    @rule(doc=st.integers(0, 1))
    def undo(self, doc: int) -> None:
        doc_id = self.docs[doc].id
        undone = self.sessions[doc_id].undo()
        assert (undone is None) == (not self.undo_stack[doc_id])
        if undone is not None:
            do, undo = self.undo_stack[doc_id].pop()
            undo()
            self.redo_stack[doc_id].append((do, undo))

    @rule(doc=st.integers(0, 1))
    def redo(self, doc: int) -> None:
        doc_id = self.docs[doc].id
        redone = self.sessions[doc_id].redo()
        assert (redone is None) == (not self.redo_stack[doc_id])
        if redone is not None:
            do, undo = self.redo_stack[doc_id].pop()
            do()
            self.undo_stack[doc_id].append((do, undo))

    @rule(doc=st.integers(0, 1))
    def undo_to_the_start_and_back(self, doc: int) -> None:
        """Undoing every step gives the start (the document was empty); redoing them
        all gives back exactly what there was. The other document is untouched."""
        doc_id = self.docs[doc].id
        session = self.sessions[doc_id]
        end = self.snapshot(doc_id)
        other = [self.snapshot(d.id) for d in self.docs if d.id != doc_id]
        steps = 0
        while session.undo() is not None:
            steps += 1
        start = self.snapshot(doc_id)
        assert start[0] == start[1] == []
        for _ in range(steps):
            session.redo()
        assert self.snapshot(doc_id) == end
        assert [self.snapshot(d.id) for d in self.docs if d.id != doc_id] == other

    def snapshot(self, doc_id: str) -> tuple[list[Span], list[Event]]:
        return self.notes.spans(doc_id), self.notes.events(doc_id)

    @invariant()
    def store_matches_model(self) -> None:
        for doc in self.docs:
            assert self.notes.spans(doc.id) == self.model.spans_of(doc.id)
            assert self.notes.events(doc.id) == self.model.events_of(doc.id)

    @invariant()
    def sessions_show_what_the_store_holds(self) -> None:
        for doc in self.docs:
            session = self.sessions[doc.id]
            assert session.spans == {s.id: s for s in self.notes.spans(doc.id, USER)}
            assert session.events == {e.id: e for e in self.notes.events(doc.id, USER)}
            assert session.history.index == len(self.undo_stack[doc.id])


StoreMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=40, deadline=None)
test_store_against_model = StoreMachine.TestCase


def test_store_against_model_on_a_server(fresh_database: Callable[[], str]) -> None:
    """The same machine on projects in PostgreSQL databases (fewer runs: each makes one)."""

    class OnServer(StoreMachine):
        new_location = staticmethod(fresh_database)

    run_state_machine_as_test(
        OnServer, settings=settings(max_examples=25, stateful_step_count=40, deadline=None)
    )


def test_arguments_keep_the_order_they_were_added_in_after_a_removal(project) -> None:
    """Positions used to come from count(*): after a removal two arguments shared a
    position and their order fell back to their random ids. The machine above can
    reach this (its ids sort newest first) but the sequence is rare, so it is pinned here."""
    doc = project.documents.add(TEXTS[0], "t")
    spans = [Span(f"s{i}", doc.id, USER, i * 4, i * 4 + 3, "GPE") for i in range(3)]
    project.annotations.add_spans(spans)
    first, second = Argument("z1", "Entity", "s0"), Argument("y2", "Place", "s1")
    project.annotations.add_event(Event("e", doc.id, USER, "Contact.Meet", 0, 2, (first, second)))
    project.annotations.remove_argument("z1")
    project.annotations.add_argument("e", Argument("a3", "Entity", "s2"))
    assert [a.id for a in project.annotations.event("e").arguments] == ["y2", "a3"]
