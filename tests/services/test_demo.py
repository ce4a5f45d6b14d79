"""The demo project: original articles, two annotators who partly disagree."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import AnnotatorKind
from annotator.core.text import is_canonical
from annotator.services.demo import (
    DEMO_MODEL,
    create_demo_project,
    demo_project_path,
    ensure_demo_project,
)
from annotator.services.suggestions import available_sources, suggestions


def test_demo_has_annotated_articles_with_disagreements(tmp_path: Path) -> None:
    with create_demo_project(tmp_path / "demo.annproj") as store:
        documents = list(store.documents.iter_all())
        assert len(documents) >= 6
        assert all(is_canonical(d.text) for d in documents)
        disagreeing = 0
        for doc in documents:
            amal = {(s.start, s.end, s.label) for s in store.annotations.spans(doc.id, "amal")}
            karim = {(s.start, s.end, s.label) for s in store.annotations.spans(doc.id, "karim")}
            disagreeing += bool(amal ^ karim)
            for span in store.annotations.spans(doc.id):
                assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end]
        assert disagreeing >= 4
        events = [
            e
            for d in documents
            for name in ("amal", "karim")
            for e in store.annotations.events(d.id, name)
        ]
        assert events and all(e.arguments for e in events[:5])


def test_first_run_creates_the_demo_under_the_data_dir() -> None:
    path = ensure_demo_project()
    assert path == demo_project_path() and path.is_file()
    mtime = path.stat().st_mtime_ns
    assert ensure_demo_project() == path
    assert path.stat().st_mtime_ns == mtime  # not rebuilt


def test_a_new_user_sees_model_suggestions_learnt_from_the_demo(tmp_path: Path) -> None:
    with create_demo_project(tmp_path / "demo.annproj") as store:
        assert store.annotators.get(DEMO_MODEL).kind is AnnotatorKind.MODEL
        source = f"model:{DEMO_MODEL}"
        assert source in [s.name for s in available_sources(store, "amal")]
        documents = list(store.documents.iter_all())
        shown = {d.id: suggestions(store, d.id, "amal", [source]) for d in documents}
        assert sum(map(len, shown.values())) >= len(documents)
        items = [item for found in shown.values() for item in found]
        assert {i.source for i in items} == {source}
        assert all(i.confidence is not None and 0 < i.confidence <= 1 for i in items)
        provenance = {
            s.source for d in documents for s in store.annotations.spans(d.id, DEMO_MODEL)
        }
        assert provenance == {"recommender:strings", "recommender:crf"}
        assert any(i.kind.value == "event" for i in items)  # the matcher suggests triggers
