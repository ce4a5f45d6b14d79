"""Conversion between Qt positions (UTF-16 code units) and stored offsets (code points).

Qt counts a character above U+FFFF (an emoji, a rare CJK ideograph) as two
positions; Python and the project file count it as one. Every conversion in
the program goes through :class:`OffsetMap`, built once per document text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Maps code-point offsets of one text to UTF-16 positions and back.

    Only the code-point indices of astral characters (above U+FFFF) are kept:
    a text without any (most Arabic news) takes the identity fast path.
    """

    __slots__ = ("_astral", "_astral_qt", "code_points", "utf16_length")

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character: its index plus the astral ones before it.
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.code_points = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """True when code points and UTF-16 positions coincide (no astral characters)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """The UTF-16 position of code-point ``offset`` (0 <= offset <= length)."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of UTF-16 ``position``.

        A position inside a surrogate pair (between its two halves) maps to the
        start of that character, so a selection never splits an emoji.
        """
        if not self._astral:
            return position
        # Each astral character starting before ``position`` took one extra unit.
        return position - bisect_left(self._astral_qt, position)

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """A code-point range as a UTF-16 range."""
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 range as a code-point range, widened to whole characters."""
        cp_start = self.from_qt(start)
        cp_end = self.from_qt(end)
        if self._astral and self.to_qt(cp_end) < end:
            cp_end += 1  # the end fell inside a surrogate pair: include that character
        return cp_start, cp_end
