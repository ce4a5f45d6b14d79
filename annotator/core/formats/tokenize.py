"""The Arabic-aware tokeniser used by the token-based formats (spaCy/Prodigy, CoNLL).

Rules, in order:

* Tokens are the words and symbols of :mod:`annotator.core.words` (the one
  definition snapping and search use too). Whitespace and invisible direction
  marks (LRM, RLM, ALM, embeddings, isolates) separate tokens.
* A word keeps its harakat, tatweel and zero-width (non-)joiners: ``الـــعاصمة``
  and ``می‌خواهم`` are one token; ``3.5``, ``1,000``, ``٣٫٥`` are one number.
* Every other grapheme (punctuation, symbols) is a token of its own, so
  ``«أحمد»،`` gives ``«`` ``أحمد`` ``»`` ``،``. A run of the same punctuation
  (``...``, ``!!``) stays together; an emoji keeps its modifiers and
  zero-width-joined parts; a flag is its two regional indicators.
* Clitics stay attached by default. With ``split_clitics`` the conjunctions
  و/ف and the prepositions ب/ك/ل are split off a word when they precede the
  article ال and at least three letters follow it (``والعاصمة`` -> ``و`` ``العاصمة``,
  ``وبالعاصمة`` -> ``و`` ``ب`` ``العاصمة``). It is a deliberately cautious
  heuristic: no other prefix and no suffix is split.
* A sentence ends after a token made of ``.!?؟…`` and at every line break, except
  inside a range the caller keeps together (a mention, a trigger, an event).

Tokens are code-point offsets ``[start, end)`` into the text. A span whose
boundary is not a token boundary is reported by :func:`align`, never moved.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from annotator.core.words import unit_spans

_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4"
    "\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08ff"
)
_PROCLITICS = re.compile(f"([وف][{_MARKS}]*)?([بكل][{_MARKS}]*)?(?=ال)")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?؟…]+")
_END_CHARACTERS = frozenset(".!?؟…")


class Token(NamedTuple):
    """A token: ``text[start:end]``."""

    start: int
    end: int


def tokenize(text: str, split_clitics: bool = False) -> list[Token]:
    """The tokens of ``text`` (see the module documentation for the rules)."""
    spans = unit_spans(text)
    if not split_clitics:
        return [Token(start, end) for start, end in spans]
    tokens = []
    for start, end in spans:
        tokens.extend(_split_proclitics(text, start, end))
    return tokens


def token_bounds(text: str) -> tuple[list[int], list[int]]:
    """The start offsets and the end offsets of ``tokenize(text)``'s tokens (clitics attached).

    For code that only needs the offsets (agreement over millions of tokens):
    no Token objects are built.
    """
    spans = unit_spans(text)
    return [start for start, _ in spans], [end for _, end in spans]


def _split_proclitics(text: str, start: int, end: int) -> list[Token]:
    match = _PROCLITICS.match(text, start, end)
    if not match or match.end() == start:
        return [Token(start, end)]
    stem = text[match.end() + 2 : end]
    if len(_LETTER.findall(stem)) < 3:
        return [Token(start, end)]
    pieces = [Token(*match.span(group)) for group in (1, 2) if match.group(group)]
    return [*pieces, Token(match.end(), end)]


def sentences(
    text: str, tokens: list[Token], keep: Iterable[tuple[int, int]] = ()
) -> list[list[Token]]:
    """``tokens`` grouped into sentences (see the module documentation).

    No sentence ends inside a range of ``keep`` (mentions, triggers, whole
    events): a mention across a line break keeps its sentence whole, so no
    reader sees it cut in two.
    """
    no_cut = _uncuttable(tokens, keep)
    result: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for i, token in enumerate(tokens):
        start = token.start
        if current and not no_cut[i - 1] and text.find("\n", previous_end, start) >= 0:
            result.append(current)
            current = []
        current.append(token)
        previous_end = token.end
        if (
            text[start] in _END_CHARACTERS
            and _SENTENCE_END.fullmatch(text, start, previous_end)
            and not no_cut[i]
        ):
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def _uncuttable(tokens: list[Token], keep: Iterable[tuple[int, int]]) -> list[bool]:
    """``no_cut[i]``: a kept range runs from token ``i`` into token ``i + 1``."""
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    depth = [0] * (len(tokens) + 1)
    for start, end in keep:
        first = bisect_right(ends, start)  # the first token ending after the range starts
        last = bisect_left(starts, end) - 1  # the last token starting before it ends
        if first < last:
            depth[first] += 1
            depth[last] -= 1
    no_cut, running = [], 0
    for change in depth[:-1]:
        running += change
        no_cut.append(running > 0)
    return no_cut


class Alignment(NamedTuple):
    """The tokens a span covers (``last`` inclusive), or why it fits no tokens."""

    first: int
    last: int
    problem: str | None = None


class TokenIndex:
    """Finds the tokens a span covers; built once per text."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self._starts = [t.start for t in tokens]
        self._ends = [t.end for t in tokens]

    def align(self, start: int, end: int) -> Alignment:
        """Tokens ``first..last`` (inclusive) covering exactly ``[start, end)``, else a problem."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._ends, end)
        problems = []
        if first == len(self.tokens) or self._starts[first] != start:
            problems.append(f"start {self._where(start, first - 1)}")
        if last == len(self.tokens) or self._ends[last] != end:
            problems.append(f"end {self._where(end, last)}")
        if problems:
            return Alignment(-1, -1, " and ".join(problems))
        return Alignment(first, last)

    def _where(self, offset: int, index: int) -> str:
        if 0 <= index < len(self.tokens):
            token = self.tokens[index]
            if token.start < offset < token.end:
                return f"falls inside token «{self.text[token.start : token.end]}»"
        return "falls between tokens"
