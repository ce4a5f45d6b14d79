"""compute_agreement over small corpora: documents, pairs, missing annotators, events."""

from __future__ import annotations

import json

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import AgreementDocument, Work, compute_agreement, token_table
from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Event, Span

TEXT = "زار أحمد بغداد أمس مع وفد من الأمم المتحدة."
# token offsets: زار 0-3, أحمد 4-8, بغداد 9-14, أمس 15-18, مع 19-21, وفد 22-25, من 26-28,
# الأمم 29-34, المتحدة 35-42, . 42-43


def doc(doc_id: str, **work: Work) -> AgreementDocument:
    return AgreementDocument(doc_id, f"title {doc_id}", TEXT, work)


def spans(*items: tuple[int, int, str]) -> Work:
    return Work(spans=tuple(sorted(items)))


def test_token_table_labels_each_token_by_the_longest_covering_span() -> None:
    table = token_table(TEXT, [spans((29, 42, "ORG"), (29, 34, "PER")), spans((4, 8, "PER"))])
    assert table[("ORG", "O")] == 2
    assert table[("O", "PER")] == 1
    assert table[("O", "O")] == 7


def test_corpus_kappa_matches_sklearn_over_all_tokens() -> None:
    docs = [
        doc("1", amal=spans((4, 8, "PER"), (9, 14, "GPE")), karim=spans((4, 8, "PER"))),
        doc("2", amal=spans((29, 42, "ORG")), karim=spans((29, 42, "ORG"), (9, 14, "LOC"))),
    ]
    report = compute_agreement(docs, ["amal", "karim"])
    a = ["O", "PER", "GPE"] + ["O"] * 7 + ["O"] * 7 + ["ORG", "ORG", "O"]
    b = ["O", "PER"] + ["O"] * 8 + ["O", "O", "LOC"] + ["O"] * 4 + ["ORG", "ORG", "O"]
    assert report.corpus.pairs[0].cohen_kappa == pytest.approx(cohen_kappa_score(a, b))
    exact = report.corpus.to_dict()["pairs"][0]["spans_exact"]["overall"]
    assert (exact["matched"], exact["a_total"], exact["b_total"]) == (2, 3, 3)


def test_documents_annotated_by_one_annotator_are_left_out() -> None:
    docs = [doc("1", amal=spans((4, 8, "PER")), karim=spans((4, 8, "PER"))), doc("2", amal=Work())]
    report = compute_agreement(docs, ["amal", "karim"])
    assert [d.doc_id for d in report.documents] == ["1"]
    assert report.corpus.pairs[0].documents == 1


def test_empty_work_is_all_no_label_not_missing() -> None:
    # karim annotated the document and found nothing: amal's span is a disagreement.
    report = compute_agreement(
        [doc("1", amal=spans((4, 8, "PER")), karim=Work())], ["amal", "karim"]
    )
    pair = report.corpus.pairs[0]
    assert pair.cohen_kappa is not None and pair.cohen_kappa < 1
    assert report.corpus.krippendorff_alpha < 1
    assert pair.alpha_u < 0
    assert pair.confusion == {("PER", "O"): 1}


def test_three_annotators_with_missing_documents() -> None:
    docs = [
        doc("1", a=spans((4, 8, "PER")), b=spans((4, 8, "PER")), c=spans((4, 8, "ORG"))),
        doc("2", a=spans((9, 14, "GPE")), b=spans((9, 14, "GPE"))),
    ]
    report = compute_agreement(docs, ["a", "b", "c"])
    assert report.corpus.pair("a", "b").documents == 2
    assert report.corpus.pair("a", "c").documents == 1
    # Fleiss' kappa counts only document 1 (the one all three annotated), alpha both.
    only_first = compute_agreement(docs[:1], ["a", "b", "c"])
    assert report.corpus.fleiss_kappa == pytest.approx(only_first.corpus.fleiss_kappa)
    assert report.corpus.krippendorff_alpha != pytest.approx(only_first.corpus.krippendorff_alpha)
    assert report.documents[0].doc_id == "1"  # more disagreements first
    means = report.corpus.means()
    assert means["spans_exact_f1"] == pytest.approx((1 + 0 + 0) / 3)


def test_events_trigger_and_argument_f1() -> None:
    def work(annotator: str, event_type: str, role: str) -> Work:
        person = Span("p" + annotator, "d", annotator, 4, 8, "PER")
        place = Span("g" + annotator, "d", annotator, 9, 14, "GPE")
        event = Event(
            "e" + annotator,
            "d",
            annotator,
            event_type,
            0,
            3,
            (Argument("a1", "Entity", person.id), Argument("a2", role, place.id)),
        )
        return Work.of([person, place], [event])

    report = compute_agreement(
        [
            doc(
                "1",
                amal=work("amal", "Movement.Transport", "Destination"),
                karim=work("karim", "Movement.Transport", "Origin"),
            )
        ],
        ["amal", "karim"],
    )
    pair = report.corpus.pairs[0]
    assert pair.triggers.f1 == 1
    assert (pair.arguments.matched, pair.arguments.f1) == (1, 0.5)
    other_type = compute_agreement(
        [
            doc(
                "1",
                amal=work("amal", "Movement.Transport", "Place"),
                karim=work("karim", "Conflict.Attack", "Place"),
            )
        ],
        ["amal", "karim"],
    ).corpus.pairs[0]
    assert other_type.triggers.f1 == 0 and other_type.arguments.f1 == 0


def test_report_is_json_serialisable_with_documented_keys() -> None:
    report = compute_agreement(
        [doc("1", amal=spans((4, 8, "PER")), karim=spans((4, 8, "PER")))], ["amal", "karim"]
    )
    data = json.loads(json.dumps(report.to_dict()))
    assert data["format"] == "annotator-agreement/1"
    assert set(data["corpus"]) >= {
        "pairs",
        "mean",
        "fleiss_kappa",
        "krippendorff_alpha",
        "alpha_u",
        "alpha_u_labels",
    }
    assert data["corpus"]["pairs"][0]["spans_exact"]["overall"]["f1"] == 1
    assert data["documents"][0]["id"] == "1"


def test_needs_two_annotators() -> None:
    with pytest.raises(ValidationError):
        compute_agreement([], ["amal"])


def test_token_bounds_agree_with_the_export_tokenizer() -> None:
    from annotator.core.formats.tokenize import token_bounds, tokenize

    text = "قال «أحمد»، إنّ الـــعاصمة... 3.5 😀🇮🇶\u200f!"
    starts, ends = token_bounds(text)
    assert list(zip(starts, ends, strict=True)) == [tuple(t) for t in tokenize(text)]


def test_pair_alpha_u_over_shared_documents_equals_a_separate_computation() -> None:
    from annotator.core.agreement.unitizing import unitizing_alpha

    docs = [
        doc("1", a=spans((4, 8, "PER")), b=spans((4, 9, "PER")), c=spans((9, 14, "GPE"))),
        doc("2", a=spans((29, 42, "ORG")), b=spans((29, 42, "ORG")), c=Work()),
    ]
    report = compute_agreement(docs, ["a", "b", "c"])
    shift = len(TEXT)
    for x, y in (("a", "b"), ("a", "c"), ("b", "c")):
        concatenated = [
            [*d1.work[n].spans, *((s + shift, e + shift, lab) for s, e, lab in d2.work[n].spans)]
            for n in (x, y)
            for d1, d2 in [(docs[0], docs[1])]
        ]
        expected = unitizing_alpha(2 * shift, concatenated).alpha
        assert report.corpus.pair(x, y).alpha_u == pytest.approx(expected)
