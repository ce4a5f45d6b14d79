"""Computing an agreement report from the annotators' work on shared documents."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import combinations

from annotator.core.agreement.coefficients import (
    UnitTable,
    fleiss_kappa,
    krippendorff_alpha_nominal,
)
from annotator.core.agreement.matching import (
    confusion,
    exact_counts,
    span_counts,
)
from annotator.core.agreement.report import (
    AgreementReport,
    DocumentReport,
    Figures,
    PairFigures,
)
from annotator.core.agreement.unitizing import Continuum, unitizing_alpha
from annotator.core.agreement.units import NO_LABEL, AgreementDocument, SpanKey, Work
from annotator.core.errors import ValidationError
from annotator.core.formats.tokenize import token_bounds


def compute_agreement(
    documents: Iterable[AgreementDocument],
    annotators: Sequence[str],
    reload: Callable[[str], AgreementDocument] | None = None,
) -> AgreementReport:
    """Agreement of ``annotators`` over the documents at least two of them annotated.

    Documents fewer than two of them annotated are left out. Per-document
    reports are sorted by their number of disagreements, most first.
    ``documents`` may be a stream: with ``reload`` (document id -> the document
    again) no document is kept once counted, so memory does not grow with the
    corpus; a document's own coefficients then reload it when first asked for.
    """
    annotators = list(annotators)
    if len(annotators) < 2 or len(set(annotators)) != len(annotators):
        raise ValidationError("agreement needs at least two different annotators")
    pair_names = list(combinations(annotators, 2))
    corpus = Figures(annotators, [PairFigures(a, b) for a, b in pair_names])
    pair_continua = {pair: Continuum(2) for pair in pair_names}
    all_continuum = Continuum(len(annotators))
    reports = []
    for document in documents:
        present = [a for a in annotators if a in document.work]
        if len(present) < 2:
            continue
        figures = document_counts(document, present)
        if reload is None:
            complete = partial(complete_document, document=document)
        else:
            complete = partial(_complete_reloaded, doc_id=document.doc_id, reload=reload)
        reports.append(
            DocumentReport(document.doc_id, document.title, figures, complete, document.export_id)
        )
        _add_tokens(corpus.tokens, figures.tokens, present, annotators)
        for pair in figures.pairs:
            corpus.pair(pair.a, pair.b).add(pair)
            spans = [document.work[pair.a].spans, document.work[pair.b].spans]
            pair_continua[_ordered(pair.a, pair.b, annotators)].append(len(document.text), spans)
        if len(present) == len(annotators):
            all_continuum.append(len(document.text), [document.work[a].spans for a in annotators])
    _finish(corpus)
    unitizing = all_continuum.alpha()
    for pair in corpus.pairs:
        continuum = pair_continua[pair.a, pair.b]
        if continuum.documents == all_continuum.documents:
            # The pair shares exactly the documents everyone annotated: reuse that continuum.
            raters = (annotators.index(pair.a), annotators.index(pair.b))
            pair.alpha_u = all_continuum.alpha(raters).alpha
        else:
            pair.alpha_u = continuum.alpha().alpha
    corpus.alpha_u, corpus.alpha_u_labels = unitizing.alpha, unitizing.per_category
    reports.sort(key=lambda r: -r.disagreements)
    return AgreementReport(corpus, reports)


def document_counts(document: AgreementDocument, annotators: Sequence[str]) -> Figures:
    """One document's match counts and token table for ``annotators`` (no coefficients)."""
    works = [document.work[a] for a in annotators]
    figures = Figures(list(annotators), [])
    for (a, work_a), (b, work_b) in combinations(zip(annotators, works, strict=True), 2):
        exact, overlap = span_counts(work_a.spans, work_b.spans)
        pair = PairFigures(
            a,
            b,
            documents=1,
            exact=exact,
            overlap=overlap,
            triggers=exact_counts(work_a.triggers, work_b.triggers),
            arguments=exact_counts(work_a.arguments, work_b.arguments),
            confusion=confusion(work_a.spans, work_b.spans),
        )
        figures.pairs.append(pair)
    figures.tokens = token_table(document.text, works)
    return figures


def _complete_reloaded(
    figures: Figures, doc_id: str, reload: Callable[[str], AgreementDocument]
) -> None:
    complete_document(figures, reload(doc_id))


def complete_document(figures: Figures, document: AgreementDocument) -> None:
    """Add the chance-corrected coefficients to a document's counts."""
    _finish(figures)
    works = [document.work[a] for a in figures.annotators]
    unitizing = unitizing_alpha(len(document.text), [w.spans for w in works])
    figures.alpha_u, figures.alpha_u_labels = unitizing.alpha, unitizing.per_category
    if len(figures.pairs) == 1:
        # Per document, pairwise alpha-u is only computed where it is the document's own.
        figures.pairs[0].alpha_u = figures.alpha_u
    return figures


def token_table(text: str, works: Sequence[Work]) -> UnitTable:
    """Each token's labels, one per annotator, counted by combination.

    A token takes the label of the longest span sharing a character with it
    (ties: the leftmost, then the alphabetically first label), NO_LABEL if none.
    """
    index = TokenPositions(text)
    labelled = [token_labels(index, work.spans) for work in works]
    covered = set().union(*labelled)
    table: UnitTable = Counter(
        tuple(labels.get(i, NO_LABEL) for labels in labelled) for i in covered
    )
    unlabelled = len(index) - len(covered)
    if unlabelled:
        table[(NO_LABEL,) * len(works)] += unlabelled
    return table


class TokenPositions:
    """The tokens of a text (the export tokenizer's), with the tokens a range touches."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        self.starts, self.ends = token_bounds(text)

    def __len__(self) -> int:
        return len(self.starts)

    def covering(self, start: int, end: int) -> range:
        """Indices of the tokens sharing at least one character with ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


def token_labels(index: TokenPositions, spans: Sequence[SpanKey]) -> dict[int, str]:
    """Token index -> label for the tokens ``spans`` cover (see token_table)."""
    labels: dict[int, str] = {}
    for start, end, label in sorted(spans, key=lambda s: (s[0] - s[1], s[0], s[2])):
        for i in index.covering(start, end):
            labels.setdefault(i, label)
    return labels


def _finish(figures: Figures) -> None:
    figures.set_pair_kappas()
    figures.fleiss_kappa = fleiss_kappa(figures.tokens)
    figures.krippendorff_alpha = krippendorff_alpha_nominal(figures.tokens)


def _add_tokens(
    into: UnitTable, table: UnitTable, present: Sequence[str], annotators: Sequence[str]
) -> None:
    """Add a document's token table over ``present`` into the corpus table over ``annotators``."""
    if len(present) == len(annotators):
        into.update(table)
        return
    columns = [present.index(a) if a in present else None for a in annotators]
    for values, n in table.items():
        into[tuple(None if c is None else values[c] for c in columns)] += n


def _ordered(a: str, b: str, annotators: Sequence[str]) -> tuple[str, str]:
    return (a, b) if annotators.index(a) < annotators.index(b) else (b, a)
