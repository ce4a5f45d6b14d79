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
from collections.abc import Sequence

from annotator.core.search import fold_arabic
from annotator.store.bulk import insert_rows, trigger_dropped

TRIGGER = "documents_search_insert"
# Below this many documents the trigger is cheaper than dropping and creating it.
MIN_DOCUMENTS = 32


def trigger_suspended(conn: sqlite3.Connection) -> contextlib.AbstractContextManager[bool]:
    """Inside a transaction: the index's insert trigger dropped for the block
    (bulk.trigger_dropped); when it yields True the block indexes its rows with index_rows."""
    return trigger_dropped(conn, TRIGGER)


def index_rows(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str]]) -> None:
    """Index (rowid, title, text) of documents just inserted, folded as the trigger folds."""
    insert_rows(
        conn,
        "INSERT INTO documents_search (rowid, title, text)",
        [(rowid, fold_arabic(title), fold_arabic(text)) for rowid, title, text in rows],
    )
