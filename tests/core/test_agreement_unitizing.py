"""alpha-u: hand-computed cases and a literal transcription of DKPro's sweep as a cross-check."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement.unitizing import Continuum, unitizing_alpha


def test_partial_overlap_hand_computed() -> None:
    # L = 10, one category. A: [2, 6), B: [3, 6).
    # D_o = 2 * ((2-3)^2 + (6-6)^2) / (2 * 1 * 100) = 0.01.
    # Gaps 2, 4 (A) and 3, 4 (B); N_c = 2.
    # l = 4: (2*64 - 3*16 + 4) / 3 = 28, plus 16 * ((4-4+1) * 2) = 32 -> 60
    # l = 3: (2*27 - 27 + 3) / 3 = 10, plus 9 * (1 + 2 + 2) = 45 -> 55
    # D_e = (2 / 10) * 115 / (20 * 19 - (12 + 6)) = 23 / 362.
    result = unitizing_alpha(10, [[(2, 6, "c")], [(3, 6, "c")]])
    assert result.observed["c"] == pytest.approx(0.01)
    assert result.expected["c"] == pytest.approx(23 / 362)
    assert result.alpha == pytest.approx(1 - 0.01 * 362 / 23)


def test_span_only_one_annotator_drew_counts_fully() -> None:
    # A: [2, 6), B: nothing. D_o = 2 * 16 / 200 = 0.16.
    # Gaps 2, 4 (A) and 10 (B); N_c = 1: D_e = (2/10) * 16 * (1 + 7) / (380 - 12).
    result = unitizing_alpha(10, [[(2, 6, "c")], []])
    expected = 0.2 * 128 / 368
    assert result.expected["c"] == pytest.approx(expected)
    assert result.alpha == pytest.approx(1 - 0.16 / expected)
    assert result.alpha < 0


def test_identical_annotations_agree_perfectly() -> None:
    spans = [(0, 4, "PER"), (8, 12, "ORG"), (20, 30, "PER")]
    result = unitizing_alpha(40, [spans, list(spans), list(spans)])
    assert result.alpha == 1
    assert result.per_category == {"ORG": 1, "PER": 1}


def test_no_spans_at_all_is_undefined() -> None:
    assert unitizing_alpha(10, [[], []]).alpha is None


def test_overall_alpha_pools_categories() -> None:
    result = unitizing_alpha(30, [[(0, 5, "A"), (10, 15, "B")], [(1, 5, "A"), (20, 25, "B")]])
    pooled = 1 - sum(result.observed.values()) / sum(result.expected.values())
    assert result.alpha == pytest.approx(pooled)


def _dkpro_sweep(length: int, annotations: list[list[tuple[int, int, str]]]) -> float | None:
    """A literal transcription of DKPro's loops (position sweep, gap scan), for checking."""
    categories = sorted({label for spans in annotations for _, _, label in spans})
    raters = len(annotations)
    total_o = total_e = 0.0
    for category in categories:
        units = [sorted((s, e - s) for s, e, c in spans if c == category) for spans in annotations]
        observed = 0
        for r1 in range(raters):
            for r2 in range(r1 + 1, raters):
                observed += _sweep_pair(length, units[r1], units[r2])
        total_o += 2 * observed / (raters * (raters - 1) * length * length)
        gaps = []
        for rater_units in units:
            position = 0
            for start, size in rater_units:
                if start > position:
                    gaps.append(start - position)
                position = start + size
            if position < length:
                gaps.append(length - position)
        all_units = [size for rater_units in units for _, size in rater_units]
        n_c = len(all_units)
        expected = 0.0
        for size in all_units:
            expected += (n_c - 1) * (2 * size**3 - 3 * size**2 + size) / 3
            expected += size * size * sum(g - size + 1 for g in gaps if g >= size)
        squared = sum(size * (size - 1) for size in all_units)
        total_e += (2 / length) * expected / (raters * length * (raters * length - 1) - squared)
    if not categories:
        return None
    return 0.0 if total_o == total_e else 1 - total_o / total_e


def _segments(length: int, units: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    segments, position = [], 0
    for start, size in units:
        if start > position:
            segments.append((position, start - position, False))
        segments.append((start, size, True))
        position = start + size
    if position < length:
        segments.append((position, length - position, False))
    return segments


def _sweep_pair(length: int, first: list, second: list) -> int:
    total = 0
    for o1, l1, c1 in _segments(length, first):
        for o2, l2, c2 in _segments(length, second):
            if not (o1 < o2 + l2 and o2 < o1 + l1):
                continue
            begin, size = o1 - o2, l1 - l2
            if c1 and c2:
                total += begin * begin + (begin + size) ** 2
            elif c1 and not c2 and -size >= begin >= 0:
                total += l1 * l1
            elif c2 and not c1 and -size <= begin <= 0:
                total += l2 * l2
    return total


@st.composite
def _annotations(draw: st.DrawFn) -> tuple[int, list[list[tuple[int, int, str]]]]:
    length = draw(st.integers(5, 60))
    raters = draw(st.integers(2, 4))
    annotations = []
    for _ in range(raters):
        spans, position = [], 0
        for _ in range(draw(st.integers(0, 4))):
            start = position + draw(st.integers(0, 8))
            end = start + draw(st.integers(1, 8))
            if end > length:
                break
            spans.append((start, end, draw(st.sampled_from("ab"))))
            position = end
        annotations.append(spans)
    return length, annotations


@settings(max_examples=150, deadline=None)
@given(_annotations())
def test_matches_literal_dkpro_computation(case: tuple[int, list]) -> None:
    length, annotations = case
    # DKPro's units of one category never overlap: the generator lays spans end to end.
    reference = _dkpro_sweep(length, annotations)
    ours = unitizing_alpha(length, annotations).alpha
    if reference is None:
        assert ours is None
    else:
        assert ours == pytest.approx(reference, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(_annotations(), min_size=1, max_size=4), st.data())
def test_a_corpus_counted_document_by_document_is_one_continuum(
    documents: list[tuple[int, list]], data: st.DataObject
) -> None:
    # The continuum keeps counts, not documents: it must equal the literal computation
    # over the documents laid end to end (gaps running on across document boundaries).
    raters = min(len(spans) for _, spans in documents)
    continuum = Continuum(raters)
    joined: list[list[tuple[int, int, str]]] = [[] for _ in range(raters)]
    offset = 0
    for length, spans in documents:
        continuum.append(length, spans[:raters])
        for rater in range(raters):
            joined[rater] += [(s + offset, e + offset, c) for s, e, c in spans[rater]]
        offset += length
    reference = _dkpro_sweep(offset, joined)
    ours = continuum.alpha().alpha
    if reference is None:
        assert ours is None
    else:
        assert ours == pytest.approx(reference, abs=1e-9)
    chosen = sorted(data.draw(st.sets(st.integers(0, raters - 1), min_size=2, max_size=raters)))
    subset = continuum.alpha(chosen).alpha
    expected = _dkpro_sweep(offset, [joined[r] for r in chosen])
    if expected is not None:  # (categories only the others used add nothing)
        assert subset == pytest.approx(expected, abs=1e-9)
