"""Setting up a project on a team server: ``annotator server init/add-user/users/policy``.

These run with the administrator's URL (a role that may create roles, e.g. the
database's owner or ``postgres``): the tables belong to it and nobody annotates
as it. People then open ``postgresql://NAME@HOST/DATABASE`` as their own login
role, whose name is their annotator name (store.pg_security says what each role
may do). annotator never stores a password: libpq reads them from ~/.pgpass,
PGPASSFILE or a service file, and one given here is hashed by libpq on this
computer before it is sent (the server never sees it in plain text).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.model import check_annotator_name
from annotator.core.schema import load_schema
from annotator.core.server_urls import ServerLocation, is_server_url
from annotator.services.projects import default_schema
from annotator.store.pg_live import install_notifications
from annotator.store.pg_schema import current_version
from annotator.store.pg_security import (
    HIDE_KEY,
    ROLES,
    add_member,
    is_administrator,
    is_secured,
    login_role,
    members,
    password_hash,
    secure,
    set_hide,
)
from annotator.store.server import ServerStore, create_server_project, open_server_project

__all__ = [
    "ROLES", "TeamMember", "add_user", "hide_policy", "init_server", "set_hide_policy", "users",
]


@dataclass(frozen=True)
class TeamMember:
    """A person of a server project: their login role (= annotator name) and role."""

    name: str
    role: str
    can_login: bool


def _server_url(url: str) -> ServerLocation:
    if not is_server_url(url):
        raise ProjectError(f"{url}: not a PostgreSQL URL (postgresql://HOST/DATABASE)")
    return ServerLocation(url)


def _empty(url: str) -> bool:
    store = ServerStore(ServerLocation(url))
    try:
        return current_version(store.db) == 0
    finally:
        store.close()


def _admin_store(url: str) -> ServerStore:
    """The project opened with the administrator's URL; refused when roles would not
    apply to it (row-level security binds everyone but the tables' owner)."""
    store = open_server_project(url)
    if not is_administrator(store.db):
        name = login_role(store.db)
        store.close()
        raise ProjectError(
            f"{store.location}: {name} does not own the project's tables; use the URL of "
            "the administrative role that created them (`annotator server init`)"
        )
    return store


def init_server(
    url: str, lead: str, schema_path: str | Path | None = None, name: str | None = None
) -> str:
    """Create the project in the database ``url`` names (or secure the project already
    there, e.g. one copied in), with its group roles, grants, row-level security,
    live-update triggers and the lead's login role. Returns what was done."""
    location = _server_url(url)
    lead = check_annotator_name(lead)
    created = _empty(url)
    if created:
        schema = load_schema(schema_path) if schema_path else default_schema()
        create_server_project(url, schema, name).close()
    with _admin_store(url) as store, store.transaction():
        secure(store.db, location.database)
        install_notifications(store.db)
        add_member(store.db, location.database, lead, "lead")
    verb = "created" if created else "secured the existing project"
    return (
        f"{verb} {location}: roles {location.database}_lead, _reviewer and _annotator, "
        f"row-level security and live updates; {lead} is its lead "
        f"(they open postgresql://{lead}@HOST/{location.database})"
    )


def add_user(url: str, name: str, role: str, password: str | None = None) -> None:
    """Give ``name`` (a login role, made if new) ``role`` in the project at ``url``.

    ``password`` (if given) is hashed by libpq here, before it leaves this computer.
    """
    location = _server_url(url)
    name = check_annotator_name(name)
    if role not in ROLES:
        raise ProjectError(f"{location}: no role {role!r}: choose one of {', '.join(ROLES)}")
    with _admin_store(url) as store:
        _require_secured(store)
        hashed = None if password is None else password_hash(store.db, name, password)
        with store.transaction():
            add_member(store.db, location.database, name, role, hashed)


def users(url: str) -> list[TeamMember]:
    """The people of the project at ``url`` and their roles, by name."""
    location = _server_url(url)
    with open_server_project(url, read_only=True) as store:
        _require_secured(store)
        return [
            TeamMember(m.name, m.role, m.can_login)
            for m in members(store.db, location.database)
        ]


def set_hide_policy(url: str, hide: bool) -> None:
    """Hide (or show) other annotators' work from annotators until a document is
    adjudicated (its gold status done). Leads and reviewers always see everything."""
    with open_server_project(url) as store:
        _require_secured(store)
        with store.transaction():
            set_hide(store.db, hide)


def hide_policy(url: str) -> bool:
    """True when other annotators' work is hidden until adjudication."""
    with open_server_project(url, read_only=True) as store:
        return store.get_meta(HIDE_KEY) == "1"


def _require_secured(store: ServerStore) -> None:
    if not is_secured(store.db):
        raise ProjectError(
            f"{store.location}: the project has no roles yet; run "
            "`annotator server init URL --lead NAME` first"
        )
