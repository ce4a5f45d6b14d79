"""`annotator search`: places in the project's texts, or spans, matching a query."""

from __future__ import annotations

import argparse
import json

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.services.project import open_project
from annotator.services.search import DEFAULT_LIMIT, Hit, SearchQuery


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the search command."""
    parser = add_command(
        subparsers,
        "search",
        run_search,
        help="search the texts (or the annotations) of a project",
        description="List every place a text occurs in the project's documents, with its "
        "context (harakat, tatweel, hamza forms and letter case ignored). With --label, "
        "--annotator or --lacking, list the spans whose text contains QUERY instead "
        "(QUERY may then be empty: every such span).",
    )
    add_project(parser)
    parser.add_argument("query", help="the text to find (3 characters or more search texts)")
    parser.add_argument("--label", help="only spans with this entity label")
    parser.add_argument("--annotator", help="only spans of this annotator")
    parser.add_argument(
        "--lacking", metavar="ANNOTATOR", help="only spans this annotator has not drawn"
    )
    parser.add_argument("--exact", action="store_true", help="a span's whole text is QUERY")
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, help=f"at most N hits (default {DEFAULT_LIMIT})"
    )
    add_json(parser, "print JSON lines instead of text")


def run_search(args: argparse.Namespace) -> int:
    """Print the hits; exit status 1 when there are none (like grep)."""
    query = SearchQuery(
        args.query, args.label, args.annotator, args.lacking, args.exact, max(1, args.limit)
    )
    with open_project(args.project, read_only=True) as project:
        hits = project.search(query)
        documents = None if query.of_spans else project.count_documents_matching(args.query)
    for hit in hits:
        print(json.dumps(hit.to_json(), ensure_ascii=False) if args.json else _line(hit))
    if not args.json:
        found = f"{len(hits)} hit(s)" + (f" in {documents} document(s)" if documents else "")
        limited = " (limit reached: --limit N shows more)" if len(hits) >= query.limit else ""
        print(found + limited)
    return 0 if hits else 1


def _line(hit: Hit) -> str:
    """``title  [label annotator]  …before«match»after…`` (the terminal lays it out RTL)."""
    where = f"{hit.title}  " + (f"[{hit.label} {hit.annotator}]  " if hit.label else "")
    if hit.start < 0:
        return f"{where}(title)"
    return f"{where}{hit.start}-{hit.end}  …{hit.before}«{hit.match}»{hit.after}…"
