"""Label schemas: entity types and event types with their argument roles.

A schema file is JSON (format ``annotator-schema/1``, documented in README.md).
Loading validates every key and names the file and the offending key on error.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from annotator.core.errors import SchemaError

SCHEMA_FORMAT = "annotator-schema/1"
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*$")

# Every key a schema object may hold: a misspelt key ("alow_overlap") is refused,
# not ignored, since ignoring it silently keeps the default the user meant to change.
_TOP_KEYS = (
    "format", "name", "description", "allow_overlap", "max_span_length", "entities", "events"
)
_ENTITY_KEYS = ("key", "name_en", "name_ar", "color", "shortcut", "guideline", "guideline_ar")
_EVENT_KEYS = ("key", "name_en", "name_ar", "color", "roles", "guideline", "guideline_ar")
_ROLE_KEYS = ("role", "accepts")


@dataclass(frozen=True)
class EntityType:
    """A label for entity mentions."""

    key: str
    name_en: str
    name_ar: str
    color: str
    shortcut: str | None = None
    guideline: str = ""
    guideline_ar: str = ""


@dataclass(frozen=True)
class Role:
    """An argument role of an event type and the entity labels that may fill it."""

    role: str
    accepts: tuple[str, ...]


@dataclass(frozen=True)
class EventType:
    """A type of event mention, with its argument roles."""

    key: str
    name_en: str
    name_ar: str
    color: str
    roles: tuple[Role, ...] = ()
    guideline: str = ""
    guideline_ar: str = ""

    def role(self, name: str) -> Role | None:
        """The role called ``name``, or None."""
        return next((r for r in self.roles if r.role == name), None)

    def roles_accepting(self, entity_label: str) -> list[Role]:
        """The roles an entity labelled ``entity_label`` may fill."""
        return [r for r in self.roles if entity_label in r.accepts]


@dataclass(frozen=True)
class Schema:
    """A project's label schema."""

    name: str
    entities: tuple[EntityType, ...]
    events: tuple[EventType, ...] = ()
    allow_overlap: bool = True
    description: str = ""
    max_span_length: int | None = None  # longer spans are labelled only once confirmed
    _entity_index: dict[str, EntityType] = field(default_factory=dict, compare=False, repr=False)
    _event_index: dict[str, EventType] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._entity_index.update({e.key: e for e in self.entities})
        self._event_index.update({e.key: e for e in self.events})

    def entity(self, key: str) -> EntityType | None:
        """The entity type ``key``, or None."""
        return self._entity_index.get(key)

    def event(self, key: str) -> EventType | None:
        """The event type ``key``, or None."""
        return self._event_index.get(key)

    @property
    def entities_by_key(self) -> Mapping[str, EntityType]:
        """The entity types by key, read-only: ``label in schema.entities_by_key`` checks
        a label without a call (an import checks 400,000 per 10,000 articles)."""
        return MappingProxyType(self._entity_index)

    @property
    def entity_keys(self) -> list[str]:
        """Entity labels in schema order."""
        return [e.key for e in self.entities]

    @property
    def event_keys(self) -> list[str]:
        """Event types in schema order."""
        return [e.key for e in self.events]

    def to_dict(self) -> dict[str, Any]:
        """The schema as the JSON object of its file format."""
        return {
            "format": SCHEMA_FORMAT,
            "name": self.name,
            "description": self.description,
            "allow_overlap": self.allow_overlap,
            **({"max_span_length": self.max_span_length} if self.max_span_length else {}),
            "entities": [_entity_dict(e) for e in self.entities],
            "events": [_event_dict(e) for e in self.events],
        }

    def to_json(self) -> str:
        """The schema serialised in its file format."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def _entity_dict(e: EntityType) -> dict[str, Any]:
    return {
        "key": e.key,
        "name_en": e.name_en,
        "name_ar": e.name_ar,
        "color": e.color,
        "shortcut": e.shortcut,
        "guideline": e.guideline,
        "guideline_ar": e.guideline_ar,
    }


def _event_dict(e: EventType) -> dict[str, Any]:
    return {
        "key": e.key,
        "name_en": e.name_en,
        "name_ar": e.name_ar,
        "color": e.color,
        "guideline": e.guideline,
        "guideline_ar": e.guideline_ar,
        "roles": [{"role": r.role, "accepts": list(r.accepts)} for r in e.roles],
    }


def load_schema(path: str | Path) -> Schema:
    """Read and validate a schema file; SchemaError names the file and the offending key."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read schema: {exc.strerror or exc}") from exc
    return parse_schema(_schema_text(data, path), source=str(path))


def _schema_text(data: bytes, path: Path) -> str:
    """The schema file's text; SchemaError says what kind of file it is when not UTF-8 JSON."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SchemaError(f"{path}: the schema is saved as UTF-16; save it as UTF-8")
    if b"\x00" in data:
        raise SchemaError(f"{path}: not a schema: a binary file (NUL byte at byte {data.index(0)})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(
            f"{path}: the schema is not UTF-8 text (invalid byte 0x{data[exc.start]:02X} at "
            f"byte {exc.start}); save it as UTF-8"
        ) from exc
    if not text.strip():
        raise SchemaError(f"{path}: the schema file is empty")
    return text


def parse_schema(raw: str, source: str = "<schema>") -> Schema:
    """Parse schema JSON text; duplicate JSON keys are refused, not silently merged."""
    try:
        data = json.loads(raw, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"{source}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    except _DuplicateKey as exc:
        raise SchemaError(f"{source}: duplicate key {exc.args[0]!r}") from exc
    except RecursionError as exc:
        raise SchemaError(f"{source}: JSON nested too deeply") from exc
    return schema_from_dict(data, source)


class _DuplicateKey(Exception):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def schema_from_dict(data: Any, source: str = "<schema>") -> Schema:
    """Build a Schema from its JSON object, validating every field."""
    check = _Checker(source)
    check.is_type(data, dict, "(top level)")
    check.known_keys(data, _TOP_KEYS, "")
    fmt = data.get("format")
    if fmt != SCHEMA_FORMAT:
        check.fail("format", f"expected {SCHEMA_FORMAT!r}, got {fmt!r}")
    entities = tuple(
        _parse_entity(item, f"entities[{i}]", check)
        for i, item in enumerate(check.list_of(data, "entities", dict, allow_empty=False))
    )
    check.unique([e.key for e in entities], "entities", "key")
    check.unique([e.shortcut for e in entities if e.shortcut], "entities", "shortcut")
    entity_keys = {e.key for e in entities}
    events = tuple(
        _parse_event(item, f"events[{i}]", check, entity_keys)
        for i, item in enumerate(check.list_of(data, "events", dict, allow_empty=True))
    )
    check.unique([e.key for e in events], "events", "key")
    overlap = data.get("allow_overlap", True)
    check.is_type(overlap, bool, "allow_overlap")
    max_length = data.get("max_span_length")
    if max_length is not None and (
        not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1
    ):
        check.fail("max_span_length", "expected a positive number of characters")
    return Schema(
        name=check.text(data, "name", "name"),
        entities=entities,
        events=events,
        allow_overlap=overlap,
        description=check.text(data, "description", "description", required=False),
        max_span_length=max_length,
    )


def _parse_entity(item: Mapping[str, Any], where: str, check: _Checker) -> EntityType:
    check.known_keys(item, _ENTITY_KEYS, where)
    shortcut = item.get("shortcut")
    if shortcut is not None:
        check.is_type(shortcut, str, f"{where}.shortcut")
    return EntityType(
        key=check.key(item, where),
        name_en=check.text(item, "name_en", f"{where}.name_en"),
        name_ar=check.text(item, "name_ar", f"{where}.name_ar"),
        color=check.color(item, where),
        shortcut=shortcut or None,
        guideline=check.text(item, "guideline", f"{where}.guideline", required=False),
        guideline_ar=check.text(item, "guideline_ar", f"{where}.guideline_ar", required=False),
    )


def _parse_event(
    item: Mapping[str, Any], where: str, check: _Checker, entity_keys: set[str]
) -> EventType:
    check.known_keys(item, _EVENT_KEYS, where)
    roles = []
    for i, role in enumerate(check.list_of(item, "roles", dict, allow_empty=True, where=where)):
        rwhere = f"{where}.roles[{i}]"
        check.known_keys(role, _ROLE_KEYS, rwhere)
        accepts = check.list_of(role, "accepts", str, allow_empty=False, where=rwhere)
        for label in accepts:
            if label not in entity_keys:
                check.fail(f"{rwhere}.accepts", f"unknown entity type {label!r}")
        roles.append(Role(check.text(role, "role", f"{rwhere}.role"), tuple(accepts)))
    check.unique([r.role for r in roles], f"{where}.roles", "role")
    return EventType(
        key=check.key(item, where),
        name_en=check.text(item, "name_en", f"{where}.name_en"),
        name_ar=check.text(item, "name_ar", f"{where}.name_ar"),
        color=check.color(item, where),
        roles=tuple(roles),
        guideline=check.text(item, "guideline", f"{where}.guideline", required=False),
        guideline_ar=check.text(item, "guideline_ar", f"{where}.guideline_ar", required=False),
    )


class _Checker:
    """Validation helpers that raise SchemaError naming the source and the key path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, message: str) -> None:
        raise SchemaError(f"{self.source}: {key}: {message}")

    def known_keys(self, data: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
        """Refuse a key the format does not define, suggesting the nearest known one."""
        for name in data:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(known)}"
                self.fail(f"{where}.{name}" if where else str(name), f"unknown key ({hint})")

    def is_type(self, value: Any, kind: type, key: str) -> None:
        if not isinstance(value, kind):
            self.fail(key, f"expected {kind.__name__}, got {type(value).__name__}")

    def text(self, data: Mapping[str, Any], name: str, key: str, required: bool = True) -> str:
        value = data.get(name, None if required else "")
        if value is None and required:
            self.fail(key, "missing")
        self.is_type(value, str, key)
        if required and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def key(self, data: Mapping[str, Any], where: str) -> str:
        value = self.text(data, "key", f"{where}.key")
        if not _KEY.match(value):
            self.fail(f"{where}.key", f"{value!r} is not a valid label key")
        return value

    def color(self, data: Mapping[str, Any], where: str) -> str:
        value = self.text(data, "color", f"{where}.color")
        if not _COLOR.match(value):
            self.fail(f"{where}.color", f"{value!r} is not a #RRGGBB colour")
        return value.upper()

    def list_of(
        self,
        data: Mapping[str, Any],
        name: str,
        kind: type,
        allow_empty: bool,
        where: str = "",
    ) -> list[Any]:
        key = f"{where}.{name}" if where else name
        value = data.get(name, [] if allow_empty else None)
        if value is None:
            self.fail(key, "missing")
        self.is_type(value, list, key)
        if not value and not allow_empty:
            self.fail(key, "must not be empty")
        for i, item in enumerate(value):
            self.is_type(item, kind, f"{key}[{i}]")
        return value

    def unique(self, values: Iterable[str], where: str, field_name: str) -> None:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.fail(where, f"duplicate {field_name} {value!r}")
            seen.add(value)
