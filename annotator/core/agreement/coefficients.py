"""Chance-corrected agreement on categorised units: Cohen's and Fleiss' kappa, Krippendorff's alpha.

Every function takes a *unit table*: a Counter mapping a tuple of values, one
per annotator (None where the annotator did not annotate the unit), to how many
units carry exactly those values. Identical units are counted once with their
multiplicity, which keeps the work proportional to the distinct combinations,
not to the number of tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

UnitTable = Counter  # Counter[tuple[Hashable | None, ...]]


def cohen_kappa(table: UnitTable, i: int, j: int) -> float | None:
    """Cohen's kappa of annotators ``i`` and ``j`` over the units both annotated.

    kappa = (p_o - p_e) / (1 - p_e) with p_o the share of units with equal values
    and p_e = sum over values v of p_i(v) * p_j(v) (each annotator's own value
    distribution). None when there are no shared units or p_e = 1 (both used one
    and the same value throughout: kappa is undefined).
    """
    total = agreed = 0
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for values, n in table.items():
        a, b = values[i], values[j]
        if a is None or b is None:
            continue
        total += n
        agreed += n if a == b else 0
        first[a] += n
        second[b] += n
    if total == 0:
        return None
    expected = sum(first[v] * second[v] for v in first) / (total * total)
    if expected == 1:
        return None
    return (agreed / total - expected) / (1 - expected)


def fleiss_kappa(table: UnitTable) -> float | None:
    """Fleiss' kappa over the units every annotator annotated (units with a None are left out).

    P_u = (sum_v n_uv^2 - m) / (m (m - 1)) for m annotators, P = mean of P_u,
    P_e = sum_v p_v^2 with p_v the share of all assignments that are v;
    kappa = (P - P_e) / (1 - P_e). None with fewer than 2 annotators, no complete
    unit, or P_e = 1.
    """
    units = 0
    agreement = 0.0
    totals: Counter[Hashable] = Counter()
    m = 0
    for values, n in table.items():
        if None in values:
            continue
        m = len(values)
        per_value = Counter(values)
        agreement += n * sum(c * c for c in per_value.values())
        for value, c in per_value.items():
            totals[value] += n * c
        units += n
    if units == 0 or m < 2:
        return None
    observed = (agreement / units - m) / (m * (m - 1))
    expected = sum(c * c for c in totals.values()) / (units * m) ** 2
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(table: UnitTable) -> float | None:
    """Krippendorff's alpha for nominal data, missing values allowed.

    Only units with at least two values are pairable. With m_u the number of
    values in unit u, n_uv how many of them are v, n_v = sum_u n_uv and n = sum_v n_v:
    D_o = sum_u (m_u^2 - sum_v n_uv^2) / (m_u - 1), D_e = (n^2 - sum_v n_v^2) / (n - 1),
    alpha = 1 - D_o / D_e. None when fewer than two values are pairable or
    every pairable value is the same (D_e = 0).
    """
    observed = 0.0
    totals: Counter[Hashable] = Counter()
    for values, n in table.items():
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            continue
        per_value = Counter(present)
        observed += n * (m * m - sum(c * c for c in per_value.values())) / (m - 1)
        for value, c in per_value.items():
            totals[value] += n * c
    pairable = sum(totals.values())
    if pairable < 2:
        return None
    expected = (pairable * pairable - sum(c * c for c in totals.values())) / (pairable - 1)
    if expected == 0:
        return None
    return 1 - observed / expected
