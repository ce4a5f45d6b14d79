"""Making an imported record's text canonical without losing its offsets.

Canonicalisation (core.text) drops a BOM and control characters and turns
``\\r\\n`` into ``\\n``: offsets read from the file point into the raw text and are
moved along with the characters they point at. A boundary between ``\\r`` and
``\\n`` has no canonical position and is refused.
"""

from __future__ import annotations

from annotator.core.errors import ValidationError
from annotator.core.formats.records import DocumentRecord
from annotator.core.text import canonicalize

_NO_POSITION = -1


def canonicalize_record(record: DocumentRecord) -> list[str]:
    """Make ``record.text`` canonical in place, moving its offsets; returns the changes made.

    Raises ValidationError for lone surrogates or a boundary inside a ``\\r\\n``.
    """
    result = canonicalize(record.text)
    if result.text == record.text:
        return []
    if record.has_annotations:
        positions = _position_map(record.text)
        for item in [*record.entities, *record.events]:
            item.start = _moved(positions, item.start)
            item.end = _moved(positions, item.end)
    record.text = result.text
    return result.changes


def _position_map(raw: str) -> list[int]:
    """The canonical position of each raw position 0..len(raw)."""
    positions, kept, i = [], 0, 0
    while i < len(raw):
        piece = "\r\n" if raw.startswith("\r\n", i) else raw[i]
        positions.append(kept)
        if len(piece) == 2:
            positions.append(_NO_POSITION)
        # Canonicalise piece by piece; the "a" guard keeps a BOM after the start.
        kept += len(canonicalize(piece if i == 0 else "a" + piece).text) - (i != 0)
        i += len(piece)
    positions.append(kept)
    return positions


def _moved(positions: list[int], offset: int) -> int:
    if not isinstance(offset, int) or not 0 <= offset < len(positions):
        return offset  # out of range: validate_record reports it against the text
    if positions[offset] == _NO_POSITION:
        raise ValidationError(f"offset {offset} falls between \\r and \\n of a line ending")
    return positions[offset]
