"""set_read_only / set_writable on both engines: the program refuses writes with the
reason, the database itself refuses them too (SQLite's query_only, PostgreSQL's
read-only session), and set_writable lets them through again."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from annotator.core.errors import ReadOnlyProjectError
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project
from tests.store.test_server_faults import TEXT, _cut

REASON = "the disk was remounted read-only"
# What each engine raises for a write on a connection it was told to keep read-only.
ENGINE_REFUSALS = (sqlite3.OperationalError, psycopg.errors.ReadOnlySqlTransaction)


def test_read_only_is_enforced_by_the_engine_and_set_writable_undoes_it(
    project: ProjectStore,
) -> None:
    project.documents.add(TEXT, "حلب")
    project.set_read_only(REASON)
    assert project.read_only
    with pytest.raises(ReadOnlyProjectError, match=REASON):
        project.documents.add(TEXT + " (2)", "ثانية")
    with pytest.raises(ENGINE_REFUSALS):  # SQL past the program's check: refused as well
        project.db.execute("DELETE FROM documents")
    assert project.documents.count() == 1

    project.set_writable()
    assert not project.read_only
    project.documents.add(TEXT + " (2)", "ثانية")
    assert project.documents.count() == 2


def test_a_server_session_made_again_after_a_cut_stays_read_only(
    pg_server, server_url: str
) -> None:
    with create_project(server_url, default_schema()) as store:
        store.set_read_only(REASON)
        _cut(pg_server, store)
        assert store.documents.count() == 0  # the read connects again
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            store.db.execute("DELETE FROM documents")
        store.set_writable()
        store.documents.add(TEXT, "حلب")
        assert store.documents.count() == 1
