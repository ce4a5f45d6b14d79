"""Tokens, features and BIO tags for the sequence labeller.

Tokens come from core.formats.tokenize (clitics split before «ال» only);
sentences are the CRF's sequences. A mention that starts after a proclitic
inside a token («وبغداد») is tagged ``B+`` rather than ``B-``, so the model
learns where to trim and decoding gives the span without the clitic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from annotator.core.formats.tokenize import Token, sentences, tokenize
from annotator.core.recommenders.base import Labelled
from annotator.core.recommenders.words import word_forms
from annotator.core.search import fold
from annotator.core.snapping import trim_proclitic

OUTSIDE = "O"


class Sentence(NamedTuple):
    """A sentence's tokens and each token's features."""

    tokens: list[Token]
    features: list[list[str]]


def featurize(text: str) -> list[Sentence]:
    """The sentences of ``text`` with each token's features."""
    tokens = tokenize(text, split_clitics=True)
    return [
        Sentence(sentence, sentence_features(text, sentence))
        for sentence in sentences(text, tokens)
    ]


def _shape(word: str) -> str:
    shape = []
    for char in word:
        if "\u0600" <= char <= "\u06ff":
            code = "a"
        elif char.isdigit():
            code = "d"
        elif char.isalpha():
            code = "X" if char.isupper() else "x"
        else:
            code = char
        if not shape or shape[-1] != code:
            shape.append(code)
    return "".join(shape)


def _base(text: str, token: Token) -> dict[str, str]:
    word = fold(text[token.start : token.end]) or text[token.start : token.end]
    forms = word_forms(text, token.start, token.end, word)
    stem = forms[-1][0]
    bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    return {
        "w": word,
        "st": stem,
        "bare": bare,
        "sh": _shape(word),
        "p3": bare[:3],
        "s2": word[-2:],
        "s3": word[-3:],
        "cl": "1" if len(forms) > 1 else "0",
        "al": "1" if bare != stem else "0",
    }


def sentence_features(text: str, tokens: Sequence[Token]) -> list[list[str]]:
    """Features of each token: its own forms, affixes and shape, and its neighbours'."""
    bases = [_base(text, token) for token in tokens]
    result = []
    for i, base in enumerate(bases):
        features = ["bias", *(f"{name}={value}" for name, value in base.items())]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(bases):
                features.append(f"{offset}:edge")
                continue
            near = bases[j]
            features.append(f"{offset}:w={near['w']}")
            if abs(offset) == 1:
                features += [f"{offset}:bare={near['bare']}", f"{offset}:sh={near['sh']}"]
        result.append(features)
    return result


def tags(text: str, tokens: Sequence[Token], spans: Sequence[Labelled]) -> list[str]:
    """BIO tags of ``tokens`` for ``spans`` (outer spans win over nested ones)."""
    result = [OUTSIDE] * len(tokens)
    if not tokens:
        return result
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= starts[0] or span.start >= ends[-1]:
            continue  # another sentence's
        # Tokens ending after the span starts and starting before it ends.
        covered = range(bisect_right(ends, span.start), bisect_left(starts, span.end))
        if not covered or any(result[i] != OUTSIDE for i in covered):
            continue
        first = tokens[covered[0]]
        inside = span.start > first.start
        result[covered[0]] = ("B+" if inside else "B-") + span.label
        for i in covered[1:]:
            result[i] = "I-" + span.label
    return result


Decoded = tuple[int, int, str, list[int]]
"""(start, end, label, the indices of the tokens it covers)."""


def decode(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[Decoded]:
    """Spans of BIO ``labels``; a stray I- starts a span."""
    spans: list[Decoded] = []
    for i, tag in enumerate(labels):
        if tag == OUTSIDE:
            continue
        prefix, label = tag[:2], tag[2:]
        if prefix == "I-" and spans and spans[-1][2] == label and spans[-1][3][-1] == i - 1:
            start, _, _, members = spans[-1]
            spans[-1] = (start, tokens[i].end, label, [*members, i])
            continue
        start = tokens[i].start
        if prefix == "B+":
            start = trim_proclitic(text, tokens[i].start, tokens[i].end)[0]
        spans.append((start, tokens[i].end, label, [i]))
    return spans
