"""Inserting many rows with few statements.

Inside a transaction SQLite keeps, for every statement, the pages it changes
that existed before it (so that statement alone can be undone) in a statement
journal, a temporary file. One statement per row (executemany) wrote each
touched index and table page there once per row: 95% of a pre-annotated
import's writes (strace: 284,000 page writes for 2,000 documents). One statement
per chunk of rows writes them once per chunk. The search index's trigger also
costs far more per statement than per row (10,000 documents: 4.0 s one row per
statement, 2.5-2.7 s for 50 to 4,000 rows per statement).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import chain

# SQLite's oldest limit on parameters per statement (999 before 3.32).
_MAX_PARAMETERS = 999


def insert_rows(
    conn: sqlite3.Connection, head: str, rows: Sequence[Sequence[object]], tail: str = ""
) -> None:
    """Run ``head VALUES (...), (...) tail`` over ``rows``, as many rows a statement as fit.

    ``head`` is ``INSERT INTO table (columns)``; ``tail`` an optional ``ON CONFLICT``
    clause. Every row has the same number of values.
    """
    if not rows:
        return
    width = len(rows[0])
    per_statement = max(1, _MAX_PARAMETERS // width)
    marks = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        values = ", ".join([marks] * len(chunk))
        conn.execute(f"{head} VALUES {values} {tail}", list(chain.from_iterable(chunk)))


def _trigger_sql(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    ).fetchone()
    return row[0] if row else None


@contextlib.contextmanager
def trigger_dropped(conn: sqlite3.Connection, name: str) -> Iterator[bool]:
    """Inside a transaction: drop the trigger ``name`` for the block, for a batch
    whose rows the caller handles itself (checks, or indexes) as the trigger would.

    Yields whether it was there. It is created again after the block from its own
    stored SQL, so the file's structure is unchanged; a failed write rolls the drop
    back with everything else, so the trigger is never lost.
    """
    if not conn.in_transaction:
        raise RuntimeError(f"the trigger {name} can only be dropped inside a transaction")
    sql = _trigger_sql(conn, name)
    if sql is None:
        yield False
        return
    conn.execute(f"DROP TRIGGER {name}")
    try:
        yield True
    finally:
        # After a failure the transaction may already be rolled back (trigger back):
        # create it only where it is missing, so the original error is what is raised.
        if _trigger_sql(conn, name) is None:
            conn.execute(sql)
