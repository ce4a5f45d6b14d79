"""Creating, opening, migrating and refusing project files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.errors import (
    DamagedProjectError,
    NewerProjectError,
    NotAProjectError,
    ProjectError,
)
from annotator.core.model import Status
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project
from annotator.store.connection import APPLICATION_ID
from annotator.store.migrations import LATEST_VERSION, migrations

FIXTURES = Path(__file__).parent.parent / "fixtures" / "projects"


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_sets_pragmas_and_version(tmp_path: Path) -> None:
    with create_project(tmp_path / "p.annproj", default_schema(), name="Trial") as store:
        pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") >= 1000
        assert pragma("application_id") == APPLICATION_ID
        assert pragma("user_version") == LATEST_VERSION
        assert store.name == "Trial"
        assert store.schema.entity_keys[:3] == ["PER", "ORG", "GPE"]


def test_latest_version_matches_the_migration_steps() -> None:
    # Steps are numbered by name (0001_initial...); numbers are handed out per
    # branch, so the newest number, not the count, is the version.
    names = [m.name for m in migrations.pending(Database(memory=True))]
    assert max(int(name[:4]) for name in names) == LATEST_VERSION
    assert names == sorted(names)


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.annproj"
    path.write_text("keep me")
    with pytest.raises(ProjectError, match="already exists"):
        create_project(path, default_schema())
    assert path.read_text() == "keep me"


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.annproj"
    with create_project(path, default_schema()) as store:
        doc = store.documents.add("نص قصير عن بغداد", "عنوان")
        store.annotators.set_status(doc.id, "amal", Status.DONE)
    with open_project(path) as store:
        assert store.documents.get(doc.id).text == "نص قصير عن بغداد"
        assert store.annotators.status(doc.id, "amal") is Status.DONE


def test_opens_and_upgrades_every_past_file_format(tmp_path: Path) -> None:
    for fixture in sorted(FIXTURES.glob("v*.annproj")):
        copy = tmp_path / fixture.name
        shutil.copy(fixture, copy)
        with open_project(copy) as store:
            assert store.file_version() == LATEST_VERSION
            (doc,) = list(store.documents.iter_all())
            spans = store.annotations.spans(doc.id, "amal")
            assert [s.covered(doc.text) for s in spans] == ["سامي الحداد", "عمّان"]
            (event,) = store.annotations.events(doc.id)
            assert [a.role for a in event.arguments] == ["Entity", "Place"]
            assert store.annotators.status(doc.id, "amal") is Status.DONE


def test_refuses_a_text_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.annproj"
    path.write_text("هذا ملف نصي وليس مشروعًا\n", encoding="utf-8")
    before = file_hash(path)
    with pytest.raises(NotAProjectError, match="not an annotator project"):
        open_project(path)
    assert file_hash(path) == before


def test_refuses_another_programs_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = file_hash(path)
    with pytest.raises(NotAProjectError, match="another program"):
        open_project(path)
    assert file_hash(path) == before
    assert not Path(f"{path}-wal").exists()


def test_refuses_a_newer_version_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.annproj"
    create_project(path, default_schema()).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = file_hash(path)
    with pytest.raises(NewerProjectError, match="newer version"):
        open_project(path)
    assert file_hash(path) == before


def test_refuses_a_truncated_project_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "broken.annproj"
    with create_project(path, default_schema()) as store:
        store.documents.add_many(
            (f"مقالة رقم {i} " * 200, f"عنوان {i}", None, None, None) for i in range(40)
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = file_hash(path)
    with pytest.raises(DamagedProjectError, match="damaged"):
        open_project(path)
    assert file_hash(path) == before


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        open_project(tmp_path / "nothing.annproj")
