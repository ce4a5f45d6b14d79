"""Headless commands: ``annotator <command> ...``. Thin: every command calls a service."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import logging
import os
import sys
from collections.abc import Iterator, Sequence

from annotator import __version__
from annotator.cli import (
    commands_backup,
    commands_desktop,
    commands_io,
    commands_project,
    commands_search,
    commands_selfcheck,
    commands_server,
    commands_suggest,
    commands_team,
)
from annotator.core.errors import AnnotatorError
from annotator.core.paths import shown_path, shown_text

log = logging.getLogger(__name__)

# Each module adds its sub-commands with register(subparsers); a sub-parser's
# `run` default is the function that carries it out and returns an exit code.
COMMAND_MODULES = [
    commands_project,
    commands_io,
    commands_backup,
    commands_search,
    commands_selfcheck,
    commands_desktop,
    commands_team,
    commands_server,
    commands_suggest,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news for entity and event extraction. "
        "Without a command, opens the application (on PROJECT_FILE, the last project, "
        "or the demo project).",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def command_names() -> set[str]:
    """The names of every sub-command."""
    parser = build_parser()
    names: set[str] = set()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        names.update(action.choices)
    return names


def check_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """Exit with argparse's usage error, and the nearest command, if ``argv`` names none.

    Checked before parsing: argparse would otherwise report the mistyped command as a
    missing argument of no command at all, or (Python < 3.14) without a suggestion.
    """
    first = next((a for a in argv if not a.startswith("-")), None)
    names = command_names()
    if first is None or first in names or argv[0].startswith("-"):
        return
    if first.endswith(".annproj") or os.sep in first:
        parser.error(f"no such project file: {first}")
    choices = ", ".join(sorted(names))
    message = f"argument COMMAND: invalid choice: {first!r} (choose from {choices})"
    close = difflib.get_close_matches(first, sorted(names), n=1, cutoff=0.6)
    if close:
        message += f"; did you mean {close[0]!r}?"
    parser.error(message)


def _quiet_broken_pipe() -> int:
    """The reader went away (``annotator info … | head``): stop without a word.

    Python would otherwise complain again while flushing stdout at exit, so stdout
    is pointed at /dev/null first (as the Python signal documentation advises).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141  # 128 + SIGPIPE: what a shell reports for a program killed by the closed pipe


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the process exit code. Errors go to stderr, never a traceback."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    check_command(parser, argv)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        with _file_names_printable():
            code = int(args.run(args) or 0)
            sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except AnnotatorError as exc:
        # shown_text: a file name that is not UTF-8 appears with its bytes escaped (\xce).
        print(f"annotator: error: {shown_text(str(exc))}", file=sys.stderr)
        return 1
    except OSError as exc:
        name = f" {shown_path(exc.filename)}" if exc.filename else ""
        print(f"annotator: error:{name} {exc.strerror or exc}", file=sys.stderr)
        return 1
    except UnicodeError as exc:
        # An argument that is not valid text (bytes that are not UTF-8, read by Python
        # as lone surrogates) reached a name or a query: say so instead of a traceback.
        print(
            "annotator: error: an argument is not valid text (bytes that are not UTF-8?): "
            f"{exc.reason}",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130


@contextlib.contextmanager
def _file_names_printable() -> Iterator[None]:
    """Standard output writes a file name that is not UTF-8 back as the bytes it was
    (as ``ls`` does), instead of failing on the surrogates Python decoded them to."""
    stream = sys.stdout
    errors = getattr(stream, "errors", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or errors is None:
        yield
        return
    reconfigure(errors="surrogateescape")
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # closed by a command writing to it
            reconfigure(errors=errors)
