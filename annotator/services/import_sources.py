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

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ValidationError
from annotator.core.formats import brat, conll, jsonl
from annotator.core.formats.brat import UNANNOTATED
from annotator.core.formats.decoding import decode_bytes
from annotator.core.formats.records import DocumentRecord
from annotator.core.model import Status
from annotator.core.schema import Schema
from annotator.core.text import first_line_title
from annotator.services.export_brat import read_mapping

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CONLL_SUFFIXES = {".conll", ".bio", ".iob"}
NAMED_JSONL_SUFFIXES = {*JSONL_SUFFIXES, ".json"}
TEXT_SUFFIXES = {".txt"}


@dataclass
class SourceItem:
    """One record read from a source (or the reason it could not be read) and where."""

    location: str
    record: DocumentRecord | None
    problem: str | None = None
    progress: int = 0  # bytes of the file read up to and including this item
    notes: list[str] = field(default_factory=list)  # what was read but ignored


def collect_sources(paths: list[Path]) -> list[Path]:
    """The files to import, in a stable order; ValidationError for a path that does not exist."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in JSONL_SUFFIXES | TEXT_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            raise ValidationError(
                f"{path}: no such file or folder", message_id="no_such_path", arguments=(path,)
            )
    return list({f.resolve(): f for f in files}.values())


def read_source(path: Path, encoding: str | None, schema: Schema) -> Iterator[SourceItem]:
    """The records of one file, in order."""
    try:
        data = path.read_bytes()
        text = decode_bytes(data, encoding).text
    except OSError as exc:
        yield SourceItem(str(path), None, f"cannot read: {exc.strerror or exc}", path_size(path))
        return
    except ValidationError as exc:
        yield SourceItem(str(path), None, str(exc), len(data))
        return
    if path.suffix.lower() in CONLL_SUFFIXES:
        yield from _read_conll(path, text, len(data), schema)
    elif _is_jsonl(path, text):
        yield from _read_jsonl(path, text, len(data))
    else:
        title = first_line_title(text) or path.stem
        record = DocumentRecord(text, title=title, meta={"source": str(path.absolute())})
        ann = path.with_suffix(".ann")
        if ann.is_file():
            yield from _with_standoff(record, path, ann, len(data), schema)
        else:
            yield SourceItem(str(path), record, progress=len(data))


def _read_conll(path: Path, text: str, size: int, schema: Schema) -> Iterator[SourceItem]:
    documents = conll.read_conll(text, schema)
    for document in documents:
        for number, problem in document.problems:
            yield SourceItem(f"{path}:{number}", None, problem, size)
        if document.record is not None:
            yield SourceItem(f"{path}:{document.line}", document.record, progress=size)
    if not documents:
        yield SourceItem(str(path), DocumentRecord(""), progress=size)  # reported as empty


def _is_jsonl(path: Path, text: str) -> bool:
    """By suffix, or for a file without a known suffix (``annotator export -o out``), by a
    first line that is a JSON object with a ``text``."""
    suffix = path.suffix.lower()
    if suffix in NAMED_JSONL_SUFFIXES or suffix in TEXT_SUFFIXES:
        return suffix in NAMED_JSONL_SUFFIXES
    first = next(jsonl.iter_lines(text), (0, ""))[1]
    try:
        return first.lstrip().startswith("{") and "text" in json.loads(first)
    except ValueError:
        return False


def _with_standoff(
    record: DocumentRecord, path: Path, ann: Path, size: int, schema: Schema
) -> Iterator[SourceItem]:
    """The text file's record with the annotations of its brat ``.ann`` sibling."""
    try:
        standoff = brat.read_standoff(decode_bytes(ann.read_bytes()).text, record.text, schema)
    except (OSError, ValidationError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        yield SourceItem(str(ann), None, f"cannot read: {reason}", size)
        return
    for number, problem in standoff.problems:
        yield SourceItem(f"{ann}:{number}", None, problem, size)
    if standoff.problems:
        return
    record.entities, record.events, record.local_ids = standoff.entities, standoff.events, True
    record.external_id = path.stem
    record.annotator = _brat_annotator(path)
    if record.annotator is not None and not record.has_annotations:
        # An empty .ann in an annotator's folder: that annotator has the document
        # but nothing on it yet (brat keeps no status).
        record.status = Status.NEW
    notes = [f"{ann}:{number}: {reason}" for number, reason in standoff.ignored]
    yield SourceItem(str(path), record, progress=size, notes=notes)


def _brat_annotator(path: Path) -> str | None:
    """In a folder exported by annotator (annotation.conf above one folder per
    annotator), the annotator named for the folder by ``annotators.json`` (exports
    before it: the folder name itself)."""
    folder = path.parent
    if not (folder.parent / "annotation.conf").is_file():
        return None
    mapping = read_mapping(folder.parent)
    if mapping is not None and folder.name in mapping:
        return mapping[folder.name]
    return None if folder.name == UNANNOTATED else folder.name


def _read_jsonl(path: Path, text: str, size: int) -> Iterator[SourceItem]:
    consumed = 0
    for number, line in jsonl.iter_lines(text):
        location = f"{path}:{number}"
        # Progress in bytes of the file, estimated from the characters read so far.
        consumed += len(line) + 1
        done = min(size, consumed * size // max(len(text), 1))
        try:
            yield SourceItem(location, jsonl.read_line(line), progress=done)
        except ValidationError as exc:
            yield SourceItem(location, None, str(exc), done)
    if not consumed:
        yield SourceItem(str(path), DocumentRecord(""), progress=size)  # reported as empty


def path_size(path: Path) -> int:
    """The file's size in bytes, 0 when it cannot be read."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
