"""The bundled demo project: original Arabic articles annotated by two example annotators.

The demo file names each mention by its text and occurrence rather than by
offsets, so that the articles stay easy to read and edit; offsets are computed
here, when the project is built.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.core.recommenders import Prediction, TrainingSet
from annotator.core.resources import resource_path
from annotator.core.text import canonicalize
from annotator.services.locations import data_dir
from annotator.services.predicting import write_predictions
from annotator.services.projects import PROJECT_SUFFIX, new_project
from annotator.services.recommending import train_recommender, training_set
from annotator.store import ProjectStore

DEMO_FILE = ("demo", "articles.json")
DEMO_NAME = "Demo: Arabic news"
# The model annotator whose predictions a new user sees as suggestions on first run.
DEMO_MODEL = "ner-model"


def demo_project_path() -> Path:
    """Where the demo project is created on first run."""
    return data_dir() / f"demo{PROJECT_SUFFIX}"


def ensure_demo_project() -> Path:
    """The demo project's path, creating the project first if it does not exist yet."""
    path = demo_project_path()
    if not path.exists():
        create_demo_project(path).close()
    return path


def create_demo_project(path: Path) -> ProjectStore:
    """Build the demo project at ``path`` from the bundled articles."""
    demo = json.loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
    store = new_project(path, name=DEMO_NAME)
    try:
        with store.transaction():
            for name in demo["annotators"]:
                store.annotators.ensure(name)
            for article in demo["articles"]:
                _add_article(store, article)
            add_demo_predictions(store, demo["annotators"], DEMO_MODEL)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store


def _add_article(store: ProjectStore, article: dict[str, Any]) -> None:
    text = canonicalize(article["text"]).text
    doc = store.documents.add(
        text, article["title"], external_id=article["id"], meta={"source": "demo"}
    )
    for annotator, work in article.get("annotations", {}).items():
        spans = {
            item["id"]: Span(new_id(), doc.id, annotator, *_locate(text, item), label=item["label"])
            for item in work.get("entities", [])
        }
        store.annotations.add_spans(spans.values())
        for item in work.get("events", []):
            start, end = _locate(text, {"text": item["trigger"], **item})
            arguments = tuple(
                Argument(new_id(), arg["role"], spans[arg["entity"]].id)
                for arg in item.get("arguments", [])
            )
            store.annotations.add_event(
                Event(new_id(), doc.id, annotator, item["type"], start, end, arguments)
            )
    for annotator, status in article.get("status", {}).items():
        store.annotators.set_status(doc.id, annotator, Status.parse(status))


def _locate(text: str, item: dict[str, Any]) -> tuple[int, int]:
    """Offsets of the n-th occurrence (1-based) of ``item['text']`` in ``text``."""
    needle, occurrence = item["text"], item.get("occurrence", 1)
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            raise ValidationError(f"demo: {needle!r} occurs fewer than {occurrence} times")
    return position, position + len(needle)


def add_demo_predictions(store: ProjectStore, annotators: list[str], model: str) -> None:
    """Predictions of ``model`` for every article, learnt from the annotators' done work.

    Both recommenders learn from the demo's own done articles: the string matcher
    finds the names labelled elsewhere, the CRF adds mentions it generalises to
    (where the two overlap, the matcher's span is kept).
    """
    documents = tuple(doc for name in annotators for doc in training_set(store, name).documents)
    training = TrainingSet(documents)
    matcher = train_recommender("strings", training)
    labeller = train_recommender("crf", training)
    results: dict[str, list[tuple[str, Prediction]]] = {}
    for doc in store.documents.iter_all():
        found = [("strings", p) for p in matcher.predict(doc.text)]
        found += [("crf", p) for p in labeller.predict(doc.text) if not _overlaps(p, found)]
        results[doc.id] = found
    write_predictions(store, model, results)


def _overlaps(prediction: Prediction, found: list[tuple[str, Prediction]]) -> bool:
    """True when a prediction of the same kind in ``found`` shares a character with it."""
    return any(
        p.kind is prediction.kind and p.start < prediction.end and prediction.start < p.end
        for _, p in found
    )
