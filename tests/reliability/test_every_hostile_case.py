"""Every hostile case, through the command line and through the GUI's open path.

For each hostile import file (tests/fixtures/hostile, plus the special files made
here: a FIFO, a name that is not UTF-8), each hostile project file (the committed
ones and those of hostile_projects.py) and each hostile schema: the CLI answers
with an exit code and a message naming the file, never a Python traceback; the GUI
(offscreen, driven as a user would) shows a message naming the file, raises
nothing, and a refused project is left byte-for-byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.cli import main as cli_main
from annotator.core.paths import shown_path
from annotator.ui.import_export import ImportExport
from annotator.ui.import_export_dialogs import ImportOptionsDialog
from tests.reliability.hostile_projects import PROJECTS, make_hostile_project, make_project
from tests.ui.conftest import make_window, messages, settings  # noqa: F401 (fixtures)

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
IMPORT_FILES = sorted(
    p.name for p in HOSTILE.iterdir() if p.suffix in (".txt", ".jsonl") and p.is_file()
)
# Odd but valid: imported whole, with nothing to report (UTF-32 with its byte-order mark).
ACCEPTED = {"utf32.txt"}
SPECIAL_FILES = ["a FIFO", "a name that is not UTF-8"]
PROJECT_FILES = sorted(p.name for p in HOSTILE.glob("*.annproj"))
SCHEMA_FILES = sorted(p.name for p in HOSTILE.glob("schema-*.json"))


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Everything message boxes showed: their text and the details behind "Show Details"."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.detailedText()}")
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def fingerprint(folder: Path) -> dict[str, str]:
    """Hash of every regular file under ``folder`` (and the names of special ones)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "special"
        for p in sorted(folder.rglob("*"))
        if not p.is_dir()
    }


def import_source(name: str, folder: Path) -> Path:
    """The hostile file ``name`` copied (with a brat .ann beside it) into ``folder``."""
    folder.mkdir(exist_ok=True)
    if name == "a FIFO":
        path = folder / "أنبوب.txt"
        os.mkfifo(path)
        return path
    if name == "a name that is not UTF-8":
        path = Path(os.fsdecode(bytes(folder) + b"/\xce\xc8\xd1.txt"))
        path.write_bytes(b"\xff\xfe\x00")  # and binary, to be refused
        return path
    for sibling in HOSTILE.glob(f"{Path(name).stem}.*"):
        shutil.copyfile(sibling, folder / sibling.name)
    return folder / name


def project_case(name: str, folder: Path) -> Path:
    if name == "a FIFO":
        path = folder / "أنبوب.annproj"
        os.mkfifo(path)  # opening it would block: it must be refused unopened
        return path
    if name in PROJECTS:
        return make_hostile_project(folder, name)
    path = folder / name
    shutil.copyfile(HOSTILE / name, path)
    return path


def names(message: str, source: Path) -> bool:
    """True when ``message`` names the file (or, for brat, the .ann line at fault)."""
    return any(shown_path(p) in message for p in (source, source.with_suffix(".ann")))


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli_main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_byte_names = pytest.mark.skipif(sys.platform != "linux", reason="byte file names: Linux")


def _marks(name: str) -> list[pytest.MarkDecorator]:
    return {"a FIFO": [needs_fifo], "a name that is not UTF-8": [needs_byte_names]}.get(name, [])


IMPORT_CASES = [pytest.param(n, marks=_marks(n)) for n in [*IMPORT_FILES, *SPECIAL_FILES]]


@pytest.mark.parametrize("name", IMPORT_CASES)
def test_cli_import_of_a_hostile_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    source = import_source(name, tmp_path / "in")
    before = fingerprint(project.parent / "in"), project.read_bytes()
    code, output = cli(capsys, "import", str(project), str(source))
    assert code in (0, 1) and "Traceback" not in output
    if name in ACCEPTED:
        assert code == 0 and output == "imported 1 document(s), 0 span(s), 0 event(s)\n"
        return
    assert names(output, source), output
    if code == 1:
        assert (fingerprint(project.parent / "in"), project.read_bytes()) == before


@pytest.mark.parametrize("name", IMPORT_CASES)
def test_gui_import_of_a_hostile_file(
    name: str,
    tmp_path: Path,
    make_window,  # noqa: F811
    boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = make_project(tmp_path / "مشروع.annproj")
    source = import_source(name, tmp_path / "in")
    window = make_window(str(project))
    monkeypatch.setattr(ImportOptionsDialog, "exec", lambda dialog: True)
    shown_before = len(boxes)
    feature = next(f for f in window.features if isinstance(f, ImportExport))
    feature.import_paths([source])  # what File > Import Files… and a drop do
    new = boxes[shown_before:]
    if name in ACCEPTED:
        assert new == [] and window.statusBar().currentMessage().startswith("Imported 1 ")
        return
    assert new, "the GUI said nothing"
    assert any(names(message, source) for message in new), new
    assert not any("Traceback" in message for message in new)


PROJECT_CASES = [*PROJECT_FILES, *PROJECTS, pytest.param("a FIFO", marks=[needs_fifo])]


@pytest.mark.parametrize("name", PROJECT_CASES)
def test_cli_commands_on_a_hostile_project(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = project_case(name, tmp_path)
    before = fingerprint(tmp_path)
    out = tmp_path.parent / f"{tmp_path.name}-export.jsonl"
    for command in (["info"], ["stats"], ["export", "-o", str(out)]):
        code, output = cli(capsys, command[0], str(project), *command[1:])
        assert code == 1 and str(project) in output, output
        assert "Traceback" not in output
    assert fingerprint(tmp_path) == before and not out.exists()


@pytest.mark.parametrize("name", PROJECT_CASES)
def test_gui_open_of_a_hostile_project(
    name: str,
    tmp_path: Path,
    make_window,  # noqa: F811
    messages: list[str],  # noqa: F811
) -> None:
    good = make_project(tmp_path / "سليم.annproj")
    window = make_window(str(good))
    folder = tmp_path / "hostile"
    folder.mkdir()
    project = project_case(name, folder)
    before = fingerprint(folder)
    assert window.open_project(project) is False
    assert any(str(project) in message for message in messages), messages
    assert not any("Traceback" in message for message in messages)
    assert window.project is not None and window.project.path == good  # still on the good one
    assert fingerprint(folder) == before


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_cli_new_with_a_hostile_schema(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / name
    shutil.copyfile(HOSTILE / name, schema)
    code, output = cli(capsys, "new", str(tmp_path / "جديد.annproj"), "--schema", str(schema))
    assert code == 1 and str(schema) in output and "Traceback" not in output
    assert not (tmp_path / "جديد.annproj").exists()


@needs_byte_names
def test_a_project_whose_file_name_is_not_utf8_works_everywhere(
    tmp_path: Path,
    make_window,  # noqa: F811
    messages: list[str],  # noqa: F811
) -> None:
    project = os.fsencode(tmp_path) + b"/\xce\xc8\xd1.annproj"
    article = tmp_path / "مقال.txt"
    article.write_text("نص عربي قصير", encoding="utf-8")
    out = os.fsencode(tmp_path / "out.jsonl")
    for command in (
        [b"new", project],
        [b"import", project, os.fsencode(article)],
        [b"info", project],
        [b"export", project, b"-o", out],
        [b"backup", project],
        [b"backups", project],
    ):
        result = run_bytes(command)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (command, result)
    shown = project.replace(b"\xce\xc8\xd1", b"\\xce\\xc8\\xd1")  # escaped, one line
    assert b"file:       " + shown + b"\n" in run_bytes([b"info", project]).stdout
    missing = run_bytes([b"info", project + b"x"])
    assert missing.returncode == 1 and b"\\xce\\xc8\\xd1.annprojx: no such" in missing.stderr
    window = make_window(os.fsdecode(project))
    assert window.project is not None and window.project._store.documents.count() == 1
    assert "\\xce\\xc8\\xd1" in window.windowTitle() and messages == []


def run_bytes(arguments: list[bytes]) -> subprocess.CompletedProcess[bytes]:
    """The CLI in a process of its own, with arguments as the raw bytes a shell passes."""
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"annotator", *arguments],
        capture_output=True,
        timeout=120,
    )
