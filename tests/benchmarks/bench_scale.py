"""Scale: a project of 100,000 generated articles (~20 spans each, two annotators).

Runs only with ANNOTATOR_BENCH_LARGE=1 (or ANNOTATOR_BENCH_ARTICLES=N for another
size): the project is ~1 GB and building it the first time takes a minute or two
(large_corpus keeps it in the temporary folder for later runs). Prints:
  open_100k_s          process start to the painted main window on the project (median of 3)
  open_100k_warm_s     the same, project already open once (backup unchanged)
  doc_search_100k_ms   the document list filtering as a query is typed: median over the
                       keystrokes of three typed queries (a name, a phrase, a rare number)
                       of the search plus reading the rows the view paints first
  doc_search_100k_max_ms  the slowest of those keystrokes
  doc_scroll_100k_ms   jumping to a random place in the list and reading a screen of rows
                       (median of 200)
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from large_corpus import built_project  # noqa: E402

from tests.benchmarks.window_harness import app_env, first_paint_seconds  # noqa: E402

RUNS = 3


def articles() -> int:
    """How many articles the scale figures use (0: skip them)."""
    if os.environ.get("ANNOTATOR_BENCH_ARTICLES"):
        return int(os.environ["ANNOTATOR_BENCH_ARTICLES"])
    return 100_000 if os.environ.get("ANNOTATOR_BENCH_LARGE") == "1" else 0


def label(count: int) -> str:
    """100000 -> "100k", 1000000 -> "1m"."""
    return f"{count // 1_000_000}m" if count >= 1_000_000 else f"{count // 1000}k"


def open_window(project: Path, env: dict[str, str]) -> float:
    """Seconds from spawning the application on ``project`` to its first painted window."""
    return first_paint_seconds(env, "document_list.table", project, timeout=600)


TYPED = ("أحمد الساعدي", "وزير الداخلية", "خبر رقم 4567")
SCREEN_ROWS = 40


def paint_first_rows(model, rows: int) -> None:
    """Read what the view would paint: the first ``rows`` rows' cells."""
    for row in range(min(rows, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()


def search_and_scroll(project: Path) -> tuple[list[float], list[float]]:
    """Milliseconds per typed keystroke, and per jump to a random place in the list."""
    from annotator.services.project import open_project
    from annotator.ui.app import application
    from annotator.ui.document_list import DocumentList

    application()
    typed, jumps = [], []
    with open_project(project) as store:
        doc_list = DocumentList()
        doc_list.model.load(store, "amal")
        for query in TYPED:
            for end in range(1, len(query) + 1):
                doc_list.filter_edit.setText(query[:end])
                started = time.perf_counter()
                doc_list._search()  # what the typing pause starts
                paint_first_rows(doc_list.model, SCREEN_ROWS)
                typed.append((time.perf_counter() - started) * 1000)
            doc_list.filter_edit.clear()
            doc_list._search()
        rng = random.Random(1)
        model = doc_list.model
        for _ in range(200):
            top = rng.randrange(max(1, model.rowCount() - SCREEN_ROWS))
            started = time.perf_counter()
            for row in range(top, top + SCREEN_ROWS):
                model.index(row, 0).data()
                model.index(row, 2).data()
            jumps.append((time.perf_counter() - started) * 1000)
    return typed, jumps


def main() -> None:
    """Print the figures (nothing unless asked for, see the module's docstring)."""
    count = articles()
    if not count:
        return
    name = label(count)
    project = built_project(count)
    with tempfile.TemporaryDirectory() as home:
        env = app_env(Path(home), "amal")
        first = open_window(project, env)
        warm = [open_window(project, env) for _ in range(RUNS)]
    print(f"project_{name}_mb: {project.stat().st_size / 1e6:.0f} MB", flush=True)
    print(f"open_{name}_s: {first:.2f} s", flush=True)
    print(f"open_{name}_warm_s: {statistics.median(warm):.2f} s", flush=True)
    print_list_figures(name, project)


def print_list_figures(name: str, project: Path) -> None:
    """The document list's figures: a keystroke of search (median, slowest) and a jump."""
    typed, jumps = search_and_scroll(project)
    print(f"doc_search_{name}_ms: {statistics.median(typed):.1f} ms", flush=True)
    print(f"doc_search_{name}_max_ms: {max(typed):.1f} ms", flush=True)
    print(f"doc_scroll_{name}_ms: {statistics.median(jumps):.2f} ms", flush=True)


if __name__ == "__main__":
    main()
