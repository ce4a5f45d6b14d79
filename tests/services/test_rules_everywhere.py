"""Every write path refuses what core.rules refuses: import, merge, adjudication, the store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.model import Argument, Event, Span, new_id
from annotator.services import adjudication
from annotator.services.importing import ImportFailed, import_paths
from annotator.services.merge import merge_project
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project
from tests.io_samples import file_hash
from tests.services.team_helpers import ARTICLES, add_articles, mention

TEXT = "هاجم مسلحون قرية في الموصل وقتلوا أحمد الساعدي."
EXCLUSIVE = replace(default_schema(), allow_overlap=False)


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def attack_line(place_label: str) -> str:
    place, victim, trigger = at(TEXT, "الموصل"), at(TEXT, "أحمد الساعدي"), at(TEXT, "هاجم")
    return json.dumps(
        {
            "text": TEXT,
            "annotator": "amal",
            "entities": [
                {"id": "p", "start": place[0], "end": place[1], "label": place_label},
                {"id": "v", "start": victim[0], "end": victim[1], "label": "PER"},
            ],
            "events": [
                {
                    "type": "Conflict.Attack",
                    "trigger": {"start": trigger[0], "end": trigger[1]},
                    "arguments": [
                        {"role": "Place", "entity": "p"},
                        {"role": "Target", "entity": "v"},
                    ],
                }
            ],
        },
        ensure_ascii=False,
    )


@pytest.fixture
def exclusive(tmp_path: Path) -> ProjectStore:
    store = create_project(tmp_path / "exclusive.annproj", EXCLUSIVE)
    yield store
    store.close()


def test_an_attack_whose_place_is_a_person_is_refused_on_import(
    project: ProjectStore, tmp_path: Path
) -> None:
    path = tmp_path / "attack.jsonl"
    path.write_text(attack_line("GPE") + "\n" + attack_line("PER") + "\n", encoding="utf-8")
    before = file_hash(project.path)
    with pytest.raises(ImportFailed) as caught:
        import_paths(project, [path])
    assert caught.value.problems == [
        f"{path}:2: event Conflict.Attack: role 'Place' accepts GPE, LOC, FAC, "
        "not the entity label 'PER'"
    ]
    assert file_hash(project.path) == before
    assert project.documents.count() == 0


def test_the_same_attack_with_a_place_imports(project: ProjectStore, tmp_path: Path) -> None:
    path = tmp_path / "attack.jsonl"
    path.write_text(attack_line("GPE") + "\n", encoding="utf-8")
    assert import_paths(project, [path]).events == 1


def test_overlap_is_refused_on_import_where_the_schema_forbids_it(
    exclusive: ProjectStore, tmp_path: Path
) -> None:
    name, surname = at(TEXT, "أحمد الساعدي"), at(TEXT, "الساعدي")
    record = {
        "text": TEXT,
        "entities": [
            {"start": name[0], "end": name[1], "label": "PER"},
            {"start": surname[0], "end": surname[1], "label": "PER"},
        ],
    }
    path = tmp_path / "overlap.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    before = file_hash(exclusive.path)
    with pytest.raises(ImportFailed) as caught:
        import_paths(exclusive, [path])
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:1: span PER ") and "allow_overlap: false" in problem
    assert file_hash(exclusive.path) == before


def test_overlap_is_refused_by_the_store_for_the_editor_and_label_all(
    exclusive: ProjectStore,
) -> None:
    doc_id = exclusive.documents.add(TEXT, "خبر").id
    name, surname = at(TEXT, "أحمد الساعدي"), at(TEXT, "الساعدي")
    exclusive.annotations.add_span(Span(new_id(), doc_id, "amal", *name, "PER"))
    with pytest.raises(ValidationError, match="allow_overlap: false"):
        exclusive.annotations.add_span(Span(new_id(), doc_id, "amal", *surname, "PER"))
    with pytest.raises(ValidationError, match="allow_overlap: false"):  # label-all: one step
        exclusive.annotations.add_spans(
            [Span(new_id(), doc_id, "karim", *name, "PER"),
             Span(new_id(), doc_id, "karim", *surname, "GPE")]
        )
    exclusive.annotations.add_span(Span(new_id(), doc_id, "karim", *surname, "PER"))  # own work
    assert len(exclusive.annotations.spans(doc_id)) == 2


def test_the_store_refuses_an_argument_of_another_annotator(project: ProjectStore) -> None:
    doc_id = add_articles(project)[0]
    theirs = mention(project, doc_id, "karim", "البنك الدولي", "ORG")
    start = ARTICLES[0][1].index("التقى")
    event = Event(new_id(), doc_id, "amal", "Contact.Meet", start, start + 5,
                  (Argument(new_id(), "Entity", theirs.id),))
    with pytest.raises(ValidationError, match="own annotator"):
        project.annotations.add_event(event)
    assert project.annotations.events(doc_id) == []


def test_overlap_is_refused_by_merge_and_the_project_is_unchanged(
    exclusive: ProjectStore, tmp_path: Path
) -> None:
    title, text = ARTICLES[0]
    exclusive.documents.add(text, title)
    with create_project(tmp_path / "other.annproj", default_schema()) as other:
        doc_id = other.documents.add(text, title).id
        mention(other, doc_id, "amal", "الملك عبد الله الثاني", "PER")
        mention(other, doc_id, "amal", "عبد الله", "PER")
    before = file_hash(exclusive.path)
    with pytest.raises(AnnotatorError) as caught:
        merge_project(exclusive, tmp_path / "other.annproj")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'other.annproj'}: not merged: ")
    assert f"{title!r} (amal)" in message and "allow_overlap: false" in message
    assert file_hash(exclusive.path) == before


def test_overlap_is_refused_by_adjudication(exclusive: ProjectStore) -> None:
    title, text = ARTICLES[0]
    doc_id = exclusive.documents.add(text, title).id
    short = mention(exclusive, doc_id, "amal", "عبد الله", "PER")
    long = mention(exclusive, doc_id, "karim", "الملك عبد الله الثاني", "PER")
    adjudication.accept_span(exclusive, short.id)
    with pytest.raises(ValidationError, match="allow_overlap: false"):
        adjudication.accept_span(exclusive, long.id)
    with pytest.raises(ValidationError, match="allow_overlap: false"):
        adjudication.add_gold_span(exclusive, doc_id, long.start, long.end, "PER")
    gold = exclusive.annotations.spans(doc_id, adjudication.GOLD)
    assert [(s.start, s.end) for s in gold] == [(short.start, short.end)]
