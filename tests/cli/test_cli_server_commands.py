"""The commands a file project had before the server engine, run on a postgresql:// URL:
`info` says `server:`, `check` checks the tables, `backups` lists this computer's backups,
`restore` explains what to do instead, and `search`, `suggest` and `export --split` give
what they give on the same project in a file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from annotator.cli import main
from annotator.core.model import Span, new_id
from annotator.core.server_urls import ServerLocation
from annotator.services.demo import create_demo_project
from annotator.services.projects import new_project, open_project
from tests.suggest_helpers import generated_project


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = _run(capsys, *args)
    assert code == 0, err
    return out


def _shown(url: str) -> str:
    return ServerLocation(url).shown


def _with_password(url: str) -> str:
    return url.replace("postgres:@", "postgres:hunter2@", 1)


@pytest.fixture
def demo_on_server(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    _ok(capsys, "copy", str(path), server_url)
    return path, server_url


def test_info_labels_a_url_as_a_server(
    demo_on_server: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, url = demo_on_server
    lines = _ok(capsys, "info", _with_password(url)).splitlines()
    assert f"server:     {_shown(url)}" in lines
    assert not [line for line in lines if line.startswith("file:")]
    assert "hunter2" not in "".join(lines)
    assert f"file:       {path}" in _ok(capsys, "info", str(path)).splitlines()


def test_check_on_a_server_checks_the_version_and_the_tables(
    demo_on_server: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _path, url = demo_on_server
    out = _ok(capsys, "check", _with_password(url))
    assert out == f"{_shown(url)}: intact (its tables are those of its schema version)\n"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER spans_in_text ON spans")
    code, out, _err = _run(capsys, "check", url)
    assert code == 1
    assert out.splitlines() == [f"{_shown(url)}: damaged:", "  missing trigger spans.spans_in_text"]


def test_check_refuses_a_database_that_is_not_a_project(
    fresh_database: Callable[[], str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_database()
    code, out, err = _run(capsys, "check", _with_password(url))
    assert code == 1 and out == ""
    assert err.startswith(f"annotator: error: {_shown(url)}: not an annotator project")
    assert "Traceback" not in err and "hunter2" not in err


def test_backups_of_a_server_project_and_restore_says_what_to_do(
    demo_on_server: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _path, url = demo_on_server
    assert _ok(capsys, "backups", url) == f"no backups of {_shown(url)}\n"
    taken = Path(_ok(capsys, "backup", _with_password(url)).strip().rsplit(" to ", 1)[1])
    [listed] = json.loads(_ok(capsys, "backups", url, "--json"))
    assert Path(listed["path"]) == taken and listed["intact"] is True
    code, out, err = _run(capsys, "restore", _with_password(url))
    assert code == 1 and out == ""
    assert "a server project is not restored in place" in err
    assert "annotator copy BACKUP postgresql://HOST/NEW_DATABASE" in err
    assert "hunter2" not in err
    # The way it names works: the backup copied into a new database is the project.
    restored = url.replace("/test_", "/restored_", 1)
    with psycopg.connect(url.replace(f"/{ServerLocation(url).database}?", "/postgres?"),
                         autocommit=True) as admin:  # fmt: skip
        admin.execute(f"CREATE DATABASE {ServerLocation(restored).database}")
    try:
        _ok(capsys, "copy", str(taken), restored)
        with open_project(restored) as store, open_project(url) as original:
            assert store.documents.summaries() == original.documents.summaries()
    finally:
        with psycopg.connect(url.replace(f"/{ServerLocation(url).database}?", "/postgres?"),
                             autocommit=True) as admin:  # fmt: skip
            admin.execute(f"DROP DATABASE {ServerLocation(restored).database} WITH (FORCE)")


def test_search_on_a_server_finds_what_it_finds_in_the_file(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.annproj"
    text = "قالت قوات الحَشد الشعبي إن الحشد الشعبي انسحب من المدينة"
    with new_project(path) as store:
        doc = store.documents.add(text, "انسحاب")
        store.documents.add("لا شيء هنا", "الحشد في العنوان")
        store.annotations.add_spans([
            Span(new_id(), doc.id, "amal", 10, 23, "ORG"),
            Span(new_id(), doc.id, "karim", 10, 23, "ORG"),
        ])  # fmt: skip
    _ok(capsys, "copy", str(path), server_url)
    for args in (("الحشد الشعبي",), ("الحشد", "--json"), ("", "--label", "ORG", "--json")):
        on_file = _ok(capsys, "search", str(path), *args)
        assert _ok(capsys, "search", server_url, *args) == on_file
        assert on_file.count("\n") >= 2
    assert "2 hit(s) in 1 document(s)" in _ok(capsys, "search", server_url, "الحشد الشعبي")


def test_suggest_on_a_server_predicts_what_it_predicts_in_the_file(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = generated_project(tmp_path / "gen.annproj", count=20, done=12)
    _ok(capsys, "copy", str(path), server_url)
    predicted, summaries = [], []
    for location in (str(path), server_url):
        args = ("--learn-from", "amal", "--recommender", "strings", "--as", "ner")
        summaries.append(_ok(capsys, "suggest", location, *args).split(" (")[0])
        with open_project(location) as store:
            spans = store.work.spans(["ner"])
            predicted.append(sorted(
                (doc, s.start, s.end, s.label) for (doc, _), found in spans.items() for s in found
            ))  # fmt: skip
    assert predicted[0] == predicted[1]
    assert len(predicted[0]) > 5
    assert summaries[0] == summaries[1]
    assert summaries[0].startswith(f"ner: {len(predicted[0])} spans and ")


def test_export_split_on_a_server_writes_what_it_writes_from_the_file(
    demo_on_server: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, url = demo_on_server
    folders = []
    for location, name in ((str(path), "file"), (url, "server")):
        out = tmp_path / name
        _ok(capsys, "export", location, "--format", "hf", "--full-dump", "-o", str(out),
            "--split", "train=0.5,test=0.5", "--seed", "7")  # fmt: skip
        folders.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert folders[0] == folders[1]
    assert {"train.jsonl", "test.jsonl", "labels.json"} <= set(folders[0])
    assert folders[0]["train.jsonl"] and folders[0]["test.jsonl"]
