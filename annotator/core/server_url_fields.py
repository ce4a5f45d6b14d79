"""A server project's URL as the fields a person fills in: host, port, database, user.

The Open Server Project dialog shows both the URL and these fields; each is made
from the other. A host that is a folder (a Unix socket, ``/var/run/postgresql``)
cannot sit in the URL's host part, so it goes in the ``host=`` option, as libpq
reads it. Options other than ``host`` (``sslmode=require``, ``service=…``) are kept
in the URL when the fields change, and so is a password typed into it; a password
is never one of the fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from annotator.core.server_urls import is_server_url

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerFields:
    """What names a database on a server; empty strings for what is not given."""

    host: str = ""
    port: str = ""
    database: str = ""
    user: str = ""


def fields_of(url: str) -> ServerFields:
    """The fields a URL gives (empty when it is not a ``postgresql://`` URL)."""
    if not is_server_url(url):
        return ServerFields()
    parts = urlsplit(url)
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    netloc = parts.netloc.rsplit("@", 1)
    user = unquote(netloc[0].split(":", 1)[0]) if len(netloc) == 2 else ""
    host_port = netloc[-1]
    host, _, port = host_port.rpartition(":") if _has_port(host_port) else (host_port, "", "")
    return ServerFields(
        host=options.get("host", unquote(host.strip("[]"))),
        port=options.get("port", port),
        database=unquote(parts.path.lstrip("/")) or options.get("dbname", ""),
        user=options.get("user", user),
    )


def _has_port(host_port: str) -> bool:
    """True when ``host:port`` ends with a port (``[::1]:5433`` yes, ``[::1]`` no)."""
    head, colon, tail = host_port.rpartition(":")
    return bool(colon) and tail.isdigit() and (not head.startswith("[") or head.endswith("]"))


def url_of(fields: ServerFields, keep_of: str = "") -> str:
    """The URL of ``fields``, keeping what else the URL ``keep_of`` says: its options
    (``sslmode=…``) and a password typed into it (the user's, for this session)."""
    previous = urlsplit(keep_of) if is_server_url(keep_of) else None
    kept = [
        (key, value)
        for key, value in parse_qsl(previous.query, keep_blank_values=True)
        if key not in {"host", "port", "dbname", "user"}
    ] if previous is not None else []  # fmt: skip
    password = previous.password if previous is not None else None
    host = fields.host.strip()
    options = []
    if host.startswith("/"):  # a Unix socket folder: an option, not a host name
        options.append(("host", host))
        host = ""
    elif ":" in host:  # an IPv6 address
        host = f"[{host.strip('[]')}]"
    port = fields.port.strip()
    netloc = quote(host, safe="[]:")
    if port and port != str(DEFAULT_PORT):  # libpq's default needs no mention
        if options:
            options.append(("port", port))
        else:
            netloc += f":{port}"
    user = quote(fields.user.strip(), safe="")
    if password and user:
        user += f":{quote(unquote(password), safe='')}"
    if user:
        netloc = f"{user}@{netloc}"
    query = urlencode(options + kept, safe="/")
    url = f"postgresql://{netloc}/{quote(fields.database.strip(), safe='')}"
    return f"{url}?{query}" if query else url
