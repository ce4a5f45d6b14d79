"""Exporting a project: records, filters, atomic files, and round trips through import."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.formats import native
from annotator.core.model import Span, Status, new_id
from annotator.services.demo import create_demo_project
from annotator.services.export_selection import select_items
from annotator.services.exporting import (
    ExportCancelled,
    ExportError,
    ExportFilter,
    ExportOptions,
    export_project,
)
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.projects import new_project
from annotator.store import ProjectStore, interchange
from tests.io_samples import ARTICLE_1, ARTICLE_2, build_project

# These tests are about the full dump: every document and annotator.
FULL = ExportFilter(full_dump=True)


def export_lines(store: ProjectStore, path: Path, **options) -> list[dict]:
    options.setdefault("filter", FULL)
    export_project(store, ExportOptions(**options), path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def sample(project: ProjectStore) -> ProjectStore:
    build_project(project)
    return project


def test_native_export_holds_every_document_and_annotator(
    sample: ProjectStore, tmp_path: Path
) -> None:
    records = export_lines(sample, tmp_path / "out.jsonl")
    assert [(r["id"], r["annotator"], r["status"]) for r in records] == [
        ("art-1", "amal", "done"),
        ("art-1", "karim", "in_progress"),
        ("art-2", "amal", "done"),
        (records[3]["id"], "model", "in_progress"),
    ]
    mosul = records[0]
    assert [e["text"] for e in mosul["entities"]] == [
        "نجم الجبوري",
        "UNICEF",
        "المحافـــظة",
        "سارة Miller",
    ]
    attack = records[2]["events"][0]
    assert attack["trigger"]["text"] == "هاجمَ"
    by_id = {e["id"]: e["text"] for e in records[2]["entities"]}
    assert [(a["role"], by_id[a["entity"]]) for a in attack["arguments"]] == [
        ("Attacker", "مسلحون"),
        ("Place", "قريةً"),
    ]
    raw = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "\\u" not in raw and "😀" in raw  # UTF-8, not ASCII-escaped


def test_a_document_nobody_annotated_is_exported_once(
    project: ProjectStore, tmp_path: Path
) -> None:
    project.documents.add(ARTICLE_2, "كركوك")
    (record,) = export_lines(project, tmp_path / "out.jsonl")
    assert (record["annotator"], record["status"], record["entities"], record["events"]) == (
        None,
        "new",
        [],
        [],
    )


def test_filters_by_annotator_status_and_label(sample: ProjectStore, tmp_path: Path) -> None:
    only_karim = export_lines(
        sample, tmp_path / "a.jsonl", filter=ExportFilter(full_dump=True, annotators=["karim"])
    )
    assert [r["annotator"] for r in only_karim] == ["karim"]
    done = export_lines(
        sample, tmp_path / "b.jsonl", filter=ExportFilter(full_dump=True, statuses=[Status.DONE])
    )
    assert {r["annotator"] for r in done} == {"amal"} and len(done) == 2
    persons = export_lines(
        sample,
        tmp_path / "c.jsonl",
        filter=ExportFilter(full_dump=True, annotators=["amal"], labels=["PER", "Conflict.Attack"]),
    )
    assert {e["label"] for r in persons for e in r["entities"]} == {"PER"}
    (attack,) = persons[1]["events"]
    assert [a["role"] for a in attack["arguments"]] == ["Attacker"]  # the GPE place went


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "spacy"])
def test_json_formats_round_trip_through_import(
    sample: ProjectStore, tmp_path: Path, fmt: str
) -> None:
    first = export_lines(
        sample,
        tmp_path / "one.jsonl",
        format=fmt,
        filter=ExportFilter(full_dump=True, annotators=["amal"]),
    )
    with new_project(tmp_path / "copy.annproj") as copy:
        import_paths(copy, [tmp_path / "one.jsonl"])
        second = export_lines(copy, tmp_path / "two.jsonl", format=fmt)
    if fmt == "jsonl":
        assert second == first
    else:  # ids are the project's own; labels, offsets and tokens must survive
        key = "label" if fmt == "doccano" else "spans"
        assert [(r["text"], r[key], r["annotator"], r["status"]) for r in second] == [
            (r["text"], r[key], r["annotator"], r["status"]) for r in first
        ]


def test_whole_project_round_trip_with_several_annotators(
    sample: ProjectStore, tmp_path: Path
) -> None:
    first = export_lines(sample, tmp_path / "one.jsonl")
    with new_project(tmp_path / "copy.annproj") as copy:
        report = import_paths(copy, [tmp_path / "one.jsonl"])
        assert report.attached == 1 and not report.duplicates
        assert export_lines(copy, tmp_path / "two.jsonl") == first


SYMBOLS = ["😀", "👩\u200d🏫", "\u200f", "\u200e", "NATO", " ", "\n", "،", "."]
ALPHABET = st.sampled_from([*"بغداد الموصل ليلى ـ ً ُ ِ ّ", *SYMBOLS])


@st.composite
def documents(draw) -> tuple[str, list[tuple[int, int, str]]]:
    text = "".join(draw(st.lists(ALPHABET, min_size=1, max_size=40)))
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append((start, end, draw(st.sampled_from(["PER", "GPE", "ORG"]))))
    return text, spans


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=4, unique_by=lambda d: d[0].strip()))
def test_export_import_export_is_identical(docs: list[tuple[str, list]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with new_project(root / "a.annproj") as store:
            for text, spans in docs:
                if not text.strip():
                    continue
                doc = store.documents.add(text, "t")
                store.annotations.add_spans(
                    Span(new_id(), doc.id, "amal", s, e, lab) for s, e, lab in spans
                )
            first = export_lines(store, root / "one.jsonl", utf16=True)
        with new_project(root / "b.annproj") as copy:
            import_paths(copy, [root / "one.jsonl"])
            assert export_lines(copy, root / "two.jsonl", utf16=True) == first


def test_a_failed_export_leaves_no_partial_file(
    sample: ProjectStore, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous export\n", encoding="utf-8")
    calls = []

    def failing(self, row):
        calls.append(row)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return [row.document.id, "\n"]

    monkeypatch.setattr(native.LineEncoder, "__call__", failing)
    with pytest.raises(ExportError, match="No space left on device"):
        export_project(sample, ExportOptions(filter=FULL), target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_refused_rename_says_why_and_cleans_up(
    sample: ProjectStore, tmp_path: Path, monkeypatch
) -> None:
    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match=r"out.jsonl: not written: Permission denied"):
        export_project(sample, ExportOptions(filter=FULL), tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_missing_folder_is_named(sample: ProjectStore, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_project(sample, ExportOptions(filter=FULL), tmp_path / "nowhere" / "out.jsonl")


def test_cancel_writes_nothing(sample: ProjectStore, tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        export_project(
            sample, ExportOptions(filter=FULL), tmp_path / "out.jsonl", progress=lambda d, t: d < 2
        )
    assert not (tmp_path / "out.jsonl").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_brat_writes_a_folder_per_annotator(sample: ProjectStore, tmp_path: Path) -> None:
    target = tmp_path / "brat"
    report = export_project(sample, ExportOptions(format="brat", filter=FULL), target)
    assert report.records == 4
    assert (target / "annotation.conf").is_file()
    assert (target / "amal" / "art-1.txt").read_text(encoding="utf-8") == ARTICLE_1
    ann = (target / "amal" / "art-2.ann").read_text(encoding="utf-8")
    assert "\nE1\tConflict-Attack:T3 Attacker:T1 Place:T2\n" in "\n" + ann  # brat-safe
    with pytest.raises(ExportError, match="not an empty folder"):
        export_project(sample, ExportOptions(format="brat", filter=FULL), target)


def test_token_formats_report_what_they_leave_out(sample: ProjectStore, tmp_path: Path) -> None:
    report = export_project(
        sample, ExportOptions(format="conll", filter=FULL), tmp_path / "out.conll"
    )
    assert any("overlaps PER" in w and "(karim)" in w for w in report.warnings)
    assert any("event(s) left out" in w for w in report.warnings)


def test_utf16_only_for_json_formats(sample: ProjectStore, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="UTF-16 offsets apply to"):
        export_project(
            sample, ExportOptions(format="conll", utf16=True, filter=FULL), tmp_path / "x"
        )


def test_unknown_annotators_and_labels_are_refused(sample: ProjectStore, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(ValidationError, match="no annotator 'amel' in this project"):
        export_project(
            sample, ExportOptions(filter=ExportFilter(full_dump=True, annotators=["amel"])), target
        )
    with pytest.raises(ValidationError, match="no label or event type 'PERSON'"):
        export_project(
            sample, ExportOptions(filter=ExportFilter(full_dump=True, labels=["PERSON"])), target
        )
    assert not target.exists()


def test_brat_round_trips_through_import(sample: ProjectStore, tmp_path: Path) -> None:
    export_project(sample, ExportOptions(format="brat", filter=FULL), tmp_path / "one")
    with new_project(tmp_path / "copy.annproj") as copy:
        report = import_paths(copy, [tmp_path / "one"])
        assert (report.documents, report.attached, report.events) == (3, 1, 1)
        assert copy.annotators.get("karim").name == "karim"
        export_project(copy, ExportOptions(format="brat", filter=FULL), tmp_path / "two")
    for first in sorted((tmp_path / "one").rglob("*.*")):
        second = tmp_path / "two" / first.relative_to(tmp_path / "one")
        assert second.read_bytes() == first.read_bytes(), first.name


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_the_demo_project_round_trips(tmp_path: Path, fmt: str) -> None:
    """Two annotators who partly disagree, events with arguments, every status."""
    with create_demo_project(tmp_path / "demo.annproj") as demo:
        export_project(demo, ExportOptions(format=fmt, filter=FULL), tmp_path / "one")
    with new_project(tmp_path / "copy.annproj") as copy:
        report = import_paths(copy, [tmp_path / "one"])
        assert not report.duplicates and not report.skipped
        export_project(copy, ExportOptions(format=fmt, filter=FULL), tmp_path / "two")
    one, two = tmp_path / "one", tmp_path / "two"
    if fmt == "jsonl":
        assert two.read_bytes() == one.read_bytes()
    else:
        files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
        assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_conll_round_trips_through_import(sample: ProjectStore, tmp_path: Path) -> None:
    selection = ExportFilter(full_dump=True, annotators=["amal"])
    export_project(sample, ExportOptions(format="conll", filter=selection), tmp_path / "one.conll")
    with new_project(tmp_path / "copy.annproj") as copy:
        report = import_paths(copy, [tmp_path / "one.conll"], ImportOptions(annotator="amal"))
        assert (report.documents, report.spans) == (2, 6)
        export_project(copy, ExportOptions(format="conll", filter=FULL), tmp_path / "two.conll")
    assert (tmp_path / "two.conll").read_text(encoding="utf-8") == (
        tmp_path / "one.conll"
    ).read_text(encoding="utf-8")


def test_native_export_is_the_same_whoever_quotes_the_texts(
    sample: ProjectStore, tmp_path: Path, monkeypatch
) -> None:
    export_project(sample, ExportOptions(utf16=True, filter=FULL), tmp_path / "sqlite.jsonl")
    monkeypatch.setitem(interchange._QUOTING_AGREES, sqlite3.sqlite_version, False)
    export_project(sample, ExportOptions(utf16=True, filter=FULL), tmp_path / "python.jsonl")
    exported = (tmp_path / "sqlite.jsonl").read_bytes()
    assert exported == (tmp_path / "python.jsonl").read_bytes()
    _, items = select_items(sample, ExportFilter(full_dump=True))
    records = [native.ENCODER.encode(native.to_json(item, utf16=True)) + "\n" for item in items]
    assert exported == "".join(records).encode("utf-8")
