"""Bidirectional text as a reader expects it (issue 13.5): isolates in the displayed strings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from annotator.services.projects import new_project
from annotator.ui.bidi import BidiMenuStyle

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def drawn_menu_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the style is asked to draw menu items with (what the user sees)."""
    texts: list[str] = []
    original = QProxyStyle.drawControl

    def record(self, element, option, painter, widget=None):
        if element == QStyle.ControlElement.CE_MenuItem:
            texts.append(option.text)
        return original(self, element, option, painter, widget)

    monkeypatch.setattr(QProxyStyle, "drawControl", record)
    return texts


def test_arabic_menus_show_shortcuts_left_to_right(
    make_window, settings, english_afterwards, drawn_menu_texts: list[str]
) -> None:
    settings.language = "ar"
    window = make_window()
    assert isinstance(QApplication.style(), BidiMenuStyle)
    view_menu = window.menu("view")
    view_menu.popup(window.mapToGlobal(window.rect().center()))
    view_menu.grab()  # paints every item
    view_menu.hide()
    zoom = [t for t in drawn_menu_texts if "Ctrl++" in t or "Ctrl+-" in t]
    assert zoom and all(t.split("\t")[1] in (f"{LRI}Ctrl++{PDI}", f"{LRI}Ctrl+-{PDI}")
                        for t in zoom)


def test_english_menus_are_drawn_as_they_are(make_window, drawn_menu_texts: list[str]) -> None:
    window = make_window()
    view_menu = window.menu("view")
    view_menu.popup(window.mapToGlobal(window.rect().center()))
    view_menu.grab()
    view_menu.hide()
    assert any(t.endswith("\tCtrl++") for t in drawn_menu_texts)


def test_a_title_starting_with_digits_keeps_its_direction_in_english(
    make_window, tmp_path: Path
) -> None:
    path = tmp_path / "digits.annproj"
    title = "300 مليون دولار لإعمار الموصل"
    with new_project(path) as store:
        store.documents.add("نص الخبر.", title)
    window = make_window(str(path))
    assert window.windowTitle().startswith(f"{FSI}{title}{PDI} — ")
    assert window.document_list.model.index(0, 0).data() == f"{FSI}{title}{PDI}"


def test_arabic_interface_shows_the_arabic_guideline_with_isolated_examples(
    bench, settings, english_afterwards
) -> None:
    settings.language = "ar"
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    text = b.feature.guideline.toPlainText()
    assert "علّم الأشخاص" in text and "Mark people" not in text
    assert f"«{FSI}وزير الخارجية{PDI}»، «{FSI}المتظاهرون{PDI}»" in text
