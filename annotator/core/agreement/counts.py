"""Match counts and the precision, recall and F1 derived from them."""

from __future__ import annotations

from dataclasses import dataclass


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when the denominator is 0 (undefined)."""
    return numerator / denominator if denominator else None


@dataclass
class MatchCounts:
    """How many units annotator A and annotator B marked, and how many were matched.

    A is the reference: precision = matched / B's units, recall = matched / A's units.
    Swapping A and B swaps precision and recall; F1 is symmetric.
    """

    matched: int = 0
    a_total: int = 0
    b_total: int = 0

    def add(self, other: MatchCounts) -> None:
        """Add another document's (or label's) counts to these."""
        self.matched += other.matched
        self.a_total += other.a_total
        self.b_total += other.b_total

    @property
    def precision(self) -> float | None:
        """matched / B's units (None when B marked nothing)."""
        return ratio(self.matched, self.b_total)

    @property
    def recall(self) -> float | None:
        """matched / A's units (None when A marked nothing)."""
        return ratio(self.matched, self.a_total)

    @property
    def f1(self) -> float | None:
        """2 * matched / (A's units + B's units): None when neither marked anything."""
        return ratio(2 * self.matched, self.a_total + self.b_total)

    @property
    def disagreements(self) -> int:
        """Units of either annotator left unmatched."""
        return self.a_total + self.b_total - 2 * self.matched

    def to_dict(self) -> dict[str, float | int | None]:
        """The counts and figures as a JSON-ready dict."""
        return {
            "matched": self.matched,
            "a_total": self.a_total,
            "b_total": self.b_total,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
