"""Searching a whole project: keyword-in-context hits in texts, or annotations by text.

Documents are found with the project's full-text index (store.search); each hit's
place in the text is then found with the same folding as the find bar
(core.search), so the offsets are code-point offsets into the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from annotator.core.search import find_all, fold
from annotator.store import ProjectStore
from annotator.store.search import MIN_INDEXED

# Characters of context on each side of a hit.
CONTEXT = 40
DEFAULT_LIMIT = 1000


@dataclass(frozen=True)
class SearchQuery:
    """What to look for. With ``label``, ``annotator`` or ``lacking`` it searches spans.

    ``lacking``: only spans that annotator has not drawn (same place, same label).
    ``exact``: a span's whole text must be the query (folded), not merely contain it.
    """

    text: str
    label: str | None = None
    annotator: str | None = None
    lacking: str | None = None
    exact: bool = False
    limit: int = DEFAULT_LIMIT

    @property
    def of_spans(self) -> bool:
        """True when the search lists spans rather than places in texts."""
        return any(v is not None for v in (self.label, self.annotator, self.lacking))


@dataclass(frozen=True)
class Hit:
    """One place found: ``before`` + ``match`` + ``after`` is the text around it.

    ``start``/``end`` are code-point offsets in the document's text (-1 when only
    the title matched); ``label``/``annotator`` are set for a span.
    """

    document_id: str
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str
    label: str | None = None
    annotator: str | None = None
    span_id: str | None = None

    def to_json(self) -> dict[str, object]:
        """The hit as a JSON object (``annotator search --json``)."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def search(store: ProjectStore, query: SearchQuery) -> list[Hit]:
    """The first ``query.limit`` hits, in project order."""
    hits = _span_hits(store, query) if query.of_spans else _text_hits(store, query)
    found = []
    for hit in hits:
        found.append(hit)
        if len(found) >= query.limit:
            break
    return found


def search_choices(store: ProjectStore) -> tuple[list[str], list[str]]:
    """The entity labels and the annotators a span search can be narrowed to."""
    return list(store.schema.entity_keys), [a.name for a in store.annotators.all()]


def searchable(text: str) -> bool:
    """True when ``text`` is long enough for the index (3 characters, once folded)."""
    return len(fold(text).strip()) >= MIN_INDEXED


def count_documents(store: ProjectStore, text: str) -> int:
    """How many documents contain ``text`` (folded) in their title or text."""
    return store.search.count(text)


def _text_hits(store: ProjectStore, query: SearchQuery) -> Iterator[Hit]:
    for doc in store.search.documents(query.text):
        places = find_all(doc.text, query.text)
        if not places:  # the title matched (or a query too short to look in texts)
            yield Hit(doc.id, doc.title, -1, -1, "", doc.title, "")
        for start, end in places:
            yield _in_context(doc.id, doc.title, doc.text, start, end)


def _span_hits(store: ProjectStore, query: SearchQuery) -> Iterator[Hit]:
    needle = fold(query.text).strip()
    # Spans are looked for in the documents containing the query; the index needs the
    # documents' text, not the titles, so a short query (or one the index cannot take,
    # store.search.reads_texts) reads every span instead.
    where = query.text if store.search.reads_texts(query.text) else ""
    texts: dict[str, str] = {}
    for span in store.search.spans(where, query.label, query.annotator, query.lacking):
        folded = fold(span.text).strip()
        if needle and (folded != needle if query.exact else needle not in folded):
            continue
        if span.document_id not in texts:
            texts.clear()  # spans come document by document: keep one text at a time
            texts[span.document_id] = store.documents.get(span.document_id).text
        hit = _in_context(
            span.document_id, span.title, texts[span.document_id], span.start, span.end
        )
        yield Hit(**{**asdict(hit), "label": span.label, "annotator": span.annotator,
                     "span_id": span.id})


def _in_context(doc_id: str, title: str, text: str, start: int, end: int) -> Hit:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return Hit(
        doc_id,
        title,
        start,
        end,
        before.replace("\n", " "),
        text[start:end],
        after.replace("\n", " "),
    )
