"""Model-based test: random sequences of annotation actions, undo and redo, against the store.

A RuleBasedStateMachine performs the store operations the GUI's commands use and
applies the same change to a plain in-memory model; after every step the store
must hold exactly what the model holds. Undo is the inverse store operation (as
the GUI's undo commands do it: remove_span is undone by restore_span, and so on);
a new action clears the redo stack.
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
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Event, Span
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
    """Drives a project store and the model side by side."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.store = new_project(Path(self.folder.name) / "model.annproj")
        self.docs = [self.store.documents.add(text, f"doc {i}") for i, text in enumerate(TEXTS)]
        self.notes = self.store.annotations
        self.model = Model()
        self.undo_stack: list[tuple[Step, Step]] = []
        self.redo_stack: list[tuple[Step, Step]] = []
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

    def act(self, do: Step, undo: Step) -> None:
        """Perform a user action and put it on the undo stack."""
        do()
        self.undo_stack.append((do, undo))
        self.redo_stack.clear()

    # -- entity spans --------------------------------------------------

    @rule(data=st.data(), doc=st.integers(0, 1), label=st.sampled_from(LABELS))
    def create_span(self, data: st.DataObject, doc: int, label: str) -> None:
        document = self.docs[doc]
        start = data.draw(st.integers(0, len(document.text) - 1))
        end = data.draw(st.integers(start + 1, len(document.text)))
        span = Span(self.fresh("s"), document.id, USER, start, end, label)

        def do() -> None:
            self.notes.add_span(span)
            self.model.spans[span.id] = span

        def undo() -> None:
            self.notes.remove_span(span.id)
            self.model.remove_span(span.id)

        self.act(do, undo)

    @precondition(lambda self: self.model.spans)
    @rule(data=st.data(), label=st.sampled_from([*LABELS, "NOT_A_LABEL"]))
    def relabel_span(self, data: st.DataObject, label: str) -> None:
        span = data.draw(st.sampled_from(sorted(self.model.spans.values(), key=lambda s: s.id)))
        if label == "NOT_A_LABEL":
            with pytest.raises(ValidationError, match="unknown entity label"):
                self.notes.relabel_span(span.id, label)
            return
        filled = [(self.model.events[e].type, a.role) for _, e, a in self.model.arguments.values()
                  if a.span_id == span.id]
        if not all(self.fits(kind, role, label) for kind, role in filled):
            with pytest.raises(ValidationError, match="remove it from the event first"):
                self.notes.relabel_span(span.id, label)
            return

        def set_label(value: str) -> Step:
            def step() -> None:
                self.notes.relabel_span(span.id, value)
                self.model.spans[span.id] = replace(self.model.spans[span.id], label=value)

            return step

        self.act(set_label(label), set_label(span.label))

    @precondition(lambda self: self.model.spans)
    @rule(data=st.data())
    def delete_span(self, data: st.DataObject) -> None:
        span_id = data.draw(st.sampled_from(sorted(self.model.spans)))
        removed = []

        def do() -> None:
            removed.append(self.notes.remove_span(span_id))
            self.model.remove_span(span_id)

        def undo() -> None:
            removal = removed.pop()
            self.notes.restore_span(removal)
            self.model.spans[span_id] = removal.span
            for event_id, argument in removal.arguments:
                self.model.add_argument(event_id, argument)

        self.act(do, undo)

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
        if not self.arguments_fit(kind, arguments):
            with pytest.raises(ValidationError, match="role"):
                self.notes.add_event(event)
            return

        def do() -> None:
            self.notes.add_event(event)
            self.model.add_event(event)

        def undo() -> None:
            self.notes.remove_event(event.id)
            self.model.remove_event(event.id)

        self.act(do, undo)

    @precondition(lambda self: self.model.events)
    @rule(data=st.data(), kind=st.sampled_from(EVENT_TYPES))
    def retype_event(self, data: st.DataObject, kind: str) -> None:
        event = self.model.events[data.draw(st.sampled_from(sorted(self.model.events)))]
        if not self.arguments_fit(kind, self.model.arguments_of(event.id)):
            with pytest.raises(ValidationError, match="remove that argument first"):
                self.notes.retype_event(event.id, kind)
            return

        def set_type(value: str) -> Step:
            def step() -> None:
                self.notes.retype_event(event.id, value)
                self.model.events[event.id] = replace(self.model.events[event.id], type=value)

            return step

        self.act(set_type(kind), set_type(event.type))

    @precondition(lambda self: self.model.events)
    @rule(data=st.data())
    def remove_event(self, data: st.DataObject) -> None:
        event_id = data.draw(st.sampled_from(sorted(self.model.events)))
        removed = []

        def do() -> None:
            removed.append(self.notes.remove_event(event_id))
            self.model.remove_event(event_id)

        def undo() -> None:
            event = removed.pop()
            self.notes.add_event(event)
            self.model.add_event(event)

        self.act(do, undo)

    @precondition(lambda self: self.model.events and self.model.spans)
    @rule(data=st.data(), role=st.sampled_from(ROLES))
    def add_argument(self, data: st.DataObject, role: str) -> None:
        event = self.model.events[data.draw(st.sampled_from(sorted(self.model.events)))]
        spans = sorted(s.id for s in self.model.spans_of(event.document_id))
        if not spans:
            return
        argument = Argument(self.fresh("a"), role, data.draw(st.sampled_from(spans)))
        if not self.fits(event.type, role, self.model.spans[argument.span_id].label):
            with pytest.raises(ValidationError, match="role"):
                self.notes.add_argument(event.id, argument)
            return
        taken = {(a.role, a.span_id) for a in self.model.arguments_of(event.id)}
        if (role, argument.span_id) in taken:
            with pytest.raises(ValidationError):
                self.notes.add_argument(event.id, argument)
            return

        def do() -> None:
            self.notes.add_argument(event.id, argument)
            self.model.add_argument(event.id, argument)

        def undo() -> None:
            self.notes.remove_argument(argument.id)
            del self.model.arguments[argument.id]

        self.act(do, undo)

    @precondition(lambda self: self.model.arguments)
    @rule(data=st.data())
    def remove_argument(self, data: st.DataObject) -> None:
        _, event_id, argument = self.model.arguments[
            data.draw(st.sampled_from(sorted(self.model.arguments)))
        ]

        def do() -> None:
            assert self.notes.remove_argument(argument.id) == (event_id, argument)
            del self.model.arguments[argument.id]

        def undo() -> None:
            self.notes.add_argument(event_id, argument)
            self.model.add_argument(event_id, argument)

        self.act(do, undo)

    @precondition(lambda self: self.model.arguments)
    @rule(data=st.data(), role=st.sampled_from(ROLES))
    def set_argument_role(self, data: st.DataObject, role: str) -> None:
        _, event_id, argument = self.model.arguments[
            data.draw(st.sampled_from(sorted(self.model.arguments)))
        ]
        label = self.model.spans[argument.span_id].label
        if not self.fits(self.model.events[event_id].type, role, label):
            with pytest.raises(ValidationError, match="role"):
                self.notes.set_argument_role(argument.id, role)
            return
        taken = {(a.role, a.span_id) for a in self.model.arguments_of(event_id)}
        if role != argument.role and (role, argument.span_id) in taken:
            with pytest.raises(ValidationError):
                self.notes.set_argument_role(argument.id, role)
            return

        def set_role(value: str) -> Step:
            def step() -> None:
                self.notes.set_argument_role(argument.id, value)
                seq, owner, current = self.model.arguments[argument.id]
                self.model.arguments[argument.id] = (seq, owner, replace(current, role=value))

            return step

        self.act(set_role(role), set_role(argument.role))

    # -- history ------------------------------------------------------------

    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self) -> None:
        do, undo = self.undo_stack.pop()
        undo()
        self.redo_stack.append((do, undo))

    @precondition(lambda self: self.redo_stack)
    @rule()
    def redo(self) -> None:
        do, undo = self.redo_stack.pop()
        do()
        self.undo_stack.append((do, undo))

    @invariant()
    def store_matches_model(self) -> None:
        for doc in self.docs:
            assert self.notes.spans(doc.id) == self.model.spans_of(doc.id)
            assert self.notes.events(doc.id) == self.model.events_of(doc.id)


StoreMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=40, deadline=None)
test_store_against_model = StoreMachine.TestCase


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
