"""A database that is not an annotator project (empty, another program's tables, another
program's own ``schema_version``, a newer project) is refused with a message naming the
URL without its password, and left exactly as it was. ``annotator check``'s structure
comparison finds hand-made changes and leaves the database as it was too."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from annotator.core.errors import NewerProjectError, NotAProjectError, ProjectError
from annotator.core.server_urls import ServerLocation
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project
from annotator.store.migrations import LATEST_VERSION
from annotator.store.server import ServerStore
from annotator.store.server_check import structure_problems


def _with_password(url: str) -> str:
    """The test server trusts local connections: a password in the URL is ignored by it."""
    return url.replace("postgres:@", "postgres:hunter2@", 1)


def _catalogue(url: str) -> tuple[object, ...]:
    """Everything opening could have changed: schemas, tables, columns, functions, rows."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = [
            conn.execute(sql).fetchall()
            for sql in (
                "SELECT nspname FROM pg_namespace ORDER BY 1",
                "SELECT schemaname, tablename FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'public' ORDER BY 1, 2",
                "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
                "ORDER BY 1",
            )
        ]
        if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0]:
            rows.append(conn.execute("SELECT * FROM schema_version ORDER BY 1").fetchall())
    return tuple(map(tuple, rows))


def _run(url: str, *statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


CASES: dict[str, tuple[str, ...]] = {
    "empty": (),
    "another program's tables": (
        "CREATE TABLE customers (id serial PRIMARY KEY, name text)",
        "INSERT INTO customers (name) VALUES ('Karim')",
    ),
    "another program's schema_version": (
        "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL)",
        "INSERT INTO schema_version VALUES (1, 'V1__create_customers')",
        "CREATE TABLE customers (id serial PRIMARY KEY)",
    ),
    "a schema_version of other columns": (
        "CREATE TABLE schema_version (version text, installed_on timestamptz)",
        "INSERT INTO schema_version VALUES ('1.0.3', now())",
    ),
}
REASONS = {
    "empty": "the database is empty",
    "another program's tables": "it holds 1 table(s) of another program",
    "another program's schema_version": "its schema_version table is another program's",
    "a schema_version of other columns": "its schema_version table is another program's",
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("read_only", [False, True])
def test_a_database_that_is_not_a_project_is_refused_untouched(
    server_url: str, case: str, read_only: bool
) -> None:
    _run(server_url, *CASES[case])
    before = _catalogue(server_url)
    with pytest.raises(NotAProjectError) as caught:
        open_project(_with_password(server_url), read_only=read_only)
    message = str(caught.value)
    assert message.startswith(f"{ServerLocation(server_url).shown}: not an annotator project")
    assert REASONS[case] in message
    assert "hunter2" not in message
    assert caught.value.message_id == "not_a_server_project"
    assert _catalogue(server_url) == before


def test_a_project_of_a_newer_version_is_refused_untouched(server_url: str) -> None:
    create_project(server_url, default_schema()).close()
    _run(
        server_url,
        f"INSERT INTO schema_version (version, name) VALUES ({LATEST_VERSION + 1}, 'future')",
    )
    before = _catalogue(server_url)
    with pytest.raises(NewerProjectError, match=f"format {LATEST_VERSION + 1}") as caught:
        open_project(_with_password(server_url))
    assert str(caught.value).startswith(ServerLocation(server_url).shown)
    assert "hunter2" not in str(caught.value)
    assert _catalogue(server_url) == before


def test_a_project_without_its_meta_table_is_refused(server_url: str) -> None:
    create_project(server_url, default_schema()).close()
    _run(server_url, "DROP TABLE project_meta")
    with pytest.raises(NotAProjectError, match="it has no project_meta table"):
        open_project(server_url)


def test_a_project_opens_after_the_checks(server_url: str) -> None:
    create_project(server_url, default_schema(), name="أخبار").close()
    with open_project(_with_password(server_url)) as store:
        assert store.name == "أخبار"
        assert store.file_version() == LATEST_VERSION


def _check(url: str) -> list[str]:
    store = ServerStore(ServerLocation(url), "checking")
    try:
        return structure_problems(store.db, store.location)
    finally:
        store.close()


def test_the_structure_check_passes_a_sound_project_and_changes_nothing(server_url: str) -> None:
    create_project(server_url, default_schema()).close()
    before = _catalogue(server_url)
    assert _check(server_url) == []
    assert _catalogue(server_url) == before  # the scratch schema went with its transaction


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ("DROP TRIGGER spans_in_text ON spans", "missing trigger spans.spans_in_text"),
        ("ALTER TABLE spans ALTER COLUMN label DROP NOT NULL",
         "changed column spans.label: text (expected text NOT NULL)"),
        ("ALTER TABLE documents ADD COLUMN note integer", "unexpected column documents.note"),
        ("DROP INDEX statuses_by_annotator", "missing index statuses.statuses_by_annotator"),
        ("ALTER TABLE spans DROP CONSTRAINT spans_check", "missing constraint spans.spans_check"),
    ],
)  # fmt: skip
def test_the_structure_check_finds_a_hand_made_change(
    server_url: str, change: str, found: str
) -> None:
    create_project(server_url, default_schema()).close()
    _run(server_url, change, "CREATE TABLE notes_of_another_program (x integer)")
    problems = _check(server_url)
    assert [p for p in problems if p.startswith(found)] and len(problems) == 1, problems


def test_the_structure_check_refuses_a_database_that_is_not_a_project(
    fresh_database: Callable[[], str],
) -> None:
    with pytest.raises(NotAProjectError, match="the database is empty"):
        _check(fresh_database())


def test_the_structure_check_of_a_secured_project_with_live_updates(server_url: str) -> None:
    """`annotator server init`'s triggers are expected; its roles and policies are its own."""
    from annotator.services import team_server
    from tests.team_helpers import as_user

    team_server.init_server(server_url, "lina")
    before = _catalogue(server_url)
    assert _check(server_url) == []
    assert _catalogue(server_url) == before
    _run(server_url, "DROP TRIGGER statuses_notify ON statuses")
    assert _check(server_url) == ["missing trigger statuses.statuses_notify"]
    # A person without the right to create a schema is told why the check cannot run.
    team_server.add_user(server_url, "amal", "annotator")
    with pytest.raises(ProjectError, match="scratch schema, which this user may not create"):
        _check(as_user(server_url, "amal"))
