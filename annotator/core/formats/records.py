"""What an import reads from a line or a file, before it meets the project.

Offsets are code points into ``text`` as read. They are checked against the
text and the schema by :func:`validate_record`, which lists every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.model import (
    DocumentAnnotations,
    Status,
    check_document_length,
    check_offsets,
)
from annotator.core.schema import Schema


@dataclass
class EntityRecord:
    """An entity mention; ``id`` is the file's own reference for event arguments."""

    start: int
    end: int
    label: str
    id: str | None = None
    source: str | None = None  # who made it when not a person: ``model:NAME``


@dataclass
class ArgumentRecord:
    """An event argument: the entity whose file id is ``entity`` fills ``role``."""

    role: str
    entity: str


@dataclass
class EventRecord:
    """An event mention with its trigger offsets and arguments."""

    type: str
    start: int
    end: int
    arguments: list[ArgumentRecord] = field(default_factory=list)
    id: str | None = None
    source: str | None = None


@dataclass
class DocumentRecord:
    """One document as read from a file, with optional (pre-)annotations."""

    text: str
    title: str | None = None
    external_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    annotator: str | None = None
    status: Status | None = None
    entities: list[EntityRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    # True when entity/event ids only link arguments within the file (brat's T1,
    # E1): they are not kept as the stored ids.
    local_ids: bool = False
    # Top-level keys of the line no format knows, kept in ``meta`` (as doccano does).
    kept_keys: list[str] = field(default_factory=list)

    @property
    def has_annotations(self) -> bool:
        """True when the record carries entities or events."""
        return bool(self.entities or self.events)


def validate_record(record: DocumentRecord, schema: Schema) -> list[str]:
    """Every reason ``record`` cannot be stored: bad offsets, unknown labels, dangling ids."""
    try:
        check_document_length(record.text, "the text")
    except ValidationError as exc:
        return [str(exc)]  # its offsets are not worth checking one by one
    problems = []
    length = len(record.text)
    ids: dict[str, str] = {}
    for entity in record.entities:
        problems += _offset_problem(entity.start, entity.end, length, f"entity {entity.label}")
        if schema.entity(entity.label) is None:
            problems.append(f"unknown entity label {entity.label!r} (not in the schema)")
        if entity.id is not None:
            if entity.id in ids:
                problems.append(f"duplicate entity id {entity.id!r}")
            ids[entity.id] = entity.label
    for event in record.events:
        problems += _offset_problem(event.start, event.end, length, f"trigger of {event.type}")
        event_type = schema.event(event.type)
        if event_type is None:
            problems.append(f"unknown event type {event.type!r} (not in the schema)")
        pairs = [(a.role, a.entity) for a in event.arguments]
        if len(set(pairs)) < len(pairs):
            problems.append(f"event {event.type}: the same argument is listed twice")
        for argument in event.arguments:
            if argument.entity not in ids:
                problems.append(
                    f"event {event.type}: argument refers to unknown entity {argument.entity!r}"
                )
            elif event_type is not None and event_type.role(argument.role) is None:
                problems.append(f"event {event.type} has no role {argument.role!r}")
    return problems


def _offset_problem(start: int, end: int, length: int, what: str) -> list[str]:
    try:
        check_offsets(start, end, length, what)
    except ValidationError as exc:
        return [str(exc)]
    return []


def export_header(item: DocumentAnnotations) -> dict[str, Any]:
    """The fields every JSONL export line starts with (id, title, text, meta, who, status)."""
    doc = item.document
    return {
        "id": doc.external_id if doc.external_id is not None else doc.id,
        "title": doc.title,
        "text": doc.text,
        "meta": doc.meta,
        "annotator": item.annotator,
        "status": item.status.value,
    }
