"""Helpers of the team-server tests: a person's URL on the test server."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

TEXT = "قصفت طائرات مسيّرة موقعًا عسكريًا قرب حلب فجر اليوم، وأفاد مرصد محلي بمقتل ثلاثة أشخاص."


def as_user(url: str, name: str) -> str:
    """``url`` connecting as login role ``name`` (the test server trusts its socket)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"{name}@{host}", parts.path, parts.query, parts.fragment))


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
