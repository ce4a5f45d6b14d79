"""Exporting a project in the formats training pipelines read.

An export holds one record per document and annotator (a document nobody has
worked on appears once, with no annotator and no annotations), filtered by
annotator, status and label. Files are written atomically (see atomic_files);
``-`` in the CLI streams to standard output instead. What a format cannot hold
(events in doccano, nested spans in BIO, spans off token boundaries) is left
out and reported, never silently changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.formats import brat, conll, doccano, native, spacy
from annotator.core.formats.rows import ExportRow, to_annotations
from annotator.core.formats.tokenize import Token, tokenize
from annotator.core.model import DocumentAnnotations
from annotator.services.atomic_files import (
    ExportError,
    Sink,
    atomic_directory,
    atomic_file,
    write_synced,
)
from annotator.services.export_selection import ExportFilter, select_rows
from annotator.services.gc_pause import gc_paused
from annotator.store import ProjectStore

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportFilter",
    "ExportOptions",
    "ExportReport",
    "export_project",
    "export_to_stream",
]

FORMATS = ("jsonl", "doccano", "spacy", "conll", "brat")
STREAMABLE = FORMATS[:4]
UTF16_FORMATS = ("jsonl", "doccano", "spacy")
# The one JSON encoder of every JSONL export: UTF-8 as it is, not \u-escaped.
ENCODER = native.ENCODER

_WRITE_BATCH = 512  # pieces per write(): fewer, larger writes
# progress(done, total) in exported records; returning False cancels the export.
Progress = Callable[[int, int], bool]


@dataclass
class ExportOptions:
    """What to export and how."""

    format: str = "jsonl"
    filter: ExportFilter = field(default_factory=ExportFilter)
    utf16: bool = False
    split_clitics: bool = False

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


@dataclass
class ExportReport:
    """How many records went out and what had to be left out."""

    records: int = 0
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """A summary line followed by every warning."""
        return [f"exported {self.records} record(s)", *(f"warning: {w}" for w in self.warnings)]


class ExportCancelled(AnnotatorError):
    """The user cancelled; no file was written."""

    def __init__(self) -> None:
        super().__init__("export cancelled, nothing written", message_id="export_cancelled")


def export_project(
    store: ProjectStore, options: ExportOptions, target: Path, progress: Progress | None = None
) -> ExportReport:
    """Export to ``target``: a file, or for brat a folder (which must be absent or empty)."""
    options.check()
    report = ExportReport()
    with gc_paused():
        items = _select(store, options)
        if options.format == "brat":
            with atomic_directory(Path(target)) as folder:
                _write_brat(store, items, folder, report, progress)
        else:
            with atomic_file(Path(target)) as handle:
                _write_lines(items, options, handle, report, progress)
    return report


def export_to_stream(store: ProjectStore, options: ExportOptions, stream: TextIO) -> ExportReport:
    """Export a line-based format to an open text stream (standard output)."""
    options.check()
    if options.format not in STREAMABLE:
        raise ValidationError(
            f"{options.format} writes a folder of files; give a folder name",
            message_id="export_needs_folder", arguments=(options.format,),
        )
    report = ExportReport()
    with gc_paused():
        _write_lines(_select(store, options), options, _TextStreamSink(stream), report, None)
    return report


def _select(store: ProjectStore, options: ExportOptions) -> tuple[int, Iterator[ExportRow]]:
    # Native JSONL takes each text already JSON-quoted by SQLite (see LineEncoder).
    return select_rows(store, options.filter, quoted_text=options.format == "jsonl")


def _write_lines(
    items: tuple[int, Iterator[ExportRow]],
    options: ExportOptions,
    handle: Sink,
    report: ExportReport,
    progress: Progress | None,
) -> None:
    total, records = items
    render = _renderer(options)
    pending: list[bytes] = []
    for item in records:
        pieces, warnings = render(item)
        pending.extend(pieces)
        if len(pending) >= _WRITE_BATCH:
            handle.write(b"".join(pending))
            pending.clear()
        _count(item, warnings, report, total, progress)
    handle.write(b"".join(pending))


class _TextStreamSink:
    """A byte sink over a text stream (standard output).

    Every chunk written ends at the end of a record, so each decodes on its own.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data.decode("utf-8"))


# A renderer turns one record into the UTF-8 pieces that hold it (joined only
# when written, saving a copy of every line) and the warnings about it.
Renderer = Callable[[ExportRow], tuple[Sequence[bytes], list[str]]]


def _renderer(options: ExportOptions) -> Renderer:
    utf16 = options.utf16
    if options.format == "jsonl":
        line = native.LineEncoder(utf16)  # the common case, built without model objects
        return lambda row: (line(row), [])

    def tokens(item: DocumentAnnotations) -> list[Token]:
        return tokenize(item.document.text, options.split_clitics)

    def model_renderer(render: Callable[[DocumentAnnotations], tuple[str, list[str]]]) -> Renderer:
        def rendered(row: ExportRow) -> tuple[Sequence[bytes], list[str]]:
            text, warnings = render(to_annotations(row))
            return (text.encode("utf-8"),), warnings

        return rendered

    if options.format == "doccano":
        return model_renderer(lambda item: _json_line(*doccano.to_json(item, utf16)))
    if options.format == "spacy":
        return model_renderer(lambda item: _json_line(*spacy.to_json(item, tokens(item), utf16)))
    return model_renderer(lambda item: conll.to_block(item, tokens(item)))


def _json_line(record: dict[str, Any], warnings: list[str]) -> tuple[str, list[str]]:
    return ENCODER.encode(record) + "\n", warnings


def _write_brat(
    store: ProjectStore,
    items: tuple[int, Iterator[ExportRow]],
    folder: Path,
    report: ExportReport,
    progress: Progress | None,
) -> None:
    total, records = items
    write_synced(folder / "annotation.conf", brat.annotation_conf(store.schema))
    names: dict[Path, set[str]] = {}
    for row in records:
        subfolder = folder / _safe_name(row.annotator or brat.UNANNOTATED)
        taken = names.setdefault(subfolder, set())
        if not taken:
            subfolder.mkdir()
        stem = _unique(_safe_name(row.document.export_id), taken)
        write_synced(subfolder / f"{stem}.txt", row.document.text)
        write_synced(subfolder / f"{stem}.ann", brat.to_standoff(to_annotations(row)))
        _count(row, [], report, total, progress)


def _count(
    item: ExportRow,
    warnings: list[str],
    report: ExportReport,
    total: int,
    progress: Progress | None,
) -> None:
    report.records += 1
    if warnings:
        who = f"{item.document.export_id} ({item.annotator or 'no annotator'})"
        report.warnings += [f"{who}: {w}" for w in warnings]
    if progress is not None and progress(report.records, total) is False:
        raise ExportCancelled()


def _safe_name(name: str) -> str:
    """A file name made of ``name``'s letters, digits, '-', '_' and '.'."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip(".")
    return safe[:100] or "document"


def _unique(stem: str, taken: set[str]) -> str:
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate
