"""Importing files into a project: encodings, duplicates, atomicity, errors with file:line."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.core.model import AnnotatorKind, Status
from annotator.services.importing import (
    ImportCancelled,
    ImportFailed,
    ImportOptions,
    import_paths,
)
from annotator.store import ProjectStore
from tests.io_samples import ARTICLE_1, ARTICLE_2, ARTICLE_3, file_hash, locate


def write_jsonl(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_folder_of_text_files_in_every_accepted_encoding(
    project: ProjectStore, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE_1.replace("\n", "\r\n").encode())
    (folder / "sub" / "b.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE_2.encode("utf-16-le"))
    cp1256 = "قال الوزير إن الاجتماع سيعقد في بغداد"
    (folder / "sub" / "c.txt").write_bytes(cp1256.encode("windows-1256"))
    (folder / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (folder / "notes.md").write_text("not imported", encoding="utf-8")
    report = import_paths(project, [folder])
    assert report.documents == 3
    texts = {d.text for d in project.documents.iter_all()}
    assert texts == {ARTICLE_1, ARTICLE_2, cp1256}
    first = next(d for d in project.documents.iter_all() if d.text == ARTICLE_1)
    assert first.title.startswith("الموصل (رويترز)") and len(first.title) <= 120
    assert first.meta["source"] == str((folder / "a.txt").absolute())
    assert report.changes == [
        f"{folder / 'a.txt'}: normalised 1 line ending(s) to \\n",
    ]


def test_empty_files_and_duplicates_are_skipped_and_reported(
    project: ProjectStore, tmp_path: Path
) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE_2, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE_2, encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert project.documents.count() == 1
    assert report.empty == [f"{tmp_path / 'blank.txt'}: empty document"]
    assert len(report.duplicates) == 1 and report.duplicates[0].startswith(
        str(tmp_path / "two.txt")
    )
    again = import_paths(project, [tmp_path / "one.txt"])
    assert again.documents == 0 and len(again.duplicates) == 1


def test_jsonl_pre_annotations_go_to_a_model_annotator(
    project: ProjectStore, tmp_path: Path
) -> None:
    start, end = locate(ARTICLE_3, "Airbus")
    path = write_jsonl(
        tmp_path / "pred.jsonl",
        {"id": "x1", "text": ARTICLE_3, "label": [[start, end, "ORG"]]},
        {"text": ARTICLE_2, "spans": [{"start": 0, "end": 5, "label": "PER"}]},
    )
    report = import_paths(project, [path], ImportOptions(annotator="camel-ner"))
    assert (report.documents, report.spans) == (2, 2)
    assert project.annotators.get("camel-ner").kind is AnnotatorKind.MODEL
    doc = next(d for d in project.documents.iter_all() if d.external_id == "x1")
    spans = project.annotations.spans(doc.id, "camel-ner")
    assert [(s.start, s.end, s.label) for s in spans] == [(start, end, "ORG")]
    assert project.annotators.status(doc.id, "camel-ner") is Status.IN_PROGRESS


def test_predictions_attach_to_texts_already_in_the_project(
    project: ProjectStore, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_3, encoding="utf-8")
    import_paths(project, [tmp_path / "a.txt"])
    start, end = locate(ARTICLE_3, "دبي")
    path = write_jsonl(tmp_path / "p.jsonl", {"text": ARTICLE_3, "label": [[start, end, "GPE"]]})
    report = import_paths(project, [path])
    assert (report.documents, report.attached, report.spans) == (0, 1, 1)
    assert project.annotators.get("model").kind is AnnotatorKind.MODEL
    again = import_paths(project, [path])
    assert again.attached == 0 and len(again.duplicates) == 1


BAD_LINES = [
    ("{not json", "invalid JSON"),
    ('{"text": "نص", "label": [[3, 1, "PER"]]}', "is reversed"),
    ('{"text": "نص", "label": [[0, 9, "PER"]]}', "ends after the text"),
    ('{"text": "نص قصير", "label": [[0, 2, "PERSON"]]}', "unknown entity label 'PERSON'"),
    ('{"text": "\\ud800"}', "lone surrogate"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_LINES)
def test_a_bad_line_refuses_the_import_and_leaves_the_file_unchanged(
    project: ProjectStore, tmp_path: Path, bad: str, reason: str
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", {"text": ARTICLE_1}, bad, {"text": ARTICLE_2})
    before = file_hash(project.path)
    with pytest.raises(ImportFailed) as caught:
        import_paths(project, [path])
    assert caught.value.problems[0].startswith(f"{path}:2: ")
    assert reason in caught.value.problems[0]
    assert project.documents.count() == 0
    assert file_hash(project.path) == before


def test_every_problem_is_listed_and_binary_files_refused(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", BAD_LINES[0][0], {"text": ARTICLE_1}, BAD_LINES[1][0])
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ImportFailed) as caught:
        import_paths(project, [path, tmp_path / "image.txt"])
    problems = caught.value.problems
    assert [p.split(": ")[0] for p in problems] == [
        f"{path}:1",
        f"{path}:3",
        str(tmp_path / "image.txt"),
    ]
    assert "binary" in problems[2]
    assert "project unchanged" in str(caught.value)


def test_skip_invalid_keeps_the_good_lines_and_reports_each_skipped_one(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl", {"text": ARTICLE_1}, BAD_LINES[0][0], {"text": ARTICLE_2}
    )
    report = import_paths(project, [path], ImportOptions(skip_invalid=True))
    assert report.documents == 2
    assert len(report.skipped) == 1 and report.skipped[0].startswith(f"{path}:2: invalid JSON")
    assert any(line.startswith("skipped (invalid): ") for line in report.lines())


def test_progress_is_reported_and_cancel_rolls_back(project: ProjectStore, tmp_path: Path) -> None:
    for i, text in enumerate([ARTICLE_1, ARTICLE_2, ARTICLE_3]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    calls: list[tuple[int, int]] = []

    def cancel_at_second(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2

    before = file_hash(project.path)
    with pytest.raises(ImportCancelled):
        import_paths(project, [tmp_path], progress=cancel_at_second)
    assert project.documents.count() == 0 and file_hash(project.path) == before
    assert len(calls) == 2 and calls[0][0] < calls[1][0] <= calls[1][1]
    seen: list[tuple[int, int]] = []
    import_paths(project, [tmp_path], progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1] and len(seen) == 3


def test_a_missing_path_is_refused(project: ProjectStore, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no such file or folder"):
        import_paths(project, [tmp_path / "nowhere"])


def test_a_json_file_named_explicitly_is_read_as_jsonl_once(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "doccano.json", {"text": ARTICLE_3, "label": [[0, 5, "PER"]]})
    report = import_paths(project, [path, tmp_path / "." / "doccano.json"])
    assert (report.documents, report.spans, report.duplicates) == (1, 1, [])


def test_a_bad_brat_line_refuses_the_import(project: ProjectStore, tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(ARTICLE_2, encoding="utf-8")
    start, end = locate(ARTICLE_2, "كركوك")
    (tmp_path / "doc.ann").write_text(
        f"T1\tGPE {start} {end}\tكركوك\nT2\tNOPE {start} {end}\tكركوك\nR1\tNear Arg1:T1 Arg2:T2\n",
        encoding="utf-8",
    )
    before = file_hash(project.path)
    with pytest.raises(ImportFailed) as caught:
        import_paths(project, [tmp_path])
    assert caught.value.problems == [
        f"{tmp_path / 'doc.ann'}:2: unknown entity label 'NOPE' (not in the schema)"
    ]
    assert file_hash(project.path) == before
    (tmp_path / "doc.ann").write_text(
        f"T1\tGPE {start} {end}\tكركوك\nR1\tNear Arg1:T1 Arg2:T1\n", encoding="utf-8"
    )
    report = import_paths(project, [tmp_path], ImportOptions(annotator="amal"))
    assert (report.documents, report.spans) == (1, 1)
    assert report.ignored == [f"{tmp_path / 'doc.ann'}:2: brat relation ignored"]
    doc = next(project.documents.iter_all())
    assert doc.external_id == "doc"
    assert [s.label for s in project.annotations.spans(doc.id, "amal")] == ["GPE"]


def test_an_export_without_suffix_is_recognised_as_jsonl(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "export", {"text": ARTICLE_3, "label": [[0, 5, "PER"]]})
    (tmp_path / "notes").write_text("{ملاحظة} ليست JSON", encoding="utf-8")
    report = import_paths(project, [path, tmp_path / "notes"])
    assert (report.documents, report.spans) == (2, 1)
