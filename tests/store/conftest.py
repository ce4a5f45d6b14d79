"""The store's tests run on both engines: every test using ``project`` runs on a
project file and on a project in a PostgreSQL database (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project


@pytest.fixture
def project(engine_project: ProjectStore) -> Iterator[ProjectStore]:
    """An empty project with the default schema, on each engine in turn."""
    yield engine_project


@pytest.fixture
def file_project(tmp_path: Path) -> Iterator[ProjectStore]:
    """A project file (for what only SQLite has: its JSON quoting, its file format)."""
    store = create_project(tmp_path / "file.annproj", default_schema())
    yield store
    store.close()
