"""Distributing documents to annotators, with a share annotated twice for agreement.

``plan_assignment`` is deterministic: the same documents, annotators, share and
seed always give the same plan. Documents are shuffled with the seed; the first
``round(share * n)`` of them go to two annotators, the rest to one, each time to
the annotators with the fewest documents so far (ties in the order given), so
the workload stays even. ``share=1`` with two annotators, or ``every=True``,
gives every annotator every document.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind
from annotator.store import ProjectStore


@dataclass(frozen=True)
class AssignmentResult:
    """How many documents each annotator was given, and how many were shared."""

    per_annotator: dict[str, int]
    shared: int
    added: int

    def lines(self) -> list[str]:
        """Human-readable summary."""
        out = [f"{name}: {n} document(s)" for name, n in self.per_annotator.items()]
        out.append(f"annotated twice (for agreement): {self.shared}; new assignments: {self.added}")
        return out


def plan_assignment(
    doc_ids: Sequence[str],
    annotators: Sequence[str],
    share: float = 0.0,
    seed: int = 0,
    every: bool = False,
) -> dict[str, list[str]]:
    """Document id -> annotators. ``share`` (0..1) of the documents get two annotators."""
    if not annotators or len(set(annotators)) != len(annotators):
        raise ValidationError("name at least one annotator, each once")
    if not 0 <= share <= 1:
        raise ValidationError(f"the shared share must be between 0 and 1, got {share}")
    if share > 0 and len(annotators) < 2:
        raise ValidationError("documents can only be annotated twice with two or more annotators")
    if every:
        return {doc_id: list(annotators) for doc_id in doc_ids}
    order = list(doc_ids)
    random.Random(seed).shuffle(order)
    shared = round(share * len(order))
    load = dict.fromkeys(annotators, 0)
    plan = {}
    for position, doc_id in enumerate(order):
        wanted = 2 if position < shared else 1
        chosen = sorted(annotators, key=lambda a: (load[a], annotators.index(a)))[:wanted]
        for name in chosen:
            load[name] += 1
        plan[doc_id] = chosen
    return plan


def assign_documents(
    store: ProjectStore,
    annotators: Sequence[str],
    share: float = 0.0,
    seed: int = 0,
    every: bool = False,
    replace: bool = False,
) -> AssignmentResult:
    """Assign the project's documents (see plan_assignment) in one transaction.

    With ``replace``, the annotators' earlier assignments are withdrawn first;
    otherwise the new ones are added to them.
    """
    plan = _project_plan(store, annotators, share, seed, every)
    with store.transaction():
        if replace:
            for name in annotators:
                store.assignments.remove(name)
        added = store.assignments.add(
            (doc_id, name) for doc_id, names in plan.items() for name in names
        )
    per_annotator = {name: sum(name in names for names in plan.values()) for name in annotators}
    return AssignmentResult(per_annotator, _shared(plan), added)


@dataclass(frozen=True)
class AssignmentPreview:
    """What ``assign_documents`` with the same arguments would do, without doing it.

    Per annotator: ``current`` documents assigned now, ``planned`` documents from
    this assignment, ``totals`` documents assigned afterwards (earlier ones kept
    unless replaced).
    """

    documents: int
    current: dict[str, int]
    planned: dict[str, int]
    totals: dict[str, int]
    shared: int


def preview_assignment(
    store: ProjectStore,
    annotators: Sequence[str],
    share: float = 0.0,
    seed: int = 0,
    every: bool = False,
    replace: bool = False,
) -> AssignmentPreview:
    """The outcome of an assignment (ValidationError as assign_documents would raise)."""
    plan = _project_plan(store, annotators, share, seed, every)
    current, planned, totals = {}, {}, {}
    for name in annotators:
        mine = {doc_id for doc_id, names in plan.items() if name in names}
        earlier = set(store.assignments.documents_of(name))
        current[name], planned[name] = len(earlier), len(mine)
        totals[name] = len(mine if replace else mine | earlier)
    return AssignmentPreview(len(plan), current, planned, totals, _shared(plan))


def assigned_documents(store: ProjectStore, annotator: str) -> set[str]:
    """Ids of the documents assigned to ``annotator`` (empty when none are)."""
    return set(store.assignments.documents_of(annotator))


def _project_plan(
    store: ProjectStore, annotators: Sequence[str], share: float, seed: int, every: bool
) -> dict[str, list[str]]:
    """The plan for every document of the project, once the annotators are checked."""
    _check_people(store, annotators)
    doc_ids = [d.id for d in store.documents.summaries()]
    return plan_assignment(doc_ids, annotators, share, seed, every)


def _shared(plan: dict[str, list[str]]) -> int:
    """How many documents the plan gives to more than one annotator."""
    return sum(len(names) > 1 for names in plan.values())


def _check_people(store: ProjectStore, annotators: Sequence[str]) -> None:
    """Only people are given work: a model's predictions or the gold are not annotators."""
    kinds = {a.name: a.kind for a in store.annotators.all()}
    for name in annotators:
        kind = kinds.get(name.strip(), AnnotatorKind.HUMAN)
        if kind is not AnnotatorKind.HUMAN:
            raise ValidationError(
                f"{name!r} holds {kind.value} annotations, not a person's: it cannot be assigned"
            )
