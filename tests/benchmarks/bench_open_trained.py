"""Opening a project whose recommenders were trained: the window does not wait for them.

Generates 120 articles (amal did 100), trains and stores amal's CRF and string matcher,
and prints (median of 5 opens in the main window):
- `open_trained_s`: from open_project() to its return, the window ready for keys;
- `recommenders_loaded_s`: from open_project() until the trained recommenders are loaded
  (on a worker thread) and their suggestions can show.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.window_harness import isolated_home, open_window

RUNS = 5


def main() -> None:
    """Print the opening figures."""
    with isolated_home() as home:
        from annotator.services.projects import new_project
        from tests.suggest_helpers import generated_project, trained_project

        path = trained_project(generated_project(home / "trained.annproj", count=120, done=100))
        empty = home / "empty.annproj"
        new_project(empty).close()
        app, window = open_window(empty, "amal")
        window.settings.live_recommenders = False  # opening only: no training process
        live = next(f for f in window.features if type(f).__name__ == "WorkspaceFeature")
        live = live.suggestions.live
        returned, loaded = [], []
        for _ in range(RUNS):
            window.open_project(empty)
            app.processEvents()
            started = time.perf_counter()
            window.open_project(path)
            returned.append(time.perf_counter() - started)
            while live.loading:
                app.processEvents()
                time.sleep(0.001)
            loaded.append(time.perf_counter() - started)
            if set(live.recommenders) != {"crf", "strings"}:
                raise RuntimeError(f"loaded {sorted(live.recommenders)}")
        window.close()
    print(f"open_trained_s: {statistics.median(returned):.3f} s", flush=True)
    print(f"recommenders_loaded_s: {statistics.median(loaded):.3f} s", flush=True)


if __name__ == "__main__":
    main()
