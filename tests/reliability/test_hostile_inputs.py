"""Hostile inputs beyond single bad files (issue #16): names that are not text, special
files, bounded reading, folders of CoNLL, brat errors naming the .ann line. Each is
refused (or imported) with a message naming the file, no traceback, and a refused
import leaves the project byte-for-byte unchanged."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core.errors import ValidationError
from annotator.core.formats.jsonl import MAX_META_CHARS, MAX_TITLE_CHARS
from annotator.core.model import Status
from annotator.services.import_sources import MAX_LINE_BYTES, MAX_TEXT_FILE_BYTES
from annotator.services.importing import ImportFailed, import_paths
from annotator.services.projects import new_project, open_project
from tests.reliability.test_hostile_imports import HOSTILE, TEXT, fingerprint, run_import

POSIX_BYTES_NAMES = sys.platform.startswith("linux")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "مشروع.annproj"
    with new_project(path) as store:
        store.documents.add(TEXT, "تونس")
    return path


def refused(capsys, project: Path, source: Path, *extra: str) -> str:
    before = fingerprint(project)
    code, output = run_import(capsys, project, source, *extra)
    assert code == 1, output
    assert "Traceback" not in output
    assert fingerprint(project) == before
    return output


def refused_measured(capsys, project: Path, source: Path) -> tuple[str, int]:
    """:func:`refused`, and the peak of the memory Python allocated meanwhile (bytes)."""
    tracemalloc.start()
    try:
        output = refused(capsys, project, source)
        return output, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_each_lone_surrogate_outside_the_text_is_named_by_line_and_field(
    project: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "بدائل.jsonl"
    shutil.copyfile(HOSTILE / "lone-surrogates-outside-text.jsonl", source)
    output = refused(capsys, project, source)
    for line, field, code in [
        (1, "title", "D800"),
        (2, r"meta\.source\[0\]", "DFFF"),
        (3, "annotator", "DC80"),
        (4, "id", "DBFF"),
        (5, r"entities\[0\]\.id", "D83D"),
    ]:
        assert re.search(rf"{source}:{line}: {field}: contains a lone surrogate U\+{code}", output)


def test_a_fifo_is_not_a_regular_file_and_never_blocks(project: Path, tmp_path: Path, capsys):
    fifo = tmp_path / "أنبوب.txt"
    os.mkfifo(fifo)
    output = refused(capsys, project, fifo)
    assert f"{fifo}: not a regular file" in output


@pytest.mark.skipif(not POSIX_BYTES_NAMES, reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_imported_and_shown_escaped(
    project: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "من ويندوز"
    folder.mkdir()
    # "نص" saved under a Windows-1256 Arabic name, as unzipped from a Windows archive.
    (Path(os.fsdecode(bytes(folder) + b"/\xce\xc8\xd1.txt"))).write_text("نص", encoding="utf-8")
    (Path(os.fsdecode(bytes(folder) + b"/\xce\xc8\xd1 \xd1.txt"))).write_bytes(b"\x00\x01")
    code, output = run_import(capsys, project, folder, "--skip-invalid")
    assert code == 0, output
    assert "Traceback" not in output
    assert "imported 1 document(s)" in output
    assert "\\xce\\xc8\\xd1 \\xd1.txt: looks like a binary file" in output
    with open_project(project) as store:
        sources = [d.meta.get("source", "") for d in map(store.documents.get, _ids(store))]
    assert any(s.endswith("/من ويندوز/\\xce\\xc8\\xd1.txt") for s in sources), sources


def _ids(store) -> list[str]:
    return [summary.id for summary in store.documents.summaries()]


def test_an_annotator_name_that_is_not_utf8_is_refused_by_the_cli(project: Path) -> None:
    article = project.parent / "مقال.txt"
    article.write_text("نص جديد", encoding="utf-8")
    before = fingerprint(project)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", os.fsencode(project),
         os.fsencode(article), "--annotator", b"\xff"],
        capture_output=True,
        env={**os.environ, "PYTHONUTF8": "1"},
    )  # fmt: skip
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert "the annotator name '\\udcff' contains a lone surrogate" in stderr
    assert fingerprint(project) == before


@pytest.mark.parametrize("name", ["amal\nannotator:  root", "amal\x1b[31m", "amal\u202e", "\t"])
def test_control_characters_in_an_annotator_name_are_refused(
    name: str, project: Path, capsys
) -> None:
    article = project.parent / "مقال.txt"
    article.write_text("نص جديد", encoding="utf-8")
    output = refused(capsys, project, article, "--annotator", name)
    assert "annotator" in output
    # The store refuses it too, whoever calls it.
    with open_project(project) as store, pytest.raises(ValidationError, match=r"control|empty"):
        store.annotators.ensure(name)


def test_conll_files_in_a_folder_are_imported(project: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "مدونة"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "anercorp.conll").write_text(
        "-DOCSTART- O\n\nوزار B-PER\nعمان B-LOC\n\n", encoding="utf-8"
    )
    (folder / "tags.bio").write_text("زار O\nتونس B-LOC\n", encoding="utf-8")
    code, output = run_import(capsys, project, folder)
    assert code == 0 and "imported 2 document(s), 3 span(s)" in output, output


def test_a_huge_sparse_text_file_is_refused_from_its_first_block(
    project: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "ضخم.txt"
    with source.open("wb") as handle:
        handle.truncate(1 << 30)  # 1 GB of NUL bytes, taking no disk space
    output, peak = refused_measured(capsys, project, source)
    assert f"{source}: looks like a binary file (NUL byte at byte 0)" in output
    assert peak < 20_000_000  # the first block only, never the gigabyte


def test_a_text_file_over_the_limit_is_refused_before_it_is_read(
    project: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "طويل.txt"
    source.write_bytes(("كلمة " * ((MAX_TEXT_FILE_BYTES // 9) + 10)).encode())
    output, peak = refused_measured(capsys, project, source)
    assert re.search(rf"{source}: too long for one document: 16\.\d MB", output), output
    assert peak < 5_000_000


@pytest.mark.slow
def test_a_jsonl_line_over_the_limit_is_refused_with_bounded_memory(
    project: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "سطر.jsonl"
    with source.open("wb") as handle:
        handle.write('{"text": "نص", "title": "عنوان"}\n{"text": "'.encode())
        block = ("خبر " * 250_000).encode()  # 2 MB
        for _ in range(3 * MAX_LINE_BYTES // len(block)):
            handle.write(block)
        handle.write('"}\n{"text": "نص آخر"}\n'.encode())
    output, peak = refused_measured(capsys, project, source)
    assert f"{source}:2: line too long (more than 32 MB" in output
    assert f"{source}:3" not in output  # the next line is read on its own, and is fine
    assert peak < 2.5 * MAX_LINE_BYTES  # never the ~100 MB line


def test_title_and_meta_have_documented_limits(project: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "كبير.jsonl"
    title = "ع" * (MAX_TITLE_CHARS + 1)
    meta = "م" * MAX_META_CHARS
    source.write_text(
        f'{{"text": "نص", "title": "{title}"}}\n{{"text": "نص آخر", "meta": {{"x": "{meta}"}}}}\n'
        f'{{"text": "نص ثالث", "id": "{title}"}}\n',
        encoding="utf-8",
    )
    output = refused(capsys, project, source)
    assert f"{source}:3: 'id' is too long (1,001 characters, at most 1,000)" in output
    assert f"{source}:1: 'title' is too long (1,001 characters, at most 1,000)" in output
    assert f"{source}:2: 'meta' is too large" in output


def test_brat_offsets_outside_the_text_name_the_ann_line(
    project: Path, tmp_path: Path, capsys
) -> None:
    for suffix in (".txt", ".ann"):
        shutil.copyfile(HOSTILE / f"brat-offsets-past-end{suffix}", tmp_path / f"خبر{suffix}")
    output = refused(capsys, project, tmp_path / "خبر.txt")
    assert f"{tmp_path / 'خبر.ann'}:2: offsets 500 506 do not fit the text" in output
    assert f"{tmp_path / 'خبر.txt'}:" not in output


def test_nan_and_infinity_never_reach_the_project(project: Path, tmp_path: Path) -> None:
    for name in ("nan-in-meta.jsonl", "infinity-in-meta.jsonl"):
        with open_project(project) as store, pytest.raises(ImportFailed) as caught:
            import_paths(store, [HOSTILE / name])
        assert all("invalid JSON" in p for p in caught.value.problems)
    conn = sqlite3.connect(project)
    assert conn.execute("SELECT count(*) FROM documents WHERE meta LIKE '%NaN%'").fetchone() == (
        0,
    )
    conn.close()


def test_a_newline_in_a_name_cannot_forge_a_line_of_info(project: Path, capsys) -> None:
    source = HOSTILE / "annotator-with-newline.jsonl"
    refused(capsys, project, source)
    assert cli_main(["info", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("annotator:  root") for line in lines)


def test_jsonl_without_a_suffix_and_a_long_first_line_is_still_jsonl(
    project: Path, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "export-without-suffix"
    long_text = "خبر طويل جدا عن الاقتصاد. " * 4000  # ~100 KB: longer than the first block
    source.write_text(
        f'{{"id": "x1", "title": "طويل", "text": "{long_text}"}}\n{{"text": "نص قصير"}}\n',
        encoding="utf-8",
    )
    code, output = run_import(capsys, project, source)
    assert code == 0 and "imported 2 document(s)" in output, output


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--annotator", "\udcff", "-o", "-"],
        ["agreement", "--annotators", "amal,\udcff"],
        ["assign", "--annotators", "amal,\udcff", "--all"],
    ],
)
def test_names_that_are_not_utf8_never_give_a_traceback(
    command: list[str], project: Path, capsys
) -> None:
    before = fingerprint(project)
    code = cli_main([command[0], str(project), *command[1:]])
    output = capsys.readouterr()
    assert code == 1 and "Traceback" not in output.err
    assert output.err.startswith("annotator: error:") and "\\udcff" in output.err, output.err
    assert fingerprint(project) == before


def test_a_name_an_older_version_stored_is_shown_escaped_and_stays_usable(
    project: Path, capsys
) -> None:
    conn = sqlite3.connect(project)
    conn.execute(
        "INSERT INTO annotators (name, kind, created_at) VALUES "
        "('amal\nannotator:  root (gold)', 'human', '2026-01-01')"
    )
    conn.commit()
    conn.close()
    assert cli_main(["info", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("annotator:  root") for line in lines)
    assert "annotator:  'amal\\nannotator:  root (gold)' (human): 0 spans, 0 events" in lines
    with open_project(project) as store:
        doc_id = store.documents.summaries()[0].id
        store.annotators.set_status(doc_id, "amal\nannotator:  root (gold)", Status.DONE)
