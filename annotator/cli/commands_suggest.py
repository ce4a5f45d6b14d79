"""`annotator suggest` and `annotator recommenders`: recommenders from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.cli.arguments import add_command, add_json, add_learn_from, add_project
from annotator.core.recommenders import RECOMMENDERS
from annotator.services.predicting import DOCUMENT_CHOICES
from annotator.services.project import open_project
from annotator.services.recommending import evaluate_all


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the suggest and recommenders commands."""
    _add_suggest(subparsers)
    _add_recommenders(subparsers)


def _add_suggest(subparsers: argparse._SubParsersAction) -> None:
    suggest = add_command(
        subparsers,
        "suggest",
        run_suggest,
        help="predict entities with a recommender learnt from an annotator",
        description="Learn from ANNOTATOR's done documents (and the gold's) and write the "
        "predictions for the other documents as a model annotator, whose work annotators "
        "then see as suggestions. Uses every CPU core.",
    )
    add_project(suggest)
    add_learn_from(suggest)
    suggest.add_argument(
        "--recommender",
        required=True,
        choices=sorted(RECOMMENDERS),
        help="strings: every other occurrence of labelled names; "
        "crf: a statistical sequence labeller",
    )
    suggest.add_argument(
        "--as",
        dest="as_name",
        required=True,
        metavar="NAME",
        help="the model annotator to write the predictions as",
    )
    suggest.add_argument(
        "--documents",
        choices=DOCUMENT_CHOICES,
        default="not-done",
        help="predict the documents ANNOTATOR has not done (default) or all",
    )
    suggest.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for prediction (default: one per CPU core)",
    )


def _add_recommenders(subparsers: argparse._SubParsersAction) -> None:
    recommenders = add_command(
        subparsers,
        "recommenders",
        run_recommenders,
        help="evaluate each recommender on held-out done documents",
        description="Train each recommender on most of ANNOTATOR's done documents (and the "
        "gold's) and print its precision, recall and F1 per label on the rest.",
    )
    add_project(recommenders)
    add_learn_from(recommenders)
    add_json(recommenders)


def _progress(done: int, total: int) -> None:
    print(f"\rpredicting: {done}/{total} documents", end="", file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def run_suggest(args: argparse.Namespace) -> int:
    """Train, predict and store the predictions."""
    with open_project(args.project) as project:
        print(
            f"training {args.recommender} on {args.learn_from}'s done documents...", file=sys.stderr
        )
        run = project.suggest(
            args.learn_from,
            args.recommender,
            args.as_name,
            args.documents,
            args.workers,
            _progress,
        )
    print(
        f"{run.model}: {run.spans} spans and {run.events} events in {run.documents} documents "
        f"({run.recommender} learnt from {run.learned_from} done documents in "
        f"{run.train_seconds:.1f} s; predicted in {run.predict_seconds:.1f} s)"
    )
    return 0


def run_recommenders(args: argparse.Namespace) -> int:
    """Print each recommender's held-out evaluation."""
    with open_project(args.project) as project:
        training = project.training_set(args.learn_from)
    evaluations = evaluate_all(training)
    if args.json:
        print(
            json.dumps(
                {n: e.to_dict() for n, e in evaluations.items()}, ensure_ascii=False, indent=2
            )
        )
        return 0
    for name, evaluation in evaluations.items():
        print(
            f"{name}: trained on {evaluation.trained_on}, tested on {evaluation.tested_on} "
            "held-out done documents"
        )
        print(f"  {'label':<24} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
        rows = [*sorted(evaluation.per_label.items()), ("(all)", evaluation.overall)]
        for label, scores in rows:
            print(
                f"  {label:<24} {scores.precision:9.3f} {scores.recall:7.3f} "
                f"{scores.f1:6.3f} {scores.expected:8d}"
            )
    return 0
