"""Each document's recorded text length (migration 0007), which the range triggers trust."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Span, new_id
from annotator.store import ProjectStore, open_project
from annotator.store.migrations import LATEST_VERSION
from annotator.store.structure import data_problems

FIXTURES = Path(__file__).parent.parent / "fixtures" / "projects"
TEXT = "اجتمع وزير الخارجية «سامي الحداد» في عمّان يوم الأحد 😀."


def lengths(store: ProjectStore) -> list[tuple[int, int]]:
    """(recorded length, counted length) of every document."""
    text = "annotator_text(text)" if store.dialect.packs_text else "text"
    return store.db.execute(
        f"SELECT chars, length({text}) FROM documents ORDER BY rowid"
    ).fetchall()


def raw_span(store: ProjectStore, doc_id: str, start: int, end: int) -> None:
    """A span written straight into the file, as another program would."""
    with store.transaction() as db:
        db.execute(
            'INSERT INTO spans (id, document, annotator, start, "end", label, updated_at) '
            "VALUES (?, (SELECT rowid FROM documents WHERE id = ?), 'amal', ?, ?, 'PER', "
            "'2026-01-01')",
            [new_id(), doc_id, start, end],
        )


def test_a_version_6_file_is_upgraded_with_its_contents_and_search(tmp_path: Path) -> None:
    copy = tmp_path / "v6.annproj"
    shutil.copy(FIXTURES / "v6.annproj", copy)
    before = sqlite3.connect(copy)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 6
    before.close()
    with open_project(copy) as store:
        assert store.file_version() == LATEST_VERSION
        # Format 8 keeps the text compressed; it reads back the same.
        assert store.db.execute("SELECT typeof(text) FROM documents").fetchall() == [("blob",)]
        (doc,) = list(store.documents.iter_all())
        assert doc.text == TEXT
        assert lengths(store) == [(len(TEXT), len(TEXT))]
        spans = store.annotations.spans(doc.id, "amal")
        assert [s.covered(doc.text) for s in spans] == ["سامي الحداد", "عمّان"]
        # The index (rebuilt by format 8) answers, folded (shadda ignored).
        assert store.documents.ids_matching("في عمان") == {doc.id}
        assert store.search.count("الحداد") == 1
        # The upgraded triggers use the recorded length: the last character is allowed...
        raw_span(store, doc.id, len(TEXT) - 1, len(TEXT))
        # ... one past it is refused by the file itself.
        with pytest.raises(ValidationError, match="span ends after the text"):
            raw_span(store, doc.id, len(TEXT) - 1, len(TEXT) + 1)


def test_the_length_follows_every_write_to_the_text(project: ProjectStore) -> None:
    project.documents.add("نص قصير", "عنوان")
    with project.transaction() as db:
        # Written by hand: no length, then a wrong one, then a new text. (A compressed
        # text is only written by this program; a wrong length on one is reported by the
        # checks, test_a_wrong_length_left_by_hand_is_reported.)
        db.execute(
            "INSERT INTO documents (id, title, text, sha256, created_at) "
            "VALUES ('hand', 't', 'نص آخر أطول قليلا', 'x', '2026-01-01')"
        )
        db.execute("UPDATE documents SET chars = 1 WHERE id = 'hand'")
    assert lengths(project) == [(7, 7), (17, 17)]
    with project.transaction() as db:
        db.execute("UPDATE documents SET text = 'ab' WHERE id = 'hand'")
    assert lengths(project) == [(7, 7), (2, 2)]
    with pytest.raises(ValidationError, match="span ends after the text"):
        raw_span(project, "hand", 0, 3)


def test_the_events_trigger_uses_the_length_too(project: ProjectStore) -> None:
    doc = project.documents.add("نص قصير", "عنوان")
    refused = pytest.raises(ValidationError, match="trigger ends after the text")
    with refused, project.transaction() as db:
        db.execute(
            "INSERT INTO events (id, document, annotator, type, trigger_start, trigger_end, "
            "updated_at) VALUES ('e', (SELECT rowid FROM documents WHERE id = ?), 'amal', "
            "'Contact.Meet', 0, 8, '2026-01-01')",
            [doc.id],
        )
    # A span up to the last character is let in.
    project.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 7, "PER"))
    assert len(project.annotations.spans(doc.id, "amal")) == 1


def test_a_wrong_length_left_by_hand_is_reported(file_project: ProjectStore) -> None:
    project = file_project
    project.documents.add("نص قصير", "عنوان")
    assert data_problems(project.db.conn) == []
    with project.transaction() as db:
        db.execute("DROP TRIGGER documents_chars_update")
        db.execute("UPDATE documents SET chars = 3")
    assert data_problems(project.db.conn) == [
        "a document whose text cannot be read or whose recorded length is not its text's ("
        + repr(project.db.execute("SELECT id FROM documents").fetchone()[0])
        + ")"
    ]
