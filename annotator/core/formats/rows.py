"""The rows an export is built from: plain tuples, cheap to read and filter in bulk.

An export touches every span of the project (200,000 in a 10,000-article
corpus). Building a model object per span costs more than writing its JSON, so
the store hands out tuples in this layout; :func:`to_annotations` turns one
record into model objects for the formats that want them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Document, DocumentAnnotations, Event, Span, Status
from annotator.core.notes import Note

# (start, end, id, label, source), spans of one document and annotator ordered by
# start, longest first, then id (the order the reading view draws them in).
SpanRow = tuple[int, int, str, str, "str | None"]
# (id, role, span id), in the order the annotator added them.
ArgumentRow = tuple[str, str, str]
# (trigger start, trigger end, id, type, source, arguments), ordered by trigger start, then id.
EventRow = tuple[int, int, str, str, "str | None", tuple[ArgumentRow, ...]]


# The encoder of an exported meta: the same as every JSONL export's, refusing NaN.
META_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


class DocumentRow(NamedTuple):
    """A stored document; ``meta`` is still the JSON text it is stored as.

    Exports write :meth:`meta_json`, never the stored text itself: a file altered
    by hand could otherwise inject keys or break the JSON of every line.

    ``text_json``, when the reader was asked for it, is ``text`` as a JSON string
    in UTF-8, exactly as ``json.dumps(text, ensure_ascii=False)`` writes it.
    """

    id: str
    external_id: str | None
    title: str
    text: str
    meta: str
    sha256: str
    text_json: bytes | None = None

    @property
    def export_id(self) -> str:
        """The id exports show: the one the document was imported with, if it had one."""
        return self.external_id if self.external_id is not None else self.id

    def meta_dict(self) -> dict[str, Any]:
        """The document's metadata, parsed strictly (a file altered by hand may hold anything)."""
        try:
            meta = json.loads(self.meta, parse_constant=_no_constant)
        except (ValueError, TypeError, RecursionError) as exc:
            raise ValidationError(
                f"document {self.export_id}: its stored meta is not valid JSON ({exc})"
            ) from None
        if not isinstance(meta, dict):
            raise ValidationError(
                f"document {self.export_id}: its stored meta is not a JSON object"
            )
        return meta

    def meta_json(self) -> str:
        """``meta`` as export JSON: parsed and encoded again, never pasted as stored, so
        a stored text with duplicate keys, NaN or trailing garbage cannot reach an export."""
        return META_ENCODER.encode(self.meta_dict())


class ExportRow(NamedTuple):
    """Everything one annotator did on one document (``annotator`` None: nobody yet)."""

    document: DocumentRow
    annotator: str | None
    status: Status
    spans: Sequence[SpanRow]
    events: Sequence[EventRow]
    notes: Mapping[str, Note] | None = None  # by span, event or document id


def to_annotations(row: ExportRow) -> DocumentAnnotations:
    """The same record as model objects."""
    doc = row.document
    document = Document(doc.id, doc.title, doc.text, doc.external_id, doc.meta_dict(), doc.sha256)
    name = row.annotator or ""
    spans = tuple(
        Span(span_id, doc.id, name, start, end, label, source)
        for start, end, span_id, label, source in row.spans
    )
    events = tuple(
        Event(
            event_id,
            doc.id,
            name,
            event_type,
            start,
            end,
            tuple(Argument(*argument) for argument in arguments),
            source,
        )
        for start, end, event_id, event_type, source, arguments in row.events
    )
    return DocumentAnnotations(
        document, row.annotator, row.status, spans, events, dict(row.notes or {})
    )
