"""The arguments many commands share, declared once so that their names and help agree."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from annotator.core.server_urls import PROJECT_HELP, location_argument

Run = Callable[[argparse.Namespace], int]


def add_command(
    subparsers: argparse._SubParsersAction, name: str, run: Run, help: str, description: str
) -> argparse.ArgumentParser:
    """A sub-command carried out by ``run`` (the ``run`` default main() calls)."""
    parser = subparsers.add_parser(name, help=help, description=description)
    parser.set_defaults(run=run)
    return parser


def add_project(parser: argparse.ArgumentParser, help: str = PROJECT_HELP) -> None:
    """The PROJECT positional argument: a project file's path or a postgresql:// URL."""
    parser.add_argument("project", type=location_argument, metavar="PROJECT", help=help)


def add_json(parser: argparse.ArgumentParser, help: str = "print JSON instead of text") -> None:
    """--json: machine-readable output instead of the text report."""
    parser.add_argument("--json", action="store_true", help=help)


def add_learn_from(parser: argparse.ArgumentParser) -> None:
    """--learn-from ANNOTATOR: whose done documents a recommender learns from."""
    parser.add_argument(
        "--learn-from",
        required=True,
        metavar="ANNOTATOR",
        help="whose done documents to learn from",
    )
