"""The store's tests run on both engines: every test using ``project`` runs on a
project file and on a project in a PostgreSQL database (tests/conftest.py);
``file_project`` is the file alone (for what only SQLite has: its JSON quoting, its
file format)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from annotator.store import ProjectStore, open_project
from tests.team_helpers import as_user


@pytest.fixture
def project(engine_project: ProjectStore) -> Iterator[ProjectStore]:
    """An empty project with the default schema, on each engine in turn."""
    yield engine_project


@pytest.fixture
def connect(team: str) -> Iterator[Callable[[str], ProjectStore]]:
    """Opens the team's project as one person (each closed after the test)."""
    opened: list[ProjectStore] = []

    def open_as(name: str) -> ProjectStore:
        opened.append(open_project(as_user(team, name)))
        return opened[-1]

    yield open_as
    for store in opened:
        store.close()
