"""Tokens for training formats: split where annotations need it, and spaced as spaCy wants.

* :func:`split_at` cuts tokens at every annotation boundary that falls inside one
  (proclitics: «وتونس» with the mention on «تونس»), as spaCy and Prodigy do when
  they convert gold data, so no span is lost; the caller reports how many tokens
  were cut.
* :func:`spaced` turns tokens into spaCy's ``(words, spaces)``: ``"".join(w + " " *
  s)`` gives back exactly the text. One plain space after a token is its ``ws``;
  other whitespace (a line break, a second space) is a token of its own, as
  spaCy's tokenizer makes it; invisible direction marks stay on the word they
  touch unless an annotation boundary separates them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise

from annotator.core.formats.tokenize import Token
from annotator.core.words import INVISIBLE


def boundaries_of(ranges: Iterable[tuple[int, int]]) -> set[int]:
    """Every start and end of ``ranges``."""
    found: set[int] = set()
    for start, end in ranges:
        found.add(start)
        found.add(end)
    return found


def split_at(tokens: list[Token], boundaries: set[int]) -> tuple[list[Token], int]:
    """``tokens`` cut at every boundary strictly inside one, and how many were cut."""
    starts = [token.start for token in tokens]
    cuts: dict[int, list[int]] = {}  # token index -> the boundaries inside it
    for boundary in sorted(boundaries):
        i = bisect_right(starts, boundary) - 1
        if i >= 0 and tokens[i].start < boundary < tokens[i].end:
            cuts.setdefault(i, []).append(boundary)
    if not cuts:
        return tokens, 0
    result: list[Token] = []
    done = 0
    for i, inside in cuts.items():  # in token order: boundaries were sorted
        result += tokens[done:i]
        edges = [tokens[i].start, *inside, tokens[i].end]
        result += [Token(a, b) for a, b in pairwise(edges)]
        done = i + 1
    result += tokens[done:]
    return result, len(cuts)


def spaced(text: str, tokens: list[Token], boundaries: set[int]) -> list[tuple[int, int, bool]]:
    """``(start, end, followed_by_a_space)`` covering every character of ``text`` once."""
    out: list[list] = []
    position = 0
    for start, end in [*tokens, (len(text), -1)]:  # -1 marks the end of the text
        if out and position not in boundaries:  # marks right after a word join it
            joined = _marks_end(text, position, start)
            out[-1][1], position = joined, joined
        leading = _marks_end(text, position, start)
        if leading > position:  # marks cut off by a boundary: a token of their own
            out.append([position, leading, False])
            position = leading
        if out and position < start and text[position] == " ":
            out[-1][2] = True
            position += 1
        gap_end = start
        if end >= 0 and start not in boundaries:  # marks right before a word join it
            while gap_end > position and text[gap_end - 1] in INVISIBLE:
                gap_end -= 1
        if gap_end > position:  # other whitespace: a token of its own
            out.append([position, gap_end, False])
        if end < 0:
            break
        out.append([gap_end, end, False])
        position = end
    return [(start, end, ws) for start, end, ws in out]


def _marks_end(text: str, position: int, limit: int) -> int:
    while position < limit and text[position] in INVISIBLE:
        position += 1
    return position
