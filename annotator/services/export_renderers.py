"""Turning export rows into the bytes of each line-based format.

A renderer turns one record into the UTF-8 pieces that hold it (joined only when
written, saving a copy of every line) and the warnings about it. The token
formats share one tokenisation per record: the tokenizer's tokens cut at the
record's annotation boundaries (counted in ``TokenCount``), so no span is lost.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.formats import conll, doccano, events, hf, native, spacy
from annotator.core.formats.rows import ExportRow, to_annotations
from annotator.core.formats.tokenize import Token, tokenize
from annotator.core.formats.training_tokens import boundaries_of, split_at
from annotator.core.model import DocumentAnnotations
from annotator.core.schema import Schema

# The one JSON encoder of every JSONL export: UTF-8 as it is, not \u-escaped.
ENCODER = native.ENCODER
Renderer = Callable[[ExportRow], tuple[Sequence[bytes], list[str]]]


@dataclass
class TokenCount:
    """How many tokens were cut at annotation boundaries, over the whole export."""

    split: int = 0


@dataclass
class RenderOptions:
    """The options the renderers need (a slice of ExportOptions)."""

    format: str
    utf16: bool = False
    split_clitics: bool = False
    docstart: str = "conll2003"


def renderer(options: RenderOptions, schema: Schema, count: TokenCount) -> Renderer:
    """The renderer of ``options.format`` (any line-based format)."""
    utf16 = options.utf16
    if options.format == "jsonl":
        line = native.LineEncoder(utf16)  # the common case, built without model objects
        return lambda row: (line(row), [])

    def tokens(item: DocumentAnnotations, triggers: bool = False) -> tuple[list[Token], set[int]]:
        ranges = [(s.start, s.end) for s in item.spans]
        if triggers:
            ranges += [(e.trigger_start, e.trigger_end) for e in item.events]
        boundaries = boundaries_of(ranges)
        cut, split = split_at(tokenize(item.document.text, options.split_clitics), boundaries)
        count.split += split
        return cut, boundaries

    def render_spacy(item: DocumentAnnotations) -> tuple[str, list[str]]:
        return _json_line(*spacy.to_json(item, *tokens(item), utf16))

    tag_ids = hf.label_file(schema)["label2id"]
    render: dict[str, Callable[[DocumentAnnotations], tuple[str, list[str]]]] = {
        "doccano": lambda item: _json_line(*doccano.to_json(item, utf16)),
        "spacy": render_spacy,
        "conll": lambda item: conll.to_block(item, tokens(item)[0], options.docstart),
        "hf": lambda item: _json_lines(*hf.to_records(item, tokens(item)[0], tag_ids)),
        "events": lambda item: _json_lines(*events.to_records(item, tokens(item, True)[0])),
    }
    chosen = render[options.format]

    def rendered(row: ExportRow) -> tuple[Sequence[bytes], list[str]]:
        text, warnings = chosen(to_annotations(row))
        return (text.encode("utf-8"),), warnings

    return rendered


def _json_line(record: dict[str, Any], warnings: list[str]) -> tuple[str, list[str]]:
    return ENCODER.encode(record) + "\n", warnings


def _json_lines(records: list[dict[str, Any]], warnings: list[str]) -> tuple[str, list[str]]:
    return "".join(ENCODER.encode(record) + "\n" for record in records), warnings


def label_file_text(schema: Schema) -> str:
    """``labels.json`` of a Hugging Face export."""
    return json.dumps(hf.label_file(schema), ensure_ascii=False, indent=2) + "\n"
