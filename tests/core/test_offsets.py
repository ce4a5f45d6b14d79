"""OffsetMap: Qt UTF-16 positions <-> code points."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap

# Arabic letters, harakat, tatweel, bidi marks, ASCII, emoji and other astral characters.
ALPHABET = st.sampled_from(
    [*list("بغداد الْعِرَاقُ ـ«»،؛.:"), "\u200f", "\u200e", "😀", "🇮", "🇶", "𝕏", "𠀀", "a"]
)
TEXTS = st.text(alphabet=ALPHABET, max_size=60)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS, st.data())
def test_to_qt_counts_utf16_units(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert OffsetMap(text).to_qt(offset) == utf16_len(text[:offset])


@given(TEXTS, st.data())
def test_round_trip(text: str, data: st.DataObject) -> None:
    offsets = OffsetMap(text)
    offset = data.draw(st.integers(0, len(text)))
    assert offsets.from_qt(offsets.to_qt(offset)) == offset
    assert offsets.utf16_length == utf16_len(text)


@given(TEXTS, st.data())
def test_a_qt_range_maps_to_the_same_characters(text: str, data: st.DataObject) -> None:
    offsets = OffsetMap(text)
    units = text.encode("utf-16-le")
    qt_start = data.draw(st.integers(0, offsets.utf16_length))
    qt_end = data.draw(st.integers(qt_start, offsets.utf16_length))
    start, end = offsets.range_from_qt(qt_start, qt_end)
    # The code-point range covers at least the UTF-16 range, and never splits a character.
    covered = text[start:end].encode("utf-16-le")
    assert units[qt_start * 2 : qt_end * 2] in covered or qt_start == qt_end
    assert offsets.to_qt(start) <= qt_start and offsets.to_qt(end) >= qt_end


def test_identity_fast_path_without_astral_characters() -> None:
    offsets = OffsetMap("وَقَالَ\u200f «الوزير» ـــ")
    assert offsets.is_identity
    assert [offsets.to_qt(i) for i in range(5)] == list(range(5))
    assert not OffsetMap("a😀").is_identity


def test_position_inside_a_surrogate_pair_maps_to_its_character() -> None:
    offsets = OffsetMap("ب😀ج")
    assert offsets.to_qt(2) == 3
    assert offsets.from_qt(2) == 1  # between the two halves of the emoji
    assert offsets.range_from_qt(1, 2) == (1, 2)  # half an emoji selects the whole emoji
