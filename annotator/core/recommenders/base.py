"""What every recommender learns from and what it predicts.

A recommender is pure Python: it learns from :class:`TrainingDocument` values
(text plus labelled ranges, and the ranges an annotator rejected) and predicts
:class:`Prediction` values for a text. Both are plain, picklable data, so
training and prediction can run in another process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol


class ItemKind(str, Enum):
    """What a prediction marks: an entity mention or an event trigger."""

    SPAN = "span"
    EVENT = "event"


@dataclass(frozen=True, order=True)
class Labelled:
    """``text[start:end]`` labelled ``label`` (an entity label, or an event type for triggers)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class TrainingDocument:
    """One done document as a recommender sees it.

    ``rejected_*`` are suggestions an annotator rejected there: negative evidence.
    """

    text: str
    spans: tuple[Labelled, ...] = ()
    triggers: tuple[Labelled, ...] = ()
    rejected_spans: tuple[Labelled, ...] = ()
    rejected_triggers: tuple[Labelled, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Prediction:
    """A suggested entity span or event trigger with the recommender's confidence (0..1]."""

    start: int
    end: int
    label: str
    confidence: float
    kind: ItemKind = ItemKind.SPAN


@dataclass(frozen=True)
class TrainingSet:
    """What a recommender learns from: done documents, and rejections on any document."""

    documents: tuple[TrainingDocument, ...]
    extra_rejections: tuple[TrainingDocument, ...] = field(default=())

    @property
    def size(self) -> int:
        """How many done documents it holds."""
        return len(self.documents)


class Recommender(Protocol):
    """A learner of entity (and possibly trigger) labels."""

    name: str

    def fit(self, training: TrainingSet) -> None:
        """Learn from ``training`` (replacing anything learnt before)."""

    def predict(self, text: str) -> list[Prediction]:
        """Suggestions for ``text``, by position."""


def by_position(predictions: Sequence[Prediction]) -> list[Prediction]:
    """``predictions`` ordered by start, longer first, then label."""
    return sorted(predictions, key=lambda p: (p.start, -p.end, p.kind.value, p.label))


@dataclass(frozen=True)
class Rejection:
    """A suggestion ``annotator`` rejected on a document: never shown again, negative evidence."""

    document_id: str
    annotator: str
    kind: ItemKind
    start: int
    end: int
    label: str
    source: str | None = None

    @property
    def labelled(self) -> Labelled:
        """The rejected range and label."""
        return Labelled(self.start, self.end, self.label)
