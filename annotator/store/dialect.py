"""What the store's SQL says differently on SQLite and on PostgreSQL: kept this small.

Everything else is written once in SQL both accept (``ON CONFLICT ... DO NOTHING /
DO UPDATE``, CTEs, ``||``, ``substr``/``length``, ``CASE`` for two-argument max).
PostgreSQL's ``documents`` has a ``rowid`` column standing for SQLite's implicit one,
so "project order" is ``ORDER BY rowid`` on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.search import fold

# The shortest folded query SQLite's trigram index answers; shorter ones match titles only.
MIN_INDEXED = 3


@dataclass(frozen=True)
class Dialect:
    """One engine's way of saying the few things the engines disagree on."""

    name: str
    # Sorting titles regardless of letter case ({} is the column).
    nocase: str
    # A hint naming the index the document list scans (SQLite's INDEXED BY; "" elsewhere).
    listing_index: str
    # (document, annotator) -> a JSON array of its spans as text, in one aggregate.
    span_groups: str
    # A JSON array (as text) of the rows' values ({}: a comma-separated list of columns),
    # in one aggregate: one row however many match (NULL on PostgreSQL for none).
    rows_as_json: str
    # True when the project has SQLite's FTS5 search index (documents_search).
    full_text_index: bool
    # True when documents.text holds texts compressed (store.text_codec; project files).
    packs_text: bool
    # True when json_quote() may quote document texts for a native export (SQLite's,
    # once probed to agree with Python's json module: interchange.sqlite_quotes_like_python).
    quotes_json: bool

    def contains(self, query: str, rowid: str) -> tuple[str, dict[str, object]]:
        """An SQL condition on a ``documents`` rowid expression: the title or text
        contains ``query`` (folded). Its parameter is named ``:search``; ("1 = 1", {})
        for a blank query."""
        needle = fold(query).strip()
        if not needle:
            return "1 = 1", {}
        if "\x00" in needle and not self.full_text_index:
            return "1 = 0", {}  # PostgreSQL's text holds no NUL (a canonical text has none)
        if len(needle) < MIN_INDEXED or (self.full_text_index and not indexed(query)):
            return self._title_contains(needle, rowid)
        if self.full_text_index:
            return (
                f"{rowid} IN (SELECT f.rowid FROM documents_search f "
                f"JOIN documents c ON c.rowid = f.rowid WHERE {INDEX_MATCH.format('c')})",
                {"search": trigram_query(query), "needle": needle},
            )
        return (
            f"{rowid} IN (SELECT rowid FROM documents WHERE search_title LIKE :search "
            "ESCAPE '!' OR search_text LIKE :search ESCAPE '!')",
            {"search": _like_pattern(needle)},
        )

    def _title_contains(self, needle: str, rowid: str) -> tuple[str, dict[str, object]]:
        if self.full_text_index:
            where = "instr(annotator_fold(title), :search)"
            return f"{rowid} IN (SELECT rowid FROM documents WHERE {where})", {"search": needle}
        where = "search_title LIKE :search ESCAPE '!'"
        return (
            f"{rowid} IN (SELECT rowid FROM documents WHERE {where})",
            {"search": _like_pattern(needle)},
        )


# The index knows which trigrams a document has, not where (migration 0008): those
# having all of the query's are candidates, and the folded title and text of each is
# checked (text_codec.contains). {} is the documents alias; f is documents_search.
CONTAINS = "annotator_contains({0}.title, {0}.text, :needle)"
INDEX_MATCH = "f.documents_search MATCH :search AND " + CONTAINS


def indexed(query: str) -> bool:
    """True when the trigram index can answer ``query``: three characters once folded
    (as the index holds texts: core.search.fold, letter case included), and no NUL."""
    return len(fold(query).strip()) >= MIN_INDEXED and "\x00" not in query


def trigram_query(query: str) -> str:
    """An FTS5 query for the documents having every trigram of ``query``, folded as the
    index holds texts (core.search.fold: the index itself is case-sensitive)."""
    needle = fold(query).strip()
    trigrams = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
    return " ".join('"' + trigram.replace('"', '""') + '"' for trigram in trigrams)


def _like_pattern(needle: str) -> str:
    """A LIKE pattern (escape character '!') matching any text containing ``needle``."""
    escaped = needle.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


_SPAN_FIELDS = 's.start, s."end", s.id, s.label, s.source'

SQLITE = Dialect(
    name="sqlite",
    nocase="{} COLLATE NOCASE",
    listing_index=" INDEXED BY documents_listing",
    span_groups=f"json_group_array(json_array({_SPAN_FIELDS}))",
    rows_as_json="json_group_array(json_array({}))",
    full_text_index=True,
    packs_text=True,
    quotes_json=True,
)

POSTGRES = Dialect(
    name="postgresql",
    nocase="lower({})",
    listing_index="",
    span_groups=f"json_agg(json_build_array({_SPAN_FIELDS}))::text",
    rows_as_json="json_agg(json_build_array({}))::text",
    full_text_index=False,
    packs_text=False,
    quotes_json=False,
)
