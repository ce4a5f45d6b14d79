"""Asks before labelling a span that crosses a paragraph break or is unusually long.

Ctrl+A then a label key would otherwise label a whole article in one keystroke.
The question says why (see core/span_guard.py) and defaults to No.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.schema import Schema
from annotator.core.span_guard import Concern, span_concerns
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill, translate

PREVIEW = 60


def confirm_span(
    parent: QWidget, text: str, start: int, end: int, label: str, schema: Schema
) -> bool:
    """True when ``[start, end)`` may be labelled: nothing unusual, or the user said Yes."""
    concerns = span_concerns(text, start, end, schema)
    if not concerns:
        return True
    reasons = []
    for concern in concerns:
        if concern.concern is Concern.PARAGRAPH:
            reasons.append(translate("SpanGuard", "It crosses a paragraph break."))
        else:
            reasons.append(fill(
                translate("SpanGuard", "It is longer than the %1 characters the schema allows."),
                concern.limit,
            ))
    covered = " ".join(text[start:end].split())
    preview = covered if len(covered) <= PREVIEW else covered[: PREVIEW - 1] + "…"
    question = fill(
        translate("SpanGuard", "Label %1 characters as %2?"), end - start, label
    )
    box = QMessageBox(QMessageBox.Icon.Question, translate("SpanGuard", "Label a long span?"),
                      question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("\n".join([*reasons, "", f"«{isolate(preview)}»"]))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
