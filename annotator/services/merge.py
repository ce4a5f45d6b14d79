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

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.errors import AnnotatorError, NotFoundError, ProjectError, ValidationError
from annotator.core.model import Event, Span, Status
from annotator.services.backups import backup_project
from annotator.store import ProjectStore, open_project
from annotator.store.work import StatusStamp, WorkKey

KEPT_PROJECT, KEPT_OTHER = "project", "other"


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


def merge_projects(store: ProjectStore, others: Iterable[str | Path]) -> list[MergeResult]:
    """Merge each file of ``others`` into ``store``, one transaction per file."""
    return [merge_project(store, Path(other)) for other in others]


def merge_project(store: ProjectStore, other_path: Path) -> MergeResult:
    """Merge one project file into ``store``; see the module docstring for the rules."""
    if other_path.resolve() == store.path.resolve():
        raise ProjectError(
            f"{other_path}: cannot merge a project into itself",
            message_id="merge_into_itself", arguments=(other_path,),
        )
    # The other copy is read as of one moment; this project is read inside the
    # merge's write transaction, which sees one moment too.
    with open_project(other_path) as other, other.snapshot():
        try:
            return _merge(store, other)
        except AnnotatorError as exc:
            raise type(exc)(f"{other_path}: not merged: {exc}") from exc


def _merge(store: ProjectStore, other: ProjectStore) -> MergeResult:
    # SQLite cannot back up a connection inside its own write transaction: look first,
    # back up if a version of PROJECT will be replaced, then plan again and write.
    if any(c.kept == KEPT_OTHER for c in _planned(store, other).clashes):
        backup = backup_project(store)
    else:
        backup = None
    result = MergeResult(other.path, backup=backup)
    with store.transaction():
        plan = _plan(store, other, result)
        _copy_annotators(store, other)
        doc_ids = _copy_documents(store, other, result)
        titles = {d.id: d.title for d in other.documents.summaries()} if plan else {}
        for (other_doc, annotator), work in plan:
            key = (doc_ids[other_doc], annotator)
            spans = [replace(s, document_id=key[0]) for s in work.spans]
            events = [replace(e, document_id=key[0]) for e in work.events]
            try:  # the store checks the work by core.rules (this project's schema)
                store.work.replace(key, spans, events, work.stamp)
            except ValidationError as exc:
                raise ValidationError(f"{titles[other_doc]!r} ({annotator}): {exc}") from exc
        result.assignments_added = store.assignments.add(
            (doc_ids[doc_id], name)
            for doc_id, names in other.assignments.all().items()
            for name in names
        )
    return result


def _planned(store: ProjectStore, other: ProjectStore) -> MergeResult:
    result = MergeResult(other.path)
    with store.snapshot():
        _plan(store, other, result)
    return result


def _plan(
    store: ProjectStore, other: ProjectStore, result: MergeResult
) -> list[tuple[WorkKey, _Work]]:
    """The other copy's work to write into ``store``, filling in ``result``'s counts."""
    ours, theirs = _all_work(store), _all_work(other)
    titles = {d.id: d.title for d in other.documents.summaries()}
    hashes = {d.sha256: d.id for d in store.documents.iter_all()}
    local_ids = {d.id: hashes.get(d.sha256) for d in other.documents.iter_all()}
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


def _all_work(store: ProjectStore) -> dict[WorkKey, _Work]:
    stamps = store.work.stamps()
    spans = store.work.spans()
    events = store.work.events()
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
    store: ProjectStore, other: ProjectStore, result: MergeResult
) -> dict[str, str]:
    """Add the other copy's new documents; returns its document ids -> ids in ``store``."""
    ids = {}
    for document in other.documents.iter_all():
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
