"""Finding text the way an Arabic reader means it: harakat, tatweel and hamza forms ignored.

The text is normalised character by character while remembering where each
kept character came from, so a hit in the normalised text maps back to the
original (code-point) offsets, marks included.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyarabic import araby

from annotator.core.snapping import snap_to_graphemes
from annotator.core.words import word_containing

_HAMZA_FORMS = {
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    araby.WAW_HAMZA: araby.WAW,
    araby.YEH_HAMZA: araby.YEH,
    araby.HAMZA: "",
    araby.HAMZA_ABOVE: "",
    araby.HAMZA_BELOW: "",
}
_BIDI_MARKS = frozenset("\u200e\u200f\u061c\u200c\u200d")
_IGNORED = frozenset(araby.TASHKEEL) | {araby.TATWEEL} | _BIDI_MARKS
# The same rules as one str.translate table, for folding whole texts at C speed.
_FOLD_TABLE = {ord(char): None for char in _IGNORED} | {
    ord(char): base or None for char, base in _HAMZA_FORMS.items()
}

# The same again as (character, replacement) pairs for str.replace, which runs at
# memory speed where translate looks every character up (16.5 million characters of
# Arabic, 10,000 articles: 0.1 s against 0.9 s). Replacing one pair after another is
# the same as translating at once because no replacement is itself folded (tested).
_FOLD_PAIRS = tuple((chr(code), base or "") for code, base in _FOLD_TABLE.items())


def fold_table() -> dict[int, str]:
    """Code point -> replacement ('' to drop it) of the Arabic folding, for other
    implementations of ``fold`` (the project file's search index folds in SQL)."""
    return {code: base or "" for code, base in _FOLD_TABLE.items()}


def normalize_char(char: str) -> str:
    """The normalised form of one character ('' when it is ignored)."""
    if char in _IGNORED:
        return ""
    if char in _HAMZA_FORMS:
        return _HAMZA_FORMS[char]
    return char.casefold()


def fold(text: str) -> str:
    """``text`` normalised for searching (what ``normalize`` gives, without the origins)."""
    return fold_arabic(text).casefold()


def fold_arabic(text: str) -> str:
    """``fold`` without the letter-case folding (the full-text index folds case itself)."""
    for char, base in _FOLD_PAIRS:
        if char in text:  # a scan that stops early: most texts lack most of these
            text = text.replace(char, base)
    return text


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and, for each of its characters, the original offset."""

    text: str
    origins: tuple[int, ...]

    def to_original(self, start: int, end: int, original: str) -> tuple[int, int]:
        """The original range of normalised ``[start, end)``, with trailing harakat."""
        first = self.origins[start]
        last = self.origins[end - 1] + 1
        return snap_to_graphemes(original, first, last)


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for searching, keeping the origin of each character."""
    chars: list[str] = []
    origins: list[int] = []
    for offset, char in enumerate(text):
        for out in normalize_char(char):
            chars.append(out)
            origins.append(offset)
    return NormalizedText("".join(chars), tuple(origins))


def normalize_query(query: str) -> str:
    """The normalised form of a search query."""
    return "".join(normalize_char(char) for char in query).strip()


def find_all(
    text: str, query: str, normalized: NormalizedText | None = None
) -> list[tuple[int, int]]:
    """Every (non-overlapping) match of ``query`` in ``text`` as original offsets."""
    needle = normalize_query(query)
    if not needle:
        return []
    haystack = normalized or normalize(text)
    hits = []
    position = haystack.text.find(needle)
    while position >= 0:
        hits.append(haystack.to_original(position, position + len(needle), text))
        position = haystack.text.find(needle, position + len(needle))
    return hits


def is_whole_word(text: str, start: int, end: int, allow_proclitic: bool = True) -> bool:
    """True when ``[start, end)`` is a whole word, or a word after a proclitic (و ف ب ل ك).

    Words are those of :mod:`annotator.core.words`: ``3`` in ``3.5`` or ``می`` in
    ``می‌خواهم`` is not whole. "Label all occurrences" proposes such matches
    checked and the others (inside a longer word) unchecked.
    """
    if word_containing(text, end) is not None:
        return False
    around_start = word_containing(text, start)
    if around_start is None:
        return True
    if not allow_proclitic:
        return False
    prefix = "".join(normalize_char(char) for char in text[around_start[0] : start])
    return 0 < len(prefix) <= 2 and all(char in "وفبلك" for char in prefix)
