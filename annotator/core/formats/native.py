"""Our native JSONL: one line per document and annotator, entities and events inline.

``{"id", "title", "text", "meta", "annotator", "status", "entities": [{"id",
"start", "end", "label", "text"}], "events": [{"id", "type", "trigger": {"start",
"end", "text"}, "arguments": [{"role", "entity"}]}]}``, code-point offsets,
end-exclusive. With UTF-16 offsets, ``start_utf16``/``end_utf16`` are added beside
every ``start``/``end``. An argument's ``entity`` is the ``id`` of an entity of
the same line.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats.fields import get_int, get_list, get_optional_str, get_str
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.records import (
    ArgumentRecord,
    EntityRecord,
    EventRecord,
    export_header,
)
from annotator.core.model import DocumentAnnotations


def read_annotations(obj: dict[str, Any]) -> tuple[list[EntityRecord], list[EventRecord]]:
    """The entities and events of a native line.

    doccano's relation-extraction export also has ``entities``, with
    ``start_offset``/``end_offset``: those are read as well.
    """
    entities = [
        _read_entity(item, f"entities[{i}]")
        for i, item in enumerate(get_list(obj, "entities", "line"))
    ]
    events = [
        _read_event(item, f"events[{i}]") for i, item in enumerate(get_list(obj, "events", "line"))
    ]
    return entities, events


def _read_entity(item: dict[str, Any], where: str) -> EntityRecord:
    start, end = ("start_offset", "end_offset") if "start_offset" in item else ("start", "end")
    return EntityRecord(
        get_int(item, start, where),
        get_int(item, end, where),
        get_str(item, "label", where),
        get_optional_str(item, "id", where),
    )


def _read_event(item: dict[str, Any], where: str) -> EventRecord:
    trigger = item.get("trigger")
    if not isinstance(trigger, dict):
        raise ValidationError(f"{where}: 'trigger' must be an object with start and end")
    arguments = [
        ArgumentRecord(
            get_str(arg, "role", f"{where}.arguments[{j}]"),
            get_str(arg, "entity", f"{where}.arguments[{j}]"),
        )
        for j, arg in enumerate(get_list(item, "arguments", where))
    ]
    return EventRecord(
        get_str(item, "type", where),
        get_int(trigger, "start", f"{where}.trigger"),
        get_int(trigger, "end", f"{where}.trigger"),
        arguments,
        get_optional_str(item, "id", where),
    )


def to_json(item: DocumentAnnotations, utf16: bool = False) -> dict[str, Any]:
    """The native export object of one document and annotator."""
    text = item.document.text
    record = export_header(item)
    entities = [
        {
            "id": s.id,
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "text": text[s.start : s.end],
        }
        for s in item.spans
    ]
    events = [
        {
            "id": e.id,
            "type": e.type,
            "trigger": {
                "start": e.trigger_start,
                "end": e.trigger_end,
                "text": text[e.trigger_start : e.trigger_end],
            },
            "arguments": [{"role": a.role, "entity": a.span_id} for a in e.arguments],
        }
        for e in item.events
    ]
    if utf16:
        units = Utf16Offsets(text)
        for obj in [*entities, *(e["trigger"] for e in events)]:
            obj["start_utf16"] = units(obj["start"])
            obj["end_utf16"] = units(obj["end"])
    record["entities"] = entities
    record["events"] = events
    return record
