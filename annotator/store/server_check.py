"""Recognising an annotator project in a PostgreSQL database, and checking its tables.

A database is an annotator project when it holds our ``schema_version`` table
(the columns we create, the step names we write) and ``project_meta``. Anything
else (an empty database, another program's tables, even another program's own
``schema_version``) is refused before anything is written, so opening the wrong
URL changes nothing; a version newer than this program's is refused too.

``annotator check`` on a server compares the tables, columns, constraints,
indexes, triggers and functions with those the schema steps create (and the
live-update triggers, when the project has them; row-level security's policies,
roles and grants are ``annotator server init``'s and not compared). The
reference is built by running the steps in a scratch schema inside a transaction
that is rolled back (PostgreSQL's DDL is transactional), so the check leaves the
database exactly as it was.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import psycopg

from annotator.core.errors import NewerProjectError, NotAProjectError, ProjectError
from annotator.core.server_urls import ServerLocation
from annotator.store.migrations import LATEST_VERSION
from annotator.store.pg_live import has_notifications, install_notifications
from annotator.store.pg_schema import _VERSION_TABLE, STEPS

if TYPE_CHECKING:
    from annotator.store.pg import PgDatabase

# The columns of our schema_version table that recognising a project relies on.
_VERSION_COLUMNS = {"version": "integer", "name": "text"}
# Made only where the server offers pg_trgm: their absence is not damage.
_OPTIONAL = {
    ("index", "documents.documents_search_title"),
    ("index", "documents.documents_search_text"),
}


def project_version(db: PgDatabase, location: ServerLocation) -> int:
    """The schema version of the annotator project in ``db``; only reads.

    Raises NotAProjectError (naming ``location``, never a password) for a database
    that is not an annotator project, NewerProjectError for a newer one.
    """
    columns = _version_columns(db)
    if columns is None:
        others = _table_count(db)
        what = (
            f"it holds {others} table(s) of another program" if others
            else "the database is empty"
        )
        raise _not_a_project(location, what)
    if any(columns.get(name) != kind for name, kind in _VERSION_COLUMNS.items()):
        raise _not_a_project(location, "its schema_version table is another program's")
    try:
        rows = db.execute("SELECT version, name FROM schema_version").fetchall()
    except psycopg.Error as exc:  # unreadable: not ours, or not ours to read
        raise _not_a_project(location, f"its schema_version table cannot be read ({exc})") from exc
    version = max((row[0] for row in rows), default=0)
    known = {number: name for number, (name, _sql) in STEPS.items()}
    if version == 0 or any(name != known[number] for number, name in rows if number in known):
        raise _not_a_project(location, "its schema_version table is another program's")
    if not _has_table(db, "project_meta"):
        raise _not_a_project(location, "it has no project_meta table")
    if version > LATEST_VERSION:
        raise NewerProjectError(
            f"{location}: written by a newer version of annotator (format {version}, this "
            f"version reads up to {LATEST_VERSION}); please upgrade annotator",
            message_id="newer_server_project", arguments=(location, version, LATEST_VERSION),
        )
    return version


def _not_a_project(location: ServerLocation, why: str) -> NotAProjectError:
    return NotAProjectError(
        f"{location}: not an annotator project ({why}); nothing was changed",
        message_id="not_a_server_project", arguments=(location,),
    )


def _version_columns(db: PgDatabase) -> dict[str, str] | None:
    """Column name -> type of the schema_version table the search path finds; None if none."""
    if not _has_table(db, "schema_version"):
        return None
    rows = db.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = to_regclass('schema_version') AND attnum > 0 AND NOT attisdropped"
    ).fetchall()
    return {name: kind for name, kind in rows}


def _has_table(db: PgDatabase, name: str) -> bool:
    return bool(db.execute("SELECT to_regclass(?) IS NOT NULL", [name]).fetchone()[0])


def _table_count(db: PgDatabase) -> int:
    return int(db.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
    ).fetchone()[0])


# -- annotator check on a server ----------------------------------------------------------

Structure = dict[tuple[str, str], str]


def structure_problems(db: PgDatabase, location: ServerLocation) -> list[str]:
    """What differs between the project's tables and those its steps create ([]: none).

    Extra tables are not reported (a database may hold other programs' tables
    beside a project); extra columns, constraints, indexes and triggers on the
    project's own tables are.
    """
    version = project_version(db, location)
    if version < LATEST_VERSION:
        return [f"format {version}: older than this version's {LATEST_VERSION}; opening it "
                "in annotator brings it up to date"]
    actual, expected = _structures(db, location)
    ours = {name for kind, name in expected if kind == "table"}
    problems = []
    for key, definition in sorted(expected.items()):
        if key not in actual:
            if key not in _OPTIONAL:
                problems.append(f"missing {key[0]} {key[1]}")
        elif actual[key] != definition:
            problems.append(f"changed {key[0]} {key[1]}: {actual[key]} (expected {definition})")
    for key in sorted(actual.keys() - expected.keys()):
        if key[0] != "table" and key[1].split(".", 1)[0] in ours:
            problems.append(f"unexpected {key[0]} {key[1]}: {actual[key]}")
    return problems


def _structures(db: PgDatabase, location: ServerLocation) -> tuple[Structure, Structure]:
    """(the project's structure, the structure the steps create), read in one transaction
    that is rolled back: the scratch schema and everything in it vanish with it."""
    conn = db.conn
    schema = db.execute("SELECT current_schema()").fetchone()[0]
    path = db.execute("SELECT current_setting('search_path')").fetchone()[0]
    scratch = f"annotator_check_{secrets.token_hex(6)}"
    notifies = has_notifications(db)  # made at creation by versions with live updates
    conn.execute("BEGIN READ WRITE")  # the session may be read-only; nothing is kept
    try:
        actual = _describe(db, schema)
        try:
            conn.execute(f"CREATE SCHEMA {scratch}")
        except psycopg.errors.InsufficientPrivilege as exc:
            raise ProjectError(
                f"{location}: the check builds its reference in a scratch schema, which this "
                "user may not create (CREATE privilege on the database); ask the server's "
                "administrator to run it"
            ) from exc
        conn.execute(f"SET LOCAL search_path = {scratch}, {path}")
        conn.script(_VERSION_TABLE)
        for number in sorted(STEPS):
            conn.script(STEPS[number][1])
        if notifies:
            install_notifications(db)
        expected = _describe(db, scratch)
    finally:
        conn.rollback()
    return actual, expected


def _describe(db: PgDatabase, schema: str) -> Structure:
    """(kind, name) -> definition of every table, column, constraint, index, trigger and
    function in ``schema``, its name left out of the definitions."""
    queries = {
        "table": "SELECT relname, '' FROM pg_class WHERE relnamespace = ?::regnamespace "
                 "AND relkind IN ('r', 'p')",
        "column": "SELECT c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod) "
                  "|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END "
                  "|| coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') "
                  "|| CASE WHEN a.attidentity <> '' THEN ' IDENTITY' ELSE '' END "
                  "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                  "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                  "WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('r', 'p') "
                  "AND a.attnum > 0 AND NOT a.attisdropped",
        "constraint": "SELECT c.relname || '.' || k.conname, pg_get_constraintdef(k.oid) "
                      "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                      "WHERE k.connamespace = ?::regnamespace",
        "index": "SELECT t.relname || '.' || c.relname, pg_get_indexdef(c.oid) "
                 "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                 "JOIN pg_class t ON t.oid = i.indrelid WHERE c.relnamespace = ?::regnamespace",
        "trigger": "SELECT c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid) "
                   "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                   "WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal",
        "function": "SELECT p.proname, p.prosrc FROM pg_proc p "
                    "WHERE p.pronamespace = ?::regnamespace",
    }  # fmt: skip
    found: Structure = {}
    for kind, sql in queries.items():
        for name, definition in db.execute(sql, [schema]).fetchall():
            found[kind, name] = _unqualified(" ".join(str(definition).split()), schema)
    return found


def _unqualified(definition: str, schema: str) -> str:
    return definition.replace(f'"{schema}".', "").replace(f"{schema}.", "")
