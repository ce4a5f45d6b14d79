"""Queueing imported records and writing them to the store in batches.

Runs inside the import's transaction: a batch is written every BATCH documents,
so memory stays flat on large imports while all-or-nothing still holds. What
the writer must remember (texts already present, who worked on what, ids in
use) it looks up in the project's indexes, which see the batches already
written, so only the batch being built is held in memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.core.formats.records import DocumentRecord
from annotator.core.model import (
    AnnotatorKind,
    Argument,
    Document,
    Event,
    SpanValues,
    Status,
    new_id,
    new_ids,
)
from annotator.core.notes import Note, NoteKind
from annotator.core.text import first_line_title
from annotator.services.import_lookups import ImportLookups
from annotator.store import ProjectStore
from annotator.store.documents import PreparedText

if TYPE_CHECKING:
    from annotator.services.importing import ImportReport

BATCH = 1000
# A batch is also written once its new texts hold this many characters (long documents).
BATCH_CHARS = 8_000_000


class ImportWriter:
    """Adds records to the project, recognising texts it already holds."""

    def __init__(
        self, store: ProjectStore, kind_of: Callable[[str], AnnotatorKind], report: ImportReport
    ) -> None:
        self._store = store
        self._kind_of = kind_of
        self._report = report
        self.schema = store.schema
        self._prepare = self.preparer()
        self._recent_new: deque[bool] = deque(maxlen=256)  # was each last record's text new?
        self._lookups = ImportLookups(store)
        self._queued_ids: set[str] = set()
        self._ensured: set[str] = set()
        self._documents: list[tuple[Document, PreparedText]] = []
        self._queued_chars = 0
        self._spans: list[SpanValues] = []
        self._events: list[Event] = []
        self._statuses: list[tuple[str, str, Status]] = []
        self._notes: list[Note] = []

    def preparer(self) -> Callable[[DocumentRecord], PreparedText]:
        """What ``add`` needs made of a new document's text: any thread may call it (the
        import calls it on its reading thread, ahead); ValidationError for a text the
        project cannot hold."""
        prepare = self._store.documents.preparer()

        def prepare_record(record: DocumentRecord) -> PreparedText:
            record.title = _title(record)  # decided here, off the writing thread
            return prepare(record.title, record.text)

        return prepare_record

    def mostly_new_texts(self) -> bool:
        """True unless most of the last records added brought texts the project holds
        (a model's predictions for loaded texts): then preparing texts ahead is wasted."""
        return sum(self._recent_new) * 2 >= len(self._recent_new)

    def expect(self, sha256s: list[str]) -> None:
        """Look up the next records' texts (their hashes) together (ImportLookups);
        called before each chunk of ``add`` calls, which keeps what it remembers small."""
        self._lookups.refresh(sha256s)

    def add(
        self, record: DocumentRecord, sha256: str, prepared: PreparedText | None = None
    ) -> str | None:
        """Queue ``record`` (its text's hash given, and its text made ready by
        ``preparer`` if it was made ahead); returns the id of the document it
        duplicates, if it is skipped."""
        doc_id = self._lookups.document_with_text(sha256)
        self._recent_new.append(doc_id is None)
        if doc_id is None:
            prepared = prepared or self._prepare(record)
            doc_id = new_id()
            self._lookups.queued_text(sha256, doc_id)
            document = Document(
                doc_id, _title(record), record.text, record.external_id, record.meta, sha256
            )
            self._documents.append((document, prepared))
            self._queued_chars += len(record.text)
            self._report.documents += 1
        elif self._attachable(record, doc_id):
            self._report.attached += 1
        else:
            return doc_id
        self._queue_annotations(record, doc_id)
        if (
            len(self._documents) >= BATCH
            or len(self._spans) >= 10 * BATCH
            or self._queued_chars >= BATCH_CHARS
        ):
            self.flush()
        return None

    def _attachable(self, record: DocumentRecord, doc_id: str) -> bool:
        return (
            record.annotator is not None
            and (record.has_work or record.status is not None)
            and not self._lookups.has_worked_on(doc_id, record.annotator)
        )

    def _queue_annotations(self, record: DocumentRecord, doc_id: str) -> None:
        name = record.annotator
        if name is None:
            return
        if name not in self._ensured:
            self._store.annotators.ensure(name, self._kind_of(name))
            self._ensured.add(name)
        file_ids = [e.id for e in record.entities]
        span_ids = self._fresh_ids("spans", file_ids, record.local_ids)
        # Tuples, not Span objects: validate_record checked them and the store checks
        # them again as it writes them (add_span_values).
        self._spans += [
            (span_id, doc_id, name, e.start, e.end, e.label, e.source)
            for span_id, e in zip(span_ids, record.entities, strict=True)
        ]
        by_file_id: dict[str | None, str] = {}  # only event arguments look spans up so
        if record.events:
            by_file_id = dict(zip(file_ids, span_ids, strict=True))
        event_ids = self._fresh_ids("events", [e.id for e in record.events], record.local_ids)
        self._events += [
            Event(
                event_id,
                doc_id,
                name,
                e.type,
                e.start,
                e.end,
                tuple(Argument(new_id(), a.role, by_file_id[a.entity]) for a in e.arguments),
                e.source,
            )
            for event_id, e in zip(event_ids, record.events, strict=True)
        ]
        status = record.status
        if status is None and record.note is not None and not record.has_annotations:
            status = Status.NEW  # a note alone: the document is the annotator's (as brat's)
        if status is not None:
            self._statuses.append((doc_id, name, status))
        self._queue_notes(record, (doc_id, name), span_ids, event_ids)
        if record.has_work or status is not None:  # what has_worked_on sees once written
            self._lookups.queued_work(doc_id, name)
        self._report.spans += len(record.entities)
        self._report.events += len(record.events)

    def _queue_notes(
        self, record: DocumentRecord, work: tuple[str, str], span_ids: list[str],
        event_ids: list[str],
    ) -> None:
        """The annotator's notes, on the ids their entities and events were given."""
        doc_id, name = work
        targets = [(doc_id, NoteKind.DOCUMENT, record.note)]
        for kind, ids, items in (
            (NoteKind.SPAN, span_ids, record.entities),
            (NoteKind.EVENT, event_ids, record.events),
        ):
            targets += [
                (i, kind, item.note)
                for i, item in zip(ids, items, strict=True)
                if item.note is not None
            ]
        for target_id, kind, note in targets:  # readers give no empty note (get_note)
            if note is not None:
                self._notes.append(Note(target_id, kind, doc_id, name, note.text, note.unsure))
                self._report.annotator_notes += 1

    def _fresh_ids(self, table: str, wanted: list[str | None], local: bool) -> list[str]:
        """The file's ids where they are free (so exports round-trip), new ids elsewhere."""
        if not wanted:
            return []
        if local or not any(wanted):  # new ids never collide: nothing to remember
            return new_ids(len(wanted))
        candidates = {i for i in wanted if i and i not in self._queued_ids}
        if candidates:
            candidates -= self._store.interchange.taken_ids(table, candidates)
        ids = []
        for wanted_id in wanted:
            fresh = wanted_id if wanted_id in candidates else new_id()
            candidates.discard(fresh)
            self._queued_ids.add(fresh)
            ids.append(fresh)
        return ids

    def flush(self) -> None:
        """Write everything queued (inside the caller's transaction)."""
        if self._documents:
            self._store.documents.add_prepared(self._documents)
        if self._spans:
            self._store.interchange.add_span_values(self._spans)
        if self._events:
            self._store.interchange.add_events(self._events)
        if self._statuses:
            self._store.interchange.set_statuses(self._statuses)
        for note in self._notes:  # few: an annotator's comments
            self._store.notes.set(note)
        self._documents, self._spans, self._events, self._statuses = [], [], [], []
        self._queued_chars = 0
        self._notes = []
        self._lookups.written()
        self._queued_ids.clear()


def _title(record: DocumentRecord) -> str:
    return record.title or first_line_title(record.text) or "untitled"
