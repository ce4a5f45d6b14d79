"""Where a selection may start and end: grapheme and word snapping, proclitic trimming.

All offsets are code points, end-exclusive. What a grapheme and a word are is
defined once, in :mod:`annotator.core.words`; these functions are pure so the
rules can be tested on their own, and the reading view applies them to what the
user selected.
"""

from __future__ import annotations

import unicodedata

from annotator.core import words
from annotator.core.words import grapheme_around, is_grapheme_boundary

__all__ = [
    "PROCLITICS",
    "is_grapheme_boundary",
    "snap_selection",
    "snap_to_graphemes",
    "snap_to_words",
    "trim_proclitic",
]

# Arabic one-letter proclitics that ACE-style guidelines leave out of a mention:
# the conjunctions wa/fa and the prepositions bi/li/ka.
PROCLITICS = frozenset("وفبلك")
_MIN_LETTERS_AFTER_PROCLITIC = 3


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole graphemes: a letter keeps its harakat."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if 0 < start < len(text):
        start = grapheme_around(text, start)[0]
    if 0 < end < len(text) and not is_grapheme_boundary(text, end):
        end = grapheme_around(text, end)[1]
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen a selection to whole units (words and symbols, see core.words), trimming
    spaces and punctuation at both ends.

    A selection touching any part of ``3.5`` or ``می‌خواهم`` takes all of it.
    Returns None when the selection holds no word or symbol.
    """
    start, end = snap_to_graphemes(text, start, end)
    low, high = words.line_bounds(text, start, end)
    touched = [
        (a, b)
        for a, b in words.units(text, low, high)
        if b > start and a < end and not words.is_punctuation_unit(text, a, b)
    ]
    if start == end or not touched:
        return None
    return touched[0][0], touched[-1][1]


def _is_blank(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"


def snap_selection(text: str, start: int, end: int, words: bool) -> tuple[int, int] | None:
    """The range a selection labels: whole graphemes, and whole words when ``words``.

    Returns None for a selection that is empty or holds only spaces/punctuation.
    """
    if words:
        return snap_to_words(text, start, end)
    start, end = snap_to_graphemes(text, start, end)
    while start < end and _is_blank(text[start]):
        start = snap_to_graphemes(text, start + 1, start + 1)[1]
    while end > start and _is_blank(text[end - 1]):
        end = snap_to_graphemes(text, end - 1, end - 1)[0]
    return (start, end) if start < end else None


def trim_proclitic(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop one leading proclitic letter (و ف ب ل ك) and its harakat from a selection.

    Left unchanged when the selection does not start with one, or when fewer than
    three letters would remain (``ولد`` or ``بلد`` are words, not a clitic and a stem).
    """
    if start >= end or text[start] not in PROCLITICS:
        return start, end
    _, after = snap_to_graphemes(text, start, start + 1)
    letters = sum(1 for char in text[after:end] if char.isalpha() and char != "ـ")
    if letters < _MIN_LETTERS_AFTER_PROCLITIC:
        return start, end
    return after, end
