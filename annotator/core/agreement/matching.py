"""Pairwise matching of spans, triggers and arguments between two annotators.

Exact match: two units match when every key field is equal (for spans: start,
end and label). Overlap match: two spans match when they have the same label
and share at least one character. Matching is one-to-one: a unit is matched at
most once, so a long span overlapping two short ones matches only one of them
(the one with the larger overlap, then the leftmost). Unmatched units of
either annotator are disagreements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from annotator.core.agreement.counts import MatchCounts
from annotator.core.agreement.units import NO_LABEL, SpanKey


def exact_counts(a: Sequence[Hashable], b: Sequence[Hashable]) -> MatchCounts:
    """Counts of the multiset intersection of two unit lists."""
    if not a or not b:
        return MatchCounts(0, len(a), len(b))
    matched = sum((Counter(a) & Counter(b)).values())
    return MatchCounts(matched, len(a), len(b))


def exact_by_label(a: Sequence[SpanKey], b: Sequence[SpanKey]) -> dict[str, MatchCounts]:
    """Exact-match counts of spans, per label."""
    counts: dict[str, MatchCounts] = defaultdict(MatchCounts)
    for _, _, label in a:
        counts[label].a_total += 1
    for _, _, label in b:
        counts[label].b_total += 1
    if a and b:
        for (_, _, label), n in (Counter(a) & Counter(b)).items():
            counts[label].matched += n
    return dict(counts)


def overlap_by_label(a: Sequence[SpanKey], b: Sequence[SpanKey]) -> dict[str, MatchCounts]:
    """Overlap-match counts of spans (same label, one shared character), per label."""
    counts: dict[str, MatchCounts] = defaultdict(MatchCounts)
    by_label_b: dict[str, list[SpanKey]] = defaultdict(list)
    for span in b:
        by_label_b[span[2]].append(span)
        counts[span[2]].b_total += 1
    by_label_a: dict[str, list[SpanKey]] = defaultdict(list)
    for span in a:
        by_label_a[span[2]].append(span)
        counts[span[2]].a_total += 1
    for label, spans_a in by_label_a.items():
        spans_b = by_label_b.get(label)
        if spans_b:
            counts[label].matched = _overlap_matches(spans_a, spans_b)
    return dict(counts)


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
    at_a: dict[tuple[int, int], list[str]] = defaultdict(list)
    at_b: dict[tuple[int, int], list[str]] = defaultdict(list)
    for start, end, label in a:
        at_a[start, end].append(label)
    for start, end, label in b:
        at_b[start, end].append(label)
    cells: Counter[tuple[str, str]] = Counter()
    for position in at_a.keys() | at_b.keys():
        labels_a = Counter(at_a.get(position, ()))
        labels_b = Counter(at_b.get(position, ()))
        same = labels_a & labels_b
        for label, n in same.items():
            cells[label, label] += n
        rest_a = sorted((labels_a - same).elements())
        rest_b = sorted((labels_b - same).elements())
        for i in range(max(len(rest_a), len(rest_b))):
            label_a = rest_a[i] if i < len(rest_a) else NO_LABEL
            label_b = rest_b[i] if i < len(rest_b) else NO_LABEL
            cells[label_a, label_b] += 1
    return cells
