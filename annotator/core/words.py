"""What a grapheme and a word are: the one definition snapping, tokenising and search share.

* A **grapheme** is Unicode's extended grapheme cluster (UAX #29), matched by the
  ``regex`` module's ``\\X``: a letter with its harakat, an emoji with its
  modifiers and zero-width-joined parts, a flag, and a Prepend character
  (U+0600–U+0605, the Arabic number and year signs) with what follows it.
  ``re`` has no ``\\X``; a hand-written cluster rule had drifted from the standard.
* A **word** is a run of graphemes built on letters, digits, ``_``, tatweel and
  the zero-width (non-)joiners, so ``الـــعاصمة`` and ``می‌خواهم`` are one word.
  Digits joined by ``.``, ``,``, ``٫`` or ``٬`` are one number (``3.5``, ``1,000``,
  ``٣٫٥``).
* A **symbol** is any other grapheme that is not a separator (whitespace or an
  invisible direction mark); a run of the same punctuation (``...``) is one symbol.

Words and symbols are the *units* of a text: a selection snaps to whole units,
the export tokenizer emits them as tokens, and search calls a hit whole when no
word runs across its ends. All offsets are code points, end-exclusive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import regex

# Whitespace and the invisible direction marks: they separate units and belong to none.
SEPARATORS = "\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
INVISIBLE = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_EXTEND = r"[\p{GCB=Extend}\p{GCB=SpacingMark}\p{GCB=ZWJ}]"
_NUMBER_JOINERS = ".,\u066b\u066c"
# regex's \w holds letters, marks, digits, connector punctuation and ZWNJ/ZWJ; a
# word may not start with a joiner or a mark (a mark after a space is a grapheme
# with that space, and belongs to no unit).
# Letters run together; digits go one by one, so that a joiner between two joins them.
_WORD_PIECE = rf"\p{{GCB=Prepend}}*(?:\d(?:[{_NUMBER_JOINERS}](?=\d))?|[^\W\d]+)"
_WORD = rf"(?:(?!{_EXTEND}){_WORD_PIECE}{_EXTEND}*)(?:{_WORD_PIECE}{_EXTEND}*)*"
# A symbol starts a grapheme: a mark or modifier after a space, or a Prepend sign
# before one, shares that space's grapheme and belongs to no unit.
_SYMBOL = rf"(?![{SEPARATORS}]|\w|{_EXTEND}|\p{{GCB=Prepend}}+[{SEPARATORS}])\X"
WORD_RE = regex.compile(_WORD)
# One unit: a word, a run of the same symbol, or one symbol.
# The run's end is checked to be a grapheme boundary: \1 repeats the text of one
# grapheme, which may be only the start of the next (😀 before 😀 with a haraka).
UNIT_RE = regex.compile(rf"{_WORD}|({_SYMBOL})\1+(?!{_EXTEND})|{_SYMBOL}")
GRAPHEME_RE = regex.compile(r"\X")
_PREPEND_RE = regex.compile(r"\p{GCB=Prepend}")

# Most news text is plain: Arabic and Latin letters, harakat on letters, digits, spaces
# and common punctuation. There a unit is simple enough for `re`, which finds the same
# units twice as fast as the grapheme rules above (a third of agreement's time, most of
# a token export's). Units never hold a space, tab or line break, so a text is cut at
# them: the stretch around anything else (an emoji, a joiner, a mark after a space,
# another script) goes to UNIT_RE, the rest to the plain pattern. A property test holds
# the two to the same units (kept in step with _WORD and _SYMBOL by hand: its reason).
_PLAIN_LETTERS = "A-Za-z\u0621-\u063a\u0640-\u064a"
_PLAIN_MARKS = "\u064b-\u0652"
_PLAIN_DIGITS = "0-9\u0660-\u0669"
_PLAIN_SYMBOLS = re.escape(".,;:!?()[]{}\"'-/%*#@&+=<>|~^$\\") + (
    "\u060c\u061b\u061f\u00ab\u00bb\u066a-\u066c\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac\u00a3"
)
_PLAIN_SPACES = " \n\t"
_NOT_PLAIN = re.compile(
    rf"[^{_PLAIN_LETTERS}{_PLAIN_MARKS}{_PLAIN_DIGITS}{_PLAIN_SYMBOLS}{_PLAIN_SPACES}]"
    rf"|(?:^|[^{_PLAIN_LETTERS}{_PLAIN_DIGITS}{_PLAIN_MARKS}])[{_PLAIN_MARKS}]"
)
_PLAIN_PIECE = (
    rf"(?:[{_PLAIN_LETTERS}]|[{_PLAIN_DIGITS}](?:[{_NUMBER_JOINERS}](?=[{_PLAIN_DIGITS}]))?)"
)
_PLAIN_UNIT_RE = re.compile(
    rf"{_PLAIN_PIECE}(?:{_PLAIN_PIECE}|[{_PLAIN_MARKS}])*"
    rf"|([{_PLAIN_SYMBOLS}])\1+|[{_PLAIN_SYMBOLS}]"
)
_PLAIN_SPACE_RE = re.compile(f"[{_PLAIN_SPACES}]")


def unit_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every unit of ``text`` (as ``units``), all at once."""
    spans: list[tuple[int, int]] = []
    done = 0
    for found in _NOT_PLAIN.finditer(text):
        odd = found.end() - 1  # the character itself, or the mark after a space
        if odd < done:
            continue
        start = max(text.rfind(space, done, odd) for space in _PLAIN_SPACES) + 1
        after = _PLAIN_SPACE_RE.search(text, odd)
        end = after.start() if after else len(text)
        spans += [m.span() for m in _PLAIN_UNIT_RE.finditer(text, done, max(start, done))]
        # One character more: what follows may decide a lookahead (a sign before a space).
        spans += [m.span() for m in UNIT_RE.finditer(text, max(start, done), end + 1)]
        done = end
    spans += [m.span() for m in _PLAIN_UNIT_RE.finditer(text, done)]
    return spans


def units(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every word and symbol of ``text[start:end]``, in order."""
    for match in UNIT_RE.finditer(text, start, len(text) if end is None else end):
        yield match.span()


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every word of ``text[start:end]``, in order."""
    for match in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield match.span()


def is_word_unit(text: str, start: int, end: int) -> bool:
    """True when the unit ``text[start:end]`` is a word (not a symbol)."""
    return WORD_RE.fullmatch(text, start, end) is not None


def is_punctuation_unit(text: str, start: int, end: int) -> bool:
    """True when a symbol unit is punctuation (P*), which snapping trims; S* symbols stay."""
    base = next((c for c in text[start:end] if not _PREPEND_RE.match(c)), text[start])
    return unicodedata.category(base).startswith("P")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines around ``[start, end)``: no unit and no grapheme crosses a line break."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    return low, len(text) if high < 0 else high


def word_containing(text: str, offset: int) -> tuple[int, int] | None:
    """The word with ``start < offset < end`` (``offset`` falls inside it), else None."""
    low, high = line_bounds(text, offset, offset)
    for start, end in words(text, _safe_start(text, low, offset), high):
        if start >= offset:
            return None
        if offset < end:
            return start, end
    return None


def graphemes(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of every grapheme of ``text[start:end]``."""
    for match in GRAPHEME_RE.finditer(text, start, len(text) if end is None else end):
        yield match.span()


def grapheme_around(text: str, offset: int) -> tuple[int, int]:
    """The grapheme holding the character at ``offset`` (``offset < len(text)``)."""
    low, high = line_bounds(text, offset, offset + 1)
    for start, end in graphemes(text, _safe_start(text, low, offset), max(high, offset + 1)):
        if start <= offset < end:
            return start, end
    return offset, offset + 1


def is_grapheme_boundary(text: str, offset: int) -> bool:
    """True when ``offset`` does not split a grapheme."""
    if offset <= 0 or offset >= len(text):
        return True
    return grapheme_around(text, offset)[0] == offset


def _safe_start(text: str, low: int, offset: int) -> int:
    """A grapheme boundary at or before ``offset``, near it: before a space that no
    Prepend character precedes (so a scan need not start at the line's beginning)."""
    position = min(offset, len(text) - 1)
    while position > low:
        if text[position].isspace() and not _PREPEND_RE.match(text[position - 1]):
            return position
        position -= 1
    return low
