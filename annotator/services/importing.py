"""Importing text files and JSONL (with pre-annotations) into a project, atomically.

One import is one transaction. Every invalid item is reported as
``file:line: reason``; unless ``skip_invalid`` is set, any problem aborts the
import and leaves the project unchanged. Texts are made canonical (changes are
reported), empty documents and exact duplicates are skipped and reported. A
line whose text is already in the project but brings annotations of an
annotator who has none there yet is attached to that document (so a model's
predictions can be imported for texts already loaded, and a multi-annotator
export can be imported back).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.formats.canonical import canonicalize_record
from annotator.core.formats.records import DocumentRecord, validate_record
from annotator.core.model import (
    AnnotatorKind,
    check_annotator_name,
    check_document_length,
    text_sha256,
)
from annotator.core.schema import Schema
from annotator.services.gc_pause import gc_paused
from annotator.services.gil_slices import short_gil_slices
from annotator.services.import_sources import (
    SourceItem,
    collect_sources,
    path_size,
    read_source,
)
from annotator.services.import_writer import BATCH as WRITER_BATCH
from annotator.services.import_writer import ImportWriter
from annotator.services.read_ahead import read_ahead
from annotator.store import ProjectStore
from annotator.store.documents import PreparedText

DEFAULT_ANNOTATOR = "model"
# How much text a list of records read ahead holds at most (a few such lists wait):
# ~1,650 news articles, or four of the longest documents allowed.
READ_AHEAD_CHARS = 4_000_000

# progress(done, total) in bytes read; returning False cancels the import.
Progress = Callable[[int, int], bool]


@dataclass
class ImportOptions:
    """How to import.

    ``annotator`` receives every pre-annotation; without it a line's own
    ``annotator`` is used, else DEFAULT_ANNOTATOR. ``kind`` is the kind of that
    annotator when it is new.
    """

    annotator: str | None = None
    kind: AnnotatorKind = AnnotatorKind.MODEL
    encoding: str | None = None
    skip_invalid: bool = False


@dataclass
class ImportReport:
    """What an import did and every item it passed over."""

    documents: int = 0
    attached: int = 0
    spans: int = 0
    events: int = 0
    skipped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # unknown top-level keys kept in meta
    notes: list[str] = field(default_factory=list)
    annotator_notes: int = 0  # notes and "unsure" flags on documents, spans and events

    def lines(self) -> list[str]:
        """Human-readable summary followed by one line per reported item."""
        head = (
            f"imported {self.documents} document(s), {self.spans} span(s), {self.events} event(s)"
        )
        if self.attached:
            head += f"; annotations added to {self.attached} existing document(s)"
        if self.annotator_notes:
            head += f"; {self.annotator_notes} annotator note(s) or unsure flag(s)"
        out = [head]
        for title, items in (
            ("skipped (invalid)", self.skipped),
            ("skipped (duplicate)", self.duplicates),
            ("skipped (empty)", self.empty),
            ("text cleaned", self.changes),
            ("ignored", self.ignored),
            ("kept in meta", self.kept),
            ("note", self.notes),
        ):
            out += [f"{title}: {item}" for item in items]
        return out


class ImportFailed(AnnotatorError):
    """The import was refused; ``problems`` lists every ``file:line: reason``."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:50]
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"import refused, project unchanged ({len(problems)} problem(s)):\n"
            + "\n".join(shown)
            + more,
            message_id="import_refused",
            arguments=(len(problems), "\n".join(shown) + more),
        )
        self.problems = problems


class ImportCancelled(AnnotatorError):
    """The user cancelled; the project is unchanged."""

    def __init__(self) -> None:
        super().__init__("import cancelled, project unchanged", message_id="import_cancelled")


def import_paths(
    store: ProjectStore,
    paths: list[Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders into ``store`` in one transaction (see the module doc).

    The files are read and checked on a second thread (services.read_ahead) while
    this one writes what was read before: the checks need nothing of the project.
    """
    options = options or ImportOptions()
    if options.annotator is not None:
        options.annotator = check_annotator_name(options.annotator, "the annotator name")
    files = collect_sources([Path(p) for p in paths])
    total = sum(path_size(f) for f in files)
    report = ImportReport()
    problems: list[str] = []
    with store.transaction(), store.bulk_writes(), gc_paused(), short_gil_slices():
        writer = ImportWriter(store, _kinds(options), report)
        plan = _ReadingPlan(writer.preparer())
        reading = _checked_items(files, options, writer.schema, plan)
        checked_items = read_ahead(reading, WRITER_BATCH, _text_length, READ_AHEAD_CHARS)
        with contextlib.closing(checked_items):
            for chunk in checked_items:
                writer.expect([checked.sha256 for checked in chunk if checked.sha256])
                for checked in chunk:
                    problems += _queue_checked(checked, writer, report)
                    if progress is not None and progress(checked.progress, total) is False:
                        raise ImportCancelled()
                plan.prepare_texts = writer.mostly_new_texts()
        writer.flush()
        if problems and not options.skip_invalid:
            raise ImportFailed(problems)
        report.skipped = problems
    return report


@dataclass
class _Checked:
    """One item read, after the checks that need nothing of the project."""

    item: SourceItem
    progress: int  # bytes of all the files read up to and including this item
    problems: list[str] = field(default_factory=list)  # as ``file:line: reason``
    changes: list[str] = field(default_factory=list)  # what canonicalising changed
    empty: bool = False
    sha256: str = ""  # of a record that passed the checks
    prepared: PreparedText | None = None  # its text as the store writes it, if made ahead


class _ReadingPlan:
    """What the reading thread does beyond the checks, as the writing thread last said.

    Compressing and folding a text ahead saves the writing thread that work, but only
    for a text new to the project: when most records bring texts it holds already (a
    model's predictions for loaded texts) the reading thread only hashes them, and the
    writer prepares the few new ones itself.
    """

    def __init__(self, prepare: Callable[[DocumentRecord], PreparedText]) -> None:
        self.prepare = prepare
        self.prepare_texts = True  # set by the writing thread after each chunk


def _checked_items(
    files: list[Path], options: ImportOptions, schema: Schema, plan: _ReadingPlan
) -> Iterator[_Checked]:
    """Every item of ``files``, checked and its text made ready for the store (on the
    reading thread: nothing here touches the project's connection)."""
    done_before = 0
    for path in files:
        for item in read_source(path, options.encoding, schema):
            yield _checked(item, done_before + item.progress, options, schema, plan)
        done_before += path_size(path)


def _text_length(checked: _Checked) -> int:
    record = checked.item.record
    return len(record.text) if record is not None else 0


def _checked(
    item: SourceItem, progress: int, options: ImportOptions, schema: Schema, plan: _ReadingPlan
) -> _Checked:
    checked = _Checked(item, progress)
    record = item.record
    if record is None:
        if item.problem is not None:
            checked.problems = [f"{item.location}: {item.problem}"]
        return checked
    try:
        checked.changes = canonicalize_record(record)
        check_document_length(record.text)
    except AnnotatorError as exc:
        checked.problems = [f"{item.location}: {exc}"]
        return checked
    if not record.text.strip():
        checked.empty = True
        return checked
    checked.problems = [f"{item.location}: {p}" for p in validate_record(record, schema)]
    if checked.problems:
        return checked
    _resolve_annotator(record, options)
    if not plan.prepare_texts:
        checked.sha256 = text_sha256(record.text)
        return checked
    try:
        checked.prepared = plan.prepare(record)
    except AnnotatorError as exc:
        checked.problems = [f"{item.location}: {exc}"]
        return checked
    checked.sha256 = checked.prepared.sha256
    return checked


def _queue_checked(checked: _Checked, writer: ImportWriter, report: ImportReport) -> list[str]:
    """Queue one checked item; returns its problems as ``file:line: reason``."""
    item, record = checked.item, checked.item.record
    if checked.problems:
        return checked.problems
    if record is None:  # only something to say
        report.notes += item.notes
        return []
    if checked.empty:
        report.empty.append(f"{item.location}: empty document")
        return []
    report.changes += [f"{item.location}: {c}" for c in checked.changes]
    if record.kept_keys:
        report.kept.append(f"{item.location}: {', '.join(record.kept_keys)}")
    report.ignored += item.notes
    duplicate_of = writer.add(record, checked.sha256, checked.prepared)
    if duplicate_of is not None:
        report.duplicates.append(f"{item.location}: same text as document {duplicate_of}")
    return []


def _kinds(options: ImportOptions) -> Callable[[str], AnnotatorKind]:
    """New annotators named by the user (or the default) get ``options.kind``; names
    found in the file are people's, as a native export carries them."""
    chosen = (options.annotator or DEFAULT_ANNOTATOR).strip()
    return lambda name: options.kind if name == chosen else AnnotatorKind.HUMAN


def _resolve_annotator(record: DocumentRecord, options: ImportOptions) -> None:
    if options.annotator:
        record.annotator = options.annotator.strip()
    elif record.annotator is None and record.has_work:
        record.annotator = DEFAULT_ANNOTATOR
