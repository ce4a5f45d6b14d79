"""File format 8: texts kept compressed, a search index of trigrams without positions."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import DamagedProjectError
from annotator.core.model import Span, new_id
from annotator.services.projects import new_project, open_project
from annotator.store import ProjectStore, text_codec
from annotator.store.structure import data_problems

PARAGRAPH = (
    "أعلنت وزارة الصحة في بغداد صباح اليوم عن افتتاح مستشفى جديد في مدينة البصرة، "
    "وقال الوزير في مؤتمر صحفي إن المستشفى يضم ثلاثمئة سرير ومختبرات حديثة، "
    "وإن العمل فيه سيبدأ مطلع الشهر المقبل بعد استكمال تدريب الكوادر الطبية. "
)


@given(st.text())
def test_a_text_packs_and_unpacks_to_itself(text: str) -> None:
    assert text_codec.unpack(text_codec.pack(text)) == text
    assert text_codec.unpack(text) == text  # TEXT written by another tool is read as it is


def test_the_file_keeps_texts_compressed_and_reads_them_back(file_project: ProjectStore) -> None:
    text = PARAGRAPH * 20
    doc = file_project.documents.add(text, "خبر")
    kind, stored = file_project.db.execute(
        "SELECT typeof(text), text FROM documents WHERE id = ?", [doc.id]
    ).fetchone()
    assert kind == "blob"
    assert zlib.decompress(stored).decode() == text
    assert len(stored) < len(text.encode()) / 3
    assert file_project.documents.get(doc.id).text == text
    assert file_project.documents.summaries()[0].length == len(text)


def test_a_span_search_reads_each_span_text_from_the_compressed_text(
    file_project: ProjectStore,
) -> None:
    doc = file_project.documents.add(PARAGRAPH, "خبر")
    start = PARAGRAPH.index("البصرة")
    file_project.annotations.add_span(Span(new_id(), doc.id, "amal", start, start + 6, "GPE"))
    (found,) = file_project.search.spans("البصرة", label="GPE")
    assert found.text == "البصرة"


def test_a_document_with_every_trigram_but_not_the_query_is_not_found(
    project: ProjectStore,
) -> None:
    # "abcd" has the trigrams abc and bcd; the first text has both, apart.
    apart = project.documents.add("abc then xbcd", "one")
    whole = project.documents.add("it has abcd in it", "two")
    assert project.documents.ids_matching("abcd") == {whole.id}
    assert project.search.count("ABCD") == 1
    assert [d.id for d in project.search.documents("abc")] == [apart.id, whole.id]


def test_an_unreadable_compressed_text_is_reported(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        doc = store.documents.add(PARAGRAPH, "خبر")
        assert data_problems(store.db.conn) == []
        with store.transaction() as db:
            db.execute("DROP TRIGGER documents_text_immutable")
            db.execute("DROP TRIGGER documents_search_update")
            db.execute("DROP TRIGGER documents_chars_update")
            db.execute("UPDATE documents SET text = x'00112233'")
        (problem,) = data_problems(store.db.conn)
        assert problem.startswith("a document whose text cannot be read") and doc.id in problem
        # Read before a check has run (a large file is checked in the background): a
        # sentence, not a decompression error.
        with pytest.raises(DamagedProjectError, match="text cannot be read: the project file"):
            store.documents.get(doc.id)


def test_the_list_reads_a_search_a_bounded_number_of_candidates_at_a_time(
    project: ProjectStore,
) -> None:
    from annotator.core.listing import ListFilter

    # Every document has the trigrams of "abcd"; only every fourth has "abcd" itself.
    texts = [("abcd" if n % 4 == 0 else "abc bcd") + f" خبر {n}" for n in range(40)]
    project.documents.add_many((text, f"t{n}", None, None, None) for n, text in enumerate(texts))
    wanted = ListFilter("amal", search="abcd")
    assert project.listing.incremental(wanted)
    hits, after, calls = [], 0, 0
    while after is not None:
        more, after = project.listing.next_keys(wanted, after, 6)
        assert len(more) <= 6
        hits += more
        calls += 1
    expected = project.listing.keys(wanted)
    assert hits == list(expected) and len(hits) == 10
    if project.dialect.full_text_index:  # six candidates a call, hits or not
        assert calls == 7


def test_the_checks_need_the_text_functions_and_say_so(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        store.documents.add(PARAGRAPH, "خبر")
    bare = sqlite3.connect(tmp_path / "p.annproj")  # no text functions registered
    try:
        with pytest.raises(sqlite3.OperationalError, match="annotator_text_length"):
            data_problems(bare)
        text_codec.register(bare)
        assert data_problems(bare) == []
    finally:
        bare.close()


FOLDABLE = "ابتسلمنويءأإآؤئٱةىـَُِّْ\u200f\u200cNaTo İßK "


@given(st.text(FOLDABLE, max_size=20), st.text(FOLDABLE, max_size=40), st.text(FOLDABLE))
def test_the_candidate_check_is_the_folded_comparison(title: str, text: str, query: str) -> None:
    from annotator.core.search import fold

    needle = fold(query).strip()
    expected = needle in fold(title) or needle in fold(text)
    assert text_codec.contains(title, text_codec.pack(text), needle) == expected


def test_another_sqlite_tool_writes_documents_and_the_search_follows(tmp_path: Path) -> None:
    # The triggers of `documents` are plain SQL: a tool without this program's functions
    # adds a TEXT row (indexed by the trigger), renames a compressed one (its new title
    # is added to the index) and deletes one (its trigrams may stay: candidates only).
    path = tmp_path / "p.annproj"
    with new_project(path) as store:
        kept = store.documents.add(PARAGRAPH, "خبر")
        gone = store.documents.add("نص سيحذف من المشروع بأداة أخرى", "للحذف")
    tool = sqlite3.connect(path)
    try:
        with tool:
            tool.execute(
                "INSERT INTO documents (id, title, text, sha256, created_at) "
                "VALUES ('x', 'two', 'a TEXT row from elsewhere', 'h', '2026')"
            )
            tool.execute("UPDATE documents SET title = 'Renamed Here' WHERE id = ?", [kept.id])
            tool.execute("DELETE FROM documents WHERE id = ?", [gone.id])
    finally:
        tool.close()
    with open_project(path) as store:
        assert store.documents.ids_matching("from elsewhere") == {"x"}
        assert store.documents.ids_matching("renamed") == {kept.id}
        assert store.documents.ids_matching("البصرة") == {kept.id}
        assert store.documents.ids_matching("سيحذف") == set()
        assert store.documents.get("x").text == "a TEXT row from elsewhere"
        assert data_problems(store.db.conn) == []


@pytest.mark.parametrize(
    ("text", "query"),
    [("Die Straße ist lang", "STRASSE"), ("an ﬀoo here", "ffoo"), ("273 \u212a cold", "273 k")],
)
def test_the_index_folds_letter_case_as_the_check_does(
    file_project: ProjectStore, text: str, query: str
) -> None:
    # Python folds ß to ss, ﬀ to ff and the Kelvin sign to k; SQLite's tokenizer does not.
    # The index holds texts folded by Python, so no candidate is lost before the check.
    doc = file_project.documents.add(text, "t")
    file_project.documents.add("nothing of the kind", "u")
    assert file_project.documents.ids_matching(query) == {doc.id}
