"""Bidirectional text: embedded text keeps its own direction (Unicode isolates).

An Arabic title inside an English sentence, a file path inside an Arabic one,
Arabic examples between guillemets in an English guideline, a shortcut such as
"Ctrl++" in a right-to-left menu: without isolation the Unicode bidi algorithm
lets the surrounding direction reorder neighbouring digits and punctuation
("«word«", "300" moved to the other end, "++Ctrl"). FIRST STRONG ISOLATE (FSI)
... POP DIRECTIONAL ISOLATE (PDI) lays the embedded text out by its own first
strong character and makes it one neutral unit for its surroundings. Qt's text
engine implements isolates (UAX #9), so item views, labels, menus, window titles
and the status bar all honour them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QWidget,
)

FSI = "\u2068"  # FIRST STRONG ISOLATE
LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
_QUOTED = re.compile("«([^«»]*)»")


def isolate(text: str) -> str:
    """``text`` as a unit laid out in its own direction (FSI … PDI)."""
    return f"{FSI}{text}{PDI}"


def isolate_quoted(text: str) -> str:
    """Every «…» quotation of ``text`` isolated inside its guillemets.

    The guillemets stay in the sentence's direction (they are mirrored characters,
    so they would turn round inside the quotation's run), the quotation keeps its own.
    """
    return _QUOTED.sub(lambda m: f"«{isolate(m.group(1))}»", text)


def shortcut_label(sequence: QKeySequence) -> str:
    """A shortcut as shown to the user, always left to right ("Ctrl++", never "++Ctrl")."""
    return left_to_right(sequence.toString(QKeySequence.SequenceFormat.NativeText))


def left_to_right(text: str) -> str:
    """``text`` as a left-to-right unit (LRI … PDI), e.g. a key sequence or a number range."""
    return f"{LRI}{text}{PDI}" if text else text


class BidiMenuStyle(QProxyStyle):
    """Draws menu shortcuts left to right in a right-to-left interface.

    QMenu passes "label<TAB>shortcut" to the style, which lays the shortcut out in
    the menu's direction, so a trailing "+" or "," ("Ctrl++", "Ctrl+,") jumps to
    the front ("++Ctrl"). The shortcut is drawn inside a left-to-right isolate
    instead. Done in the style, it covers every menu, context menus and texts set
    later (Undo "…") alike, and leaves the actions' texts as they are.
    """

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(
            option, QStyleOptionMenuItem
        ):
            shown = displayed_menu_text(option.text, option.direction)
            if shown != option.text:
                option = QStyleOptionMenuItem(option)
                option.text = shown
        super().drawControl(element, option, painter, widget)


def displayed_menu_text(text: str, direction: Qt.LayoutDirection) -> str:
    """The "label<TAB>shortcut" text a menu item is drawn with in ``direction``."""
    if direction != Qt.LayoutDirection.RightToLeft or "\t" not in text:
        return text
    label, shortcut = text.split("\t", 1)
    if shortcut.startswith(LRI):
        return text
    return f"{label}\t{left_to_right(shortcut)}"


def install_bidi_style() -> None:
    """Make the application's style a BidiMenuStyle (once)."""
    app = QApplication.instance()
    if app is not None and not isinstance(app.style(), BidiMenuStyle):
        app.setStyle(BidiMenuStyle(app.style().name()))
