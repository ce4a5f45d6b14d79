"""The open project as the GUI and the CLI see it: use cases, never the store.

:class:`Project` wraps a store connection and offers what the interface needs:
a few reads (a document, the document list, statuses), editing sessions, and
the use cases of the other service modules bound to this project
(``project.export(options, path)`` is ``exporting.export_project(store, …)``).
The ui and the cli hold a Project, never a ``ProjectStore`` or a repository;
tests/test_layers.py fails if they name anything the store defines.
"""

from __future__ import annotations

import functools
import importlib
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

from annotator.core.listing import ListFilter, ListRow
from annotator.core.model import (
    Annotator,
    AnnotatorKind,
    Document,
    DocumentSummary,
    Event,
    Span,
    Status,
)
from annotator.core.schema import Schema
from annotator.services import jobs as _jobs
from annotator.services import projects as _projects
from annotator.services.editing import EditingSession
from annotator.store import PROJECT_SUFFIX as _SUFFIX
from annotator.store import ProjectStore

if TYPE_CHECKING:
    from annotator.core.agreement import AgreementReport
    from annotator.services import agreement as _agreement
    from annotator.services import suggestion_commands as _commands
    from annotator.services import suggestions as _suggestions

PROJECT_SUFFIX = _SUFFIX
"""The file name suffix of project files."""

P = ParamSpec("P")
R = TypeVar("R")


class _UseCase(Generic[P, R]):
    """A service function ``f(store, …)`` offered as the method ``project.name(…)``.

    Given as ``"module.function"`` (a module of annotator.services), the module is
    imported when the method is first used: most use cases (export, agreement,
    recommenders…) are not needed to open a project, and importing them all made
    every start-up slower.
    """

    def __init__(self, function: Callable[Concatenate[ProjectStore, P], R] | str) -> None:
        self._where = function if isinstance(function, str) else ""
        self._function = None if isinstance(function, str) else function
        if self._function is not None:
            functools.update_wrapper(self, self._function)  # type: ignore[arg-type]

    @property
    def function(self) -> Callable[Concatenate[ProjectStore, P], R]:
        """The service function (its module imported on first use)."""
        if self._function is None:
            module, _, name = self._where.rpartition(".")
            self._function = getattr(importlib.import_module(f"annotator.services.{module}"), name)
        return self._function  # type: ignore[return-value]

    def __get__(self, project: Project | None, owner: Any = None) -> Callable[P, R]:
        if project is None:
            return self  # type: ignore[return-value]
        return functools.partial(self.function, project._store)


class Project:
    """An open project: reads for the interface, editing sessions and use cases."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the project file."""
        self._store.close()

    # -- what it is -------------------------------------------------------

    @property
    def path(self) -> Path:
        """The project file (a server project's ServerLocation: str() is its URL without
        a password)."""
        return self._store.path

    @property
    def on_server(self) -> bool:
        """True for a project in a PostgreSQL database (``path`` is then its location)."""
        return self._store.on_server

    @property
    def name(self) -> str:
        """The project's name."""
        return self._store.name

    @property
    def schema(self) -> Schema:
        """The label schema."""
        return self._store.schema

    @property
    def read_only(self) -> bool:
        """True when this window may only look."""
        return self._store.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why the project is read-only (None when it is not)."""
        return self._store.read_only_reason

    def set_read_only(self, reason: str) -> None:
        """Refuse every write from now on (e.g. the disk was remounted read-only)."""
        self._store.set_read_only(reason)

    def set_busy_callback(self, callback: Callable[[float], None] | None) -> None:
        """Called with the seconds waited while another process holds the write lock."""
        self._store.on_busy = callback

    def data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's data_version)."""
        return self._store.data_version()

    @property
    def login_annotator(self) -> str | None:
        """The only annotator name this connection may write as (a server project's
        login role, when its roles are enforced); None: any name."""
        return self._store.login_annotator()

    def watch_changes(self, callback: Callable[[], None] | None) -> bool:
        """Call ``callback`` (on another thread) as soon as another connection commits a
        change; False when the project cannot tell (a file: poll data_version)."""
        live = self._store.live()
        if live is None:
            return False
        live.on_change = callback
        return True

    def change_stamp(self, annotator: str) -> tuple[object, ...]:
        """Changes whenever ``annotator``'s work changes (for the refresh poll)."""
        return self._store.annotators.change_stamp(annotator)

    # -- documents and statuses ------------------------------------------------

    def document(self, doc_id: str) -> Document:
        """A document; NotFoundError if it is gone."""
        return self._store.documents.get(doc_id)

    def document_summaries(self) -> list[DocumentSummary]:
        """Every document's id, title and size, in project order (the document list)."""
        return self._store.documents.summaries()

    def documents_matching(self, query: str) -> set[str]:
        """Ids of the documents whose title or text contains ``query``."""
        return self._store.documents.ids_matching(query)

    def document_count(self) -> int:
        """How many documents the project holds."""
        return self._store.documents.count()

    def statuses(self, annotator: str) -> dict[str, Status]:
        """Every touched document's status for ``annotator``."""
        return self._store.annotators.statuses(annotator)

    def status(self, doc_id: str, annotator: str) -> Status:
        """Where ``annotator`` stands with a document."""
        return self._store.annotators.status(doc_id, annotator)

    def set_status(self, doc_id: str, annotator: str, status: Status) -> None:
        """Record a status outside an editing session (adjudication marks gold done)."""
        self._store.annotators.set_status(doc_id, annotator, status)

    def annotators(self, kind: AnnotatorKind | None = None) -> list[Annotator]:
        """Every annotator (of ``kind``, if given), by name."""
        return self._store.annotators.all(kind)

    # -- the document list, a page at a time (see store.listing) -------------------

    def list_keys(self, wanted: ListFilter) -> Sequence[int]:
        """The row keys of the documents ``wanted`` selects, in its order."""
        return self._store.listing.keys(wanted)

    def list_incremental(self, wanted: ListFilter) -> bool:
        """True when ``list_next_keys`` can list ``wanted`` a piece at a time."""
        return self._store.listing.incremental(wanted)

    def list_next_keys(
        self, wanted: ListFilter, after: int, limit: int
    ) -> tuple[list[int], int | None]:
        """The keys ``wanted`` selects among the next ``limit`` candidates after
        ``after``, and the key to go on after (None: no more)."""
        return self._store.listing.next_keys(wanted, after, limit)

    def list_rows(self, keys: Sequence[int], annotator: str) -> dict[int, ListRow]:
        """key -> the row the list shows, for a page of keys."""
        return self._store.listing.rows(keys, annotator)

    def list_ids(self, keys: Sequence[int]) -> list[str]:
        """The document ids of ``keys``, in that order."""
        return self._store.listing.ids(keys)

    def list_key_of(self, doc_id: str) -> int | None:
        """The list key of a document, or None."""
        return self._store.listing.key_of(doc_id)

    def has_assignments(self, annotator: str) -> bool:
        """True when ``annotator`` has documents assigned."""
        return self._store.listing.has_assignments(annotator)

    def progress(self, annotator: str, assigned_only: bool) -> Counter[Status]:
        """How many documents stand at each status for ``annotator`` (indexed counts)."""
        return self._store.listing.progress(annotator, assigned_only)

    @property
    def admits_a_second_connection(self) -> bool:
        """False for a project opened exclusively (a network drive): a long job then
        runs on this connection, on the caller's thread."""
        return self._store.network is None

    def on_own_connection(self, work: Callable[[Project], R]) -> R:
        """Run ``work`` with this project opened once more (a long job on a worker
        thread: its transaction is never this connection's). See services.jobs."""
        return _jobs.on_own_connection(self._store, lambda own: work(Project(own)))

    def agreement_read_again_by(
        self,
        reader: Project,
        annotators: Sequence[str] | None = None,
        progress: _agreement.Progress | None = None,
    ) -> AgreementReport:
        """``agreement`` computed here (a worker's connection) whose documents are read
        again, when their own figures are first asked for, through ``reader``."""
        from annotator.services import agreement

        return agreement.project_agreement(self._store, annotators, progress, reader._store)

    # -- annotations (read) ---------------------------------------------------

    def spans(self, doc_id: str, annotator: str | None = None) -> list[Span]:
        """A document's spans (of one annotator, if given), by position."""
        return self._store.annotations.spans(doc_id, annotator)

    def events(self, doc_id: str, annotator: str | None = None) -> list[Event]:
        """A document's events (of one annotator, if given), by trigger."""
        return self._store.annotations.events(doc_id, annotator)

    def span(self, span_id: str) -> Span:
        """One span; NotFoundError if it is gone."""
        return self._store.annotations.span(span_id)

    # -- editing and the other use cases ------------------------------------------

    def editing_session(self, doc_id: str, annotator: str) -> EditingSession:
        """An undoable editing session of ``annotator`` on a document."""
        return EditingSession(self._store, doc_id, annotator)

    export = _UseCase("exporting.export_project")
    export_to_stream = _UseCase("exporting.export_to_stream")
    info = _UseCase("projects.project_info")
    backup = _UseCase("backups.backup_project")
    import_paths = _UseCase("importing.import_paths")
    stats = _UseCase("stats.project_stats")
    merge = _UseCase("merge.merge_projects")
    agreement = _UseCase("agreement.project_agreement")
    comparable_annotators = _UseCase("agreement.comparable_annotators")
    assign = _UseCase("assignment.assign_documents")
    preview_assignment = _UseCase("assignment.preview_assignment")
    assigned_documents = _UseCase("assignment.assigned_documents")
    ensure_gold = _UseCase("adjudication.ensure_gold")
    disagreements = _UseCase("adjudication.disagreements")
    accept_span = _UseCase("adjudication.accept_span")
    accept_event = _UseCase("adjudication.accept_event")
    accept_agreed = _UseCase("adjudication.accept_agreed")
    add_gold_span = _UseCase("adjudication.add_gold_span")
    relabel_gold_span = _UseCase("adjudication.relabel_gold_span")
    remove_gold_span = _UseCase("adjudication.remove_gold_span")
    remove_gold_event = _UseCase("adjudication.remove_gold_event")
    undo_gold = _UseCase("adjudication.undo")
    redo_gold = _UseCase("adjudication.redo")
    document_annotators = _UseCase("agreement.document_annotators")
    everyones_notes = _UseCase("notes.everyones_notes")
    notes_in = _UseCase("notes.notes_in")
    project_progress = _UseCase("progress.project_progress")
    corpus_matches = _UseCase("label_all.corpus_matches")
    predict = _UseCase("predicting.predict_project")
    search = _UseCase("search.search")
    search_choices = _UseCase("search.search_choices")
    count_documents_matching = _UseCase("search.count_documents")

    # -- suggestions, recommenders, effort (issue #10) -------------------------------
    suggestion_sources = _UseCase("suggestions.available_sources")
    suggestions = _UseCase("suggestions.suggestions")
    accept_suggestion = _UseCase("suggestion_actions.accept")
    accept_suggestions = _UseCase("suggestion_actions.accept_all")
    accept_argument = _UseCase("suggestion_actions.accept_argument")
    undo_accept = _UseCase("suggestion_actions.undo_accept")
    undo_accept_all = _UseCase("suggestion_actions.undo_accept_all")
    redo_accept = _UseCase("suggestion_actions.redo_accept")
    reject_suggestions = _UseCase("suggestion_actions.reject")
    undo_reject = _UseCase("suggestion_actions.undo_reject")
    training_set = _UseCase("recommending.training_set")
    recommender_statuses = _UseCase("recommending.recommender_statuses")
    set_recommender_options = _UseCase("recommending.set_recommender_options")
    save_trained = _UseCase("recommending.save_trained")
    load_trained = _UseCase("recommending.load_trained")
    apply_training = _UseCase("background_training.apply_training")
    documents_by_usefulness = _UseCase("recommending.documents_by_usefulness")
    suggest = _UseCase("predicting.predict_project")
    record_activity = _UseCase("effort.record_activity")
    annotator_effort = _UseCase("effort.annotator_effort")

    def accept_command(
        self, items: list[_suggestions.Suggestion], label: str | None = None
    ) -> _commands.AcceptSuggestions:
        """Accepting ``items`` (relabelled as ``label``) as a step for ``session.execute``."""
        from annotator.services.suggestion_commands import AcceptSuggestions

        return AcceptSuggestions(self._store, items, label)

    def reject_command(self, items: list[_suggestions.Suggestion]) -> _commands.RejectSuggestions:
        """Rejecting ``items`` as a step for ``session.execute``."""
        from annotator.services.suggestion_commands import RejectSuggestions

        return RejectSuggestions(self._store, items)

    def accept_argument_command(
        self, event_id: str, argument: _suggestions.SuggestedArgument, source: str
    ) -> _commands.AcceptArgument:
        """Adding an offered argument as a step for ``session.execute``."""
        from annotator.services.suggestion_commands import AcceptArgument

        return AcceptArgument(self._store, event_id, argument, source)


def open_project(path: str | Path, read_only: bool = False) -> Project:
    """Open an existing project file (read-only if asked, or if the file is)."""
    return Project(_projects.open_project(path, read_only=read_only))


def new_project(
    path: str | Path, schema_path: str | Path | None = None, name: str | None = None
) -> Project:
    """Create a project with the given schema file (default: ACE 2005)."""
    return Project(_projects.new_project(path, schema_path, name=name))
