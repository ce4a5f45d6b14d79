"""A note shown on one line (a table cell, a list row): flag first, then its text."""

from __future__ import annotations

from annotator.core.notes import Note
from annotator.ui.bidi import isolate

UNSURE_FLAG = "⚑"


def note_line(note: Note | None, unsure_word: str) -> str:
    """``note`` on one line, led by ⚑ and ``unsure_word`` (translated) when flagged."""
    if note is None:
        return ""
    text = " ".join(note.text.split())
    if not note.unsure:
        return text
    # The note isolated: an Arabic note after an English "unsure" keeps its own order.
    flag = f"{UNSURE_FLAG} {unsure_word}"
    return f"{flag} {isolate(text)}" if text else flag
