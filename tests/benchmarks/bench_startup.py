"""Cold start to a painted main window on the demo project, and the peak memory it takes.

Prints `startup_s` (median of 5 runs, process spawn to first paint of the window)
and `peak_rss_mb` (largest resident set of those runs).
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.window_harness import app_env, first_paint_seconds

RUNS = 5


def run_once(env: dict[str, str]) -> float:
    """Seconds from spawning the process to its first painted window."""
    return first_paint_seconds(env, "reading_view")


def main() -> None:
    """Print the start-up figures."""
    with tempfile.TemporaryDirectory() as home:
        env = app_env(Path(home), "bench")
        run_once(env)  # first run creates the demo project; not a start-up figure
        times = [run_once(env) for _ in range(RUNS)]
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"startup_s: {statistics.median(times):.3f} s", flush=True)
    print(f"peak_rss_mb: {peak_kb / 1024:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
