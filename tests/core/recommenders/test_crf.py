"""The CRF sequence labeller: tags, decoding, confidence, persistence."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.formats.tokenize import tokenize
from annotator.core.recommenders import CrfLabeller, ItemKind, Labelled, TrainingSet
from annotator.core.recommenders.base import Prediction, TrainingDocument
from annotator.core.recommenders.features import decode, tags
from tests.recommender_data import generate


def test_tags_mark_a_mention_after_a_proclitic_and_decode_trims_it() -> None:
    text = "زار وبغداد أحمد الساعدي"
    tokens = tokenize(text, split_clitics=True)
    spans = [Labelled(5, 10, "GPE"), Labelled(11, 23, "PER")]
    labels = tags(text, tokens, spans)
    assert labels == ["O", "B+GPE", "B-PER", "I-PER"]
    decoded = [(s, e, label) for s, e, label, _ in decode(text, tokens, labels)]
    assert decoded == [(5, 10, "GPE"), (11, 23, "PER")]


def test_nested_spans_keep_the_outer_one() -> None:
    text = "جامعة بغداد"
    tokens = tokenize(text)
    assert tags(text, tokens, [Labelled(0, 11, "ORG"), Labelled(6, 11, "GPE")]) == [
        "B-ORG",
        "I-ORG",
    ]


def test_learns_names_with_a_confidence_and_survives_pickling() -> None:
    docs = tuple(g.document for g in generate(40, seed=3, chars=600))
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(docs))
    held_out = generate(5, seed=4, chars=600)[0].document
    predictions = labeller.predict(held_out.text)
    expected = {(s.start, s.end, s.label) for s in held_out.spans}
    hits = [p for p in predictions if (p.start, p.end, p.label) in expected]
    assert len(hits) >= len(expected) * 0.8
    assert all(0 < p.confidence <= 1 for p in predictions)
    copy = pickle.loads(pickle.dumps(labeller))
    assert copy.predict(held_out.text) == predictions
    assert CrfLabeller.from_model(labeller.model).predict(held_out.text) == predictions
    assert 0 <= labeller.uncertainty(held_out.text) < 0.5


def test_learns_event_triggers_with_their_type() -> None:
    docs = tuple(g.document for g in generate(40, seed=3, chars=600))
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(docs))
    assert labeller.kinds == (ItemKind.SPAN, ItemKind.EVENT)
    held_out = generate(10, seed=4, chars=600)
    expected = {
        (d.document.text, t.start, t.end, t.label) for d in held_out for t in d.document.triggers
    }
    found = {
        (d.document.text, p.start, p.end, p.label)
        for d in held_out
        for p in labeller.predict(d.document.text)
        if p.kind is ItemKind.EVENT
    }
    assert expected and len(found & expected) >= 0.8 * len(expected)


def test_a_damaged_stored_model_is_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError, match="not one annotator wrote"):
        CrfLabeller.from_model(b"junk")
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(tuple(g.document for g in generate(5, seed=3, chars=300))))
    blob = labeller.model
    with pytest.raises(ValidationError, match="damaged"):
        CrfLabeller.from_model(blob[:40] + b"x" * (len(blob) - 40))


def test_without_labels_there_is_no_model() -> None:
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(()))
    assert not labeller.trained
    assert labeller.predict("بغداد") == []
    assert labeller.uncertainty("بغداد") == 1.0


_SMALL = CrfLabeller()
_SMALL.fit(TrainingSet(tuple(g.document for g in generate(10, seed=8, chars=400))))


@given(st.text(alphabet="بغداد وفي،.ـٌَ 😀\u200f\n3٫5ABC", max_size=80))
def test_predictions_fit_any_text(text: str) -> None:
    for p in _SMALL.predict(text):
        assert 0 <= p.start < p.end <= len(text)
        assert 0 < p.confidence <= 1
    assert 0 <= _SMALL.uncertainty(text) <= 1


def _rejecting(doc: TrainingDocument, *rejected: Prediction) -> TrainingDocument:
    """``doc`` as a rejection record: its text and the rejected suggestions, no labels."""
    spans = tuple(Labelled(p.start, p.end, p.label) for p in rejected)
    return TrainingDocument(doc.text, rejected_spans=spans, id=doc.id)


def test_a_rejected_suggestion_is_not_proposed_again_after_training() -> None:
    docs = tuple(g.document for g in generate(30, seed=3, chars=600))
    others = [g.document for g in generate(12, seed=4, chars=600)]
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(docs))
    target = others[0]
    before = labeller.predict(target.text)
    rejected = next(p for p in before if p.kind is ItemKind.SPAN)
    form = target.text[rejected.start : rejected.end]
    # The same name with the same label, suggested in another document: before the rejection.
    elsewhere = {
        d.text: p
        for d in others[1:]
        for p in labeller.predict(d.text)
        if d.text[p.start : p.end] == form and p.label == rejected.label
    }
    assert elsewhere, "the generated articles repeat names: another one should hold it"
    labeller.fit(TrainingSet(docs, extra_rejections=(_rejecting(target, rejected),)))
    after = labeller.predict(target.text)
    assert rejected not in after
    assert (rejected.start, rejected.end, rejected.label) not in {
        (p.start, p.end, p.label) for p in after
    }
    # Every other suggestion there stays (it was not rejected).
    assert {p for p in before if p != rejected} - set(after) == set()
    for text, earlier in elsewhere.items():
        later = next(
            p for p in labeller.predict(text) if (p.start, p.end) == (earlier.start, earlier.end)
        )
        assert later.label == earlier.label and later.confidence < earlier.confidence
    # Stored and read back (the project keeps the blob): the filter comes along.
    stored = CrfLabeller.from_model(labeller.model)
    assert stored.predict(target.text) == after
    assert pickle.loads(pickle.dumps(labeller)).predict(target.text) == after


def test_a_rejection_in_a_done_document_is_kept_there_too() -> None:
    docs = [g.document for g in generate(30, seed=3, chars=600)]
    labeller = CrfLabeller()
    labeller.fit(TrainingSet(tuple(docs)))
    first = docs[0]
    proposed = next(p for p in labeller.predict(first.text) if p.kind is ItemKind.SPAN)
    done = TrainingDocument(
        first.text, first.spans, first.triggers, rejected_spans=(Labelled(
            proposed.start, proposed.end, proposed.label),), id=first.id
    )
    labeller.fit(TrainingSet((done, *docs[1:])))
    assert (proposed.start, proposed.end, proposed.label) not in {
        (p.start, p.end, p.label) for p in labeller.predict(first.text)
    }


def test_a_model_stored_before_rejections_were_learnt_still_loads() -> None:
    import hashlib
    import struct

    labeller = CrfLabeller()
    labeller.fit(TrainingSet(tuple(g.document for g in generate(5, seed=3, chars=300))))
    entity, trigger = labeller.models[ItemKind.SPAN], labeller.models.get(ItemKind.EVENT, b"")
    old = (
        b"annotator-crf/1\n" + struct.pack("<QQ", len(entity), len(trigger))
        + hashlib.sha256(entity + trigger).digest() + entity + trigger
    )
    text = generate(1, seed=9, chars=300)[0].document.text
    loaded = CrfLabeller.from_model(old)
    assert loaded.models == labeller.models and not loaded.rejections
    assert loaded.predict(text) == labeller.predict(text)
