"""Where the bundled resources (schemas, demo articles, icons, translations) live.

In a source checkout they sit in ``resources/`` beside the package; an installed
wheel or a PyInstaller bundle carries them as ``annotator/resources``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def resources_dir() -> Path:
    """The folder holding the bundled resources."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "schemas").is_dir():
            return candidate
    raise FileNotFoundError(f"annotator resources not found beside {_PACKAGE_DIR}")


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("schemas", "ace2005.json")``."""
    return resources_dir().joinpath(*parts)


DEFAULT_SCHEMA = ("schemas", "ace2005.json")
