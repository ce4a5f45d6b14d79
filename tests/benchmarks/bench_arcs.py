"""Argument arcs on a long article: the cost of painting the view with the arcs shown.

The article of bench_workspace (100,000 characters, 5,000 spans) gets 1,500 events
of two arguments each (about one per line). Prints:
- `arcs_paint_median_ms` / `plain_paint_median_ms`: a full repaint of the reading
  view scrolled to the middle, with the arcs shown and without;
- `arcs_drawn`: how many arcs such a repaint lays out (a link between two lines counts as
  its two halves).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.benchmarks.bench_workspace import build_project  # noqa: E402
from tests.benchmarks.window_harness import isolated_home, open_window  # noqa: E402

EVENTS = 1_500
REPAINTS = 30


def add_events(path: Path) -> None:
    """Events whose arguments are the spans nearest after their trigger word."""
    from annotator.core.model import Argument, Event, new_id
    from annotator.services.projects import open_project

    rng = random.Random(5)
    with open_project(path) as store:
        doc_id = store.documents.summaries()[0].id
        spans = sorted(store.annotations.spans(doc_id, "bench"), key=lambda s: s.start)
        kind = store.schema.event("Conflict.Attack")
        assert kind is not None
        with store.transaction():
            # A trigger with the next two spans of the sentence as arguments, as in news.
            for index in sorted(rng.sample(range(len(spans) - 3), EVENTS)):
                trigger, first, second = spans[index:index + 3]
                roles = [kind.roles_accepting(s.label) for s in (first, second)]
                if trigger.end > first.start or first.end > second.start or not all(roles):
                    continue  # nested mentions, or no role for them
                store.annotations.add_event(Event(
                    new_id(), doc_id, "bench", "Conflict.Attack", trigger.start, trigger.end,
                    (Argument(new_id(), roles[0][0].role, first.id),
                     Argument(new_id(), roles[1][-1].role, second.id)),
                ))


def median_paint_ms(app, view) -> float:
    samples = []
    for _ in range(REPAINTS):
        began = time.perf_counter()
        view.viewport().repaint()
        samples.append((time.perf_counter() - began) * 1000)
        app.processEvents()
    return statistics.median(samples)


def main() -> None:
    """Print the arc painting figures."""
    with isolated_home() as home:
        path = home / "bench.annproj"
        build_project(path)
        add_events(path)
        app, window = open_window(path, "bench", show_first=True)
        view = window.reading_view
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        app.processEvents()
        feature = next(f for f in window.features if type(f).__name__ == "WorkspaceFeature")
        feature.arcs.set_visible(False)
        plain = median_paint_ms(app, view)
        feature.arcs.set_visible(True)
        with_arcs = median_paint_ms(app, view)
        print(f"arcs_paint_median_ms: {with_arcs:.1f} ms", flush=True)
        print(f"plain_paint_median_ms: {plain:.1f} ms", flush=True)
        print(f"arcs_drawn: {len(feature.arcs.arcs)} arcs", flush=True)
        window.close()


if __name__ == "__main__":
    main()
