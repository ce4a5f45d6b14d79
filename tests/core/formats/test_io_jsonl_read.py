"""Reading JSONL lines in the native, doccano and spaCy/Prodigy shapes, and refusing bad ones."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import ValidationError
from annotator.core.formats.canonical import canonicalize_record
from annotator.core.formats.jsonl import iter_lines, read_line
from annotator.core.formats.records import DocumentRecord, EntityRecord, validate_record
from annotator.core.model import Status
from annotator.services.projects import default_schema

TEXT = "التقى أحمدُ الـــساعدي 😀 وفد NATO\u200f في بغداد."


def line(**fields) -> str:
    return json.dumps({"text": TEXT, **fields}, ensure_ascii=False)


def test_plain_line_reads_id_title_meta_annotator_status() -> None:
    record = read_line(line(id=7, title="لقاء", meta={"k": 1}, annotator=" amal ", status="done"))
    assert (record.external_id, record.title, record.meta) == ("7", "لقاء", {"k": 1})
    assert (record.annotator, record.status) == ("amal", Status.DONE)
    assert not record.has_annotations


def test_the_three_annotation_shapes() -> None:
    start, end = TEXT.index("NATO"), TEXT.index("NATO") + 4
    native = read_line(
        line(
            entities=[{"id": "e1", "start": start, "end": end, "label": "ORG"}],
            events=[
                {
                    "type": "Contact.Meet",
                    "trigger": {"start": 0, "end": 5},
                    "arguments": [{"role": "Entity", "entity": "e1"}],
                }
            ],
        )
    )
    doccano = read_line(line(label=[[start, end, "ORG"]]))
    old_doccano = read_line(line(labels=[[start, end, "ORG"]]))
    prodigy = read_line(
        line(spans=[{"start": start, "end": end, "label": "ORG", "token_start": 4, "token_end": 4}])
    )
    expected = [EntityRecord(start, end, "ORG")]
    assert native.entities == [EntityRecord(start, end, "ORG", "e1")]
    assert native.events[0].arguments[0].entity == "e1"
    assert doccano.entities == old_doccano.entities == prodigy.entities == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ('{"text": "نص", ', "invalid JSON"),
        ('["نص"]', "expected a JSON object, got a list"),
        ('{"title": "بلا نص"}', "'text' is required"),
        ('"نص"', "expected a JSON object, got str"),
        (line(label=[[0, 2]]), r"label\[0\]: expected \[start, end, label\]"),
        (line(label=[["0", 2, "PER"]]), "start must be an integer"),
        (line(spans=[{"start": 0, "end": 2}]), "'label' must be a non-empty string"),
        (line(entities=[{"start": 0.5, "end": 2, "label": "PER"}]), "'start' must be an integer"),
        (line(events=[{"type": "Contact.Meet"}]), "'trigger' must be an object"),
        (line(label=[], spans=[]), "mixes annotation shapes"),
        (line(status="finished"), "unknown status 'finished'"),
        (line(meta=[1]), "'meta' must be an object"),
    ],
)
def test_malformed_lines_say_why(raw: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        read_line(raw)


def test_doccano_relation_export_entities_are_read() -> None:
    start = TEXT.index("NATO")
    record = read_line(
        line(entities=[{"id": 7, "label": "ORG", "start_offset": start, "end_offset": start + 4}])
    )
    assert record.entities == [EntityRecord(start, start + 4, "ORG", "7")]


def test_validation_lists_every_problem() -> None:
    record = read_line(
        line(
            entities=[
                {"id": "a", "start": 5, "end": 2, "label": "PER"},
                {"id": "a", "start": 0, "end": 999, "label": "PERSON"},
            ],
            events=[
                {
                    "type": "Contact.Meet",
                    "trigger": {"start": 0, "end": 5},
                    "arguments": [
                        {"role": "Winner", "entity": "a"},
                        {"role": "Entity", "entity": "zz"},
                    ],
                }
            ],
        )
    )
    problems = validate_record(record, default_schema())
    assert any("is reversed" in p for p in problems)
    assert any("ends after the text" in p for p in problems)
    assert any("unknown entity label 'PERSON'" in p for p in problems)
    assert any("duplicate entity id 'a'" in p for p in problems)
    assert any("has no argument role 'Winner'" in p for p in problems)
    assert any("unknown entity 'zz'" in p for p in problems)


def test_an_argument_listed_twice_is_a_problem() -> None:
    record = read_line(
        line(
            entities=[{"id": "a", "start": 0, "end": 5, "label": "PER"}],
            events=[
                {
                    "type": "Contact.Meet",
                    "trigger": {"start": 6, "end": 10},
                    "arguments": [{"role": "Entity", "entity": "a"}] * 2,
                }
            ],
        )
    )
    assert validate_record(record, default_schema()) == [
        "event Contact.Meet: the same entity fills role 'Entity' twice"
    ]


def test_only_newline_ends_a_line() -> None:
    text = line(title="a\u2028b") + "\r\n\n   \n" + line()
    assert [n for n, _ in iter_lines(text)] == [1, 4]
    assert read_line(next(iter_lines(text))[1]).title == "a\u2028b"


def test_canonicalising_moves_offsets_with_their_characters() -> None:
    raw = "\ufeffسطر\r\nبغداد\x07 NATO"
    record = DocumentRecord(
        raw,
        entities=[
            EntityRecord(raw.index("بغداد"), raw.index("بغداد") + 5, "GPE"),
            EntityRecord(raw.index("NATO"), raw.index("NATO") + 4, "ORG"),
        ],
    )
    changes = canonicalize_record(record)
    assert record.text == "سطر\nبغداد NATO"
    assert [record.text[e.start : e.end] for e in record.entities] == ["بغداد", "NATO"]
    assert len(changes) == 3


def test_a_boundary_inside_a_crlf_is_refused() -> None:
    raw = "سطر\r\nثان"
    record = DocumentRecord(raw, entities=[EntityRecord(0, 4, "GPE")])
    with pytest.raises(ValidationError, match=r"between \\r and \\n"):
        canonicalize_record(record)
