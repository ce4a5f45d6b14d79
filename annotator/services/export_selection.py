"""Which records an export holds: one per document and annotator, filtered."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.formats.rows import EventRow, ExportRow, SpanRow, to_annotations
from annotator.core.model import DocumentAnnotations, Status
from annotator.store import ProjectStore


@dataclass
class ExportFilter:
    """Keep only these annotators / statuses / labels (None keeps all).

    A label filter keeps the spans and events whose label or type is listed; an
    argument whose entity is filtered out goes with it.
    """

    annotators: list[str] | None = None
    statuses: list[Status] | None = None
    labels: list[str] | None = None

    def wants(self, annotator: str | None, status: Status) -> bool:
        """True when a (document, annotator) record passes the annotator and status filters."""
        if self.annotators is not None and annotator not in self.annotators:
            return False
        return self.statuses is None or status in self.statuses


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


def select_rows(
    store: ProjectStore, selection: ExportFilter, quoted_text: bool = False
) -> tuple[int, Iterator[ExportRow]]:
    """(number of records, the records) in document order, annotators by name.

    ``quoted_text`` asks for each document's text as UTF-8 JSON too (see
    InterchangeRepository.document_rows).
    """
    check_filter(store, selection)
    statuses: dict[str, list[tuple[str | None, Status]]] = {
        doc_id: sorted(by_name.items())
        for doc_id, by_name in store.interchange.statuses_by_document().items()
    }
    total = sum(selection.wants(*pair) for pairs in statuses.values() for pair in pairs)
    if selection.wants(None, Status.NEW):
        total += store.documents.count() - len(statuses)
    return total, _rows(store, statuses, selection, quoted_text)


def select_items(
    store: ProjectStore, selection: ExportFilter
) -> tuple[int, Iterator[DocumentAnnotations]]:
    """The records of :func:`select_rows` as model objects."""
    total, rows = select_rows(store, selection)
    return total, map(to_annotations, rows)


def _rows(
    store: ProjectStore,
    statuses: dict[str, list[tuple[str | None, Status]]],
    selection: ExportFilter,
    quoted_text: bool,
) -> Iterator[ExportRow]:
    spans = store.interchange.span_rows()
    events = store.interchange.event_rows()
    notes = store.notes.all()
    unannotated = [(None, Status.NEW)]
    for doc in store.interchange.document_rows(quoted_text):
        for name, status in statuses.get(doc.id, unannotated):
            if selection.wants(name, status):
                kept_spans, kept_events = _filtered(
                    spans.get((doc.id, name), ()),
                    events.get((doc.id, name), ()),
                    selection.labels,
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
