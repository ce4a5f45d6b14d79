"""Bulk reads and writes for import and export: whole-project queries, batched inserts.

The per-action repositories check and touch one row at a time, which is right
for editing and far too slow for 10,000 documents; these methods do the same
checks once per batch, inside the caller's transaction.
"""

from __future__ import annotations

import contextlib
import functools
import json
import operator
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from annotator.core import rules
from annotator.core.errors import ValidationError
from annotator.core.formats.rows import DocumentRow, EventRow, SpanRow
from annotator.core.model import Event, Span, SpanValues, Status
from annotator.core.schema import Schema
from annotator.store.bulk import insert_rows, trigger_dropped
from annotator.store.clock import utc_now
from annotator.store.columns import (
    EVENT_INSERT,
    EVENTS,
    SPAN_COLUMNS,
    SPAN_INSERT,
    SPANS,
    event_rows,
    span_rows,
    span_values,
)

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

_CHUNK = 500  # stays under SQLite's limit on host parameters per statement
# From this many spans a batch drops the file's range trigger for its insert (add_spans).
_MIN_UNTRIGGERED = 256
_RANGE_TRIGGER = "spans_in_text_insert"
_DECODER = json.JSONDecoder()
_DOCUMENT = operator.itemgetter(1)  # of a span's values
_ANNOTATOR = operator.itemgetter(2)
_OWNER = operator.itemgetter(1, 2)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class InterchangeRepository:
    """Whole-project reads and batched writes over documents, spans, events and statuses."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store
        # Inside many_spans(): what the block undoes at its end (the trigger's drop).
        self._block: contextlib.ExitStack | None = None
        self._dropped_for_block = False

    # -- reads for import ------------------------------------------------------

    def document_with_hash(self, sha256: str) -> str | None:
        """The id of the document whose text has this SHA-256, if any (an index lookup)."""
        row = self._store.db.execute(
            "SELECT id FROM documents WHERE sha256 = ?", [sha256]
        ).fetchone()
        return row[0] if row else None

    def documents_with_hashes(self, hashes: Sequence[str]) -> dict[str, str]:
        """SHA-256 -> document id, for those of ``hashes`` the project holds (one query
        per 500: an import looks up the next records' texts together)."""
        return dict(self._pairs("sha256, id", "documents WHERE sha256", hashes))

    def work_on(self, doc_ids: set[str]) -> set[tuple[str, str]]:
        """(document id, annotator) of every status on these documents: who has worked
        on them (has_worked_on, for many documents in one query per 500)."""
        return set(self._pairs("document_id, annotator", "statuses WHERE document_id", doc_ids))

    def _pairs(self, columns: str, where: str, values: Iterable[str]) -> list[tuple[Any, Any]]:
        """``SELECT columns FROM where IN values`` for two columns, each chunk's rows
        in one row of JSON: SQLite hands each row over letting go of the GIL, and an
        import's reading thread may then keep it for a switch interval (10,000 texts
        looked up a row each: 0.56 s, 0.19 s of it the lookups themselves)."""
        aggregate = self._store.dialect.rows_as_json.format(columns)
        pairs: list[tuple[Any, Any]] = []
        for chunk in _chunks(sorted(set(values))):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {aggregate} FROM {where} IN ({marks})"
            (rows,) = self._store.db.execute(query, chunk).fetchone()
            pairs += [(first, second) for first, second in json.loads(rows or "[]")]
        return pairs

    def has_worked_on(self, doc_id: str, annotator: str) -> bool:
        """True when ``annotator`` has a status (has worked) on the document."""
        row = self._store.db.execute(
            "SELECT 1 FROM statuses WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        return row is not None

    def taken_ids(self, table: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` already identify a row of ``table`` ("spans" or "events")."""
        if table not in ("spans", "events"):
            raise ValueError(f"no id lookup for table {table!r}")
        taken: set[str] = set()
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            rows = self._store.db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
            taken.update(row[0] for row in rows)
        return taken

    # -- batched writes --------------------------------------------------------

    def add_spans(self, spans: list[Span]) -> None:
        """Store spans; all or none (checked like AnnotationRepository.add_spans)."""
        self.add_span_values(list(map(span_values, spans)))

    def add_span_values(self, spans: list[SpanValues]) -> None:
        """Store spans given as tuples in Span's field order; all or none, checked as
        add_spans checks them (an import queues tuples: no Span object per span)."""
        now = utc_now()
        with self._store.transaction() as db:
            # Checked inside the transaction: the lengths read stay true until it ends.
            self._check_spans(spans)
            for name in set(map(_ANNOTATOR, spans)):
                self._store.annotators.ensure(name)
            rows = span_rows(db, spans, now)
            # _check_spans just compared every end with its text's length, as the
            # trigger would row by row (a fifth of a large import's span writes).
            if self._block is not None:
                if not self._dropped_for_block:  # the first batch: dropped until the end
                    self._block.enter_context(trigger_dropped(db.conn, _RANGE_TRIGGER))
                    self._dropped_for_block = True
                insert_rows(db.conn, SPAN_INSERT, rows)
            elif self._store.on_server or len(rows) < _MIN_UNTRIGGERED:
                insert_rows(db.conn, SPAN_INSERT, rows)
            else:
                with trigger_dropped(db.conn, _RANGE_TRIGGER):
                    insert_rows(db.conn, SPAN_INSERT, rows)
            self._touch(set(map(_OWNER, spans)), now)

    @contextlib.contextmanager
    def many_spans(self) -> Iterator[None]:
        """Inside the caller's transaction: a block of many add_span_values calls (an
        import's batches), the file's range trigger dropped once for the block.

        add_span_values checks every span's range itself, as the trigger would. Dropping
        and creating the trigger again for each batch changed the file's schema each
        time, and SQLite then compiles every statement it keeps again (10 ms for one of
        4,000 spans, each batch: 3 s of a 100,000-article import). It is dropped when
        the first spans are written, so a block that writes none leaves the file's bytes
        as they were (an empty import).
        """
        if self._store.on_server or self._block is not None:
            yield
            return
        with contextlib.ExitStack() as block:
            self._block, self._dropped_for_block = block, False
            try:
                yield
            finally:
                self._block, self._dropped_for_block = None, False

    def add_events(self, events: list[Event]) -> None:
        """Store events with their arguments; all or none (checked like add_event)."""
        self._check_events(events)
        now = utc_now()
        with self._store.transaction() as db:
            for name in {e.annotator for e in events}:
                self._store.annotators.ensure(name)
            insert_rows(db.conn, EVENT_INSERT, event_rows(db, events, now))
            insert_rows(
                db.conn,
                "INSERT INTO event_arguments (id, event_id, role, span_id, position)",
                [
                    (a.id, e.id, a.role, a.span_id, i)
                    for e in events
                    for i, a in enumerate(e.arguments)
                ],
            )
            self._touch({(e.document_id, e.annotator) for e in events}, now)

    def _check_spans(self, spans: list[SpanValues]) -> None:
        schema = self._store.schema
        doc_ids = set(map(_DOCUMENT, spans))
        lengths = self._lengths(doc_ids)
        if not spans_fit(spans, lengths, schema.entities_by_key):
            check_each_span(spans, lengths, schema)  # raises for the first that does not
        if not schema.allow_overlap:
            groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
            for values in spans:  # all valid by now: Span() raises nothing
                groups[values[1], values[2]].append(Span(*values))
            for key, stored in self._stored_spans(doc_ids).items():
                if key in groups:
                    groups[key] += stored
            for group in groups.values():
                rules.check_no_overlaps(schema, group)

    def _stored_spans(self, doc_ids: set[str]) -> dict[tuple[str, str], list[Span]]:
        """(document, annotator) -> stored spans, for the documents ``doc_ids``."""
        found: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for chunk in _chunks(sorted(doc_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self._store.db.execute(
                f"SELECT {SPAN_COLUMNS} FROM {SPANS} WHERE d.id IN ({marks})", chunk
            ):
                found[row[1], row[2]].append(Span(*row))
        return found

    def _check_events(self, events: list[Event]) -> None:
        schema = self._store.schema
        lengths = self._lengths({e.document_id for e in events})
        owners = self._span_owners({a.span_id for e in events for a in e.arguments})
        for event in events:
            if event.document_id not in lengths:
                raise ValidationError(f"no document with id {event.document_id!r}")
            rules.check_trigger_offsets(
                event.trigger_start, event.trigger_end, lengths[event.document_id], event.type
            )
            rules.check_event_type(schema, event.type)
            pairs = [(a.role, a.span_id) for a in event.arguments]
            rules.check_distinct_arguments(event.type, pairs)
            for argument in event.arguments:
                if argument.span_id not in owners:
                    raise ValidationError(
                        f"event {event.type}: argument {argument.role!r} points at entity span "
                        f"{argument.span_id!r}, which does not exist"
                    )
                doc_id, annotator, label = owners[argument.span_id]
                rules.check_argument_place(
                    event.type, (event.document_id, event.annotator), (doc_id, annotator)
                )
                rules.check_role_accepts(schema, event.type, argument.role, label)

    def set_statuses(self, statuses: Iterable[tuple[str, str, Status]]) -> None:
        """Record (document id, annotator, status) triples."""
        now = utc_now()
        with self._store.transaction() as db:
            insert_rows(
                db.conn,
                "INSERT INTO statuses (document_id, annotator, status, updated_at)",
                [(doc_id, name, Status(status).value, now) for doc_id, name, status in statuses],
                "ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
            )

    def _touch(self, pairs: set[tuple[str, str]], now: str) -> None:
        insert_rows(
            self._store.db.conn,
            "INSERT INTO statuses (document_id, annotator, status, updated_at)",
            [(doc_id, name, "in_progress", now) for doc_id, name in pairs],
            "ON CONFLICT (document_id, annotator) DO UPDATE SET updated_at = excluded.updated_at",
        )

    def _lengths(self, doc_ids: set[str]) -> dict[str, int]:
        # chars: the length kept by the file's triggers (migration 0007); NULL never stays.
        return dict(self._pairs("id, coalesce(chars, length(text))", "documents WHERE id", doc_ids))

    def _span_owners(self, span_ids: set[str]) -> dict[str, tuple[str, str, str]]:
        """Span id -> (document id, annotator, label)."""
        found: dict[str, tuple[str, str, str]] = {}
        for chunk in _chunks(sorted(span_ids)):
            marks = ",".join("?" * len(chunk))
            for span_id, *owner in self._store.db.execute(
                f"SELECT s.id, d.id, s.annotator, s.label FROM {SPANS} WHERE s.id IN ({marks})",
                chunk,
            ):
                found[span_id] = tuple(owner)
        return found

    # -- reads for export ------------------------------------------------------

    def event_type_counts(self) -> dict[tuple[str, str], int]:
        """(annotator, event type) -> number of events in the whole project."""
        rows = self._store.db.execute(
            "SELECT annotator, type, count(*) FROM events GROUP BY annotator, type"
        )
        return {(name, event_type): n for name, event_type, n in rows}

    def statuses_by_document(
        self, doc_ids: Sequence[str] | None = None
    ) -> dict[str, dict[str, Status]]:
        """Document id -> annotator -> status, for every status row (of ``doc_ids``)."""
        where, params = _among("document_id", doc_ids)
        result: dict[str, dict[str, Status]] = defaultdict(dict)
        for doc_id, name, status in self._store.db.execute(
            f"SELECT document_id, annotator, status FROM statuses {where}", params
        ):
            result[doc_id][name] = Status(status)
        return result

    def status_totals(self) -> tuple[dict[tuple[str, Status], int], int]:
        """((annotator, status) -> documents, documents no annotator has a status on)."""
        db = self._store.db
        totals = {
            (name, Status(status)): n
            for name, status, n in db.execute(
                "SELECT annotator, status, count(*) FROM statuses GROUP BY annotator, status"
            )
        }
        untouched = db.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM statuses s WHERE s.document_id = d.id)"
        ).fetchone()[0]
        return totals, untouched

    def document_rows(self, quoted_text: bool = False) -> Iterator[DocumentRow]:
        """Every document as a row, in the order the documents were added (streamed).

        With ``quoted_text``, rows carry ``text_json`` if this SQLite quotes JSON
        strings byte for byte like Python's json module (checked once, see
        sqlite_quotes_like_python): quoting in C and never decoding saves a third
        of a native export.
        """
        quoting = (
            quoted_text
            and self._store.dialect.quotes_json
            and sqlite_quotes_like_python(self._store.db.conn)
        )
        text = "annotator_text(text)" if self._store.dialect.packs_text else "text"
        text_json = f"CAST(json_quote({text}) AS BLOB)" if quoting else "NULL"
        columns = f"id, external_id, title, {text}, meta, sha256, {text_json}"
        rows = self._store.stream_rows(f"SELECT {columns} FROM documents ORDER BY rowid")
        return map(DocumentRow._make, rows)

    def span_rows(
        self, doc_ids: Sequence[str] | None = None
    ) -> dict[tuple[str, str], list[SpanRow]]:
        """(document id, annotator) -> span rows in export order, for the whole project
        (or the documents ``doc_ids``: an export reads a chunk at a time)."""
        # One JSON array per document and annotator, decoded by json.loads in C:
        # Python then handles 10,000 rows instead of 200,000 (2x faster). SQLite
        # feeds the aggregate in index order, so the sort below has little to do;
        # it is what guarantees the order.
        where, params = _among("d.id", doc_ids)
        of_documents = f"WHERE s.document IN (SELECT d.rowid FROM documents d {where})"
        # Grouped by the document's row number (the index's order), its id read after.
        rows = self._store.db.conn.execute(
            "SELECT (SELECT id FROM documents WHERE rowid = g.document), g.annotator, g.spans "
            f"FROM (SELECT s.document, s.annotator, {self._store.dialect.span_groups} AS spans "
            f"FROM spans s {of_documents if where else ''} GROUP BY s.document, s.annotator) g",
            params,
        )
        decode = _DECODER.raw_decode  # json.loads() minus its whitespace checks
        result = {}
        for doc_id, name, spans in rows:
            result[doc_id, name] = group = decode(spans)[0]
            group.sort(key=_span_order)
        return result

    def event_rows(
        self, doc_ids: Sequence[str] | None = None
    ) -> dict[tuple[str, str], list[EventRow]]:
        """(document id, annotator) -> event rows by trigger, for the whole project
        (or the documents ``doc_ids``)."""
        where, params = _among("d.id", doc_ids)
        arguments: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        of_events = f"WHERE event_id IN (SELECT e.id FROM {EVENTS} {where})" if where else ""
        result: dict[tuple[str, str], list[EventRow]] = defaultdict(list)
        with self._store.snapshot():  # the events and their arguments of one moment
            for event_id, *argument in self._store.db.execute(
                f"SELECT event_id, id, role, span_id FROM event_arguments {of_events} "
                "ORDER BY event_id, position, id",
                params,
            ):
                arguments[event_id].append(tuple(argument))
            for doc_id, name, *row in self._store.db.execute(
                "SELECT d.id, e.annotator, e.trigger_start, e.trigger_end, e.id, e.type, "
                f"e.source FROM {EVENTS} {where} "
                "ORDER BY e.document, e.annotator, e.trigger_start, e.id",
                params,
            ):
                result[doc_id, name].append((*row, tuple(arguments[row[2]])))
        return result


def _among(column: str, ids: Sequence[str] | None) -> tuple[str, list[str]]:
    """A WHERE clause keeping rows whose ``column`` is one of ``ids`` (all rows for None)."""
    if ids is None:
        return "", []
    if len(ids) > _CHUNK:
        raise ValueError(f"at most {_CHUNK} ids at a time")
    return f"WHERE {column} IN ({','.join('?' * len(ids))})", list(ids)


def spans_fit(
    spans: list[SpanValues], lengths: dict[str, int], labels: Mapping[str, object]
) -> bool:
    """True when every span lies in its document's text (``lengths``) and has a label
    of the schema: what check_each_span lets through, in one pass with no call per
    span (an import writes 200,000 per 10,000 articles)."""
    # type() is int refuses bools, as check_span_offsets does.
    try:
        return not [
            True
            for _, doc_id, _, start, end, label, _ in spans
            if not (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= lengths[doc_id]
                and label in labels
            )
        ]
    except KeyError:  # a document that is not there
        return False


def check_each_span(spans: list[SpanValues], lengths: dict[str, int], schema: Schema) -> None:
    """ValidationError for the first span, in order, outside its document's text
    (``lengths``) or with a label not in ``schema``, as the rules word it."""
    for _, doc_id, _, start, end, label, _ in spans:
        if doc_id not in lengths:
            raise ValidationError(f"no document with id {doc_id!r}")
        rules.check_span_offsets(start, end, lengths[doc_id], label)
        rules.check_entity_label(schema, label)


def _span_order(row: SpanRow) -> tuple[int, int, str]:
    return row[0], -row[1], row[2]




@functools.cache
def _quoting_probe() -> str:
    """Every code point but the surrogates (which SQLite text cannot hold), in order."""
    # Built as UTF-32 bytes, one byte column at a time: 1.1 million chr() take 0.2 s.
    count = sys.maxunicode + 1  # 17 planes of 65,536
    units = bytearray(4 * count)
    units[0::4] = bytes(range(256)) * (count // 256)
    units[1::4] = b"".join(bytes([i]) * 256 for i in range(256)) * (count // 65536)
    units[2::4] = b"".join(bytes([plane]) * 65536 for plane in range(count // 65536))
    del units[4 * 0xD800 : 4 * 0xE000]
    return units.decode("utf-32-le")


_QUOTING_AGREES: dict[str, bool] = {}  # SQLite library version -> its json_quote agrees


def sqlite_quotes_like_python(conn: sqlite3.Connection) -> bool:
    """True when SQLite's json_quote() gives the UTF-8 of json.dumps(s, ensure_ascii=False).

    Both escape one character at a time, so agreeing on every single code point
    means agreeing on every text. Checked once per process (about 30 ms); an
    SQLite without JSON functions or quoting differently is simply not used.
    """
    version = sqlite3.sqlite_version
    if version not in _QUOTING_AGREES:
        probe = _quoting_probe()
        try:
            (quoted,) = conn.execute("SELECT CAST(json_quote(?) AS BLOB)", [probe]).fetchone()
        except sqlite3.Error:
            quoted = None
        _QUOTING_AGREES[version] = quoted == encode_basestring(probe).encode("utf-8")
    return _QUOTING_AGREES[version]
