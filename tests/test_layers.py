"""The ui and the cli never see the store: no re-export loophole.

import-linter (pyproject.toml) forbids importing ``annotator.store`` modules from
the ui and the cli, but a name the store defines can still be imported through
a services module that re-exports it. This test resolves every name the ui and
the cli import and fails if it is (or is an instance of) something the store
defines, and fails on any attribute access that reaches for a store connection
(``.store``, ``._store``, ``.db``, ``.transaction``): they hold a
``services.project.Project``, which offers use cases only.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "annotator"
CHECKED = ("ui", "cli")
STORE = "annotator.store"
FORBIDDEN_ATTRIBUTES = {"store", "_store", "db", "transaction"}


def _from_store(obj: object) -> bool:
    if getattr(obj, "__name__", "").startswith(STORE) and isinstance(obj, type(ast)):
        return True  # a store module
    if getattr(obj, "__module__", None) and str(obj.__module__).startswith(STORE):
        return True  # a class or function the store defines
    return type(obj).__module__.startswith(STORE)  # an instance of a store class


def violations(source: str, where: str) -> list[str]:
    """Every way ``source`` reaches the store (empty when it does not)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"{where}:{node.lineno}: imports {alias.name}" for alias in node.names
                      if alias.name.startswith(STORE)]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("annotator"):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                obj = getattr(module, alias.name, None)
                if node.module.startswith(STORE) or _from_store(obj):
                    found.append(f"{where}:{node.lineno}: {alias.name} from {node.module} "
                                 "is defined in the store")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            found.append(f"{where}:{node.lineno}: reaches for .{node.attr}")
    return found


def checked_files() -> list[Path]:
    return sorted(path for folder in CHECKED for path in (ROOT / folder).rglob("*.py"))


def test_the_ui_and_the_cli_name_nothing_the_store_defines() -> None:
    files = checked_files()
    assert len(files) > 20  # the walk found the packages
    found = [v for path in files
             for v in violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from annotator.services.projects import ProjectStore",  # a re-exported class
        "from annotator.services.projects import open_project",  # a re-exported function
        "from annotator.store.annotations import SpanRemoval",
        "import annotator.store.project",
        "def f(window):\n    return window.project._store.annotations.spans('d')",
        "def f(opened):\n    return opened.store",
    ],
)
def test_the_check_catches_each_loophole(source: str) -> None:
    assert violations(source, "example.py"), source


def test_plain_services_names_pass() -> None:
    assert violations("from annotator.services.project import Project, open_project", "x") == []
