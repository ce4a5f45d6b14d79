"""brat standoff: the document text in ``NAME.txt`` and its annotations in ``NAME.ann``.

``T`` lines hold entity mentions and event triggers (``T3<TAB>PER 10 15<TAB>text``;
a mention that crosses a line break is written as fragments ``10 15;16 20``, as
brat requires). ``E`` lines hold events: ``E1<TAB>Conflict.Attack:T4 Attacker:T1``;
a role filled twice is numbered ``Attacker2`` as brat does. Offsets are code
points, which is what brat counts. :func:`annotation_conf` writes the schema as
brat's ``annotation.conf`` so the export opens in brat as it is.

brat accepts only ASCII letters, digits, ``_`` and ``-`` in type and role names
(it renames anything else in the configuration, and then knows none of the
annotations). :class:`BratNames` writes ``Contact.Meet`` as ``Contact-Meet``
(other characters as ``_``, made unique) and maps the names back on import, from
the schema. A ``.ann`` line's text field cannot hold a TAB or a line break: they
are written as spaces, and reading checks the offsets against the ``.txt``.

Reading (:func:`read_standoff`) takes the same lines back: a ``T`` line used as
an ``E`` line's trigger is a trigger, every other one an entity; fragments
separated only by whitespace make one mention; ``Role2`` is role ``Role``.
Notes, relations, attributes and normalisations have no place in the model and
are listed as ignored; anything else is a problem naming its line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from annotator.core.formats.records import (
    ArgumentRecord,
    EntityRecord,
    EventRecord,
    NoteRecord,
)
from annotator.core.model import DocumentAnnotations
from annotator.core.notes import MAX_NOTE_LENGTH
from annotator.core.schema import Schema

_IGNORED = {"#": "note", "R": "relation", "A": "attribute", "M": "attribute",
            "N": "normalisation", "*": "equivalence"}  # fmt: skip
_NOTE_KIND = "AnnotatorNotes"
_ROLE_NUMBER = re.compile(r"\d+$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_FIELD_BREAKS = str.maketrans("\t\n\r", "   ")
# The folder of an export holding the documents nobody has annotated.
UNANNOTATED = "unannotated"


class BratNames:
    """Our label, event type and role names <-> brat-safe names, one to one."""

    def __init__(self, schema: Schema) -> None:
        names = [*schema.entity_keys, *schema.event_keys]
        names += sorted({r.role for event in schema.events for r in event.roles})
        self._out: dict[str, str] = {}
        taken: set[str] = set()
        for name in dict.fromkeys(names):
            safe = _UNSAFE.sub("_", name.replace(".", "-")) or "_"
            candidate, n = safe, 1
            while candidate in taken:
                n += 1
                candidate = f"{safe}-{n}"
            taken.add(candidate)
            self._out[name] = candidate
        self._back = {safe: name for name, safe in self._out.items()}

    def out(self, name: str) -> str:
        """The brat name of one of ours (a name the schema lacks is made safe all the same)."""
        return self._out.get(name) or _UNSAFE.sub("_", name.replace(".", "-"))

    def back(self, name: str) -> str:
        """Our name of a brat name (a name brat already shared with us maps to itself)."""
        return self._back.get(name, name)

    def role_back(self, name: str) -> str:
        """Our role of a brat role, without brat's number of a repeated role (``Attacker2``)."""
        return self._back.get(name) or self.back(_ROLE_NUMBER.sub("", name))


def to_standoff(item: DocumentAnnotations, names: BratNames) -> str:
    """The ``.ann`` content of one document and annotator (the ``.txt`` is the text itself)."""
    text = item.document.text
    lines = []
    t_ids: dict[str, str] = {}
    for span in item.spans:
        t_ids[span.id] = f"T{len(t_ids) + 1}"
        lines.append(_t_line(t_ids[span.id], names.out(span.label), text, span.start, span.end))
    triggers = len(t_ids)
    for number, event in enumerate(item.events, start=1):
        triggers += 1
        trigger_id = f"T{triggers}"
        event_type = names.out(event.type)
        lines.append(_t_line(trigger_id, event_type, text, event.trigger_start, event.trigger_end))
        seen: Counter[str] = Counter()
        arguments = []
        for argument in event.arguments:
            role = names.out(argument.role)
            seen[role] += 1
            numbered = role + (str(seen[role]) if seen[role] > 1 else "")
            arguments.append(f" {numbered}:{t_ids[argument.span_id]}")
        lines.append(f"E{number}\t{event_type}:{trigger_id}{''.join(arguments)}\n")
        t_ids[event.id] = f"E{number}"
    lines += _note_lines(item, t_ids)
    return "".join(lines)


UNSURE_MARK = "[unsure]"


def _note_lines(item: DocumentAnnotations, ids: dict[str, str]) -> list[str]:
    """brat's ``#`` AnnotatorNotes lines: one per noted span or event, on one line.

    brat has no "unsure" attribute in every configuration, so the flag leads the
    note text. A document's own note has no brat counterpart: the export writes it
    into the annotator folder's notes.json (services/export_brat.py).
    """
    lines = []
    for target_id, note in item.notes.items():
        if target_id not in ids:
            continue
        text = " ".join(note.text.split())  # a brat line holds no line break or tab
        if note.unsure:
            text = f"{UNSURE_MARK} {text}".strip()
        lines.append(f"#{len(lines) + 1}\tAnnotatorNotes {ids[target_id]}\t{text}\n")
    return lines


def _t_line(t_id: str, label: str, text: str, start: int, end: int) -> str:
    fragments, position = [], start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    fragments = fragments or [(start, end)]  # a mention of line breaks only stays whole
    offsets = ";".join(f"{a} {b}" for a, b in fragments)
    return f"{t_id}\t{label} {offsets}\t{_field_text(text, fragments)}\n"


def _field_text(text: str, fragments: list[tuple[int, int]]) -> str:
    """What a ``T`` line's text field holds: the fragments, TABs and breaks as spaces."""
    return " ".join(text[a:b] for a, b in fragments).translate(_FIELD_BREAKS)


def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``, in brat-safe names."""
    names = BratNames(schema)
    entities = [names.out(key) for key in schema.entity_keys]
    lines = ["[entities]", *entities, "", "[relations]", "", "[events]"]
    for event in schema.events:
        roles = ", ".join(
            f"{names.out(r.role)}*:{'|'.join(map(names.out, r.accepts)) or '<ENTITY>'}"
            for r in event.roles
        )
        lines.append(f"{names.out(event.key)}\t{roles}" if roles else names.out(event.key))
    lines += ["", "[attributes]", ""]
    return "\n".join(lines)


@dataclass
class Standoff:
    """What a ``.ann`` file holds; ``problems`` and ``ignored`` are (line, reason) pairs."""

    entities: list[EntityRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)


def read_standoff(ann: str, text: str, schema: Schema) -> Standoff:
    """The mentions and events of a ``.ann`` file whose offsets point into ``text``.

    Labels missing from ``schema`` are problems of the line that uses them.
    """
    result = Standoff()
    mentions: dict[str, tuple[int, str, int, int]] = {}
    events: list[tuple[int, str, list[str]]] = []
    notes: dict[str, tuple[int, NoteRecord]] = {}
    names = BratNames(schema)
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        kind = line[0]
        try:
            if kind == "T":
                t_id, label, start, end = _mention(line, text)
                mentions[t_id] = (number, names.back(label), start, end)
            elif kind == "E":
                e_id, _, body = line.partition("\t")
                events.append((number, e_id, body.split()))
            elif kind == "#" and line.partition("\t")[2].startswith(_NOTE_KIND + " "):
                target, note = _annotator_note(line)
                if target in notes:
                    result.ignored.append((number, f"a second brat note on {target} ignored"))
                elif not note.empty:
                    notes[target] = (number, note)
            elif kind in _IGNORED:
                result.ignored.append((number, f"brat {_IGNORED[kind]} ignored"))
            else:
                raise ValueError(f"not a brat annotation line: {line[:40]!r}")
        except ValueError as exc:
            result.problems.append((number, str(exc)))
    by_trigger = _collect(result, mentions, events, schema, names)
    _attach_notes(result, notes, by_trigger)
    result.ignored.sort()  # by line
    return result


def _annotator_note(line: str) -> tuple[str, NoteRecord]:
    """(the T or E id, the note) of an ``AnnotatorNotes`` line, as _note_lines writes it."""
    parts = line.split("\t", 2)
    target = parts[1].partition(" ")[2].strip()
    text = parts[2].strip() if len(parts) == 3 else ""
    unsure = text == UNSURE_MARK or text.startswith(UNSURE_MARK + " ")
    if unsure:
        text = text[len(UNSURE_MARK) :].strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise ValueError(f"a note of {len(text):,} characters (at most {MAX_NOTE_LENGTH:,})")
    return target, NoteRecord(text, unsure)


def _attach_notes(
    result: Standoff,
    notes: dict[str, tuple[int, NoteRecord]],
    by_trigger: dict[str, EventRecord],
) -> None:
    """Each note onto the entity or event whose id it names (a trigger's: its event's)."""
    by_id: dict[str | None, EntityRecord | EventRecord] = {e.id: e for e in result.entities}
    by_id.update((event.id, event) for event in result.events)
    for target, (number, note) in notes.items():
        item = by_id.get(target) or by_trigger.get(target)
        if item is None:
            result.ignored.append((number, f"brat note on {target}, which is not here, ignored"))
        elif item.note is None:
            item.note = note
        else:  # on the trigger and on its event both
            result.ignored.append((number, f"a second brat note on {target}'s event ignored"))


def _mention(line: str, text: str) -> tuple[str, str, int, int]:
    parts = line.split("\t", 2)  # the text field may hold a TAB another tool wrote
    if len(parts) != 3 or " " not in parts[1]:
        raise ValueError("expected 'T<n><TAB>LABEL START END<TAB>text'")
    label, _, offsets = parts[1].partition(" ")
    try:
        fragments = [tuple(map(int, f.split(" "))) for f in offsets.split(";")]
    except ValueError:
        raise ValueError(f"offsets {offsets!r} are not 'START END' pairs") from None
    if any(len(f) != 2 for f in fragments):
        raise ValueError(f"offsets {offsets!r} are not 'START END' pairs")
    start, end = fragments[0][0], fragments[-1][1]
    for a, b in fragments:  # checked here, so the error names this .ann line
        if not 0 <= a < b <= len(text):
            raise ValueError(
                f"offsets {a} {b} do not fit the text (length {len(text)}): "
                "start must be >= 0 and < end, end <= the length"
            )
    if end <= len(text):
        gaps = [text[a[1] : b[0]] for a, b in pairwise(fragments)]
        if any(gap.strip() for gap in gaps):
            raise ValueError(f"a mention in pieces ({offsets}) cannot be stored as one span")
        covered = _field_text(text, fragments)
        if covered != parts[2].translate(_FIELD_BREAKS):
            raise ValueError(f"the text {parts[2]!r} is not what the offsets cover ({covered!r})")
    return parts[0], label, start, end


def _collect(
    result: Standoff,
    mentions: dict[str, tuple[int, str, int, int]],
    events: list[tuple[int, str, list[str]]],
    schema: Schema,
    names: BratNames,
) -> dict[str, EventRecord]:
    """Fill ``result`` with the entities and events; returns each trigger's event."""
    triggers: dict[str, EventRecord] = {}
    for number, e_id, parts in events:
        pairs = [part.partition(":")[::2] for part in parts]
        if not pairs or any(not target for _, target in pairs):
            result.problems.append((number, f"{e_id}: expected 'TYPE:T<n> ROLE:T<n> ...'"))
            continue
        missing = [target for _, target in pairs if target not in mentions]
        if missing:
            result.problems.append((number, f"{e_id} refers to unknown {', '.join(missing)}"))
            continue
        event_type, trigger = names.back(pairs[0][0]), pairs[0][1]
        if schema.event(event_type) is None:
            result.problems.append((number, f"unknown event type {event_type!r}"))
        _, _, start, end = mentions[trigger]
        arguments = [
            ArgumentRecord(names.role_back(role), t) for role, t in pairs[1:]
        ]
        triggers[trigger] = EventRecord(event_type, start, end, arguments, e_id)
        result.events.append(triggers[trigger])
    for t_id, (number, label, start, end) in mentions.items():
        if t_id in triggers:
            continue
        if schema.entity(label) is None:
            result.problems.append((number, f"unknown entity label {label!r} (not in the schema)"))
        result.entities.append(EntityRecord(start, end, label, t_id))
    return triggers
