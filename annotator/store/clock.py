"""Timestamps stored in the project file."""

from __future__ import annotations

import datetime


def utc_now() -> str:
    """The current time as an ISO-8601 UTC string; sorts chronologically as text."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds")
