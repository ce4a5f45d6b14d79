"""Words as the recommenders compare them: folded like the find, seen through proclitics.

A word is a token of core.formats.tokenize (clitics attached). Each word has
its folded form (harakat, tatweel and hamza forms ignored, as core.search
does) and, when it starts with a proclitic (و ف ب ل ك, or و/ف then ب ل ك), the
folded stem after it with the offset where the stem starts, so «وبغداد»
matches a label on «بغداد» and the match starts after the «و».
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.formats.tokenize import tokenize
from annotator.core.search import fold
from annotator.core.snapping import trim_proclitic

_CONJUNCTIONS = frozenset("وف")


class Word(NamedTuple):
    """A token: its folded forms (the whole word first, then stems) and their start offsets."""

    forms: tuple[tuple[str, int], ...]
    end: int

    @property
    def folded(self) -> str:
        """The folded whole word."""
        return self.forms[0][0]

    @property
    def start(self) -> int:
        """Where the whole word starts."""
        return self.forms[0][1]


def words(text: str) -> list[Word]:
    """The words of ``text`` with their folded forms."""
    result = []
    for start, end in tokenize(text):
        folded = fold(text[start:end])
        if not folded:
            continue
        result.append(Word(word_forms(text, start, end, folded), end))
    return result


def word_forms(text: str, start: int, end: int, folded: str) -> tuple[tuple[str, int], ...]:
    forms = [(folded, start)]
    stem_start = start
    for depth in range(2):
        trimmed, _ = trim_proclitic(text, stem_start, end)
        if trimmed == stem_start:
            break
        if depth == 1 and text[start] not in _CONJUNCTIONS:
            break  # only و/ف may stand before another proclitic (وبغداد, not بلبنان)
        stem_start = trimmed
        stem = fold(text[stem_start:end])
        if stem:
            forms.append((stem, stem_start))
    return tuple(forms)


def phrase_key(text: str) -> tuple[str, ...]:
    """The folded words of a labelled phrase: what a match must repeat."""
    return tuple(word for word in (fold(text[s:e]) for s, e in tokenize(text)) if word)


def stem(word: Word) -> str:
    """The shortest folded form of ``word`` (its stem without proclitics)."""
    return word.forms[-1][0]
