"""A command line starts without the PostgreSQL client unless a server command runs."""

from __future__ import annotations

import subprocess
import sys


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    shown = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(shown.split())


def test_the_commands_are_registered_without_the_postgresql_client() -> None:
    loaded = modules_after("from annotator.cli import build_parser; build_parser()")
    assert "annotator.cli.commands_server" in loaded
    assert not {"psycopg", "annotator.services.team_server", "annotator.store.server"} & loaded


def test_a_server_command_loads_it_when_it_runs() -> None:
    loaded = modules_after("from annotator.cli import commands_server; commands_server._team()")
    assert {"psycopg", "annotator.services.team_server"} <= loaded
