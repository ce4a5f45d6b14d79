"""Search queries at the edges of the trigram index: what folding lengthens, NUL."""

from __future__ import annotations

import pytest

from annotator.core.listing import ListFilter
from annotator.store import ProjectStore


def _listed(store: ProjectStore, query: str) -> list[int]:
    wanted = ListFilter("amal", search=query)
    if not store.listing.incremental(wanted):
        return list(store.listing.keys(wanted))
    keys, after = [], 0
    while True:
        more, going_on = store.listing.next_keys(wanted, after, 10)
        keys += more
        if going_on is None:
            return keys
        after = going_on


# Letter-case folding makes each of these 3 characters long, but as typed (the case the
# index folds itself) it has fewer than three: no trigram to ask the index for.
@pytest.mark.parametrize("query", ["ßx", "ﬁx", "İs"])
def test_a_query_that_case_folding_lengthens_finds_titles_without_failing(
    file_project: ProjectStore, query: str
) -> None:
    # (A file only: PostgreSQL's lower() folds none of these as Python does.)
    doc = file_project.documents.add("nothing to see", f"title {query} here")
    file_project.documents.add("nothing else", "other")
    assert file_project.documents.ids_matching(query) == {doc.id}
    assert file_project.search.count(query) == 1
    assert [d.id for d in file_project.search.documents(query)] == [doc.id]
    assert len(_listed(file_project, query)) == 1


def test_a_query_with_a_nul_finds_nothing_without_failing(project: ProjectStore) -> None:
    # No text has a NUL (canonical) and no title of these: nothing found, no error.
    project.documents.add("abc def", "abc")
    assert project.documents.ids_matching("ab\x00") == set()
    assert project.search.count("abc\x00d") == 0
    assert list(project.search.documents("abc\x00")) == []
    assert _listed(project, "ab\x00") == []


def test_a_span_search_for_such_a_query_reads_every_span(file_project: ProjectStore) -> None:
    from annotator.core.model import Span, new_id
    from annotator.services.search import SearchQuery, search

    doc = file_project.documents.add("Die Maßx ist hier", "a title without it")
    start = doc.text.index("Maßx")
    file_project.annotations.add_span(Span(new_id(), doc.id, "amal", start, start + 4, "ORG"))
    (hit,) = search(file_project, SearchQuery("ßx", label="ORG"))
    assert (hit.document_id, hit.start, hit.end) == (doc.id, start, start + 4)
