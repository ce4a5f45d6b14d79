"""Normalised search: harakat, tatweel, hamza forms and bidi marks ignored."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.search import (
    find_all,
    fold,
    fold_arabic,
    fold_table,
    is_whole_word,
    normalize,
    normalize_query,
)

TEXT = "قال الرَّئِيسُ إنّ الرئيـــس وَالرئيس\u200f أكّد أن رئيس الوزراء ورئيسه غادر."


def test_matches_ignore_harakat_tatweel_and_hamza() -> None:
    hits = find_all(TEXT, "الرئيس")
    assert [TEXT[s:e] for s, e in hits] == ["الرَّئِيسُ", "الرئيـــس", "الرئيس"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "اكد")] == ["أكّد"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "إن")] == ["إنّ", "أن"]


def test_query_harakat_are_ignored_too() -> None:
    assert find_all(TEXT, "الرَّئيس") == find_all(TEXT, "الرئيس")
    assert find_all(TEXT, "  ") == []


def test_whole_word_allows_a_proclitic_only() -> None:
    spans = find_all(TEXT, "رئيس")
    whole = [TEXT[s - 1 : e + 1] for s, e in spans if is_whole_word(TEXT, s, e)]
    assert whole == [" رئيس "]
    start = TEXT.index("الرئيس\u200f")
    assert is_whole_word(TEXT, start, start + 6)  # after the proclitic و


@given(st.text(alphabet=st.sampled_from(list("أإآابَتُ ـ\u200f😀")), max_size=40))
def test_origins_point_at_the_characters_kept(text: str) -> None:
    normalized = normalize(text)
    assert len(normalized.text) == len(normalized.origins)
    for char, origin in zip(normalized.text, normalized.origins, strict=True):
        assert normalize_query(text[origin]) in (char, "")
        assert normalize(text[origin]).text == char


@given(st.text(alphabet=st.sampled_from(list("أإآٱابؤئءَتُّ ـ\u200f\u200eAbß😀")), max_size=40))
def test_fold_equals_the_normalised_text(text: str) -> None:
    assert fold(text) == normalize(text).text


# Every character the folding touches, their replacements, and others around them.
_FOLDED = sorted({chr(code) for code in fold_table()} | {b for b in fold_table().values() if b})


@given(st.text(alphabet=st.sampled_from([*_FOLDED, "ب", "A", " ", "😀"]), max_size=60))
def test_fold_arabic_is_the_translate_table(text: str) -> None:
    table = {code: base or None for code, base in fold_table().items()}
    assert fold_arabic(text) == text.translate(table)
