"""`annotator --version`, `--help`, `new` and `info`, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import __version__
from annotator.__main__ import main
from annotator.cli import build_parser, command_names
from annotator.services.demo import create_demo_project


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"annotator {__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in command_names():
        assert name in out


def test_every_command_has_help_text() -> None:
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for choice in action._choices_actions:
            assert choice.help, f"command {choice.dest} has no help text"


def test_new_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "مشروع جديد.annproj"
    assert main(["new", str(path), "--name", "تجربة"]) == 0
    assert "created" in capsys.readouterr().out
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "project:    تجربة" in out and "documents:  0" in out


def test_info_json_on_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["documents"] >= 6
    assert info["annotators"] == [["amal", "human"], ["karim", "human"], ["ner-model", "model"]]
    assert info["spans"]["amal"] > 50 and info["events"]["karim"] > 5


def test_errors_go_to_stderr_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.annproj"
    bogus.write_text("not a project")
    assert main(["info", str(bogus)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not an annotator project" in captured.err and str(bogus) in captured.err


def test_entry_point_runs_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "new", str(tmp_path / "x.annproj")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.annproj").is_file()
