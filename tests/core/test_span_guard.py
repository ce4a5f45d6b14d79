"""Spans across a paragraph or longer than the schema allows are questioned (13.10)."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.span_guard import Concern, span_concerns
from annotator.services.projects import default_schema


def test_a_paragraph_break_and_the_schema_limit_are_concerns() -> None:
    schema = replace(default_schema(), max_span_length=10)
    text = "اجتمع الوزير.\nوقال إن اللقاء مثمر."
    assert span_concerns(text, 0, 5, schema) == []
    kinds = [c.concern for c in span_concerns(text, 0, len(text), schema)]
    assert kinds == [Concern.PARAGRAPH, Concern.LENGTH]
    assert span_concerns(text, 0, 12, replace(schema, max_span_length=None)) == []


def test_without_a_limit_only_paragraphs_count() -> None:
    schema = replace(default_schema(), max_span_length=None)
    assert span_concerns("ب" * 500, 0, 500, schema) == []
