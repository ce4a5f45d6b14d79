"""What each export format writes for one document and annotator, and what it reports."""

from __future__ import annotations

from annotator.core.formats import brat, conll, doccano, native, spacy
from annotator.core.formats.tokenize import tokenize
from annotator.core.formats.training_tokens import boundaries_of, split_at
from annotator.core.model import Argument, Document, DocumentAnnotations, Event, Span, Status
from annotator.services.projects import default_schema
from tests.io_samples import ARTICLE_1, ARTICLE_2, locate

DOC = Document("d1", "الموصل", ARTICLE_1, external_id="art-1", meta={"source": "test"})


def item(
    spans: list[tuple[str, str, int]] = (), events: tuple[Event, ...] = ()
) -> DocumentAnnotations:
    made = tuple(
        Span(f"s{i}", DOC.id, "amal", *locate(ARTICLE_1, needle, n), label)
        for i, (needle, label, n) in enumerate(spans)
    )
    return DocumentAnnotations(DOC, "amal", Status.DONE, made, events)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_native_record_with_utf16_offsets_after_emoji() -> None:
    record = native.to_json(item([("UNICEF", "ORG", 1), ("سارة Miller", "PER", 1)]), utf16=True)
    assert list(record)[:6] == ["id", "title", "text", "meta", "annotator", "status"]
    assert (record["id"], record["annotator"], record["status"]) == ("art-1", "amal", "done")
    person = record["entities"][1]
    assert person["text"] == "سارة Miller"
    assert ARTICLE_1[person["start"] : person["end"]] == "سارة Miller"
    # Two emoji (one a ZWJ sequence of astral characters) precede: UTF-16 drifts.
    assert person["start_utf16"] == utf16(ARTICLE_1, person["start"]) > person["start"]
    assert person["end_utf16"] - person["start_utf16"] == len("سارة Miller")


def test_doccano_has_label_triples_and_reports_events() -> None:
    event = Event("e1", DOC.id, "amal", "Contact.Meet", *locate(ARTICLE_1, "استقبلَ"))
    record, warnings = doccano.to_json(item([("نجم الجبوري", "PER", 1)], (event,)), utf16=True)
    start, end = locate(ARTICLE_1, "نجم الجبوري")
    assert record["label"] == [[start, end, "PER"]]
    assert record["label_utf16"] == [[start, end, "PER"]]  # before any emoji
    assert warnings == ["1 event(s) left out: doccano has no events"]


def test_spacy_tokens_and_inclusive_token_end() -> None:
    data = item([("نجم الجبوري", "PER", 1), ("المحافـــظة", "FAC", 1), ("نينو", "GPE", 1)])
    boundaries = boundaries_of((s.start, s.end) for s in data.spans)
    tokens, split = split_at(tokenize(ARTICLE_1), boundaries)
    assert split == 1  # «نينوى» is cut after «نينو», so that span is kept
    record, warnings = spacy.to_json(data, tokens, boundaries)
    tokens = record["tokens"]
    person = record["spans"][0]
    assert tokens[person["token_start"]]["text"] == "نجم"
    assert tokens[person["token_end"]]["text"] == "الجبوري"  # inclusive
    assert tokens[person["token_start"]]["ws"] is True
    assert [s["label"] for s in record["spans"]] == ["PER", "FAC", "GPE"]
    assert warnings == []
    gpe = record["spans"][2]
    assert [t["text"] for t in tokens[gpe["token_start"] : gpe["token_end"] + 2]] == ["نينو", "ى"]
    assert [t["ws"] for t in tokens[:3]] == [True, False, False]  # "الموصل (رويترز"


def test_conll_bio_with_nested_spans_reported() -> None:
    data = item([("محافظُ نينوى", "PER", 1), ("نينوى", "GPE", 1), ("UNICEF", "ORG", 1)])
    block, warnings = conll.to_block(data, tokenize(ARTICLE_1))
    rows = [line.split("\t") for line in block.splitlines() if line]
    assert rows[0] == ["-DOCSTART- -X- O O"]  # CoNLL-2003's own line
    tagged = {token: tag for token, tag in rows[1:]}
    assert tagged["محافظُ"] == "B-PER" and tagged["نينوى"] == "I-PER"
    assert tagged["UNICEF"] == "B-ORG" and tagged["😀"] == "O"
    assert len(warnings) == 1 and "overlaps PER" in warnings[0]
    # Sentences are separated by blank lines: the article has two lines and a full stop.
    assert block.count("\n\n") >= 3


def test_brat_t_and_e_lines_with_numbered_roles_and_fragments() -> None:
    doc = Document("d2", "كركوك", ARTICLE_2 + "\nثانٍ")
    a = Span("a", doc.id, "amal", *locate(doc.text, "مسلحون"), "PER")
    b = Span("b", doc.id, "amal", *locate(doc.text, "ثلاثة أشخاص"), "PER")
    c = Span("c", doc.id, "amal", len(ARTICLE_2) - 3, len(doc.text), "LOC")
    event = Event(
        "e",
        doc.id,
        "amal",
        "Conflict.Attack",
        *locate(doc.text, "هاجمَ"),
        (Argument("x", "Attacker", "a"), Argument("y", "Attacker", "b")),
    )
    record = DocumentAnnotations(doc, "amal", Status.DONE, (a, b, c), (event,))
    ann = brat.to_standoff(record, brat.BratNames(default_schema()))
    lines = ann.splitlines()
    start, end = locate(doc.text, "مسلحون")
    assert lines[0] == f"T1\tPER {start} {end}\tمسلحون"
    assert lines[2].startswith(f"T3\tLOC {len(ARTICLE_2) - 3} {len(ARTICLE_2)};")
    assert lines[3].startswith("T4\tConflict-Attack 0 5\tهاجمَ")  # brat allows no '.'
    assert lines[4] == "E1\tConflict-Attack:T4 Attacker:T1 Attacker2:T2"


def test_brat_annotation_conf_lists_the_schema() -> None:
    conf = brat.annotation_conf(default_schema())
    assert "[entities]\nPER\n" in conf
    assert "Conflict-Attack\tAttacker*:" in conf


def test_conll_reads_iob1_iob2_and_four_columns() -> None:
    text = (
        "-DOCSTART- -X- -X- O\n\n"
        "التقى\tO\nنجم\tB-PER\nالجبوري\tI-PER\nب\tO\nUNICEF\tI-ORG\n.\tO\n\n"
        "وقالت VBD B-NP O\nسارة NNP B-NP B-PER\n"
    )
    (document,) = conll.read_conll(text, default_schema())
    record = document.record
    assert record.text == "التقى نجم الجبوري ب UNICEF .\nوقالت سارة"
    spans = [(record.text[e.start : e.end], e.label) for e in record.entities]
    assert spans == [("نجم الجبوري", "PER"), ("UNICEF", "ORG"), ("سارة", "PER")]


def test_conll_problems_name_their_lines() -> None:
    (document,) = conll.read_conll("أ\tB-PERSON\nب\tX\nج\n", default_schema())
    assert document.record is None
    assert document.problems == [
        (1, "unknown entity label 'PERSON' (not in the schema)"),
        (2, "tag 'X' is not O, B-LABEL or I-LABEL"),
        (3, "expected a token and a tag"),
    ]
