"""Tests of packaging/: the bundle, desktop integration and translations."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_build_resources() -> ModuleType:
    """packaging/build_resources.py (by path: the folder is not a Python package, and
    ``import packaging`` would find the PyPI library of that name)."""
    spec = importlib.util.spec_from_file_location(
        "build_resources", ROOT / "packaging" / "build_resources.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
