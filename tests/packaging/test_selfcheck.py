"""`annotator selfcheck`, run from the source tree as a user (or `make package`) runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.__main__ import main
from annotator.services import selfcheck
from annotator.services.selfcheck import CheckResult, qt_checks, summary

ROOT = Path(__file__).resolve().parents[2]
HEADLESS = len(selfcheck.HEADLESS_CHECKS)
QT_WITH_GUI = 4  # platform and icon, fonts, Arabic interface, main window


def test_headless_checks_pass_and_count_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selfcheck", "--no-qt", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "demo project: 8 documents," in out
    assert out.strip().splitlines()[-1] == f"selfcheck ok: {HEADLESS} checks passed"


def test_a_missing_resource_fails_and_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = (*selfcheck.REQUIRED_RESOURCES, ("icons", "no-such-icon.png"))
    monkeypatch.setattr(selfcheck, "REQUIRED_RESOURCES", wanted)
    assert main(["selfcheck", "--no-qt"]) == 1
    captured = capsys.readouterr()
    assert "FAIL resources:" in captured.err and "no-such-icon.png" in captured.err
    assert captured.out.strip() == (
        f"selfcheck FAILED: 1 of {HEADLESS} checks failed (resources)"
    )


def test_gui_selfcheck_in_a_fresh_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "selfcheck", "--gui", "--verbose"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok   arabic interface: '&File' -> '&ملف', Qt's buttons too" in done.stdout
    assert "ok   main window: main window lists 8 documents" in done.stdout
    total = HEADLESS + QT_WITH_GUI
    assert done.stdout.strip().splitlines()[-1] == f"selfcheck ok: {total} checks passed"


def test_a_qt_child_that_aborts_is_one_failed_check(monkeypatch: pytest.MonkeyPatch) -> None:
    crash = "import sys; sys.stderr.write('qt.qpa.plugin: no platform plugin\\n'); sys.exit(134)"
    monkeypatch.setattr(selfcheck, "own_command", lambda: [sys.executable, "-c", crash])
    results = qt_checks(gui=False)
    assert results == [CheckResult("qt", False, "exit code 134: qt.qpa.plugin: no platform plugin")]


def test_result_lines_round_trip_and_summary_names_failures() -> None:
    results = [CheckResult("fonts", True, "a\tb"), CheckResult("qt", False, "no display")]
    assert [CheckResult.parse(r.line()) for r in results] == results
    assert summary(results) == "selfcheck FAILED: 1 of 2 checks failed (qt)"


def test_headless_selfcheck_never_loads_qt() -> None:
    """The CLI process stays free of Qt: machines without display libraries can run it."""
    probe = (
        "import sys; from annotator.__main__ import main; code = main(['selfcheck', '--no-qt']);"
        "print(code, 'PySide6' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "0 False", done.stderr
