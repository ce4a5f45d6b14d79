"""Inter-annotator agreement: span F1, kappas, Krippendorff's alpha and alpha-u, event F1.

Pure Python (no Qt, no SQL). README.md, "How agreement is computed", says how each
figure is computed.
"""

from annotator.core.agreement.compute import compute_agreement, token_table
from annotator.core.agreement.counts import MatchCounts
from annotator.core.agreement.report import AgreementReport, DocumentReport, Figures, PairFigures
from annotator.core.agreement.units import NO_LABEL, AgreementDocument, Work

__all__ = [
    "NO_LABEL",
    "AgreementDocument",
    "AgreementReport",
    "DocumentReport",
    "Figures",
    "MatchCounts",
    "PairFigures",
    "Work",
    "compute_agreement",
    "token_table",
]
