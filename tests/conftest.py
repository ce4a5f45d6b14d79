"""Test set-up shared by every test. Qt runs offscreen; set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project
from tests.team_helpers import make_team, new_database


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep data, logs and settings of every test out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def file_project(tmp_path: Path) -> Iterator[ProjectStore]:
    """An empty project file with the default schema."""
    store = create_project(tmp_path / "test.annproj", default_schema())
    yield store
    store.close()


@pytest.fixture
def project(file_project: ProjectStore) -> ProjectStore:
    """An empty project with the default schema (a file; tests/store runs it on both engines)."""
    return file_project


# -- a PostgreSQL server for the tests (the ``pgserver`` wheel bundles its binaries) --

_DATABASES = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole run, its data in a temporary folder of its own.

    Durability is switched off: the tests never cut the server's power, and dropping
    each test's database then costs milliseconds instead of a checkpoint's fsyncs.
    """
    import pgserver  # the test extra; imported here so file-only runs never start it
    import psycopg

    # Not under pytest's own temporary folder: a second pytest run by the same user (in
    # another checkout) prunes the oldest of those folders, and with it a live server's data.
    folder = Path(tempfile.mkdtemp(prefix="annotator-test-pg-"))
    server = pgserver.get_server(folder, cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as admin:
        for name in ("fsync", "synchronous_commit", "full_page_writes"):
            admin.execute(f"ALTER SYSTEM SET {name} = off")
        admin.execute("SELECT pg_reload_conf()")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh_database(pg_server) -> Iterator[Callable[[], str]]:
    """Makes new empty databases on the test server (each call one); dropped after the test."""
    import psycopg

    made: list[str] = []

    def make() -> str:
        name = f"test_{os.getpid()}_{next(_DATABASES)}"
        made.append(name)
        return new_database(pg_server, name)

    yield make
    for name in made:
        # One connection per drop, and a failed drop is left: a database left behind in
        # the run's temporary server costs nothing (seen once in a full run: the admin
        # connection closed by the server during a forced drop).
        try:
            with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except psycopg.OperationalError:
            pass


@pytest.fixture
def server_url(fresh_database: Callable[[], str]) -> str:
    """The URL of a new empty database on the test server."""
    return fresh_database()


@pytest.fixture
def team(fresh_database: Callable[[], str]) -> str:
    """A server project made by ``annotator server init``: lina leads, amal and karim
    annotate, rana reviews; one document (tests/team_helpers.make_team)."""
    url = fresh_database()
    make_team(url)
    return url


@pytest.fixture(params=["file", "server"])
def engine_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to create a project: a file, then (second run) a server database."""
    if request.param == "file":
        return str(tmp_path / "test.annproj")
    return request.getfixturevalue("server_url")


@pytest.fixture
def engine_project(engine_location: str) -> Iterator[ProjectStore]:
    """An empty project with the default schema, on each engine in turn."""
    store = create_project(engine_location, default_schema())
    yield store
    store.close()


@pytest.fixture
def sample_text() -> str:
    """A short article with the characters that break offset handling in other tools."""
    return (
        "بغداد - (وكالات): اجتمع وزيرُ الداخلية «أحمد الساعدي» مع وفد من NATO "
        "في الـــعاصمة يوم 12 آذار/مارس 2025 😀.\n"
        "وقال\u200f إن التعاون \u200e«مستمر»\u200f، مؤكدًا أن الهجوم لم يُسفر عن ضحايا 🇮🇶."
    )
