"""Spans worth a second look before they are labelled: across a paragraph, or very long.

Ctrl+A then a label key would otherwise make an 800-character span in one keystroke.
A label rarely crosses a paragraph break, and a schema may set ``max_span_length``;
the editor asks before labelling such a span (it stays possible: a long title of a
law is a real mention).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from annotator.core.schema import Schema

PARAGRAPH_BREAKS = ("\n", "\u2029")


class Concern(str, Enum):
    """Why a span is questioned."""

    PARAGRAPH = "paragraph"
    LENGTH = "length"


@dataclass(frozen=True)
class SpanConcern:
    """What is unusual about ``[start, end)``: its kind and the figures to tell the user."""

    concern: Concern
    length: int
    limit: int | None = None


def span_concerns(text: str, start: int, end: int, schema: Schema) -> list[SpanConcern]:
    """The reasons to confirm labelling code points ``[start, end)`` of ``text``."""
    covered = text[start:end]
    found = []
    if any(mark in covered for mark in PARAGRAPH_BREAKS):
        found.append(SpanConcern(Concern.PARAGRAPH, end - start))
    limit = schema.max_span_length
    if limit is not None and end - start > limit:
        found.append(SpanConcern(Concern.LENGTH, end - start, limit))
    return found
