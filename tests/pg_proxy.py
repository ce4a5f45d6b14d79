"""A unix-socket relay in front of the test PostgreSQL server that can lose a COMMIT's answer.

The client talks to the relay as to the server. ``cut_at_commit`` makes the relay drop
the connection that next sends COMMIT: either before passing it on (the server never
sees it and rolls the transaction back), or after the server has answered (the change
is kept, the client never hears so), or "held": the client's side is dropped and the
server's kept open without the COMMIT, as when the server has not noticed a cut yet
(its transaction stays open until the session ends). That is how a network cut looks
from both ends.
``refuse_new`` makes it turn new connections away (the server out of reach).
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_SOCKET = ".s.PGSQL.5432"


class PgRelay:
    """Relays connections from its own socket folder to the server's."""

    def __init__(self, server_url: str) -> None:
        parts = urlsplit(server_url)
        query = dict(parse_qsl(parts.query))
        self._server = Path(query["host"]) / _SOCKET
        self.folder = Path(tempfile.mkdtemp(prefix="pg-relay-"))
        query["host"] = str(self.folder)
        self.url = urlunsplit(parts._replace(query=urlencode(query)))
        self.cut_at_commit: str | None = None  # "before", "after" the answer, or "held"
        self._held: list[socket.socket] = []
        self.refuse_new = False
        self.cuts = 0
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(self.folder / _SOCKET))
        self._listener.listen()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refuse_new:
                client.close()
                continue
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(str(self._server))
            threading.Thread(target=self._relay, args=(client, upstream), daemon=True).start()

    def _relay(self, client: socket.socket, upstream: socket.socket) -> None:
        keep_upstream = False
        try:
            while True:
                ready, _, _ = select.select([client, upstream], [], [])
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    if self.cut_at_commit and b"COMMIT" in data:
                        keep_upstream = self._cut(data, upstream)
                        return
                    upstream.sendall(data)
                if upstream in ready:
                    data = upstream.recv(65536)
                    if not data:
                        return
                    client.sendall(data)
        finally:
            client.close()
            if not keep_upstream:
                upstream.close()

    def _cut(self, commit: bytes, upstream: socket.socket) -> bool:
        """Drop the client at its COMMIT; True when the server's side is kept open."""
        mode, self.cut_at_commit = self.cut_at_commit, None
        self.cuts += 1
        if mode == "after":
            upstream.sendall(commit)
            upstream.recv(65536)  # the server's answer: committed, and never passed on
        if mode == "held":
            self._held.append(upstream)  # open, idle inside its transaction
            return True
        return False

    def close(self) -> None:
        self._closed = True
        for held in self._held:
            held.close()
        with contextlib.suppress(OSError):
            self._listener.close()
        with contextlib.suppress(OSError):
            os.unlink(self.folder / _SOCKET)
        with contextlib.suppress(OSError):
            self.folder.rmdir()


@contextlib.contextmanager
def relay(server_url: str) -> Iterator[PgRelay]:
    """A PgRelay for ``server_url``, closed afterwards."""
    made = PgRelay(server_url)
    try:
        yield made
    finally:
        made.close()
