"""Reading JSONL import files: one document per line, in any of the accepted shapes.

Every line is a JSON object with ``text`` (required) and optionally ``id``,
``title``, ``meta``, ``annotator``, ``status`` and the annotator's ``note`` and ``unsure``
on the document (as the native export writes them); any other top-level key (doccano's
``doc_id``, ``source_url``...) is kept in ``meta`` and reported. Pre-annotations come in one of
three shapes, recognised by their key: our native ``entities``/``events``,
doccano's ``label`` (or ``labels``), or spaCy/Prodigy's ``spans``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats import doccano, native, spacy
from annotator.core.formats.fields import get_note, get_optional_str
from annotator.core.formats.records import DocumentRecord
from annotator.core.model import Status, check_annotator_name

# Keys a format gives meaning to; any other top-level key is kept in ``meta``.
_FORMAT_KEYS = frozenset(
    ("text", "id", "title", "meta", "annotator", "status", "entities", "events", "label",
     "labels", "label_utf16", "spans", "tokens", "relations")
)  # fmt: skip
# An annotator's note on the document, on a line of that annotator's work.
_NOTE_KEYS = frozenset(("note", "unsure"))
_WORK_KEYS = ("annotator", "status", "entities", "events")
_SHAPES = {
    "native": ("entities", "events"),
    "doccano": doccano.LABEL_KEYS,
    "spaCy/Prodigy": ("spans",),
}


# Documented limits of one line's fields (README, "Import and export"): a title (and an
# id) is a line of text, meta is a small dict of facts about the article, not a payload.
MAX_TITLE_CHARS = 1_000
MAX_META_CHARS = 100_000
# A JSON escape of a lone surrogate (\ud800-\udfff not followed by its pair) decodes
# to a str that cannot be stored or printed as UTF-8: only lines with such an escape
# are walked (a cheap search on the raw line keeps ordinary lines fast).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_DIGITS = re.compile(r"has (\d+) digits")


def _refuse_constant(name: str) -> float:
    raise ValidationError(f"{name} is not a number JSON allows (strict JSON readers refuse it)")


def _finite_float(digits: str) -> float:
    value = float(digits)
    if math.isinf(value):  # 1e999 overflows to Infinity, which strict JSON cannot hold
        raise ValidationError(f"the number {digits[:20]} is too large (not a finite number)")
    return value


# No parse_int hook: it would cost a Python call per offset. Python itself refuses an
# int of more than 4300 digits (sys.get_int_max_str_digits) with a bare ValueError,
# turned into a reason in read_line; a shorter huge offset fails the offset checks.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


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
        obj = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValidationError("invalid JSON: nested too deeply") from None
    except ValidationError as exc:
        raise ValidationError(f"invalid JSON: {exc}") from None
    except ValueError as exc:  # an integer longer than Python converts
        digits = _DIGITS.search(str(exc))
        size = f"{int(digits.group(1)):,} digits" if digits else "too many digits"
        raise ValidationError(f"invalid JSON: a number of {size} is too large") from None
    if _SURROGATE_ESCAPE.search(line):
        _refuse_surrogates(obj, "")
    if isinstance(obj, list):
        raise ValidationError("expected a JSON object, got a list (write one object per line)")
    if not isinstance(obj, dict):
        raise ValidationError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValidationError("'text' is required and must be a string")
    record = DocumentRecord(
        text=text,
        title=_title(obj),
        external_id=_bounded(obj, "id", MAX_TITLE_CHARS),
        meta=_meta(obj),
        annotator=_annotator(obj),
        status=Status.parse(obj["status"]) if obj.get("status") is not None else None,
        note=get_note(obj, "line") if _is_annotators_line(obj) else None,
    )
    _keep_unknown_keys(obj, record)
    _check_meta_size(record.meta)
    _read_annotations(obj, record)
    return record


def _refuse_surrogates(value: Any, where: str) -> None:
    """ValidationError naming the key path of the first string holding a lone surrogate."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            raise ValidationError(
                f"{where or 'a key'}: contains a lone surrogate U+{ord(found.group()):04X} "
                "(half of a character; not valid text)"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogates(key, f"{where}: a key" if where else "")
            _refuse_surrogates(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_surrogates(item, f"{where}[{i}]")


def _title(obj: dict[str, Any]) -> str | None:
    return _bounded(obj, "title", MAX_TITLE_CHARS)


def _bounded(obj: dict[str, Any], key: str, limit: int) -> str | None:
    value = get_optional_str(obj, key, "line")
    if value is not None and len(value) > limit:
        raise ValidationError(f"{key!r} is too long ({len(value):,} characters, at most {limit:,})")
    return value


def _is_annotators_line(obj: dict[str, Any]) -> bool:
    """True for a line of an annotator's work (a native export's shape), whose ``note``
    and ``unsure`` are that annotator's; elsewhere they are a corpus's own fields."""
    return any(key in obj for key in _WORK_KEYS)


def _keep_unknown_keys(obj: dict[str, Any], record: DocumentRecord) -> None:
    """Top-level keys no format knows (doccano's ``doc_id``, ``source_url``...) go to
    ``meta``, as doccano keeps them; a key ``meta`` already holds is left to ``meta``."""
    known = _FORMAT_KEYS | _NOTE_KEYS if _is_annotators_line(obj) else _FORMAT_KEYS
    for key, value in obj.items():
        if key not in known and key not in record.meta:
            record.meta = {**record.meta, key: value}
            record.kept_keys.append(key)


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    meta = obj.get("meta", {})
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ValidationError(f"'meta' must be an object, got {type(meta).__name__}")
    return meta


def _check_meta_size(meta: dict[str, Any]) -> None:
    """``meta`` (with the unknown keys kept in it) within its documented limit."""
    if not meta:
        return  # most lines: no JSON to write
    size = len(json.dumps(meta, ensure_ascii=False))
    if size > MAX_META_CHARS:
        raise ValidationError(
            f"'meta' is too large ({size:,} characters of JSON, at most {MAX_META_CHARS:,})"
        )


def _annotator(obj: dict[str, Any]) -> str | None:
    name = get_optional_str(obj, "annotator", "line")
    if name is None:
        return None
    if not name.strip():
        raise ValidationError("'annotator' must not be blank")
    return check_annotator_name(name, "'annotator'")


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
