"""Agreement of a project's annotators: gathers their work and computes the report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import islice

from annotator.core.agreement import AgreementDocument, AgreementReport, Work, compute_agreement
from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.model import AnnotatorKind, Document, Status
from annotator.store import ProjectStore

ANNOTATED = frozenset({Status.IN_PROGRESS, Status.DONE})
"""Statuses meaning "this annotator annotated the document": NEW and SKIPPED mean they did not."""
# progress(documents read, documents in all); returning False cancels.
Progress = Callable[[int, int], bool]
CHUNK = 500  # documents read at a time (with their work)
# Up to this many documents the report keeps them (usable after the project closes);
# beyond, a document's own figures read it again from the project (kept open).
KEEP_DOCUMENTS = 5_000


class AgreementCancelled(AnnotatorError):
    """The user cancelled the computation."""

    def __init__(self) -> None:
        super().__init__("agreement cancelled")


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


def agreement_documents(
    store: ProjectStore, annotators: Sequence[str], progress: Progress | None = None
) -> list[AgreementDocument]:
    """The documents at least two of ``annotators`` annotated, with each one's work."""
    return list(iter_agreement_documents(store, annotators, progress))


def iter_agreement_documents(
    store: ProjectStore, annotators: Sequence[str], progress: Progress | None = None
) -> Iterator[AgreementDocument]:
    """:func:`agreement_documents` streamed: CHUNK documents and their work at a time,
    all of one moment (a snapshot, which also lets a server stream the documents)."""
    with store.snapshot():
        documents = store.documents.iter_all()
        total, done = store.documents.count(), 0
        while chunk := list(islice(documents, CHUNK)):
            if progress is not None and progress(done, total) is False:
                raise AgreementCancelled()
            done += len(chunk)
            yield from _shared(store, chunk, annotators)


def agreement_document(
    store: ProjectStore, doc_id: str, annotators: Sequence[str]
) -> AgreementDocument:
    """One document as :func:`agreement_documents` gives it (to reload it later)."""
    [found] = _shared(store, [store.documents.get(doc_id)], annotators, at_least=0)
    return found


def _shared(
    store: ProjectStore, chunk: list[Document], annotators: Sequence[str], at_least: int = 2
) -> Iterator[AgreementDocument]:
    """The documents of ``chunk`` at least ``at_least`` of ``annotators`` annotated."""
    annotated: dict[str, list[str]] = defaultdict(list)
    for (doc_id, name), stamp in store.work.stamps(annotators, [d.id for d in chunk]).items():
        if stamp.status in ANNOTATED:
            annotated[doc_id].append(name)
    shared = [d for d in chunk if len(annotated[d.id]) >= at_least]
    ids = [d.id for d in shared]
    spans, events = store.work.spans(annotators, ids), store.work.events(annotators, ids)
    for document in shared:
        work = {
            name: Work.of(spans.get((document.id, name), ()), events.get((document.id, name), ()))
            for name in annotated[document.id]
        }
        yield AgreementDocument(
            document.id, document.title, document.text, work, document.export_id
        )


def project_agreement(
    store: ProjectStore,
    annotators: Sequence[str] | None = None,
    progress: Progress | None = None,
    reload_from: ProjectStore | None = None,
) -> AgreementReport:
    """Agreement of ``annotators`` (default: every human annotator) over their shared documents.

    Streamed: memory does not grow with the project. In a project of more than
    KEEP_DOCUMENTS documents a document's own coefficients are computed when first
    asked for, reading it again from ``reload_from`` (default ``store``), which
    must then still be open.
    """
    names = check_annotators(store, annotators) if annotators else comparable_annotators(store)
    if len(names) < 2:
        raise ValidationError(
            f"{store.path}: agreement needs two annotators; the project has "
            f"{', '.join(names) or 'none'}",
            message_id="agreement_needs_two", arguments=(", ".join(names),),
        )
    source = reload_from if reload_from is not None else store
    # A small corpus is kept whole, so the report stays complete once the project is
    # closed; a large one is not kept, and a document is read again for its own figures.
    reload = None
    if store.documents.count() > KEEP_DOCUMENTS:
        reload = lambda doc_id: agreement_document(source, doc_id, names)  # noqa: E731
    with store.snapshot():  # every annotator's work as of one moment
        return compute_agreement(iter_agreement_documents(store, names, progress), names, reload)
