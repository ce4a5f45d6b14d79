"""Hostile files fed to `annotator import`: each is refused (or skipped) with a specific,
readable message naming the file, no traceback, and the project byte-for-byte unchanged.

The files are in tests/fixtures/hostile/ (see tests/fixtures/make_hostile.py); the
50 MB single line is generated here.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core.model import Span
from annotator.services.projects import new_project

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
TEXT = "نقلت وكالة الأنباء عن مصدر رسمي في تونس أن المفاوضات ستستأنف الأسبوع المقبل."

# file -> (extra arguments, exit code, a pattern the message must contain)
REFUSED = {
    "binary-png.txt": ([], 1, "binary file"),
    "nul-bytes-in-arabic.txt": ([], 1, "binary file"),
    "utf16-without-bom.txt": ([], 1, "binary file"),
    "cesu8-surrogate.txt": ([], 1, "not UTF-8"),
    "mixed-utf8-and-cp1256.txt": ([], 1, "not UTF-8"),
    "truncated-utf8.txt": ([], 1, "not UTF-8"),
    "cp1256-declared-utf8.txt": (["--encoding", "utf-8"], 1, "utf-8"),
    "invalid-json.jsonl": ([], 1, r":2: invalid JSON"),
    "not-an-object.jsonl": ([], 1, r":2: expected a JSON object"),
    "missing-text.jsonl": ([], 1, r":1: 'text' is required"),
    "text-not-a-string.jsonl": ([], 1, r":3: 'text' is required"),
    "nested-10000-deep.jsonl": ([], 1, r":1: invalid JSON: nested too deeply"),
    "huge-numbers.jsonl": ([], 1, r":2: invalid JSON: the number 1e999 is too large"),
    "nan-offsets.jsonl": ([], 1, r":1: .*NaN is not a number JSON allows"),
    "offsets-out-of-range.jsonl": ([], 1, r":1: .*ends after the text"),
    "offsets-reversed.jsonl": ([], 1, r":1: .*is reversed"),
    "offsets-negative.jsonl": ([], 1, r":1: .*starts before the text"),
    "offsets-not-integers.jsonl": ([], 1, r":3: .*must be an integer, got True"),
    "unknown-label.jsonl": ([], 1, r":1: unknown entity label 'NOT_A_LABEL'"),
    "doccano-label-wrong-shape.jsonl": ([], 1, r":1: label\[0\]: expected \[start, end, label\]"),
    "argument-to-missing-entity.jsonl": ([], 1, r":1: .*unknown entity 'e-missing'"),
    "مقالات عربية بها خطأ.jsonl": ([], 1, r":2: invalid JSON"),
    "lone-surrogates-outside-text.jsonl": ([], 1, r":1: title: contains a lone surrogate U\+D800"),
    "integer-5001-digits.jsonl": ([], 1, r":1: invalid JSON: a number of 5,001 digits is too"),
    "nan-in-meta.jsonl": ([], 1, r":1: invalid JSON: NaN is not a number JSON allows"),
    "infinity-in-meta.jsonl": ([], 1, r":2: invalid JSON: the number -1e999 is too large"),
    "annotator-with-newline.jsonl": ([], 1, r":1: 'annotator' .* control character U\+000A"),
    "overlong-utf8.txt": ([], 1, r"not UTF-8: overlong UTF-8 sequence at byte 0"),
    "empty.txt": ([], 0, "skipped \\(empty\\)"),
    "whitespace-only.txt": ([], 0, "skipped \\(empty\\)"),
    "ملف عربي فيه مسافات.txt": ([], 0, "skipped \\(empty\\)"),
}


def fingerprint(project: Path) -> dict[str, str]:
    """Hash of every file of the project (the -wal and -shm included, if any)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(project.parent.glob(project.name + "*"))
    }


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A closed project holding one annotated document, under an Arabic name with spaces."""
    path = tmp_path / "مشروع الأخبار 2026.annproj"
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "تونس")
        store.annotations.add_span(Span("s1", doc.id, "amal", 33, 37, "GPE"))
    return path


def run_import(
    capsys: pytest.CaptureFixture[str], project: Path, source: Path, *extra: str
) -> tuple[int, str]:
    code = cli_main(["import", str(project), str(source), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_clearly_and_the_project_is_unchanged(
    name: str, target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra, expected_code, pattern = REFUSED[name]
    source = tmp_path / name
    shutil.copyfile(HOSTILE / name, source)
    before = fingerprint(target)
    code, output = run_import(capsys, target, source, *extra)
    assert code == expected_code, output
    assert name in output  # the message names the file
    assert "Traceback" not in output
    assert re.search(pattern, output), output
    assert fingerprint(target) == before


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_a_50_mb_single_line_is_refused(
    kind: str, target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = "أعلن وزير المالية عن خطة جديدة "
    body = words * (50_000_000 // len(words.encode()))
    source = tmp_path / f"سطر واحد ضخم.{kind}"
    if kind == "txt":
        source.write_text(body, encoding="utf-8")
    else:
        source.write_text('{"text": "' + body + '"}\n', encoding="utf-8")
    assert source.stat().st_size > 49_000_000
    before = fingerprint(target)
    code, output = run_import(capsys, target, source)
    assert code == 1
    assert source.name in output and "too long" in output, output[:500]
    assert fingerprint(target) == before
