"""Accepting a suggestion by key, from the key press to the repainted view.

Generates an Arabic article of about 10,000 characters with 400 predictions of a
model annotator (the suggestions shown), opens it in the main window as another
annotator and prints `accept_key_ms`: the median time from pressing the accept
key on a suggestion to the repainted view (the span saved in the project file,
the suggestions gathered again and painted included), and its 95th percentile.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_workspace import generate_article, word_ranges  # noqa: E402
from tests.benchmarks.window_harness import (  # noqa: E402
    isolated_home,
    open_window,
    p95,
    paint_counter,
)

TEXT_LENGTH = 10_000
PREDICTIONS = 400
ACCEPTS = 150


def build_project(path: Path) -> None:
    """The article and the model «ner»'s PREDICTIONS single-word predictions."""
    from annotator.core.model import AnnotatorKind, Span, new_id
    from annotator.services.projects import new_project

    text = generate_article()[:TEXT_LENGTH]
    words = word_ranges(text)[:-1]
    rng = random.Random(5)
    chosen = sorted(rng.sample(range(len(words)), PREDICTIONS))
    with new_project(path) as store:
        doc = store.documents.add(text, "مقال")
        store.annotators.ensure("ner", AnnotatorKind.MODEL)
        store.annotations.add_spans(
            [Span(new_id(), doc.id, "ner", *words[i], rng.choice(["PER", "ORG", "GPE"]))
             for i in chosen]
        )


def main() -> None:
    """Print the accept figures."""
    with isolated_home() as home:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        path = home / "bench.annproj"
        build_project(path)
        app, window = open_window(path, "amal")
        view = window.reading_view
        view.setFocus()
        suggestions = window.features[0].suggestions
        if len(suggestions.items) != PREDICTIONS:
            raise RuntimeError(f"expected {PREDICTIONS} suggestions, got {len(suggestions.items)}")
        spy = paint_counter(view.viewport())
        samples = []
        suggestions.go(1, after=-1)
        for _ in range(ACCEPTS):
            app.processEvents()
            began = time.perf_counter()
            paints = spy.paints
            QTest.keyClick(view, Qt.Key.Key_A)
            app.processEvents()
            if spy.paints == paints:
                raise RuntimeError("accepting did not repaint the view")
            samples.append((time.perf_counter() - began) * 1000)
        accepted = len(window.features[0].workspace.annotations.spans)
        window.close()
    if accepted != ACCEPTS:
        raise RuntimeError(f"expected {ACCEPTS} accepted spans, got {accepted}")
    print(f"accept_key_ms: {statistics.median(samples):.1f} ms", flush=True)
    print(f"accept_key_p95_ms: {p95(samples):.1f} ms", flush=True)


if __name__ == "__main__":
    main()
