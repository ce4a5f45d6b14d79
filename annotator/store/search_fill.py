"""Filling the search index from Python for the documents this program adds.

The project file keeps texts compressed (format 8), which SQL cannot fold, so the
index's triggers only fold TEXT rows (written by other tools) and the store indexes
the documents it adds itself, folded as core.search.fold folds them (letter case
included: the index is case-sensitive, which tokenizes in 0.5 s where SQLite's own
case folding took 0.8 s for 10,000 articles, and then agrees exactly with the check
of each candidate), many rows to a statement, inside the transaction that adds them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from annotator.store.bulk import insert_rows


def index_rows(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Index (rowid, title, text) of documents just inserted, title and text folded
    already (core.search.fold, as the triggers fold: see store.documents.preparer)."""
    insert_rows(conn, "INSERT INTO documents_search (rowid, title, text)", rows, rest_at_once=True)


# FTS5 merges a level's segments into one once it holds this many (its default: 4).
_DEFAULT_AUTOMERGE = 4
_BULK_AUTOMERGE = 16


class MergingLess:
    """The search index merging its segments less often for a block of many batches
    (an import writes a segment per batch), set when the block first indexes a batch.

    100,000 articles indexed in batches of 500: 7.2 s merging at 4 segments a level,
    5.5 s at 16, for an index of the same size that answers as fast. The setting is
    the index's own (its config table), so a block that indexes nothing never sets it
    (a refused or empty import leaves the file's bytes as they were). ``end`` puts it
    back; a block that fails must roll its transaction back, which puts it back too.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._before: int | None = None  # the setting before this block, once changed
        self._stored = False  # whether the index's config held a value then (or the default)

    def before_indexing(self) -> None:
        """Called before each batch is indexed, inside the block's transaction."""
        if self._before is not None:
            return
        row = self._conn.execute(
            "SELECT v FROM documents_search_config WHERE k = 'automerge'"
        ).fetchone()
        self._stored = row is not None
        self._before = int(row[0]) if row else _DEFAULT_AUTOMERGE
        _set_automerge(self._conn, max(self._before, _BULK_AUTOMERGE))

    def end(self) -> None:
        """The block succeeded: the setting as it was (nothing if it was never changed)."""
        if self._before is not None:
            _set_automerge(self._conn, self._before)
            if not self._stored:  # FTS5's default again, and its config as it was: no row
                self._conn.execute("DELETE FROM documents_search_config WHERE k = 'automerge'")
            self._before = None


def _set_automerge(conn: sqlite3.Connection, segments: int) -> None:
    conn.execute(
        "INSERT INTO documents_search (documents_search, rank) VALUES ('automerge', ?)",
        [segments],
    )
