"""TLS to a team server: a project URL without sslmode uses TLS whenever the server
offers it (libpq's ``prefer``), the live-update connection too; ``sslmode=require``
against a server without TLS is a clear error.

The pgserver wheel's PostgreSQL is built without OpenSSL, so these tests start a
PostgreSQL of the machine's (Debian's postgresql package: /usr/lib/postgresql/N/bin)
with ssl=on and a self-signed certificate the openssl command makes here. Without
either, they are skipped, saying which is missing.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from annotator.core.errors import ProjectError
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project

# How long a reloaded ssl setting may take to reach new connections.
RELOAD_WAIT_S = 20.0


def _postgres_with_openssl() -> Path | None:
    """The bin folder of an installed PostgreSQL built with OpenSSL, newest first."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        bin_dir = Path(folder)
        config = bin_dir / "pg_config"
        if not (bin_dir / "initdb").exists() or not config.exists():
            continue
        flags = subprocess.run([str(config), "--configure"], capture_output=True, text=True)
        if "--with-openssl" in flags.stdout:
            return bin_dir
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as(user: str | None, *command: str) -> None:
    subprocess.run(list(command), check=True, capture_output=True, user=user, timeout=120)


@pytest.fixture(scope="module")
def tls_server() -> Iterator[str]:
    """A PostgreSQL with ssl=on on 127.0.0.1 (trust authentication); its admin URL."""
    bin_dir, openssl = _postgres_with_openssl(), shutil.which("openssl")
    if bin_dir is None:
        pytest.skip("no PostgreSQL built with OpenSSL installed (the pgserver wheel's is not)")
    if openssl is None:
        pytest.skip("no openssl command to make the test certificate")
    user = None
    if os.geteuid() == 0:  # initdb refuses root: run it as pgserver's system user
        from pgserver.utils import ensure_user_exists

        user = "pgserver"
        ensure_user_exists(user)
    folder = Path(tempfile.mkdtemp(prefix="annotator-tls-"))
    folder.chmod(0o755)
    if user is not None:
        shutil.chown(folder, user)
    data, port = folder / "data", _free_port()
    try:
        _run_as(user, str(bin_dir / "initdb"), "-D", str(data), "--auth=trust", "-U",
                "postgres", "--encoding=utf8")
        _run_as(user, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-keyout", str(data / "server.key"),
                "-out", str(data / "server.crt"))
        (data / "server.key").chmod(0o600)
        with (data / "postgresql.conf").open("a") as conf:  # not -c: ALTER SYSTEM may change it
            conf.write("\nssl = on\n")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
        _run_as(user, str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l",
                str(folder / "log"), "-o", options, "start")
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            _run_as(user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def tls_database(tls_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new empty database on the TLS server; libpq's environment does not choose."""
    for name in ("PGSSLMODE", "PGREQUIRESSL", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    name = f"tls_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(tls_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return tls_server.rsplit("/", 1)[0] + f"/{name}"


def _uses_tls(conn: psycopg.Connection, pid: int) -> bool:
    row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = %s", [pid]).fetchone()
    return bool(row and row[0])


def test_a_project_connection_uses_tls_when_the_server_offers_it(tls_database: str) -> None:
    assert "sslmode" not in tls_database  # the default URL: libpq's prefer
    with create_project(tls_database, default_schema()) as store:
        row = store.db.execute(
            "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()
        assert row[0] is True and row[1].startswith("TLS")
        listener = store.live()
        assert listener is not None and listener.connected.wait(10)
        assert listener.backend_pid is not None
        assert _uses_tls(store.db.conn.raw, listener.backend_pid)  # live updates too


def test_sslmode_require_against_a_server_without_tls_is_a_clear_error(
    tls_server: str, tls_database: str
) -> None:
    create_project(tls_database, default_schema()).close()
    with psycopg.connect(tls_server, autocommit=True) as admin:
        admin.execute("ALTER SYSTEM SET ssl = off")
        admin.execute("SELECT pg_reload_conf()")
    try:
        _wait_for_tls(tls_database, wanted=False)
        with pytest.raises(ProjectError, match="cannot connect to the server") as caught:
            open_project(tls_database + "?sslmode=require")
        message = str(caught.value)
        assert message.startswith(f"{tls_database}?sslmode=require: ")  # names the project
        assert "server does not support SSL, but SSL was required" in message
        with open_project(tls_database) as store:  # prefer: plain text when there is no TLS
            assert not _uses_tls(store.db.conn.raw, store.db.conn.raw.info.backend_pid)
    finally:
        with psycopg.connect(tls_server, autocommit=True, sslmode="disable") as admin:
            admin.execute("ALTER SYSTEM RESET ssl")
            admin.execute("SELECT pg_reload_conf()")
        _wait_for_tls(tls_database, wanted=True)


def _wait_for_tls(url: str, wanted: bool) -> None:
    """Wait until a new connection's TLS is ``wanted`` (a reload reaches it a moment later)."""
    deadline = time.monotonic() + RELOAD_WAIT_S
    while True:
        with psycopg.connect(url, autocommit=True) as conn:
            if _uses_tls(conn, conn.info.backend_pid) == wanted:
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"the server's ssl did not become {wanted}")
        time.sleep(0.05)
