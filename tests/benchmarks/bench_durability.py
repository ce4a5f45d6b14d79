"""What syncing every commit costs: one saved action with synchronous FULL and NORMAL.

The project runs WAL with synchronous=FULL (store/connection.py) because the
power-loss test (tests/reliability/test_power_loss.py) shows NORMAL can lose the
last saved actions. Prints the median time of saving one span (the commit behind
a keystroke that labels) with each, on the temporary folder's disk:
`save_full_ms`, `save_normal_ms`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.model import Span, new_id
from annotator.services.projects import new_project

RUNS = 200
TEXT = "قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن المحادثات ستستمر. " * 40


def median_save_ms(folder: Path, synchronous: str) -> float:
    with new_project(folder / f"{synchronous}.annproj") as store:
        store.db.execute(f"PRAGMA synchronous = {synchronous}")
        doc = store.documents.add(TEXT, "خبر")
        times = []
        for i in range(RUNS):
            span = Span(new_id(), doc.id, "amal", i, i + 3, "PER")
            started = time.perf_counter()
            store.annotations.add_span(span)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ANNOTATOR_DATA_DIR"] = folder
        for synchronous in ("FULL", "NORMAL"):
            value = median_save_ms(Path(folder), synchronous)
            print(f"save_{synchronous.lower()}_ms: {value:.2f} ms", flush=True)


if __name__ == "__main__":
    main()
