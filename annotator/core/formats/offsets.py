"""UTF-16 offsets beside code-point ones, for JavaScript consumers.

JavaScript strings count UTF-16 code units: every character outside the Basic
Multilingual Plane (most emoji) takes two, so offsets drift after the first one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Converts code-point offsets of one text into UTF-16 code-unit offsets."""

    def __init__(self, text: str) -> None:
        # Code-point positions of the astral characters, in order: each one before
        # an offset adds one extra code unit.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        """The UTF-16 offset of code-point offset ``offset``."""
        return offset + bisect_left(self._astral, offset)
