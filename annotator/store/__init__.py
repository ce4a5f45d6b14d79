"""The project file: one SQLite database per project. The only package that writes SQL."""

import sys


def _import_sqlite_utils() -> None:
    """Import sqlite-utils without letting it import pandas and numpy.

    sqlite-utils imports both when they are installed (tests and other tools put them in
    the same environment), only to map their scalar types to column types, and the store
    never passes such values: the two imports were a third of a second of every start-up.
    They stay importable afterwards for whoever needs them.
    """
    blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_sqlite_utils()

from annotator.store.project import (  # noqa: E402
    PROJECT_SUFFIX,
    ProjectStore,
    create_project,
    open_project,
)

__all__ = ["PROJECT_SUFFIX", "ProjectStore", "create_project", "open_project"]
