"""Held-out evaluation: precision, recall and F1 per label on done documents kept aside.

A prediction counts only when its range and label both equal a labelled item
(exact match, as seqeval's strict mode and the CoNLL scorer count).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from annotator.core.recommenders.base import (
    ItemKind,
    Prediction,
    Recommender,
    TrainingDocument,
    TrainingSet,
)

HELD_OUT_FRACTION = 0.2
Item = tuple[int, str, int, int, str]  # (document index, kind, start, end, label)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one label (or all), with the counts behind them."""

    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        total = self.predicted + self.expected
        return 2 * self.true_positives / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.expected,
            "predicted": self.predicted,
        }


@dataclass(frozen=True)
class Evaluation:
    """How well a recommender trained on ``trained_on`` documents did on ``tested_on`` others."""

    recommender: str
    trained_on: int
    tested_on: int
    overall: Scores
    per_label: dict[str, Scores] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "recommender": self.recommender,
            "trained_on": self.trained_on,
            "tested_on": self.tested_on,
            "overall": self.overall.to_dict(),
            "per_label": {label: s.to_dict() for label, s in sorted(self.per_label.items())},
        }


def score(expected: Iterable[Item], predicted: Iterable[Item]) -> tuple[Scores, dict[str, Scores]]:
    """Overall (micro) and per-label scores of ``predicted`` against ``expected``."""
    expected, predicted = set(expected), set(predicted)
    hits = expected & predicted
    per_label = {}
    for label in sorted({item[4] for item in expected | predicted}):
        per_label[label] = Scores(
            sum(1 for item in hits if item[4] == label),
            sum(1 for item in predicted if item[4] == label),
            sum(1 for item in expected if item[4] == label),
        )
    return Scores(len(hits), len(predicted), len(expected)), per_label


def split_held_out(
    documents: Sequence[TrainingDocument], fraction: float = HELD_OUT_FRACTION
) -> tuple[list[TrainingDocument], list[TrainingDocument]]:
    """(training, held out): a stable choice by a hash of each text, at least one of each."""
    if len(documents) < 2:
        return list(documents), []
    ranked = sorted(documents, key=lambda d: hashlib.sha1(d.text.encode()).hexdigest())
    held = max(1, round(len(ranked) * fraction))
    return ranked[held:], ranked[:held]


def expected_items(docs: Sequence[TrainingDocument], kinds: Sequence[ItemKind]) -> list[Item]:
    """The labelled items of ``docs`` of the given kinds."""
    items: list[Item] = []
    for index, doc in enumerate(docs):
        if ItemKind.SPAN in kinds:
            items += [(index, "span", s.start, s.end, s.label) for s in doc.spans]
        if ItemKind.EVENT in kinds:
            items += [(index, "event", s.start, s.end, s.label) for s in doc.triggers]
    return items


def predicted_items(index: int, predictions: Iterable[Prediction]) -> list[Item]:
    return [(index, p.kind.value, p.start, p.end, p.label) for p in predictions]


def evaluate(
    make: Callable[[], Recommender],
    training: TrainingSet,
    fraction: float = HELD_OUT_FRACTION,
    threshold: float = 0.0,
) -> Evaluation:
    """Train a fresh recommender on most done documents and score it on the rest."""
    train, test = split_held_out(training.documents, fraction)
    recommender = make()
    recommender.fit(replace(training, documents=tuple(train)))
    return evaluate_on(recommender, test, len(train), threshold)


def evaluate_on(
    recommender: Recommender,
    test: Sequence[TrainingDocument],
    trained_on: int,
    threshold: float = 0.0,
) -> Evaluation:
    """Score an already trained ``recommender`` on the documents ``test``."""
    kinds = getattr(recommender, "kinds", (ItemKind.SPAN,))
    predicted: list[Item] = []
    for index, doc in enumerate(test):
        kept = [p for p in recommender.predict(doc.text) if p.confidence >= threshold]
        predicted += predicted_items(index, kept)
    overall, per_label = score(expected_items(test, kinds), predicted)
    return Evaluation(recommender.name, trained_on, len(test), overall, per_label)


def label_counts(docs: Iterable[TrainingDocument]) -> Counter[str]:
    """How many spans of each label ``docs`` hold."""
    return Counter(span.label for doc in docs for span in doc.spans)
