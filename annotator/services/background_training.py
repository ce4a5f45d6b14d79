"""Training recommenders away from the window: a worker process and a Future.

The window reads the training data (``project.training_set(annotator)``, quick)
and calls :meth:`RecommenderTrainer.start`, which hands the CPU work to one
worker process, so the window's event loop never waits on it. When the returned Future is done (poll
``future.done()`` from a timer, or use ``add_done_callback`` and post back to
the GUI thread), :func:`apply_training` stores the state and gives the trained
recommenders to pass to services.suggestions.suggestions.

The worker is started with "spawn": forking a process that runs Qt threads is
unsafe, and spawn behaves the same on Linux, macOS and Windows.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from annotator.core.recommenders import RECOMMENDERS, Recommender, TrainingSet
from annotator.core.recommenders.evaluation import Evaluation
from annotator.services.recommending import (
    evaluate_recommender,
    save_trained,
    train_recommender,
)
from annotator.store import ProjectStore


@dataclass(frozen=True)
class TrainingResult:
    """What a background training produced for one annotator."""

    annotator: str
    training: TrainingSet
    recommenders: dict[str, Recommender] = field(default_factory=dict)
    evaluations: dict[str, Evaluation] = field(default_factory=dict)


def train_and_evaluate(
    annotator: str, training: TrainingSet, names: Sequence[str]
) -> TrainingResult:
    """Train each recommender in ``names`` on ``training`` and evaluate it on held-out documents.

    Pure CPU work on plain data (runs in the worker process).
    """
    recommenders = {name: train_recommender(name, training) for name in names}
    evaluations = {name: evaluate_recommender(name, training) for name in names}
    return TrainingResult(annotator, training, recommenders, evaluations)


class RecommenderTrainer:
    """One worker process that trains recommenders on request; close() when done."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def start(
        self, annotator: str, training: TrainingSet, names: Sequence[str] = tuple(RECOMMENDERS)
    ) -> Future[TrainingResult]:
        """Begin training ``names`` on ``training`` for ``annotator``; returns a Future at once."""
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return self._pool.submit(train_and_evaluate, annotator, training, tuple(names))

    def close(self) -> None:
        """Stop the worker (a training under way is abandoned)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def apply_training(store: ProjectStore, result: TrainingResult) -> dict[str, Recommender]:
    """Store what ``result`` learnt (state, evaluation, the CRF model); returns the recommenders."""
    with store.transaction():
        for name, recommender in result.recommenders.items():
            save_trained(
                store, result.annotator, recommender, result.training, result.evaluations.get(name)
            )
    return dict(result.recommenders)
