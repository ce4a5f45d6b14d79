"""A note shown on one line (a table cell, a list row): flag first, then its text."""

from __future__ import annotations

from annotator.core.notes import Note

UNSURE_FLAG = "⚑"


def note_line(note: Note | None, unsure_word: str) -> str:
    """``note`` on one line, led by ⚑ and ``unsure_word`` (translated) when flagged."""
    if note is None:
        return ""
    text = " ".join(note.text.split())
    return f"{UNSURE_FLAG} {unsure_word} {text}".rstrip() if note.unsure else text
