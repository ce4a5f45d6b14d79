"""Live recommenders: what they learn from, training, evaluation and their stored state.

Training is pure CPU work on plain data: the window gathers a
:class:`TrainingSet` with :func:`training_set` (quick, reads the project), hands
it to :func:`train_recommender` in a worker process, and stores the result with
:func:`save_trained`. Nothing here blocks on Qt; nothing here needs the store
while training.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Event, Span, Status
from annotator.core.recommenders import (
    RECOMMENDERS,
    CrfLabeller,
    ItemKind,
    Labelled,
    Prediction,
    Recommender,
    TrainingDocument,
    TrainingSet,
    make_recommender,
)
from annotator.core.recommenders.evaluation import Evaluation, evaluate
from annotator.store import ProjectStore
from annotator.store.clock import utc_now
from annotator.store.suggestions import StoredRecommender

log = logging.getLogger(__name__)

# Retrain after this many newly done documents (the Recommenders panel may change it).
RETRAIN_AFTER_DONE = 5
# Documents whose work one query reads (under SQLite's oldest parameter limit, 999).
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class RecommenderStatus:
    """One row of the Recommenders panel."""

    name: str
    active: bool
    threshold: float
    trained_at: str | None
    documents: int
    done_since_training: int
    evaluation: dict[str, Any] | None

    def needs_training(self, every: int = RETRAIN_AFTER_DONE) -> bool:
        """True when never trained or ``every`` documents were done since."""
        return self.trained_at is None or self.done_since_training >= every


def learning_sources(store: ProjectStore, annotator: str) -> list[str]:
    """Whose done work a recommender of ``annotator`` learns from: theirs, then the gold."""
    gold = [a.name for a in store.annotators.all(AnnotatorKind.GOLD) if a.name != annotator]
    return [annotator, *gold]


def done_documents(store: ProjectStore, annotator: str) -> list[str]:
    """Ids of the documents ``annotator`` or the gold marked done."""
    done: list[str] = []
    for name in learning_sources(store, annotator):
        done += store.annotators.documents_at(name, Status.DONE)
    return list(dict.fromkeys(done))


def training_set(store: ProjectStore, annotator: str) -> TrainingSet:
    """The done work of ``annotator`` and the gold, and every rejection ``annotator`` made.

    Where both finished a document the gold's version wins (it is the adjudicated one).
    """
    try:
        store.annotators.get(annotator)
    except KeyError:
        raise ValidationError(f"no annotator called {annotator!r} in the project") from None
    sources = learning_sources(store, annotator)
    chosen: dict[str, str] = {}
    for name in sources:
        for doc_id in store.annotators.documents_at(name, Status.DONE):
            chosen[doc_id] = name  # later sources (the gold) overwrite
    spans, events = _work_of(store, sources, sorted(chosen))
    rejections = _rejections_by_document(store, annotator)
    documents = []
    for doc_id, name in chosen.items():
        text = store.documents.get(doc_id).text
        doc_spans = tuple(Labelled(s.start, s.end, s.label) for s in spans.get((doc_id, name), ()))
        triggers = tuple(
            Labelled(e.trigger_start, e.trigger_end, e.type) for e in events.get((doc_id, name), ())
        )
        rejected_spans, rejected_triggers = rejections.pop(doc_id, ((), ()))
        documents.append(
            TrainingDocument(text, doc_spans, triggers, rejected_spans, rejected_triggers, doc_id)
        )
    extra = tuple(
        TrainingDocument(store.documents.get(doc_id).text, (), (), spans_, triggers_, id=doc_id)
        for doc_id, (spans_, triggers_) in rejections.items()
    )
    return TrainingSet(tuple(documents), extra)


def _work_of(
    store: ProjectStore, sources: list[str], doc_ids: list[str]
) -> tuple[dict[tuple[str, str], list[Span]], dict[tuple[str, str], list[Event]]]:
    """The spans and events of ``sources`` in the documents ``doc_ids`` only: the work
    in documents nobody finished is not learnt from, and reading all of it (2,000,000
    spans on a large project) held the window for half a minute when it opened."""
    spans: dict[tuple[str, str], list[Span]] = {}
    events: dict[tuple[str, str], list[Event]] = {}
    for start in range(0, len(doc_ids), _IDS_PER_QUERY):
        chunk = doc_ids[start : start + _IDS_PER_QUERY]
        spans |= store.work.spans(sources, chunk)
        events |= store.work.events(sources, chunk)
    return spans, events


def _rejections_by_document(
    store: ProjectStore, annotator: str
) -> dict[str, tuple[tuple[Labelled, ...], tuple[Labelled, ...]]]:
    grouped: dict[str, tuple[list[Labelled], list[Labelled]]] = {}
    for item in store.suggestions.rejections(annotator):
        spans, triggers = grouped.setdefault(item.document_id, ([], []))
        (spans if item.kind is ItemKind.SPAN else triggers).append(item.labelled)
    return {doc: (tuple(s), tuple(t)) for doc, (s, t) in grouped.items()}


def train_recommender(name: str, training: TrainingSet) -> Recommender:
    """A recommender called ``name`` trained on ``training`` (pure: run it in any process)."""
    recommender = make_recommender(name)
    recommender.fit(training)
    return recommender


def evaluate_recommender(name: str, training: TrainingSet, threshold: float = 0.0) -> Evaluation:
    """Precision, recall and F1 per label of ``name`` on held-out done documents."""
    return evaluate(lambda: make_recommender(name), training, threshold=threshold)


def evaluate_all(
    training: TrainingSet, names: Iterable[str] = RECOMMENDERS
) -> dict[str, Evaluation]:
    """:func:`evaluate_recommender` for each recommender."""
    return {name: evaluate_recommender(name, training) for name in names}


def recommender_statuses(store: ProjectStore, annotator: str) -> list[RecommenderStatus]:
    """Each recommender's state for ``annotator``: the Recommenders panel's rows."""
    stored = {s.recommender: s for s in store.suggestions.recommender_states(annotator)}
    done = len(done_documents(store, annotator))
    rows = []
    for name in RECOMMENDERS:
        state = stored.get(name, StoredRecommender(annotator, name))
        rows.append(
            RecommenderStatus(
                name,
                state.active,
                state.threshold,
                state.trained_at,
                state.documents,
                max(0, done - state.documents) if state.trained_at else done,
                state.evaluation,
            )
        )
    return rows


def set_recommender_options(
    store: ProjectStore,
    annotator: str,
    name: str,
    active: bool | None = None,
    threshold: float | None = None,
) -> None:
    """Switch a recommender on or off, or change its confidence threshold (0..1)."""
    make_recommender(name)  # refuses an unknown name
    state = _stored(store, annotator, name)
    if active is not None:
        state = replace(state, active=active)
    if threshold is not None:
        state = replace(state, threshold=min(1.0, max(0.0, float(threshold))))
    store.suggestions.save_recommender_state(state)


def save_trained(
    store: ProjectStore,
    annotator: str,
    recommender: Recommender,
    training: TrainingSet,
    evaluation: Evaluation | None = None,
) -> None:
    """Record that ``recommender`` was trained on ``training`` (and how well it did).

    The CRF's model is stored too (crfsuite's own format, never a pickle: a
    project file from someone else must not run code), so it is ready on the
    next start; the string matcher retrains in well under a second.
    """
    state = replace(
        _stored(store, annotator, recommender.name),
        trained_at=utc_now(),
        documents=training.size,
        evaluation=evaluation.to_dict() if evaluation else None,
        model=recommender.model if isinstance(recommender, CrfLabeller) else None,
    )
    store.suggestions.save_recommender_state(state)


def load_trained(store: ProjectStore, annotator: str) -> dict[str, Recommender]:
    """The active recommenders of ``annotator`` ready to predict (the strings retrained now)."""
    result: dict[str, Recommender] = {}
    training: TrainingSet | None = None
    for state in store.suggestions.recommender_states(annotator):
        if not state.active or state.trained_at is None:
            continue
        if state.recommender == "crf" and state.model:
            try:
                result["crf"] = CrfLabeller.from_model(state.model)
            except ValidationError as exc:  # trained again when the window next trains
                log.warning("%s: %s; the CRF will be trained again", store.path, exc)
        elif state.recommender == "strings":
            training = training or training_set(store, annotator)
            result["strings"] = train_recommender("strings", training)
    return result


def _stored(store: ProjectStore, annotator: str, name: str) -> StoredRecommender:
    for state in store.suggestions.recommender_states(annotator):
        if state.recommender == name:
            return state
    return StoredRecommender(annotator, name)


def documents_by_usefulness(
    store: ProjectStore, annotator: str, labeller: CrfLabeller, doc_ids: Sequence[str] | None = None
) -> list[tuple[str, float]]:
    """Documents ``annotator`` has not done, the model's least certain first (active learning).

    Returns (document id, uncertainty in 0..1) pairs; ``doc_ids`` limits the candidates.
    """
    statuses = store.annotators.statuses(annotator)
    candidates = doc_ids if doc_ids is not None else [s.id for s in store.documents.summaries()]
    open_docs = [d for d in candidates if statuses.get(d) not in (Status.DONE, Status.SKIPPED)]
    scored = [(d, labeller.uncertainty(store.documents.get(d).text)) for d in open_docs]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))


class CachedRecommender:
    """A trained recommender whose predictions are remembered per text.

    The window asks for a document's suggestions after every accept or reject;
    the text does not change, so the (CRF: milliseconds) prediction need not
    run again. Wrap each live recommender once it is trained; a retrained one
    gets a new wrapper, so nothing stale is kept.
    """

    def __init__(self, recommender: Recommender, size: int = 64) -> None:
        self.recommender = recommender
        self.name = recommender.name
        self.kinds = getattr(recommender, "kinds", (ItemKind.SPAN,))
        self._size = size
        self._cache: OrderedDict[str, list[Prediction]] = OrderedDict()

    def fit(self, training: TrainingSet) -> None:
        """Retrain the wrapped recommender and forget what it predicted."""
        self.recommender.fit(training)
        self._cache.clear()

    def predict(self, text: str) -> list[Prediction]:
        """The wrapped recommender's predictions, computed once per text (the last ``size``)."""
        found = self._cache.get(text)
        if found is None:
            found = self.recommender.predict(text)
            self._cache[text] = found
            if len(self._cache) > self._size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(text)
        return list(found)
