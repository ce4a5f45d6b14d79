"""Child process of test_power_loss.py, run under the iotrace shim.

Opens the project as the GUI does, then performs ACTIONS actions. Each is one
transaction (an entity span and a Conflict.Attack event whose Attacker it is);
once the store returns, which is when the window would show the action as saved,
the span id is appended to the ``acks`` file beside the project, so the trace
records the acknowledgement in order with the writes and syncs.

Usage: python worker.py PROJECT ACTIONS SYNCHRONOUS   (SYNCHRONOUS: "project" or a
PRAGMA synchronous value forced after opening, e.g. "OFF", to prove the test fails)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.core.model import Argument, Event, Span, new_id
from annotator.services.opening import open_for_editing

ANNOTATOR = "amal"


def main(project: str, actions: int, synchronous: str) -> None:
    """Annotate ``actions`` times, acknowledging each in the ``acks`` file, then close."""
    opened = open_for_editing(project, ANNOTATOR, keep_backups=1)
    if opened.read_only:
        sys.exit(f"opened read-only: {opened.warnings}")
    store = opened.store
    if synchronous != "project":
        store.db.execute(f"PRAGMA synchronous = {synchronous}")
    doc = store.documents.summaries()[0]
    acks = os.open(Path(project).with_name("acks"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    for i in range(actions):
        start = (3 * i) % (doc.length - 2)
        span = Span(new_id(), doc.id, ANNOTATOR, start, start + 2, "PER")
        trigger = (start + 1) % (doc.length - 1)
        event = Event(new_id(), doc.id, ANNOTATOR, "Conflict.Attack", trigger, trigger + 1,
                      (Argument(new_id(), "Attacker", span.id),))
        with store.transaction():
            store.annotations.add_span(span)
            store.annotations.add_event(event)
        os.write(acks, f"{span.id}\n".encode("ascii"))
    os.close(acks)
    opened.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
