"""`annotator import`, `annotator export` and `annotator stats`."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.core.formats.conll import DOCSTARTS
from annotator.core.model import AnnotatorKind, Status
from annotator.services.exporting import (
    FORMATS,
    ExportFilter,
    ExportOptions,
)
from annotator.services.importing import (
    DEFAULT_ANNOTATOR,
    ImportFailed,
    ImportOptions,
)
from annotator.services.project import open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the import, export and stats commands."""
    _register_import(subparsers)
    _register_export(subparsers)
    stats = add_command(
        subparsers,
        "stats",
        run_stats,
        help="count documents, spans and statuses",
        description="Print the documents, spans per label per annotator and status counts.",
    )
    add_project(stats)
    add_json(stats)


def _register_import(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "import",
        run_import,
        help="import text files, folders or JSONL",
        description="Import text files (UTF-8, UTF-16 with BOM, Windows-1256), folders of "
        "them (recursive) and JSONL with optional pre-annotations (native, doccano or "
        "spaCy/Prodigy shape), brat (.txt with .ann) or CoNLL, in one transaction: any invalid "
        "item refuses the whole import unless --skip-invalid is given.",
    )
    add_project(parser)
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="attribute all pre-annotations to NAME (default: a line's own "
        f"annotator, else {DEFAULT_ANNOTATOR!r})",
    )
    parser.add_argument(
        "--kind",
        choices=[k.value for k in AnnotatorKind],
        default=AnnotatorKind.MODEL.value,
        help="kind of that annotator if new (default: model)",
    )
    parser.add_argument(
        "--encoding", metavar="ENC", help="the text files' encoding (default: detect)"
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip (and report) invalid lines and files instead of refusing the import",
    )


def _register_export(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "export",
        run_export,
        help="export annotations for training",
        description="Export training data: one record per document (the gold where it "
        "exists, else the finished work of the --annotator named first, else of the first "
        "annotator by name), finished documents only; --full-dump exports every document "
        "and annotator instead. brat and hf write "
        "a folder, as does any format with --split; the others write one file, or standard "
        "output with -o -.",
    )
    add_project(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="output file, folder or -"
    )
    parser.add_argument(
        "--full-dump",
        action="store_true",
        help="every document and annotator, any status (default: one training record each)",
    )
    parser.add_argument(
        "--annotator",
        action="append",
        metavar="NAME",
        help="only this annotator (repeatable; for training, the order of preference "
        "after the gold)",
    )
    parser.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in Status],
        help="only records with this status (repeatable; training default: done)",
    )
    parser.add_argument(
        "--split",
        metavar="SPEC",
        help="split by document, e.g. train=0.8,validation=0.1,test=0.1; a document keeps "
        "its split (stored in the project) in every later export",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="shuffle for --split of new documents (default 0)"
    )
    parser.add_argument(
        "--docstart",
        choices=list(DOCSTARTS),
        default="conll2003",
        help="conll: the -DOCSTART- -X- O O line before each document, or none",
    )
    parser.add_argument(
        "--label", action="append", help="only this label or event type (repeatable)"
    )
    parser.add_argument("--utf16", action="store_true", help="add UTF-16 offsets (JSON formats)")
    parser.add_argument(
        "--split-clitics",
        action="store_true",
        help="token formats: split و ف ب ك ل off words starting with ال",
    )


def run_import(args: argparse.Namespace) -> int:
    """Import files into a project."""
    options = ImportOptions(
        annotator=args.annotator,
        kind=AnnotatorKind(args.kind),
        encoding=args.encoding,
        skip_invalid=args.skip_invalid,
    )
    with open_project(args.project) as project:
        try:
            report = project.import_paths(args.paths, options)
        except ImportFailed as exc:
            # Every problem, not the dialog-sized summary: scripts grep these lines.
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"annotator: error: import refused, {args.project} unchanged", file=sys.stderr)
            return 1
    print("\n".join(report.lines()))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export a project."""
    options = ExportOptions(
        format=args.format,
        filter=ExportFilter(
            annotators=args.annotator,
            statuses=[Status(s) for s in args.status] if args.status else None,
            labels=args.label,
            full_dump=args.full_dump,
        ),
        utf16=args.utf16,
        split_clitics=args.split_clitics,
        split=args.split,
        seed=args.seed,
        docstart=args.docstart,
    )
    with open_project(args.project) as project:
        if args.output == "-":
            with _utf8_stdout() as stream:
                report = project.export_to_stream(options, stream)
        else:
            report = project.export(options, Path(args.output))
    summary, *warnings = report.lines()
    for warning in warnings:
        print(warning, file=sys.stderr)
    print(summary, file=sys.stderr if args.output == "-" else sys.stdout)
    return 0


@contextlib.contextmanager
def _utf8_stdout() -> Iterator[TextIO]:
    """Standard output as UTF-8 whatever the locale, with ``\\n`` line endings."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()


def run_stats(args: argparse.Namespace) -> int:
    """Print project counts."""
    with open_project(args.project) as project:
        stats = project.stats()
    if args.json:
        print(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(stats.lines()))
    return 0
