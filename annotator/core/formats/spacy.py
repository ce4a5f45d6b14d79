"""spaCy/Prodigy JSONL: ``{"text", "tokens": [...], "spans": [...]}``.

A token is ``{"text", "start", "end", "id", "ws"}``; a span is ``{"start", "end",
"label", "token_start", "token_end"}`` with ``token_end`` INCLUSIVE, as Prodigy
writes it. The tokens cover the whole text, spaced as spaCy rebuilds it
(``Doc(vocab, words, spaces).text == text``, see training_tokens.spaced): they
are the tokenizer's, cut at annotation boundaries, with any whitespace beyond
one space as tokens of their own. A span whose boundary falls on whitespace
cannot be expressed in tokens: it is left out and reported, never moved.
Reading needs only the character offsets of ``spans``; ``tokens`` are ignored.
With UTF-16 offsets, ``start_utf16`` and ``end_utf16`` are added to tokens and
spans.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.fields import get_int, get_list, get_str
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.records import EntityRecord, export_header
from annotator.core.formats.tokenize import Token, TokenIndex
from annotator.core.formats.training_tokens import spaced
from annotator.core.model import DocumentAnnotations


def read_annotations(obj: dict[str, Any]) -> list[EntityRecord]:
    """The entities of a spaCy/Prodigy line (from the character offsets of ``spans``)."""
    items = get_list(obj, "spans", "line")
    entities = plain_entities(items)
    if entities is None:  # some item is not plain: the first such raises, named
        entities = [read_entity(item, f"spans[{i}]") for i, item in enumerate(items)]
    return entities


def plain_entities(items: list[dict[str, Any]]) -> list[EntityRecord] | None:
    """The entities when every item has int ``start`` and ``end`` and a non-empty string
    ``label``, else None: what read_entity reads, for the common case with no call per
    item but dict.get (an import reads 200,000 per 10,000 articles)."""
    entities = []
    for item in items:
        start, end, label = item.get("start"), item.get("end"), item.get("label")
        # type() is int refuses bools, as get_int does.
        if not (type(start) is int and type(end) is int and type(label) is str and label):
            return None
        entities.append(EntityRecord(start, end, label))
    return entities


def read_entity(item: dict[str, Any], where: str) -> EntityRecord:
    """The entity of one item of ``spans``; ValidationError naming ``where`` and the key."""
    return EntityRecord(
        get_int(item, "start", where), get_int(item, "end", where), get_str(item, "label", where)
    )


def to_json(
    item: DocumentAnnotations, tokens: list[Token], boundaries: set[int], utf16: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """The spaCy/Prodigy object of one document and annotator, and what it left out.

    ``tokens`` are already cut at ``boundaries`` (every span's start and end).
    """
    text = item.document.text
    units = Utf16Offsets(text) if utf16 else None
    layout = spaced(text, tokens, boundaries)
    index = TokenIndex(text, [Token(start, end) for start, end, _ in layout])
    record = export_header(item)
    record["tokens"] = [_token(text, i, token, units) for i, token in enumerate(layout)]
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


def _token(
    text: str, i: int, token: tuple[int, int, bool], units: Utf16Offsets | None
) -> dict[str, Any]:
    start, end, ws = token
    entry = {"text": text[start:end], "start": start, "end": end, "id": i, "ws": ws}
    if units is not None:
        entry.update(start_utf16=units(start), end_utf16=units(end))
    return entry
