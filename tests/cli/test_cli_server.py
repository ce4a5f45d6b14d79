"""Server projects from the command line: every PROJECT may be a postgresql:// URL, and
`annotator copy` moves a project between a file and a server, ids and figures kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.demo import create_demo_project
from annotator.services.projects import open_project


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    return path


def _output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_a_file_and_its_server_copy_give_the_same_export_and_agreement(
    demo: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _output(capsys, "copy", str(demo), server_url)
    for fmt in ("jsonl", "conll"):
        exports = []
        for location, name in ((str(demo), "file"), (server_url, "server")):
            out = tmp_path / f"{name}.{fmt}"
            _output(capsys, "export", location, "--format", fmt, "--full-dump", "-o", str(out))
            exports.append(out.read_bytes())
        assert exports[0] == exports[1]
        assert len(exports[0]) > 1000
    figures = [
        json.loads(_output(capsys, "agreement", location, "--json"))
        for location in (str(demo), server_url)
    ]
    assert figures[0] == figures[1]
    assert figures[0]["corpus"]["pairs"]


def test_copy_to_a_server_and_back_keeps_every_id(
    demo: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    back = tmp_path / "back.annproj"
    _output(capsys, "copy", str(demo), server_url)
    assert main(["copy", str(demo), server_url]) == 1  # the target is not empty any more
    assert "not empty" in capsys.readouterr().err
    _output(capsys, "copy", server_url, str(back))
    with open_project(demo) as first, open_project(back) as second:
        assert first.documents.summaries() == second.documents.summaries()
        for doc in first.documents.summaries():
            assert first.annotations.spans(doc.id) == second.annotations.spans(doc.id)
            assert first.annotations.events(doc.id) == second.annotations.events(doc.id)
        assert first.schema == second.schema
        assert first.get_meta("project_id") == second.get_meta("project_id")


def test_the_project_commands_take_a_url(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"text": f"وصل وزير الخارجية إلى بغداد في زيارة رقم {i}", "title": f"خبر {i}"}
             for i in range(6)]
    source.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    assert "created postgresql://" in _output(capsys, "new", server_url)
    _output(capsys, "import", server_url, str(source))
    info = _output(capsys, "info", server_url)
    assert "documents:  6" in info
    assert server_url.split("?")[0].replace("postgres:@", "postgres@") in info  # no password
    stats = json.loads(_output(capsys, "stats", server_url, "--json"))
    assert stats["documents"] == 6
    _output(capsys, "assign", server_url, "--annotators", "amal,karim")
    with open_project(server_url) as store:
        assert store.assignments.count() == 6
        assert store.search.count("وزيرُ الخارجيّة") == 6  # harakat folded away
        assert store.search.count("وزير الخارجيه") == 0  # a different letter is not
    backup = _output(capsys, "backup", server_url)
    copy = Path(backup.strip().rsplit(" to ", 1)[1])
    with open_project(copy) as store:
        assert store.documents.count() == 6 and store.assignments.count() == 6


def test_merge_works_from_a_file_into_a_server_and_back(
    demo: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _output(capsys, "copy", str(demo), server_url)
    with open_project(demo) as store:
        doc = store.documents.summaries()[0]
        store.annotators.set_status(doc.id, "amal", store.annotators.status(doc.id, "amal"))
        before = store.annotations.spans(doc.id)
    _output(capsys, "merge", server_url, str(demo))
    copy = tmp_path / "copy.annproj"
    _output(capsys, "copy", server_url, str(copy))
    _output(capsys, "merge", str(copy), server_url)
    with open_project(server_url) as server, open_project(copy) as file:
        assert server.annotations.spans(doc.id) == before == file.annotations.spans(doc.id)
