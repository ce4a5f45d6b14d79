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
