"""The opening backup runs beside the window: the first change waits for it, damage is caught."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.core.model import Span, new_id
from annotator.services.backups import backups_of, start_backup
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project, open_project
from annotator.store import connection

from .test_backups import TEXT, damage, span_count


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "large.annproj"
    with new_project(path) as store:
        store.documents.add_many((f"{TEXT} {i}", f"خبر {i}", None, None, None) for i in range(300))
    return path


def test_the_first_change_waits_for_the_backup_and_is_not_in_it(proj: Path) -> None:
    copying, release = threading.Event(), threading.Event()

    def slow_step(done: int, total: int) -> None:
        copying.set()
        release.wait(10)

    with open_project(proj) as store:
        job = start_backup(store, keep=3, progress=slow_step)
        assert copying.wait(10)
        doc = store.documents.summaries()[0]
        threading.Timer(0.3, release.set).start()
        store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        # The change waited while the backup was being written.
        assert release.is_set() and job.done and job.result is not None
    assert span_count(job.result) == 0  # the backup is the project before the change
    assert span_count(proj) == 1


def test_a_large_project_opens_unchecked_and_the_backup_finds_its_damage(
    proj: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)  # every file is "large"
    damage(proj)
    opened = open_for_editing(proj, keep_backups=3)  # no page check on the way in
    assert opened.backup is None and opened.backup_job is not None
    assert opened.backup_job.damaged
    problem = opened.take_backup_problem()
    assert problem is not None and "damaged" in problem
    assert opened.store.read_only  # nothing more is written to a damaged file
    assert opened.take_backup_problem() is None  # reported once
    opened.close()
    assert backups_of(proj) == []  # a damaged copy is never kept as a backup


def test_closing_soon_after_opening_abandons_a_long_backup(
    proj: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("annotator.services.opening.CLOSE_WAIT_S", 0.0)
    opened = open_for_editing(proj, "amal", keep_backups=3)
    job = opened.backup_job
    assert job is not None
    opened.close()
    assert job.done
    # Either it had finished (and is kept whole) or it left nothing behind.
    kept = backups_of(proj)
    assert kept == [] or (job.result is not None and kept[0].path == job.result)
    assert not [p for p in (proj.parent / "backups").iterdir() if p.name.endswith(".tmp")]


def test_check_command_runs_the_full_integrity_check(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main as cli_main

    assert cli_main(["check", str(proj)]) == 0
    assert "intact" in capsys.readouterr().out
    damage(proj)
    assert cli_main(["check", str(proj)]) == 1
    assert "damaged" in capsys.readouterr().out
