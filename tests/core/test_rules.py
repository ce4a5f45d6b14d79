"""The annotation rules of core.rules, one function per rule, each refusing with a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import rules
from annotator.core.errors import ValidationError
from annotator.core.formats.records import EntityRecord
from annotator.core.model import Span
from annotator.services.projects import default_schema

SCHEMA = default_schema()
EXCLUSIVE = replace(SCHEMA, allow_overlap=False)


def span(start: int, end: int, label: str = "PER") -> Span:
    return Span(f"s{start}-{end}", "d", "amal", start, end, label)


def test_offsets_must_lie_inside_the_text_and_not_be_empty() -> None:
    rules.check_span_offsets(0, 5, 5, "PER")
    with pytest.raises(ValidationError, match="ends after the text"):
        rules.check_span_offsets(2, 6, 5, "PER")
    with pytest.raises(ValidationError, match=r"trigger of Conflict.Attack .* is empty"):
        rules.check_trigger_offsets(3, 3, 5, "Conflict.Attack")


def test_labels_and_event_types_must_be_in_the_schema() -> None:
    rules.check_entity_label(SCHEMA, "GPE")
    with pytest.raises(ValidationError, match=r"unknown entity label 'PERSON'.*PER, ORG"):
        rules.check_entity_label(SCHEMA, "PERSON")
    assert rules.check_event_type(SCHEMA, "Conflict.Attack").key == "Conflict.Attack"
    with pytest.raises(ValidationError, match="unknown event type 'Attack'"):
        rules.check_event_type(SCHEMA, "Attack")


def test_a_role_must_exist_and_accept_the_entity_label() -> None:
    rules.check_role_accepts(SCHEMA, "Conflict.Attack", "Place", "GPE")
    with pytest.raises(ValidationError, match=r"no argument role 'Winner'.*Attacker"):
        rules.check_role_accepts(SCHEMA, "Conflict.Attack", "Winner", "GPE")
    with pytest.raises(ValidationError, match=r"role 'Place' accepts GPE, LOC, FAC, not .* 'PER'"):
        rules.check_role_accepts(SCHEMA, "Conflict.Attack", "Place", "PER")


def test_an_argument_belongs_to_its_events_document_and_annotator() -> None:
    rules.check_argument_place("Contact.Meet", ("d", "amal"), ("d", "amal"))
    with pytest.raises(ValidationError, match="own document"):
        rules.check_argument_place("Contact.Meet", ("d", "amal"), ("e", "amal"))
    with pytest.raises(ValidationError, match=r"own annotator .'amal'., not of 'karim'"):
        rules.check_argument_place("Contact.Meet", ("d", "amal"), ("d", "karim"))


def test_the_same_entity_fills_a_role_once() -> None:
    rules.check_distinct_arguments("Conflict.Attack", [("Attacker", "a"), ("Attacker", "b")])
    with pytest.raises(ValidationError, match="fills role 'Target' twice"):
        rules.check_distinct_arguments("Conflict.Attack", [("Target", "a"), ("Target", "a")])


def test_overlap_is_refused_only_where_the_schema_forbids_it() -> None:
    nested = [span(0, 10), span(2, 4, "GPE")]
    rules.check_no_overlaps(SCHEMA, nested)
    rules.check_no_overlap(SCHEMA, nested[1], nested)
    overlap = r"\[2, 4\) overlaps span PER \[0, 10\).*allow_overlap"
    with pytest.raises(ValidationError, match=overlap):
        rules.check_no_overlaps(EXCLUSIVE, nested)
    with pytest.raises(ValidationError, match="allow_overlap: false"):
        rules.check_no_overlap(EXCLUSIVE, span(9, 12), nested)
    rules.check_no_overlaps(EXCLUSIVE, [span(0, 2), span(2, 4), span(5, 6)])  # adjacent is fine
    rules.check_no_overlap(EXCLUSIVE, span(10, 12), nested)


def test_overlap_is_found_past_a_long_span_and_for_import_records() -> None:
    spans = [span(0, 20), span(3, 5), span(8, 9)]
    with pytest.raises(ValidationError):
        rules.check_no_overlaps(EXCLUSIVE, spans[::2])
    records = [EntityRecord(0, 4, "PER"), EntityRecord(4, 8, "ORG"), EntityRecord(7, 9, "GPE")]
    assert rules.problems(rules.check_no_overlaps, EXCLUSIVE, records)
    assert rules.problems(rules.check_no_overlaps, EXCLUSIVE, records[:2]) == []


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=8))
def test_overlap_sweep_agrees_with_comparing_every_pair(ranges: list[tuple[int, int]]) -> None:
    spans = [span(start, start + length) for start, length in ranges]
    any_pair = any(
        a.start < b.end and b.start < a.end
        for i, a in enumerate(spans)
        for b in spans[i + 1 :]
    )
    assert bool(rules.problems(rules.check_no_overlaps, EXCLUSIVE, spans)) == any_pair
