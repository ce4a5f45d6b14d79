"""Long jobs on their own connection: the session heartbeat never joins their transaction."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from annotator.core.errors import ProjectBusyError
from annotator.services.importing import ImportCancelled, import_paths
from annotator.services.jobs import on_own_connection
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project


def test_the_heartbeat_cannot_write_inside_an_import(tmp_path: Path) -> None:
    path = tmp_path / "p.annproj"
    new_project(path).close()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "نص للاستيراد"}, ensure_ascii=False) + "\n")
    opened = open_for_editing(path, "amal")
    assert opened.session is not None
    importing, release = threading.Event(), threading.Event()
    outcome: list[BaseException] = []

    def progress(done: int, total: int) -> bool:
        importing.set()
        release.wait(10)
        return False  # the user cancels: the import rolls back

    def run() -> None:
        try:
            on_own_connection(
                opened.store, lambda own: import_paths(own, [source], progress=progress)
            )
        except ImportCancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert importing.wait(10)
    assert not opened.store.db.conn.in_transaction  # the import is not the window's
    started = time.monotonic()
    with pytest.raises(ProjectBusyError):
        opened.session.heartbeat()  # its own connection: it waits briefly, never joins
    assert time.monotonic() - started < 2
    release.set()
    worker.join(10)
    assert outcome and opened.store.documents.count() == 0
    before = opened.store.sessions.of_annotator("amal")[0].heartbeat
    time.sleep(0.01)
    assert opened.session.heartbeat()  # after the rollback: written, and kept
    assert opened.store.sessions.of_annotator("amal")[0].heartbeat > before
    opened.close()


def test_merge_reports_progress_and_a_cancel_rolls_the_file_back(project, tmp_path: Path) -> None:
    from annotator.services.merge import MergeCancelled, merge_projects
    from tests.services.team_helpers import add_articles, finish, mention

    other_path = tmp_path / "karim.annproj"
    with new_project(other_path) as other:
        ids = add_articles(other)
        for doc_id in ids:
            mention(other, doc_id, "karim", other.documents.get(doc_id).text[:4], "GPE")
            finish(other, doc_id, "karim")
    seen: list[tuple[int, int]] = []
    with pytest.raises(MergeCancelled):
        merge_projects(
            project, [other_path], lambda done, total: seen.append((done, total)) or done < 1
        )
    assert project.documents.count() == 0  # rolled back whole
    assert seen[0] == (0, 3) and seen[-1] == (1, 3)
    seen.clear()
    merge_projects(project, [other_path], lambda done, total: seen.append((done, total)) or True)
    assert project.documents.count() == 3 and [d for d, _ in seen] == [0, 1, 2]


def test_agreement_reports_progress_and_can_be_cancelled(project) -> None:
    from annotator.services.agreement import AgreementCancelled, project_agreement
    from tests.services.team_helpers import add_articles, finish, mention

    ids = add_articles(project)
    for name in ("amal", "karim"):
        mention(project, ids[0], name, "عمّان", "GPE")
        finish(project, ids[0], name)
    seen: list[tuple[int, int]] = []
    report = project_agreement(project, ["amal", "karim"], lambda d, t: seen.append((d, t)) or True)
    assert seen == [(0, 3)] and len(report.documents) == 1
    with pytest.raises(AgreementCancelled):
        project_agreement(project, ["amal", "karim"], lambda d, t: False)
