"""Assigning documents: all, or a share annotated twice; deterministic with a seed."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind
from annotator.services.assignment import (
    assign_documents,
    assigned_documents,
    plan_assignment,
    preview_assignment,
)
from annotator.services.projects import ProjectStore
from tests.services.team_helpers import add_articles

DOCS = [f"d{i}" for i in range(20)]


def test_share_is_annotated_twice_and_load_is_even() -> None:
    plan = plan_assignment(DOCS, ["amal", "karim", "salma"], share=0.25, seed=3)
    assert sorted(len(names) for names in plan.values()).count(2) == 5
    loads = [sum(n in names for names in plan.values()) for n in ("amal", "karim", "salma")]
    assert sum(loads) == 25 and max(loads) - min(loads) <= 1
    assert all(len(set(names)) == len(names) for names in plan.values())


def test_same_seed_same_plan_other_seed_other_plan() -> None:
    first = plan_assignment(DOCS, ["amal", "karim"], share=0.5, seed=1)
    assert plan_assignment(DOCS, ["amal", "karim"], share=0.5, seed=1) == first
    assert plan_assignment(DOCS, ["amal", "karim"], share=0.5, seed=2) != first


def test_every_document_to_everyone() -> None:
    plan = plan_assignment(DOCS, ["amal", "karim"], every=True)
    assert all(names == ["amal", "karim"] for names in plan.values())


@pytest.mark.parametrize(
    ("annotators", "share"), [([], 0), (["amal", "amal"], 0), (["amal"], 0.5), (["a", "b"], 1.5)]
)
def test_bad_requests_are_refused(annotators: list[str], share: float) -> None:
    with pytest.raises(ValidationError):
        plan_assignment(DOCS, annotators, share=share)


def test_assign_documents_stores_and_replaces(project: ProjectStore) -> None:
    ids = add_articles(project)
    result = assign_documents(project, ["amal", "karim"], share=1.0, seed=0)
    assert result.shared == 3 and result.added == 6
    assert project.assignments.documents_of("amal") == ids
    again = assign_documents(project, ["amal", "karim"], share=0.0, seed=0, replace=True)
    assert again.per_annotator == {"amal": 2, "karim": 1}
    assert project.assignments.count() == 3


@pytest.mark.parametrize("replace", [False, True])
def test_the_preview_is_what_assigning_stores(project: ProjectStore, replace: bool) -> None:
    add_articles(project)
    assign_documents(project, ["amal"], every=True)
    before = project.assignments.count()
    preview = preview_assignment(project, ["amal", "karim"], share=0.5, seed=4, replace=replace)
    assert project.assignments.count() == before  # a preview changes nothing
    result = assign_documents(project, ["amal", "karim"], share=0.5, seed=4, replace=replace)
    assert preview.current == {"amal": 3, "karim": 0}
    assert preview.planned == result.per_annotator and preview.shared == result.shared
    stored = {n: len(project.assignments.documents_of(n)) for n in ("amal", "karim")}
    assert preview.totals == stored
    assert assigned_documents(project, "karim") == set(project.assignments.documents_of("karim"))


def test_only_people_are_assigned(project: ProjectStore) -> None:
    add_articles(project)
    project.annotators.ensure("ner-model", AnnotatorKind.MODEL)
    for attempt in (preview_assignment, assign_documents):
        with pytest.raises(ValidationError, match="ner-model"):
            attempt(project, ["amal", "ner-model"])
    assert project.assignments.count() == 0
