"""Counts in their plural forms, and user text never re-substituted (issues 13.6 and 15)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from annotator.ui.i18n import fill

CTRL = Qt.KeyboardModifier.ControlModifier
FSI, PDI = "\u2068", "\u2069"


def label_all_once_more(b) -> str:
    """Label «الخارجية» (twice in the article): label-all finds exactly one more."""
    b.double_click(b.find("الخارجية") + 3)
    b.key(Qt.Key.Key_2)
    b.key(Qt.Key.Key_L, CTRL, b.window)
    dialog = b.feature.label_all.dialog
    summary = dialog.summary.text()
    b.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return summary


def test_label_all_of_one_occurrence_says_occurrence(bench) -> None:
    b = bench()
    summary = label_all_once_more(b)
    assert summary == "1 new occurrence"
    undo_text = b.workspace.undo_group.undoText()
    assert undo_text == f"Label 1 occurrence of «{FSI}الخارجية{PDI}» as ORG"


def test_label_all_in_arabic_uses_the_arabic_plural(bench, settings, english_afterwards) -> None:
    settings.language = "ar"
    b = bench()
    summary = label_all_once_more(b)
    assert summary == "موضع جديد واحد"
    assert b.workspace.undo_group.undoText() == f"توسيم موضع واحد لـ«{FSI}الخارجية{PDI}» بـ ORG"


@given(st.lists(st.text(alphabet="%12ab", max_size=6), min_size=1, max_size=3))
def test_fill_never_substitutes_inside_inserted_text(values: list[str]) -> None:
    template = " | ".join(f"%{i}" for i in range(1, len(values) + 1))
    assert fill(template, *values) == " | ".join(values)


def test_fill_leaves_unknown_placeholders() -> None:
    assert fill("%1 and %3", "a%2") == "a%2 and %3"
