"""`annotator new` and `annotator info`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from annotator.services.project import new_project, open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the project commands."""
    new = subparsers.add_parser(
        "new", help="create an empty project file", description="Create an empty project file."
    )
    new.add_argument("project", type=Path, help="the project file to create (*.annproj)")
    new.add_argument("--schema", type=Path, help="label schema JSON (default: ACE 2005)")
    new.add_argument("--name", help="display name (default: the file name)")
    new.set_defaults(run=run_new)

    info = subparsers.add_parser(
        "info",
        help="summarise a project",
        description="Print the documents, annotators and counts of a project.",
    )
    info.add_argument("project", type=Path, help="the project file")
    info.add_argument("--json", action="store_true", help="print JSON instead of text")
    info.set_defaults(run=run_info)


def run_new(args: argparse.Namespace) -> int:
    """Create a project."""
    with new_project(args.project, schema_path=args.schema, name=args.name) as project:
        print(f"created {project.path} with schema {project.schema.name}")
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
