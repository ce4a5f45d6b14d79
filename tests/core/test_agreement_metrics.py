"""Agreement figures on hand-computed cases and against reference implementations.

scikit-learn and krippendorff are used here only, as independent checks.
"""

from __future__ import annotations

import math
import random
from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement.coefficients import (
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
)
from annotator.core.agreement.matching import confusion, span_counts
from annotator.core.agreement.report import total

LABELS = ["O", "PER", "ORG", "GPE"]


def table_of(*columns: list) -> Counter:
    """A unit table from one list of values per annotator."""
    return Counter(zip(*columns, strict=True))


# -- Cohen's kappa ------------------------------------------------------------


def test_cohen_kappa_hand_computed() -> None:
    # 10 units: 7 agreements; A: 6 PER 4 O, B: 5 PER 5 O -> p_e = (6*5 + 4*5) / 100 = 0.5
    a = ["PER"] * 5 + ["O"] * 3 + ["PER", "O"]
    b = ["PER"] * 4 + ["O"] * 4 + ["O", "PER"]
    assert cohen_kappa(table_of(a, b), 0, 1) == pytest.approx((0.7 - 0.5) / 0.5)


@pytest.mark.filterwarnings("ignore::UserWarning")  # sklearn on single-label input
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), min_size=2))
def test_cohen_kappa_matches_sklearn(pairs: list[tuple[str, str]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    ours = cohen_kappa(table_of(a, b), 0, 1)
    with np.errstate(all="ignore"):
        reference = cohen_kappa_score(a, b)
    if ours is None:
        assert len(set(a) | set(b)) == 1 or math.isnan(reference)
    else:
        assert ours == pytest.approx(reference, abs=1e-9)


def test_cohen_kappa_ignores_units_one_annotator_did_not_annotate() -> None:
    table = table_of(["PER", "O", "O", None], ["PER", "O", "PER", "ORG"])
    reference = cohen_kappa_score(["PER", "O", "O"], ["PER", "O", "PER"])
    assert cohen_kappa(table, 0, 1) == pytest.approx(reference)


def test_cohen_kappa_undefined_when_everything_is_one_label() -> None:
    assert cohen_kappa(table_of(["O"] * 5, ["O"] * 5), 0, 1) is None


# -- Fleiss' kappa ---------------------------------------------------------------


def test_fleiss_kappa_hand_computed() -> None:
    # P_u = 1, 1/3, 1, 1/3 -> P = 2/3; p_A = p_B = 1/2 -> P_e = 1/2; kappa = 1/3.
    table = Counter(
        {("A", "A", "A"): 1, ("A", "A", "B"): 1, ("B", "B", "B"): 1, ("A", "B", "B"): 1}
    )
    assert fleiss_kappa(table) == pytest.approx(1 / 3)


def test_fleiss_kappa_of_two_annotators_uses_pooled_distribution() -> None:
    # With two annotators Fleiss' kappa is Scott's pi: p_e from the pooled distribution.
    a, b = ["X", "X", "Y", "Y"], ["X", "Y", "Y", "Y"]
    pooled = {"X": 3 / 8, "Y": 5 / 8}
    expected = sum(p * p for p in pooled.values())
    assert fleiss_kappa(table_of(a, b)) == pytest.approx((0.75 - expected) / (1 - expected))


def test_fleiss_kappa_leaves_out_incomplete_units() -> None:
    complete = Counter({("A", "A", "A"): 1, ("A", "A", "B"): 1, ("B", "B", "B"): 1})
    with_gaps = complete + Counter({("A", None, "B"): 5})
    assert fleiss_kappa(with_gaps) == pytest.approx(fleiss_kappa(complete))


# -- Krippendorff's alpha -----------------------------------------------------------


def _reference_alpha(columns: list[list]) -> float:
    codes = {label: i for i, label in enumerate(LABELS)}
    data = np.array(
        [[np.nan if v is None else codes[v] for v in column] for column in columns], dtype=float
    )
    return krippendorff.alpha(
        reliability_data=data, level_of_measurement="nominal", value_domain=range(len(LABELS))
    )


def test_krippendorff_alpha_hand_computed() -> None:
    # Units (A,A), (A,B), (B,B): o_AB = 2 of n = 6 values; n_A = n_B = 3;
    # alpha = 1 - (n - 1) * 2 / (n^2 - 18) = 1 - 5 * 2 / 18.
    table = table_of(["A", "A", "B"], ["A", "B", "B"])
    assert krippendorff_alpha_nominal(table) == pytest.approx(1 - 10 / 18)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([*LABELS, None]), min_size=3, max_size=3), min_size=2, max_size=40
    )
)
def test_krippendorff_alpha_matches_reference_with_missing_values(units: list[list]) -> None:
    columns = [list(c) for c in zip(*units, strict=True)]
    ours = krippendorff_alpha_nominal(table_of(*columns))
    pairable = [v for u in units if sum(x is not None for x in u) >= 2 for v in u if v]
    if ours is None:
        assert len(set(pairable)) <= 1
        return
    assert ours == pytest.approx(_reference_alpha(columns), abs=1e-9)


def test_missing_span_is_disagreement_not_a_dropped_position() -> None:
    # One annotator marked two tokens PER, the other marked nothing: the "O" tokens
    # of the second annotator are disagreements, so nothing is perfect here.
    a = ["O", "PER", "PER", "O", "O", "ORG"]
    b = ["O", "O", "O", "O", "O", "ORG"]
    table = table_of(a, b)
    assert cohen_kappa(table, 0, 1) < 1
    assert krippendorff_alpha_nominal(table) < 1
    assert krippendorff_alpha_nominal(table) == pytest.approx(_reference_alpha([a, b]))


def test_random_corpus_alpha_and_kappa_agree_with_references() -> None:
    rng = random.Random(7)
    a = [rng.choice(LABELS) for _ in range(500)]
    b = [x if rng.random() < 0.7 else rng.choice(LABELS) for x in a]
    table = table_of(a, b)
    assert cohen_kappa(table, 0, 1) == pytest.approx(cohen_kappa_score(a, b))
    assert krippendorff_alpha_nominal(table) == pytest.approx(_reference_alpha([a, b]))


# -- span matching ----------------------------------------------------------------

A_SPANS = [(0, 5, "PER"), (10, 15, "ORG")]
B_SPANS = [(0, 5, "PER"), (10, 14, "ORG"), (20, 25, "LOC")]


def test_exact_match_counts_and_f1() -> None:
    counts = span_counts(A_SPANS, B_SPANS)[0]
    overall = total(counts)
    assert (overall.matched, overall.a_total, overall.b_total) == (1, 2, 3)
    assert overall.precision == pytest.approx(1 / 3)
    assert overall.recall == pytest.approx(1 / 2)
    assert overall.f1 == pytest.approx(0.4)
    assert counts["ORG"].f1 == 0
    assert counts["LOC"].recall is None and counts["LOC"].precision == 0


def test_overlap_match_counts_partial_spans_with_the_same_label() -> None:
    counts = span_counts(A_SPANS, B_SPANS)[1]
    assert total(counts).f1 == pytest.approx(0.8)
    assert counts["ORG"].f1 == 1


def test_overlap_match_is_one_to_one() -> None:
    counts = total(span_counts([(0, 10, "PER")], [(0, 3, "PER"), (5, 10, "PER")])[1])
    assert (counts.matched, counts.f1) == (1, pytest.approx(2 / 3))


def test_overlap_match_needs_the_same_label() -> None:
    assert total(span_counts([(0, 10, "PER")], [(0, 10, "ORG")])[1]).matched == 0


def test_confusion_pairs_spans_by_position_and_missing_ones_with_o() -> None:
    cells = confusion([*A_SPANS, (30, 35, "GPE")], [*B_SPANS, (30, 35, "LOC")])
    assert cells == Counter(
        {("PER", "PER"): 1, ("ORG", "O"): 1, ("O", "ORG"): 1, ("O", "LOC"): 1, ("GPE", "LOC"): 1}
    )


def test_f1_is_undefined_when_neither_annotator_marked_anything() -> None:
    assert total(span_counts([], [])[0]).f1 is None
