"""Recommenders train in a worker process and come back ready to suggest."""

from __future__ import annotations

import os

from annotator.services.background_training import RecommenderTrainer, apply_training
from annotator.services.recommending import recommender_statuses, training_set
from annotator.services.suggestions import suggestions
from tests.recommender_data import generate
from tests.suggest_helpers import add_generated


def test_training_runs_in_another_process_and_is_stored(project) -> None:
    ids = add_generated(project, "amal", generate(12, seed=21, chars=500), done=10)
    trainer = RecommenderTrainer()
    try:
        future = trainer.start("amal", training_set(project, "amal"))
        worker_pid = trainer._pool.submit(os.getpid).result(timeout=120)
        result = future.result(timeout=120)
    finally:
        trainer.close()
    assert worker_pid != os.getpid()
    assert set(result.recommenders) == {"strings", "crf"} and result.training.size == 10
    live = apply_training(project, result)
    rows = {r.name: r for r in recommender_statuses(project, "amal")}
    assert rows["crf"].documents == 10 and rows["crf"].evaluation["tested_on"] == 2
    items = suggestions(project, ids[11], "amal", ["recommender:crf", "recommender:strings"], live)
    assert items and {s.source for s in items} <= {"recommender:crf", "recommender:strings"}
