"""doccano's sequence-labelling JSONL: ``{"text", "label": [[start, end, "LABEL"], ...]}``.

doccano counts code points, end-exclusive, like we do. Older doccano versions
wrote ``labels``; both are read. Events have no place in this format: an export
reports how many it left out. With UTF-16 offsets a ``label_utf16`` list of the
same triples in UTF-16 code units follows ``label``.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.records import EntityRecord, export_header
from annotator.core.model import DocumentAnnotations

LABEL_KEYS = ("label", "labels")


def read_annotations(obj: dict[str, Any]) -> list[EntityRecord]:
    """The entities of a doccano line."""
    key = "label" if "label" in obj else "labels"
    triples = obj[key]
    if not isinstance(triples, list):
        raise ValidationError(f"{key!r} must be a list of [start, end, label]")
    entities = plain_entities(triples)
    if entities is None:  # some item is not plain: the first such raises, with its index
        entities = [entity(item, key, i) for i, item in enumerate(triples)]
    return entities


def plain_entities(triples: list[Any]) -> list[EntityRecord] | None:
    """The entities when every item is ``[int, int, non-empty str]``, else None.

    What :func:`entity` accepts, for the common case in one pass with no call per item
    (an import reads 200,000 per 10,000 articles); type() is int excludes bool, which
    entity() refuses.
    """
    entities = [
        EntityRecord(*item)
        for item in triples
        if type(item) is list
        and len(item) == 3
        and type(item[0]) is int
        and type(item[1]) is int
        and type(item[2]) is str
        and item[2]
    ]
    return entities if len(entities) == len(triples) else None


def entity(item: Any, key: str, index: int) -> EntityRecord:
    """The entity of item ``index`` of the list ``key``; ValidationError naming it."""
    where = f"{key}[{index}]"
    if not (isinstance(item, list) and len(item) == 3):
        raise ValidationError(f"{where}: expected [start, end, label], got {item!r}")
    start, end, label = item
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{where}: {name} must be an integer, got {value!r}")
    if not isinstance(label, str) or not label:
        raise ValidationError(f"{where}: label must be a non-empty string, got {label!r}")
    return EntityRecord(start, end, label)


def to_json(item: DocumentAnnotations, utf16: bool = False) -> tuple[dict[str, Any], list[str]]:
    """The doccano object of one document and annotator, and what it could not hold."""
    record = export_header(item)
    record["label"] = [[s.start, s.end, s.label] for s in item.spans]
    if utf16:
        units = Utf16Offsets(item.document.text)
        record["label_utf16"] = [[units(s.start), units(s.end), s.label] for s in item.spans]
    warnings = []
    if item.events:
        warnings.append(f"{len(item.events)} event(s) left out: doccano has no events")
    return record, warnings
