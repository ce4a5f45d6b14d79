"""Our native JSONL: one line per document and annotator, entities and events inline.

``{"id", "title", "text", "meta", "annotator", "status", "entities": [{"id",
"start", "end", "label", "text"}], "events": [{"id", "type", "trigger": {"start",
"end", "text"}, "arguments": [{"role", "entity"}]}]}``, code-point offsets,
end-exclusive. An entity or event with a provenance carries it as ``"source"``
(``model:NAME`` for an accepted suggestion), read back on import. The annotator's
notes: ``"note"`` (text) and ``"unsure"`` (true or false) on an entity or an event
(after ``"source"``), or after ``"status"`` for the document, present only where the
annotator left a note or flag. With UTF-16 offsets,
``start_utf16``/``end_utf16`` are added beside every ``start``/``end``. An
argument's ``entity`` is the ``id`` of an entity of the same line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats.fields import get_int, get_list, get_note, get_optional_str, get_str
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.records import (
    ArgumentRecord,
    EntityRecord,
    EventRecord,
    export_header,
)
from annotator.core.formats.rows import DocumentRow, EventRow, ExportRow, SpanRow
from annotator.core.model import DocumentAnnotations
from annotator.core.notes import Note

# The one JSON encoder of every JSONL export: UTF-8 as it is, not \u-escaped.
ENCODER = json.JSONEncoder(ensure_ascii=False)


def read_annotations(obj: dict[str, Any]) -> tuple[list[EntityRecord], list[EventRecord]]:
    """The entities and events of a native line.

    doccano's relation-extraction export also has ``entities``, with
    ``start_offset``/``end_offset``: those are read as well.
    """
    items = get_list(obj, "entities", "line")
    entities = plain_entities(items)
    if entities is None:  # some item is not plain: the first such raises, named
        entities = [read_entity(item, f"entities[{i}]") for i, item in enumerate(items)]
    events = [
        _read_event(item, f"events[{i}]") for i, item in enumerate(get_list(obj, "events", "line"))
    ]
    return entities, events


def plain_entities(items: list[dict[str, Any]]) -> list[EntityRecord] | None:
    """The entities when every item has int ``start`` and ``end``, a non-empty string
    ``label``, a string (or no) ``id`` and ``source`` and no note, else None: what read_entity
    reads, for the common case with no call per item but dict.get (an import of an
    export reads 200,000 per 10,000 articles)."""
    entities = []
    for item in items:
        get = item.get
        start, end, label, entity_id, source = (
            get("start"), get("end"), get("label"), get("id"), get("source")
        )  # fmt: skip
        if not (
            type(start) is int  # not a bool, which get_int refuses
            and type(end) is int
            and type(label) is str
            and label
            and (entity_id is None or type(entity_id) is str)
            and (source is None or type(source) is str)
            and "start_offset" not in item
            and "note" not in item
            and "unsure" not in item
        ):
            return None
        entities.append(EntityRecord(start, end, label, entity_id, source))
    return entities


def read_entity(item: dict[str, Any], where: str) -> EntityRecord:
    """The entity of one item of ``entities``; ValidationError naming ``where`` and the key."""
    start, end = ("start_offset", "end_offset") if "start_offset" in item else ("start", "end")
    return EntityRecord(
        get_int(item, start, where),
        get_int(item, end, where),
        get_str(item, "label", where),
        get_optional_str(item, "id", where),
        get_optional_str(item, "source", where),
        get_note(item, where),
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
        get_optional_str(item, "source", where),
        get_note(item, where),
    )


def to_json(item: DocumentAnnotations, utf16: bool = False) -> dict[str, Any]:
    """The native export object of one document and annotator."""
    text = item.document.text
    record = export_header(item)
    record.update(_note_fields(item.notes.get(item.document.id)))
    entities = [
        {
            "id": s.id,
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "text": text[s.start : s.end],
            **({"source": s.source} if s.source is not None else {}),
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
            **({"source": e.source} if e.source is not None else {}),
            **_note_fields(item.notes.get(e.id)),
        }
        for e in item.events
    ]
    if utf16:
        units = Utf16Offsets(text)
        for obj in [*entities, *(e["trigger"] for e in events)]:
            obj["start_utf16"] = units(obj["start"])
            obj["end_utf16"] = units(obj["end"])
    for entity in entities:  # after the offsets, as LineEncoder writes them
        entity.update(_note_fields(item.notes.get(entity["id"])))
    record["entities"] = entities
    record["events"] = events
    return record


def _note_fields(note: Note | None) -> dict[str, Any]:
    return {} if note is None else {"note": note.text, "unsure": note.unsure}


def _note_json(note: Note | None) -> str:
    """``_note_fields`` as the encoder writes them, with a leading ", " (or nothing)."""
    if note is None:
        return ""
    unsure = "true" if note.unsure else "false"
    return f', "note": {encode_basestring(note.text)}, "unsure": {unsure}'


class LineEncoder:
    """Native JSONL lines written straight from export rows.

    The output is byte for byte ``ENCODER.encode(to_json(item))`` plus a newline,
    in UTF-8: the same field order and separators, strings escaped by the very
    function ENCODER uses (``encode_basestring``), ints in their decimal form, the
    text taken as the row's ``text_json`` when the store quoted it and ``meta`` parsed
    and encoded again (DocumentRow.meta_json). Skipping
    the intermediate dicts makes an export about twice as fast; the tests compare
    both ways on texts with emoji, bidi marks and control characters.
    """

    def __init__(self, utf16: bool = False) -> None:
        self._utf16 = utf16
        self._document: DocumentRow | None = None
        self._head = b""
        self._labels = _Quoted()

    def __call__(self, row: ExportRow) -> list[bytes]:
        """The UTF-8 pieces of ``row``'s line (joined when written), newline included."""
        doc = row.document
        if doc is not self._document:  # a document's lines follow each other
            self._document, self._head = doc, _head(doc)
        units = Utf16Offsets(doc.text) if self._utf16 else None
        name = "null" if row.annotator is None else encode_basestring(row.annotator)
        notes = row.notes or {}
        events = ", ".join(_event(doc.text, event, units, notes) for event in row.events)
        rest = (
            f'{name}, "status": "{row.status.value}"{_note_json(notes.get(doc.id))}, '
            f'"entities": [{self._entities(doc.text, row.spans, units, notes)}], '
            f'"events": [{events}]}}\n'
        )
        return [self._head, rest.encode("utf-8")]

    def _entities(
        self,
        text: str,
        spans: Sequence[SpanRow],
        units: Utf16Offsets | None,
        notes: Mapping[str, Note],
    ) -> str:
        labels, quote = self._labels, encode_basestring
        # Every entity but its closing brace, which the join adds.
        entities = [
            f'{{"id": {quote(span_id)}, "start": {start}, "end": {end}, "label": '
            f'{labels[label]}, "text": {quote(text[start:end])}'
            + ("" if source is None else f', "source": {quote(source)}')
            for start, end, span_id, label, source in spans
        ]
        if units is not None:
            entities = [
                f'{entity}, "start_utf16": {units(start)}, "end_utf16": {units(end)}'
                for entity, (start, end, *_) in zip(entities, spans, strict=True)
            ]
        if notes:
            entities = [
                entity + _note_json(notes.get(span[2]))
                for entity, span in zip(entities, spans, strict=True)
            ]
        return "}, ".join(entities) + "}" if entities else ""


class _Quoted(dict[str, str]):
    """str -> its JSON string, each encoded once (labels recur on every line)."""

    def __missing__(self, key: str) -> str:
        self[key] = quoted = encode_basestring(key)
        return quoted


def _head(doc: DocumentRow) -> bytes:
    """A line's start up to the annotator's name: the same for every line of ``doc``."""
    quote = encode_basestring
    text = doc.text_json if doc.text_json is not None else quote(doc.text).encode("utf-8")
    start = f'{{"id": {quote(doc.export_id)}, "title": {quote(doc.title)}, "text": '
    meta = f', "meta": {doc.meta_json()}, "annotator": '
    return b"".join((start.encode("utf-8"), text, meta.encode("utf-8")))


def _event(
    text: str, event: EventRow, units: Utf16Offsets | None, notes: Mapping[str, Note]
) -> str:
    start, end, event_id, event_type, source, arguments = event
    quote = encode_basestring
    trigger = f'"start": {start}, "end": {end}, "text": {quote(text[start:end])}'
    if units is not None:
        trigger += f', "start_utf16": {units(start)}, "end_utf16": {units(end)}'
    roles = ", ".join(
        f'{{"role": {quote(role)}, "entity": {quote(span_id)}}}' for _, role, span_id in arguments
    )
    provenance = "" if source is None else f', "source": {quote(source)}'
    return (
        f'{{"id": {quote(event_id)}, "type": {quote(event_type)}, "trigger": {{{trigger}}}, '
        f'"arguments": [{roles}]{provenance}{_note_json(notes.get(event_id))}}}'
    )
