"""The full-text index answers exactly as a plain scan would, through every kind of write."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlite_utils import Database

from annotator.core.model import text_sha256
from annotator.core.search import fold
from annotator.core.text import canonicalize
from annotator.services.backups import backup_project, restore_project
from annotator.services.importing import import_paths
from annotator.services.merge import merge_project
from annotator.services.projects import default_schema, new_project, open_project
from annotator.store.connection import APPLICATION_ID
from annotator.store.dialect import trigram_query
from annotator.store.migrations import LATEST_VERSION, migrations, search_fold_sql
from annotator.store.text_codec import unpack

# Letters, harakat, tatweel, hamza forms, bidi marks, Latin in both cases, spaces.
ALPHABET = "ابتسلمنويءأإآؤئٱةىـَُِّْ\u200f\u200cNaTo "
texts = (
    st.text(alphabet=ALPHABET, min_size=1, max_size=40)
    .map(lambda t: canonicalize(t).text)
    .filter(lambda t: t.strip() != "")
)


def plain_scan(store, query: str) -> set[str]:
    """The documents a search must find, by reading every title and text."""
    needle = fold(query).strip()
    if not needle:
        return set()
    found = set()
    for doc in store.documents.iter_all():
        haystack = fold(doc.text) if len(needle) >= 3 else ""
        if needle in fold(doc.title) or needle in haystack:
            found.add(doc.id)
    return found


class SearchIndexMachine(RuleBasedStateMachine):
    """Adds, imports, renames, rewrites, deletes, merges, vacuums and restores; the index
    never drifts."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = self.folder / "p.annproj"
        self.store = new_project(self.path)
        self.backup: Path | None = None
        self.files = 0

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _ids(self) -> list[str]:
        return [s.id for s in self.store.documents.summaries()]

    def _has(self, text: str) -> bool:
        return self.store.documents.find_by_hash(text_sha256(text)) is not None

    def _update(self, doc_id: str, column: str, value: str) -> None:
        """A write the program no longer makes but any SQLite tool may: triggers keep up."""
        with self.store.transaction() as db:
            extra = ", sha256 = ?" if column == "text" else ""
            params = [value, text_sha256(value)] if column == "text" else [value]
            db.execute(f"UPDATE documents SET {column} = ?{extra} WHERE id = ?", [*params, doc_id])

    @rule(text=texts, title=texts)
    def add(self, text: str, title: str) -> None:
        if not self._has(text):
            self.store.documents.add(text, title)

    @rule(lines=st.lists(texts, min_size=1, max_size=3))
    def import_jsonl(self, lines: list[str]) -> None:
        self.files += 1
        source = self.folder / f"in{self.files}.jsonl"
        source.write_text(
            "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in lines),
            encoding="utf-8",
        )
        import_paths(self.store, [source])

    @precondition(lambda self: self.store.documents.count() > 0)
    @rule(data=st.data(), title=texts)
    def retitle(self, data: st.DataObject, title: str) -> None:
        self._update(data.draw(st.sampled_from(self._ids())), "title", title)

    @precondition(lambda self: self.store.documents.count() > 0)
    @rule(data=st.data(), text=texts)
    def rewrite(self, data: st.DataObject, text: str) -> None:
        if not self._has(text):
            self._update(data.draw(st.sampled_from(self._ids())), "text", text)

    @rule(text=texts, title=texts)
    def merge(self, text: str, title: str) -> None:
        self.files += 1
        other = self.folder / f"other{self.files}.annproj"
        with new_project(other) as copy:
            copy.documents.add(text, title)
        merge_project(self.store, other)

    @precondition(lambda self: self.store.documents.count() > 0)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        """Another SQLite tool deletes a document (a compressed row's trigrams stay)."""
        doc_id = data.draw(st.sampled_from(self._ids()))
        with self.store.transaction() as db:
            db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    @rule()
    def vacuum(self) -> None:
        """Safe from format 9 on: the row numbers the index names are declared."""
        self.store.db.execute("VACUUM")

    @rule()
    def take_backup(self) -> None:
        self.backup = backup_project(self.store, keep=50)

    @precondition(lambda self: self.backup is not None)
    @rule()
    def restore(self) -> None:
        self.store.close()
        restore_project(self.path, self.backup, keep=50)
        self.store = open_project(self.path)

    @rule(data=st.data())
    def search(self, data: st.DataObject) -> None:
        docs = list(self.store.documents.iter_all())
        pool = [d.text for d in docs] + [d.title for d in docs] + ["NATO", "zz"]
        source = data.draw(st.sampled_from(pool))
        start = data.draw(st.integers(0, len(source)))
        query = source[start : start + data.draw(st.integers(1, 8))]
        assert self.store.documents.ids_matching(query) == plain_scan(self.store, query)

    @invariant()
    def index_holds_every_document_once(self) -> None:
        db = self.store.db
        # Every document has every trigram of its own folded text in the index.
        for rowid, stored in db.execute("SELECT rowid, text FROM documents").fetchall():
            needle = fold(unpack(stored)).strip()
            if len(needle) >= 3:
                hits = db.execute(
                    "SELECT rowid FROM documents_search WHERE documents_search MATCH ?",
                    [trigram_query(needle)],
                ).fetchall()
                assert (rowid,) in hits


SearchIndexMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_search_index_follows_every_write = SearchIndexMachine.TestCase


def test_the_sql_fold_is_the_python_fold(tmp_path: Path) -> None:
    sample = "أَحْمَدُ الـــسّاعديّ إلى الأمم المُتّحدة ؤ ئ ٱ آ ء \u200f\u200c\u061c NATO"
    with new_project(tmp_path / "p.annproj") as store:
        folded = store.db.execute(f"SELECT {search_fold_sql('?')}", [sample]).fetchone()[0]
    assert folded.casefold() == fold(sample)


def test_a_project_from_before_the_index_gets_one_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.annproj"
    # A version 5 file, made by the migrations of then: no index, texts as TEXT.
    db = Database(sqlite3.connect(path))
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before="0006_search")
    texts = {"وصل وزيرُ الخارجيّة إلى بغداد": "زيارة", "NATO meets in Brussels": "أخبار الناتو"}
    with db.conn:
        db.execute("INSERT INTO project_meta VALUES ('schema', ?)", [default_schema().to_json()])
        for n, (text, title) in enumerate(texts.items()):
            db.execute(
                "INSERT INTO documents (id, title, text, sha256, created_at) "
                "VALUES (?, ?, ?, ?, '2026-01-01')",
                [f"doc{n}", title, text, text_sha256(text)],
            )
    db.close()
    with open_project(path) as store:
        assert store.file_version() == LATEST_VERSION
        assert store.documents.ids_matching("وزير الخارجية") == {"doc0"}
        assert store.search.count("nato") == 1
        assert store.documents.get("doc1").text == "NATO meets in Brussels"
        assert store.db.execute("SELECT typeof(text) FROM documents").fetchall() == [("blob",)] * 2


def test_annotation_search_finds_labels_annotators_and_what_another_lacks(project) -> None:
    from annotator.core.model import Span, new_id

    doc = project.documents.add("قالت قوات الحشد الشعبي إن الحشد الشعبي انسحب", "خبر")
    other = project.documents.add("لا شيء هنا عن الموضوع", "آخر")
    spans = [
        Span(new_id(), doc.id, "amal", 10, 22, "ORG"),
        Span(new_id(), doc.id, "amal", 26, 38, "ORG"),
        Span(new_id(), doc.id, "karim", 10, 22, "ORG"),
        Span(new_id(), other.id, "amal", 0, 2, "PER"),
    ]
    project.annotations.add_spans(spans)
    found = list(project.search.spans("الحشد الشعبي", label="ORG"))
    assert [(s.annotator, s.start) for s in found] == [("amal", 10), ("karim", 10), ("amal", 26)]
    assert all(s.text == "الحشد الشعبي" for s in found)
    lacking = list(project.search.spans("", annotator="amal", lacking="karim"))
    assert [(s.document_id, s.start) for s in lacking] == [(doc.id, 26), (other.id, 0)]
