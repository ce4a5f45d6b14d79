"""Pairwise matching of spans, triggers and arguments between two annotators.

Exact match: two units match when every key field is equal (for spans: start,
end and label). Overlap match: two spans match when they have the same label
and share at least one character. Matching is one-to-one: a unit is matched at
most once. Overlap matching pairs exact matches first, then the remaining spans
greedily, largest shared length first (then leftmost), so a long span
overlapping two short ones matches only one of them. Unmatched units of either
annotator are disagreements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from annotator.core.agreement.counts import MatchCounts
from annotator.core.agreement.units import NO_LABEL, SpanKey


def _common(a: Sequence[Hashable], b: Sequence[Hashable]) -> Counter[Hashable]:
    """The multiset intersection of two unit lists."""
    if not a or not b:
        return Counter()
    set_a, set_b = set(a), set(b)
    if len(set_a) == len(a) and len(set_b) == len(b):  # the usual case: no duplicates
        return Counter(set_a & set_b)
    return Counter(a) & Counter(b)


def exact_counts(a: Sequence[Hashable], b: Sequence[Hashable]) -> MatchCounts:
    """Counts of the multiset intersection of two unit lists."""
    if not a or not b:
        return MatchCounts(0, len(a), len(b))
    return MatchCounts(sum(_common(a, b).values()), len(a), len(b))


def span_counts(
    a: Sequence[SpanKey], b: Sequence[SpanKey]
) -> tuple[dict[str, MatchCounts], dict[str, MatchCounts]]:
    """Per-label exact-match and overlap-match counts of two annotators' spans."""
    count_a = Counter(label for _, _, label in a)
    count_b = Counter(label for _, _, label in b)
    exact = {label: MatchCounts(0, count_a[label], count_b[label]) for label in count_a | count_b}
    overlap = {label: MatchCounts(0, c.a_total, c.b_total) for label, c in exact.items()}
    common = _common(a, b)
    for span, n in common.items():
        exact[span[2]].matched += n
        overlap[span[2]].matched += n
    left_a, left_b = Counter(a) - common, Counter(b) - common
    # Spans matched exactly are matched by overlap too; the rest are paired by overlap.
    rest_b: dict[str, list[SpanKey]] = defaultdict(list)
    for span in left_b.elements():
        rest_b[span[2]].append(span)
    rest_a: dict[str, list[SpanKey]] = defaultdict(list)
    for span in left_a.elements():
        if span[2] in rest_b:
            rest_a[span[2]].append(span)
    for label, spans_a in rest_a.items():
        overlap[label].matched += _overlap_matches(spans_a, rest_b[label])
    return exact, overlap


def _overlap_matches(a: list[SpanKey], b: list[SpanKey]) -> int:
    """Size of a greedy one-to-one matching of overlapping spans, largest overlap first."""
    candidates = []
    for i, (sa, ea, _) in enumerate(a):
        for j, (sb, eb, _) in enumerate(b):
            shared = min(ea, eb) - max(sa, sb)
            if shared > 0:
                candidates.append((-shared, max(sa, sb), i, j))
    if not candidates:
        return 0
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
    return len(used_a)


def confusion(a: Sequence[SpanKey], b: Sequence[SpanKey]) -> Counter[tuple[str, str]]:
    """Label pairs of spans matched by position (same start and end), A's label first.

    Spans at the same position are paired label-to-label first (agreements), the
    rest in label order. A span with no counterpart at its position is paired
    with NO_LABEL: ``(label, "O")`` when only A has it, ``("O", label)`` when only B.
    """
    at_a = _labels_by_position(a)
    at_b = _labels_by_position(b)
    cells: Counter[tuple[str, str]] = Counter()
    for position, labels_a in at_a.items():
        labels_b = at_b.pop(position, ())
        if len(labels_a) == 1 and len(labels_b) == 1:
            cells[labels_a[0], labels_b[0]] += 1
        elif not labels_b:
            for label in labels_a:
                cells[label, NO_LABEL] += 1
        else:
            _pair_labels(labels_a, labels_b, cells)
    for labels_b in at_b.values():
        for label in labels_b:
            cells[NO_LABEL, label] += 1
    return cells


def _labels_by_position(spans: Sequence[SpanKey]) -> dict[tuple[int, int], list[str]]:
    at: dict[tuple[int, int], list[str]] = {}
    for start, end, label in spans:
        at.setdefault((start, end), []).append(label)
    return at


def _pair_labels(
    labels_a: Sequence[str], labels_b: Sequence[str], cells: Counter[tuple[str, str]]
) -> None:
    """Pair the labels two annotators gave one position: equal ones first, then in order."""
    count_a, count_b = Counter(labels_a), Counter(labels_b)
    same = count_a & count_b
    for label, n in same.items():
        cells[label, label] += n
    rest_a = sorted((count_a - same).elements())
    rest_b = sorted((count_b - same).elements())
    for i in range(max(len(rest_a), len(rest_b))):
        label_a = rest_a[i] if i < len(rest_a) else NO_LABEL
        label_b = rest_b[i] if i < len(rest_b) else NO_LABEL
        cells[label_a, label_b] += 1
