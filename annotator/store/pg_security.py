"""Who may do what in a server project: roles, grants and row-level security.

Each person connects as their own PostgreSQL login role, and the role's name is
their annotator name. Three group roles per project database (roles are
cluster-wide, so they are named after the database) give the rights:

* ``DB_annotator``: reads the project; writes only rows whose annotator is the
  login role itself (spans, events and their arguments and confidences, statuses,
  notes, suggestion outcomes and rejections, work time, sessions, recommenders).
* ``DB_reviewer``: an annotator who also writes the gold (annotators of kind
  gold) and reads everyone's work whatever the project's policy.
* ``DB_lead``: a reviewer who also writes everything else: documents,
  assignments, splits, the schema and settings, other annotators' rows (imports,
  merges, model suggestions).

The tables stay owned by the administrative role that ran ``annotator server
init`` (owners bypass row-level security; nobody annotates as it). Policies
compare with ``session_user``, the login role: ``SET ROLE`` cannot borrow
another annotator's rows. The project policy ``hide_others_until_adjudicated``
(project_meta) hides other annotators' work from annotators on a document until
its gold status is done.

Everything here is idempotent: ``secure`` runs again after a migration, and
adding a person twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psycopg import sql

from annotator.core.errors import ProjectError
from annotator.core.team import ROLES
from annotator.store.clock import utc_now
from annotator.store.pg_schema import hidden_visible

if TYPE_CHECKING:
    from annotator.store.pg import PgDatabase

# project_meta keys: roles are enforced; the policy hiding other annotators' work.
SECURED_KEY = "roles_enforced"
HIDE_KEY = "hide_others_until_adjudicated"

# Tables whose rows belong to one annotator (an ``annotator`` column).
OWN_TABLES = (
    "spans", "events", "statuses", "notes", "rejections", "suggestion_outcomes",
    "work_time", "recommender_state", "sessions",
)
# Tables whose rows belong to the annotator of another row: (table, parent, column).
CHILD_TABLES = (
    ("event_arguments", "events", "event_id"),
    ("span_confidence", "spans", "span_id"),
    ("event_confidence", "events", "event_id"),
)
CHILD_NAMES = tuple(child for child, _, _ in CHILD_TABLES)
# Tables whose rows are an annotator's work: their own, or their parent row's.
WORK_TABLES = (*OWN_TABLES, *CHILD_NAMES)
# Tables of the lead only (annotators read them).
LEAD_TABLES = ("project_meta", "documents", "assignments", "document_splits", "schema_version")
# Whose work each own-table row is, for reading under the hide policy (sessions and
# recommenders are nobody's work to hide).
HIDDEN_TABLES = ("spans", "events", "statuses", "notes", "rejections", "suggestion_outcomes")
# PostgreSQL cuts longer names to this many bytes (NAMEDATALEN - 1) with a mere NOTICE:
# two people (or a group and a person) would silently share one role.
MAX_ROLE_BYTES = 63
# What the project's leads may do to its tables: not ALL, whose TRIGGER privilege would
# let a lead run code as whoever writes next (the administrator included), and whose
# TRUNCATE empties a table past row-level security.
LEAD_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"

_FUNCTIONS = f"""
-- True when other annotators' work on ``doc`` is hidden from annotators: the lead
-- asked so, and no gold status of the document is done yet. SECURITY DEFINER: it
-- reads the gold statuses past the row-level security it serves.
CREATE OR REPLACE FUNCTION annotator_hidden(doc text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM project_meta WHERE key = '{HIDE_KEY}' AND value = '1')
       AND NOT EXISTS (SELECT 1 FROM statuses s JOIN annotators a ON a.name = s.annotator
                       WHERE s.document_id = doc AND a.kind = 'gold' AND s.status = 'done')
$$;
"""


# The trigger functions keeping the invariants (store.pg_schema) read tables by name,
# and run as whoever writes: under that person's search_path a temporary table of
# theirs (pg_temp first) would stand in for ``documents`` or ``spans`` and let a span
# end past its text. Pinned, as the SECURITY DEFINER function is.
PINNED_FUNCTIONS = (
    "annotator_check_offsets()", "annotator_text_immutable()", "annotator_argument_place()",
    "annotator_text_length()",
)
_PINNED_PATH = "SET search_path = pg_catalog, public, pg_temp"


@dataclass(frozen=True)
class Groups:
    """The group roles of one project database."""

    database: str

    def __post_init__(self) -> None:
        longest = max(len(f"{self.database}_{kind}".encode()) for kind in ROLES)
        if longest > MAX_ROLE_BYTES:
            raise ProjectError(
                f"the database name {self.database!r} is too long for its group roles "
                f"({self.database}_annotator and the others must fit in {MAX_ROLE_BYTES} bytes "
                f"of UTF-8): use a database name of at most "
                f"{MAX_ROLE_BYTES - len('_annotator')} bytes"
            )

    def role(self, kind: str) -> str:
        if kind not in ROLES:
            raise ProjectError(f"no role {kind!r}: choose one of {', '.join(ROLES)}")
        return f"{self.database}_{kind}"

    @property
    def names(self) -> list[str]:
        return [self.role(kind) for kind in ROLES]


def _ident(name: str) -> str:
    return sql.Identifier(name).as_string(None)


def _literal(value: str) -> str:
    return sql.Literal(value).as_string(None)


def _role_exists(db: PgDatabase, name: str) -> bool:
    return bool(db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", [name]).fetchone())


def _create_groups(db: PgDatabase, groups: Groups) -> list[str]:
    """The group roles (made if missing), each inheriting the rights of the one below."""
    statements = []
    for name in groups.names:
        if not _role_exists(db, name):
            statements.append(f"CREATE ROLE {_ident(name)} NOLOGIN")
    annotator, reviewer, lead = (_ident(n) for n in groups.names)
    statements += [f"GRANT {annotator} TO {reviewer}", f"GRANT {reviewer} TO {lead}"]
    return statements


def _grants(groups: Groups, database: str) -> list[str]:
    annotator, _, lead = (_ident(n) for n in groups.names)
    writable = [*WORK_TABLES, "annotators"]
    return [
        f"REVOKE ALL ON DATABASE {_ident(database)} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident(database)} TO {annotator}",
        # Before PostgreSQL 15 everybody may create objects in ``public``: a function
        # named like a built-in there would run as whoever calls it (CVE-2018-1058).
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {annotator}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {annotator}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(writable)} TO {annotator}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {lead}",  # an older ALL
        f"GRANT {LEAD_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO {lead}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {lead}",
        "REVOKE ALL ON FUNCTION annotator_hidden(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION annotator_hidden(text) TO {annotator}",
    ]


def _policy(name: str, table: str, command: str, role: str, using: str | None,
            check: str | None) -> str:
    text = f"CREATE POLICY {_ident(name)} ON {table} FOR {command} TO {_ident(role)}"
    if using is not None:
        text += f" USING ({using})"
    if check is not None:
        text += f" WITH CHECK ({check})"
    return text


def _table_policies(table: str, groups: Groups, owner: str) -> list[str]:
    """The policies of one table; ``owner`` is an SQL condition: the row is the login
    role's (``{who}`` stands for the annotator expression it compares)."""
    annotator, reviewer, lead = groups.names
    mine = owner.format(who="session_user")
    gold = owner.replace("= {who}", "IN (SELECT name FROM annotators WHERE kind = 'gold')")
    visible = mine
    if table in HIDDEN_TABLES:  # a model's suggestions are nobody's work to hide
        visible = hidden_visible(table, mine)
    elif table in CHILD_NAMES:
        # Seen when its parent row is: the subquery runs under the parent's own
        # policies, so an argument or a confidence is hidden with its event or span.
        visible = owner.replace(" AND p.annotator = {who}", "")
    if table == "sessions":
        visible = "true"  # a second window of someone must see their live session
    return [
        _policy(f"{table}_read", table, "SELECT", annotator, visible, None),
        # Another's row is out of reach of UPDATE and DELETE (they change nothing);
        # an INSERT or an UPDATE giving a row to another fails at the check.
        _policy(f"{table}_insert", table, "INSERT", annotator, None, mine),
        _policy(f"{table}_update", table, "UPDATE", annotator, mine, mine),
        _policy(f"{table}_delete", table, "DELETE", annotator, mine, None),
        _policy(f"{table}_review", table, "SELECT", reviewer, "true", None),
        _policy(f"{table}_gold", table, "ALL", reviewer, gold, gold),
        _policy(f"{table}_lead", table, "ALL", lead, "true", "true"),
    ]


def _policies(groups: Groups) -> list[str]:
    annotator, reviewer, lead = groups.names
    statements = []
    for table in OWN_TABLES:
        statements += _table_policies(table, groups, "annotator = {who}")
    for table, parent, column in CHILD_TABLES:
        owner = (f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column} "
                 "AND p.annotator = {who})")
        statements += _table_policies(table, groups, owner)
    for table in LEAD_TABLES:
        statements += [
            _policy(f"{table}_read", table, "SELECT", annotator, "true", None),
            _policy(f"{table}_lead", table, "ALL", lead, "true", "true"),
        ]
    statements += [
        _policy("annotators_read", "annotators", "SELECT", annotator, "true", None),
        _policy("annotators_self", "annotators", "INSERT", annotator, None,
                "name = session_user AND kind = 'human'"),
        _policy("annotators_gold", "annotators", "INSERT", reviewer, None, "kind = 'gold'"),
        _policy("annotators_lead", "annotators", "ALL", lead, "true", "true"),
    ]
    return statements


def _tables() -> list[str]:
    return [*WORK_TABLES, *LEAD_TABLES, "annotators"]


def _drop_policies(db: PgDatabase) -> list[str]:
    rows = db.execute(
        "SELECT policyname, tablename FROM pg_policies WHERE schemaname = current_schema()"
    ).fetchall()
    return [f"DROP POLICY {_ident(name)} ON {_ident(table)}" for name, table in rows]


def secure(db: PgDatabase, database: str) -> None:
    """Create the group roles, grants and policies of the project in ``database``
    (replacing earlier ones), inside the caller's transaction."""
    groups = Groups(database)
    statements = [_FUNCTIONS, *_create_groups(db, groups), *_drop_policies(db)]
    statements += _grants(groups, database)
    statements += [f"ALTER FUNCTION {name} {_PINNED_PATH}" for name in PINNED_FUNCTIONS]
    statements += [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY" for table in _tables()]
    statements += _policies(groups)
    statements.append(
        "INSERT INTO project_meta (key, value) VALUES ('" + SECURED_KEY + "', '1') "
        "ON CONFLICT (key) DO NOTHING"
    )
    db.conn.script(";\n".join(statements))


def is_secured(db: PgDatabase) -> bool:
    """True when the project's rights are enforced by roles (``annotator server init``)."""
    row = db.execute("SELECT value FROM project_meta WHERE key = ?", [SECURED_KEY]).fetchone()
    return row is not None and row[0] == "1"


# -- people -------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A person of the project: their login role and the project role they have."""

    name: str
    role: str
    can_login: bool


def add_member(db: PgDatabase, database: str, name: str, role: str,
               password_hash: str | None = None) -> None:
    """Make ``name`` a login role (if new) with ``role`` in this project (replacing the
    role they had), and an annotator of the project. ``password_hash`` is libpq's
    client-side hash (SCRAM); the plain password never reaches the server."""
    groups = Groups(database)
    wanted = groups.role(role)
    if name in groups.names or not name.strip():
        raise ProjectError(f"{name!r} cannot be a person's name in this project")
    admin = db.execute("SELECT current_user").fetchone()[0]
    if name == admin:
        raise ProjectError(
            f"{name!r} is the administrative role the tables belong to: nobody annotates as "
            "it (row-level security does not apply to it). Give the person their own name."
        )
    _check_person(db, name)
    statements = []
    if not _role_exists(db, name):
        statements.append(f"CREATE ROLE {_ident(name)} LOGIN")
    if password_hash is not None:
        statements.append(f"ALTER ROLE {_ident(name)} PASSWORD {_literal(password_hash)}")
    for other in groups.names:
        if other != wanted:
            statements.append(f"REVOKE {_ident(other)} FROM {_ident(name)}")
    statements.append(f"GRANT {_ident(wanted)} TO {_ident(name)}")
    db.conn.script(";\n".join(statements))
    db.execute(
        "INSERT INTO annotators (name, kind, created_at) VALUES (?, 'human', ?) "
        "ON CONFLICT DO NOTHING",
        [name, utc_now()],
    )


def _check_person(db: PgDatabase, name: str) -> None:
    """Refuse a name the project's rights could not hold to: too long for a role, an
    existing role that row-level security does not bind, or an annotator of the project
    that is not a person (a gold or a model made in their name beforehand)."""
    if len(name.encode()) > MAX_ROLE_BYTES:
        raise ProjectError(
            f"{name!r} is too long for a PostgreSQL login role ({len(name.encode())} bytes "
            f"of UTF-8, at most {MAX_ROLE_BYTES}): give the person a shorter name"
        )
    role = db.execute(
        "SELECT rolsuper OR rolbypassrls OR rolcreaterole FROM pg_roles WHERE rolname = ?",
        [name],
    ).fetchone()
    if role is not None and role[0]:
        raise ProjectError(
            f"{name!r} is an existing role that bypasses row-level security or may grant "
            "itself roles (SUPERUSER, BYPASSRLS or CREATEROLE): as a person of the project "
            "nothing would bind it. Give the person their own role"
        )
    kind = db.execute("SELECT kind FROM annotators WHERE name = ?", [name]).fetchone()
    if kind is not None and kind[0] != "human":
        raise ProjectError(
            f"{name!r} is already an annotator of kind {kind[0]} in this project (not a "
            "person): give the person another name"
        )


def members(db: PgDatabase, database: str) -> list[Member]:
    """The people of the project (members of its group roles), by name."""
    groups = Groups(database)
    rows = db.execute(
        "SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members a "
        "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname IN (?, ?, ?) AND NOT m.rolname IN (?, ?, ?) ORDER BY m.rolname",
        [*groups.names, *groups.names],
    ).fetchall()
    prefix = len(database) + 1
    return [Member(name, group[prefix:], bool(login)) for name, group, login in rows]


def is_administrator(db: PgDatabase) -> bool:
    """True when this connection's role owns the project's tables (or is a superuser):
    row-level security does not bind it."""
    row = db.execute(
        "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
        "OR (SELECT tableowner FROM pg_tables WHERE tablename = 'spans' "
        "AND schemaname = current_schema()) = session_user"
    ).fetchone()
    return bool(row[0])


def project_role(db: PgDatabase, database: str) -> str | None:
    """The project role of the connected login role (None: not a member; the
    administrator is none either, whatever a superuser's pg_has_role says)."""
    if is_administrator(db):
        return None
    groups = Groups(database)
    for kind in reversed(ROLES):
        row = db.execute(
            "SELECT pg_has_role(session_user, ?, 'MEMBER')", [groups.role(kind)]
        ).fetchone()
        if row[0]:
            return kind
    return None


def refusal(table: str | None, who: str) -> str:
    """What a write refused by row-level security means, for the person refused."""
    if table in WORK_TABLES:
        return (f"{who} may only change their own annotations (a reviewer also the gold); "
                "the database refused the change")
    if table == "annotators":
        return f"{who} may only add themselves as an annotator (a reviewer also the gold)"
    return (f"{who} may not change the project's documents, assignments, splits or settings: "
            "only its leads may")


def refused_table(exc: Exception) -> str | None:
    """The table a refused statement named (PostgreSQL's message says it)."""
    match = re.search(r'table "?([\w]+)"?', str(exc))
    return match.group(1) if match else None


def login_role(db: PgDatabase) -> str:
    """The role this connection logged in as."""
    return db.conn.raw.info.user


def password_hash(db: PgDatabase, name: str, password: str) -> str:
    """``password`` hashed for role ``name`` by libpq, here (SCRAM): what the server keeps."""
    hashed = db.conn.raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return hashed.decode()


def set_hide(db: PgDatabase, hide: bool) -> None:
    """Switch the policy hiding other annotators' work until adjudication."""
    if hide:
        db.execute(
            "INSERT INTO project_meta (key, value) VALUES (?, '1') "
            "ON CONFLICT (key) DO UPDATE SET value = '1'",
            [HIDE_KEY],
        )
    else:
        db.execute("DELETE FROM project_meta WHERE key = ?", [HIDE_KEY])
