"""The column lists of the annotation tables, in the order of the core dataclasses.

``Span(*row)`` and ``Event(*row[:6], source=row[6])`` build objects straight from
rows selected with these lists, so every repository uses this one definition.

Spans and events name their document by the document's row number (``document``,
migration 0009), so their reads join ``documents`` for the document's id:
``SELECT {SPAN_COLUMNS} FROM {SPANS} WHERE d.id = ?``. Writes give the row number,
looked up once per batch by ``document_keys``.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from typing import Any

from annotator.core.errors import ValidationError

SPAN_FIELDS = ("id", "document_id", "annotator", "start", "end", "label", "source")
# A span's values in SPAN_FIELDS' order, read in C (an import writes 200,000 a second).
span_values = operator.attrgetter(*SPAN_FIELDS)
SPAN_COLUMNS = 's.id, d.id, s.annotator, s.start, s."end", s.label, s.source'
SPANS = "spans s JOIN documents d ON d.rowid = s.document"
# Values in SPAN_FIELDS' order, the document given by its row number, then updated_at.
SPAN_INSERT = 'INSERT INTO spans (id, document, annotator, start, "end", label, source, updated_at)'
# A document's row number from its id (one index lookup), for a WHERE clause on spans.
DOCUMENT_KEY = "(SELECT rowid FROM documents WHERE id = ?)"
# table -> the WHERE clause of one annotator's rows on one document (document id, annotator).
WORK_OF = {table: f"document = {DOCUMENT_KEY} AND annotator = ?" for table in ("spans", "events")}
EVENT_COLUMNS = "e.id, d.id, e.annotator, e.type, e.trigger_start, e.trigger_end, e.source"
EVENTS = "events e JOIN documents d ON d.rowid = e.document"
# Values in Event's field order (arguments aside), the document by its row number.
EVENT_INSERT = (
    "INSERT INTO events (id, document, annotator, type, trigger_start, trigger_end, source, "
    "updated_at)"
)

_CHUNK = 500  # stays under SQLite's limit on host parameters per statement


def document_keys(db: Any, doc_ids: Iterable[str]) -> dict[str, int]:
    """Document id -> row number, for those of ``doc_ids`` in the project."""
    ids = sorted(set(doc_ids))
    keys: dict[str, int] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        keys.update(db.execute(f"SELECT id, rowid FROM documents WHERE id IN ({marks})", chunk))
    return keys


def span_rows(db: Any, spans: Sequence[Sequence[Any]], now: str) -> list[tuple[Any, ...]]:
    """Rows for SPAN_INSERT from spans' values in SPAN_FIELDS' order, each document id
    replaced by its row number."""
    keys = _keys_of_all(db, [span[1] for span in spans])
    return [(span[0], keys[span[1]], *span[2:], now) for span in spans]


def event_rows(db: Any, events: Sequence[Any], now: str) -> list[tuple[Any, ...]]:
    """Rows for EVENT_INSERT from Event objects, each document id replaced by its row number."""
    keys = _keys_of_all(db, [event.document_id for event in events])
    return [
        (e.id, keys[e.document_id], e.annotator, e.type, e.trigger_start, e.trigger_end,
         e.source, now)
        for e in events
    ]


def _keys_of_all(db: Any, doc_ids: list[str]) -> dict[str, int]:
    """document_keys of ``doc_ids``; ValidationError when one is not in the project (the
    caller checked it, but another window may have deleted it since)."""
    keys = document_keys(db, doc_ids)
    if len(keys) < len(set(doc_ids)):
        missing = min(set(doc_ids) - keys.keys())
        raise ValidationError(f"no document with id {missing!r}")
    return keys
