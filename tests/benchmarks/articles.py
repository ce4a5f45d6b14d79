"""What the safety benchmarks share: a project of generated articles and a median timer.

Not a benchmark itself (run_all.py runs bench_*.py only).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

WORDS = "قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن المحادثات ستستمر الأسبوع المقبل "


def build_articles(path: Path, articles: int, annotators: Sequence[str] = ("amal",)) -> None:
    """``articles`` articles of ~2,000 characters with 20 PER spans each, the spans shared
    out among ``annotators`` in turn, written in one transaction."""
    from annotator.core.model import Span, new_id
    from annotator.services.projects import new_project

    with new_project(path) as store, store.transaction():
        for i in range(articles):
            doc = store.documents.add(f"{i} " + WORDS * 24, f"article {i}")
            store.annotations.add_spans(
                Span(new_id(), doc.id, annotators[k % len(annotators)], k * 60, k * 60 + 5, "PER")
                for k in range(20)
            )


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)
