"""The Arabic-aware tokeniser and the alignment of spans to tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.tokenize import TokenIndex, sentences, tokenize


def words(text: str, split_clitics: bool = False) -> list[str]:
    return [text[a:b] for a, b in tokenize(text, split_clitics)]


def test_punctuation_is_split_off_and_marks_stay_on_their_letters() -> None:
    text = "قال «أحمدُ» (رويترز): الـــعاصمة، NATO!"
    assert words(text) == [
        "قال",
        "«",
        "أحمدُ",
        "»",
        "(",
        "رويترز",
        ")",
        ":",
        "الـــعاصمة",
        "،",
        "NATO",
        "!",
    ]


def test_bidi_marks_separate_and_never_belong_to_tokens() -> None:
    assert words("سارة\u200f Miller\u200e،") == ["سارة", "Miller", "،"]


def test_numbers_emoji_and_flags_stay_whole() -> None:
    text = "بلغ 3.5 مليون و1,000 و٣٫٥ 👍🏽 👩‍🏫 🇮🇶..."
    assert words(text) == ["بلغ", "3.5", "مليون", "و1,000", "و٣٫٥", "👍🏽", "👩‍🏫", "🇮🇶", "..."]


def test_clitics_stay_attached_unless_asked() -> None:
    text = "وبالعاصمة والعاصمة للعاصمة والد"
    assert words(text) == ["وبالعاصمة", "والعاصمة", "للعاصمة", "والد"]
    assert words(text, split_clitics=True) == [
        "و",
        "ب",
        "العاصمة",
        "و",
        "العاصمة",
        "للعاصمة",
        "والد",
    ]


def test_sentences_end_at_final_punctuation_and_line_breaks() -> None:
    text = "وصل الوفد. هل انتهى؟ نعم\nسطر جديد"
    grouped = [[text[a:b] for a, b in s] for s in sentences(text, tokenize(text))]
    assert grouped == [["وصل", "الوفد", "."], ["هل", "انتهى", "؟"], ["نعم"], ["سطر", "جديد"]]


def test_alignment_reports_boundaries_inside_tokens_without_moving_them() -> None:
    text = "والعاصمة بغداد"
    index = TokenIndex(text, tokenize(text))
    assert index.align(9, 14) == (1, 1, None)
    assert index.align(0, 14) == (0, 1, None)
    inside = index.align(1, 8)
    assert inside.problem == "start falls inside token «والعاصمة»"
    assert index.align(8, 14).problem == "start falls between tokens"
    assert index.align(9, 12).problem == "end falls inside token «بغداد»"
    split = TokenIndex(text, tokenize(text, split_clitics=True))
    assert split.align(1, 8) == (1, 1, None)


@given(st.text(alphabet="بغداد والعاصمة ،.😀\u200f\u0640\u064eA1 \n", max_size=60))
def test_tokens_are_ordered_non_empty_and_never_hold_whitespace(text: str) -> None:
    previous_end = 0
    for start, end in tokenize(text, split_clitics=True):
        assert previous_end <= start < end
        assert not any(c.isspace() or c == "\u200f" for c in text[start:end])
        previous_end = end
