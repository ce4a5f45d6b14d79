"""`annotator new`, `annotator info` and `annotator copy`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.core.server_urls import PROJECT_HELP, location_argument, project_location
from annotator.services.copying import copy_project
from annotator.services.project import new_project, open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the project commands."""
    new = add_command(
        subparsers,
        "new",
        run_new,
        help="create an empty project file",
        description="Create an empty project file.",
    )
    add_project(
        new, "the project file to create (*.annproj), or a postgresql:// URL of an empty database"
    )
    new.add_argument("--schema", type=Path, help="label schema JSON (default: ACE 2005)")
    new.add_argument("--name", help="display name (default: the file name)")

    info = add_command(
        subparsers,
        "info",
        run_info,
        help="summarise a project",
        description="Print the documents, annotators and counts of a project.",
    )
    add_project(info)
    add_json(info)

    copy = add_command(
        subparsers,
        "copy",
        run_copy,
        help="copy a project between a file and a team server",
        description="Copy a whole project into a new one: file to server, server to file, or "
        "server to server. The target must not exist (a file) or must be an empty database; "
        "ids are kept, so the two projects merge both ways afterwards.",
    )
    copy.add_argument("source", type=location_argument, help=PROJECT_HELP)
    copy.add_argument("target", type=location_argument, help="the new project (file or URL)")


def run_new(args: argparse.Namespace) -> int:
    """Create a project."""
    with new_project(args.project, schema_path=args.schema, name=args.name) as project:
        print(f"created {project.path} with schema {project.schema.name}")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    """Copy a project into a new file or server database."""
    counts = copy_project(args.source, args.target)
    print(
        f"copied {project_location(args.source)} to {project_location(args.target)}: "
        f"{counts['documents']} documents, {counts['spans']} spans, {counts['events']} events"
    )
    return 0


def run_info(args: argparse.Namespace) -> int:
    """Print a project summary."""
    with open_project(args.project) as project:
        info = project.info()
    if args.json:
        print(json.dumps(asdict(info), ensure_ascii=False, indent=2, default=str))
    else:
        print("\n".join(info.lines()))
    return 0
