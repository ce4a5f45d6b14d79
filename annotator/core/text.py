"""Canonical text: what the store keeps and every offset points into.

Canonical text has no byte-order mark, only ``\\n`` line endings, and no control
characters other than tab and newline. Qt would otherwise change positions
silently (a ``\\r\\n`` becomes one position, a leading BOM disappears, U+2029
splits a paragraph), and offsets computed in Qt would drift from the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.errors import ValidationError

BOM = "\ufeff"
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Whether _NEWLINES has anything to do: a single character class is scanned 4x faster
# than the alternation (0.04 s against 0.15 s over 10,000 articles, twice an import).
_ANY_NEWLINE = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029]")
# C0 and C1 controls except TAB and LF (newlines were normalised first), plus
# the object replacement character Qt uses for embedded objects.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffc]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Every character the three above match, in one class: one scan finds a text already
# canonical (nearly every one an import reads) where canonicalize made three and
# is_canonical four (10,000 articles: 0.04 s against 0.12 s each).
_ANY_CHANGE = re.compile(
    r"[\x00-\x08\x0b\x0c\r\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffc\ud800-\udfff]"
)


@dataclass
class CanonicalText:
    """The canonical text and what was changed to get it (empty when nothing was)."""

    text: str
    changes: list[str] = field(default_factory=list)


def canonicalize(raw: str) -> CanonicalText:
    """Return the canonical form of ``raw`` with a report of every kind of change made.

    Raises ValidationError for lone surrogates, which cannot be stored as UTF-8.
    """
    if is_canonical(raw):
        return CanonicalText(raw)
    return canonicalize_each(raw)


def canonicalize_each(raw: str) -> CanonicalText:
    """:func:`canonicalize` step by step, whatever ``raw`` holds (its result for any text)."""
    match = _SURROGATE.search(raw)
    if match:
        raise ValidationError(
            f"text contains a lone surrogate U+{ord(match.group()):04X} at offset {match.start()}"
        )
    changes = []
    text = raw
    if text.startswith(BOM):
        # All of them: a file saved twice by BOM-adding tools starts with two.
        stripped = text.lstrip(BOM)
        marks = len(text) - len(stripped)
        text = stripped
        changes.append("removed the byte-order mark" + ("" if marks == 1 else f" ({marks})"))
    count = 0
    if _ANY_NEWLINE.search(text):
        text, count = _NEWLINES.subn("\n", text)
    if count:
        changes.append(f"normalised {count} line ending(s) to \\n")
    text, count = _CONTROLS.subn("", text)
    if count:
        changes.append(f"removed {count} control character(s)")
    return CanonicalText(text, changes)


def is_canonical(text: str) -> bool:
    """True when ``canonicalize`` would leave ``text`` unchanged."""
    return not (text.startswith(BOM) or _ANY_CHANGE.search(text))


def first_line_title(text: str, limit: int = 120) -> str:
    """A title taken from the first non-empty line, shortened to ``limit`` characters."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""
