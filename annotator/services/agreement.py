"""Agreement of a project's annotators: gathers their work and computes the report."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.agreement import AgreementDocument, AgreementReport, Work, compute_agreement
from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Status
from annotator.store import ProjectStore

ANNOTATED = frozenset({Status.IN_PROGRESS, Status.DONE})
"""Statuses meaning "this annotator annotated the document": NEW and SKIPPED mean they did not."""


def comparable_annotators(store: ProjectStore) -> list[str]:
    """The people in a project (not models, not the gold standard), by name."""
    return [a.name for a in store.annotators.all(AnnotatorKind.HUMAN)]


def document_annotators(store: ProjectStore, doc_id: str) -> list[str]:
    """The people who annotated ``doc_id`` (in progress or done), by name.

    Others have nothing there to compare: counting them turns every mark into a
    disagreement, as the agreement view already knows (see agreement_documents).
    """
    return [
        name
        for name in comparable_annotators(store)
        if store.annotators.status(doc_id, name) in ANNOTATED
    ]


def check_annotators(store: ProjectStore, names: Sequence[str]) -> list[str]:
    """``names`` as a list, after checking each is an annotator of the project."""
    known = {a.name for a in store.annotators.all()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValidationError(
            f"{store.path}: no annotator {', '.join(map(repr, unknown))} "
            f"(annotators: {', '.join(sorted(known)) or 'none'})"
        )
    return list(names)


def agreement_documents(store: ProjectStore, annotators: Sequence[str]) -> list[AgreementDocument]:
    """The documents at least two of ``annotators`` annotated, with each one's work."""
    stamps = store.work.stamps(annotators)
    annotated: dict[str, list[str]] = {}
    for (doc_id, name), stamp in stamps.items():
        if stamp.status in ANNOTATED:
            annotated.setdefault(doc_id, []).append(name)
    shared = {doc_id for doc_id, names in annotated.items() if len(names) >= 2}
    spans = store.work.spans(annotators)
    events = store.work.events(annotators)
    documents = []
    for document in store.documents.iter_all():
        if document.id not in shared:
            continue
        work = {
            name: Work.of(spans.get((document.id, name), ()), events.get((document.id, name), ()))
            for name in annotated[document.id]
        }
        documents.append(
            AgreementDocument(
                document.id, document.title, document.text, work, document.export_id
            )
        )
    return documents


def project_agreement(
    store: ProjectStore, annotators: Sequence[str] | None = None
) -> AgreementReport:
    """Agreement of ``annotators`` (default: every human annotator) over their shared documents."""
    names = check_annotators(store, annotators) if annotators else comparable_annotators(store)
    if len(names) < 2:
        raise ValidationError(
            f"{store.path}: agreement needs two annotators; the project has "
            f"{', '.join(names) or 'none'}",
            message_id="agreement_needs_two", arguments=(", ".join(names),),
        )
    with store.snapshot():  # every annotator's work as of one moment
        documents = agreement_documents(store, names)
    return compute_agreement(documents, names)
