"""What the GUI benchmarks share: an isolated home, the main window on a project, a paint
counter, and the first-paint time of a freshly spawned application.

Not a benchmark itself (run_all.py runs bench_*.py only).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The child process of first_paint_seconds(): it prints "painted" at the first paint of
# the widget named by argv[1] (an attribute path from the window), then quits.
FIRST_PAINT_CHILD = """
import sys
from operator import attrgetter
from PySide6.QtCore import QEvent, QObject
from annotator.ui.app import application, create_main_window

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            application().exit(0)
        return False

app = application()
window = create_main_window(sys.argv[2:])
painted = FirstPaint()
attrgetter(sys.argv[1])(window).viewport().installEventFilter(painted)
window.show()
code = app.exec()
window.close_project()
sys.exit(code)
"""


@contextlib.contextmanager
def isolated_home() -> Iterator[Path]:
    """A temporary folder holding this process's data, settings and logs."""
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        for name in ("DATA", "CONFIG", "LOG"):
            os.environ[f"ANNOTATOR_{name}_DIR"] = f"{home}/{name.lower()}"
        yield Path(home)


def open_window(path: Path, annotator: str, show_first: bool = False):
    """(app, window): the main window, 1400×900, on ``path`` as ``annotator``, painted.

    ``show_first`` shows the window before opening the project (the layout the
    project then lands in is the one a person sees), else opens it and then shows it.
    """
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

    app = application()
    settings = AppSettings()
    settings.annotator = annotator
    window = MainWindow(settings, annotator)
    if not show_first:
        window.open_project(path)
    window.resize(1400, 900)
    window.show()
    if show_first:
        window.open_project(path)
    app.processEvents()
    return app, window


def paint_counter(widget):
    """An event filter installed on ``widget`` whose ``paints`` counts its paint events."""
    from PySide6.QtCore import QEvent, QObject

    class PaintSpy(QObject):
        paints = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    spy = PaintSpy()
    widget.installEventFilter(spy)
    return spy


def p95(samples: list[float]) -> float:
    """The 95th percentile of ``samples`` (nearest rank below)."""
    ordered = sorted(samples)
    return ordered[int(len(ordered) * 0.95) - 1]


def app_env(home: Path, annotator: str) -> dict[str, str]:
    """An environment for a spawned application with its own folders, the annotator chosen
    (the first-run question would wait for a person)."""
    settings = home / "config" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[annotator]\nname={annotator}\n", encoding="utf-8")
    return {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
        "ANNOTATOR_DATA_DIR": f"{home}/data",
        "ANNOTATOR_CONFIG_DIR": f"{home}/config",
        "ANNOTATOR_LOG_DIR": f"{home}/logs",
    }


def first_paint_seconds(
    env: dict[str, str], watched: str, project: Path | None = None, timeout: float = 60
) -> float:
    """Seconds from spawning the application (on ``project``, else its default) to the first
    paint of the window's widget ``watched`` (e.g. "reading_view")."""
    started = time.perf_counter()
    args = [str(project)] if project is not None else []
    proc = subprocess.Popen(
        [sys.executable, "-c", FIRST_PAINT_CHILD, watched, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    _, errors = proc.communicate(timeout=timeout)
    if line.strip() != "painted":
        raise RuntimeError(f"opening failed (exit {proc.returncode}):\n{errors}")
    return elapsed
