"""`annotator backups`, `annotator backup`, `annotator restore` and `annotator check`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.core.server_urls import is_server_url, project_location
from annotator.services.backups import (
    DEFAULT_KEEP,
    backups_of,
    check_project,
    is_intact,
    restore_project,
)
from annotator.services.project import open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the backup commands."""
    listing = add_command(
        subparsers,
        "backups",
        run_backups,
        help="list the backups of a project",
        description="List the backups of a project, newest first, and whether each is intact.",
    )
    add_project(listing)
    add_json(listing)

    take = add_command(
        subparsers,
        "backup",
        run_backup,
        help="back up a project now",
        description="Take a backup of a project now (the GUI takes one on every open).",
    )
    add_project(take)
    take.add_argument(
        "--keep", type=int, default=DEFAULT_KEEP, help=f"backups to keep (default {DEFAULT_KEEP})"
    )

    check = add_command(
        subparsers,
        "check",
        run_check,
        help="check a project file thoroughly",
        description="Run SQLite's full integrity check on a project (every table and index; "
        "opening checks large projects only lightly); on a server project, check its schema "
        "version and that its tables, columns, constraints, indexes and triggers are those "
        "of that version. Exit status 1 when it finds damage.",
    )
    add_project(check)

    restore = add_command(
        subparsers,
        "restore",
        run_restore,
        help="restore a project from a backup",
        description="Replace a project with one of its backups (default: the newest intact "
        "one). The current state is backed up first when it is readable. Close the project "
        "in the application first.",
    )
    add_project(restore)
    restore.add_argument("backup", type=Path, nargs="?", help="the backup file to restore")
    restore.add_argument(
        "--force", action="store_true", help="restore even while a window still edits the project"
    )


def run_backups(args: argparse.Namespace) -> int:
    """List backups."""
    found = backups_of(args.project)
    if args.json:
        records = [
            {
                "path": str(b.path),
                "taken_at": b.taken_at.isoformat(),
                "size": b.size,
                "intact": is_intact(b.path),
            }
            for b in found
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif not found:
        print(f"no backups of {project_location(args.project)}")
    for backup in [] if args.json else found:
        state = "" if is_intact(backup.path) else "  DAMAGED"
        print(f"{backup.label()}{state}\n    {backup.path}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """Take a backup now."""
    with open_project(args.project, read_only=True) as project:
        path = project.backup(keep=args.keep)
    print(f"backed up {project_location(args.project)} to {path}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Run the full integrity check."""
    problems = check_project(args.project)
    where = project_location(args.project)  # a URL is shown without its password
    if not problems:
        what = "its tables are those of its schema version" if is_server_url(args.project) \
            else "full integrity check passed"
        print(f"{where}: intact ({what})")
        return 0
    print(f"{where}: damaged:", *problems, sep="\n  ")
    return 1


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup."""
    used = restore_project(args.project, args.backup, force=args.force)
    print(f"restored {project_location(args.project)} from {used}")
    return 0
