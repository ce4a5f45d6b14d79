"""Merging copies of a project back into it: ``annotator merge PROJECT OTHER...``.

Documents are matched by the SHA-256 of their text (documents new to PROJECT
are added). Annotations keep their global ids. The unit of merging is one
annotator's work on one document (spans, events, status):

* PROJECT has no work of that annotator on that document: the other copy's is added;
* both copies hold the same work: nothing happens (merging a file twice adds nothing);
* both hold different work (a clash): the version whose status row changed last
  (``statuses.updated_at``) is kept, and the clash is reported. When the other
  copy's version wins, PROJECT is first backed up (see services.backups: it can
  be restored from there), so the replaced version is not lost.

Everything from one file is merged in one transaction: on any error PROJECT is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from annotator.core.errors import AnnotatorError, NotFoundError, ProjectError, ValidationError
from annotator.core.model import Document, Event, Span, Status
from annotator.core.server_urls import ServerLocation, project_location
from annotator.services.backups import backup_project
from annotator.store import ProjectStore, open_project
from annotator.store.work import StatusStamp, WorkKey

KEPT_PROJECT, KEPT_OTHER = "project", "other"
CHUNK = 400  # documents of the other copy read (with their work) at a time
# progress(done, total) in pieces of work merged; returning False cancels (rolled back).
Progress = Callable[[int, int], bool]


class MergeCancelled(AnnotatorError):
    """The user cancelled; the file being merged was rolled back (earlier files stay)."""

    def __init__(self) -> None:
        super().__init__("merge cancelled; the project is as it was before that file")


@dataclass(frozen=True)
class Clash:
    """An annotator changed a document in both copies; ``kept`` says whose version stays."""

    document: str
    annotator: str
    kept: str
    project_updated_at: str
    other_updated_at: str

    def describe(self) -> str:
        """One line for the user."""
        newer = "this project's" if self.kept == KEPT_PROJECT else "the merged file's"
        return (
            f"clash: {self.annotator} on {self.document!r}: kept {newer} newer version "
            f"(project {self.project_updated_at}, merged file {self.other_updated_at})"
        )


@dataclass
class MergeResult:
    """What merging one file changed."""

    source: Path
    documents_added: int = 0
    work_added: int = 0
    work_unchanged: int = 0
    assignments_added: int = 0
    clashes: list[Clash] = field(default_factory=list)
    backup: Path | None = None

    def lines(self) -> list[str]:
        """Human-readable summary."""
        replaced = sum(c.kept == KEPT_OTHER for c in self.clashes)
        out = [
            f"{self.source}: {self.documents_added} new document(s), "
            f"{self.work_added + replaced} annotator-document version(s) taken, "
            f"{self.work_unchanged} already present, {len(self.clashes)} clash(es)"
        ]
        out += [f"  {clash.describe()}" for clash in self.clashes]
        if self.backup:
            out.append(f"  replaced versions are kept in the backup {self.backup}")
        return out


@dataclass
class _Work:
    spans: list[Span]
    events: list[Event]
    stamp: StatusStamp

    def fingerprint(self) -> tuple[object, ...]:
        """What makes two versions equal: annotations with their ids, and the status."""
        return (
            sorted((s.id, s.start, s.end, s.label, s.source) for s in self.spans),
            sorted(
                (e.id, e.type, e.trigger_start, e.trigger_end, e.source, e.arguments)
                for e in self.events
            ),
            self.stamp.status,
        )


def merge_projects(
    store: ProjectStore, others: Iterable[str | Path], progress: Progress | None = None
) -> list[MergeResult]:
    """Merge each file of ``others`` into ``store``, one transaction per file.

    ``progress(done, total)`` counts files (and pieces of work within one).
    """
    paths = [project_location(other) for other in others]
    results = []
    for number, path in enumerate(paths):

        def within(done: int, total: int, number: int = number) -> bool:
            if progress is None:
                return True
            return progress(number * total + done, len(paths) * max(total, 1))

        results.append(merge_project(store, path, within))
    return results


def merge_project(
    store: ProjectStore, other_path: Path | ServerLocation | str, progress: Progress | None = None
) -> MergeResult:
    """Merge one project (a file, or a server's URL) into ``store``; see the module docstring."""
    other_path = project_location(other_path)
    if other_path.resolve() == store.path.resolve():
        raise ProjectError(
            f"{other_path}: cannot merge a project into itself",
            message_id="merge_into_itself", arguments=(other_path,),
        )
    # The other copy is read as of one moment; this project is read inside the
    # merge's write transaction, which sees one moment too.
    with open_project(getattr(other_path, "url", other_path)) as other, other.snapshot():
        try:
            return _merge(store, other, progress)
        except MergeCancelled:
            raise
        except AnnotatorError as exc:
            raise type(exc)(f"{other_path}: not merged: {exc}") from exc


def _merge(
    store: ProjectStore, other: ProjectStore, progress: Progress | None = None
) -> MergeResult:
    # SQLite cannot back up a connection inside its own write transaction: look first,
    # back up if a version of PROJECT will be replaced, then plan again and write.
    # Both passes read CHUNK documents (and their work) at a time: memory stays flat.
    backup = backup_project(store) if _would_replace(store, other) else None
    result = MergeResult(other.path, backup=backup)
    assigned = other.assignments.all()
    total, done = other.documents.count(), 0
    with store.transaction():
        _copy_annotators(store, other)
        for chunk in _chunks(other):
            if done and progress is not None and progress(done, total) is False:
                raise MergeCancelled()
            plan = _plan(store, other, chunk, result)
            doc_ids = _copy_documents(store, chunk, result)
            titles = {d.id: d.title for d in chunk}
            for number, ((other_doc, annotator), work) in enumerate(plan):
                at = done + number * len(chunk) // len(plan)  # documents, roughly
                if progress is not None and progress(at, total) is False:
                    raise MergeCancelled()
                key = (doc_ids[other_doc], annotator)
                spans = [replace(s, document_id=key[0]) for s in work.spans]
                events = [replace(e, document_id=key[0]) for e in work.events]
                try:  # the store checks the work by core.rules (this project's schema)
                    store.work.replace(key, spans, events, work.stamp)
                except ValidationError as exc:
                    raise ValidationError(f"{titles[other_doc]!r} ({annotator}): {exc}") from exc
            result.assignments_added += store.assignments.add(
                (doc_ids[doc.id], name) for doc in chunk for name in assigned.get(doc.id, ())
            )
            done += len(chunk)
    return result


def _chunks(other: ProjectStore) -> Iterator[list[Document]]:
    """OTHER's documents, CHUNK at a time, of one moment (a snapshot, which also lets a
    server stream them)."""
    with other.snapshot():
        documents = other.documents.iter_all()
        while chunk := list(islice(documents, CHUNK)):
            yield chunk


def _would_replace(store: ProjectStore, other: ProjectStore) -> bool:
    """True when merging would replace a version of PROJECT (a clash the other copy wins)."""
    with store.snapshot():
        for chunk in _chunks(other):
            result = MergeResult(other.path)
            _plan(store, other, chunk, result)
            if any(c.kept == KEPT_OTHER for c in result.clashes):
                return True
    return False


def _plan(
    store: ProjectStore, other: ProjectStore, chunk: list[Document], result: MergeResult
) -> list[tuple[WorkKey, _Work]]:
    """The other copy's work on ``chunk`` to write into ``store``, counted in ``result``."""
    theirs = _work(other, [d.id for d in chunk])
    local_ids = {d.id: store.interchange.document_with_hash(d.sha256) for d in chunk}
    ours = _work(store, [i for i in local_ids.values() if i is not None])
    titles = {d.id: d.title for d in chunk}
    plan = []
    for (other_doc, annotator), work in sorted(theirs.items()):
        local_doc = local_ids[other_doc]
        mine = ours.get((local_doc, annotator)) if local_doc else None
        if mine is None:
            result.work_added += 1
            plan.append(((other_doc, annotator), work))
        elif mine.fingerprint() == work.fingerprint():
            result.work_unchanged += 1
        else:
            clash = _clash(titles[other_doc], annotator, mine, work)
            result.clashes.append(clash)
            if clash.kept == KEPT_OTHER:
                plan.append(((other_doc, annotator), work))
    return plan


def _clash(title: str, annotator: str, mine: _Work, theirs: _Work) -> Clash:
    mine_at, theirs_at = mine.stamp.updated_at, theirs.stamp.updated_at
    kept = KEPT_OTHER if theirs_at > mine_at else KEPT_PROJECT
    return Clash(title, annotator, kept, mine_at, theirs_at)


def _work(store: ProjectStore, doc_ids: list[str]) -> dict[WorkKey, _Work]:
    """Every annotator's work on the documents ``doc_ids``."""
    stamps = store.work.stamps(doc_ids=doc_ids)
    spans = store.work.spans(doc_ids=doc_ids)
    events = store.work.events(doc_ids=doc_ids)
    # Annotations always come with a status row; without one, the time is unknown (oldest).
    unknown = StatusStamp(Status.IN_PROGRESS, "")
    return {
        key: _Work(spans.get(key, []), events.get(key, []), stamps.get(key, unknown))
        for key in stamps.keys() | spans.keys() | events.keys()
    }


def _copy_annotators(store: ProjectStore, other: ProjectStore) -> None:
    for annotator in other.annotators.all():
        try:
            existing = store.annotators.get(annotator.name)
        except NotFoundError:
            store.annotators.ensure(annotator.name, annotator.kind)
            continue
        if existing.kind != annotator.kind:
            raise ProjectError(
                f"annotator {annotator.name!r} is a {annotator.kind.value} annotator there "
                f"but a {existing.kind.value} one here"
            )


def _copy_documents(
    store: ProjectStore, chunk: list[Document], result: MergeResult
) -> dict[str, str]:
    """Add the other copy's new documents; returns its document ids -> ids in ``store``."""
    ids = {}
    for document in chunk:
        found = store.documents.find_by_hash(document.sha256)
        if found is None:
            taken = _has_id(store, document.id)
            found = store.documents.add(
                document.text,
                document.title,
                document.external_id,
                document.meta,
                doc_id=None if taken else document.id,
            )
            result.documents_added += 1
        ids[document.id] = found.id
    return ids


def _has_id(store: ProjectStore, doc_id: str) -> bool:
    try:
        store.documents.get(doc_id)
    except NotFoundError:
        return False
    return True
