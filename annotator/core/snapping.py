"""Where a selection may start and end: grapheme and word snapping, proclitic trimming.

All offsets are code points, end-exclusive. These functions are pure so the
rules can be tested on their own; the reading view applies them to what the
user selected.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
# Arabic one-letter proclitics that ACE-style guidelines leave out of a mention:
# the conjunctions wa/fa and the prepositions bi/li/ka.
PROCLITICS = frozenset("وفبلك")
_MIN_LETTERS_AFTER_PROCLITIC = 3


def _extends(char: str) -> bool:
    """True for characters that belong to the grapheme before them."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char == ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors (emoji presentation)
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences (subdivision flags)
    )


def _regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def is_grapheme_boundary(text: str, offset: int) -> bool:
    """True when ``offset`` does not split a user-perceived character.

    A simplified form of Unicode's extended grapheme clusters that covers what
    news text holds: letters with harakat, emoji with modifiers, ZWJ sequences
    and flags (pairs of regional indicators).
    """
    if offset <= 0 or offset >= len(text):
        return True
    char, before = text[offset], text[offset - 1]
    if _extends(char) or before == ZWJ:
        return False
    if _regional_indicator(char) and _regional_indicator(before):
        run = 0
        while offset - run - 1 >= 0 and _regional_indicator(text[offset - run - 1]):
            run += 1
        return run % 2 == 0  # flags pair up from the start of the run
    return True


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole graphemes: a letter keeps its harakat."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while not is_grapheme_boundary(text, start):
        start -= 1
    while not is_grapheme_boundary(text, end):
        end += 1
    return start, end


def is_word_char(char: str) -> bool:
    """Letters, marks, digits, tatweel and symbols; not spaces, punctuation or bidi marks."""
    category = unicodedata.category(char)
    return not (category[0] in "PZ" or category in ("Cc", "Cf") or char.isspace())


def _next_boundary(text: str, offset: int) -> int:
    offset += 1
    while not is_grapheme_boundary(text, offset):
        offset += 1
    return offset


def _previous_boundary(text: str, offset: int) -> int:
    offset -= 1
    while not is_grapheme_boundary(text, offset):
        offset -= 1
    return offset


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen a selection to whole words, trimming spaces and punctuation at both ends.

    Works grapheme by grapheme (a grapheme is a word character when its base
    character is). Returns None when the selection holds no word character.
    """
    start, end = snap_to_graphemes(text, start, end)
    while start < end and not is_word_char(text[start]):
        start = _next_boundary(text, start)
    while end > start and not is_word_char(text[_previous_boundary(text, end)]):
        end = _previous_boundary(text, end)
    if start == end:
        return None
    while start > 0 and is_word_char(text[_previous_boundary(text, start)]):
        start = _previous_boundary(text, start)
    while end < len(text) and is_word_char(text[end]):
        end = _next_boundary(text, end)
    return start, end


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
        start = _next_boundary(text, start)
    while end > start and _is_blank(text[_previous_boundary(text, end)]):
        end = _previous_boundary(text, end)
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
