"""Whole-project reads see one moment, even while another window commits in between."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import ProjectBusyError
from annotator.core.model import Argument, Event, Span, new_id
from annotator.services import agreement
from annotator.services.exporting import ExportOptions, export_project
from annotator.services.importing import import_paths
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project, open_project
from tests.io_samples import ARTICLE_2, build_project, locate


def add_attack_elsewhere(path: Path, doc_id: str) -> None:
    """Another window: a new span and an event whose argument points at it, one commit."""
    with open_project(path) as other:
        victim = Span(new_id(), doc_id, "amal", *locate(ARTICLE_2, "قريةً"), "FAC")
        with other.transaction():
            other.annotations.add_span(victim)
            other.annotations.add_event(
                Event(new_id(), doc_id, "amal", "Conflict.Attack", *locate(ARTICLE_2, "هاجمَ"),
                      (Argument(new_id(), "Target", victim.id),))
            )


def entity_and_event_counts(path: Path) -> list[tuple[int, int]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(len(r["entities"]), len(r["events"])) for r in records]


def test_a_commit_between_the_span_and_event_reads_does_not_tear_the_export(
    project: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = build_project(project)["kirkuk"]
    before = tmp_path / "before.jsonl"
    export_project(project, ExportOptions(), before)
    read_events = project.interchange.event_rows
    commits = []

    def commit_then_read_events(*args):  # the other window commits right after the span read
        add_attack_elsewhere(project.path, doc_id)
        commits.append(True)
        return read_events(*args)

    monkeypatch.setattr(project.interchange, "event_rows", commit_then_read_events)
    during = tmp_path / "during.jsonl"
    export_project(project, ExportOptions(), during)
    assert commits == [True]
    assert entity_and_event_counts(during) == entity_and_event_counts(before)
    with create_project(tmp_path / "back.annproj", default_schema()) as back:
        report = import_paths(back, [during])  # an argument pointing at nothing is refused
    assert report.events == sum(n for _, n in entity_and_event_counts(before))
    monkeypatch.undo()
    after = tmp_path / "after.jsonl"
    export_project(project, ExportOptions(), after)
    assert entity_and_event_counts(after) != entity_and_event_counts(before)  # it did commit


def test_agreement_reads_one_moment(
    project: ProjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = build_project(project)["kirkuk"]
    project.annotations.add_span(Span(new_id(), doc_id, "karim", 0, 4, "GPE"))
    read_events = project.work.events

    def commit_then_read_events(*args):
        add_attack_elsewhere(project.path, doc_id)
        return read_events(*args)

    monkeypatch.setattr(project.work, "events", commit_then_read_events)
    seen = []
    monkeypatch.setattr(agreement, "compute_agreement", lambda docs, names, *_: seen.extend(docs))
    agreement.project_agreement(project, ["amal", "karim"])
    (kirkuk,) = [d for d in seen if d.title == "كركوك"]
    assert len(kirkuk.work["amal"].triggers) == 1  # not the attack committed meanwhile


def test_a_snapshot_is_reentrant_and_refuses_writes(project: ProjectStore) -> None:
    doc_id = build_project(project)["kirkuk"]
    with project.snapshot():
        with project.snapshot():
            count = len(project.annotations.spans(doc_id))
        with pytest.raises(ProjectBusyError, match="while the whole project is being read"):
            project.annotations.add_span(Span(new_id(), doc_id, "amal", 0, 3, "GPE"))
        assert len(project.annotations.spans(doc_id)) == count
    assert not project.db.conn.in_transaction
    project.annotations.add_span(Span(new_id(), doc_id, "amal", 0, 3, "GPE"))  # writable again
    with project.transaction(), project.snapshot():  # inside a write: that transaction
        project.annotations.add_span(Span(new_id(), doc_id, "karim", 0, 3, "GPE"))
    assert len(project.annotations.spans(doc_id)) == count + 2
