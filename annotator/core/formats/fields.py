"""Reading typed fields out of decoded JSON, with errors that name the field."""

from __future__ import annotations

from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.formats.records import NoteRecord
from annotator.core.notes import MAX_NOTE_LENGTH


def get_int(obj: dict[str, Any], key: str, where: str) -> int:
    """``obj[key]`` as an int (not a bool, not a float)."""
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{where}: {key!r} must be an integer, got {value!r}")
    return value


def get_str(obj: dict[str, Any], key: str, where: str) -> str:
    """``obj[key]`` as a non-empty string."""
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise ValidationError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value


def get_optional_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    """``obj[key]`` as a string, None when absent or null; numbers become text (ids)."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValidationError(f"{where}: {key!r} must be a string, got {value!r}")
    return value


def get_list(obj: dict[str, Any], key: str, where: str, kind: type = dict) -> list[Any]:
    """``obj[key]`` as a list of ``kind`` (an empty list when absent)."""
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise ValidationError(f"{where}: {key!r} must be a list, got {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            raise ValidationError(
                f"{where}: {key}[{i}] must be {kind.__name__}, got {type(item).__name__}"
            )
    return value


def get_note(obj: dict[str, Any], where: str) -> NoteRecord | None:
    """An annotator's note from ``"note"`` (text) and ``"unsure"`` (true or false), as
    the native export writes them; None when neither is there or the note is empty (no
    text but blanks, not flagged: what the project keeps as no note at all)."""
    text, unsure = obj.get("note"), obj.get("unsure")
    if text is None and unsure is None:
        return None
    if text is not None and not isinstance(text, str):
        raise ValidationError(f"{where}: 'note' must be a string, got {text!r}")
    if unsure is not None and not isinstance(unsure, bool):
        raise ValidationError(f"{where}: 'unsure' must be true or false, got {unsure!r}")
    if text is not None and len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            f"{where}: 'note' has {len(text):,} characters (at most {MAX_NOTE_LENGTH:,})"
        )
    note = NoteRecord(text or "", bool(unsure))
    return None if note.empty else note
