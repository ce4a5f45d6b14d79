"""Checking that a project file's tables are the ones its format version defines.

A file altered by hand (a dropped column, table or trigger, a CHECK constraint
removed, rows written with ``PRAGMA ignore_check_constraints``) would pass
SQLite's own checks and fail later, in the middle of an export or an edit. On
opening, its tables, columns, indexes, triggers and CHECK constraints are
compared with those the migrations create for its ``user_version`` (built once
per version in memory), and the few values the code relies on are checked.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3

from sqlite_utils import Database

from annotator.store.migrations import migrations

log = logging.getLogger(__name__)
_SPACES = re.compile(r"\s+")
# Values the program relies on but a hand-written row could break (read-only queries).
_DATA_CHECKS = (
    ("an annotator of unknown kind",
     "SELECT name FROM annotators WHERE kind NOT IN ('human', 'model', 'gold') "
     "OR typeof(name) != 'text' LIMIT 1"),
    ("a status that does not exist",
     "SELECT document_id FROM statuses "
     "WHERE status NOT IN ('new', 'in_progress', 'done', 'skipped') LIMIT 1"),
    ("a span whose offsets are not whole numbers in order",
     'SELECT id FROM spans WHERE typeof(start) != \'integer\' OR typeof("end") != \'integer\' '
     'OR start < 0 OR start >= "end" LIMIT 1'),
    ("an event whose trigger offsets are not whole numbers in order",
     "SELECT id FROM events WHERE typeof(trigger_start) != 'integer' "
     "OR typeof(trigger_end) != 'integer' OR trigger_start < 0 "
     "OR trigger_start >= trigger_end LIMIT 1"),
    ("a document whose text, title or metadata is not text",
     "SELECT id FROM documents WHERE typeof(text) NOT IN ('text', 'blob') "
     "OR typeof(title) != 'text' "
     "OR typeof(meta) != 'text' LIMIT 1"),
)  # fmt: skip


def structure(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) -> CREATE statement (whitespace normalised) of every schema object."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL "
        # sqlite-utils' own bookkeeping table, whose layout its versions may change.
        "AND tbl_name != '_sqlite_migrations'"
    )
    return {(kind, name): _SPACES.sub(" ", sql).strip() for kind, name, sql in rows}


@functools.cache
def expected_structures() -> dict[int, dict[tuple[str, str], str]]:
    """user_version -> the structure the migrations, in order, give a file of that version.

    Built by running the migrations on an empty database in memory. Should a step
    ever need data an empty file lacks, the versions from that step on are not
    checked (logged), rather than every project being refused.
    """
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    versions = {0: structure(db.conn)}
    names = [m.name for m in migrations._migrations]  # sqlite-utils keeps no public list
    try:
        for later in [*names[1:], None]:
            migrations.apply(db, stop_before=later)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            versions[version] = structure(db.conn)
    except Exception:  # a migration's own bug must not lock every project
        log.exception("cannot build the expected file structure past format %s", max(versions))
    finally:
        db.close()
    return versions


@functools.cache
def structure_after(applied: tuple[str, ...]) -> dict[tuple[str, str], str] | None:
    """The structure the named migrations, applied in this order, give (None: unknown)."""
    steps = {m.name: m for m in migrations._migrations}
    if any(name not in steps for name in applied):
        return None  # a step this version does not know (a newer file is refused earlier)
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    try:
        for name in applied:
            steps[name].fn(db)
        return structure(db.conn)
    except Exception:
        log.exception("cannot build the structure of migrations %s", applied)
        return None
    finally:
        db.close()


def applied_migrations(conn: sqlite3.Connection) -> tuple[str, ...] | None:
    """The names of the migrations applied to the file, in the order applied."""
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
            [migrations.name],
        ).fetchall()
    except sqlite3.DatabaseError:
        return None
    return tuple(name for (name,) in rows)


def structure_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs between the file's schema objects and those its migrations create.

    The expectation follows the migrations the file records as applied (branches of
    development may have applied them in another order than their numbers), else
    its ``user_version``.
    """
    applied = applied_migrations(conn)
    expected = structure_after(applied) if applied else expected_structures().get(version)
    if expected is None:
        return []  # not buildable (see above); the quick check still ran
    found = structure(conn)
    problems = []
    for key, sql in expected.items():
        if key not in found:
            problems.append(f"{key[0]} {key[1]!r} is missing")
        elif found[key] != sql:
            problems.append(f"{key[0]} {key[1]!r} was changed ({_difference(sql, found[key])})")
    problems += [f"unexpected {kind} {name!r}" for kind, name in found.keys() - expected.keys()]
    return problems


# Needs SQLite's JSON functions (built in since 3.38); skipped where they are missing,
# the export then refuses such a meta itself (DocumentRow.meta_dict).
_META_CHECK = (
    "a document whose meta is not a JSON object",
    "SELECT id FROM documents WHERE NOT json_valid(meta) OR json_type(meta) != 'object' LIMIT 1",
)


# From format 7 on (migration 0007): the length the range triggers trust (kept by
# triggers, which a hand-made file may have lacked while writing); older formats lack it.
# From format 8 on a text may be compressed: one that cannot be read fails here too.
_LENGTH_CHECK = (
    "a document whose text cannot be read or whose recorded length is not its text's",
    "SELECT id FROM documents WHERE chars IS NOT annotator_text_length(text) LIMIT 1",
)


def data_problems(conn: sqlite3.Connection) -> list[str]:
    """Rows that break what the program relies on (only run on a file of the right structure)."""
    problems = []
    optional = (_META_CHECK, _LENGTH_CHECK)
    for what, sql in (*_DATA_CHECKS, *optional):
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.OperationalError as exc:
            # An older format's missing column, or a SQLite without JSON functions; never
            # this program's own functions (store.text_codec), which every reader registers.
            if (what, sql) in optional and "annotator_" not in str(exc):
                continue
            raise
        if row is not None:
            problems.append(f"{what} ({row[0]!r})")
    return problems


def _difference(expected: str, found: str) -> str:
    """The first place two CREATE statements differ, briefly."""
    pairs = enumerate(zip(expected, found, strict=False))
    i = next((i for i, (a, b) in pairs if a != b), min(len(expected), len(found)))
    start = max(0, i - 20)
    return f"expected {expected[start : i + 30]!r}, found {found[start : i + 30]!r}"
