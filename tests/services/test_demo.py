"""The demo project: original articles, two annotators who partly disagree."""

from __future__ import annotations

from pathlib import Path

from annotator.core.text import is_canonical
from annotator.services.demo import create_demo_project, demo_project_path, ensure_demo_project


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
        events = [e for d in documents for e in store.annotations.events(d.id)]
        assert events and all(e.arguments for e in events[:5])


def test_first_run_creates_the_demo_under_the_data_dir() -> None:
    path = ensure_demo_project()
    assert path == demo_project_path() and path.is_file()
    mtime = path.stat().st_mtime_ns
    assert ensure_demo_project() == path
    assert path.stat().st_mtime_ns == mtime  # not rebuilt
