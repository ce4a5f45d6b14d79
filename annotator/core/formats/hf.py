"""Hugging Face token classification: one JSON line per sentence, tags as integers.

``{"id", "doc_id", "sent_id", "annotator", "tokens": [...], "ner_tags": [...]}``,
which ``datasets.load_dataset("json", data_files=...)`` loads as it is; the
label file (:func:`label_file`) names the IOB2 tags (``label2id``/``id2label``
and the ``ClassLabel`` names) so a model's config can be built from it. The
tokens and tags are those of the CoNLL export (the same tokenizer, cut at
annotation boundaries, sentences never cut inside a mention); nested or
overlapping mentions, which one tag per token cannot hold, are reported.
"""

from __future__ import annotations

from typing import Any

from annotator.core.formats.conll import bio_tags
from annotator.core.formats.tokenize import Token, sentences
from annotator.core.model import DocumentAnnotations
from annotator.core.schema import Schema


def tag_names(schema: Schema) -> list[str]:
    """``O`` then ``B-``/``I-`` of every entity label, in schema order: the tag ids."""
    names = ["O"]
    for label in schema.entity_keys:
        names += [f"B-{label}", f"I-{label}"]
    return names


def label_file(schema: Schema) -> dict[str, Any]:
    """What ``labels.json`` holds: the tag names and both mappings."""
    names = tag_names(schema)
    return {
        "names": names,
        "label2id": {name: i for i, name in enumerate(names)},
        "id2label": {str(i): name for i, name in enumerate(names)},
    }


def to_records(
    item: DocumentAnnotations, tokens: list[Token], tag_ids: dict[str, int]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The sentence records of one document and annotator, and what they left out."""
    text = item.document.text
    tags, warnings = bio_tags(item, tokens)
    doc_id = item.document.export_id
    records = []
    position = 0
    keep = [(s.start, s.end) for s in item.spans]
    for number, sentence in enumerate(sentences(text, tokens, keep)):
        records.append(
            {
                "id": f"{doc_id}:{number}",
                "doc_id": doc_id,
                "sent_id": number,
                "annotator": item.annotator or "",
                "tokens": [text[t.start : t.end] for t in sentence],
                "ner_tags": [tag_ids[tag] for tag in tags[position : position + len(sentence)]],
            }
        )
        position += len(sentence)
    if item.events:
        warnings.append(f"{len(item.events)} event(s) left out: use the events format")
    return records, warnings
