"""The one-pass checks of an import accept and refuse exactly what the step-by-step ones do.

Each fast path (a doccano label list, a record's entities, a batch of spans in the
store, a canonical text) decides the common case in one pass and hands anything else
to the step-by-step check it stands for, which words the error. These properties
compare the two on generated input that mixes good items with every kind of bad one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import rules
from annotator.core.errors import ValidationError
from annotator.core.formats import doccano, native, spacy
from annotator.core.formats.records import (
    DocumentRecord,
    EntityRecord,
    entity_labels_if_fine,
    entity_problems,
    validate_record,
)
from annotator.core.schema import Schema
from annotator.core.text import canonicalize, canonicalize_each, is_canonical
from annotator.services.projects import default_schema
from annotator.store.interchange import check_each_span, spans_fit

SCHEMA = default_schema()
LENGTH = 40
LABELS = [*SCHEMA.entity_keys[:3], "NOPE", "", "per"]
# Offsets around the text's bounds, plus what JSON or a careless caller can hand over.
OFFSETS = st.one_of(
    st.integers(-2, LENGTH + 2), st.booleans(), st.none(), st.floats(0, LENGTH), st.just("3")
)
LABEL = st.one_of(st.sampled_from(LABELS), st.none(), st.integers(0, 3))


def outcome(make: Any, *args: Any) -> tuple[str, Any]:
    """("ok", result) or ("error", message): what a check gives, to compare two of them."""
    try:
        return "ok", make(*args)
    except ValidationError as exc:
        return "error", str(exc)


# -- doccano: plain_entities against entity() item by item ------------------------

GOOD_TRIPLE = st.tuples(st.integers(0, LENGTH), st.integers(0, LENGTH), st.sampled_from(LABELS))
ITEM = st.one_of(
    GOOD_TRIPLE.map(list),
    GOOD_TRIPLE.map(list),  # twice: most generated lists are then mostly plain
    st.lists(st.one_of(OFFSETS, LABEL), max_size=4),
    st.tuples(OFFSETS, OFFSETS, LABEL).map(list),
    st.one_of(st.none(), st.text(max_size=3), st.integers()),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=3),
)


def one_by_one(items: list[Any]) -> list[EntityRecord]:
    return [doccano.entity(item, "label", i) for i, item in enumerate(items)]


@settings(max_examples=400, deadline=None)
@given(st.lists(ITEM, max_size=6))
def test_a_doccano_label_list_reads_as_item_by_item(items: list[Any]) -> None:
    fast = doccano.plain_entities(items)
    slow = outcome(one_by_one, items)
    if fast is not None:  # accepted in one pass: item by item accepts the same entities
        assert slow == ("ok", fast)
    assert outcome(doccano.read_annotations, {"label": items}) == slow


# -- native and spaCy: plain_entities against read_entity item by item --------------

# Every type a key may wrongly (or rightly) hold, each as likely as the others.
NATIVE_VALUE = st.sampled_from([True, False, None, 1.5, -1, 3, 12, "", "e1", "PER", [1]])
NATIVE_KEYS = ["start", "end", "label", "id", "source", "start_offset", "end_offset"]


@st.composite
def native_item(draw: st.DrawFn) -> dict[str, Any]:
    """A plain entity, often with one or two keys spoilt or added."""
    item: dict[str, Any] = {
        "start": draw(st.integers(0, 9)),
        "end": draw(st.integers(0, 9)),
        "label": "PER",
    }
    if draw(st.booleans()):
        item["id"] = draw(st.sampled_from(["e1", "e2"]))
    if draw(st.booleans()):
        item["source"] = "model:crf"
    for _ in range(draw(st.integers(0, 2))):
        item[draw(st.sampled_from(NATIVE_KEYS))] = draw(NATIVE_VALUE)
    return item


def native_one_by_one(items: list[Any]) -> list[EntityRecord]:
    return [native.read_entity(item, f"entities[{i}]") for i, item in enumerate(items)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(native_item(), max_size=5))
def test_native_entities_read_as_item_by_item(items: list[Any]) -> None:
    fast = native.plain_entities(items)
    slow = outcome(native_one_by_one, items)
    if fast is not None:
        assert slow == ("ok", fast)
    read = outcome(native.read_annotations, {"entities": items})
    assert read == (("ok", (slow[1], [])) if slow[0] == "ok" else slow)


def spacy_one_by_one(items: list[Any]) -> list[EntityRecord]:
    return [spacy.read_entity(item, f"spans[{i}]") for i, item in enumerate(items)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(native_item(), max_size=5))
def test_spacy_spans_read_as_item_by_item(items: list[Any]) -> None:
    fast = spacy.plain_entities(items)
    slow = outcome(spacy_one_by_one, items)
    if fast is not None:
        assert slow == ("ok", fast)
    assert outcome(spacy.read_annotations, {"spans": items}) == slow


# -- a record's entities: entity_labels_if_fine against entity_problems -------------

ENTITY = st.builds(
    EntityRecord,
    start=OFFSETS,
    end=OFFSETS,
    label=LABEL,
    id=st.one_of(st.none(), st.sampled_from(["T1", "T2", "T3"])),
)
PLAIN_ENTITY = st.builds(
    EntityRecord,
    start=st.integers(0, LENGTH - 1),
    end=st.integers(1, LENGTH),
    label=st.sampled_from(SCHEMA.entity_keys),
    id=st.one_of(st.none(), st.sampled_from(["T1", "T2"])),
)
ENTITIES = st.lists(st.one_of(ENTITY, PLAIN_ENTITY, PLAIN_ENTITY), max_size=6)


@settings(max_examples=400, deadline=None)
@given(ENTITIES)
def test_entities_pass_in_one_pass_exactly_when_no_rule_finds_a_problem(
    entities: list[EntityRecord],
) -> None:
    labels = entity_labels_if_fine(entities, LENGTH, SCHEMA)
    problems, slow_labels = entity_problems(entities, LENGTH, SCHEMA)
    assert (labels is not None) == (not problems)
    if labels is not None:
        assert labels == slow_labels


@settings(max_examples=300, deadline=None)
@given(ENTITIES, st.booleans())
def test_validate_record_reports_what_the_rules_report_one_by_one(
    entities: list[EntityRecord], overlap: bool
) -> None:
    schema = SCHEMA if overlap else _no_overlap_schema()
    record = DocumentRecord("x" * LENGTH, entities=entities)
    expected, _ = entity_problems(entities, LENGTH, schema)
    if not expected:
        expected = rules.problems(rules.check_no_overlaps, schema, entities)
    assert validate_record(record, schema) == expected


def _no_overlap_schema() -> Schema:
    return replace(SCHEMA, allow_overlap=False, _entity_index={}, _event_index={})


# -- the store's batch check: spans_fit against check_each_span ---------------------

DOCUMENTS = {"d1": LENGTH, "d2": 5}
SPAN = st.tuples(
    st.just("s"),
    st.sampled_from(["d1", "d2", "gone"]),
    st.just("model"),
    OFFSETS,
    OFFSETS,
    LABEL,
    st.none(),
)
PLAIN_SPAN = st.tuples(
    st.just("s"),
    st.just("d1"),
    st.just("model"),
    st.integers(0, LENGTH - 1),
    st.integers(1, LENGTH),
    st.sampled_from(SCHEMA.entity_keys),
    st.none(),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(SPAN, PLAIN_SPAN, PLAIN_SPAN), max_size=6))
def test_a_batch_of_spans_fits_exactly_when_the_first_bad_one_raises_nothing(
    spans: list[Any],
) -> None:
    fits = spans_fit(spans, DOCUMENTS, SCHEMA.entities_by_key)
    assert fits == (outcome(check_each_span, spans, DOCUMENTS, SCHEMA) == ("ok", None))


# -- canonical text: one scan against the step-by-step canonicalisation -------------

# Every character class of core.text at its edges, a BOM and both halves of a surrogate.
SPECIAL = "\r\n\t\x00\x08\x0b\x0c\x0e\x1f\x7f\x84\x85\x86\x9f\xa0\u2028\u2029"
SPECIAL += "\ufeff\ufffc\ud800\udfff"
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.sampled_from("اب ج\u200fa1"), st.characters()),
    max_size=12,
)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_canonicalize_gives_what_the_step_by_step_canonicalisation_gives(text: str) -> None:
    assert outcome(canonicalize, text) == outcome(canonicalize_each, text)
    unchanged = outcome(canonicalize_each, text)
    assert is_canonical(text) == (unchanged[0] == "ok" and unchanged[1].text == text)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([[0, 3, "PER"], [0, True, "PER"]], "label[1]: end must be an integer, got True"),
        ([[0, 3, "PER"], [0, 3]], "label[1]: expected [start, end, label], got [0, 3]"),
        ([[0, 3, ""]], "label[0]: label must be a non-empty string, got ''"),
    ],
)
def test_a_bad_item_after_good_ones_is_named_by_its_index(items: list[Any], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        doccano.read_annotations({"label": items})
    assert str(caught.value) == message
