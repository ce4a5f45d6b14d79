"""Hostile schema files, project files and annotation values: a specific, readable error,
no traceback, and nothing created or changed on disk (checked by hash)."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core.errors import AnnotatorError, DamagedProjectError, ValidationError
from annotator.core.model import MAX_DOCUMENT_CHARS, Argument, Event, Span
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project, open_project

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
TEXT = "اعتقلت الشرطة في الخرطوم رجلين بتهمة سرقة مصرف، وفق بيان صدر مساء الجمعة."

SCHEMAS = {
    "schema-duplicate-keys.json": "duplicate key 'name'",
    "schema-duplicate-entity.json": "entities: duplicate key 'PER'",
    "schema-invalid-json.json": r":1: invalid JSON: Expecting ',' delimiter",
    "schema-nested-10000-deep.json": "JSON nested too deeply",
    "schema-huge-number.json": "allow_overlap: expected bool, got float",
    "schema-utf16.json": "saved as UTF-16; save it as UTF-8",
    "schema-cp1256.json": r"not UTF-8 text \(invalid byte 0xD4 at byte \d+\)",
    "schema-binary.json": "binary file",
    "schema-empty.json": "the schema file is empty",
    "schema-unknown-role-entity.json": "events\\[0\\].roles\\[0\\].accepts: unknown entity type",
    "schema-not-an-object.json": r"\(top level\): expected dict, got list",
    "schema-misspelt-key.json": r"alow_overlap: unknown key \(did you mean 'allow_overlap'\?\)",
}

PROJECTS = {
    "text-file.annproj": "not an annotator project \\(not an SQLite database\\)",
    "empty.annproj": "not an annotator project \\(the file is empty\\)",
    "random-bytes.annproj": "not an annotator project \\(not an SQLite database\\)",
    "sqlite-header-then-garbage.annproj": "damaged",
}


def fingerprint(folder: Path) -> dict[str, str]:
    """Hash of every file under ``folder``: shows anything created, changed or removed."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli_main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_hostile_schema_is_refused_and_no_project_is_created(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / name
    shutil.copyfile(HOSTILE / name, schema)
    before = fingerprint(tmp_path)
    code, output = cli(capsys, "new", str(tmp_path / "مشروع جديد.annproj"), "--schema", str(schema))
    assert code == 1
    assert f"{schema}" in output and "Traceback" not in output
    assert re.search(SCHEMAS[name], output), output
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_hostile_project_file_is_refused_unchanged(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / name
    shutil.copyfile(HOSTILE / name, project)
    before = fingerprint(tmp_path)
    code, output = cli(capsys, "info", str(project))
    assert code == 1 and str(project) in output
    assert re.search(PROJECTS[name], output), output
    with pytest.raises(AnnotatorError):
        open_for_editing(project, "amal")
    assert fingerprint(tmp_path) == before


def make_project(path: Path) -> Path:
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "الخرطوم")
        store.annotations.add_span(Span("s1", doc.id, "amal", 16, 24, "GPE"))
    return path


def truncate_in_the_middle(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def another_programs_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


def from_the_future(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def overwrite_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = bytes(8192)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (truncate_in_the_middle, "damaged"),
        (another_programs_database, "an SQLite database of another program"),
        (from_the_future, "written by a newer version of annotator"),
        (overwrite_a_page, "damaged"),
    ],
)
def test_spoiled_project_is_refused_unchanged(
    spoil, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "مشروع تالف 1.annproj")
    article = tmp_path / "مقال.txt"
    article.write_text(TEXT + " جديد", encoding="utf-8")
    spoil(project)
    before = fingerprint(tmp_path)
    with pytest.raises(AnnotatorError, match=message) as caught:
        open_for_editing(project, "amal")
    if isinstance(caught.value, DamagedProjectError):
        assert "No good backup of this project was found" in str(caught.value)
    for command in (["info", str(project)], ["import", str(project), str(article)]):
        code, output = cli(capsys, *command)
        assert code == 1 and re.search(message, output) and "Traceback" not in output
    assert fingerprint(tmp_path) == before


BAD_SPANS = [
    ((10, 500, "PER"), "ends after the text"),
    ((9, 3, "PER"), "is reversed"),
    ((4, 4, "PER"), "is empty"),
    ((-4, 3, "PER"), "starts before the text"),
    ((0, 10**400, "PER"), "ends after the text"),
    ((0, 3, "NOT_A_LABEL"), "unknown entity label 'NOT_A_LABEL'"),
]


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    return make_project(tmp_path / "مشروع سليم.annproj")


@pytest.mark.parametrize(("values", "message"), BAD_SPANS)
def test_bad_span_is_refused_and_the_file_is_unchanged(
    values: tuple[int, int, str], message: str, annotated: Path
) -> None:
    before = fingerprint(annotated.parent)
    with open_project(annotated) as store:
        doc = store.documents.summaries()[0]
        with pytest.raises(ValidationError, match=message):
            store.annotations.add_span(Span("bad", doc.id, "amal", *values))
    assert fingerprint(annotated.parent) == before


def test_event_argument_pointing_at_a_missing_entity_is_refused_whole(annotated: Path) -> None:
    before = fingerprint(annotated.parent)
    with open_project(annotated) as store:
        doc = store.documents.summaries()[0]
        arguments = (Argument("a1", "Place", "s1"), Argument("a2", "Agent", "no-such-span"))
        event = Event("e1", doc.id, "amal", "Justice.Arrest-Jail", 0, 6, arguments)
        with pytest.raises(ValidationError, match="'no-such-span', which does not exist"):
            store.annotations.add_event(event)
        assert store.annotations.events(doc.id) == []  # nothing half-done
    assert fingerprint(annotated.parent) == before


def test_a_document_longer_than_the_limit_is_refused(annotated: Path) -> None:
    before = fingerprint(annotated.parent)
    with open_project(annotated) as store:
        with pytest.raises(ValidationError, match="too long: 1,000,001 characters"):
            store.documents.add("ب" * (MAX_DOCUMENT_CHARS + 1), "طويل")
        assert store.documents.count() == 1
    assert fingerprint(annotated.parent) == before
