"""A drag starting on a word's last letter keeps that word (issue 13.9)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt


def glyph_end_side(b, offset: int) -> QPoint:
    """A point inside the glyph of the character at ``offset``, near its end side.

    Right to left, a letter ends on its left: a press there puts the caret after
    the letter, which is where a careless drag starts.
    """
    before, after = b.point_of(offset), b.point_of(offset + 1)
    return QPoint(after.x() + (before.x() - after.x()) // 4, before.y())


def press_drag_release(b, start: QPoint, end: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    b.mouse(QEvent.Type.MouseButtonPress, start, left)
    b.mouse(QEvent.Type.MouseMove, end, left)
    b.mouse(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_a_drag_from_the_last_letter_keeps_the_word(bench) -> None:
    b = bench()
    first = b.find("الـــأمم")  # drag from the last letter of الأمم to the end of المتحدة
    last_letter = first + len("الـــأمم") - 1
    assert b.text[last_letter] == "م"
    end = b.find("المتحدة") + len("المتحدة")
    press_drag_release(b, glyph_end_side(b, last_letter), b.point_of(end))
    b.key(Qt.Key.Key_2)
    assert b.stored_texts() == [("الـــأمم المتحدة", "ORG")]


def test_a_drag_backwards_onto_the_last_letter_keeps_it_too(bench) -> None:
    b = bench()
    start = b.find("الـــأمم")
    end_word = b.find("المتحدة") + len("المتحدة")
    press_drag_release(b, glyph_end_side(b, end_word - 1), b.point_of(start))
    b.key(Qt.Key.Key_2)
    assert b.stored_texts() == [("الـــأمم المتحدة", "ORG")]
