"""Document texts as a project file keeps them: compressed (file format 8).

A text is most of a project file: 10,000 news articles are 30 MB of UTF-8 that
zlib (RFC 1950, in Python's standard library and in every language's) shrinks
three to four times, and reading one back costs ~20 microseconds, less than
drawing it. So ``documents.text`` holds the zlib stream of the text's UTF-8 as a
BLOB. A TEXT value is read as it is: a row written by another SQLite tool stays
readable, and the search index's triggers (plain SQL) fold it (migration 0008).
On a PostgreSQL server texts stay TEXT: its TOAST storage compresses them itself.

SQLite cannot call into Python by itself, so every connection the store opens on
a file registers the functions below (``register``); the SQL that needs a text
(the candidates' check of a search, the quoting of a native export, the checks of
an opened file) goes through them. No trigger names them: any tool may write.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable

from annotator.core.errors import DamagedProjectError
from annotator.core.search import fold

# zlib's fastest level: 3.4x on generated news against 4.1x at the default level,
# for a third of the time (an import compresses every text it adds).
_LEVEL = 1


def pack(text: str) -> bytes:
    """``text`` as ``documents.text`` holds it in a project file."""
    return pack_utf8(text.encode("utf-8"))


def pack_utf8(data: bytes) -> bytes:
    """``pack`` of a text given as its UTF-8 bytes (encoded once for its hash too)."""
    return zlib.compress(data, _LEVEL)


def keeper(packs_text: bool) -> Callable[[str], bytes | str]:
    """How a project keeps a text: ``pack`` in a file (a dialect that ``packs_text``),
    the text as it is on a server."""
    return pack if packs_text else str


def unpack(stored: bytes | str) -> str:
    """The text of a ``documents.text`` value (a packed BLOB, or TEXT as written).

    Raises DamagedProjectError for a value that is neither (damaged on disk, or written
    by another program): the checks of an opened file report it too, with its document.
    """
    if isinstance(stored, str):
        return stored
    try:
        return zlib.decompress(stored).decode("utf-8")
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise DamagedProjectError(
            "a document's text cannot be read: the project file is damaged "
            f"({exc}); `annotator check` names the document"
        ) from None


def text_length(stored: bytes | str) -> int | None:
    """The length in code points of a stored text; None when it cannot be read."""
    try:
        return len(unpack(stored))
    except DamagedProjectError:
        return None


def contains(title: str, stored: bytes | str, needle: str) -> bool:
    """True when the title or text contains the folded ``needle`` (see store.dialect).

    A text holding the folded needle as it is holds it folded too (folding only drops
    or changes characters a folded needle has none of), so most hits, in texts without
    harakat, are found before the text is folded (~25 of ~50 microseconds).
    """
    if needle in title or needle in fold(title):
        return True
    text = unpack(stored)
    return needle in text or needle in fold(text)


def register(conn: sqlite3.Connection) -> None:
    """Make the SQL functions above callable on ``conn``."""
    conn.create_function("annotator_text", 1, unpack, deterministic=True)
    conn.create_function("annotator_text_length", 1, text_length, deterministic=True)
    conn.create_function("annotator_contains", 3, contains, deterministic=True)
    conn.create_function("annotator_fold", 1, fold, deterministic=True)
