"""Review › Progress: per status, per annotator, time worked (issue 13.17)."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.services.progress import worked_seconds

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_progress_shows_each_annotator_by_status(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    view = review.progress
    assert view is not None and view.isVisible()
    table = view.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names[:2] == ["\u2068amal\u2069", "\u2068karim\u2069"]
    documents = view.progress.documents
    for row in range(2):
        counts = [int(table.item(row, c).text()) for c in range(1, 5)]
        assert sum(counts) == documents
        assert int(table.item(row, 6).text()) > 0  # spans
        assert table.cellWidget(row, 5).value() == counts[2]  # the bar shows the done share
    assert view.summary.text().startswith(f"{documents} documents")


def test_time_worked_leaves_out_long_pauses() -> None:
    start = datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.timezone.utc)
    minutes = [0, 1, 3, 4, 60, 62]  # a break of 56 minutes
    times = [start + datetime.timedelta(minutes=m) for m in minutes]
    assert worked_seconds(times) == 6 * 60
