"""Backups on open, rotation, restore (service and CLI), and the way out of a damaged file."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core.errors import DamagedProjectError, ProjectError
from annotator.core.model import Span, new_id
from annotator.services.backups import backup_folders, backups_of, restore_project
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project, open_project
from annotator.store import backup as backup_module

TEXT = "وصل وفد الاتحاد الأوروبي إلى الرباط مساء الاثنين لبحث اتفاق الصيد البحري."


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_span(path: Path, label: str = "ORG") -> None:
    """One more span by amal, saved and closed."""
    with open_project(path) as store:
        doc = store.documents.summaries()[0]
        store.annotations.add_span(Span(new_id(), doc.id, "amal", 5, 20, label))


def span_count(path: Path) -> int:
    with open_project(path, read_only=True) as store:
        doc = store.documents.summaries()[0]
        return len(store.annotations.spans(doc.id))


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "أخبار المغرب.annproj"
    with new_project(path) as store:
        store.documents.add(TEXT, "الرباط")
    return path


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 5] = b"\xde\xad" * 4096
    path.write_bytes(bytes(data))


def test_opening_takes_a_backup_beside_the_project(proj: Path) -> None:
    add_span(proj)
    opened = open_for_editing(proj, "amal")
    opened.close()
    assert opened.backup is not None
    assert opened.backup.parent == proj.parent / "backups"
    assert opened.backup.name.startswith("أخبار المغرب.backup-")
    assert span_count(opened.backup) == 1


def test_backups_rotate_and_unchanged_projects_are_not_copied_again(proj: Path) -> None:
    taken = []
    for _ in range(5):
        add_span(proj)
        opened = open_for_editing(proj, keep_backups=3)
        taken.append(opened.backup)
        opened.close()
    again = open_for_editing(proj, keep_backups=3)
    again.close()
    assert again.backup == taken[-1]  # nothing changed since: no new copy
    assert [b.path for b in backups_of(proj)] == taken[:1:-1]
    assert [span_count(b.path) for b in backups_of(proj)] == [5, 4, 3]


def test_backups_fall_back_to_the_user_data_directory(proj: Path) -> None:
    (proj.parent / "backups").write_text("a file where the folder would go")
    opened = open_for_editing(proj)
    opened.close()
    assert opened.backup is not None
    assert opened.backup.parent == backup_folders(proj)[1]
    assert [b.path for b in backups_of(proj)] == [opened.backup]


def test_restore_brings_back_the_backup_and_keeps_the_state_it_replaced(proj: Path) -> None:
    add_span(proj)
    open_for_editing(proj).close()
    add_span(proj, "PER")
    assert cli_main(["restore", str(proj)]) == 0
    assert span_count(proj) == 1
    counts = sorted(span_count(b.path) for b in backups_of(proj))
    assert counts == [1, 2]  # the replaced state is a backup too: a restore can be undone


def test_restore_waits_for_open_windows_unless_forced_and_they_see_it(proj: Path) -> None:
    open_for_editing(proj).close()
    add_span(proj)
    window = open_for_editing(proj, "karim")
    version = window.project.data_version()
    with pytest.raises(ProjectError, match="cannot restore now: karim already has this project"):
        restore_project(proj, backups_of(proj)[-1].path)
    assert window.project.data_version() == version
    restore_project(proj, backups_of(proj)[-1].path, force=True)
    assert window.project.data_version() != version
    doc = window.project.document_summaries()[0]
    assert window.project.spans(doc.id) == []
    window.close()


def test_a_damaged_project_is_refused_naming_its_latest_good_backup(proj: Path) -> None:
    add_span(proj)
    good = open_for_editing(proj)
    good.close()
    damage(proj)
    before = sha256(proj)
    with pytest.raises(DamagedProjectError) as caught:
        open_for_editing(proj, "amal")
    message = str(caught.value)
    assert "damaged" in message and str(good.backup) in message
    assert "annotator restore" in message
    assert sha256(proj) == before
    assert cli_main(["restore", str(proj)]) == 0
    assert span_count(proj) == 1


def test_restore_replaces_a_file_sqlite_cannot_read_and_drops_its_stale_wal(proj: Path) -> None:
    open_for_editing(proj).close()
    proj.write_bytes(proj.read_bytes()[:10_000])  # truncated in the middle
    Path(f"{proj}-wal").write_bytes(b"stale wal of the broken file")
    restore_project(proj, backups_of(proj)[0].path)
    assert not Path(f"{proj}-wal").exists()
    assert span_count(proj) == 0


def test_a_damaged_backup_is_refused_and_the_project_left_alone(proj: Path) -> None:
    open_for_editing(proj).close()
    backup = backups_of(proj)[0].path
    damage(backup)
    before = sha256(proj)
    with pytest.raises(DamagedProjectError):
        restore_project(proj, backup)
    assert sha256(proj) == before
    with pytest.raises(ProjectError, match="no good backup"):
        restore_project(proj)


def test_backups_command_lists_and_marks_damaged_ones(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["backup", str(proj), "--keep", "2"]) == 0
    add_span(proj)
    assert cli_main(["backup", str(proj)]) == 0
    damage(backups_of(proj)[1].path)
    capsys.readouterr()
    assert cli_main(["backups", str(proj)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and "DAMAGED" not in lines[0] and "DAMAGED" in lines[2]


def test_temporary_files_of_a_killed_backup_are_never_listed_and_are_cleaned(proj: Path) -> None:
    folder = proj.parent / "backups"
    folder.mkdir()
    leftover = folder / f".{proj.stem}.backup-20260101T000000000000Z.annproj.1a2b.tmp"
    leftover.write_bytes(b"half a backup")
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    opened = open_for_editing(proj)
    opened.close()
    assert [b.path for b in backups_of(proj)] == [opened.backup]
    assert not leftover.exists()


def test_a_backup_that_cannot_be_written_is_a_warning_not_a_refusal(
    proj: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module.os, "fsync", disk_full)
    opened = open_for_editing(proj, "amal")
    assert opened.backup is None and not opened.read_only
    problem = opened.backup_problem()
    assert problem is not None
    assert "could not write a copy of the project: No space left on device" in problem
    opened.close()
    assert backups_of(proj) == []
    assert list((proj.parent / "backups").iterdir()) == []  # no temporary file left behind


def test_restore_recreates_a_deleted_project(proj: Path) -> None:
    add_span(proj)
    open_for_editing(proj).close()
    proj.unlink()
    assert cli_main(["restore", str(proj)]) == 0
    assert span_count(proj) == 1
