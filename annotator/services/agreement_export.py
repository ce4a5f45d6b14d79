"""The agreement report as CSV (one row per figure) and as a self-contained HTML page."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from annotator.core.agreement import NO_LABEL, AgreementReport, Figures, MatchCounts
from annotator.core.agreement.report import add_per_label, total
from annotator.services.atomic_files import atomic_file

CSV_COLUMNS = ("scope", "document", "a", "b", "label", "figure", "value")


def report_rows(report: AgreementReport) -> list[tuple[object, ...]]:
    """Rows of CSV_COLUMNS: the corpus figures, then each document's."""
    rows: list[tuple[object, ...]] = []
    _figure_rows(rows, "corpus", "", report.corpus)
    for document in report.documents:
        rows.append(
            ("document", document.title, "", "", "", "disagreements", document.disagreements)
        )
        _figure_rows(rows, "document", document.title, document.figures)
    return rows


def _figure_rows(rows: list, scope: str, doc: str, figures: Figures) -> None:
    for name in ("fleiss_kappa", "krippendorff_alpha", "alpha_u"):
        rows.append((scope, doc, "", "", "", name, getattr(figures, name)))
    for label, value in sorted(figures.alpha_u_labels.items()):
        rows.append((scope, doc, "", "", label, "alpha_u", value))
    for pair in figures.pairs:
        head = (scope, doc, pair.a, pair.b)
        rows.append((*head, "", "cohen_kappa", pair.cohen_kappa))
        rows.append((*head, "", "alpha_u", pair.alpha_u))
        rows.append((*head, "", "triggers_f1", pair.triggers.f1))
        rows.append((*head, "", "arguments_f1", pair.arguments.f1))
        for kind, per_label in (("exact", pair.exact), ("overlap", pair.overlap)):
            for label, counts in [("", total(per_label)), *sorted(per_label.items())]:
                for measure in ("precision", "recall", "f1"):
                    rows.append((*head, label, f"spans_{kind}_{measure}", getattr(counts, measure)))
        if scope == "corpus":
            for (label_a, label_b), n in sorted(pair.confusion.items()):
                rows.append((*head, f"{label_a}->{label_b}", "confusion", n))


def report_csv(report: AgreementReport) -> str:
    """The report as CSV text (empty cells for undefined figures)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in report_rows(report):
        writer.writerow(["" if v is None else csv_cell(v) for v in row])
    return buffer.getvalue()


# A spreadsheet runs a cell starting with one of these as a formula ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` safe for a spreadsheet, as OWASP recommends: a text cell that would
    start a formula gets a leading single quote (shown, never evaluated); numbers stay
    numbers (a negative kappa is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def report_html(report: AgreementReport, title: str) -> str:
    """A self-contained HTML page (inline style, no scripts, nothing fetched)."""
    corpus = report.corpus
    parts = [
        f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Annotators: {html.escape(', '.join(corpus.annotators))}; "
        f"documents compared: {len(report.documents)}. Fleiss' kappa {_f(corpus.fleiss_kappa)}, "
        f"Krippendorff's alpha {_f(corpus.krippendorff_alpha)}, alpha-u {_f(corpus.alpha_u)}.</p>",
        "<h2>Pairs</h2>",
        _table(
            [
                "A",
                "B",
                "documents",
                "exact F1",
                "overlap F1",
                "Cohen's kappa",
                "alpha-u",
                "trigger F1",
                "argument F1",
            ],
            [
                [
                    p.a,
                    p.b,
                    p.documents,
                    total(p.exact).f1,
                    total(p.overlap).f1,
                    p.cohen_kappa,
                    p.alpha_u,
                    p.triggers.f1,
                    p.arguments.f1,
                ]
                for p in corpus.pairs
            ],
        ),
        "<h2>Labels (all pairs)</h2>",
        _table(["label", "exact F1", "overlap F1", "alpha-u"], label_rows(corpus)),
        "<h2>Confusion (spans at the same position, all pairs)</h2>",
        _confusion_table(corpus),
        "<h2>Documents by disagreement</h2>",
        _table(
            ["document", "disagreements", "exact F1 (mean)", "alpha"],
            [
                [
                    d.title,
                    d.disagreements,
                    d.figures.means()["spans_exact_f1"],
                    d.figures.krippendorff_alpha,
                ]
                for d in report.documents
            ],
        ),
        "</body></html>",
    ]
    return "\n".join(parts)


def label_rows(figures: Figures) -> list[list[object]]:
    """Per label: exact and overlap F1 over all pairs' counts together, and alpha-u."""
    exact: dict[str, MatchCounts] = {}
    overlap: dict[str, MatchCounts] = {}
    for pair in figures.pairs:
        add_per_label(exact, pair.exact)
        add_per_label(overlap, pair.overlap)
    return [
        [label, exact[label].f1, overlap[label].f1, figures.alpha_u_labels.get(label)]
        for label in sorted(exact)
    ]


def confusion_totals(figures: Figures) -> tuple[list[str], dict[tuple[str, str], int]]:
    """Labels (rows and columns) and the confusion counts summed over every pair."""
    cells: dict[tuple[str, str], int] = {}
    for pair in figures.pairs:
        for key, n in pair.confusion.items():
            cells[key] = cells.get(key, 0) + n
    labels = [*sorted({label for key in cells for label in key} - {NO_LABEL}), NO_LABEL]
    return labels, cells


def _confusion_table(figures: Figures) -> str:
    labels, cells = confusion_totals(figures)
    rows = [[a, *[cells.get((a, b), 0) for b in labels]] for a in labels]
    return _table(["A \\ B", *labels], rows, scale=False)


def _table(head: list[str], rows: list[list[object]], scale: bool = True) -> str:
    out = ["<table><tr>", *[f"<th>{html.escape(h)}</th>" for h in head], "</tr>"]
    for row in rows:
        out.append("<tr>")
        for value in row:
            style = f" style='background:{score_color(value)}'" if scale else ""
            if isinstance(value, float) or value is None:
                out.append(f"<td class='n'{style}>{_f(value)}</td>")
            else:
                out.append(f"<td>{html.escape(str(value))}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def score_color(value: object) -> str:
    """A background for a figure in [-1, 1]: red (low) through yellow to green (1)."""
    if not isinstance(value, float):
        return "#eeeeee"
    x = max(0.0, min(1.0, value))
    red = 230 if x < 0.5 else round(230 - (x - 0.5) * 2 * 110)
    green = round(120 + x * 2 * 90) if x < 0.5 else 210
    return f"#{red:02x}{green:02x}8c"


def _f(value: object) -> str:
    return "n/a" if value is None else f"{value:.3f}"


_STYLE = (
    "body{font-family:'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;margin:2em}"
    "table{border-collapse:collapse;margin-bottom:1.5em}"
    "th,td{border:1px solid #bbb;padding:.3em .6em}td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}th{background:#f0f0f0}"
)


def write_report(report: AgreementReport, path: Path, title: str) -> None:
    """Write the report to ``path``: HTML for *.html/*.htm, CSV otherwise (atomically)."""
    content = (
        report_html(report, title)
        if path.suffix.lower() in (".html", ".htm")
        else report_csv(report)
    )
    with atomic_file(path) as sink:
        sink.write(content.encode("utf-8"))
