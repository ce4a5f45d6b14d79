"""`annotator suggest` and `annotator recommenders` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import AnnotatorKind, Status
from annotator.services.projects import open_project
from tests.suggest_helpers import generated_project


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    return generated_project(tmp_path / "gen.annproj", count=30, done=20)


@pytest.mark.parametrize("recommender", ["strings", "crf"])
def test_suggest_writes_predictions_for_the_other_documents(
    project_file: Path, recommender: str, capsys
) -> None:
    argv = [
        "suggest",
        str(project_file),
        "--learn-from",
        "amal",
        "--recommender",
        recommender,
        "--as",
        "ner",
    ]
    assert main([*argv, "--workers", "2"]) == 0
    captured = capsys.readouterr()
    assert "predicting: 10/10 documents" in captured.err
    with open_project(project_file) as store:
        assert store.annotators.get("ner").kind is AnnotatorKind.MODEL
        done = {d for d, s in store.annotators.statuses("amal").items() if s is Status.DONE}
        predicted = {doc for (doc, _name) in store.work.spans(["ner"])}
        assert predicted and not predicted & done
        doc_id = next(iter(predicted))
        spans = store.annotations.spans(doc_id, "ner")
        assert {s.source for s in spans} == {f"recommender:{recommender}"}
        scores = store.suggestions.confidences(doc_id, "ner")
        assert all(0 < scores[s.id] <= 1 for s in spans)
    # A second run replaces the first run's predictions instead of adding to them.
    assert main(argv) == 0
    with open_project(project_file) as store:
        again = sum(len(v) for v in store.work.spans(["ner"]).values())
        first = int(captured.out.split(": ")[1].split(" spans")[0])
        assert again == first


def test_suggest_all_documents_and_refuses_a_person_as_target(project_file: Path, capsys) -> None:
    base = ["suggest", str(project_file), "--learn-from", "amal", "--recommender", "strings"]
    assert main([*base, "--as", "amal"]) == 1
    assert "is a human annotator" in capsys.readouterr().err
    assert main([*base, "--as", "ner", "--documents", "all"]) == 0
    with open_project(project_file) as store:
        assert len({doc for doc, _ in store.work.spans(["ner"])}) == 30


def test_suggest_without_done_documents_fails_cleanly(tmp_path: Path, capsys) -> None:
    path = generated_project(tmp_path / "none.annproj", count=5, done=0)
    argv = ["suggest", str(path), "--learn-from", "amal", "--recommender", "crf", "--as", "m"]
    assert main(argv) == 1
    assert "no done documents" in capsys.readouterr().err
    with open_project(path) as store:
        assert "m" not in {a.name for a in store.annotators.all()}


def test_recommenders_prints_held_out_scores(project_file: Path, capsys) -> None:
    assert main(["recommenders", str(project_file), "--learn-from", "amal", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"strings", "crf"}
    for evaluation in report.values():
        assert evaluation["trained_on"] == 16 and evaluation["tested_on"] == 4
        assert {"PER", "GPE", "ORG"} <= set(evaluation["per_label"])
        assert 0.5 < evaluation["overall"]["f1"] <= 1.0
    assert "Contact.Meet" in report["strings"]["per_label"]  # both suggest triggers
    assert "Contact.Meet" in report["crf"]["per_label"]
    assert main(["recommenders", str(project_file), "--learn-from", "amal"]) == 0
    text = capsys.readouterr().out
    assert "crf: trained on 16, tested on 4" in text and "PER" in text


def test_recommenders_names_an_unknown_annotator(project_file: Path, capsys) -> None:
    assert main(["recommenders", str(project_file), "--learn-from", "nobody"]) == 1
    assert "no annotator called 'nobody'" in capsys.readouterr().err
