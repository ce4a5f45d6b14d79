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

# SQLite's oldest limit on parameters per statement (999 before 3.32), for a
# Python without Connection.getlimit (3.10); 3.32 and later allow 32,766 by
# default, which bounds a statement's text too (some builds allow far more).
_OLDEST_MAX_PARAMETERS = 999
_MAX_PARAMETERS = 32_766


def max_parameters(conn: sqlite3.Connection) -> int:
    """How many parameters one statement on ``conn`` is given (at most 32,766)."""
    getlimit = getattr(conn, "getlimit", None)
    if getlimit is None:
        return _OLDEST_MAX_PARAMETERS
    limit = int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[attr-defined]
    return min(limit, _MAX_PARAMETERS)


def insert_rows(
    conn: sqlite3.Connection,
    head: str,
    rows: Sequence[Sequence[object]],
    tail: str = "",
    *,
    rest_at_once: bool = False,
) -> None:
    """Run ``head VALUES (...), (...) tail`` over ``rows``, as many rows a statement as fit.

    ``head`` is ``INSERT INTO table (columns)``; ``tail`` an optional ``ON CONFLICT``
    clause. Every row has the same number of values. ``rest_at_once`` writes the rows
    left after the full statements in one statement, not in ``statement_sizes``: for
    the search index, where each statement costs a segment (FTS5 writes what it holds
    at every statement's savepoint) and whose callers write batches of a few sizes.
    """
    if not rows:
        return
    width = len(rows[0])
    marks = "(" + ", ".join("?" * width) + ")"
    per_statement = max(1, max_parameters(conn) // width)
    sizes = statement_sizes(len(rows), per_statement)
    if rest_at_once:
        full, rest = divmod(len(rows), per_statement)
        sizes = [per_statement] * full + ([rest] if rest else [])
    start = 0
    for size in sizes:
        chunk = rows[start : start + size]
        start += size
        values = ", ".join([marks] * size)
        conn.execute(f"{head} VALUES {values} {tail}", list(chain.from_iterable(chunk)))


def statement_sizes(count: int, per_statement: int) -> list[int]:
    """How many rows each statement inserts, for ``count`` rows: full statements, then
    the rest in powers of two, largest first.

    A connection keeps the statements it ran (Python's cache of 128, keyed by their
    text), and a statement of thousands of rows is a long text and a long compiled
    program: with a statement for every remainder an import filled that cache with a
    hundred of them (Python's heap 1.5 MB larger at 25,000 articles than at 2,500, the
    process 45 MB larger at 10,000). So: a few sizes, whatever the counts.
    """
    full, rest = divmod(count, per_statement)
    sizes = [per_statement] * full
    sizes += [1 << bit for bit in reversed(range(rest.bit_length())) if rest >> bit & 1]
    return sizes


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
