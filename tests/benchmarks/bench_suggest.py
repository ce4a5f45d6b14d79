"""Recommenders: training, suggestions per article, a 10,000-article run, and quality.

Prints:
  suggest_train_s              training the CRF on 1,000 done articles of ~1,500 characters
  suggest_doc_ms_strings       suggestions for one ~1,500-character article (median), string
                               matcher trained on the same 1,000 articles
  suggest_doc_ms_crf           the same for the CRF
  suggest_accept_ms            accepting one suggestion into the store (median, the service part
                               of the accept key; the window's repaint comes on top)
  suggest_list_ms              a document's suggestions from a model annotator and both live
                               recommenders (cached), minus own work and rejections: what the
                               window asks after each accept or reject (median)
  suggest_corpus_10k_s         `annotator suggest --recommender crf` on a project of 1,000 done
                               and 10,000 other articles: training, prediction on every core, and
                               writing the predictions in one transaction
  suggest_corpus_10k_strings_s the same with the string matcher
  suggest_f1_{seen,unseen}_{strings,crf}
                               entity F1 on 200 held-out articles where half the names never
                               occur in the 1,000 training articles, on the names seen in
                               training and on the unseen ones
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.model import Span, Status, new_id
from annotator.core.recommenders import ItemKind, TrainingSet
from annotator.services.predicting import predict_project
from annotator.services.projects import new_project
from annotator.services.recommending import CachedRecommender, train_recommender, training_set
from annotator.services.suggestion_actions import accept
from annotator.services.suggestions import Suggestion, suggestions
from tests.recommender_data import generate, seen_unseen_scores

TRAIN_DOCS = 1000
CORPUS_DOCS = 10_000


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.3f} {unit}".rstrip(), flush=True)


def median_ms(func, items) -> float:
    times = []
    for item in items:
        started = time.perf_counter()
        func(item)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench_training_and_quality() -> None:
    training = TrainingSet(tuple(g.document for g in generate(TRAIN_DOCS, seed=1)))
    started = time.perf_counter()
    labeller = train_recommender("crf", training)
    report("suggest_train_s", time.perf_counter() - started, "s")
    matcher = train_recommender("strings", training)
    held_out = generate(200, seed=2, unseen_share=0.5)
    texts = [g.document.text for g in held_out]
    for name, recommender in (("strings", matcher), ("crf", labeller)):
        report(f"suggest_doc_ms_{name}", median_ms(recommender.predict, texts), "ms")
    for name, recommender in (("strings", matcher), ("crf", labeller)):
        seen, unseen = seen_unseen_scores(recommender, held_out, training.documents)
        report(f"suggest_f1_seen_{name}", seen.f1, "")
        report(f"suggest_f1_unseen_{name}", unseen.f1, "")


def build_corpus(path: Path) -> None:
    """1,000 articles amal labelled and finished, and 10,000 nobody touched."""
    done = generate(TRAIN_DOCS, seed=3)
    rest = generate(CORPUS_DOCS, seed=4)
    with new_project(path) as store, store.transaction():
        docs = store.documents.add_many(
            (g.document.text, f"article {n}", None, None, None)
            for n, g in enumerate([*done, *rest])
        )
        store.annotators.ensure("amal")
        spans = [
            Span(new_id(), doc.id, "amal", s.start, s.end, s.label)
            for doc, g in zip(docs, done, strict=False)
            for s in g.document.spans
        ]
        store.interchange.add_spans(spans)
        store.interchange.set_statuses((doc.id, "amal", Status.DONE) for doc in docs[:TRAIN_DOCS])


def bench_corpus(folder: Path) -> None:
    path = folder / "corpus.annproj"
    build_corpus(path)
    from annotator.services.projects import open_project

    for name, metric in (
        ("crf", "suggest_corpus_10k_s"),
        ("strings", "suggest_corpus_10k_strings_s"),
    ):
        with open_project(path) as store:
            started = time.perf_counter()
            predict_project(store, "amal", name, f"model-{name}")
            report(metric, time.perf_counter() - started, "s")
    with open_project(path) as store:
        doc_ids = [s.id for s in store.documents.summaries()[TRAIN_DOCS : TRAIN_DOCS + 200]]
        items = [
            Suggestion(d, ItemKind.SPAN, s.start, s.end, s.label, "model:model-crf", 0.9)
            for d in doc_ids
            for s in store.annotations.spans(d, "model-crf")[:1]
        ]
        report("suggest_accept_ms", median_ms(lambda s: accept(store, "karim", s), items), "ms")
        live = {
            name: CachedRecommender(train_recommender(name, training_set(store, "amal")))
            for name in ("strings", "crf")
        }
        sources = ["model:model-crf", "recommender:strings", "recommender:crf"]

        def listing(doc_id: str) -> None:
            suggestions(store, doc_id, "karim", sources, live)

        for doc_id in doc_ids:
            listing(doc_id)  # the window computed them when it opened the document
        report("suggest_list_ms", median_ms(listing, doc_ids), "ms")


def main() -> None:
    bench_training_and_quality()
    with tempfile.TemporaryDirectory() as folder:
        bench_corpus(Path(folder))


if __name__ == "__main__":
    main()
