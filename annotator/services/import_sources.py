"""Finding the files an import reads and turning each into document records.

A folder is searched recursively for ``*.txt``, ``*.jsonl``, ``*.ndjson`` and CoNLL
(``*.conll``, ``*.bio``, ``*.iob``) files; hidden files and folders are passed
over. A file named explicitly is read by its suffix (``.json`` counts as JSONL,
as doccano names it so); without a known suffix it is JSONL if its first line is
a JSON document object, plain text otherwise. A file named twice is read once.
A text file with a brat ``.ann`` beside it brings that file's annotations. Every
record comes with its location, ``file:line``, for the report.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from annotator.core.errors import ValidationError
from annotator.core.formats import brat, conll, jsonl
from annotator.core.formats.brat import UNANNOTATED
from annotator.core.formats.decoding import (
    UTF16_BOMS,
    WINDOWS_ARABIC,
    LineDecoder,
    decode_bytes,
    sniff_binary,
)
from annotator.core.formats.records import DocumentRecord
from annotator.core.model import Status, check_annotator_name
from annotator.core.paths import shown_path, shown_text
from annotator.core.schema import Schema
from annotator.core.text import first_line_title
from annotator.services.export_brat import document_note, read_mapping

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CONLL_SUFFIXES = {".conll", ".bio", ".iob"}
NAMED_JSONL_SUFFIXES = {*JSONL_SUFFIXES, ".json"}
TEXT_SUFFIXES = {".txt"}
FOLDER_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | CONLL_SUFFIXES
# Documented limits (README, "Import and export"). Binary content is recognised from
# the first block; a text file holds one article (at most 1,000,000 characters, at
# most 4 bytes each, plus line endings); a JSONL line one document with its
# annotations; a CoNLL file or a brat .ann a corpus's annotations.
SNIFF_BYTES = 64 * 1024
MAX_TEXT_FILE_BYTES = 16_000_000
MAX_LINE_BYTES = 32_000_000
MAX_CORPUS_FILE_BYTES = 256_000_000


@dataclass
class SourceItem:
    """One record read from a source (or the reason it could not be read) and where."""

    location: str
    record: DocumentRecord | None
    problem: str | None = None
    progress: int = 0  # bytes of the file read up to and including this item
    notes: list[str] = field(default_factory=list)  # what was read but ignored


def collect_sources(paths: list[Path]) -> list[Path]:
    """The files to import, in a stable order; ValidationError for a path that does not
    exist or is not a regular file (a FIFO would block the import forever)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if _importable(p, path)))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise ValidationError(
                f"{shown_path(path)}: not a regular file (a FIFO, socket or device); "
                "import files and folders only"
            )
        else:
            raise ValidationError(
                f"{shown_path(path)}: no such file or folder",
                message_id="no_such_path", arguments=(shown_path(path),),
            )
    return list({f.resolve(): f for f in files}.values())


def _importable(path: Path, root: Path) -> bool:
    return (
        path.suffix.lower() in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and path.is_file()
    )


def read_source(path: Path, encoding: str | None, schema: Schema) -> Iterator[SourceItem]:
    """The records of one file, in order, read block by block within the documented limits."""
    shown = shown_path(path)
    size = path_size(path)
    try:
        with path.open("rb") as handle:
            first = handle.read(SNIFF_BYTES)
            kind = _kind(path, first)
            if encoding is None:
                sniff_binary(first)
            if kind == "jsonl" and encoding is None and not first.startswith(UTF16_BOMS):
                handle.seek(0)
                yield from _read_jsonl_stream(shown, handle, size)
                return
            data = first + _read_rest(handle, size, kind)
    except OSError as exc:
        yield SourceItem(shown, None, f"cannot read: {exc.strerror or exc}", size)
        return
    except ValidationError as exc:
        yield SourceItem(shown, None, str(exc), size)
        return
    yield from _decoded_records(path, data, encoding, kind, schema)


def _decoded_records(
    path: Path, data: bytes, encoding: str | None, kind: str, schema: Schema
) -> Iterator[SourceItem]:
    """The records of a file read whole: a text, a CoNLL corpus, a JSONL in UTF-16."""
    shown, size = shown_path(path), len(data)
    try:
        decoded = decode_bytes(data, encoding)
    except ValidationError as exc:
        yield SourceItem(shown, None, str(exc), size)
        return
    text = decoded.text
    if encoding is None and decoded.encoding == WINDOWS_ARABIC:
        # A guess, so it is said: a wrong one shows in the report, not only in the text.
        yield SourceItem(shown, None, notes=[f"{shown}: read as Windows-1256 (not UTF-8)"])
    if kind == "conll":
        yield from _read_conll(shown, text, size, schema)
    elif kind == "jsonl":
        yield from _read_jsonl(shown, text, size)
    else:
        title = first_line_title(text) or shown_text(path.stem)
        record = DocumentRecord(text, title=title, meta={"source": shown_path(path.absolute())})
        ann = path.with_suffix(".ann")
        if ann.is_file():
            yield from _with_standoff(record, path, ann, size, schema)
        else:
            yield SourceItem(shown, record, progress=size)


def _kind(path: Path, first_block: bytes) -> str:
    """conll, jsonl or text: by suffix, else by a first line that is a JSON object with text."""
    suffix = path.suffix.lower()
    if suffix in CONLL_SUFFIXES:
        return "conll"
    if suffix in NAMED_JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    first, newline, _ = first_block.partition(b"\n")
    first = first.removeprefix(codecs.BOM_UTF8).lstrip()
    if not first.startswith(b"{"):
        return "text"
    if not newline and len(first_block) == SNIFF_BYTES:
        # A first line longer than the block (a long article): judged by its start, as
        # every JSONL writer we read puts "text" among the first keys.
        return "jsonl" if b'"text"' in first else "text"
    try:
        return "jsonl" if "text" in json.loads(first) else "text"
    except (ValueError, TypeError, RecursionError):
        return "text"


def _read_rest(handle: BinaryIO, size: int, kind: str) -> bytes:
    """The rest of a file read whole (one article, or a CoNLL corpus), if within its limit."""
    limit = MAX_TEXT_FILE_BYTES if kind == "text" else MAX_CORPUS_FILE_BYTES
    if size > limit:
        what = "one document" if kind == "text" else "an import file"
        raise ValidationError(
            f"too long for {what}: {size / 1e6:,.1f} MB, more than the {limit / 1e6:,.0f} MB "
            "it may hold; split it into articles"
        )
    rest = handle.read(limit + 1 - SNIFF_BYTES)
    if len(rest) > limit - SNIFF_BYTES:  # it grew since stat(), or is a special file
        raise ValidationError(f"too long: more than the {limit / 1e6:,.0f} MB a file may hold")
    return rest


def _read_conll(shown: str, text: str, size: int, schema: Schema) -> Iterator[SourceItem]:
    documents = conll.read_conll(text, schema)
    for document in documents:
        for number, problem in document.problems:
            yield SourceItem(f"{shown}:{number}", None, problem, size)
        if document.record is not None:
            yield SourceItem(f"{shown}:{document.line}", document.record, progress=size)
    if not documents:
        yield SourceItem(shown, DocumentRecord(""), progress=size)  # reported as empty


def _with_standoff(
    record: DocumentRecord, path: Path, ann: Path, size: int, schema: Schema
) -> Iterator[SourceItem]:
    """The text file's record with the annotations of its brat ``.ann`` sibling."""
    shown_ann = shown_path(ann)
    try:
        if path_size(ann) > MAX_CORPUS_FILE_BYTES:
            raise ValidationError(f"more than {MAX_CORPUS_FILE_BYTES / 1e6:,.0f} MB")
        standoff = brat.read_standoff(decode_bytes(ann.read_bytes()).text, record.text, schema)
    except (OSError, ValidationError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        yield SourceItem(shown_ann, None, f"cannot read: {reason}", size)
        return
    for number, problem in standoff.problems:
        yield SourceItem(f"{shown_ann}:{number}", None, problem, size)
    if standoff.problems:
        return
    record.entities, record.events, record.local_ids = standoff.entities, standoff.events, True
    record.external_id = shown_text(path.stem)
    try:
        record.annotator = _brat_annotator(path)
    except ValidationError as exc:
        yield SourceItem(shown_path(path.parent), None, str(exc), size)
        return
    if record.annotator is not None:
        try:
            record.note = document_note(ann)
        except ValidationError as exc:
            yield SourceItem(shown_path(path.parent), None, str(exc), size)
            return
    if record.annotator is not None and not record.has_annotations:
        # An empty .ann in an annotator's folder (a document note at most): that
        # annotator has the document but nothing on it yet (brat keeps no status).
        record.status = Status.NEW
    notes = [f"{shown_ann}:{number}: {reason}" for number, reason in standoff.ignored]
    yield SourceItem(shown_path(path), record, progress=size, notes=notes)


def _brat_annotator(path: Path) -> str | None:
    """In a folder exported by annotator (annotation.conf above one folder per
    annotator), the annotator named for the folder by ``annotators.json`` (exports
    before it: the folder name itself)."""
    folder = path.parent
    if not (folder.parent / "annotation.conf").is_file():
        return None
    mapping = read_mapping(folder.parent)
    if mapping is not None and folder.name in mapping:
        named = mapping[folder.name]  # null: the documents nobody annotated
        return None if named is None else check_annotator_name(named, "annotators.json")
    if folder.name == UNANNOTATED:
        return None
    return check_annotator_name(folder.name, "annotator folder name")


def _read_jsonl(shown: str, text: str, size: int) -> Iterator[SourceItem]:
    """A JSONL file decoded whole (a chosen encoding, or UTF-16 with a BOM)."""
    consumed = 0
    for number, line in jsonl.iter_lines(text):
        # Progress in bytes of the file, estimated from the characters read so far.
        consumed += len(line) + 1
        done = min(size, consumed * size // max(len(text), 1))
        yield _jsonl_item(f"{shown}:{number}", line, done)
    if not consumed:
        yield SourceItem(shown, DocumentRecord(""), progress=size)  # reported as empty


def _read_jsonl_stream(shown: str, handle: BinaryIO, size: int) -> Iterator[SourceItem]:
    """A JSONL file read line by line: memory stays bounded by the longest line allowed."""
    lines = LineDecoder()
    any_line, number = False, 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        location = f"{shown}:{number}"
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            del raw  # the rest of the line is skipped in small blocks, never held whole
            _skip_to_line_end(handle)
            yield SourceItem(location, None, _line_too_long(), handle.tell())
            any_line = True
            continue
        try:
            line = lines.decode(raw, first=number == 1)
        except ValidationError as exc:
            yield SourceItem(location, None, str(exc), handle.tell())
            any_line = True
            continue
        if line.strip():
            any_line = True
            yield _jsonl_item(location, line, handle.tell())
    if not any_line:
        yield SourceItem(shown, DocumentRecord(""), progress=size)  # reported as empty


def _jsonl_item(location: str, line: str, done: int) -> SourceItem:
    try:
        return SourceItem(location, jsonl.read_line(line), progress=done)
    except ValidationError as exc:
        return SourceItem(location, None, str(exc), done)


def _line_too_long() -> str:
    return (
        f"line too long (more than {MAX_LINE_BYTES / 1e6:,.0f} MB; one document is at most "
        "1,000,000 characters)"
    )


def _skip_to_line_end(handle: BinaryIO) -> None:
    while True:
        block = handle.readline(SNIFF_BYTES)
        if not block or block.endswith(b"\n"):
            return


def path_size(path: Path) -> int:
    """The file's size in bytes, 0 when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
