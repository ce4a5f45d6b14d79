"""What an import asks the project about its next records, asked once per chunk.

For each record the writer must know whether the project holds its text already,
and if so whether the record's annotator has worked on that document. A query per
record let go of the GIL and waited to win it back each time while the reading
thread ran (services.read_ahead): 56 microseconds a record, most of importing a
model's predictions for texts already loaded. So ``refresh`` asks for a chunk of
records at once. The file does not hold what the writer has queued and not written
yet, nor what it queued after the lookup, even once that is written: both are
remembered here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.store import ProjectStore


class ImportLookups:
    """The answers for the records of one chunk: the file's, then the writer's since."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store
        self._asked: set[str] = set()  # hashes looked up
        self._found: dict[str, str] = {}  # hash -> document id, in the file at the lookup
        self._found_ids: set[str] = set()
        self._work_found: set[tuple[str, str]] = set()  # (document id, annotator) then
        self._texts_since: dict[str, str] = {}  # hash -> id queued (or unwritten) since
        self._work_since: set[tuple[str, str]] = set()
        # Queued and not written yet (``written`` forgets them): the rest is in the file.
        self._unwritten_texts: dict[str, str] = {}
        self._unwritten_work: set[tuple[str, str]] = set()

    def refresh(self, sha256s: list[str]) -> None:
        """Look up the texts of the next records, and who worked on those found."""
        interchange = self._store.interchange
        self._asked = set(sha256s)
        self._found = interchange.documents_with_hashes(sha256s)
        self._found_ids = set(self._found.values())
        self._work_found = interchange.work_on(self._found_ids)
        self._texts_since = dict(self._unwritten_texts)
        self._work_since = set(self._unwritten_work)

    def document_with_text(self, sha256: str) -> str | None:
        """The id of the document with this text, in the file or queued."""
        since = self._texts_since.get(sha256)
        if since is not None:
            return since
        if sha256 in self._asked:
            return self._found.get(sha256)
        return self._store.interchange.document_with_hash(sha256)

    def has_worked_on(self, doc_id: str, annotator: str) -> bool:
        """True when ``annotator`` has worked on the document, in the file or queued."""
        if (doc_id, annotator) in self._work_since:
            return True
        if doc_id in self._found_ids:
            return (doc_id, annotator) in self._work_found
        return self._store.interchange.has_worked_on(doc_id, annotator)

    def queued_text(self, sha256: str, doc_id: str) -> None:
        """The writer queued a new document with this text."""
        self._texts_since[sha256] = self._unwritten_texts[sha256] = doc_id

    def queued_work(self, doc_id: str, annotator: str) -> None:
        """The writer queued work of ``annotator`` on the document."""
        self._work_since.add((doc_id, annotator))
        self._unwritten_work.add((doc_id, annotator))

    def written(self) -> None:
        """The writer wrote what it had queued: the file holds it now."""
        self._unwritten_texts.clear()
        self._unwritten_work.clear()
