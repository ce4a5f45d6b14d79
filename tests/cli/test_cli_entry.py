"""What the command line opens: a mistyped command never starts the window (issue 13.13)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.__main__ import main, opens_window
from annotator.services.demo import create_demo_project


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records a window the entry point would open, instead of opening it."""
    opened: list[list[str]] = []
    import annotator.ui.app

    monkeypatch.setattr(annotator.ui.app, "run_gui", lambda args: opened.append(list(args)) or 0)
    return opened


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [(["exprot", "p.annproj"], "'export'"), (["suggestx", "--help"], None), (["inf"], "'info'")],
)
def test_mistyped_command_gets_argparse_error_not_window(
    argv: list[str], suggestion: str | None, no_window: list[list[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert no_window == []
    err = capsys.readouterr().err
    assert "usage: annotator" in err and f"invalid choice: {argv[0]!r}" in err
    if suggestion:
        assert f"did you mean {suggestion}?" in err


def test_missing_project_file_is_an_error(
    tmp_path: Path, no_window: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.annproj")])
    assert no_window == []
    assert "no such project file" in capsys.readouterr().err


def test_existing_project_or_nothing_opens_window(
    tmp_path: Path, no_window: list[list[str]]
) -> None:
    path = tmp_path / "p.annproj"
    create_demo_project(path).close()
    assert main([str(path)]) == 0
    assert main([]) == 0
    assert no_window == [[str(path)], []]
    assert not opens_window([str(path), "extra"])


def test_info_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "info", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before the first line is written (`| head -0`)
    _out, err = process.communicate(timeout=60)
    assert err.decode() == ""
    assert process.returncode == 141
