"""Native JSONL lines built from rows are byte for byte what the JSON encoder writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats import native
from annotator.core.formats.rows import DocumentRow, ExportRow, to_annotations
from annotator.core.model import Status, text_sha256
from annotator.core.notes import Note, NoteKind
from tests.io_samples import ARTICLE_1

# Everything the encoder escapes (quotes, backslashes, control characters) or must
# not escape (emoji, bidi marks, U+2028, Arabic), in ids, titles, labels and text.
TRICKY = ['"', "\\", "\n", "\t", "\x01", "\x7f", "\u2028", "\u200f", "😀", "ـ", "ً", "a"]
STRINGS = st.text(st.sampled_from(TRICKY), min_size=1, max_size=8)
# Strict JSON: NaN and Infinity are refused at import and never exported.
META = st.dictionaries(
    STRINGS, st.one_of(STRINGS, st.integers(), st.floats(allow_nan=False, allow_infinity=False))
)


@st.composite
def export_rows(draw) -> ExportRow:
    text = draw(st.text(st.sampled_from([*TRICKY, " ", "ب", "غ"]), min_size=1, max_size=60))
    spans = []
    for i in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append((start, end, f"{draw(STRINGS)}{i}", draw(STRINGS), None))
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    arguments = tuple((f"a{i}", draw(STRINGS), span[2]) for i, span in enumerate(spans[:2]))
    events = [(0, 1, draw(STRINGS), draw(STRINGS), None, arguments)] if draw(st.booleans()) else []
    meta = json.dumps(draw(META), ensure_ascii=False)
    external = draw(st.none() | STRINGS)
    doc = DocumentRow("doc", external, draw(STRINGS), text, meta, text_sha256(text))
    annotator = draw(st.none() | STRINGS)
    status = draw(st.sampled_from(list(Status)))
    events = events if annotator else []
    notes = {}
    if annotator and draw(st.booleans()):  # notes on some spans, the event, the document
        targets = [(s[2], NoteKind.SPAN) for s in spans] + [(e[2], NoteKind.EVENT) for e in events]
        targets.append(("doc", NoteKind.DOCUMENT))
        for target, kind in targets:
            if draw(st.booleans()):
                text = draw(st.just("") | STRINGS)
                notes[target] = Note(target, kind, "doc", annotator, text, draw(st.booleans()))
    return ExportRow(doc, annotator, status, spans, events, notes or None)


def expected(row: ExportRow, utf16: bool) -> bytes:
    record = native.to_json(to_annotations(row), utf16)
    return (native.ENCODER.encode(record) + "\n").encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(export_rows(), st.booleans())
def test_a_line_is_the_encoded_record(row: ExportRow, utf16: bool) -> None:
    assert b"".join(native.LineEncoder(utf16)(row)) == expected(row, utf16)


def test_a_text_quoted_elsewhere_is_used_as_given() -> None:
    doc = DocumentRow("d", None, "t", ARTICLE_1, "{}", text_sha256(ARTICLE_1))
    quoted = json.dumps(ARTICLE_1, ensure_ascii=False).encode("utf-8")
    rows = [
        ExportRow(doc._replace(text_json=quoted), None, Status.NEW, [], []),
        ExportRow(doc, None, Status.NEW, [], []),
    ]
    first, second = (b"".join(native.LineEncoder()(row)) for row in rows)
    assert first == second == expected(rows[1], False)


def test_consecutive_lines_of_one_document_share_its_head() -> None:
    doc = DocumentRow("d", "ext", "t", ARTICLE_1, '{"k": 1}', text_sha256(ARTICLE_1))
    encode = native.LineEncoder()
    amal = ExportRow(doc, "amal", Status.DONE, [(0, 6, "s1", "GPE", None)], [])
    karim = ExportRow(doc, "karim", Status.NEW, [], [])
    lines = [b"".join(encode(row)) for row in (amal, karim)]
    assert lines == [expected(amal, False), expected(karim, False)]
    assert [json.loads(line)["annotator"] for line in lines] == ["amal", "karim"]


def test_notes_are_written_where_they_belong() -> None:
    text = "زار الوزير بغداد."
    doc = DocumentRow("d", None, "t", text, "{}", text_sha256(text))
    notes = {
        "s1": Note("s1", NoteKind.SPAN, "d", "amal", "عاصمة؟", True),
        "d": Note("d", NoteKind.DOCUMENT, "d", "amal", "مكرر"),
    }
    row = ExportRow(doc, "amal", Status.DONE, [(10, 15, "s1", "GPE", None)], [], notes)
    record = json.loads(b"".join(native.LineEncoder()(row)))
    assert (record["note"], record["unsure"]) == ("مكرر", False)
    assert record["entities"][0]["note"] == "عاصمة؟" and record["entities"][0]["unsure"] is True
    plain = json.loads(b"".join(native.LineEncoder()(row._replace(notes=None))))
    assert "note" not in plain and "note" not in plain["entities"][0]
