"""Showing file names that may not be valid text.

On POSIX a file name is bytes; Python decodes the bytes that are not UTF-8 to
lone surrogates (``surrogateescape``), e.g. a Windows-1256 Arabic name unzipped
from a Windows archive. Such a str cannot be printed, stored in SQLite or written
as UTF-8. Every name we show or store goes through :func:`shown_path`: the
undecodable bytes become backslash escapes (``\\xce\\xc8\\xd1.txt``), readable and
unambiguous, and the rest of the name stays as it is.
"""

from __future__ import annotations

import os
from pathlib import PurePath


def shown_text(text: str) -> str:
    """``text`` with the bytes a surrogateescape decoding left as surrogates shown as ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        # surrogateescape gives back the original bytes of \udc80-\udcff; any other
        # surrogate (never produced by a file system) is shown as \udNNN.
        raw = text.encode("utf-8", "surrogateescape" if os.name != "nt" else "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def shown_path(path: str | PurePath) -> str:
    """The path as text that can be printed and stored, whatever bytes its name holds."""
    return shown_text(str(path))
