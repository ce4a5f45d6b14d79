"""`annotator suggest`: learn from an annotator's done work, predict the other documents.

Training runs once in this process; prediction is spread over every CPU core
(a process pool, each worker receiving the trained recommender once). The
predictions replace the model annotator's earlier ones on those documents, all
in one transaction: a failure leaves the project as it was.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Event, Span, new_id
from annotator.core.recommenders import ItemKind, Prediction, Recommender
from annotator.services.recommending import done_documents, train_recommender, training_set
from annotator.store import ProjectStore

Progress = Callable[[int, int], None]
DOCUMENT_CHOICES = ("not-done", "all")
# Below this many documents a process pool costs more than it saves.
_PARALLEL_FROM = 64
_CHUNK = 32


@dataclass(frozen=True)
class PredictionRun:
    """What one `annotator suggest` run did."""

    model: str
    recommender: str
    learned_from: int
    documents: int
    spans: int
    events: int
    train_seconds: float
    predict_seconds: float


def check_model_name(store: ProjectStore, name: str) -> None:
    """Refuse to write predictions as a person or the gold."""
    try:
        existing = store.annotators.get(name)
    except KeyError:
        return
    if existing.kind is not AnnotatorKind.MODEL:
        raise ValidationError(
            f"{name!r} is a {existing.kind.value} annotator; predictions go to a model "
            "annotator: choose another name with --as"
        )


def predict_project(
    store: ProjectStore,
    learn_from: str,
    recommender: str,
    as_name: str,
    documents: str = "not-done",
    workers: int | None = None,
    progress: Progress | None = None,
) -> PredictionRun:
    """Train ``recommender`` on ``learn_from``'s (and the gold's) done documents and
    write its predictions for ``documents`` (not-done or all) as model ``as_name``."""
    _check_request(store, learn_from, as_name, documents)
    started = time.monotonic()
    training = training_set(store, learn_from)
    if not training.size:
        raise ValidationError(f"{learn_from} has no done documents to learn from")
    trained = train_recommender(recommender, training)
    trained_at = time.monotonic()
    skip = set() if documents == "all" else set(done_documents(store, learn_from))
    targets = [s.id for s in store.documents.summaries() if s.id not in skip]
    texts = ((doc_id, store.documents.get(doc_id).text) for doc_id in targets)
    results = {
        doc_id: [(recommender, p) for p in predictions]
        for doc_id, predictions in predict_texts(trained, texts, len(targets), workers, progress)
    }
    spans, events = write_predictions(store, as_name, results)
    return PredictionRun(
        as_name,
        recommender,
        training.size,
        len(targets),
        spans,
        events,
        trained_at - started,
        time.monotonic() - trained_at,
    )


def _check_request(store: ProjectStore, learn_from: str, as_name: str, documents: str) -> None:
    if documents not in DOCUMENT_CHOICES:
        raise ValidationError(f"--documents must be one of {', '.join(DOCUMENT_CHOICES)}")
    try:
        store.annotators.get(learn_from)
    except KeyError:
        raise ValidationError(f"no annotator called {learn_from!r} in the project") from None
    check_model_name(store, as_name)


Sourced = Sequence[tuple[str, Prediction]]
"""Predictions of one document, each with the name of the recommender that made it."""


def write_predictions(
    store: ProjectStore, model: str, results: Mapping[str, Sourced]
) -> tuple[int, int]:
    """Make ``results`` (document id -> predictions) the whole work of model annotator ``model``
    on those documents, with confidences; one transaction. Returns (spans, events) written."""
    check_model_name(store, model)
    spans, events, span_scores, event_scores = [], [], {}, {}
    for doc_id, predictions in results.items():
        for recommender, p in predictions:
            source = f"recommender:{recommender}"
            if p.kind is ItemKind.SPAN:
                spans.append(Span(new_id(), doc_id, model, p.start, p.end, p.label, source))
                span_scores[spans[-1].id] = round(p.confidence, 4)
            else:
                events.append(Event(new_id(), doc_id, model, p.label, p.start, p.end, (), source))
                event_scores[events[-1].id] = round(p.confidence, 4)
    with store.transaction():
        store.annotators.ensure(model, AnnotatorKind.MODEL)
        store.suggestions.clear_work(model, list(results))
        store.interchange.add_spans(spans)
        store.interchange.add_events(events)
        store.suggestions.set_confidences(span_scores, event_scores)
    return len(spans), len(events)


_worker_recommender: Recommender | None = None


def _init_worker(recommender: Recommender) -> None:
    global _worker_recommender
    _worker_recommender = recommender


def _predict_chunk(chunk: list[tuple[str, str]]) -> list[tuple[str, list[Prediction]]]:
    assert _worker_recommender is not None
    return [(doc_id, _worker_recommender.predict(text)) for doc_id, text in chunk]


def predict_texts(
    recommender: Recommender,
    texts: Iterator[tuple[str, str]] | Sequence[tuple[str, str]],
    total: int,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[str, list[Prediction]]]:
    """(document id, predictions) for each (id, text), on ``workers`` processes (all cores)."""
    workers = workers or os.cpu_count() or 1
    done = 0
    if workers == 1 or total < _PARALLEL_FROM:
        for doc_id, text in texts:
            yield doc_id, recommender.predict(text)
            done += 1
            if progress and (done % _CHUNK == 0 or done == total):
                progress(done, total)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(recommender,)) as pool:
        for chunk in pool.map(_predict_chunk, _chunks(texts), chunksize=1):
            yield from chunk
            done += len(chunk)
            if progress:
                progress(done, total)


def _chunks(texts):
    chunk = []
    for item in texts:
        chunk.append(item)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
