"""Scale: a project of 100,000 generated articles (~20 spans each, two annotators).

Runs only with ANNOTATOR_BENCH_LARGE=1 (or ANNOTATOR_BENCH_ARTICLES=N for another
size): the project is ~1 GB and building it the first time takes a minute or two
(large_corpus keeps it in the temporary folder for later runs). Prints:
  open_100k_s          process start to the painted main window on the project (median of 3)
  open_100k_warm_s     the same, project already open once (backup unchanged)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from large_corpus import built_project  # noqa: E402

RUNS = 3

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
window = create_main_window([sys.argv[1]])
painted = FirstPaint()
window.document_list.table.viewport().installEventFilter(painted)
window.show()
code = app.exec()
window.close_project()
sys.exit(code)
"""


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
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    _, errors = proc.communicate(timeout=600)
    if line.strip() != "painted":
        raise RuntimeError(f"opening failed (exit {proc.returncode}):\n{errors}")
    return elapsed


def app_env(home: str) -> dict[str, str]:
    """An environment with its own settings (the annotator already chosen)."""
    settings = Path(home) / "config" / "settings.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[annotator]\nname=amal\n", encoding="utf-8")
    return {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
        "ANNOTATOR_DATA_DIR": f"{home}/data",
        "ANNOTATOR_CONFIG_DIR": f"{home}/config",
        "ANNOTATOR_LOG_DIR": f"{home}/logs",
    }


def main() -> None:
    """Print the figures (nothing unless asked for, see the module's docstring)."""
    count = articles()
    if not count:
        return
    name = label(count)
    project = built_project(count)
    with tempfile.TemporaryDirectory() as home:
        env = app_env(home)
        first = open_window(project, env)
        warm = [open_window(project, env) for _ in range(RUNS)]
    print(f"project_{name}_mb: {project.stat().st_size / 1e6:.0f} MB", flush=True)
    print(f"open_{name}_s: {first:.2f} s", flush=True)
    print(f"open_{name}_warm_s: {statistics.median(warm):.2f} s", flush=True)


if __name__ == "__main__":
    main()
