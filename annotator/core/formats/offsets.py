"""UTF-16 offsets beside code-point ones, for JavaScript consumers.

JavaScript strings count UTF-16 code units: every character outside the Basic
Multilingual Plane (most emoji) takes two, so offsets drift after the first one.
The conversion itself is core.offsets.OffsetMap, the one the reading view uses.
"""

from __future__ import annotations

from annotator.core.offsets import OffsetMap


class Utf16Offsets:
    """Converts code-point offsets of one text into UTF-16 code-unit offsets."""

    def __init__(self, text: str) -> None:
        self._map = OffsetMap(text)

    def __call__(self, offset: int) -> int:
        """The UTF-16 offset of code-point offset ``offset``."""
        return self._map.to_qt(offset)
