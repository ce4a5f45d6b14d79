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
