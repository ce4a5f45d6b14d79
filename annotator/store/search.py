"""Corpus search: the project's full-text index (FTS5, trigram) over folded text.

(On PostgreSQL, store.dialect searches folded columns instead; see pg_schema.)

The index (``documents_search``, migration 0006) holds every document's title and
text folded as core.search.fold folds them; SQLite's trigram tokenizer finds any
substring of three or more characters and folds letter case itself. A shorter
query cannot use a trigram index: it is matched against titles only.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.search import fold
from annotator.store.dialect import MIN_INDEXED, SQLITE, Dialect, indexed
from annotator.store.migrations import index_documents
from annotator.store.text_codec import unpack

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

__all__ = ["MIN_INDEXED", "DocumentMatch", "SearchRepository", "SpanMatch", "condition"]


@dataclass(frozen=True)
class DocumentMatch:
    """A document whose title or text contains the query."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class SpanMatch:
    """A span found by an annotation search, with its document's text."""

    id: str
    document_id: str
    title: str
    annotator: str
    start: int
    end: int
    label: str
    text: str


def needle_of(query: str) -> str:
    """The folded query as the index compares it ('' for a blank query)."""
    return fold(query).strip()


def condition(
    query: str, rowid: str = "d.rowid", dialect: Dialect = SQLITE
) -> tuple[str, dict[str, object]]:
    """An SQL condition on a ``documents`` rowid column: its title or text contains ``query``.

    Its one parameter is named ``:search``. ("1 = 1", {}) for a blank query (all match).
    """
    return dialect.contains(query, rowid)


class SearchRepository:
    """Queries over the search index."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def reads_texts(self, query: str) -> bool:
        """True when a search for ``query`` looks in texts, not in titles only (too short,
        or on a file no trigram of its own: store.dialect.indexed)."""
        if len(needle_of(query)) < MIN_INDEXED:
            return False
        return not self._store.dialect.full_text_index or indexed(query)

    def _condition(self, query: str) -> tuple[str, dict[str, object]]:
        return condition(query, "d.rowid", self._store.dialect)

    def document_ids(self, query: str) -> set[str]:
        """Ids of the documents whose title or text contains ``query`` (folded)."""
        if not needle_of(query):
            return set()
        where, params = self._condition(query)
        rows = self._store.db.execute(f"SELECT d.id FROM documents d WHERE {where}", params)
        return {row[0] for row in rows}

    def count(self, query: str) -> int:
        """How many documents contain ``query``."""
        where, params = self._condition(query)
        return self._store.db.execute(
            f"SELECT count(*) FROM documents d WHERE {where}", params
        ).fetchone()[0]

    def documents(self, query: str, limit: int | None = None) -> Iterator[DocumentMatch]:
        """The documents containing ``query``, in project order (streamed)."""
        if not needle_of(query):
            return
        where, params = self._condition(query)
        cursor = self._store.db.execute(
            f"SELECT d.id, d.title, d.text FROM documents d WHERE {where} "
            "ORDER BY d.rowid" + ("" if limit is None else " LIMIT :limit"),
            {**params, "limit": limit},
        )
        for doc_id, title, text in cursor:
            yield DocumentMatch(doc_id, title, unpack(text))

    def spans(
        self,
        query: str,
        label: str | None = None,
        annotator: str | None = None,
        lacking: str | None = None,
    ) -> Iterator[SpanMatch]:
        """Spans (in project order) in documents containing ``query`` (any, if blank),
        optionally of one ``label`` and ``annotator``, and with ``lacking``: only those
        that annotator has no span of the same label at the same place for.

        The caller keeps those whose own text matches (the index finds documents).
        """
        where, params = self._condition(query)
        clauses = [where]
        if label is not None:
            clauses.append("s.label = :label")
        if annotator is not None:
            clauses.append("s.annotator = :annotator")
        if lacking is not None:
            clauses.append(
                "NOT EXISTS (SELECT 1 FROM spans o WHERE o.document = s.document "
                'AND o.annotator = :lacking AND o.start = s.start AND o."end" = s."end" '
                "AND o.label = s.label)"
            )
        params |= {"label": label, "annotator": annotator, "lacking": lacking}
        cursor = self._store.db.execute(
            'SELECT s.id, d.id, d.title, s.annotator, s.start, s."end", s.label, '
            "d.text FROM spans s JOIN documents d ON d.rowid = s.document "
            f"WHERE {' AND '.join(clauses)} ORDER BY d.rowid, s.start, s.annotator",
            params,
        )
        text_of = functools.lru_cache(maxsize=1)(unpack)  # a document's spans come together
        for *row, start, end, label, stored in cursor:
            yield SpanMatch(*row, start, end, label, text_of(stored)[start:end])

    def rebuild(self) -> None:
        """Build the index again from the documents (a repair; nothing needs it normally)."""
        if not self._store.dialect.full_text_index:
            return  # the server's folded columns are generated by PostgreSQL itself
        with self._store.transaction() as db:
            db.execute("INSERT INTO documents_search (documents_search) VALUES ('delete-all')")
            index_documents(db)
