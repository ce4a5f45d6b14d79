"""Assignment over 10,000 articles (~2,000 characters each) among five annotators.

Prints ``assign_preview_10k_s`` (one preview, recomputed by the Assign dialog at
every change of its options), ``assign_10k_s`` (storing the assignment, one
transaction) and ``assigned_filter_load_10k_s`` (the document list re-reading
the project with 2,400 documents assigned to the annotator). Building the
project is not timed; each figure is the best of three runs.
Run: ``python tests/benchmarks/bench_assign.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DOCUMENTS = 10_000
RUNS = 3
ANNOTATORS = ["amal", "karim", "salma", "huda", "omar"]
SENTENCE = "أعلنت الحكومة في بيروت اليوم عن خطة جديدة لدعم المدارس الرسمية في القرى. "


def best_of(run: Callable[[], object]) -> float:
    """The shortest of RUNS timings of ``run``, in seconds."""
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.services.assignment import assign_documents, preview_assignment
    from annotator.services.project import Project
    from annotator.services.projects import new_project
    from annotator.ui.document_list import DocumentList

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, new_project(Path(folder) / "b.annproj") as store:
        body = SENTENCE * 28
        store.documents.add_many(
            (f"مقال {n}\n{body}", f"مقال {n}", None, None, None) for n in range(DOCUMENTS)
        )
        preview = best_of(lambda: preview_assignment(store, ANNOTATORS, share=0.2, seed=1))
        stored = best_of(
            lambda: assign_documents(store, ANNOTATORS, share=0.2, seed=1, replace=True)
        )
        document_list = DocumentList()
        project = Project(store)  # the window's facade, as the list is given it
        load = best_of(lambda: document_list.model.load(project, "amal"))
        shown = len(document_list.shown_ids())
    print(f"assign_preview_10k_s: {preview:.3f} s")
    print(f"assign_10k_s: {stored:.3f} s")
    print(f"assigned_filter_load_10k_s: {load:.3f} s ({shown} documents shown)")
    del app


if __name__ == "__main__":
    main()
