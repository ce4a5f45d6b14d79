"""PostgreSQL project locations: ``postgresql://`` (or ``postgres://``) URLs.

A project on a team server is named by a libpq connection URL wherever a project
file is accepted. annotator never stores a password: what it shows, logs or keeps
in recent projects is the URL without one (libpq's ~/.pgpass, PGPASSFILE or a
service file supply it when connecting).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from annotator.core.errors import ProjectError

SCHEMES = ("postgresql", "postgres")


def is_server_url(location: object) -> bool:
    """True when ``location`` is a PostgreSQL URL (not a file path)."""
    if isinstance(location, ServerLocation):
        return True
    if not isinstance(location, str):
        return False
    return location.split("://", 1)[0].lower() in SCHEMES and "://" in location


def without_password(url: str) -> str:
    """``url`` with any password removed (user name, host, database and options kept)."""
    parts = urlsplit(url)
    query = "&".join(
        f"{key}={value}" if value else key
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key != "password"
    )
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class ServerLocation:
    """Where a server project is: stands in for the file ``Path`` of a file project.

    ``str()`` is the URL without its password (messages, recent projects); ``url`` is
    the URL as given (it may carry a password for this run only, never written down).
    ``stem`` and ``name`` are the database name, as a file's stem names a project.
    """

    def __init__(self, url: str) -> None:
        if not is_server_url(url):
            raise ProjectError(f"{url}: not a PostgreSQL URL (postgresql://...)")
        self.url = url
        self.shown = without_password(url)
        parts = urlsplit(url)
        database = unquote(parts.path.lstrip("/"))
        if not database:
            database = dict(parse_qsl(parts.query)).get("dbname", "")
        if not database:
            raise ProjectError(
                f"{self.shown}: the URL names no database (postgresql://HOST/DATABASE)"
            )
        self.database = database

    @property
    def stem(self) -> str:
        return self.database

    @property
    def name(self) -> str:
        return self.database

    def resolve(self) -> ServerLocation:
        """Itself (a URL needs no resolving; lets code comparing resolved paths work)."""
        return self

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"ServerLocation({self.shown!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerLocation) and other.shown == self.shown

    def __hash__(self) -> int:
        return hash(self.shown)


def project_location(text: str | Path | ServerLocation) -> Path | ServerLocation:
    """A project's location from what a user typed: a server URL, else a file path."""
    if isinstance(text, ServerLocation):
        return text
    return ServerLocation(text) if is_server_url(text) else Path(text)


def location_argument(text: str) -> Path | str:
    """An argparse ``type`` for a PROJECT: a URL stays the text typed (it may carry a
    password for this run), anything else is a file path."""
    return text if is_server_url(text) else Path(text)


# The help of every command's PROJECT argument.
PROJECT_HELP = "the project file, or a postgresql:// URL of a project on a team server"
