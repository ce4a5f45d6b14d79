"""Live recommenders' training data, state, retraining, and active-learning order."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Span, Status, new_id
from annotator.core.recommenders import CrfLabeller
from annotator.services import predicting
from annotator.services.predicting import predict_project
from annotator.services.recommending import (
    documents_by_usefulness,
    evaluate_recommender,
    load_trained,
    recommender_statuses,
    save_trained,
    set_recommender_options,
    train_recommender,
    training_set,
)
from annotator.store import ProjectStore
from tests.recommender_data import generate
from tests.suggest_helpers import add_generated


@pytest.fixture
def ids(project: ProjectStore) -> list[str]:
    return add_generated(project, "amal", generate(24, seed=11, chars=500), done=16)


def test_training_set_holds_done_work_gold_and_rejections(project, ids) -> None:
    project.annotators.ensure("gold", AnnotatorKind.GOLD)
    project.annotations.add_span(Span(new_id(), ids[20], "gold", 0, 3, "ORG"))
    project.annotators.set_status(ids[20], "gold", Status.DONE)
    project.suggestions.reject([_rejection(ids[22])])
    training = training_set(project, "amal")
    assert training.size == 17
    gold_doc = next(d for d in training.documents if d.id == ids[20])
    assert [(s.start, s.end, s.label) for s in gold_doc.spans] == [(0, 3, "ORG")]
    assert [d.id for d in training.extra_rejections] == [ids[22]]
    assert training.extra_rejections[0].rejected_spans[0].label == "PER"
    with pytest.raises(ValidationError, match="no annotator called 'nobody'"):
        training_set(project, "nobody")


def _rejection(doc_id: str):
    from annotator.core.recommenders import ItemKind
    from annotator.core.recommenders.base import Rejection

    return Rejection(doc_id, "amal", ItemKind.SPAN, 0, 3, "PER", "model:x")


def test_panel_state_survives_and_counts_documents_done_since_training(project, ids) -> None:
    rows = {r.name: r for r in recommender_statuses(project, "amal")}
    assert set(rows) == {"strings", "crf"} and rows["crf"].needs_training()
    training = training_set(project, "amal")
    labeller = train_recommender("crf", training)
    evaluation = evaluate_recommender("crf", training)
    save_trained(project, "amal", labeller, training, evaluation)
    set_recommender_options(project, "amal", "crf", threshold=0.7)
    set_recommender_options(project, "amal", "strings", active=False)
    crf = next(r for r in recommender_statuses(project, "amal") if r.name == "crf")
    assert (crf.documents, crf.done_since_training, crf.threshold) == (16, 0, 0.7)
    assert crf.evaluation["per_label"]["PER"]["support"] > 0 and not crf.needs_training()
    for doc_id in ids[16:21]:
        project.annotators.set_status(doc_id, "amal", Status.DONE)
    crf = next(r for r in recommender_statuses(project, "amal") if r.name == "crf")
    assert crf.done_since_training == 5 and crf.needs_training(every=5)
    loaded = load_trained(project, "amal")
    assert set(loaded) == {"crf"}  # strings is switched off, and was never trained
    text = project.documents.get(ids[23]).text
    assert loaded["crf"].predict(text) == labeller.predict(text)
    with pytest.raises(ValidationError, match="unknown recommender"):
        set_recommender_options(project, "amal", "bert")


def test_most_useful_next_puts_the_least_certain_documents_first(project, ids) -> None:
    labeller = train_recommender("crf", training_set(project, "amal"))
    odd = project.documents.add("قال ثلاثة من تلك الجهات البعيدة إن شيئا لم يحدث.", "odd").id
    ranking = documents_by_usefulness(project, "amal", labeller)
    ranked_ids = [doc_id for doc_id, _ in ranking]
    assert set(ranked_ids) == {*ids[16:], odd}  # done documents are not proposed
    scores = [score for _, score in ranking]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert isinstance(labeller, CrfLabeller)


def test_predictions_in_worker_processes_equal_those_in_process(project, ids, monkeypatch):
    predict_project(project, "amal", "crf", "serial", workers=1)
    monkeypatch.setattr(predicting, "_PARALLEL_FROM", 1)
    monkeypatch.setattr(predicting, "_CHUNK", 3)
    seen: list[tuple[int, int]] = []
    run = predict_project(
        project, "amal", "crf", "parallel", workers=2, progress=lambda d, t: seen.append((d, t))
    )
    assert run.documents == 8 and seen[-1] == (8, 8) and len(seen) == 3
    serial = project.work.spans(["serial"])
    parallel = project.work.spans(["parallel"])
    assert {
        doc: [(s.start, s.end, s.label) for s in spans] for (doc, _), spans in serial.items()
    } == {doc: [(s.start, s.end, s.label) for s in spans] for (doc, _), spans in parallel.items()}


def test_cached_recommender_predicts_each_text_once(project, ids) -> None:
    from annotator.services.recommending import CachedRecommender

    matcher = train_recommender("strings", training_set(project, "amal"))
    calls: list[str] = []
    real = matcher.predict

    def counting(text: str):
        calls.append(text)
        return real(text)

    matcher.predict = counting  # type: ignore[method-assign]
    cached = CachedRecommender(matcher, size=2)
    texts = [project.documents.get(d).text for d in ids[20:23]]
    first = cached.predict(texts[0])
    assert cached.predict(texts[0]) == first and len(calls) == 1
    first.clear()  # callers may change what they got without spoiling the cache
    assert cached.predict(texts[0]) != []
    cached.predict(texts[1])
    cached.predict(texts[2])  # the oldest text falls out
    cached.predict(texts[0])
    assert len(calls) == 4 and cached.name == "strings"


def test_a_failed_prediction_run_leaves_the_earlier_predictions(project, ids, monkeypatch) -> None:
    from annotator.core.errors import ProjectError

    predict_project(project, "amal", "strings", "ner")
    before = project.work.spans(["ner"])
    assert before

    def broken(events):
        raise ProjectError("disk full")

    monkeypatch.setattr(project.interchange, "add_events", broken)
    with pytest.raises(ProjectError, match="disk full"):
        predict_project(project, "amal", "crf", "ner")
    assert project.work.spans(["ner"]) == before


def test_training_set_reads_the_work_of_done_documents_beyond_one_query(project) -> None:
    """More done documents than one query reads: every one keeps its own spans; work in
    documents nobody finished stays out."""
    docs = project.documents.add_many(
        (f"نص رقم {n} عن بغداد", f"t{n}", None, None, None) for n in range(1201)
    )
    project.interchange.add_spans(
        [Span(new_id(), d.id, "amal", 0, 2, "PER") for d in docs]
        + [Span(new_id(), d.id, "amal", 3, 7, "GPE") for d in docs[::2]]
    )
    project.interchange.set_statuses((d.id, "amal", Status.DONE) for d in docs[:1100])
    training = training_set(project, "amal")
    assert training.size == 1100
    by_id = {d.id: d for d in training.documents}
    assert set(by_id) == {d.id for d in docs[:1100]}
    for n, doc in enumerate(docs[:1100]):
        expected = [(0, 2, "PER")] + ([(3, 7, "GPE")] if n % 2 == 0 else [])
        assert [(s.start, s.end, s.label) for s in by_id[doc.id].spans] == expected
