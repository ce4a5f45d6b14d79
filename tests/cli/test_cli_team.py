"""`annotator agreement`, `merge` and `assign` from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import command_names, main
from annotator.services.backups import backup_project
from annotator.services.demo import create_demo_project
from annotator.services.projects import open_project


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    return path


def test_commands_are_registered() -> None:
    assert {"agreement", "merge", "assign"} <= command_names()


def test_agreement_text(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agreement", str(demo), "--documents", "2"]) == 0
    out = capsys.readouterr().out
    assert "amal vs karim (7 documents)" in out
    assert "Krippendorff's alpha" in out
    assert out.count("\n  ") >= 2


def test_agreement_json_has_the_documented_keys(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agreement", str(demo), "--annotators", "amal,karim", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "annotator-agreement/1"
    assert data["annotators"] == ["amal", "karim"]
    pair = data["corpus"]["pairs"][0]
    assert {
        "spans_exact",
        "spans_overlap",
        "triggers",
        "arguments",
        "cohen_kappa",
        "alpha_u",
        "confusion",
    } <= set(pair)
    assert 0 < pair["spans_exact"]["overall"]["f1"] < pair["spans_overlap"]["overall"]["f1"] <= 1
    counts = [d["disagreements"] for d in data["documents"]]
    assert counts == sorted(counts, reverse=True)


def test_agreement_errors_name_the_problem(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agreement", str(demo), "--annotators", "amal,nobody"]) == 1
    assert "'nobody'" in capsys.readouterr().err


def test_merge_twice_adds_nothing_the_second_time(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.annproj"
    with open_project(demo) as store:
        shutil.copy(backup_project(store), copy)
    with open_project(copy) as store:
        store.documents.add("نص جديد أضافه كريم.", "جديد")
    assert main(["merge", str(demo), str(copy)]) == 0
    assert "1 new document(s)" in capsys.readouterr().out
    assert main(["merge", str(demo), str(copy)]) == 0
    assert "0 new document(s), 0 annotator-document version(s) taken" in capsys.readouterr().out


def test_assign(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["assign", str(demo), "--annotators", "amal,karim", "--share", "0.25", "--seed", "4"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "annotated twice (for agreement): 2" in out
    assert main(["assign", str(demo), "--annotators", "amal", "--share", "0.5"]) == 1
