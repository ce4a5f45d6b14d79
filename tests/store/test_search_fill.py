"""Documents indexed from Python (store.search_fill) exactly as the trigger indexes TEXT rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.text import canonicalize
from annotator.services.importing import ImportFailed, import_paths
from annotator.services.projects import new_project
from annotator.store import search_fill
from annotator.store.structure import structure

ALPHABET = "ابتسلمنويءأإآؤئٱةىـَُِّْ\u200f\u200c\u061cNaTo "
texts = (
    st.text(alphabet=ALPHABET, min_size=1, max_size=30)
    .map(lambda t: canonicalize(t).text)
    .filter(lambda t: t.strip() != "")
)


def index_dump(store) -> list[tuple]:
    """Every (trigram, rowid, column, position) the index holds."""
    store.db.execute(
        "CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, documents_search, 'instance')"
    )
    return store.db.execute(
        "SELECT term, doc, col, offset FROM search_terms ORDER BY term, doc, col, offset"
    ).fetchall()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=40, unique=True))
def test_the_program_indexes_its_documents_exactly_as_the_trigger_indexes_text_rows(
    tmp_path_factory: pytest.TempPathFactory, batch: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("fill")
    items = [(text, f"ع{n}" + text[:5], None, None, None) for n, text in enumerate(batch)]
    with new_project(folder / "python.annproj") as store:
        store.documents.add("نص قبلها", "أول")  # rowids after an existing one
        store.documents.add_many(items)
        by_python = index_dump(store)
    with new_project(folder / "trigger.annproj") as store:
        store.documents.add("نص قبلها", "أول")
        with store.transaction() as db:  # TEXT rows, as another SQLite tool writes them
            for n, (text, title, *_) in enumerate(items):
                db.execute(
                    "INSERT INTO documents (id, title, text, sha256, created_at) "
                    "VALUES (?, ?, ?, ?, '2026')",
                    [f"doc{n}", title, text, f"h{n}"],
                )
        by_trigger = index_dump(store)
    assert by_python == by_trigger
    assert by_python


def test_a_batch_leaves_the_file_structure_as_it_was(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        before = structure(store.db.conn)
        store.documents.add_many(
            [(f"مقال رقم {n} عن الأمم", f"عنوان {n}", None, None, None) for n in range(100)]
        )
        assert structure(store.db.conn) == before
        store.documents.add("وثيقة أخرى وحدها", "وحيدة")
        assert len(store.search.document_ids("أخرى")) == 1
        assert len(store.search.document_ids("الامم")) == 100


def test_a_failed_import_leaves_the_trigger_and_the_index(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"text": f"خبر رقم {n} عن بغداد"} for n in range(300)]
    lines.append({"text": "نص", "label": [[0, 99, "PER"]]})  # ends after the text: refused
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    with new_project(tmp_path / "p.annproj") as store:
        store.documents.add("خبر قديم عن بغداد", "قديم")
        before = structure(store.db.conn)
        with pytest.raises(ImportFailed):
            import_paths(store, [source])
        assert structure(store.db.conn) == before
        assert store.documents.count() == 1
        assert len(store.search.document_ids("بغداد")) == 1
        store.documents.add("خبر جديد عن بغداد", "جديد")
        assert len(store.search.document_ids("بغداد")) == 2


def test_a_write_failing_inside_the_batch_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    with new_project(tmp_path / "p.annproj") as store:
        before = structure(store.db.conn)
        items = [(f"نص {n} هنا", f"ع {n}", None, None, "same-id") for n in range(50)]
        with pytest.raises(Exception, match=r"(?i)unique|already|exists"):
            store.documents.add_many(items)  # the second row's id collides
        assert structure(store.db.conn) == before
        assert store.documents.count() == 0


def automerge(store) -> list:
    return store.db.execute(
        "SELECT v FROM documents_search_config WHERE k = 'automerge'"
    ).fetchall()


def test_an_import_merges_index_segments_less_and_puts_the_setting_back(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(
        "".join(json.dumps({"text": f"خبر رقم {n} من بغداد"}) + "\n" for n in range(30)),
        encoding="utf-8",
    )
    with new_project(tmp_path / "p.annproj") as store:
        seen: list = []
        original = search_fill.index_rows

        def watched(conn, rows):  # what the index is set to while the import writes
            seen.append(automerge(store))
            original(conn, rows)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search_fill, "index_rows", watched)
            import_paths(store, [source])
        assert seen == [[(16,)]]
        assert automerge(store) == []  # FTS5's default, and no setting stored, as before
        assert len(store.documents.ids_matching("بغداد")) == 30


def test_a_refused_import_leaves_the_index_settings_as_they_were(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text('{"text": "خبر من بغداد"}\n{"text": 5}\n', encoding="utf-8")
    with new_project(tmp_path / "p.annproj") as store:
        before = automerge(store)
        with pytest.raises(ImportFailed, match=r"news\.jsonl:2"):
            import_paths(store, [source])
        assert automerge(store) == before == []
        assert store.documents.count() == 0


def test_a_setting_someone_stored_comes_back_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text('{"text": "خبر من بغداد"}\n', encoding="utf-8")
    with new_project(tmp_path / "p.annproj") as store:
        with store.transaction() as db:
            db.execute(
                "INSERT INTO documents_search (documents_search, rank) VALUES ('automerge', 8)"
            )
        import_paths(store, [source])
        assert automerge(store) == [(8,)]
