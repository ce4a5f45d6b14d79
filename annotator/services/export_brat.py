"""Writing a brat export: ``annotation.conf``, one folder per annotator, a ``.txt`` and an
``.ann`` per document, and ``annotators.json`` mapping each folder back to its annotator.

Folder names are file-system safe and unique (``a/b`` and ``a_b`` get different
folders); the mapping gives import the exact names back, including one named
``unannotated`` (the folder of documents nobody annotated maps to ``null``).

Notes on entities and events are brat's ``#`` AnnotatorNotes lines in the ``.ann``. brat
has nothing for a note on a whole document (an AnnotatorNotes line names an annotation),
so an annotator's document notes go into ``notes.json`` in their folder, beside the
``.ann`` files: ``{"<stem>": {"note": text, "unsure": bool}}``, stem as in ``<stem>.ann``.
An import reads both back (document_note, core.formats.brat).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.errors import ValidationError
from annotator.core.formats import brat
from annotator.core.formats.fields import get_note
from annotator.core.formats.records import NoteRecord
from annotator.core.formats.rows import ExportRow, to_annotations
from annotator.core.paths import shown_path
from annotator.core.schema import Schema
from annotator.services.atomic_files import write_synced

MAPPING_FILE = "annotators.json"
NOTES_FILE = "notes.json"  # per annotator folder: the document notes


class BratFolderWriter:
    """Writes the records of one brat export folder (one per split)."""

    def __init__(self, folder: Path, schema: Schema) -> None:
        self.folder = folder
        self.names = brat.BratNames(schema)
        self._folders: dict[str | None, str] = {}  # annotator -> folder name
        self._stems: dict[str, set[str]] = {}
        self._notes: dict[str, dict[str, dict[str, object]]] = {}  # folder -> stem -> note
        folder.mkdir(exist_ok=True)
        write_synced(folder / "annotation.conf", brat.annotation_conf(schema))

    def write(self, row: ExportRow) -> None:
        """Write one record's ``.txt`` and ``.ann``."""
        subfolder = self.folder / self._folder_of(row.annotator)
        taken = self._stems[subfolder.name]
        stem = unique_name(safe_name(row.document.export_id), taken)
        write_synced(subfolder / f"{stem}.txt", row.document.text)
        write_synced(subfolder / f"{stem}.ann", brat.to_standoff(to_annotations(row), self.names))
        note = (row.notes or {}).get(row.document.id)
        if note is not None and (note.text or note.unsure):
            notes = self._notes.setdefault(subfolder.name, {})
            notes[stem] = {"note": note.text, "unsure": note.unsure}

    def finish(self) -> None:
        """Write the folder -> annotator mapping, and each folder's document notes."""
        mapping = {folder: name for name, folder in self._folders.items()}
        write_synced(self.folder / MAPPING_FILE, _json(mapping))
        for folder, notes in self._notes.items():
            write_synced(self.folder / folder / NOTES_FILE, _json(notes))

    def _folder_of(self, annotator: str | None) -> str:
        if annotator not in self._folders:
            wanted = brat.UNANNOTATED if annotator is None else safe_name(annotator)
            taken = {name.lower() for name in self._stems}
            if annotator is not None and wanted.lower() == brat.UNANNOTATED:
                taken.add(brat.UNANNOTATED)  # that folder is the unannotated documents'
            folder = unique_name(wanted, taken)
            self._folders[annotator] = folder
            self._stems[folder] = set()
            (self.folder / folder).mkdir()
        return self._folders[annotator]


def write_brat(
    rows: Iterator[ExportRow],
    folder_of: Callable[[ExportRow], Path],
    schema: Schema,
    counted: Callable[[ExportRow], None],
) -> None:
    """Write every row into the brat folder ``folder_of(row)`` (a split's, or the export's)."""
    writers: dict[Path, BratFolderWriter] = {}
    for row in rows:
        folder = folder_of(row)
        if folder not in writers:
            writers[folder] = BratFolderWriter(folder, schema)
        writers[folder].write(row)
        counted(row)
    for writer in writers.values():
        writer.finish()


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_mapping(export_folder: Path) -> dict[str, str | None] | None:
    """The folder -> annotator mapping of a brat export folder, None when it has none."""
    path = export_folder / MAPPING_FILE
    if not path.is_file():
        return None
    try:
        mapping = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(mapping, dict):
        return None
    return {str(k): v for k, v in mapping.items() if v is None or isinstance(v, str)}


def document_note(ann_path: Path) -> NoteRecord | None:
    """The note on the document of ``ann_path`` in its folder's notes.json, if any
    (ValidationError naming the file when it is not what the export writes)."""
    path = ann_path.parent / NOTES_FILE
    try:
        stat = path.stat()
    except OSError:
        return None
    notes = _read_notes(str(path), (stat.st_ino, stat.st_mtime_ns, stat.st_size))
    if isinstance(notes, str):
        raise ValidationError(notes)
    entry = notes.get(ann_path.stem)
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise ValidationError(f"{shown_path(path)}: {ann_path.stem!r} must be an object")
    return get_note(entry, f"{shown_path(path)}: {ann_path.stem}")


@functools.lru_cache(maxsize=4)  # one read per folder, not per document
def _read_notes(path: str, _version: tuple[int, int, int]) -> dict[str, object] | str:
    """The notes of a notes.json, or what is wrong with it (kept too: one read per file
    version, which its inode, modification time and size name)."""
    try:
        notes = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"{shown_path(Path(path))}: cannot read: {exc}"
    if not isinstance(notes, dict):
        return f"{shown_path(Path(path))}: expected an object of notes"
    return notes


def safe_name(name: str) -> str:
    """A file name made of ``name``'s letters, digits, '-', '_' and '.'."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip(".")
    return safe[:100] or "document"


def unique_name(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... the first not in ``taken`` (compared lowercased,
    for case-insensitive file systems); the result is added to ``taken``."""
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate
