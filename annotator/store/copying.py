"""Copying a whole project from one store to another: file to server, server to file, any pair.

Every row is copied as it is (same global ids, same timestamps, same project
order: a document's rowid goes with it), into a project just created at the
current schema version, in one write transaction of the target: a copy that
fails leaves the target without a single copied row. Live sessions are not
copied (they belong to the windows open on the source).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ProjectError
from annotator.store.text_codec import keeper, unpack

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

# Parents before children, so every foreign key finds its row.
TABLES = (
    "project_meta",
    "documents",
    "annotators",
    "statuses",
    "assignments",
    "spans",
    "events",
    "event_arguments",
    "rejections",
    "span_confidence",
    "event_confidence",
    "suggestion_outcomes",
    "work_time",
    "recommender_state",
    "notes",
    "document_splits",
)
# Columns one engine derives itself (PostgreSQL's folded search columns).
_DERIVED = {"search_title", "search_text", "rowid"}
_BATCH = 1000
# progress(table, rows copied so far)
CopyProgress = Callable[[str, int], None]


def copy_rows(
    source: ProjectStore, target: ProjectStore, progress: CopyProgress | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty project ``target``; returns rows per table."""
    if target.documents.count() or target.annotators.all():
        raise ProjectError(f"{target.path}: the target project is not empty; nothing was copied")
    counts: dict[str, int] = {}
    with source.snapshot(), target.transaction():
        target.db.execute("DELETE FROM project_meta")  # the source's metadata, schema included
        for table in TABLES:
            counts[table] = _copy_table(source, target, table, progress)
        if target.on_server:  # new documents are numbered after the copied ones
            target.db.execute(
                "SELECT setval(pg_get_serial_sequence('documents', 'rowid'), "
                "coalesce(max(rowid), 0) + 1, false) FROM documents"
            )
    target._schema = None  # read again: it is the source's now
    return counts


def _columns(store: ProjectStore, table: str) -> list[str]:
    cursor = store.db.execute(f"SELECT * FROM {table} LIMIT 0")
    names = [column[0] for column in cursor.description]
    kept = [name for name in names if name not in _DERIVED]
    return ["rowid", *kept] if table == "documents" else kept


def _text_converter(target: ProjectStore, columns: list[str]) -> Callable[[Any], tuple]:
    """A document row as ``target`` keeps it: its text compressed in a file, plain on a
    server (store.text_codec), whichever way the source kept it."""
    at = columns.index("text")
    store = keeper(target.dialect.packs_text)

    def converted(row: Any) -> tuple:
        values = list(row)
        values[at] = store(unpack(values[at]))
        return tuple(values)

    return converted


def _copy_table(
    source: ProjectStore, target: ProjectStore, table: str, progress: CopyProgress | None
) -> int:
    columns = _columns(source, table)
    listed = ", ".join(f'"{c}"' if c == "end" else c for c in columns)
    order = " ORDER BY rowid" if table == "documents" else ""
    rows_read = source.stream_rows(f"SELECT {listed} FROM {table}{order}")
    insert = f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' * len(columns))})"
    convert = _text_converter(target, columns) if table == "documents" else tuple
    copied = 0
    while rows := list(itertools.islice(rows_read, _BATCH)):
        target.db.conn.executemany(insert, [convert(row) for row in rows])
        copied += len(rows)
        if progress is not None:
            progress(table, copied)
    return copied
