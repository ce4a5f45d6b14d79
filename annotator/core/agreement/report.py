"""The figures of an agreement report, per annotator pair and over all annotators.

``to_dict()`` gives the JSON that ``annotator agreement --json`` prints; the
keys are documented in README.md, "How agreement is computed".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from annotator.core.agreement.coefficients import UnitTable, cohen_kappa
from annotator.core.agreement.counts import MatchCounts


def total(per_label: dict[str, MatchCounts]) -> MatchCounts:
    """The counts of all labels together."""
    overall = MatchCounts()
    for counts in per_label.values():
        overall.add(counts)
    return overall


def add_per_label(into: dict[str, MatchCounts], other: dict[str, MatchCounts]) -> None:
    """Add ``other``'s per-label counts into ``into``."""
    for label, counts in other.items():
        into.setdefault(label, MatchCounts()).add(counts)


@dataclass
class PairFigures:
    """Agreement of annotator ``a`` (the reference) and annotator ``b``."""

    a: str
    b: str
    documents: int = 0
    exact: dict[str, MatchCounts] = field(default_factory=dict)
    overlap: dict[str, MatchCounts] = field(default_factory=dict)
    triggers: MatchCounts = field(default_factory=MatchCounts)
    arguments: MatchCounts = field(default_factory=MatchCounts)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    cohen_kappa: float | None = None
    alpha_u: float | None = None

    def add(self, other: PairFigures) -> None:
        """Add another document's counts (kappa and alpha-u are computed afterwards)."""
        self.documents += other.documents
        add_per_label(self.exact, other.exact)
        add_per_label(self.overlap, other.overlap)
        self.triggers.add(other.triggers)
        self.arguments.add(other.arguments)
        self.confusion.update(other.confusion)

    @property
    def disagreements(self) -> int:
        """Unmatched spans (exact match), triggers and arguments of both annotators."""
        return (
            total(self.exact).disagreements
            + self.triggers.disagreements
            + self.arguments.disagreements
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures of this pair."""
        return {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "spans_exact": _per_label_dict(self.exact),
            "spans_overlap": _per_label_dict(self.overlap),
            "triggers": self.triggers.to_dict(),
            "arguments": self.arguments.to_dict(),
            "cohen_kappa": self.cohen_kappa,
            "alpha_u": self.alpha_u,
            "confusion": [[a, b, n] for (a, b), n in sorted(self.confusion.items())],
        }


def _per_label_dict(per_label: dict[str, MatchCounts]) -> dict[str, Any]:
    return {
        "overall": total(per_label).to_dict(),
        "labels": {label: per_label[label].to_dict() for label in sorted(per_label)},
    }


@dataclass
class Figures:
    """Everything measured over one document or over the corpus."""

    annotators: list[str]
    pairs: list[PairFigures]
    tokens: UnitTable = field(default_factory=Counter)
    fleiss_kappa: float | None = None
    krippendorff_alpha: float | None = None
    alpha_u: float | None = None
    alpha_u_labels: dict[str, float] = field(default_factory=dict)

    def set_pair_kappas(self) -> None:
        """Compute each pair's Cohen's kappa from the token table."""
        for pair in self.pairs:
            i, j = self.annotators.index(pair.a), self.annotators.index(pair.b)
            pair.cohen_kappa = cohen_kappa(self.tokens, i, j)

    def pair(self, a: str, b: str) -> PairFigures:
        """The figures of the pair (a, b) in either order; KeyError if not compared."""
        for pair in self.pairs:
            if {pair.a, pair.b} == {a, b}:
                return pair
        raise KeyError((a, b))

    @property
    def disagreements(self) -> int:
        """Unmatched spans, triggers and arguments summed over every pair."""
        return sum(pair.disagreements for pair in self.pairs)

    def means(self) -> dict[str, float | None]:
        """Each pairwise figure averaged (unweighted) over the pairs where it is defined."""
        values = {
            "spans_exact_f1": [total(p.exact).f1 for p in self.pairs],
            "spans_overlap_f1": [total(p.overlap).f1 for p in self.pairs],
            "triggers_f1": [p.triggers.f1 for p in self.pairs],
            "arguments_f1": [p.arguments.f1 for p in self.pairs],
            "cohen_kappa": [p.cohen_kappa for p in self.pairs],
            "alpha_u": [p.alpha_u for p in self.pairs],
        }
        return {key: _mean(items) for key, items in values.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {
            "annotators": self.annotators,
            "tokens": sum(
                n for values, n in self.tokens.items()
                if sum(v is not None for v in values) >= 2
            ),
            "disagreements": self.disagreements,
            "pairs": [pair.to_dict() for pair in self.pairs],
            "mean": self.means(),
            "fleiss_kappa": self.fleiss_kappa,
            "krippendorff_alpha": self.krippendorff_alpha,
            "alpha_u": self.alpha_u,
            "alpha_u_labels": dict(sorted(self.alpha_u_labels.items())),
        }


def _mean(values: list[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return fmean(defined) if defined else None


@dataclass
class DocumentReport:
    """The figures of one document.

    Its match counts are computed with the corpus; the chance-corrected
    coefficients (kappas, alphas) are computed by ``complete`` on first access of
    ``figures``, so ranking thousands of documents does not pay for them.
    """

    doc_id: str
    title: str
    counts: Figures
    complete: Callable[[Figures], None] | None = field(default=None, repr=False)
    export_id: str | None = None

    @property
    def figures(self) -> Figures:
        """Every figure of the document."""
        if self.complete is not None:
            self.complete(self.counts)
            self.complete = None
        return self.counts

    @property
    def disagreements(self) -> int:
        """Unmatched spans, triggers and arguments summed over every pair."""
        return self.counts.disagreements

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures, with the document's id (the one exports use, so the two
        can be joined), its internal id and its title."""
        return {
            "id": self.export_id or self.doc_id,
            "internal_id": self.doc_id,
            "title": self.title,
            **self.figures.to_dict(),
        }


@dataclass
class AgreementReport:
    """Corpus figures and per-document figures (most disagreements first)."""

    corpus: Figures
    documents: list[DocumentReport]

    def to_dict(self) -> dict[str, Any]:
        """The JSON document ``annotator agreement --json`` prints."""
        return {
            "format": "annotator-agreement/1",
            "annotators": self.corpus.annotators,
            "documents_compared": len(self.documents),
            "corpus": self.corpus.to_dict(),
            "documents": [doc.to_dict() for doc in self.documents],
        }
