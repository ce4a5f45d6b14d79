"""`annotator import`, `export` and `stats` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.projects import new_project
from tests.io_samples import (
    ARTICLE_1,
    ARTICLE_2,
    file_hash,
    locate,
    sample_project_file,
)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return sample_project_file(tmp_path)


def test_import_then_stats(tmp_path: Path, capsys) -> None:
    path = tmp_path / "new.annproj"
    new_project(path).close()
    start, end = locate(ARTICLE_1, "UNICEF")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        json.dumps({"text": ARTICLE_1, "label": [[start, end, "ORG"]]}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(ARTICLE_2, encoding="utf-8")
    code = main(["import", str(path), str(jsonl), str(tmp_path / "b.txt"), "--annotator", "ner"])
    assert code == 0
    assert "imported 2 document(s), 1 span(s), 0 event(s)" in capsys.readouterr().out
    assert main(["stats", str(path)]) == 0
    out = capsys.readouterr().out
    assert "documents: 2" in out and "annotator ner:" in out and "spans: 1 (ORG 1)" in out
    assert main(["stats", str(path), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["statuses"]["ner"] == {"new": 1, "in_progress": 1, "done": 0, "skipped": 0}


def test_a_bad_line_fails_with_file_line_and_leaves_the_project(
    project_path: Path, tmp_path: Path, capsys
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"text": "نص"}\n{"text": "نص آخر", "label": [[0, 3, "NOPE"]]}\n', encoding="utf-8"
    )
    before = file_hash(project_path)
    assert main(["import", str(project_path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: unknown entity label 'NOPE'" in err.splitlines()[0]
    assert f"import refused, {project_path} unchanged" in err
    assert file_hash(project_path) == before
    assert main(["import", str(project_path), str(bad), "--skip-invalid"]) == 0
    assert f"skipped (invalid): {bad}:2:" in capsys.readouterr().out


def test_export_to_stdout_keeps_the_summary_on_stderr(project_path: Path, capsys) -> None:
    code = main(["export", str(project_path), "--format", "doccano", "-o", "-", "--status", "done"])
    assert code == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == ["art-1", "art-2"]
    assert "exported 2 record(s)" in captured.err
    assert "doccano has no events" in captured.err


def test_export_errors_exit_non_zero(project_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(project_path), "--format", "brat", "-o", "-"]) == 1
    assert "writes a folder" in capsys.readouterr().err
    assert main(["export", str(project_path), "-o", str(tmp_path / "no" / "x.jsonl")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.annproj"), "-o", "-"]) == 1
    assert "no such project file" in capsys.readouterr().err


def test_export_files_with_filters(project_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "karim.conll"
    args = ["export", str(project_path), "--format", "conll", "-o", str(out)]
    assert main([*args, "--annotator", "karim", "--label", "PER", "--full-dump"]) == 0
    tags = [line.split()[-1] for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert tags.count("B-PER") == 1 and "B-GPE" not in tags
    assert (
        main(
            [
                "export",
                str(project_path),
                "--format",
                "jsonl",
                "--utf16",
                "-o",
                str(tmp_path / "u.jsonl"),
            ]
        )
        == 0
    )
    first = json.loads((tmp_path / "u.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "start_utf16" in first["entities"][0]


def test_real_stdout_is_utf8_whatever_the_locale(project_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(project_path), "-o", "-"],
        capture_output=True,
        env={
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
            "LC_ALL": "C",
            "PYTHONIOENCODING": "ascii",
        },
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    assert json.loads(lines[0])["text"] == ARTICLE_1


def test_export_training_data_in_splits_and_the_full_dump(
    project_path: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "hf"
    args = ["export", str(project_path), "--format", "hf", "-o", str(out)]
    assert main([*args, "--split", "train=0.5,test=0.5", "--seed", "4"]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("exported 2 record(s) (")  # amal's two finished documents
    assert (out / "labels.json").is_file() and sorted(p.name for p in out.glob("*.jsonl")) == [
        "test.jsonl",
        "train.jsonl",
    ]
    dump = tmp_path / "all.conll"
    assert main(["export", str(project_path), "--format", "conll", "--full-dump",
                 "--docstart", "none", "-o", str(dump)]) == 0  # fmt: skip
    assert "exported 4 record(s)" in capsys.readouterr().out
    assert "DOCSTART" not in dump.read_text(encoding="utf-8")
    assert main([*args[:-1], str(tmp_path / "x"), "--split", "train=2"]) == 1
    assert "split" in capsys.readouterr().err
