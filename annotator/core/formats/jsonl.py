"""Reading JSONL import files: one document per line, in any of the accepted shapes.

Every line is a JSON object with ``text`` (required) and optionally ``id``,
``title``, ``meta``, ``annotator`` and ``status``; any other top-level key (doccano's
``doc_id``, ``source_url``...) is kept in ``meta`` and reported. Pre-annotations come in one of
three shapes, recognised by their key: our native ``entities``/``events``,
doccano's ``label`` (or ``labels``), or spaCy/Prodigy's ``spans``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats import doccano, native, spacy
from annotator.core.formats.fields import get_optional_str
from annotator.core.formats.records import DocumentRecord
from annotator.core.model import Status

# Keys a format gives meaning to; any other top-level key is kept in ``meta``.
_FORMAT_KEYS = frozenset(
    ("text", "id", "title", "meta", "annotator", "status", "entities", "events", "label",
     "labels", "label_utf16", "spans", "tokens", "relations")
)  # fmt: skip
_SHAPES = {
    "native": ("entities", "events"),
    "doccano": doccano.LABEL_KEYS,
    "spaCy/Prodigy": ("spans",),
}


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every non-blank line.

    Only ``\\n`` ends a line: JSON strings may hold U+2028 and friends unescaped.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line.strip():
            yield number, line


def read_line(line: str) -> DocumentRecord:
    """The document record of one JSONL line; ValidationError says what is wrong."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValidationError("invalid JSON: nested too deeply") from None
    if isinstance(obj, list):
        raise ValidationError("expected a JSON object, got a list (write one object per line)")
    if not isinstance(obj, dict):
        raise ValidationError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValidationError("'text' is required and must be a string")
    record = DocumentRecord(
        text=text,
        title=get_optional_str(obj, "title", "line"),
        external_id=get_optional_str(obj, "id", "line"),
        meta=_meta(obj),
        annotator=_annotator(obj),
        status=Status.parse(obj["status"]) if obj.get("status") is not None else None,
    )
    _keep_unknown_keys(obj, record)
    _read_annotations(obj, record)
    return record


def _keep_unknown_keys(obj: dict[str, Any], record: DocumentRecord) -> None:
    """Top-level keys no format knows (doccano's ``doc_id``, ``source_url``...) go to
    ``meta``, as doccano keeps them; a key ``meta`` already holds is left to ``meta``."""
    for key, value in obj.items():
        if key not in _FORMAT_KEYS and key not in record.meta:
            record.meta = {**record.meta, key: value}
            record.kept_keys.append(key)


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    meta = obj.get("meta", {})
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ValidationError(f"'meta' must be an object, got {type(meta).__name__}")
    return meta


def _annotator(obj: dict[str, Any]) -> str | None:
    name = get_optional_str(obj, "annotator", "line")
    if name is not None and not name.strip():
        raise ValidationError("'annotator' must not be blank")
    return name.strip() if name else None


def _read_annotations(obj: dict[str, Any], record: DocumentRecord) -> None:
    shapes = [name for name, keys in _SHAPES.items() if any(k in obj for k in keys)]
    if len(shapes) > 1:
        raise ValidationError(f"mixes annotation shapes ({' and '.join(shapes)}); use one")
    if shapes == ["native"]:
        record.entities, record.events = native.read_annotations(obj)
    elif shapes == ["doccano"]:
        record.entities = doccano.read_annotations(obj)
    elif shapes == ["spaCy/Prodigy"]:
        record.entities = spacy.read_annotations(obj)
