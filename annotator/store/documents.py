"""Documents: the articles of a project, their text immutable once annotated."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import (
    Document,
    DocumentSummary,
    check_document_length,
    new_id,
    utf8_sha256,
)
from annotator.core.search import fold
from annotator.core.text import is_canonical
from annotator.store import search_fill
from annotator.store.bulk import insert_rows
from annotator.store.clock import utc_now
from annotator.store.text_codec import pack_utf8, unpack

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

_COLUMNS = "id, external_id, title, text, sha256, meta"
_INSERT = "INSERT INTO documents (id, external_id, title, text, chars, sha256, meta, created_at)"


def _document(row: tuple[Any, ...]) -> Document:
    doc_id, external_id, title, text, sha256, meta = row
    return Document(
        id=doc_id,
        title=title,
        text=unpack(text),
        external_id=external_id,
        meta=json.loads(meta),
        sha256=sha256,
    )


def _meta_json(meta: dict[str, Any]) -> str:
    """``meta`` as the JSON text exports copy as it is (see core.formats.rows.DocumentRow).

    Encoded twice, it reads back as what it is: keys that only collide once made
    strings (1 and "1") are merged here rather than in every export.
    """
    if not meta:
        return "{}"  # most documents: no need to encode anything
    return json.dumps(json.loads(json.dumps(meta, ensure_ascii=False)), ensure_ascii=False)


@dataclass(frozen=True)
class PreparedText:
    """A document's text as the store will write it, made by ``DocumentRepository.preparer``
    before the write and on any thread (it needs no SQL): an import makes these on its
    reading thread while the writing thread is busy with SQLite (services.read_ahead)."""

    stored: bytes | str  # the value of documents.text (compressed in a file)
    indexed: tuple[str, str] | None  # the folded title and text where the store indexes them
    sha256: str  # of the text's UTF-8, which recognises it (core.model.text_sha256)


def _insert_indexed(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    indexed: list[tuple[str, str]],
    merging_less: search_fill.MergingLess | None,
) -> None:
    """Insert document rows with their texts compressed, and index their folded
    (title, text) ``indexed`` from Python (store.search_fill), inside the caller's
    transaction: the index's triggers only fold TEXT rows (migration 0008). Their
    rowids are given, so the index rows can name them."""
    (last,) = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()
    numbered = [(last + 1 + n, *row) for n, row in enumerate(rows)]
    insert_rows(conn, _INSERT.replace("(id,", "(rowid, id,", 1), numbered)
    if merging_less is not None:
        merging_less.before_indexing()
    search_fill.index_rows(conn, [(last + 1 + n, *pair) for n, pair in enumerate(indexed)])


class DocumentRepository:
    """Reads and writes the ``documents`` table."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store
        self._merging_less: search_fill.MergingLess | None = None  # inside many_documents()

    @contextlib.contextmanager
    def many_documents(self) -> Iterator[None]:
        """Inside the caller's transaction: a block of many add_prepared calls (an
        import's batches), the search index merging less often (search_fill.MergingLess)."""
        if self._store.on_server or self._merging_less is not None:
            yield
            return
        self._merging_less = search_fill.MergingLess(self._store.db.conn)
        try:
            yield
            self._merging_less.end()
        finally:
            self._merging_less = None

    def add(
        self,
        text: str,
        title: str,
        external_id: str | None = None,
        meta: dict[str, Any] | None = None,
        doc_id: str | None = None,
    ) -> Document:
        """Add a document; the text must be canonical and not already in the project."""
        return self.add_many([(text, title, external_id, meta, doc_id)])[0]

    def add_many(
        self, items: Iterable[tuple[str, str, str | None, dict[str, Any] | None, str | None]]
    ) -> list[Document]:
        """Add several documents in one transaction; all or none are added."""
        prepare = self.preparer()
        documents = []
        for text, title, external_id, meta, doc_id in items:
            prepared = prepare(title, text)
            document = Document(
                doc_id or new_id(), title, text, external_id, dict(meta or {}), prepared.sha256
            )
            documents.append((document, prepared))
        self.add_prepared(documents)
        return [document for document, _ in documents]

    def preparer(self) -> Callable[[str, str], PreparedText]:
        """A function of (title, text) giving the text as this store writes it, for
        ``add_prepared``. It checks the text (canonical, not too long: ValidationError)
        and touches no connection, so any thread may call it."""
        packs_text = self._store.dialect.packs_text

        def prepare(title: str, text: str) -> PreparedText:
            if not is_canonical(text):
                raise ValidationError(f"document {title!r}: text is not canonical")
            check_document_length(text, f"document {title!r}")
            data = text.encode("utf-8")
            sha256 = utf8_sha256(data)
            if not packs_text:
                return PreparedText(text, None, sha256)
            return PreparedText(pack_utf8(data), (fold(title), fold(text)), sha256)

        return prepare

    def add_prepared(self, documents: Sequence[tuple[Document, PreparedText]]) -> None:
        """Add documents, each with its text as ``preparer`` made it, in one transaction."""
        now = utc_now()
        # chars: the text's length in code points (Python's len, SQLite's length(): the
        # text is canonical, so has no NUL where length() would stop), which the range
        # triggers of spans and events read instead of counting the text (migration 0007).
        rows = [
            (d.id, d.external_id, d.title, prepared.stored, len(d.text), d.sha256,
             _meta_json(d.meta), now)
            for d, prepared in documents
        ]  # fmt: skip
        with self._store.transaction() as db:
            if self._store.dialect.packs_text:
                indexed = [prepared.indexed or ("", "") for _, prepared in documents]
                _insert_indexed(db.conn, rows, indexed, self._merging_less)
            else:
                insert_rows(db.conn, _INSERT, rows)

    def get(self, doc_id: str) -> Document:
        """The document with id ``doc_id``; NotFoundError if there is none."""
        row = self._store.db.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"the document {doc_id!r} is no longer in the project")
        return _document(row)

    def find_by_hash(self, sha256: str) -> Document | None:
        """The document whose text has this SHA-256, if any."""
        row = self._store.db.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE sha256 = ?", [sha256]
        ).fetchone()
        return _document(row) if row else None

    def iter_all(self) -> Iterator[Document]:
        """Every document, in the order they were added (streamed: on a server, through
        a server-side cursor when inside a snapshot or transaction)."""
        for row in self._store.stream_rows(f"SELECT {_COLUMNS} FROM documents ORDER BY rowid"):
            yield _document(row)

    def summaries(self) -> list[DocumentSummary]:
        """Id, title and length of every document, in the order they were added."""
        rows = self._store.db.execute(
            "SELECT id, title, chars, external_id FROM documents ORDER BY rowid"
        ).fetchall()
        return [DocumentSummary(*row) for row in rows]

    def ids_matching(self, query: str) -> set[str]:
        """Ids of the documents whose title or text contains ``query``, compared folded:
        harakat, tatweel, hamza forms, bidi marks and letter case ignored (store.search)."""
        return self._store.search.document_ids(query)

    def count(self) -> int:
        """How many documents the project holds."""
        return self._store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
