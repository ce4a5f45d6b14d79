"""Showing user text (titles, article text, file names) as plain text in Qt widgets.

Qt guesses rich text in tooltips and in labels and message boxes left at
``Qt.AutoText``: a title like ``<b>عاجل</b>`` would turn bold and ``&amp;``
into ``&``. Everything a user or a file wrote goes through these helpers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def as_tooltip(text: str) -> str:
    """Plain text made safe for QToolTip, which would otherwise interpret markup."""
    return "<p style='white-space:pre'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` literally, markup included."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
