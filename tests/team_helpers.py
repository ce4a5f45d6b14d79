"""Helpers of the team-server tests: a database's URL on a test server, a person's URL
on it, a team made as `annotator server init` makes one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

TEXT = "قصفت طائرات مسيّرة موقعًا عسكريًا قرب حلب فجر اليوم، وأفاد مرصد محلي بمقتل ثلاثة أشخاص."


def database_url(server: Any, name: str) -> str:
    """The URL of database ``name`` on a pgserver ``server`` (unix socket, no password)."""
    return server.get_uri().replace("/postgres?", f"/{name}?", 1)


def new_database(server: Any, name: str) -> str:
    """Create the empty database ``name`` on a pgserver ``server``; its URL."""
    with psycopg.connect(server.get_uri(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return database_url(server, name)


def as_user(url: str, name: str) -> str:
    """``url`` connecting as login role ``name`` (the test server trusts its socket)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{name}@{host}", parts.path, parts.query, parts.fragment))


def sql_as(url: str, name: str) -> psycopg.Connection:
    """A plain psycopg connection to ``url`` as login role ``name`` (autocommit): SQL
    typed by hand, past the program's own checks."""
    return psycopg.connect(as_user(url, name), autocommit=True)


def database_of(url: str) -> str:
    """The database name in ``url``."""
    return urlsplit(url).path.lstrip("/")


def make_team(url: str) -> None:
    """A server project made by ``annotator server init`` (lead lina), with two
    annotators (amal, karim), a reviewer (rana) and one document."""
    from annotator.services import team_server
    from annotator.store import open_project

    team_server.init_server(url, "lina")
    for name in ("amal", "karim"):
        team_server.add_user(url, name, "annotator")
    team_server.add_user(url, "rana", "reviewer")
    with open_project(as_user(url, "lina")) as lead:
        lead.documents.add(TEXT, "حلب")
