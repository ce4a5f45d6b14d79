"""Child process of test_concurrency.py: one annotator working beside another.

Opens the project as the GUI does, adds COUNT spans (one transaction each, with an
event every tenth span) and reports each one; then refreshes until it sees all
COUNT spans of OTHER, as a window's refresh would, and reports what it saw.

Usage: python concurrent_worker.py PROJECT ANNOTATOR OTHER COUNT
"""

from __future__ import annotations

import sys
import time

from annotator.core.model import Argument, Event, Span, new_id
from annotator.services.opening import open_for_editing

REFRESH_LIMIT_S = 60.0


def main(project: str, annotator: str, other: str, count: int) -> None:
    """Annotate, then wait for the other annotator's work to show up."""
    opened = open_for_editing(project, annotator)
    store = opened.store
    store.on_busy = lambda waited: print(f"WAITING {waited:.1f}", flush=True)
    doc = store.documents.summaries()[0]
    for i in range(count):
        start = i % (doc.length - 5)
        span = Span(new_id(), doc.id, annotator, start, start + 3, "PER")
        store.annotations.add_span(span)
        if i % 10 == 0:
            argument = Argument(new_id(), "Victim", span.id)
            event = Event(new_id(), doc.id, annotator, "Life.Die", start, start + 2, (argument,))
            store.annotations.add_event(event)
        print(f"SAVED {i}", flush=True)
    version = store.data_version()
    deadline = time.monotonic() + REFRESH_LIMIT_S
    seen = 0
    while time.monotonic() < deadline:
        if store.data_version() != version or seen == 0:
            version = store.data_version()
            seen = len(store.annotations.spans(doc.id, other))
            if seen == count:
                break
        time.sleep(0.05)
    print(f"SAW {seen}", flush=True)
    opened.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
