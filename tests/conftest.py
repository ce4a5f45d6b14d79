"""Test set-up shared by every test. Qt runs offscreen; set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project


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
def project(tmp_path: Path) -> Iterator[ProjectStore]:
    """An empty project with the default schema."""
    store = create_project(tmp_path / "test.annproj", default_schema())
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
