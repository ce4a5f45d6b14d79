"""Exporting a project in the formats training pipelines read.

What an export holds is chosen by export_selection: by default one training-ready
record per document (the gold, else a chosen annotator's finished work), or the
full dump on request. With ``split`` the documents are divided into splits (train,
validation, test...) stored in the project, so a document keeps its split in every
later export and every format; each split becomes its own file (``train.jsonl``...)
or folder (brat) inside the target folder. Files are written atomically (see
atomic_files); ``-`` in the CLI streams to standard output instead. What a format
cannot hold (events in doccano, nested spans in BIO) is left out and reported,
never silently changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.formats.conll import DOCSTARTS
from annotator.core.formats.rows import ExportRow
from annotator.core.splits import assign_splits, parse_split
from annotator.services.atomic_files import (
    ExportError,
    Sink,
    atomic_directory,
    atomic_file,
    write_synced,
)
from annotator.services.export_brat import write_brat
from annotator.services.export_renderers import (
    ENCODER,
    RenderOptions,
    TokenCount,
    label_file_text,
    renderer,
)
from annotator.services.export_selection import ExportFilter, Plan, plan_records, select_rows
from annotator.services.gc_pause import gc_paused
from annotator.store import ProjectStore

__all__ = [
    "ENCODER",
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportFilter",
    "ExportOptions",
    "ExportReport",
    "export_project",
    "export_to_stream",
]

FORMATS = ("jsonl", "doccano", "spacy", "conll", "hf", "events", "brat")
FOLDER_FORMATS = ("hf", "brat")
STREAMABLE = ("jsonl", "doccano", "spacy", "conll", "events")
UTF16_FORMATS = ("jsonl", "doccano", "spacy")
SUFFIXES = {"conll": ".conll"}  # every other line format writes .jsonl
HF_LABELS = "labels.json"
_WRITE_BATCH = 512  # pieces per write(): fewer, larger writes
# progress(done, total) in exported records; returning False cancels the export.
Progress = Callable[[int, int], bool]


@dataclass
class ExportOptions:
    """What to export and how (``filter.full_dump`` for every record instead of training)."""

    format: str = "jsonl"
    filter: ExportFilter = field(default_factory=ExportFilter)
    utf16: bool = False
    split_clitics: bool = False
    split: str | None = None  # "train=0.8,validation=0.1,test=0.1"
    seed: int = 0
    docstart: str = "conll2003"

    def check(self) -> None:
        """Raise ValidationError for an unknown format or an option it cannot honour."""
        if self.format not in FORMATS:
            raise ValidationError(
                f"unknown export format {self.format!r} (expected one of {', '.join(FORMATS)})"
            )
        if self.utf16 and self.format not in UTF16_FORMATS:
            raise ValidationError(
                f"UTF-16 offsets apply to {', '.join(UTF16_FORMATS)}, not {self.format}"
            )
        if self.docstart not in DOCSTARTS:
            raise ValidationError(f"docstart: expected one of {', '.join(DOCSTARTS)}")
        if self.split is not None:
            parse_split(self.split)

    @property
    def writes_folder(self) -> bool:
        """True when the target is a folder (brat, Hugging Face, or any format split)."""
        return self.format in FOLDER_FORMATS or self.split is not None

    def file_name(self, split: str) -> str:
        """The file of one split inside the target folder."""
        return f"{split}{SUFFIXES.get(self.format, '.jsonl')}"


@dataclass
class ExportReport:
    """How many records went out and what had to be left out."""

    records: int = 0
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    split_tokens: int = 0
    splits: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """A summary line, what was done to fit the format, then every warning."""
        summary = f"exported {self.records} record(s)"
        if self.splits:
            summary += " (" + ", ".join(f"{k} {v}" for k, v in self.splits.items()) + ")"
        notes = list(self.notes)
        if self.split_tokens:
            notes.append(f"{self.split_tokens} token(s) split at annotation boundaries")
        return [summary, *notes, *(f"warning: {w}" for w in self.warnings)]


class ExportCancelled(AnnotatorError):
    """The user cancelled; no file was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled, nothing written", message_id="export_cancelled")


def export_project(
    store: ProjectStore, options: ExportOptions, target: Path, progress: Progress | None = None
) -> ExportReport:
    """Export to ``target``: a file, or a folder (brat, hf, any split export) that must be
    absent or empty."""
    options.check()
    report = ExportReport()
    # Every record from one moment of the project. A split export also stores the
    # splits it gives new documents, so it reads inside its write transaction (a
    # snapshot refuses writes); a plain export only reads and blocks no one.
    moment = store.transaction() if options.split is not None else store.snapshot()
    with moment, gc_paused(), _naming_the_project(store):
        plan = plan_records(store, options.filter)
        report.notes += plan.notes
        splits = _splits(store, options, plan)
        total, rows = select_rows(store, options.filter, options.format == "jsonl", plan)
        counted = _counter(report, total, progress)
        if not options.writes_folder:
            with atomic_file(Path(target)) as handle:
                _write_lines(rows, options, store, lambda _: handle, report, counted)
            return report
        with atomic_directory(Path(target)) as folder:
            name_of = _split_namer(splits, report)
            if options.format == "brat":
                # Without splits the export folder is brat's; with them, one folder each.
                folder_of = lambda row: folder / (name_of(row) or "")  # noqa: E731
                write_brat(rows, folder_of, store.schema, lambda row: counted(row, []))
            else:
                _write_split_files(rows, options, store, folder, name_of, report, counted)
    return report


@contextlib.contextmanager
def _naming_the_project(store: ProjectStore) -> Iterator[None]:
    """A record the project file itself holds wrongly (altered by hand) names the file."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(f"{store.path}: {exc}") from exc


def export_to_stream(store: ProjectStore, options: ExportOptions, stream: TextIO) -> ExportReport:
    """Export a line-based format to an open text stream (standard output)."""
    options.check()
    if options.format not in STREAMABLE or options.split is not None:
        raise ValidationError(
            f"{options.format} writes a folder of files; give a folder name",
            message_id="export_needs_folder", arguments=(options.format,),
        )
    report = ExportReport()
    # Every record from one moment of the project.
    with store.snapshot(), gc_paused(), _naming_the_project(store):
        plan = plan_records(store, options.filter)
        report.notes += plan.notes
        total, rows = select_rows(store, options.filter, options.format == "jsonl", plan)
        sink = _TextStreamSink(stream)
        _write_lines(rows, options, store, lambda _: sink, report, _counter(report, total, None))
    return report


def _splits(store: ProjectStore, options: ExportOptions, plan: Plan) -> dict[str, str] | None:
    """Each exported document's split (stored ones kept, new ones stored), or None."""
    if options.split is None:
        return None
    documents = list(plan.records)
    if plan.unannotated:
        documents += [d.id for d in store.documents.summaries() if d.id not in plan.records]
    stored = store.splits.all()
    new = assign_splits(documents, stored, parse_split(options.split), options.seed)
    store.splits.add(new)
    return {**stored, **new}


def _split_namer(
    splits: dict[str, str] | None, report: ExportReport
) -> Callable[[ExportRow], str | None]:
    def name_of(row: ExportRow) -> str | None:
        if splits is None:
            return None
        name = splits[row.document.id]
        report.splits[name] = report.splits.get(name, 0) + 1
        return name

    return name_of


def _write_split_files(
    rows: Iterator[ExportRow],
    options: ExportOptions,
    store: ProjectStore,
    folder: Path,
    name_of: Callable[[ExportRow], str | None],
    report: ExportReport,
    counted: Callable[[ExportRow, list[str]], None],
) -> None:
    """One file per split in ``folder`` (``data`` without splits), plus HF's label file."""
    if options.format == "hf":
        write_synced(folder / HF_LABELS, label_file_text(store.schema))
    with contextlib.ExitStack() as stack:
        sinks: dict[str, Sink] = {}

        def sink_of(row: ExportRow) -> Sink:
            name = name_of(row) or "data"
            if name not in sinks:
                sinks[name] = stack.enter_context(atomic_file(folder / options.file_name(name)))
            return sinks[name]

        _write_lines(rows, options, store, sink_of, report, counted)


def _write_lines(
    rows: Iterator[ExportRow],
    options: ExportOptions,
    store: ProjectStore,
    sink_of: Callable[[ExportRow], Sink],
    report: ExportReport,
    counted: Callable[[ExportRow, list[str]], None],
) -> None:
    tokens = TokenCount()
    render_options = RenderOptions(
        options.format, options.utf16, options.split_clitics, options.docstart
    )
    render = renderer(render_options, store.schema, tokens)
    pending: dict[int, tuple[Sink, list[bytes]]] = {}
    for row in rows:
        sink = sink_of(row)
        pieces, warnings = render(row)
        _, queue = pending.setdefault(id(sink), (sink, []))
        queue.extend(pieces)
        if len(queue) >= _WRITE_BATCH:
            sink.write(b"".join(queue))
            queue.clear()
        counted(row, warnings)
    for sink, queue in pending.values():
        sink.write(b"".join(queue))
    report.split_tokens += tokens.split


class _TextStreamSink:
    """A byte sink over a text stream (standard output).

    Every chunk written ends at the end of a record, so each decodes on its own.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data.decode("utf-8"))


def _counter(
    report: ExportReport, total: int, progress: Progress | None
) -> Callable[[ExportRow, list[str]], None]:
    """Counts each record written, files its warnings, reports progress (and cancels)."""

    def counted(item: ExportRow, warnings: list[str]) -> None:
        report.records += 1
        if warnings:
            who = f"{item.document.export_id} ({item.annotator or 'no annotator'})"
            report.warnings += [f"{who}: {w}" for w in warnings]
        if progress is not None and progress(report.records, total) is False:
            raise ExportCancelled()

    return counted
