"""The string matcher: Arabic folding, proclitics, consistency and rejections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.recommenders import (
    ItemKind,
    Labelled,
    StringMatcher,
    TrainingDocument,
    TrainingSet,
)


def labelled(text: str, phrase: str, label: str, occurrence: int = 1) -> Labelled:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Labelled(start, start + len(phrase), label)


def trained(*docs: TrainingDocument) -> StringMatcher:
    matcher = StringMatcher()
    matcher.fit(TrainingSet(docs))
    return matcher


def found(matcher: StringMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[p.start : p.end], p.label) for p in matcher.predict(text)]


TRAIN = "وصل الوفد إلى بغداد صباح اليوم. وقال أحمد الساعدي إن المحادثات اجتمع فيها الطرفان."
TRAINING_DOC = TrainingDocument(
    TRAIN,
    spans=(labelled(TRAIN, "بغداد", "GPE"), labelled(TRAIN, "أحمد الساعدي", "PER")),
    triggers=(labelled(TRAIN, "اجتمع", "Contact.Meet"),),
)


def test_sees_through_proclitics_and_leaves_them_out() -> None:
    matcher = trained(TRAINING_DOC)
    text = "عاد إلى وبغداد ثم ببغداد وفي بغداد، لكن بغدادي ليست اسما."
    assert found(matcher, text) == [("بغداد", "GPE")] * 3
    starts = [p.start for p in matcher.predict(text)]
    assert starts[0] == text.index("وبغداد") + 1  # without the و
    assert starts[1] == text.index("ببغداد") + 1  # without the ب


def test_folds_harakat_tatweel_and_hamza_like_the_find() -> None:
    matcher = trained(TRAINING_DOC)
    text = "قال احمد السـاعدي وبَغْدادُ"
    assert found(matcher, text) == [("احمد السـاعدي", "PER"), ("بَغْدادُ", "GPE")]


def test_suggests_triggers_with_their_type() -> None:
    predictions = trained(TRAINING_DOC).predict("ثم اجتمع الوزيران")
    assert [(p.kind, p.label) for p in predictions] == [(ItemKind.EVENT, "Contact.Meet")]


def test_confidence_follows_how_consistently_the_phrase_was_labelled() -> None:
    text = "زار بغداد ثم عاد إلى بغداد وغادر بغداد ثم بغداد مرة أخرى."
    always = TrainingDocument(
        text, spans=tuple(labelled(text, "بغداد", "GPE", n) for n in (1, 2, 3, 4))
    )
    once = TrainingDocument(text, spans=(labelled(text, "بغداد", "GPE"),))
    assert trained(always).predict("بغداد")[0].confidence == pytest.approx(1.0)
    assert trained(once).predict("بغداد")[0].confidence == pytest.approx(0.25)


def test_rejections_lower_the_confidence_and_can_silence_a_phrase() -> None:
    rejected = TrainingDocument(
        "زار بغداد", rejected_spans=(Labelled(4, 9, "GPE"),), id="elsewhere"
    )
    matcher = StringMatcher()
    matcher.fit(TrainingSet((TRAINING_DOC,), extra_rejections=(rejected,)))
    assert matcher.predict("بغداد")[0].confidence == pytest.approx(0.5)
    assert trained(TRAINING_DOC).predict("بغداد")[0].confidence == pytest.approx(1.0)


def test_the_most_frequent_label_wins_and_longest_phrase_first() -> None:
    text = "جامعة بغداد في بغداد وجامعة بغداد"
    doc = TrainingDocument(
        text,
        spans=(
            labelled(text, "جامعة بغداد", "ORG"),
            labelled(text, "بغداد", "GPE", 2),
            labelled(text, "جامعة بغداد", "ORG", 2),
        ),
    )
    assert found(trained(doc), "من جامعة بغداد إلى بغداد") == [
        ("جامعة بغداد", "ORG"),
        ("بغداد", "GPE"),
    ]


def test_nothing_learnt_nothing_suggested() -> None:
    assert StringMatcher().predict("بغداد") == []
    assert trained(TrainingDocument("نص بلا تسميات")).predict("نص بلا تسميات") == []


@given(st.text(alphabet="بغداد وفي،.ـَ", max_size=60))
def test_predictions_always_fit_the_text(text: str) -> None:
    for p in trained(TRAINING_DOC).predict(text):
        assert 0 <= p.start < p.end <= len(text)
        assert 0 < p.confidence <= 1
