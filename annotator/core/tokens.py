"""A simple tokenizer for Arabic (and Latin) news text, giving code-point offsets.

A token is a run of word characters together with the combining marks (harakat,
Quranic marks) and tatweel inside it, or a single other visible character
(punctuation, a symbol, an emoji code point). Whitespace and invisible
direction marks (LRM, RLM, ALM, embedding and isolate controls, ZWNJ/ZWJ)
separate tokens and never form one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_INVISIBLE = "\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
_TOKEN = re.compile(rf"[\w{_MARKS}]+|[^\w\s{_MARKS}{_INVISIBLE}]")


def token_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every token of ``text``, in order."""
    return [m.span() for m in _TOKEN.finditer(text)]


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` as strings."""
    return _TOKEN.findall(text)


class TokenIndex:
    """The tokens of one text, with a fast lookup of the tokens a character range touches."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts = list(map(re.Match.start, matches))
        self.ends = list(map(re.Match.end, matches))

    def __len__(self) -> int:
        return len(self.starts)

    def covering(self, start: int, end: int) -> range:
        """Indices of the tokens sharing at least one character with ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))
