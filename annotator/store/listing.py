"""The document list's queries: which documents to show, in what order, a page at a time.

A list of 1,000,000 documents must scroll smoothly and filter as the user types,
so nothing here reads every document: the shown documents are a sorted array of
rowids from an index (8 bytes a row), filtered in SQL (the search index,
statuses, assignments), and the visible rows' fields are read when painted.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.listing import ListFilter, ListRow
from annotator.core.model import Status
from annotator.store.dialect import CONTAINS, indexed
from annotator.store.search import MIN_INDEXED, condition, needle_of

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

_CHUNK = 500
_STATUS = (
    "coalesce((SELECT st.status FROM statuses st "
    "WHERE st.document_id = d.id AND st.annotator = :annotator), 'new')"
)
# The list's own index (migration 0006) holds title, id and rowid: scanning it
# never reads the texts.
_ORDERS = {
    "rowid": ("d.rowid",),
    "title": ("{nocase}", "d.rowid"),
    "length": ("d.chars", "d.rowid"),
    "status": (_STATUS, "d.rowid"),
}


class ListingRepository:
    """Read-only queries of the document list."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def keys(self, wanted: ListFilter) -> Sequence[int]:
        """The rowids of the documents ``wanted`` selects, in its order.

        Every document in project order, when no document was ever removed, is a
        ``range`` (nothing read, whatever the size); otherwise an array from an index.
        """
        if wanted == ListFilter(wanted.annotator):
            # Three subqueries: alone, count(*) counts the smallest index's pages and min
            # and max read one row each; together they read every row (4x slower).
            count, first, last = self._store.db.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT min(rowid) FROM documents), "
                "(SELECT max(rowid) FROM documents)"
            ).fetchone()
            if not count or last - first + 1 == count:
                return range(first or 1, (last or 0) + 1)
        dialect = self._store.dialect
        where, named = condition(wanted.search, "d.rowid", dialect)
        named["annotator"] = wanted.annotator
        clauses = [where, *self._clauses(wanted, named)]
        direction = " DESC" if wanted.descending else ""
        nocase = dialect.nocase.format("d.title")
        order = ", ".join(
            part.format(nocase=nocase) + direction for part in _ORDERS[wanted.order]
        )
        rows = self._store.db.execute(
            f"SELECT d.rowid FROM documents d{dialect.listing_index} "
            f"WHERE {' AND '.join(clauses)} ORDER BY {order}",
            named,
        )
        return array("q", [row[0] for row in rows])

    def incremental(self, wanted: ListFilter) -> bool:
        """True when ``next_keys`` can list ``wanted`` a piece at a time: a search, in
        project order (the index hands its hits over in rowid order, so the first
        screen costs the same however many documents match)."""
        long_enough = len(needle_of(wanted.search)) >= MIN_INDEXED
        if self._store.dialect.full_text_index and not indexed(wanted.search):
            return False  # no trigram to ask the index for: titles only (store.dialect)
        return long_enough and wanted.order == "rowid" and not wanted.descending

    def next_keys(
        self, wanted: ListFilter, after: int, limit: int
    ) -> tuple[list[int], int | None]:
        """The rowids ``wanted`` selects among the next ``limit`` candidates after rowid
        ``after`` (see incremental), and the rowid to go on after (None: no more).

        The work of a call is bounded by ``limit`` whatever the hit rate: the index
        names candidates, and each is checked against its folded text (store.dialect),
        so a slice of a rare query's hits never stalls the window.
        """
        if not self._store.dialect.full_text_index:
            return self._next_keys_scanned(wanted, after, limit)
        _, named = condition(wanted.search)
        named |= {"annotator": wanted.annotator, "after": after, "limit": limit}
        clauses = ["f.documents_search MATCH :search", "f.rowid > :after"]
        clauses += self._clauses(wanted, named)
        rows = self._store.db.execute(
            f"SELECT f.rowid, {CONTAINS.format('d')} FROM documents_search f "
            f"JOIN documents d ON d.rowid = f.rowid WHERE {' AND '.join(clauses)} "
            "ORDER BY f.rowid LIMIT :limit",
            named,
        ).fetchall()
        going_on = rows[-1][0] if len(rows) == limit else None
        return [rowid for rowid, hit in rows if hit], going_on

    def _next_keys_scanned(
        self, wanted: ListFilter, after: int, limit: int
    ) -> tuple[list[int], int | None]:
        """next_keys without a full-text index: the next ``limit`` hits in rowid order."""
        where, named = condition(wanted.search, "d.rowid", self._store.dialect)
        named |= {"annotator": wanted.annotator, "after": after, "limit": limit}
        clauses = [where, "d.rowid > :after", *self._clauses(wanted, named)]
        rows = self._store.db.execute(
            f"SELECT d.rowid FROM documents d WHERE {' AND '.join(clauses)} "
            "ORDER BY d.rowid LIMIT :limit",
            named,
        )
        hits = [row[0] for row in rows]
        return hits, hits[-1] if len(hits) == limit else None

    def rows(self, keys: Sequence[int], annotator: str) -> dict[int, ListRow]:
        """rowid -> its row, for ``keys`` (a page of the list)."""
        found: dict[int, ListRow] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            cursor = self._store.db.execute(
                "SELECT d.rowid, d.id, d.title, d.chars, coalesce((SELECT st.status FROM "
                "statuses st WHERE st.document_id = d.id AND st.annotator = ?), 'new') "
                f"FROM documents d WHERE d.rowid IN ({marks})",
                [annotator, *chunk],
            )
            for rowid, doc_id, title, length, status in cursor:
                found[rowid] = ListRow(doc_id, title, length, Status(status))
        return found

    @staticmethod
    def _clauses(wanted: ListFilter, named: dict[str, object]) -> list[str]:
        """The status and assignment conditions of ``wanted`` (their values go in ``named``)."""
        clauses = []
        if wanted.statuses is not None:
            values = sorted(s.value for s in wanted.statuses)
            marks = ", ".join(f":s{i}" for i in range(len(values)))
            clauses.append(f"{_STATUS} IN ({marks})")
            named |= {f"s{i}": v for i, v in enumerate(values)}
        if wanted.assigned_only:
            clauses.append(
                "d.id IN (SELECT document_id FROM assignments WHERE annotator = :annotator)"
            )
        return clauses

    def ids(self, keys: Sequence[int]) -> list[str]:
        """The ids of the documents ``keys``, in that order (without reading their texts)."""
        found: dict[int, str] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            found.update(
                self._store.db.execute(
                    f"SELECT rowid, id FROM documents WHERE rowid IN ({marks})", chunk
                ).fetchall()
            )
        return [found[key] for key in keys if key in found]

    def key_of(self, doc_id: str) -> int | None:
        """The rowid of a document, or None."""
        row = self._store.db.execute(
            "SELECT rowid FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        return row[0] if row else None

    def status(self, doc_id: str, annotator: str) -> Status:
        """``annotator``'s status of one document."""
        row = self._store.db.execute(
            "SELECT status FROM statuses WHERE document_id = ? AND annotator = ?",
            [doc_id, annotator],
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def has_assignments(self, annotator: str) -> bool:
        """True when ``annotator`` has documents assigned."""
        row = self._store.db.execute(
            "SELECT 1 FROM assignments WHERE annotator = ? LIMIT 1", [annotator]
        ).fetchone()
        return row is not None

    def progress(self, annotator: str, assigned_only: bool) -> Counter[Status]:
        """How many documents stand at each status for ``annotator`` (of the assigned ones)."""
        db = self._store.db
        counts: Counter[Status] = Counter()
        if assigned_only:
            rows = db.execute(
                "SELECT coalesce(st.status, 'new'), count(*) FROM assignments a "
                "LEFT JOIN statuses st ON st.document_id = a.document_id "
                "AND st.annotator = a.annotator WHERE a.annotator = ? GROUP BY 1",
                [annotator],
            )
            counts.update({Status(status): n for status, n in rows})
            return counts
        total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        rows = db.execute(
            "SELECT status, count(*) FROM statuses WHERE annotator = ? GROUP BY status",
            [annotator],
        )
        counts.update({Status(status): n for status, n in rows})
        counts[Status.NEW] += total - counts.total()
        return counts
