"""Entry point: a command runs headless; no argument (or an existing project file) opens the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from annotator.core.server_urls import is_server_url


def opens_window(args: Sequence[str]) -> bool:
    """True when ``args`` ask for the window: nothing, one path to an existing file, or
    one postgresql:// URL.

    Anything else is a command line: a mistyped command must get argparse's error,
    never a window (which would hang a headless script).
    """
    if len(args) == 1 and is_server_url(args[0]):
        return True  # a project on a team server
    return not args or (len(args) == 1 and not args[0].startswith("-") and Path(args[0]).is_file())


def main(argv: Sequence[str] | None = None) -> int:
    """``annotator [PROJECT_FILE | URL]`` opens the GUI; ``annotator COMMAND ...`` runs one."""
    args = list(sys.argv[1:] if argv is None else argv)
    from annotator.core.child_commands import QT_SELFCHECK_COMMAND

    if args[:1] == [QT_SELFCHECK_COMMAND]:
        # The Qt half of `annotator selfcheck`, which starts it as a child process.
        from annotator.ui.selfcheck import main as qt_selfcheck

        return qt_selfcheck(args[1:])
    from annotator.cli import command_names

    if (args[:1] and args[0] in command_names()) or not opens_window(args):
        from annotator.cli import main as cli_main

        return cli_main(args)
    from annotator.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
