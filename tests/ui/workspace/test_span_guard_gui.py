"""Ctrl+A then a label key asks first (issue 13.10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

CTRL = Qt.KeyboardModifier.ControlModifier


class Asked(list):
    """Questions asked (text, then the reasons); ``replies`` answers them in turn."""

    replies: list[QMessageBox.StandardButton]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """The question boxes shown, answered with the next of ``answers.replies``."""
    asked = Asked()
    replies: list[QMessageBox.StandardButton] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        return int(replies.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    asked.replies = replies
    return asked


def test_labelling_everything_asks_first_and_no_keeps_nothing(bench, answers) -> None:
    b = bench()
    b.view.setFocus()
    b.key(Qt.Key.Key_A, CTRL)  # the whole article, two paragraphs
    answers.replies.append(QMessageBox.StandardButton.No)
    b.key(Qt.Key.Key_1)
    assert len(answers) == 1 and "crosses a paragraph break" in answers[0]
    question = answers[0].splitlines()[0]  # the snapped selection: the final dot left out
    assert question == f"Label {len(b.text) - 1} characters as PER?"
    assert b.stored_spans() == []
    answers.replies.append(QMessageBox.StandardButton.Yes)
    b.key(Qt.Key.Key_1)  # asked again: Yes labels it
    assert [s.label for s in b.stored_spans()] == ["PER"]


def test_a_word_is_labelled_without_a_question(bench, answers) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    assert answers == [] and len(b.stored_spans()) == 1
