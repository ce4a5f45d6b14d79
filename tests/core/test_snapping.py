"""Grapheme and word snapping, proclitic trimming."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.snapping import (
    is_grapheme_boundary,
    snap_selection,
    snap_to_graphemes,
    snap_to_words,
    trim_proclitic,
)

PIECES = st.sampled_from(
    [*list("بغداد الْعِرَاقُ ـ«»“”،؛.:() "), "\u200f", "\u200e", "😀", "👍🏽", "🇮🇶", "a"]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)


def test_a_letter_keeps_its_harakat() -> None:
    text = "الْعِرَاقُ"
    # Selecting just the letter ع (index 3) takes its kasra too.
    assert snap_to_graphemes(text, 3, 4) == (3, 5)
    # A selection ending between a letter and its damma includes the damma.
    assert snap_to_graphemes(text, 0, len(text) - 1) == (0, len(text))


def test_emoji_sequences_are_not_split() -> None:
    text = "أ👍🏽ب🇮🇶ج"
    assert snap_to_graphemes(text, 1, 2) == (1, 3)
    assert not is_grapheme_boundary(text, 5)  # between the two regional indicators
    assert snap_to_graphemes(text, 4, 5) == (4, 6)


def test_word_snapping_trims_punctuation_and_spaces() -> None:
    text = "قال «أحمد الساعدي»، ثم غادر."
    start = text.index("حمد")
    assert snap_to_words(text, start, start + 2) == (text.index("أحمد"), text.index("أحمد") + 4)
    whole = text.index("«"), text.index("،") + 2
    start, end = snap_to_words(text, *whole)
    assert text[start:end] == "أحمد الساعدي"
    end_word = snap_to_words(text, text.index("غادر"), len(text))
    assert text[end_word[0] : end_word[1]] == "غادر"


def test_word_snapping_trims_bidi_marks_and_quotes() -> None:
    text = "وقال\u200f إن \u200e“مستمر”\u200f؛ انتهى"
    start, end = snap_to_words(text, text.index("\u200e"), text.index("؛") + 1)
    assert text[start:end] == "مستمر"


def test_only_punctuation_snaps_to_nothing() -> None:
    assert snap_to_words("كلمة ، « » كلمة", 4, 10) is None
    assert snap_selection(" \u200f ", 0, 3, words=False) is None


def test_without_word_snapping_only_graphemes_and_spaces_are_adjusted() -> None:
    text = "الْعِرَاقُ بلد"
    assert snap_selection(text, 3, 4, words=False) == (3, 5)
    assert snap_selection(text, 0, 11, words=False) == (0, 10)


@given(TEXTS, st.data())
def test_snapped_ranges_are_grapheme_aligned_words(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    result = snap_to_words(text, start, end)
    if result is None:
        return
    s, e = result
    assert 0 <= s < e <= len(text)
    assert is_grapheme_boundary(text, s) and is_grapheme_boundary(text, e)
    assert text[s] not in " «»“”،؛.:()\u200f\u200e"
    assert text[e - 1] not in " «»“”،؛.:()\u200f\u200e"


def test_trim_proclitic() -> None:
    text = "وَبالعراق ولد"
    start, end = trim_proclitic(text, 0, 9)
    assert text[start:end] == "بالعراق"  # the waw goes with its fatha
    start, end = trim_proclitic(text, start, end)
    assert text[start:end] == "العراق"
    assert trim_proclitic(text, start, end) == (start, end)  # ا is no proclitic
    assert trim_proclitic(text, 10, 13) == (10, 13)  # ولد would leave too little
