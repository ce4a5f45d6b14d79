"""Cold start to a painted main window on the demo project, and the peak memory it takes.

Prints `startup_s` (median of 5 runs, process spawn to first paint of the window)
and `peak_rss_mb` (largest resident set of those runs).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5

CHILD = """
import sys
from PySide6.QtCore import QEvent, QObject
from annotator.ui.app import application, create_main_window

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            application().exit(0)
        return False

app = application()
window = create_main_window([])
painted = FirstPaint()
window.reading_view.viewport().installEventFilter(painted)
window.show()
sys.exit(app.exec())
"""


def run_once(env: dict[str, str]) -> float:
    """Seconds from spawning the process to its first painted window."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    _, errors = proc.communicate(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"start-up run failed (exit {proc.returncode}):\n{errors}")
    return elapsed


def main() -> None:
    """Print the start-up figures."""
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPATH": str(ROOT),
            "ANNOTATOR_DATA_DIR": f"{home}/data",
            "ANNOTATOR_CONFIG_DIR": f"{home}/config",
            "ANNOTATOR_LOG_DIR": f"{home}/logs",
        }
        # The annotator is already chosen (the first-run question would wait for a person).
        settings = Path(home) / "config" / "settings.ini"
        settings.parent.mkdir(parents=True)
        settings.write_text("[annotator]\nname=bench\n", encoding="utf-8")
        run_once(env)  # first run creates the demo project; not a start-up figure
        times = [run_once(env) for _ in range(RUNS)]
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"startup_s: {statistics.median(times):.3f} s", flush=True)
    print(f"peak_rss_mb: {peak_kb / 1024:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
