"""Recommenders: learn labels from a project's done work and suggest them elsewhere."""

from __future__ import annotations

from annotator.core.errors import ValidationError
from annotator.core.recommenders.base import (
    ItemKind,
    Labelled,
    Prediction,
    Recommender,
    TrainingDocument,
    TrainingSet,
)
from annotator.core.recommenders.crf import CrfLabeller
from annotator.core.recommenders.strings import StringMatcher

RECOMMENDERS: dict[str, type] = {"strings": StringMatcher, "crf": CrfLabeller}

__all__ = [
    "RECOMMENDERS",
    "CrfLabeller",
    "ItemKind",
    "Labelled",
    "Prediction",
    "Recommender",
    "StringMatcher",
    "TrainingDocument",
    "TrainingSet",
    "make_recommender",
]


def make_recommender(name: str) -> Recommender:
    """A fresh, untrained recommender called ``name`` (strings or crf)."""
    try:
        return RECOMMENDERS[name]()
    except KeyError:
        known = ", ".join(RECOMMENDERS)
        raise ValidationError(f"unknown recommender {name!r} (expected one of {known})") from None
