"""Hostile project files made at test time from a real project (issue #16 items 8-10).

Each maker turns a healthy closed project into one altered by hand, the way the
attack did it (SQL from outside annotator), and PROJECTS says what opening it must
report. They depend on the current file format, so they are built, not committed.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import Span
from annotator.services.projects import new_project

TEXT = "اعتقلت الشرطة في الخرطوم رجلين بتهمة سرقة مصرف، وفق بيان صدر مساء الجمعة."


def make_project(path: Path, name: str | None = None) -> Path:
    """A closed project with one document and one span."""
    with new_project(path, name=name) as store:
        doc = store.documents.add(TEXT, "الخرطوم")
        store.annotations.add_span(Span("s1", doc.id, "amal", 18, 25, "GPE"))
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def dropped_column(path: Path) -> None:
    _sql(path, "ALTER TABLE spans DROP COLUMN source")


def dropped_table(path: Path) -> None:
    _sql(path, "DROP TABLE assignments")


def offsets_of_the_wrong_type(path: Path) -> None:
    _sql(path, "PRAGMA ignore_check_constraints = ON", "UPDATE spans SET start = 'x'")


def annotator_kind_admin(path: Path) -> None:
    _sql(path, "PRAGMA ignore_check_constraints = ON", "UPDATE annotators SET kind = 'admin'")


def status_bogus(path: Path) -> None:
    _sql(path, "PRAGMA ignore_check_constraints = ON", "UPDATE statuses SET status = 'bogus'")


def span_past_the_end_without_its_trigger(path: Path) -> None:
    _sql(
        path,
        "DROP TRIGGER spans_in_text_update",
        'UPDATE spans SET "end" = 9999',
    )


def reversed_span_without_its_check(path: Path) -> None:
    old = 'CHECK (start >= 0 AND start < "end")'
    _sql(
        path,
        "PRAGMA writable_schema = ON",
        f"UPDATE sqlite_master SET sql = replace(sql, '{old}', 'CHECK (1)') WHERE name = 'spans'",
    )
    _sql(path, 'UPDATE spans SET start = 20, "end" = 3')


def an_unexpected_trigger(path: Path) -> None:
    _sql(
        path,
        "CREATE TRIGGER steal AFTER INSERT ON spans BEGIN "
        "UPDATE project_meta SET value = 'HIJACKED' WHERE key = 'name'; END",
    )


def format_0_with_our_id(path: Path) -> None:
    path.unlink()
    _sql(path, "PRAGMA application_id = 1095650900", "PRAGMA user_version = 0")


def no_label_schema(path: Path) -> None:
    _sql(path, "DELETE FROM project_meta WHERE key = 'schema'")


def meta_not_json(path: Path) -> None:
    _sql(path, """UPDATE documents SET meta = '{"a": 1}, "injected": {"b": 2'""")


def _wal_of(project: Path, change: Callable[[sqlite3.Connection], None]) -> bytes:
    """The -wal a process leaves while it has ``project`` open after ``change``."""
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    change(conn)
    conn.commit()
    data = Path(f"{project}-wal").read_bytes()
    conn.close()
    return data


def stray_wal_of_another_project(path: Path) -> None:
    other = make_project(path.with_name("مشروع آخر.annproj"), name="other")
    wal = _wal_of(other, lambda c: c.execute("UPDATE project_meta SET value = 'HIJACKED' "
                                             "WHERE key = 'name'"))  # fmt: skip
    Path(f"{path}-wal").write_bytes(wal)
    other.unlink()


def stray_wal_of_another_page_size(path: Path) -> None:
    other = path.with_name("غريب.db")
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    wal = _wal_of(other, lambda c: c.execute("INSERT INTO t VALUES (1)"))
    Path(f"{path}-wal").write_bytes(wal)
    other.unlink()


# maker -> a pattern of the refusal
PROJECTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "dropped-column": (dropped_column, r"table 'spans' was changed"),
    "dropped-table": (dropped_table, r"table 'assignments' is missing"),
    "offsets-of-the-wrong-type": (offsets_of_the_wrong_type, r"a span whose offsets"),
    "annotator-kind-admin": (annotator_kind_admin, r"an annotator of unknown kind \('amal'\)"),
    "status-bogus": (status_bogus, r"a status that does not exist"),
    "span-past-the-end-trigger-dropped": (
        span_past_the_end_without_its_trigger,
        r"trigger 'spans_in_text_update' is missing",
    ),
    "reversed-span-check-dropped": (reversed_span_without_its_check, r"table 'spans' was changed"),
    "unexpected-trigger": (an_unexpected_trigger, r"unexpected trigger 'steal'"),
    "format-0-with-our-id": (format_0_with_our_id, r"an unfinished annotator project"),
    "no-label-schema": (no_label_schema, r"the project has no label schema"),
    "meta-not-json": (meta_not_json, r"a document whose meta is not a JSON object"),
    "stray-wal-of-another-project": (
        stray_wal_of_another_project,
        r"-wal beside it does not belong to this project \(it holds a project created",
    ),
    "stray-wal-of-another-page-size": (
        stray_wal_of_another_page_size,
        r"does not belong to this project \(its pages are 8192 bytes, the project's 4096\)",
    ),
}


def make_hostile_project(folder: Path, name: str) -> Path:
    """The hostile project ``name`` (a key of PROJECTS) in ``folder``."""
    path = make_project(folder / f"{name}.annproj")
    PROJECTS[name][0](path)
    return path


def copy_project(source: Path, target: Path) -> None:
    """Copy a project file with whatever lies beside it."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
