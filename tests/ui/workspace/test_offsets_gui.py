"""The one offset conversion against Qt's own positions, on a text with astral characters."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from tests.ui.workspace.conftest import ARTICLE

PARAGRAPH = "\u2029"  # what Qt puts in selectedText() for a line break


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_qt_selection_maps_to_the_same_code_points(bench_once, data) -> None:
    b = bench_once
    utf16 = b.workspace.annotations.offsets.utf16_length
    start = data.draw(st.integers(0, utf16 - 1))
    end = data.draw(st.integers(start + 1, utf16))
    cursor = b.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    b.view.setTextCursor(cursor)
    first, last = b.workspace.annotations.offsets.range_from_qt(start, end)
    selected = b.view.textCursor().selectedText().replace(PARAGRAPH, "\n")
    # Qt may hold half an emoji at an end; the code points cover it whole.
    assert selected.encode("utf-16-le", "surrogatepass") in ARTICLE[first:last].encode(
        "utf-16-le", "surrogatepass")
    if b.workspace.annotations.offsets.range_to_qt(first, last) == (start, end):
        assert ARTICLE[first:last] == selected
