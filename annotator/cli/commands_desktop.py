"""`annotator desktop install|uninstall`: the desktop menu entry, icon and project file type."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.services import desktop


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the desktop commands."""
    parser = subparsers.add_parser(
        "desktop",
        help="add annotator to the desktop menu (Linux)",
        description="Add annotator to (or remove it from) the desktop menu of the current user, "
        "with its icon and the project file type, so that double-clicking a *.annproj file "
        "opens it. The menu entry starts this installation of annotator.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, run, text in (
        ("install", run_install, "install the menu entry, icon and file type"),
        ("uninstall", run_uninstall, "remove them again"),
    ):
        action = actions.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        action.add_argument(
            "--data-dir",
            type=Path,
            help="install under this folder instead of $XDG_DATA_HOME (~/.local/share)",
        )
        action.set_defaults(run=run)


def run_install(args: argparse.Namespace) -> int:
    """Install and say where."""
    done = desktop.install(args.data_dir)
    print(f"installed {len(done.files)} files under {done.data}")
    print(f"menu entry: {done.targets()[desktop.DESKTOP_FILE]}")
    return 0


def run_uninstall(args: argparse.Namespace) -> int:
    """Uninstall and say what was removed."""
    done = desktop.uninstall(args.data_dir)
    print(f"removed {len(done.files)} files under {done.data}")
    return 0
