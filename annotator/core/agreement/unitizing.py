"""Krippendorff's unitizing alpha (alpha-u) over character positions, as DKPro Statistics has it.

The continuum is the text's characters ``[0, L)``. For each category c, each
annotator's continuum splits into *units* (their spans labelled c) and *gaps*
(the stretches between them, including before the first and after the last
unit). With R annotators (DKPro's ``KrippendorffAlphaUnitizingAgreement``):

* observed disagreement, summed over annotator pairs and every pair of
  segments that share a position: two units with begin difference db and end
  difference de contribute db² + de²; a unit lying wholly inside a gap of the
  other annotator contributes its length²; gaps against gaps contribute 0.
  D_o(c) = 2 · sum / (R (R − 1) L²).
* expected disagreement, with N_c units of c (all annotators), unit lengths l
  and gap lengths g (all annotators):
  D_e(c) = (2 / L) · Σ_units [ (N_c − 1)(2l³ − 3l² + l) / 3 + l² Σ_{g ≥ l} (g − l + 1) ]
  / (R L (R L − 1) − Σ_units l (l − 1)).
* alpha-u(c) = 1 − D_o(c) / D_e(c), and 0 when D_o(c) = D_e(c) (as in DKPro);
  over all categories alpha-u = 1 − Σ_c D_o(c) / Σ_c D_e(c).

DKPro requires that one annotator's units of one category do not overlap: an
annotator's overlapping (or nested) spans of the same label are first joined
into one unit covering both. Characters nobody labelled c are gaps for c, so a
span only one annotator drew counts fully as disagreement.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from annotator.core.agreement.units import SpanKey

Interval = tuple[int, int]


@dataclass
class UnitizingResult:
    """alpha-u overall and per category, with the disagreements it is made of."""

    alpha: float | None
    per_category: dict[str, float] = field(default_factory=dict)
    observed: dict[str, float] = field(default_factory=dict)
    expected: dict[str, float] = field(default_factory=dict)


def unitizing_alpha(length: int, annotations: Sequence[Sequence[SpanKey]]) -> UnitizingResult:
    """alpha-u of R >= 2 annotators' spans over a continuum of ``length`` characters.

    None overall when there are fewer than two annotators, an empty continuum, or
    no span at all (nothing to agree on).
    """
    continuum = Continuum(len(annotations))
    continuum.append(length, annotations)
    return continuum.alpha()


@dataclass
class _Track:
    """One annotator's units of one category along the continuum, as counts."""

    units: Counter[int] = field(default_factory=Counter)  # unit length -> how many
    gaps: Counter[int] = field(default_factory=Counter)  # closed gap length -> how many
    last_end: int = 0  # where the open gap (running to the continuum's end) begins

    def add(self, units: list[Interval]) -> None:
        """Units (absolute, sorted, disjoint) further along the continuum."""
        for begin, end in units:
            if begin > self.last_end:
                self.gaps[begin - self.last_end] += 1
            self.units[end - begin] += 1
            self.last_end = end

    def all_gaps(self, length: int) -> Counter[int]:
        """Every gap of a continuum of ``length`` characters, the open one included."""
        trailing = length - self.last_end
        return self.gaps + Counter({trailing: 1}) if trailing > 0 else self.gaps


class Continuum:
    """Documents laid end to end, as alpha-u over a corpus sees them: one continuum.

    A gap at the end of one document runs on into a gap at the start of the next.
    Each document is counted as it is appended and not kept: per category and
    annotator, how many units and gaps of each length, and per pair of annotators
    their observed disagreement (units of different documents never meet, so it
    adds up document by document). Memory does not grow with the corpus.
    """

    def __init__(self, raters: int) -> None:
        self.length = 0
        self.documents = 0
        self._raters = raters
        self._tracks: dict[str, list[_Track]] = {}
        self._pair_sums: dict[str, Counter[tuple[int, int]]] = {}

    def append(self, length: int, annotations: Sequence[Sequence[SpanKey]]) -> None:
        """Add a document of ``length`` characters with each annotator's spans on it."""
        offset = self.length
        grouped: dict[str, list[list[Interval]]] = {}
        for rater, spans in enumerate(annotations):
            for start, end, label in spans:
                per_rater = grouped.get(label)
                if per_rater is None:
                    per_rater = grouped[label] = [[] for _ in range(self._raters)]
                per_rater[rater].append((start + offset, end + offset))
        for category, per_rater in grouped.items():
            tracks = self._tracks.setdefault(category, [_Track() for _ in range(self._raters)])
            sums = self._pair_sums.setdefault(category, Counter())
            joined = [_join_overlapping(units) for units in per_rater]
            for rater, units in enumerate(joined):
                tracks[rater].add(units)
            for i, j in combinations(range(self._raters), 2):
                sums[i, j] += _pair_disagreement(joined[i], joined[j])
        self.length += length
        self.documents += 1

    def alpha(self, raters: Sequence[int] | None = None) -> UnitizingResult:
        """alpha-u over the whole continuum, of every annotator or only of ``raters``."""
        chosen = list(range(self._raters)) if raters is None else list(raters)
        if len(chosen) < 2 or self.length <= 0:
            return UnitizingResult(None)
        result = UnitizingResult(None)
        for category, tracks in sorted(self._tracks.items()):
            sums = self._pair_sums[category]
            pairs = sum(sums[i, j] for i, j in combinations(sorted(chosen), 2))
            d_o = 2 * pairs / (len(chosen) * (len(chosen) - 1) * self.length * self.length)
            mine = [tracks[r] for r in chosen]
            d_e = _expected(
                self.length,
                len(chosen),
                sum((t.units for t in mine), Counter()),
                sum((t.all_gaps(self.length) for t in mine), Counter()),
            )
            result.observed[category] = d_o
            result.expected[category] = d_e
            result.per_category[category] = 0.0 if d_o == d_e else 1 - d_o / d_e
        if result.per_category:
            total_o, total_e = sum(result.observed.values()), sum(result.expected.values())
            result.alpha = 0.0 if total_o == total_e else 1 - total_o / total_e
        return result


def _join_overlapping(intervals: list[Interval]) -> list[Interval]:
    intervals.sort()
    if all(a[1] <= b[0] for a, b in pairwise(intervals)):
        return intervals  # already disjoint: the usual case
    joined: list[Interval] = []
    for start, end in intervals:
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _pair_disagreement(first: list[Interval], second: list[Interval]) -> int:
    """Squared-distance sum of two annotators' units (see the module docstring)."""
    # Each annotator's units are disjoint, so a unit both drew identically overlaps
    # nothing else of the other's: it contributes 0 and leaves the sweep.
    same = set(first).intersection(second)
    if same:
        first = [u for u in first if u not in same]
        second = [u for u in second if u not in same]
    total = 0
    matched_first = [False] * len(first)
    matched_second = [False] * len(second)
    j0 = 0
    for i, (b1, e1) in enumerate(first):
        while j0 < len(second) and second[j0][1] <= b1:
            j0 += 1
        j = j0
        while j < len(second) and second[j][0] < e1:
            b2, e2 = second[j]
            total += (b1 - b2) ** 2 + (e1 - e2) ** 2
            matched_first[i] = matched_second[j] = True
            j += 1
    # A unit no unit of the other annotator overlaps lies wholly inside one of their gaps.
    for units, hits in ((first, matched_first), (second, matched_second)):
        total += sum((e - b) ** 2 for (b, e), hit in zip(units, hits, strict=True) if not hit)
    return total


def _expected(
    length: int, raters: int, lengths: Counter[int], gap_counts: Counter[int]
) -> float:
    """D_e(c) from the (length -> how many) counts of the units and gaps of c."""
    gaps = sorted(gap_counts)
    # at_least[k]: (how many gaps, their total length) among gaps >= gaps[k].
    at_least = [(0, 0)] * (len(gaps) + 1)
    for k in range(len(gaps) - 1, -1, -1):
        n, summed = at_least[k + 1]
        at_least[k] = (n + gap_counts[gaps[k]], summed + gap_counts[gaps[k]] * gaps[k])
    n_c = lengths.total()
    total = 0.0
    for unit, count in lengths.items():
        n, summed = at_least[bisect_left(gaps, unit)]
        fitting = summed - (unit - 1) * n  # sum of (g - l + 1) over gaps g >= l
        spread = (n_c - 1) * (2 * unit**3 - 3 * unit**2 + unit) / 3
        total += count * (spread + unit * unit * fitting)
    squared = sum(count * u * (u - 1) for u, count in lengths.items())
    denominator = raters * length * (raters * length - 1) - squared
    return (2 / length) * total / denominator
