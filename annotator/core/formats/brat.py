"""brat standoff: the document text in ``NAME.txt`` and its annotations in ``NAME.ann``.

``T`` lines hold entity mentions and event triggers (``T3<TAB>PER 10 15<TAB>text``;
a mention that crosses a line break is written as fragments ``10 15;16 20``, as
brat requires). ``E`` lines hold events: ``E1<TAB>Conflict.Attack:T4 Attacker:T1``;
a role filled twice is numbered ``Attacker2`` as brat does. Offsets are code
points, which is what brat counts. :func:`annotation_conf` writes the schema as
brat's ``annotation.conf`` so the export opens in brat as it is.
"""

from __future__ import annotations

from collections import Counter

from annotator.core.model import DocumentAnnotations
from annotator.core.schema import Schema


def to_standoff(item: DocumentAnnotations) -> str:
    """The ``.ann`` content of one document and annotator (the ``.txt`` is the text itself)."""
    text = item.document.text
    lines = []
    t_ids: dict[str, str] = {}
    for span in item.spans:
        t_ids[span.id] = f"T{len(t_ids) + 1}"
        lines.append(_t_line(t_ids[span.id], span.label, text, span.start, span.end))
    triggers = len(t_ids)
    for number, event in enumerate(item.events, start=1):
        triggers += 1
        trigger_id = f"T{triggers}"
        lines.append(_t_line(trigger_id, event.type, text, event.trigger_start, event.trigger_end))
        seen: Counter[str] = Counter()
        arguments = []
        for argument in event.arguments:
            seen[argument.role] += 1
            role = argument.role + (str(seen[argument.role]) if seen[argument.role] > 1 else "")
            arguments.append(f" {role}:{t_ids[argument.span_id]}")
        lines.append(f"E{number}\t{event.type}:{trigger_id}{''.join(arguments)}\n")
    return "".join(lines)


def _t_line(t_id: str, label: str, text: str, start: int, end: int) -> str:
    fragments, position = [], start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    fragments = fragments or [(start, end)]  # a mention of line breaks only stays whole
    offsets = ";".join(f"{a} {b}" for a, b in fragments)
    covered = " ".join(text[a:b] for a, b in fragments)
    return f"{t_id}\t{label} {offsets}\t{covered}\n"


def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``."""
    lines = ["[entities]", *schema.entity_keys, "", "[relations]", "", "[events]"]
    for event in schema.events:
        roles = ", ".join(f"{r.role}*:{'|'.join(r.accepts)}" for r in event.roles)
        lines.append(f"{event.key}\t{roles}" if roles else event.key)
    lines += ["", "[attributes]", ""]
    return "\n".join(lines)
