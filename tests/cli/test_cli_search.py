"""`annotator search`: keyword in context across documents, and spans by label and annotator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import Span, new_id
from annotator.services.projects import new_project

TEXT = "قالت قوات الحَشد الشعبي إن الحشد الشعبي انسحب من المدينة"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "news.annproj"
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "انسحاب")
        store.documents.add("لا شيء هنا", "الحشد في العنوان")
        store.annotations.add_spans(
            [
                Span(new_id(), doc.id, "amal", 10, 23, "ORG"),
                Span(new_id(), doc.id, "amal", 27, 39, "ORG"),
                Span(new_id(), doc.id, "karim", 10, 23, "ORG"),
            ]
        )
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["search", *args])
    return code, capsys.readouterr().out.splitlines()


def test_search_lists_each_place_in_context(path: Path, capsys) -> None:
    code, lines = run(capsys, str(path), "الحشد الشعبي")
    assert code == 0
    assert "«الحَشد الشعبي»" in lines[0] and lines[0].startswith("انسحاب  10-23")
    assert "«الحشد الشعبي»" in lines[1]
    assert lines[-1] == "2 hit(s) in 1 document(s)"


def test_search_finds_titles_and_answers_json(path: Path, capsys) -> None:
    code, lines = run(capsys, str(path), "الحشد", "--json")
    hits = [json.loads(line) for line in lines]
    assert code == 0
    assert [h["title"] for h in hits] == ["انسحاب", "انسحاب", "الحشد في العنوان"]
    assert hits[2]["start"] == -1  # only its title matched
    assert TEXT[hits[0]["start"] : hits[0]["end"]] == "الحَشد"


def test_search_spans_by_label_annotator_and_what_another_lacks(path: Path, capsys) -> None:
    code, lines = run(capsys, str(path), "الحشد الشعبي", "--label", "ORG", "--json")
    assert [json.loads(line)["annotator"] for line in lines] == ["amal", "karim", "amal"]
    code, lines = run(capsys, str(path), "", "--annotator", "amal", "--lacking", "karim", "--json")
    [hit] = [json.loads(line) for line in lines]
    assert (hit["start"], hit["label"]) == (27, "ORG")
    code, lines = run(capsys, str(path), "الشعبي", "--label", "ORG", "--exact")
    assert code == 1 and lines == ["0 hit(s)"]
