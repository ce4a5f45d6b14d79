"""Label all occurrences across the corpus: the matches of a mention in every document.

What annotators already did is respected: a match that overlaps one of the
annotator's spans is not proposed (they decided something there), documents they
skipped are left out, and in documents they marked done the matches are proposed
unchecked. Matches inside a longer word are proposed unchecked too, as in one
document. Applying is the editor's job (one undoable step per document).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Status
from annotator.core.search import find_all, is_whole_word
from annotator.store import ProjectStore

CONTEXT = 25


@dataclass(frozen=True)
class Match:
    """One proposed occurrence: code points ``[start, end)`` and the words around it."""

    start: int
    end: int
    text: str  # as written there (harakat, tatweel and hamza forms may differ)
    before: str
    after: str
    checked: bool


@dataclass
class DocumentMatches:
    """The proposed occurrences in one document."""

    doc_id: str
    title: str
    status: Status
    matches: list[Match] = field(default_factory=list)


def corpus_matches(
    store: ProjectStore, query: str, annotator: str, exclude: str | None = None
) -> list[DocumentMatches]:
    """Every document holding ``query`` (folded, as search does) except ``exclude``."""
    if not query.strip():
        return []
    statuses = store.annotators.statuses(annotator)
    hits = store.documents.ids_matching(query)
    found = []
    for summary in store.documents.summaries():
        doc_id = summary.id
        status = statuses.get(doc_id, Status.NEW)
        if doc_id not in hits or doc_id == exclude or status is Status.SKIPPED:
            continue
        text = store.documents.get(doc_id).text
        taken = [(s.start, s.end) for s in store.annotations.spans(doc_id, annotator)]
        matches = [
            _match(text, start, end, status)
            for start, end in find_all(text, query)
            if not any(start < b and a < end for a, b in taken)
        ]
        if matches:
            found.append(DocumentMatches(doc_id, summary.title, status, matches))
    return found


def _match(text: str, start: int, end: int, status: Status) -> Match:
    before = text[max(0, start - CONTEXT):start].split("\n")[-1]
    after = text[end:end + CONTEXT].split("\n")[0]
    checked = status is not Status.DONE and is_whole_word(text, start, end)
    return Match(start, end, text[start:end], before, after, checked)
