"""Creating, opening and describing projects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import DocumentSummary, Status, shown_name
from annotator.core.paths import shown_path
from annotator.core.resources import DEFAULT_SCHEMA, resource_path
from annotator.core.schema import Schema, load_schema
from annotator.core.server_urls import is_server_url
from annotator.store import PROJECT_SUFFIX, ProjectStore, create_project, open_project
from annotator.store.annotations import SpanRemoval

# Store-level helpers for the services and the tests. The ui and the cli use
# services.project (a Project facade) instead: an import-linter contract forbids
# them this module, and tests/test_layers.py any name the store defines.
__all__ = [
    "PROJECT_SUFFIX",
    "DocumentSummary",
    "ProjectInfo",
    "ProjectStore",
    "SpanRemoval",
    "default_schema",
    "new_project",
    "open_project",
    "project_info",
]


def default_schema() -> Schema:
    """The bundled ACE 2005 schema."""
    return load_schema(resource_path(*DEFAULT_SCHEMA))


def new_project(
    path: str | Path, schema_path: str | Path | None = None, name: str | None = None
) -> ProjectStore:
    """Create a project with the given schema file (default: ACE 2005)."""
    schema = load_schema(schema_path) if schema_path else default_schema()
    return create_project(path, schema, name=name)


@dataclass(frozen=True)
class ProjectInfo:
    """A summary of a project, as `annotator info` prints it."""

    path: Path
    name: str
    schema_name: str
    file_version: int
    documents: int
    annotators: list[tuple[str, str]]
    spans: dict[str, int]
    events: dict[str, int]
    status_counts: dict[str, dict[str, int]]
    # Why the project was opened read-only (None: writable); a network file system's type.
    read_only_reason: str | None = None
    network: str | None = None

    def lines(self) -> list[str]:
        """Human-readable lines."""
        out = [
            f"project:    {self.name}",
            f"{'server:' if is_server_url(self.path) else 'file:':<12}{shown_path(self.path)}",
            f"format:     {self.file_version}",
            f"schema:     {self.schema_name}",
            f"documents:  {self.documents}",
        ]
        if self.read_only_reason is not None:
            out.append(f"access:     read-only, because {self.read_only_reason}")
        if self.network is not None:
            out.append(f"access:     exclusive, on a network file system ({self.network})")
        for name, kind in self.annotators:
            statuses = ", ".join(f"{s} {n}" for s, n in self.status_counts.get(name, {}).items())
            out.append(
                f"annotator:  {shown_name(name)} ({kind}): {self.spans.get(name, 0)} spans, "
                f"{self.events.get(name, 0)} events" + (f"; {statuses}" if statuses else "")
            )
        return out


def project_info(store: ProjectStore) -> ProjectInfo:
    """Count what a project holds (all as of one moment)."""
    with store.snapshot():
        return _info(store)


def _info(store: ProjectStore) -> ProjectInfo:
    spans: dict[str, int] = {}
    for (annotator, _label), n in store.annotations.label_counts().items():
        spans[annotator] = spans.get(annotator, 0) + n
    return ProjectInfo(
        path=store.path,
        name=store.name,
        schema_name=store.schema.name,
        file_version=store.file_version(),
        documents=store.documents.count(),
        annotators=[(a.name, a.kind.value) for a in store.annotators.all()],
        spans=spans,
        events=store.annotations.event_counts(),
        status_counts={
            name: {s.value: n for s, n in by_status.items() if s is not Status.NEW}
            for name, by_status in store.annotators.status_counts().items()
        },
        read_only_reason=store.read_only_reason,
        network=store.network,
    )

