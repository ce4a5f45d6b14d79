"""The CRF sequence labeller: tags, decoding, confidence, persistence."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.formats.tokenize import tokenize
from annotator.core.recommenders import CrfLabeller, ItemKind, Labelled, TrainingSet
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
