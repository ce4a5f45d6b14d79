"""Held-out evaluation, the learning curve and names never seen in training."""

from __future__ import annotations

import statistics

import pytest

from annotator.core.recommenders import (
    CrfLabeller,
    Labelled,
    StringMatcher,
    TrainingDocument,
    TrainingSet,
)
from annotator.core.recommenders.evaluation import (
    Scores,
    evaluate,
    evaluate_on,
    score,
    split_held_out,
)
from tests.recommender_data import generate, seen_unseen_scores


def test_scores_count_exact_matches_per_label() -> None:
    expected = [(0, "span", 0, 5, "PER"), (0, "span", 6, 9, "GPE"), (1, "span", 0, 3, "GPE")]
    predicted = [(0, "span", 0, 5, "PER"), (0, "span", 6, 9, "ORG"), (1, "span", 0, 3, "GPE")]
    overall, per_label = score(expected, predicted)
    assert (overall.true_positives, overall.predicted, overall.expected) == (2, 3, 3)
    assert per_label["GPE"].recall == 0.5 and per_label["GPE"].precision == 1.0
    assert per_label["ORG"].f1 == 0.0 and per_label["PER"].f1 == 1.0
    assert Scores(0, 0, 0).f1 == 0.0


def test_held_out_split_is_stable_and_keeps_both_sides() -> None:
    docs = [TrainingDocument(f"نص {n}") for n in range(10)]
    train, test = split_held_out(docs)
    assert len(test) == 2 and len(train) == 8
    assert split_held_out(list(reversed(docs))) == (train, test)
    assert split_held_out(docs[:1]) == (docs[:1], [])


def test_evaluate_trains_on_the_rest_and_reports_each_label() -> None:
    docs = tuple(g.document for g in generate(20, seed=1, chars=500))
    evaluation = evaluate(StringMatcher, TrainingSet(docs))
    assert (evaluation.trained_on, evaluation.tested_on) == (16, 4)
    assert {"PER", "GPE", "ORG", "Contact.Meet"} <= set(evaluation.per_label)
    assert evaluation.to_dict()["per_label"]["GPE"]["support"] > 0


def _crf_f1(train_docs: int, seed: int, held_out: list[TrainingDocument]) -> float:
    docs = tuple(g.document for g in generate(train_docs, seed=seed, chars=600, missed=0.05))
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(docs))
    return evaluate_on(labeller, held_out, len(docs)).overall.f1


@pytest.mark.slow
def test_crf_learning_curve_rises_with_more_done_documents() -> None:
    """F1 grows with the number of done documents, beyond the run's own noise.

    Each size is trained on five independent samples; the margin is two standard
    errors of the difference of the means, computed from this run's spread.
    """
    held_out = [g.document for g in generate(30, seed=999, chars=600)]
    runs = 5
    curve = {
        size: [_crf_f1(size, 1000 * size + run, held_out) for run in range(runs)]
        for size in (4, 16, 64)
    }
    means = {size: statistics.mean(f1s) for size, f1s in curve.items()}

    def margin(small: int, large: int) -> float:
        spread = statistics.variance(curve[small]) + statistics.variance(curve[large])
        return 2 * (spread / runs) ** 0.5

    # It rises beyond the noise while the data are few...
    assert means[16] > means[4] + margin(4, 16), means
    assert means[64] > means[4] + margin(4, 64), means
    # ...and, once the generated language is learnt, levels off without falling back.
    assert means[64] > means[16] - margin(16, 64), means


@pytest.mark.slow
def test_only_the_crf_finds_names_never_seen_in_training() -> None:
    training = TrainingSet(tuple(g.document for g in generate(100, seed=5, chars=600, missed=0.05)))
    held_out = generate(30, seed=6, chars=600, unseen_share=0.5)
    matcher, labeller = StringMatcher(), CrfLabeller()
    matcher.fit(training)
    labeller.fit(training)
    matcher_seen, matcher_unseen = seen_unseen_scores(matcher, held_out, training.documents)
    crf_seen, crf_unseen = seen_unseen_scores(labeller, held_out, training.documents)
    assert matcher_unseen.expected > 50  # the test holds enough unseen names to tell
    assert matcher_unseen.true_positives == 0 and matcher_unseen.predicted == 0
    assert matcher_seen.recall == pytest.approx(1.0)
    assert crf_unseen.true_positives > 0 and crf_unseen.recall > crf_unseen.expected**-0.5
    assert crf_seen.f1 > 0.9


def test_labelled_nothing_scores_zero_not_an_error() -> None:
    doc = TrainingDocument("نص", spans=(Labelled(0, 2, "PER"),))
    evaluation = evaluate_on(StringMatcher(), [doc], 0)
    assert evaluation.overall.recall == 0.0 and evaluation.per_label["PER"].expected == 1
