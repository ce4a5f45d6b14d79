"""The string matcher: suggests every other occurrence of a labelled phrase.

It learns, per folded phrase (see words.py), how often it was labelled with
each label, how often it occurs in the training documents at all and how often
a suggestion of it was rejected. Confidence of a label is

    times labelled with it / (times the phrase occurs + times rejected with it)

so a phrase labelled at every occurrence scores near 1, one labelled once in
ten occurrences 0.1, and rejections push it down (negative evidence).
Matches are whole words, or whole words after proclitics, longest phrase first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.recommenders.base import (
    ItemKind,
    Labelled,
    Prediction,
    TrainingSet,
    by_position,
)
from annotator.core.recommenders.words import Word, phrase_key, words

Key = tuple[str, ...]
MAX_PHRASE_WORDS = 12


@dataclass
class _Table:
    """What was learnt for one kind of item (entity spans or event triggers)."""

    labels: dict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    rejected: dict[Key, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    occurrences: Counter[Key] = field(default_factory=Counter)
    index: dict[str, list[Key]] = field(default_factory=dict)

    def learn(self, text: str, items: Iterable[Labelled], rejected: Iterable[Labelled]) -> None:
        for item in items:
            key = phrase_key(text[item.start : item.end])
            if 0 < len(key) <= MAX_PHRASE_WORDS:
                self.labels[key][item.label] += 1
        for item in rejected:
            key = phrase_key(text[item.start : item.end])
            if key:
                self.rejected[key][item.label] += 1

    def build_index(self) -> None:
        index: dict[str, list[Key]] = defaultdict(list)
        for key in self.labels:
            index[key[0]].append(key)
        self.index = {first: sorted(keys, key=len, reverse=True) for first, keys in index.items()}

    def best_label(self, key: Key) -> tuple[str, float] | None:
        """The label ``key`` most often had, with its confidence; None if rejected away."""
        counts = self.labels.get(key)
        if not counts:
            return None
        seen = max(self.occurrences[key], sum(counts.values()))
        scored = [
            (n / (seen + self.rejected.get(key, Counter())[label]), label)
            for label, n in counts.items()
        ]
        confidence, label = max(scored)
        return (label, confidence) if confidence > 0 else None


def find_phrases(text_words: Sequence[Word], index: dict[str, list[Key]]):
    """Yield (start, end, key) of the longest indexed phrases, left to right, not overlapping."""
    position = 0
    while position < len(text_words):
        found = _match_at(text_words, position, index)
        if found is None:
            position += 1
            continue
        start, key = found
        last = text_words[position + len(key) - 1]
        yield start, last.end, key
        position += len(key)


def _match_at(text_words: Sequence[Word], position: int, index: dict[str, list[Key]]):
    for form, start in text_words[position].forms:
        for key in index.get(form, ()):
            tail = text_words[position + 1 : position + len(key)]
            if len(tail) == len(key) - 1 and all(
                word.folded == part for word, part in zip(tail, key[1:], strict=True)
            ):
                return start, key
    return None


class StringMatcher:
    """Suggests labelled phrases (entities) and triggers (events) wherever they recur."""

    name = "strings"
    kinds = (ItemKind.SPAN, ItemKind.EVENT)

    def __init__(self) -> None:
        self._tables = {ItemKind.SPAN: _Table(), ItemKind.EVENT: _Table()}

    def fit(self, training: TrainingSet) -> None:
        """Learn the labels, occurrences and rejections of ``training``."""
        self._tables = {ItemKind.SPAN: _Table(), ItemKind.EVENT: _Table()}
        spans, triggers = self._tables[ItemKind.SPAN], self._tables[ItemKind.EVENT]
        for doc in (*training.documents, *training.extra_rejections):
            spans.learn(doc.text, doc.spans, doc.rejected_spans)
            triggers.learn(doc.text, doc.triggers, doc.rejected_triggers)
        for table in self._tables.values():
            table.build_index()
        for doc in training.documents:
            text_words = words(doc.text)
            for table in self._tables.values():
                table.occurrences.update(key for *_, key in find_phrases(text_words, table.index))

    @property
    def vocabulary(self) -> int:
        """How many distinct phrases (entities and triggers) it learnt."""
        return sum(len(table.labels) for table in self._tables.values())

    def predict(self, text: str) -> list[Prediction]:
        """Every occurrence of a learnt phrase in ``text`` with its most likely label."""
        text_words = words(text)
        predictions = []
        for kind, table in self._tables.items():
            for start, end, key in find_phrases(text_words, table.index):
                best = table.best_label(key)
                if best is not None:
                    predictions.append(Prediction(start, end, best[0], best[1], kind))
        return by_position(predictions)
