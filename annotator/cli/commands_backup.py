"""`annotator backups`, `annotator backup` and `annotator restore`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from annotator.services.backups import (
    DEFAULT_KEEP,
    backups_of,
    is_intact,
    restore_project,
)
from annotator.services.project import open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the backup commands."""
    listing = subparsers.add_parser(
        "backups",
        help="list the backups of a project",
        description="List the backups of a project, newest first, and whether each is intact.",
    )
    listing.add_argument("project", type=Path, help="the project file")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing.set_defaults(run=run_backups)

    take = subparsers.add_parser(
        "backup",
        help="back up a project now",
        description="Take a backup of a project now (the GUI takes one on every open).",
    )
    take.add_argument("project", type=Path, help="the project file")
    take.add_argument(
        "--keep", type=int, default=DEFAULT_KEEP, help=f"backups to keep (default {DEFAULT_KEEP})"
    )
    take.set_defaults(run=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="restore a project from a backup",
        description="Replace a project with one of its backups (default: the newest intact "
        "one). The current state is backed up first when it is readable. Close the project "
        "in the application first.",
    )
    restore.add_argument("project", type=Path, help="the project file")
    restore.add_argument("backup", type=Path, nargs="?", help="the backup file to restore")
    restore.add_argument(
        "--force", action="store_true", help="restore even while a window still edits the project"
    )
    restore.set_defaults(run=run_restore)


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
        print(f"no backups of {args.project}")
    for backup in [] if args.json else found:
        state = "" if is_intact(backup.path) else "  DAMAGED"
        print(f"{backup.label()}{state}\n    {backup.path}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    """Take a backup now."""
    with open_project(args.project, read_only=True) as project:
        path = project.backup(keep=args.keep)
    print(f"backed up {args.project} to {path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup."""
    used = restore_project(args.project, args.backup, force=args.force)
    print(f"restored {args.project} from {used}")
    return 0
