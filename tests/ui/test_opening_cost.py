"""What opening a project in the window costs before its first paint (issue #12: a
100,000-article project opens in under a second).

Not timed (tests/benchmarks/bench_scale.py measures): these guard the causes. Opening
imports none of the modules the first frame does not use, reads indexes rather than
documents, and leaves gathering the recommenders' training set until after the paint.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.ui.app import create_main_window
from tests.suggest_helpers import generated_project

ROOT = Path(__file__).resolve().parents[2]

# Modules the first frame does not use, each a noticeable part of a start-up once.
NOT_IMPORTED_TO_OPEN = (
    "pandas",  # sqlite-utils imports it (and numpy) when installed
    "numpy",
    "psycopg",  # server projects only
    "annotator.store.server",
    "annotator.services.exporting",
    "annotator.services.importing",
    "annotator.services.merge",
    "annotator.services.agreement",
    "annotator.core.agreement",
    "annotator.services.predicting",
    "annotator.services.demo",  # trains recommenders when it builds the demo
    "annotator.ui.review.adjudication_window",
    "annotator.ui.review.agreement_window",
    "annotator.ui.import_export_dialogs",
)

# A fresh interpreter opens the window on argv[1] and, at its first paint, prints the
# modules imported so far.
CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from annotator.ui.app import application, create_main_window

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            application().exit(0)
        return False

app = application()
window = create_main_window(sys.argv[1:])
painted = FirstPaint()
window.document_list.table.viewport().installEventFilter(painted)
window.show()
code = app.exec()
window.close_project()
sys.exit(code)
"""


def child_env(home: Path) -> dict[str, str]:
    """The environment of an application with its own folders and a chosen annotator."""
    config = home / "config"
    config.mkdir(parents=True)
    (config / "settings.ini").write_text("[annotator]\nname=amal\n", encoding="utf-8")
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "ANNOTATOR_DATA_DIR": str(home / "data"),
        "ANNOTATOR_CONFIG_DIR": str(config),
        "ANNOTATOR_LOG_DIR": str(home / "logs"),
    }


def test_opening_the_window_imports_only_what_its_first_frame_needs(tmp_path: Path) -> None:
    project = generated_project(tmp_path / "generated.annproj", count=40, done=20)
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(project)],
        env=child_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    imported = set(json.loads(run.stdout.splitlines()[0]))
    assert "annotator.ui.main_window" in imported  # the child did open the window
    assert sorted(imported.intersection(NOT_IMPORTED_TO_OPEN)) == []


def test_what_opening_skipped_is_importable_later() -> None:
    """The facade's use cases name their functions as text: each must resolve."""
    from annotator.services.project import Project, _UseCase

    use_cases = {name: c for name, c in vars(Project).items() if isinstance(c, _UseCase)}
    assert len(use_cases) > 40
    for name, use_case in use_cases.items():
        function = use_case.function
        assert callable(function), name
        assert function.__module__.startswith("annotator.services."), name


# What opening may read whole: the file's catalogue and tables of a few rows each. Any
# other table is read through an index; a scan of a covering index (count(*)) reads
# the index only, never a document's text.
SMALL_TABLES = {
    "CONSTANT ROW",
    "sqlite_master",
    "annotators",
    "project_meta",
    "documents_search_config",  # the search index's settings, read by SQLite's FTS5
}
_SCAN = re.compile(r"^SCAN (?:main\.)?(CONSTANT ROW|\w+)")


def test_opening_a_large_project_reads_indexes_not_documents(
    tmp_path: Path, settings, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.store import connection

    # Every file "large": its pages are checked by the background backup, as a large
    # project's are, and no whole-file check runs before the window shows.
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)
    path = generated_project(tmp_path / "generated.annproj", count=40, done=20)
    statements = _traced_until_first_paint(path, qtbot, monkeypatch)
    assert any("FROM documents" in s for s in statements)  # the list did read
    plans = _query_plans(path, statements)
    scans = [
        (step, sql)
        for sql, steps in plans.items()
        for step in steps
        if (scan := _SCAN.match(step))
        and scan.group(1) not in SMALL_TABLES
        and "USING COVERING INDEX" not in step
    ]
    assert scans == []


def _traced_until_first_paint(path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements the window's thread ran from opening ``path`` to its first paint."""
    seen: list[str] = []
    gui = threading.get_ident()
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(lambda sql: threading.get_ident() == gui and seen.append(sql))
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    window = create_main_window([str(path)])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_paint.painted)
    statements = list(seen)
    monkeypatch.setattr(sqlite3, "connect", connect)
    window.close()
    return statements


def _query_plans(path: Path, statements: list[str]) -> dict[str, list[str]]:
    """Each query's plan steps, as SQLite explains them on the project file."""
    plans: dict[str, list[str]] = {}
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for sql in statements:
            if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                plans[sql] = [row[3] for row in reader.execute(f"EXPLAIN QUERY PLAN {sql}")]
    finally:
        reader.close()
    return plans


def test_the_training_set_is_gathered_after_the_first_paint(
    tmp_path: Path, settings, qtbot
) -> None:
    settings.live_recommenders = True
    path = generated_project(tmp_path / "generated.annproj", count=30, done=20)
    window = create_main_window([str(path)])
    qtbot.addWidget(window)
    live = window.features[0].suggestions.live
    assert not window.first_paint.painted and not live.busy  # opened, nothing gathered
    window.show()
    qtbot.waitUntil(lambda: live.busy)  # never trained, 20 done: training starts now
    window.close()

