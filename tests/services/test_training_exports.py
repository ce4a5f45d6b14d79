"""Training-ready exports: one version per document, splits, events, brat and JSONL round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Argument, Event, Span, Status, new_id
from annotator.services.exporting import ExportFilter, ExportOptions, export_project
from annotator.services.importing import import_paths
from annotator.services.projects import new_project
from annotator.store import ProjectStore
from tests.io_samples import build_project, locate

FULL = ExportFilter(full_dump=True)


def add_done(
    store: ProjectStore,
    text: str,
    mentions: list[tuple[str, str]],
    annotator: str = "amal",
    external_id: str | None = None,
    status: Status = Status.DONE,
) -> tuple[str, list[Span]]:
    """A document with ``mentions`` (needle, label) by ``annotator``, marked ``status``."""
    (doc,) = store.documents.add_many([(text, text[:10], external_id, {}, None)])
    store.annotators.ensure(annotator)
    spans = [Span(new_id(), doc.id, annotator, *locate(text, n), label) for n, label in mentions]
    store.annotations.add_spans(spans)
    store.annotators.set_status(doc.id, annotator, status)
    return doc.id, spans


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- what a training export holds ------------------------------------------------------


def test_training_export_takes_the_gold_else_one_finished_version(
    project: ProjectStore, tmp_path: Path
) -> None:
    text = "زار أحمد بغداد أمس."
    doc, _ = add_done(project, text, [("أحمد", "PER")], "amal", "a1")
    project.annotators.ensure("karim")
    project.annotations.add_spans([Span(new_id(), doc, "karim", *locate(text, "بغداد"), "GPE")])
    project.annotators.set_status(doc, "karim", Status.DONE)
    add_done(project, "خبر لم ينته بعد.", [], "amal", "a2", Status.IN_PROGRESS)
    project.documents.add_many([("نص لم يعلق عليه أحد.", "x", "a3", {}, None)])
    report = export_project(project, ExportOptions(), tmp_path / "t.jsonl")
    records = lines(tmp_path / "t.jsonl")
    assert [(r["id"], r["annotator"]) for r in records] == [("a1", "amal")]  # first by name
    assert any("several annotators" in line for line in report.lines())
    export_project(
        project, ExportOptions(filter=ExportFilter(annotators=["karim"])), tmp_path / "k.jsonl"
    )
    assert [r["annotator"] for r in lines(tmp_path / "k.jsonl")] == ["karim"]
    project.annotators.ensure("gold", AnnotatorKind.GOLD)
    project.annotations.add_spans([Span(new_id(), doc, "gold", *locate(text, "أحمد"), "PER")])
    project.annotators.set_status(doc, "gold", Status.DONE)
    export_project(
        project, ExportOptions(filter=ExportFilter(annotators=["karim"])), tmp_path / "g.jsonl"
    )
    assert [r["annotator"] for r in lines(tmp_path / "g.jsonl")] == ["gold"]
    export_project(project, ExportOptions(filter=FULL), tmp_path / "all.jsonl")
    assert len(lines(tmp_path / "all.jsonl")) == 5  # amal, gold, karim, amal's unfinished, nobody


def test_an_empty_training_export_says_why(project: ProjectStore, tmp_path: Path) -> None:
    add_done(project, "خبر لم ينته بعد.", [], status=Status.IN_PROGRESS)
    report = export_project(project, ExportOptions(), tmp_path / "t.jsonl")
    assert report.records == 0
    assert any("--full-dump" in line for line in report.lines())


# -- splits ----------------------------------------------------------------------------


def test_splits_are_by_document_stored_and_kept_by_every_format(
    project: ProjectStore, tmp_path: Path
) -> None:
    for i in range(20):
        add_done(project, f"زار أحمد بغداد في اليوم {i}.", [("أحمد", "PER")], external_id=f"d{i}")
    spec = "train=0.6,validation=0.2,test=0.2"
    report = export_project(project, ExportOptions(split=spec, seed=5), tmp_path / "one")
    assert report.splits == {"train": 12, "validation": 4, "test": 4}
    first = {
        name: {r["id"] for r in lines(tmp_path / "one" / f"{name}.jsonl")} for name in report.splits
    }
    for i in range(20, 30):  # the dataset grows
        add_done(project, f"زار أحمد بغداد في اليوم {i}.", [("أحمد", "PER")], external_id=f"d{i}")
    export_project(project, ExportOptions("hf", split=spec, seed=99), tmp_path / "hf")
    export_project(project, ExportOptions("conll", split=spec, seed=1), tmp_path / "conll")
    for name, ids in first.items():
        hf_ids = {r["doc_id"] for r in lines(tmp_path / "hf" / f"{name}.jsonl")}
        assert ids <= hf_ids  # nobody moved, whatever the seed
        assert ids.isdisjoint(set().union(*(v for k, v in first.items() if k != name)))
    conll_test = (tmp_path / "conll" / "test.conll").read_text(encoding="utf-8")
    assert conll_test.count("-DOCSTART-") == len(lines(tmp_path / "hf" / "test.jsonl")) == 6
    with pytest.raises(ValidationError, match="already in split"):
        export_project(project, ExportOptions(split="train=0.5,dev=0.5"), tmp_path / "x")
    with pytest.raises(ValidationError, match="add up"):
        export_project(project, ExportOptions(split="train=0.5"), tmp_path / "y")


def test_splits_survive_reopening_the_project(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        for i in range(10):
            add_done(store, f"خبر رقم {i} عن بغداد.", [("بغداد", "GPE")], external_id=f"d{i}")
        export_project(store, ExportOptions(split="train=0.5,test=0.5", seed=1), tmp_path / "a")
        stored = store.splits.all()
    with new_project(tmp_path / "q.annproj"):
        pass
    from annotator.services.projects import open_project

    with open_project(tmp_path / "p.annproj") as store:
        assert store.splits.all() == stored and len(stored) == 10
        export_project(store, ExportOptions(split="train=0.5,test=0.5", seed=2), tmp_path / "b")
    for name in ("train", "test"):
        a = (tmp_path / "a" / f"{name}.jsonl").read_bytes()
        assert a == (tmp_path / "b" / f"{name}.jsonl").read_bytes()


# -- events ------------------------------------------------------------------------------


def test_events_export_is_sentence_level_and_never_cuts_an_event(
    project: ProjectStore, tmp_path: Path
) -> None:
    text = "هاجم مسلحون قرية\nالعوجة أمس. وقال الشهود إن الهجوم استمر. والتقى الوزير الوفد."
    doc, (attackers, place, minister) = add_done(
        project,
        text,
        [("مسلحون", "PER"), ("قرية\nالعوجة", "GPE"), ("الوزير", "PER")],
        external_id="ev1",
    )
    project.annotations.add_event(
        Event(new_id(), doc, "amal", "Conflict.Attack", *locate(text, "هاجم"),
              (Argument(new_id(), "Attacker", attackers.id),
               Argument(new_id(), "Place", place.id)))
    )  # fmt: skip
    project.annotations.add_event(
        Event(new_id(), doc, "amal", "Contact.Meet", *locate(text, "التقى"),
              (Argument(new_id(), "Entity", minister.id),))
    )  # fmt: skip
    export_project(project, ExportOptions("events"), tmp_path / "ev.jsonl")
    records = lines(tmp_path / "ev.jsonl")
    assert [r["sent_id"] for r in records] == ["ev1-0", "ev1-1", "ev1-2"]
    first, _, last = records
    assert first["sentence"] == "هاجم مسلحون قرية\nالعوجة أمس."  # the line break did not cut
    (attack,) = first["event_mentions"]
    assert attack["event_type"] == "Conflict.Attack"
    assert first["tokens"][attack["trigger"]["start"] : attack["trigger"]["end"]] == ["هاجم"]
    entity_ids = {e["id"]: e for e in first["entity_mentions"]}
    roles = {a["role"]: entity_ids[a["entity_id"]] for a in attack["arguments"]}
    assert roles["Place"]["entity_type"] == "GPE"
    assert first["tokens"][roles["Place"]["start"] : roles["Place"]["end"]] == ["قرية", "العوجة"]
    (meet,) = last["event_mentions"]
    assert last["tokens"][meet["trigger"]["start"]] == "التقى"  # split off «و» at the boundary
    assert meet["arguments"][0]["entity_id"] in {e["id"] for e in last["entity_mentions"]}


# -- brat round trip ----------------------------------------------------------------------


def test_brat_export_comes_back_as_it_went_out(project: ProjectStore, tmp_path: Path) -> None:
    text = "قال\tأحمد إن الوفد وصل إلى بغداد."
    names = ["a/b", "a_b", "unannotated", "ليلى ✓"]
    mentions = [("قال\tأحمد", "PER"), ("بغداد", "GPE")]
    doc, _ = add_done(project, text, mentions, "a/b")
    for name in names[1:]:  # a_b on the same document as a/b: their folders must differ
        store_spans = [Span(new_id(), doc, name, *locate(text, n), label) for n, label in mentions]
        project.annotators.ensure(name)
        project.annotations.add_spans(store_spans)
        project.annotators.set_status(doc, name, Status.DONE)
    project.documents.add_many([("نص لم يعلق عليه أحد.", "x", "n1", {}, None)])
    export_project(project, ExportOptions("brat", filter=FULL), tmp_path / "brat")
    mapping = json.loads((tmp_path / "brat" / "annotators.json").read_text(encoding="utf-8"))
    assert sorted(v for v in mapping.values() if v) == sorted(names)
    assert mapping[next(k for k, v in mapping.items() if v is None)] is None
    folder = next(k for k, v in mapping.items() if v == "a/b")
    ann = next((tmp_path / "brat" / folder).glob("*.ann")).read_text(encoding="utf-8")
    assert "\tقال أحمد\n" in ann  # brat's text field cannot hold the TAB: a space
    with new_project(tmp_path / "copy.annproj") as copy:
        report = import_paths(copy, [tmp_path / "brat"])
        assert not report.duplicates and not report.skipped
        pairs = {(k, len(v)) for k, v in copy.interchange.span_rows().items()}
        assert sorted(name for (_, name), _ in pairs) == sorted(names)
        assert {n for _, n in pairs} == {2}
        assert copy.documents.count() == 2
        export_project(copy, ExportOptions("brat", filter=FULL), tmp_path / "again")
    for ann in (tmp_path / "brat").glob("*/*.ann"):
        again = tmp_path / "again" / ann.relative_to(tmp_path / "brat")
        assert again.read_text(encoding="utf-8") == ann.read_text(encoding="utf-8")


def test_brat_import_refuses_a_text_field_that_does_not_match(
    project: ProjectStore, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "x.txt").write_text("قال\tأحمد", encoding="utf-8")
    (folder / "x.ann").write_text("T1\tPER 0 8\tقال أحمد\nT2\tPER 4 8\tمحمد\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"x.ann:2: the text 'محمد' is not what"):
        import_paths(project, [folder / "x.txt"])
    assert project.documents.count() == 0


# -- JSONL: unknown keys and provenance -------------------------------------------------------


def test_unknown_top_level_keys_are_kept_in_meta_and_reported(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = tmp_path / "doccano.jsonl"
    line = {"text": "زار أحمد بغداد.", "label": [[4, 8, "PER"]], "doc_id": 7,
            "source_url": "https://example.org/a", "meta": {"lang": "ar"}}  # fmt: skip
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_paths(project, [path])
    assert report.kept == [f"{path}:1: doc_id, source_url"]
    assert any("kept in meta" in entry for entry in report.lines())
    (document,) = project.documents.iter_all()
    assert document.meta == {"lang": "ar", "doc_id": 7, "source_url": "https://example.org/a"}


def test_source_survives_the_native_round_trip(project: ProjectStore, tmp_path: Path) -> None:
    ids = build_project(project)
    text = project.documents.get(ids["kirkuk"]).text
    project.annotators.ensure("bert", AnnotatorKind.MODEL)
    suggested = Span(new_id(), ids["kirkuk"], "bert", *locate(text, "مسلحون"), "PER", "model:bert")
    project.annotations.add_spans([suggested])
    export_project(project, ExportOptions(filter=FULL), tmp_path / "one.jsonl")
    record = next(r for r in lines(tmp_path / "one.jsonl") if r["annotator"] == "bert")
    assert record["entities"][0]["source"] == "model:bert"
    with new_project(tmp_path / "copy.annproj") as copy:
        import_paths(copy, [tmp_path / "one.jsonl"])
        (row,) = copy.interchange.span_rows()[next(k for k in copy.interchange.span_rows()
                                                    if k[1] == "bert")]  # fmt: skip
        assert row[4] == "model:bert"
        export_project(copy, ExportOptions(filter=FULL), tmp_path / "two.jsonl")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
