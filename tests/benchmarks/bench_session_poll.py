"""What a window's timers cost on a large project: the refresh poll and the heartbeat.

Builds a project of 5,000 generated articles (20 spans apiece, half of them
karim's) and prints the median of 200 runs of: `poll_quiet_ms` (the check every
3 s when nothing was saved elsewhere), `poll_changed_ms` (the check when another
window saved: data_version plus the change stamp of the window's annotator) and
`heartbeat_ms` (the write every 30 s).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.services.opening import open_for_editing
from tests.benchmarks.articles import build_articles, median_seconds

ARTICLES, RUNS = 5_000, 200


def median_ms(action: Callable[[], object]) -> float:
    return median_seconds(action, RUNS) * 1000


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ANNOTATOR_DATA_DIR"] = folder
        path = Path(folder) / "large.annproj"
        build_articles(path, ARTICLES, ("karim", "amal"))  # half karim's
        opened = open_for_editing(path, "amal", keep_backups=1)
        store = opened.store
        print(f"poll_quiet_ms: {median_ms(store.data_version):.3f} ms")

        def changed() -> None:
            store.data_version()
            store.annotators.change_stamp("amal")

        print(f"poll_changed_ms: {median_ms(changed):.3f} ms")
        assert opened.session is not None
        print(f"heartbeat_ms: {median_ms(opened.session.heartbeat):.3f} ms")
        opened.close()


if __name__ == "__main__":
    main()
