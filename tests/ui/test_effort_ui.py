"""Time and effort: the workspace records activity, the agreement window shows speed."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.services.projects import open_project


def test_activity_and_accepted_suggestions_show_in_the_speed_tab(
    qtbot, make_window, demo_path: Path
) -> None:
    window = make_window(str(demo_path))
    doc_id = window.current_document_id
    # A minute ago amal started on this document (fewer than two idle minutes: counted).
    window.project.record_activity(doc_id, "amal", when=time.time() - 60)
    window.reading_view.setFocus()
    QTest.keyClick(window.reading_view, Qt.Key.Key_N)
    QTest.keyClick(window.reading_view, Qt.Key.Key_A)  # accept: an edit, an activity tick
    with open_project(demo_path) as store:
        seconds = store.suggestions.active_seconds()["amal"][doc_id]
    assert 59 <= seconds <= 120
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    window.menu("review").actions()[0].trigger()
    table = review.agreement.effort
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert "amal" in names
    row = names.index("amal")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert table.item(row, headers.index("Suggestions accepted")).text() == "1"
    assert table.item(row, headers.index("Active time (h:mm)")).text() in ("0:01", "0:02")
