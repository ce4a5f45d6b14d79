"""`annotator agreement`, `annotator merge` and `annotator assign`: the team workflow."""

from __future__ import annotations

import argparse
import json

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.core.agreement import AgreementReport, Figures, PairFigures
from annotator.core.agreement.report import total
from annotator.core.server_urls import location_argument
from annotator.services.project import open_project


def _names(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise argparse.ArgumentTypeError("expected comma-separated annotator names")
    return names


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the team commands."""
    agreement = add_command(
        subparsers,
        "agreement",
        run_agreement,
        help="inter-annotator agreement figures",
        description="Print span F1, Cohen's and Fleiss' kappa, Krippendorff's alpha and "
        "alpha-u, event F1 and per-document disagreement "
        "(see README: How agreement is computed).",
    )
    add_project(agreement)
    agreement.add_argument(
        "--annotators", type=_names, help="comma-separated names (default: every human annotator)"
    )
    add_json(agreement, "print the full report as JSON")
    agreement.add_argument(
        "--documents",
        type=int,
        default=10,
        metavar="N",
        help="list the N documents with most disagreements (default 10)",
    )

    merge = add_command(
        subparsers,
        "merge",
        run_merge,
        help="merge copies of a project back into it",
        description="Merge annotators' copies into PROJECT: documents match by text, merging "
        "twice adds nothing, a clash keeps the newer version and is reported.",
    )
    add_project(merge, "the project to merge into")
    merge.add_argument(
        "others", type=location_argument, nargs="+", metavar="OTHER", help="copies to merge"
    )

    assign = add_command(
        subparsers,
        "assign",
        run_assign,
        help="assign documents to annotators",
        description="Assign every document to one annotator, a share of them to two (for "
        "agreement), or all of them to everyone. The same seed gives the same assignment.",
    )
    add_project(assign)
    assign.add_argument("--annotators", type=_names, required=True, help="comma-separated names")
    assign.add_argument(
        "--share", type=float, default=0.0, help="share of documents annotated twice (0..1)"
    )
    assign.add_argument("--all", action="store_true", help="every document to every annotator")
    assign.add_argument("--seed", type=int, default=0, help="shuffling seed (default 0)")
    assign.add_argument(
        "--replace", action="store_true", help="withdraw these annotators' earlier assignments"
    )


def run_agreement(args: argparse.Namespace) -> int:
    """Print the agreement report."""
    with open_project(args.project) as project:  # open: documents reload their work
        report = project.agreement(args.annotators)
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            print("\n".join(report_lines(report, args.documents)))
    return 0


def report_lines(report: AgreementReport, documents: int) -> list[str]:
    """The report as text: corpus figures, each pair, the most disputed documents."""
    corpus = report.corpus
    lines = [
        f"annotators: {', '.join(corpus.annotators)}; documents compared: {len(report.documents)}",
        *_coefficient_lines(corpus),
    ]
    for pair in corpus.pairs:
        lines += _pair_lines(pair)
    if len(corpus.pairs) > 1:
        means = corpus.means()
        lines.append("mean over pairs: " + ", ".join(f"{k} {_f(v)}" for k, v in means.items()))
    if documents > 0 and report.documents:
        lines.append("documents with most disagreements:")
        lines += [f"  {d.disagreements:5d}  {d.title}" for d in report.documents[:documents]]
    return lines


def _coefficient_lines(figures: Figures) -> list[str]:
    lines = [
        f"Fleiss' kappa (tokens) {_f(figures.fleiss_kappa)}; "
        f"Krippendorff's alpha (tokens, nominal) {_f(figures.krippendorff_alpha)}; "
        f"alpha-u (characters) {_f(figures.alpha_u)}"
    ]
    if figures.alpha_u_labels:
        lines.append(
            "alpha-u per label: "
            + ", ".join(f"{k} {_f(v)}" for k, v in figures.alpha_u_labels.items())
        )
    return lines


def _pair_lines(pair: PairFigures) -> list[str]:
    exact, overlap = total(pair.exact), total(pair.overlap)
    lines = [
        f"{pair.a} vs {pair.b} ({pair.documents} documents): Cohen's kappa "
        f"{_f(pair.cohen_kappa)}, alpha-u {_f(pair.alpha_u)}",
        f"  spans exact    P {_f(exact.precision)}  R {_f(exact.recall)}  F1 {_f(exact.f1)}",
        f"  spans overlap  P {_f(overlap.precision)}  R {_f(overlap.recall)}  F1 {_f(overlap.f1)}",
        f"  event triggers F1 {_f(pair.triggers.f1)}; arguments F1 {_f(pair.arguments.f1)}",
    ]
    for label in sorted(pair.exact):
        e, o = pair.exact[label], pair.overlap[label]
        lines.append(
            f"    {label:<12} exact F1 {_f(e.f1)}  overlap F1 {_f(o.f1)}  "
            f"({e.a_total} vs {e.b_total})"
        )
    return lines


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run_merge(args: argparse.Namespace) -> int:
    """Merge the copies and report what changed."""
    with open_project(args.project) as project:
        results = project.merge(args.others)
    for result in results:
        print("\n".join(result.lines()))
    return 0


def run_assign(args: argparse.Namespace) -> int:
    """Assign documents and print the workload."""
    with open_project(args.project) as project:
        result = project.assign(
            args.annotators, args.share, args.seed, every=args.all, replace=args.replace
        )
    print("\n".join(result.lines()))
    return 0
