"""An import's result does not depend on where its batches and read-ahead chunks end.

The writer looks texts and work up a chunk at a time (ImportLookups) and forgets what
it queued once a batch is written; a repeated text must be recognised whether its
first copy is in the same chunk, an earlier chunk, an unwritten batch or the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.services import import_writer, read_ahead
from annotator.services.import_lookups import ImportLookups
from annotator.services.importing import import_paths
from annotator.services.projects import new_project

TEXTS = [f"قال المتحدث باسم الوزارة في الخبر رقم {n} إن الاجتماع انتهى." for n in range(6)]
ANNOTATORS = ["amal", "karim", None]

lines = st.lists(
    st.tuples(st.integers(0, len(TEXTS) - 1), st.sampled_from(ANNOTATORS), st.booleans()),
    min_size=1,
    max_size=40,
)


def jsonl_of(items: list[tuple[int, str | None, bool]]) -> str:
    out = []
    for text_at, annotator, labelled in items:
        line: dict = {"text": TEXTS[text_at], "label": [[0, 3, "PER"]] if labelled else []}
        if annotator:
            line["annotator"] = annotator
        out.append(json.dumps(line, ensure_ascii=False))
    return "\n".join(out) + "\n"


def imported(folder: Path, earlier: Path, source: Path) -> tuple:
    """What an import of ``source`` into a project holding ``earlier`` gives, ids aside."""
    folder.mkdir()
    with new_project(folder / "p.annproj") as store:
        import_paths(store, [earlier])
        report = import_paths(store, [source])
        texts = {d.id: d.text for d in store.documents.iter_all()}
        spans = sorted(
            (texts[s.document_id], s.annotator, s.start, s.end, s.label)
            for d in texts
            for s in store.annotations.spans(d)
        )
    counts = (report.documents, report.attached, report.spans, len(report.duplicates))
    duplicates = [line.split(": same text")[0] for line in report.duplicates]
    return sorted(texts.values()), spans, counts, duplicates


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(lines, lines, st.integers(1, 4), st.integers(1, 5))
def test_small_batches_and_chunks_import_what_one_batch_imports(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    before: list[tuple[int, str | None, bool]],
    items: list[tuple[int, str | None, bool]],
    batch: int,
    chunk: int,
) -> None:
    """Texts and work already in the project (``before``) are found as well as those
    queued by the import itself; the reference asks the file record by record."""
    folder = tmp_path_factory.mktemp("batches")
    earlier, source = folder / "earlier.jsonl", folder / "lines.jsonl"
    earlier.write_text(jsonl_of(before), encoding="utf-8")
    source.write_text(jsonl_of(items), encoding="utf-8")
    with monkeypatch.context() as patch:  # the reference: one query per record, one batch
        patch.setattr(ImportLookups, "refresh", lambda *args: None)
        whole = imported(folder / "whole", earlier, source)
    with monkeypatch.context() as patch:
        patch.setattr(import_writer, "BATCH", batch)
        patch.setattr(read_ahead, "_CHUNK", chunk)
        pieces = imported(folder / "pieces", earlier, source)
    assert pieces == whole
    assert len(whole[0]) == len({text_at for text_at, _, _ in before + items})


def test_long_texts_are_written_in_smaller_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch ends by the length of its texts too, so long documents are not held a
    thousand at a time."""
    source = tmp_path / "long.jsonl"
    source.write_text(jsonl_of([(n, "amal", True) for n in range(len(TEXTS))]), encoding="utf-8")
    written: list[int] = []
    monkeypatch.setattr(import_writer, "BATCH_CHARS", 2 * len(TEXTS[0]))
    with new_project(tmp_path / "p.annproj") as store:
        original = store.documents.add_prepared
        monkeypatch.setattr(
            store.documents,
            "add_prepared",
            lambda documents: (written.append(len(documents)), original(documents)),
        )
        report = import_paths(store, [source])
        assert report.documents == store.documents.count() == len(TEXTS)
    assert written == [2, 2, 2]
