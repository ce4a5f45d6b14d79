"""Child process of test_crash_safety.py: annotates a project until it is killed.

It opens the project the way the GUI does (services.opening: integrity check,
backup, session) and performs random annotation actions through the same store
calls the GUI's commands use. Before each action it prints ``BEGIN <json>`` and,
once the action is committed, ``DONE <seq>``; the parent kills it with SIGKILL
at a random moment and checks the project against those lines.

Usage: python crash_worker.py PROJECT ANNOTATOR SEED
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

from annotator.core.model import Argument, Event, Span, new_id
from annotator.services.opening import open_for_editing
from annotator.services.projects import ProjectStore, SpanRemoval

SPAN_FIELDS = ("id", "document_id", "annotator", "start", "end", "label")

OPS = [
    "add_span",
    "add_span",
    "relabel",
    "remove_span",
    "add_event",
    "add_argument",
]


def main(project: str, annotator: str, seed: int) -> None:
    """Annotate until killed."""
    rng = random.Random(seed)
    opened = open_for_editing(project, annotator, keep_backups=3)
    if opened.read_only:
        sys.exit(f"opened read-only: {opened.warnings}")
    print("READY", flush=True)
    seq = 0
    removals: list[SpanRemoval] = []
    while True:
        action = choose(opened.store, annotator, rng, removals)
        if action is None:
            continue
        seq += 1
        action["seq"] = seq
        print("BEGIN " + json.dumps(action), flush=True)
        removed = perform(opened.store, annotator, action)
        if removed is not None:
            removals.append(removed)
        print(f"DONE {seq}", flush=True)


def choose(
    store: ProjectStore, annotator: str, rng: random.Random, removals: list[SpanRemoval]
) -> dict[str, Any] | None:
    """A random action that is valid in the current state (None if the pick is impossible)."""
    if removals and rng.random() < 0.1:
        # Undo of a deletion, as the GUI's undo does it: the span and its arguments return.
        removal = removals.pop()
        return {
            "op": "undo_remove",
            "span": [getattr(removal.span, f) for f in SPAN_FIELDS],
            "arguments": [[e, a.id, a.role, a.span_id] for e, a in removal.arguments],
        }
    doc = rng.choice(store.documents.summaries())
    spans = store.annotations.spans(doc.id, annotator)
    events = store.annotations.events(doc.id, annotator)
    op = rng.choice(OPS)
    schema = store.schema
    start = rng.randrange(doc.length - 1)
    end = rng.randrange(start + 1, min(doc.length, start + 12) + 1)
    if op == "add_span":
        label = rng.choice(schema.entity_keys)
        return {"op": op, "id": new_id(), "doc": doc.id, "start": start, "end": end, "label": label}
    if op == "add_event":
        kind = schema.event(rng.choice(schema.event_keys))
        # The store refuses an argument its role does not accept: only fitting ones.
        fitting = [(s, kind.roles_accepting(s.label)) for s in spans[:2]]
        return {
            "op": op,
            "id": new_id(),
            "doc": doc.id,
            "start": start,
            "end": end,
            "type": kind.key,
            "arguments": [[new_id(), roles[0].role, s.id] for s, roles in fitting if roles],
        }
    if not spans:
        return None
    span = rng.choice(spans)
    if op == "relabel":
        filled = [(schema.event(e.type), a.role) for e in events for a in e.arguments
                  if a.span_id == span.id]
        labels = [label for label in schema.entity_keys
                  if all(label in kind.role(role).accepts for kind, role in filled)]
        return {"op": op, "id": span.id, "label": rng.choice(labels)}
    if op == "remove_span":
        return {"op": op, "id": span.id}
    if not events:
        return None
    event = rng.choice(events)
    taken = {(a.role, a.span_id) for a in event.arguments}
    roles = [r.role for r in schema.event(event.type).roles_accepting(span.label)
             if (r.role, span.id) not in taken]
    if not roles:
        return None
    role = rng.choice(roles)
    return {"op": op, "id": new_id(), "event": event.id, "role": role, "span": span.id}


def perform(store: ProjectStore, annotator: str, action: dict[str, Any]) -> SpanRemoval | None:
    """Carry out ``action``: one user action, one transaction. Returns what a removal removed."""
    op, notes = action["op"], store.annotations
    if op == "add_span":
        notes.add_span(
            Span(
                action["id"],
                action["doc"],
                annotator,
                action["start"],
                action["end"],
                action["label"],
            )
        )
    elif op == "relabel":
        notes.relabel_span(action["id"], action["label"])
    elif op == "remove_span":
        return notes.remove_span(action["id"])
    elif op == "undo_remove":
        arguments = tuple((e, Argument(*rest)) for e, *rest in action["arguments"])
        notes.restore_span(SpanRemoval(Span(*action["span"]), arguments))
    elif op == "add_event":
        arguments = tuple(Argument(*arg) for arg in action["arguments"])
        notes.add_event(
            Event(
                action["id"],
                action["doc"],
                annotator,
                action["type"],
                action["start"],
                action["end"],
                arguments,
            )
        )
    elif op == "add_argument":
        notes.add_argument(action["event"], Argument(action["id"], action["role"], action["span"]))
    return None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
