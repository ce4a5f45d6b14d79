"""`annotator selfcheck`: check that this installation or bundle is complete."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.arguments import add_command
from annotator.services.selfcheck import run_selfcheck, summary


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the selfcheck command."""
    check = add_command(
        subparsers,
        "selfcheck",
        run_selfcheck_command,
        help="check that the installation is complete",
        description="Build the bundled demo project in a temporary folder, count its documents "
        "and spans, load the label schema and the translations, and (with --gui) open the main "
        "window offscreen. Prints a one-line summary; exits 0 when every check passed, else 1.",
    )
    check.add_argument(
        "--gui", action="store_true", help="also create the main window on the demo project"
    )
    check.add_argument(
        "--no-qt", action="store_true", help="skip the checks that start Qt (translations, GUI)"
    )
    check.add_argument("-v", "--verbose", action="store_true", help="print every check")


def run_selfcheck_command(args: argparse.Namespace) -> int:
    """Run the checks and print what failed and the summary."""
    if args.gui and args.no_qt:
        print("annotator: error: --gui needs Qt; drop --no-qt", file=sys.stderr)
        return 2
    results = run_selfcheck(gui=args.gui, qt=not args.no_qt)
    for result in results:
        if args.verbose or not result.ok:
            stream = sys.stdout if result.ok else sys.stderr
            print(f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}", file=stream)
    print(summary(results))
    return 0 if all(r.ok for r in results) else 1
