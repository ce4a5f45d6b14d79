"""Project files altered by hand, stray -wal files, and what exports make of stored values
(issue #16 items 6, 8-10, 13; issue #15: the connection leak)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.core.errors import DamagedProjectError, ProjectError
from annotator.core.formats.rows import DocumentRow
from annotator.core.model import Span, Status
from annotator.services.agreement import project_agreement
from annotator.services.agreement_export import report_csv
from annotator.services.atomic_files import STALE_TEMPORARY_S
from annotator.services.export_selection import ExportFilter
from annotator.services.exporting import ExportOptions, export_project
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project, open_project
from annotator.store import connection, places
from tests.reliability.hostile_projects import (
    PROJECTS,
    TEXT,
    copy_project,
    make_hostile_project,
    make_project,
)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_a_project_altered_by_hand_is_refused_before_anything_changes(
    name: str, tmp_path: Path
) -> None:
    project = make_hostile_project(tmp_path, name)
    before = files(tmp_path)
    with pytest.raises(ProjectError, match=PROJECTS[name][1]) as caught:
        open_for_editing(project, "amal")
    assert str(project) in str(caught.value)
    assert files(tmp_path) == before  # not migrated, no -shm, no backup beside it


def test_stray_wal_message_says_never_copy_a_wal_by_hand(tmp_path: Path) -> None:
    project = make_hostile_project(tmp_path, "stray-wal-of-another-project")
    with pytest.raises(ProjectError) as caught:
        open_project(project)
    assert "Never copy a -wal file by hand" in str(caught.value)
    assert "HIJACKED" not in str(caught.value)


def own_wal_left_by_a_crash(project: Path, folder: Path) -> Path:
    """A copy of ``project`` taken while a process had a change in its -wal (a crash)."""
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE spans SET label = 'LOC'")
    conn.commit()
    copy = folder / "بعد الانقطاع.annproj"
    shutil.copyfile(project, copy)
    shutil.copyfile(f"{project}-wal", f"{copy}-wal")
    conn.close()
    return copy


def test_the_projects_own_wal_after_a_crash_is_replayed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    folder = tmp_path / "copy"
    folder.mkdir()
    copy = own_wal_left_by_a_crash(project, folder)
    with open_project(copy) as store:
        assert store.annotations.span("s1").label == "LOC"  # the change in the -wal is kept


def test_a_crash_wal_in_a_read_only_folder_is_read_without_writing_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    folder = tmp_path / "copy"
    folder.mkdir()
    copy = own_wal_left_by_a_crash(project, folder)
    before = files(folder)
    monkeypatch.setattr(places.os, "access", lambda path, mode: not Path(path).is_dir())
    with open_project(copy) as store:
        assert store.read_only and "folder is read-only" in store.read_only_reason
        assert store.annotations.span("s1").label == "LOC"  # read through its -wal
    assert files(folder) == before  # no -shm, nothing checkpointed


DUMP = ExportOptions(format="jsonl", filter=ExportFilter(full_dump=True))


def test_meta_is_parsed_and_encoded_again_never_pasted(tmp_path: Path) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    conn = sqlite3.connect(project)
    conn.execute("""UPDATE documents SET meta = '{"a": 1, "a": {"b": 2}}'""")
    conn.commit()
    conn.close()
    out = tmp_path / "out.jsonl"
    with open_project(project) as store:
        export_project(store, DUMP, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(line.count('"a"') == 1 for line in lines)  # one key, as a JSON reader sees it
    assert json.loads(lines[0])["meta"] == {"a": {"b": 2}}


@pytest.mark.parametrize(
    "stored", ['{"x": NaN}', '{"x": 1} garbage', '[1, 2]', '{"x": Infinity}']
)
def test_a_stored_meta_that_is_not_strict_json_is_refused_naming_the_document(
    stored: str,
) -> None:
    row = DocumentRow("d1", "خبر-7", "عنوان", "نص", stored, "0" * 64)
    with pytest.raises(Exception, match="document خبر-7: its stored meta is not"):
        row.meta_json()


def test_agreement_csv_neutralises_formulas(tmp_path: Path) -> None:
    with new_project(tmp_path / "فريق.annproj") as store:
        for title in ("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB"):
            doc = store.documents.add(f"{TEXT} {title}", title)
            for name in ("=cmd|' /C calc'!A0", "amal"):
                start = TEXT.index("الخرطوم")
                store.annotations.add_span(Span(f"{doc.id}{name}", doc.id, name, start,
                                                start + 7, "GPE"))  # fmt: skip
                store.annotators.set_status(doc.id, name, Status.DONE)
        report = project_agreement(store)
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t")]
    assert not [c for c in cells if c.startswith("-") and not _number(c)]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "'=cmd|' /C calc'!A0" in cells
    assert "'-2+3" in cells


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_stale_temporaries_of_killed_exports_are_removed_on_the_next_export(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    out = tmp_path / "تصدير"
    out.mkdir()
    old = time.time() - STALE_TEMPORARY_S - 60
    killed_file = out / ".data.jsonl.ab_12XyZ.part"
    killed_file.write_bytes(b"x" * 1000)
    killed_folder = out / ".brat.k8Jd_0aQ.part"
    (killed_folder / "amal").mkdir(parents=True)
    (killed_folder / "amal" / "a.ann").write_text("T1\tPER 0 1\tx\n")
    running = out / ".other.jsonl.Zz9_aaaa.part"  # another export, still writing
    running.write_bytes(b"y")
    theirs = out / ".mine.part"  # not our naming
    theirs.write_bytes(b"z")
    for path in (killed_file, killed_folder / "amal" / "a.ann", killed_folder / "amal",
                 killed_folder, theirs):  # fmt: skip
        os.utime(path, (old, old))
    with open_project(project) as store:
        export_project(store, DUMP, out / "data.jsonl")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["data.jsonl", running.name, theirs.name]
    )


def test_a_failed_open_closes_its_connection(tmp_path: Path, monkeypatch) -> None:
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def tracking(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        opened.append(conn)
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", tracking)
    not_a_database = tmp_path / "نص.annproj"
    not_a_database.write_text("ليس قاعدة بيانات " * 100, encoding="utf-8")
    for read_only in (False, True):
        with pytest.raises(ProjectError):
            connection.connect(not_a_database, read_only=read_only)
    assert len(opened) == 2
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")


def test_an_old_file_with_a_changed_table_is_not_migrated(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "projects" / "v1.annproj"
    project = tmp_path / "قديم.annproj"
    copy_project(fixture, project)
    conn = sqlite3.connect(project)
    conn.execute("DROP INDEX spans_by_document")
    conn.commit()
    conn.close()
    before = files(tmp_path)
    with pytest.raises(DamagedProjectError, match=r"file format 1.*index 'spans_by_document'"):
        open_project(project)
    assert files(tmp_path) == before
    assert sqlite3.connect(project).execute("PRAGMA user_version").fetchone()[0] == 1
