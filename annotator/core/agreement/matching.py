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


def _split(
    a: Sequence[Hashable], b: Sequence[Hashable]
) -> tuple[Counter[Hashable] | set[Hashable], list[Hashable], list[Hashable]]:
    """The multiset intersection of two unit lists and what is left of each.

    The intersection is a set when neither list repeats a unit (the usual case,
    and cheaper), else a Counter.
    """
    set_a, set_b = set(a), set(b)
    if len(set_a) == len(a) and len(set_b) == len(b):
        common = set_a & set_b
        return common, [u for u in a if u not in common], [u for u in b if u not in common]
    count_a, count_b = Counter(a), Counter(b)
    shared = count_a & count_b
    return shared, list((count_a - shared).elements()), list((count_b - shared).elements())


def exact_counts(a: Sequence[Hashable], b: Sequence[Hashable]) -> MatchCounts:
    """Counts of the multiset intersection of two unit lists."""
    if not a or not b:
        return MatchCounts(0, len(a), len(b))
    common = _split(a, b)[0]
    matched = common.total() if isinstance(common, Counter) else len(common)
    return MatchCounts(matched, len(a), len(b))


def span_counts(
    a: Sequence[SpanKey], b: Sequence[SpanKey]
) -> tuple[dict[str, MatchCounts], dict[str, MatchCounts]]:
    """Per-label exact-match and overlap-match counts of two annotators' spans."""
    exact: dict[str, MatchCounts] = {}
    for spans, side in ((a, 0), (b, 1)):
        for _, _, label in spans:
            counts = exact.get(label)
            if counts is None:
                counts = exact[label] = MatchCounts()
            if side:
                counts.b_total += 1
            else:
                counts.a_total += 1
    common, left_a, left_b = _split(a, b)
    pairs = common.items() if isinstance(common, Counter) else ((s, 1) for s in common)
    for span, n in pairs:
        exact[span[2]].matched += n
    overlap = {label: MatchCounts(c.matched, c.a_total, c.b_total) for label, c in exact.items()}
    # Spans matched exactly are matched by overlap too; the rest are paired by overlap.
    if left_a and left_b:
        rest_b: dict[str, list[SpanKey]] = defaultdict(list)
        for span in left_b:
            rest_b[span[2]].append(span)
        rest_a: dict[str, list[SpanKey]] = defaultdict(list)
        for span in left_a:
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
