"""Assigning documents: all, or a share annotated twice; deterministic with a seed."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.services.assignment import assign_documents, plan_assignment
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
