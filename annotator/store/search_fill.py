"""Filling the search index from Python while many documents are added at once.

The index's insert trigger folds each title and text in SQL with 23 nested
replace() calls (migration 0006): a third of a pre-annotated import's time
(10,000 documents: 0.8 s of folding alone). core.search folds the same way with
one str.translate, so a batch of documents is indexed with multi-row INSERTs of
text folded in Python while that trigger is dropped, and the trigger is then
created again from its own stored SQL, unchanged. All of it happens inside the
caller's transaction: a failed write rolls the drop back with everything else,
so the trigger is never lost (and the file's structure check sees no change).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence

from annotator.core.search import fold_arabic
from annotator.store.bulk import insert_rows

TRIGGER = "documents_search_insert"
# Below this many documents the trigger is cheaper than dropping and creating it.
MIN_DOCUMENTS = 32


def _trigger_sql(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [TRIGGER]
    ).fetchone()
    return row[0] if row else None


@contextlib.contextmanager
def trigger_suspended(conn: sqlite3.Connection) -> Iterator[bool]:
    """Inside a transaction: drop the index's insert trigger for the block.

    Yields whether it was there (the block must then index what it inserts
    itself). It is created again after the block, from its own stored SQL.
    """
    if not conn.in_transaction:
        raise RuntimeError("the search trigger can only be suspended inside a transaction")
    sql = _trigger_sql(conn)
    if sql is None:
        yield False
        return
    conn.execute(f"DROP TRIGGER {TRIGGER}")
    try:
        yield True
    finally:
        # After a failure the transaction may already be rolled back (trigger back):
        # create it only where it is missing, so the original error is what is raised.
        if _trigger_sql(conn) is None:
            conn.execute(sql)


def index_rows(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Index (rowid, title, text) of documents just inserted, folded as the trigger folds."""
    insert_rows(
        conn,
        "INSERT INTO documents_search (rowid, title, text)",
        [(rowid, fold_arabic(title), fold_arabic(text)) for rowid, title, text in rows],
    )
