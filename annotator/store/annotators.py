"""Annotators and each annotator's status per document."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from annotator.core.errors import NotFoundError
from annotator.core.model import Annotator, AnnotatorKind, Status, check_annotator_name
from annotator.store.clock import utc_now
from annotator.store.columns import DOCUMENT_KEY

if TYPE_CHECKING:
    from annotator.store.project import ProjectStore

# The latest updated_at of an annotator's statuses, one index lookup per status: the index
# is (annotator, status, updated_at), so a plain max() over the annotator's rows read them
# all (tens of milliseconds at 100,000 documents, at every open and every poll).
_LATEST_STATUS_CHANGE = "SELECT max(latest) FROM (" + " UNION ALL ".join(
    f"SELECT max(updated_at) AS latest FROM statuses WHERE annotator = ? AND status = '{s.value}'"
    for s in Status
) + ") AS latest_by_status"


class AnnotatorRepository:
    """Reads and writes the ``annotators`` and ``statuses`` tables."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def ensure(self, name: str, kind: AnnotatorKind = AnnotatorKind.HUMAN) -> Annotator:
        """The annotator called ``name``, added if new; ValidationError for a new name with
        control characters (every new name comes through here, whoever adds it; one an
        older version stored stays usable)."""
        if isinstance(name, str):
            with contextlib.suppress(NotFoundError, UnicodeEncodeError):  # refused below
                return self.get(name.strip())
        annotator = Annotator(check_annotator_name(name), kind)
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO annotators (name, kind, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [annotator.name, annotator.kind.value, utc_now()],
            )
        return self.get(annotator.name)

    def get(self, name: str) -> Annotator:
        """The annotator called ``name``; NotFoundError if there is none."""
        row = self._store.db.execute(
            "SELECT name, kind FROM annotators WHERE name = ?", [name]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no annotator called {name!r} in the project")
        return Annotator(row[0], AnnotatorKind(row[1]))

    def all(self, kind: AnnotatorKind | None = None) -> list[Annotator]:
        """Every annotator (of ``kind``, if given), by name."""
        sql, params = "SELECT name, kind FROM annotators", []
        if kind is not None:
            sql, params = sql + " WHERE kind = ?", [kind.value]
        rows = self._store.db.execute(sql + " ORDER BY name", params).fetchall()
        return [Annotator(name, AnnotatorKind(k)) for name, k in rows]

    def status(self, doc_id: str, annotator: str) -> Status:
        """Where ``annotator`` stands with a document (NEW when never touched)."""
        row = self._store.db.execute(
            "SELECT status FROM statuses WHERE document_id = ? AND annotator = ?",
            [doc_id, annotator],
        ).fetchone()
        return Status(row[0]) if row else Status.NEW

    def statuses(self, annotator: str) -> dict[str, Status]:
        """Every document's status for ``annotator`` (documents never touched are absent)."""
        rows = self._store.db.execute(
            "SELECT document_id, status FROM statuses WHERE annotator = ?", [annotator]
        )
        return {doc_id: Status(status) for doc_id, status in rows}

    def documents_at(self, annotator: str, status: Status) -> list[str]:
        """Ids of the documents ``annotator`` has at ``status`` (read from an index range)."""
        rows = self._store.db.execute(
            "SELECT document_id FROM statuses WHERE annotator = ? AND status = ? "
            "ORDER BY updated_at, document_id",
            [annotator, status.value],
        )
        return [row[0] for row in rows]

    def set_status(
        self, doc_id: str, annotator: str, status: Status, explicit: bool = True
    ) -> None:
        """Record ``annotator``'s status for a document.

        ``explicit`` False gives the document back to its automatic status, which
        follows the annotations (see :meth:`touch`): ``status`` is then ignored.
        """
        with self._store.transaction() as db:
            self.ensure(annotator)
            if not explicit:
                self._follow_annotations(doc_id, annotator)
                return
            db.execute(
                "INSERT INTO statuses (document_id, annotator, status, updated_at, auto) "
                "VALUES (?, ?, ?, ?, 0) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, "
                "auto = 0",
                [doc_id, annotator, Status(status).value, utc_now()],
            )

    def is_explicit(self, doc_id: str, annotator: str) -> bool:
        """True when the annotator set the status (it no longer follows the annotations)."""
        row = self._store.db.execute(
            "SELECT auto FROM statuses WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        return row is not None and not row[0]

    def touch(self, doc_id: str, annotator: str) -> None:
        """Note that ``annotator`` changed a document.

        A status the annotator set (done, skipped...) stays; otherwise the status
        follows the annotations: "in progress" while there are some, "new" (no row)
        once there are none, as after labelling and undoing. The timestamp lets a
        merge tell which copy of a document changed last.
        """
        with self._store.transaction() as db:
            if self.is_explicit(doc_id, annotator):
                changed = db.execute(
                    "UPDATE statuses SET updated_at = ? WHERE document_id = ? AND annotator = ?",
                    [utc_now(), doc_id, annotator],
                ).rowcount
                self._store.require_changed(
                    changed, "statuses", "document_id = ? AND annotator = ?", [doc_id, annotator]
                )
            else:
                self._follow_annotations(doc_id, annotator)

    def _follow_annotations(self, doc_id: str, annotator: str) -> None:
        db = self._store.db
        annotated = db.execute(
            f"SELECT EXISTS (SELECT 1 FROM spans WHERE document = {DOCUMENT_KEY} "
            "AND annotator = ?) "
            f"OR EXISTS (SELECT 1 FROM events WHERE document = {DOCUMENT_KEY} AND annotator = ?)",
            [doc_id, annotator, doc_id, annotator],
        ).fetchone()[0]
        if annotated:
            db.execute(
                "INSERT INTO statuses (document_id, annotator, status, updated_at, auto) "
                "VALUES (?, ?, 'in_progress', ?, 1) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = 'in_progress', updated_at = excluded.updated_at, auto = 1",
                [doc_id, annotator, utc_now()],
            )
        else:
            changed = db.execute(
                "DELETE FROM statuses WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
            ).rowcount
            self._store.require_changed(
                changed, "statuses", "document_id = ? AND annotator = ?", [doc_id, annotator]
            )

    def status_counts(self) -> dict[str, dict[Status, int]]:
        """Per annotator, how many documents stand at each status (NEW not counted)."""
        counts: dict[str, dict[Status, int]] = {}
        rows = self._store.db.execute(
            "SELECT annotator, status, count(*) FROM statuses GROUP BY annotator, status"
        )
        for annotator, status, n in rows:
            counts.setdefault(annotator, {})[Status(status)] = n
        return counts

    def change_stamp(self, annotator: str) -> tuple[object, ...]:
        """What changes when documents come or go or ``annotator``'s work changes.

        Every annotation change touches its (document, annotator) status row, so
        this stays the same when only other annotators or session heartbeats
        wrote: a window polling it refreshes only for what it shows.
        """
        return tuple(
            self._store.db.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT max(rowid) FROM documents), "
                "(SELECT count(*) FROM statuses WHERE annotator = ?), "
                f"({_LATEST_STATUS_CHANGE}), "
                # A lead's reassignment changes the annotator's list (a team server).
                "(SELECT count(*) FROM assignments WHERE annotator = ?)",
                [annotator, *[annotator] * len(Status), annotator],
            ).fetchone()
        )
