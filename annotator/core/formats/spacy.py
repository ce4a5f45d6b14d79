"""spaCy/Prodigy JSONL: ``{"text", "tokens": [...], "spans": [...]}``.

A token is ``{"text", "start", "end", "id", "ws"}``; a span is ``{"start", "end",
"label", "token_start", "token_end"}`` with ``token_end`` INCLUSIVE, as Prodigy
writes it. Tokens come from :mod:`annotator.core.formats.tokenize`. A span whose
boundary falls inside a token (or on whitespace) cannot be expressed in tokens: it
is left out and reported, never moved. Reading needs only the character offsets
of ``spans``; ``tokens`` are ignored. With UTF-16 offsets, ``start_utf16`` and
``end_utf16`` are added to tokens and spans.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.fields import get_int, get_list, get_str
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.records import EntityRecord, export_header
from annotator.core.formats.tokenize import Token, TokenIndex
from annotator.core.model import DocumentAnnotations


def read_annotations(obj: dict[str, Any]) -> list[EntityRecord]:
    """The entities of a spaCy/Prodigy line (from the character offsets of ``spans``)."""
    return [
        EntityRecord(
            get_int(item, "start", f"spans[{i}]"),
            get_int(item, "end", f"spans[{i}]"),
            get_str(item, "label", f"spans[{i}]"),
        )
        for i, item in enumerate(get_list(obj, "spans", "line"))
    ]


def to_json(
    item: DocumentAnnotations, tokens: list[Token], utf16: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """The spaCy/Prodigy object of one document and annotator, and what it left out."""
    text = item.document.text
    units = Utf16Offsets(text) if utf16 else None
    index = TokenIndex(text, tokens)
    record = export_header(item)
    record["tokens"] = [_token(text, i, tokens, units) for i in range(len(tokens))]
    spans, warnings = [], []
    for span in item.spans:
        where = index.align(span.start, span.end)
        if where.problem:
            warnings.append(
                f"span {span.label} [{span.start}, {span.end}) «{text[span.start : span.end]}»: "
                f"{where.problem}; left out"
            )
            continue
        entry = {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "token_start": where.first,
            "token_end": where.last,
        }
        if units is not None:
            entry.update(start_utf16=units(span.start), end_utf16=units(span.end))
        spans.append(entry)
    record["spans"] = spans
    if item.events:
        warnings.append(f"{len(item.events)} event(s) left out: this format has no events")
    return record, warnings


def _token(text: str, i: int, tokens: list[Token], units: Utf16Offsets | None) -> dict[str, Any]:
    start, end = tokens[i]
    following = tokens[i + 1].start if i + 1 < len(tokens) else len(text)
    token = {
        "text": text[start:end],
        "start": start,
        "end": end,
        "id": i,
        "ws": following > end and text[end].isspace(),
    }
    if units is not None:
        token.update(start_utf16=units(start), end_utf16=units(end))
    return token
