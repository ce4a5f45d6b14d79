"""One definition of a grapheme and a word, shared by snapping, the tokenizer and search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats.tokenize import tokenize
from annotator.core.search import find_all, is_whole_word
from annotator.core.snapping import snap_selection, snap_to_graphemes, snap_to_words
from annotator.core.words import graphemes, is_grapheme_boundary, units

ZWNJ = "\u200c"
NUMBERS = ["3.5", "1,000", "٣٫٥", "12,345.67"]


@pytest.mark.parametrize("number", [*NUMBERS, f"می{ZWNJ}خواهم"])
def test_numbers_and_zwnj_words_are_one_unit_everywhere(number: str) -> None:
    text = f"بلغ {number} اليوم"
    start = text.index(number)
    end = start + len(number)
    assert [text[a:b] for a, b in tokenize(text)] == ["بلغ", number, "اليوم"]
    # A selection touching any part of the word (Qt's double-click stops at '.',
    # ',' and ZWNJ) snaps to all of it, never to '3' or 'می'.
    for inside in range(start, end):
        assert snap_to_words(text, inside, inside + 1) == (start, end)
    assert snap_selection(text, start, start + 1, words=True) == (start, end)


def test_search_calls_part_of_a_number_or_zwnj_word_not_whole() -> None:
    text = f"بلغ 3.5 و3 می{ZWNJ}خواهم می"
    hits = find_all(text, "3")
    assert [is_whole_word(text, *hit) for hit in hits] == [False, True]
    hits = find_all(text, "می")
    assert [is_whole_word(text, *hit) for hit in hits] == [False, True]


def test_prepend_characters_join_the_following_grapheme() -> None:
    # U+0600 ARABIC NUMBER SIGN is a Prepend character: it and the digits after it
    # are one grapheme/word; a selection cannot separate them.
    text = "رقم \u0600١٢٣ هنا"
    sign = text.index("\u0600")
    assert not is_grapheme_boundary(text, sign + 1)
    assert snap_to_graphemes(text, sign + 1, sign + 2) == (sign, sign + 2)
    assert [text[a:b] for a, b in tokenize(text)] == ["رقم", "\u0600١٢٣", "هنا"]
    assert snap_to_words(text, sign + 2, sign + 3) == (sign, sign + 4)


def test_graphemes_are_unicode_extended_clusters() -> None:
    text = "أ👍🏽👩\u200d🏫🇮🇶بُ"
    assert [text[a:b] for a, b in graphemes(text)] == ["أ", "👍🏽", "👩\u200d🏫", "🇮🇶", "بُ"]
    # A run of the same symbol ends where a grapheme does (found by hypothesis).
    assert [(a, b) for a, b in units("😀😀\u0652")] == [(0, 1), (1, 3)]


PIECES = st.sampled_from(
    [*"بغداد 3.5,1٫٣ «»،.", ZWNJ, "\u0600", "\u0605", "\u064e", "\u200f", "😀", "👍🏽", "🏽",
     "🇮", "\xa0", "\n", "ـ"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_units_are_grapheme_aligned_and_what_the_tokenizer_emits(text: str) -> None:
    found = list(units(text))
    assert [tuple(t) for t in tokenize(text)] == found
    for start, end in found:
        assert is_grapheme_boundary(text, start) and is_grapheme_boundary(text, end)
        assert not any(char.isspace() for char in text[start:end])
        snapped = snap_to_words(text, start, end)
        assert snapped is None or snapped == (start, end)


# The fast path's characters, and some that send a text to the grapheme rules.
PLAIN = list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئةىـ" "ًٌٍَُِّْ" "azAZ09٠٩" ".,;:!?()[]\"'-/%،؛؟«»٪٫٬"
    "{}*#@&+=<>|~^$\\–—‘’“”…€£" "  \n\t"
)
OTHER = ["😀", "🇮", ZWNJ, "\u200f", "_", "é", "ۀ", "\u00a0", "\u0600", "ﻻ", "۳", "§", "\u0654",
         "\u200d", "\ufe0f", "\u0301"]


@settings(max_examples=5000)
@given(st.text(alphabet=st.sampled_from(PLAIN), max_size=60) | st.text(
    alphabet=st.sampled_from(PLAIN + OTHER), max_size=60
))
def test_the_plain_fast_path_finds_the_units_the_grapheme_rules_find(text: str) -> None:
    from annotator.core.words import UNIT_RE, unit_spans

    assert unit_spans(text) == [match.span() for match in UNIT_RE.finditer(text)]


def test_the_demo_articles_tokenize_as_the_grapheme_rules_say() -> None:
    import json
    from pathlib import Path

    from annotator.core.words import _NOT_PLAIN, UNIT_RE, unit_spans

    demo = Path(__file__).parents[2] / "resources" / "demo" / "articles.json"
    articles = json.loads(demo.read_text(encoding="utf-8"))["articles"]
    texts = [article["text"] for article in articles]
    assert any(_NOT_PLAIN.search(text) is None for text in texts)  # the fast path is taken
    for text in texts:
        assert unit_spans(text) == [match.span() for match in UNIT_RE.finditer(text)]
