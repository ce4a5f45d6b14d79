"""Which records an export holds.

By default an export is **training-ready**: one record per document, the gold
where an annotator of kind ``gold`` finished it, else a chosen annotator's
finished work (``annotators`` in preference order; without a choice, the first
by name, and the report says how many documents had several); documents nobody
finished are left out, so no unannotated text becomes an all-``O`` example and
no document appears twice with conflicting labels. ``full_dump`` asks for every
document and annotator instead (a document nobody has worked on appears once,
with no annotator), for backups and agreement studies.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from annotator.core.errors import ValidationError
from annotator.core.formats.rows import EventRow, ExportRow, SpanRow, to_annotations
from annotator.core.model import AnnotatorKind, DocumentAnnotations, Status
from annotator.store import ProjectStore

# Documents read at a time (with their annotations) by an export; at most the
# store's chunk of query parameters.
CHUNK = 500
# (annotator or None, status) records of one document.
Pairs = list[tuple[str | None, Status]]


@dataclass
class ExportFilter:
    """Keep only these annotators / statuses / labels (None keeps all); see the module doc.

    A label filter keeps the spans and events whose label or type is listed; an
    argument whose entity is filtered out goes with it. In a training export
    ``statuses`` defaults to done and ``annotators`` is the preference order
    after the gold.
    """

    annotators: list[str] | None = None
    statuses: list[Status] | None = None
    labels: list[str] | None = None
    full_dump: bool = False

    def wants(self, annotator: str | None, status: Status) -> bool:
        """True when a (document, annotator) record passes the annotator and status filters."""
        if self.annotators is not None and annotator not in self.annotators:
            return False
        return self.statuses is None or status in self.statuses


@dataclass
class Plan:
    """The records to export, by document id, and notes for the report."""

    records: dict[str, Pairs]
    unannotated: Pairs  # the record of a document nobody has worked on ([] to leave it out)
    unannotated_documents: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many records (for progress)."""
        records = sum(map(len, self.records.values()))
        return records + self.unannotated_documents * len(self.unannotated)

    def pairs(self, doc_id: str) -> Pairs:
        """The records of one document."""
        return self.records.get(doc_id, self.unannotated)


def check_filter(store: ProjectStore, selection: ExportFilter) -> None:
    """Refuse annotators and labels the project does not know: a typo must not export nothing."""
    if selection.annotators is not None:
        known = {a.name for a in store.annotators.all()}
        unknown = [name for name in selection.annotators if name not in known]
        if unknown:
            raise ValidationError(
                f"no annotator {', '.join(map(repr, unknown))} in this project "
                f"(annotators: {', '.join(sorted(known)) or 'none'})"
            )
    if selection.labels is not None:
        schema = store.schema
        unknown = [k for k in selection.labels if not (schema.entity(k) or schema.event(k))]
        if unknown:
            raise ValidationError(
                f"no label or event type {', '.join(map(repr, unknown))} in the schema"
            )


def plan_records(store: ProjectStore, selection: ExportFilter) -> Plan:
    """Which (document, annotator) records the export holds (see the module doc)."""
    check_filter(store, selection)
    statuses = store.interchange.statuses_by_document()
    if selection.full_dump:
        records = {
            doc_id: [pair for pair in sorted(by_name.items()) if selection.wants(*pair)]
            for doc_id, by_name in statuses.items()
        }
        unannotated = [(None, Status.NEW)] if selection.wants(None, Status.NEW) else []
        return Plan(records, unannotated, store.documents.count() - len(statuses))
    return _training_plan(store, selection, statuses)


def _training_plan(
    store: ProjectStore, selection: ExportFilter, statuses: dict[str, dict[str, Status]]
) -> Plan:
    gold = {a.name for a in store.annotators.all(AnnotatorKind.GOLD)}
    wanted = selection.statuses or [Status.DONE]
    order = selection.annotators or []

    def rank(name: str) -> tuple[bool, int, str]:
        return (name not in gold, order.index(name) if name in order else len(order), name)

    records: dict[str, Pairs] = {}
    several = 0
    for doc_id, by_name in statuses.items():
        candidates = [
            name
            for name, status in by_name.items()
            if status in wanted and (name in gold or not order or name in order)
        ]
        if not candidates:
            continue
        chosen = min(candidates, key=rank)
        records[doc_id] = [(chosen, by_name[chosen])]
        several += chosen not in gold and not order and len(candidates) > 1
    plan = Plan(records, [])
    if not records:
        plan.notes.append(
            "no finished document to export: a training export holds the documents marked "
            "done (by the gold or the annotators named); --full-dump exports everything"
        )
    if several:
        plan.notes.append(
            f"{several} document(s) finished by several annotators and no gold: took the "
            "first by name (name the annotators to prefer, or adjudicate)"
        )
    return plan


def select_rows(
    store: ProjectStore,
    selection: ExportFilter,
    quoted_text: bool = False,
    plan: Plan | None = None,
) -> tuple[int, Iterator[ExportRow]]:
    """(number of records, the records) in document order, annotators by name.

    The records are read lazily: run this and consume them inside
    ``store.snapshot()``, so the counts, spans, events and texts are of one moment.
    ``quoted_text`` asks for each document's text as UTF-8 JSON too (see
    InterchangeRepository.document_rows).
    """
    plan = plan or plan_records(store, selection)
    return plan.total, _rows(store, plan, selection.labels, quoted_text)


def select_items(
    store: ProjectStore, selection: ExportFilter
) -> tuple[int, Iterator[DocumentAnnotations]]:
    """The records of :func:`select_rows` as model objects (consume inside a snapshot)."""
    total, rows = select_rows(store, selection)
    return total, map(to_annotations, rows)


def _rows(
    store: ProjectStore, plan: Plan, labels: list[str] | None, quoted_text: bool
) -> Iterator[ExportRow]:
    """The records, reading CHUNK documents and their annotations at a time: the
    annotations in memory are a chunk's, whatever the project's size."""
    notes = store.notes.all()  # few, beside the annotations: read once
    documents = store.interchange.document_rows(quoted_text)
    while chunk := list(islice(documents, CHUNK)):
        ids = [doc.id for doc in chunk]
        spans = store.interchange.span_rows(ids)
        events = store.interchange.event_rows(ids)
        for doc in chunk:
            for name, status in plan.pairs(doc.id):
                kept_spans, kept_events = _filtered(
                    spans.get((doc.id, name), ()), events.get((doc.id, name), ()), labels
                )
                noted = notes.get((doc.id, name)) if name is not None else None
                yield ExportRow(doc, name, status, kept_spans, kept_events, noted)


def _filtered(
    spans: Sequence[SpanRow], events: Sequence[EventRow], labels: list[str] | None
) -> tuple[Sequence[SpanRow], Sequence[EventRow]]:
    if labels is None:
        return spans, events
    kept = [span for span in spans if span[3] in labels]
    ids = {span[2] for span in kept}
    kept_events = [
        (*event[:5], tuple(argument for argument in event[5] if argument[2] in ids))
        for event in events
        if event[3] in labels
    ]
    return kept, kept_events
