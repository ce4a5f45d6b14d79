"""What the safety steps cost when the GUI opens a large project.

Builds a project of 5,000 generated articles (~2,000 characters each, 20 spans
apiece) and prints the median of 5 runs of:
`open_check_s` (the integrity check every open runs), `backup_s` (a backup on
open, project changed since the last one) and `open_for_editing_s` (check,
backup and session claim together, project unchanged), beside `project_mb`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.services.backups import backup_project
from annotator.services.opening import open_for_editing
from annotator.services.projects import open_project
from annotator.store.connection import check_existing
from tests.benchmarks.articles import build_articles, median_seconds

ARTICLES, RUNS = 5_000, 5


def median_of(action) -> float:
    return median_seconds(action, RUNS)


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ANNOTATOR_DATA_DIR"] = folder
        path = Path(folder) / "large.annproj"
        build_articles(path, ARTICLES)
        print(f"project_mb: {path.stat().st_size / 1e6:.1f} MB")
        print(f"open_check_s: {median_of(lambda: check_existing(path)):.3f} s")

        def changed_backup() -> None:
            with open_project(path) as store:
                store.set_meta("touched", str(time.time()))
                backup_project(store, keep=3)

        print(f"backup_s: {median_of(changed_backup):.3f} s")
        print(
            f"open_for_editing_s: {median_of(lambda: open_for_editing(path, 'amal').close()):.3f} s"
        )


if __name__ == "__main__":
    main()
