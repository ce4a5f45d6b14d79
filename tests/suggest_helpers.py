"""Projects filled with generated articles (tests/recommender_data.py) for suggestion tests."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Event, Span, Status, new_id
from annotator.services.projects import new_project
from annotator.store import ProjectStore
from tests.recommender_data import GeneratedDocument, generate


def add_generated(
    store: ProjectStore, annotator: str, generated: list[GeneratedDocument], done: int
) -> list[str]:
    """Add the articles; ``annotator`` labelled the first ``done`` of them and marked them done.

    Returns the document ids in order.
    """
    ids = []
    with store.transaction():
        store.annotators.ensure(annotator)
        for n, item in enumerate(generated):
            doc = store.documents.add(item.document.text, f"article {n}")
            ids.append(doc.id)
            if n >= done:
                continue
            store.annotations.add_spans(
                Span(new_id(), doc.id, annotator, s.start, s.end, s.label)
                for s in item.document.spans
            )
            for t in item.document.triggers:
                store.annotations.add_event(
                    Event(new_id(), doc.id, annotator, t.label, t.start, t.end)
                )
            store.annotators.set_status(doc.id, annotator, Status.DONE)
    return ids


def generated_project(path: Path, count: int = 30, done: int = 20, seed: int = 7) -> Path:
    """A project file at ``path``: ``count`` articles, amal did the first ``done``."""
    with new_project(path) as store:
        add_generated(store, "amal", generate(count, seed, chars=600), done)
    return path


def trained_project(
    path: Path, annotator: str = "amal", names: tuple[str, ...] = ("crf", "strings")
) -> Path:
    """The project at ``path`` with ``annotator``'s recommenders ``names`` trained and
    stored (evaluation included), as a window's training leaves them."""
    from annotator.services.project import open_project
    from annotator.services.recommending import evaluate_recommender, train_recommender

    with open_project(path) as project:
        training = project.training_set(annotator)
        for name in names:
            evaluation = evaluate_recommender(name, training)
            project.save_trained(annotator, train_recommender(name, training), training, evaluation)
    return path
