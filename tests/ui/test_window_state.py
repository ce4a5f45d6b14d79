"""The window remembers its size, docks, and per project the document and place (13.8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt


def top_offset(window) -> int:
    view = window.reading_view
    return view.cursorForPosition(QPoint(view.viewport().width() - 1, 0)).position()


def test_size_and_docks_are_restored(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    window.resize(740, 570)  # within the offscreen screen (800 × 600)
    guideline = window.findChild(type(window.documents_dock), "dock_guideline")
    guideline.toggleViewAction().trigger()  # View › Guideline: closed
    assert not guideline.isVisible()
    window.close()
    again = make_window(str(demo_path))
    assert (again.width(), again.height()) == (740, 570)
    assert not again.findChild(type(window.documents_dock), "dock_guideline").isVisible()


def test_last_document_and_reading_place_per_project(
    make_window, demo_path: Path, qtbot
) -> None:
    window = make_window(str(demo_path))
    window.resize(790, 560)
    window.reading_view.set_font_size(28)  # the article is longer than the view
    table = window.document_list.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the third document
    third = window.current_document_id
    assert third == window.document_list.shown_ids()[2]
    bar = window.reading_view.verticalScrollBar()
    for _ in range(2):
        qtbot.keyClick(bar, Qt.Key.Key_PageDown)  # as the scroll bar's page step does
    place = top_offset(window)
    assert place > 0
    window.close()

    again = make_window(str(demo_path))
    assert again.current_document_id == third
    assert again.document_list.current_id() == third
    qtbot.waitUntil(lambda: top_offset(again) > 0)
    assert abs(top_offset(again) - place) < 80  # the same line at the top (same width)
