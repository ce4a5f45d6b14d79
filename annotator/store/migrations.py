"""Schema migrations of the project file.

Each step runs in one transaction (sqlite-utils ``Migrations``) and sets
``PRAGMA user_version`` to its own number, so a file's version can be read
without knowing the migration table. Never edit a released step: add one.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from annotator.core.search import fold, fold_table
from annotator.store.search_fill import index_rows
from annotator.store.text_codec import pack, unpack

migrations = Migrations("annotator")
log = logging.getLogger(__name__)

_V1_TABLES = """
CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    external_id TEXT,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    meta        TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL
);
CREATE TABLE annotators (
    name       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'model', 'gold')),
    created_at TEXT NOT NULL
);
CREATE TABLE statuses (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    status      TEXT NOT NULL
                CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE TABLE assignments (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    PRIMARY KEY (document_id, annotator)
);
CREATE TABLE spans (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    source      TEXT,
    updated_at  TEXT NOT NULL,
    CHECK (start >= 0 AND start < "end")
);
CREATE INDEX spans_by_document ON spans (document_id, annotator, start);
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator     TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    type          TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    source        TEXT,
    updated_at    TEXT NOT NULL,
    CHECK (trigger_start >= 0 AND trigger_start < trigger_end)
);
CREATE INDEX events_by_document ON events (document_id, annotator, trigger_start);
CREATE TABLE event_arguments (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    span_id  TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, role, span_id)
);
CREATE INDEX arguments_by_span ON event_arguments (span_id);
"""

# SQLite's length() counts characters (code points), the unit of our offsets, so
# the file itself refuses an out-of-range span even from outside this program.
_IMMUTABLE_TEXT = """
CREATE TRIGGER documents_text_immutable
BEFORE UPDATE OF text ON documents
WHEN OLD.text IS NOT NEW.text AND (
    EXISTS (SELECT 1 FROM spans WHERE document_id = OLD.id)
    OR EXISTS (SELECT 1 FROM events WHERE document_id = OLD.id))
BEGIN
    SELECT RAISE(ABORT, 'immutable text: annotations point into this document');
END;
"""
_V1_TRIGGERS = _IMMUTABLE_TEXT + """
CREATE TRIGGER spans_in_text_insert BEFORE INSERT ON spans
WHEN NEW."end" > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER spans_in_text_update BEFORE UPDATE OF start, "end" ON spans
WHEN NEW."end" > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER events_in_text_insert BEFORE INSERT ON events
WHEN NEW.trigger_end > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
CREATE TRIGGER events_in_text_update BEFORE UPDATE OF trigger_start, trigger_end ON events
WHEN NEW.trigger_end > (SELECT length(text) FROM documents WHERE id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
"""


def _run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction: run statement by statement.
    for statement in _split_statements(script):
        db.execute(statement)


def _split_statements(script: str) -> list[str]:
    """Split on ';' at the end of a line, keeping trigger bodies (``...; END;``) whole."""
    statements, current = [], []
    for line in script.strip().splitlines():
        if not current and not line.strip():
            continue  # between statements
        current.append(line)
        stripped = line.strip()
        in_trigger = current[0].lstrip().upper().startswith("CREATE TRIGGER")
        if stripped.endswith(";") and (not in_trigger or stripped.upper() == "END;"):
            statements.append("\n".join(current))
            current = []
    return statements


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    _run_script(db, _V1_TABLES)
    _run_script(db, _V1_TRIGGERS)
    db.execute("PRAGMA user_version = 1")


# Who has the project open for editing, so the same annotator is not let in twice
# (services.sessions). heartbeat is Unix time: staleness is a subtraction.
_V2_SESSIONS = """
CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    annotator  TEXT NOT NULL,
    host       TEXT NOT NULL,
    pid        INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    heartbeat  REAL NOT NULL
);
CREATE INDEX sessions_by_annotator ON sessions (annotator);
"""


@migrations(name="0002_sessions")
def _sessions(db: Database) -> None:
    _run_script(db, _V2_SESSIONS)
    db.execute("PRAGMA user_version = 2")


# Suggestions (issue #10): rejected suggestions per document and annotator, the
# confidence a model gave each predicted span or event, how many suggestions each
# annotator accepted, rejected or corrected, active annotation time, and the state
# of each annotator's live recommenders (settings, evaluation, the trained model).
_V3_SUGGESTIONS = """
CREATE TABLE rejections (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('span', 'event')),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    source      TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator, kind, start, "end", label)
);
CREATE INDEX rejections_by_annotator ON rejections (annotator, document_id);
CREATE TABLE span_confidence (
    span_id    TEXT PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
    confidence REAL NOT NULL
);
CREATE TABLE event_confidence (
    event_id   TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    confidence REAL NOT NULL
);
CREATE TABLE suggestion_outcomes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    source      TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'corrected')),
    count       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, annotator, source, outcome)
);
CREATE TABLE work_time (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator      TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    active_seconds REAL NOT NULL DEFAULT 0,
    last_activity  REAL NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE INDEX work_time_by_annotator ON work_time (annotator, last_activity);
CREATE TABLE recommender_state (
    annotator  TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    recommender TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    threshold  REAL NOT NULL DEFAULT 0.0,
    trained_at TEXT,
    documents  INTEGER NOT NULL DEFAULT 0,
    evaluation TEXT,
    model      BLOB,
    PRIMARY KEY (annotator, recommender)
);
"""


@migrations(name="0003_suggestions")
def _suggestions(db: Database) -> None:
    _run_script(db, _V3_SUGGESTIONS)
    # Never lower the version: a file made between merges may have had a later step first.
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 3)}")


# A note and an "unsure" flag on a span, an event or a document, per annotator.
# And statuses.auto: 1 when the status follows the annotations (set by a change to
# them, not by the annotator), so that undoing the only label makes the document new
# again; "in progress" rows of older files were set that way.
# target_id is the span's or event's id (ids are kept by undo, merge and import, so
# a note follows its annotation back), or the document's id for a document note.
# Notes of deleted annotations are left: undoing the deletion brings them back, and
# every read joins them to what exists.
V4_NOTES = """
CREATE TABLE notes (
    target_id   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('span', 'event', 'document')),
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    note        TEXT NOT NULL DEFAULT '',
    unsure      INTEGER NOT NULL DEFAULT 0 CHECK (unsure IN (0, 1)),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (target_id, annotator)
);
CREATE INDEX notes_by_document ON notes (document_id, annotator);
ALTER TABLE statuses ADD COLUMN auto INTEGER NOT NULL DEFAULT 0 CHECK (auto IN (0, 1));
UPDATE statuses SET auto = 1 WHERE status = 'in_progress';
"""


@migrations(name="0004_notes")
def _notes(db: Database) -> None:
    _run_script(db, V4_NOTES)
    # A file that already had a later step (merged in a different order) keeps its number.
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 4)}")


# The split (train/validation/test...) each document was given by its first export
# with --split, so later exports keep it and a growing dataset never leaks test
# documents into training (services.export_splits).
V5_SPLITS = """
CREATE TABLE document_splits (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    split       TEXT NOT NULL CHECK (length(split) > 0),
    created_at  TEXT NOT NULL
);
"""


@migrations(name="0005_splits")
def _splits(db: Database) -> None:
    _run_script(db, V5_SPLITS)
    db.execute("PRAGMA user_version = 5")


# Corpus search (issue 12): an FTS5 index of every document's title and text with the
# trigram tokenizer (any substring of 3+ characters; SQLite folds letter case), over
# text folded as core.search.fold folds it (harakat, tatweel, bidi marks dropped,
# hamza forms to their base letter). Contentless, so the text is not stored twice;
# its rowid is the document's rowid (the store never VACUUMs, which could renumber
# them until format 9 declared that rowid an INTEGER PRIMARY KEY). Triggers keep it in
# step with every write, from this program or another.
# columnsize = 0: hits are listed in project order, never ranked, so no sizes are kept.
# Three indexes make the document list (store.listing) and polling cheap without reading texts.
def search_fold_sql(column: str) -> str:
    """An SQL expression folding ``column`` for search; mirrors core.search._FOLD_TABLE."""
    expression = column
    for code, replacement in sorted(fold_table().items()):
        expression = f"replace({expression}, char({code}), '{replacement}')"
    return expression


def _search_objects(text_sql: Callable[[str], str], options: str = "") -> str:
    """The index and its three triggers, folding titles in SQL and texts with ``text_sql``."""
    new_title, new_text = search_fold_sql("NEW.title"), text_sql("NEW.text")
    old_title, old_text = search_fold_sql("OLD.title"), text_sql("OLD.text")
    insert = (
        "INSERT INTO documents_search (rowid, title, text) "
        f"VALUES (NEW.rowid, {new_title}, {new_text});"
    )
    delete = (
        "INSERT INTO documents_search (documents_search, rowid, title, text) "
        f"VALUES ('delete', OLD.rowid, {old_title}, {old_text});"
    )
    return f"""
CREATE VIRTUAL TABLE documents_search USING fts5 (
    title, text, content = '', tokenize = 'trigram', columnsize = 0{options}
);
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
BEGIN
    {insert}
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
BEGIN
    {delete}
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF title, text ON documents
BEGIN
    {delete}
    {insert}
END;
"""


def _search_script() -> str:
    return _search_objects(search_fold_sql) + """
CREATE INDEX statuses_by_annotator ON statuses (annotator, status, updated_at);
CREATE INDEX assignments_by_annotator ON assignments (annotator);
CREATE INDEX documents_listing ON documents (title, id);
"""


def fill_search_index(db: Database) -> None:
    """(Re)build the search index from the documents (inside the caller's transaction)."""
    db.execute("INSERT INTO documents_search (documents_search) VALUES ('delete-all')")
    db.execute(
        "INSERT INTO documents_search (rowid, title, text) SELECT rowid, "
        f"{search_fold_sql('title')}, {search_fold_sql('text')} FROM documents"
    )


@migrations(name="0006_search")
def _search(db: Database) -> None:
    _run_script(db, _search_script())
    fill_search_index(db)
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 6)}")


# Import speed (issue 12): each document keeps its text's length in code points
# (``chars``, what SQLite's length() counts), so the range triggers of spans and events
# read one small number instead of counting a whole text per annotation (a third of a
# pre-annotated import's span writes). Triggers keep it true after every write, from
# this program or another (a text changed by hand gets its new length); the store
# writes it right, so they only compare. NULL (never left by them) falls back to counting.
_V7_TEXT_LENGTH = """
ALTER TABLE documents ADD COLUMN chars INTEGER;
UPDATE documents SET chars = length(text);
CREATE TRIGGER documents_chars_insert AFTER INSERT ON documents
WHEN NEW.chars IS NOT length(NEW.text)
BEGIN
    UPDATE documents SET chars = length(NEW.text) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER documents_chars_update AFTER UPDATE OF text, chars ON documents
WHEN NEW.chars IS NOT length(NEW.text)
BEGIN
    UPDATE documents SET chars = length(NEW.text) WHERE rowid = NEW.rowid;
END;
DROP TRIGGER spans_in_text_insert;
DROP TRIGGER spans_in_text_update;
DROP TRIGGER events_in_text_insert;
DROP TRIGGER events_in_text_update;
"""
_TEXT_LENGTH = "(SELECT coalesce(chars, length(text)) FROM documents WHERE id = NEW.document_id)"
_V7_TRIGGERS = f"""
CREATE TRIGGER spans_in_text_insert BEFORE INSERT ON spans
WHEN NEW."end" > {_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER spans_in_text_update BEFORE UPDATE OF start, "end" ON spans
WHEN NEW."end" > {_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER events_in_text_insert BEFORE INSERT ON events
WHEN NEW.trigger_end > {_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
CREATE TRIGGER events_in_text_update BEFORE UPDATE OF trigger_start, trigger_end ON events
WHEN NEW.trigger_end > {_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
"""


@migrations(name="0007_text_length")
def _text_length(db: Database) -> None:
    _run_script(db, _V7_TEXT_LENGTH)
    _run_script(db, _V7_TRIGGERS)
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 7)}")



# A compact file (issue 12). Texts are kept zlib-compressed (store.text_codec: a BLOB;
# a TEXT value written by another tool is still read as it is), and the search index
# keeps which trigrams each document has, not where (detail = none: 3 MB instead of
# 38 for 10,000 articles): a query's trigrams name the candidates, and a check of the
# folded text keeps those that really contain it (store.dialect). So the index may
# hold more than the texts have, never less: extra trigrams only cost a check.
# The triggers are plain SQL, so any SQLite tool may write `documents`: they index a
# TEXT row as before (folded in SQL), and this program indexes the texts it compresses
# itself (store.documents). A compressed row's trigrams stay when it is deleted or
# renamed by another tool (a new title is added); only a compressed text written by
# another program would go unindexed. The index is case-sensitive over text folded as
# core.search.fold folds it, letter case included (Python's case folding, the one the
# check of each candidate uses; SQLite's tokenizer folds slower and differently):
# a TEXT row's letter case is folded by lower(), which knows ASCII letters only.
# Lengths: a TEXT row's is measured; a compressed text is only written by this
# program, which gives its length (the checks compare it).
def _lowered_fold(column: str) -> str:
    """The SQL fold of a TEXT row, letter case folded by SQLite's lower() (ASCII)."""
    return f"lower({search_fold_sql(column)})"


def _v8_search_script() -> str:
    return f"""
CREATE VIRTUAL TABLE documents_search USING fts5 (
    title, text, content = '', tokenize = 'trigram case_sensitive 1', columnsize = 0, detail = none
);
{_v8_document_triggers()}"""


def _v8_document_triggers() -> str:
    """The triggers of format 8 keeping the search index and the lengths of ``documents``."""
    new_title, old_title = _lowered_fold("NEW.title"), _lowered_fold("OLD.title")
    new_text, old_text = _lowered_fold("NEW.text"), _lowered_fold("OLD.text")
    return f"""
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
WHEN typeof(NEW.text) = 'text'
BEGIN
    INSERT INTO documents_search (rowid, title, text)
    VALUES (NEW.rowid, {new_title}, {new_text});
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
WHEN typeof(OLD.text) = 'text'
BEGIN
    INSERT INTO documents_search (documents_search, rowid, title, text)
    VALUES ('delete', OLD.rowid, {old_title}, {old_text});
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF title, text ON documents
BEGIN
    INSERT INTO documents_search (documents_search, rowid, title, text)
    SELECT 'delete', OLD.rowid, {old_title}, {old_text} WHERE typeof(OLD.text) = 'text';
    INSERT INTO documents_search (rowid, title, text)
    VALUES (NEW.rowid, {new_title}, CASE typeof(NEW.text) WHEN 'text' THEN {new_text} ELSE '' END);
END;
CREATE TRIGGER documents_chars_insert AFTER INSERT ON documents
WHEN typeof(NEW.text) = 'text' AND NEW.chars IS NOT length(NEW.text)
BEGIN
    UPDATE documents SET chars = length(NEW.text) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER documents_chars_update AFTER UPDATE OF text, chars ON documents
WHEN typeof(NEW.text) = 'text' AND NEW.chars IS NOT length(NEW.text)
BEGIN
    UPDATE documents SET chars = length(NEW.text) WHERE rowid = NEW.rowid;
END;
"""


_V8_DROPPED = """
DROP TRIGGER documents_search_insert;
DROP TRIGGER documents_search_delete;
DROP TRIGGER documents_search_update;
DROP TRIGGER documents_chars_insert;
DROP TRIGGER documents_chars_update;
DROP TRIGGER documents_text_immutable;
DROP TABLE documents_search;
"""
_V8_BATCH = 500


def _document_batches(db: Database, columns: str) -> Iterator[list[Any]]:
    """(rowid, ``columns``) of every document, _V8_BATCH rows at a time, in rowid order."""
    last = 0
    while rows := db.execute(
        f"SELECT rowid, {columns} FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
        [last, _V8_BATCH],
    ).fetchall():
        last = rows[-1][0]
        yield rows


def index_documents(db: Database) -> None:
    """Fill the (empty) format-8 search index from the documents, as the program
    indexes the documents it adds (store.search_fill)."""
    for rows in _document_batches(db, "title, text"):
        index_rows(
            db.conn,
            [(rowid, fold(title), fold(unpack(text))) for rowid, title, text in rows],
        )


@migrations(name="0008_compact_text")
def _compact_text(db: Database) -> None:
    _run_script(db, _V8_DROPPED)
    for rows in _document_batches(db, "text"):
        packed = [(pack(text), rowid) for rowid, text in rows if isinstance(text, str)]
        db.conn.executemany("UPDATE documents SET text = ? WHERE rowid = ?", packed)
    _run_script(db, _v8_search_script())
    _run_script(db, _IMMUTABLE_TEXT)  # dropped while the texts were compressed
    index_documents(db)
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 8)}")


# Integer keys inside the file (issue 12): spans and events name their document by the
# document's row number, not by its 26-character id, which the annotation tables and
# their indexes by document held once per annotation (a quarter of a pre-annotated
# project's file). ``documents.rowid`` becomes a declared INTEGER PRIMARY KEY, which a
# foreign key may name and VACUUM keeps (the search index is keyed by it too); ids
# stay the documents' names outside the file (merge, export, the interface). The
# tables are rebuilt the way SQLite documents for changing a table (new table, copy,
# drop the old one), so this step runs with foreign keys off: run_pending checks them
# before it commits.
_V9_DOCUMENTS = """
CREATE TABLE documents (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    external_id TEXT,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    meta        TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    chars       INTEGER
);
INSERT INTO documents (rowid, id, external_id, title, text, sha256, meta, created_at, chars)
SELECT rowid, id, external_id, title, text, sha256, meta, created_at, chars
FROM documents_v8 ORDER BY rowid;
DROP TABLE documents_v8;
CREATE INDEX documents_listing ON documents (title, id);
"""
_V9_SPANS = """
CREATE TABLE spans (
    id          TEXT PRIMARY KEY,
    document    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    annotator   TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    source      TEXT,
    updated_at  TEXT NOT NULL,
    CHECK (start >= 0 AND start < "end")
);
INSERT INTO spans (id, document, annotator, start, "end", label, source, updated_at)
SELECT s.id, d.rowid, s.annotator, s.start, s."end", s.label, s.source, s.updated_at
FROM spans_v8 s JOIN documents d ON d.id = s.document_id ORDER BY s.rowid;
DROP TABLE spans_v8;
CREATE INDEX spans_by_document ON spans (document, annotator, start);
"""
_V9_EVENTS = """
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    document      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    annotator     TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
    type          TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    source        TEXT,
    updated_at    TEXT NOT NULL,
    CHECK (trigger_start >= 0 AND trigger_start < trigger_end)
);
INSERT INTO events (id, document, annotator, type, trigger_start, trigger_end, source,
                    updated_at)
SELECT e.id, d.rowid, e.annotator, e.type, e.trigger_start, e.trigger_end, e.source,
       e.updated_at
FROM events_v8 e JOIN documents d ON d.id = e.document_id ORDER BY e.rowid;
DROP TABLE events_v8;
CREATE INDEX events_by_document ON events (document, annotator, trigger_start);
"""
_KEYED_TEXT_LENGTH = (
    "(SELECT coalesce(chars, length(text)) FROM documents WHERE rowid = NEW.document)"
)
_V9_TRIGGERS = f"""
CREATE TRIGGER documents_text_immutable
BEFORE UPDATE OF text ON documents
WHEN OLD.text IS NOT NEW.text AND (
    EXISTS (SELECT 1 FROM spans WHERE document = OLD.rowid)
    OR EXISTS (SELECT 1 FROM events WHERE document = OLD.rowid))
BEGIN
    SELECT RAISE(ABORT, 'immutable text: annotations point into this document');
END;
CREATE TRIGGER spans_in_text_insert BEFORE INSERT ON spans
WHEN NEW."end" > {_KEYED_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER spans_in_text_update BEFORE UPDATE OF start, "end", document ON spans
WHEN NEW."end" > {_KEYED_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'span ends after the text');
END;
CREATE TRIGGER events_in_text_insert BEFORE INSERT ON events
WHEN NEW.trigger_end > {_KEYED_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
CREATE TRIGGER events_in_text_update
BEFORE UPDATE OF trigger_start, trigger_end, document ON events
WHEN NEW.trigger_end > {_KEYED_TEXT_LENGTH}
BEGIN
    SELECT RAISE(ABORT, 'trigger ends after the text');
END;
"""
# table -> (its rebuild, the tables whose rows hang on one of its rows by id).
_V9_KEYED = {
    "spans": (_V9_SPANS, (("event_arguments", "span_id"), ("span_confidence", "span_id"))),
    "events": (_V9_EVENTS, (("event_arguments", "event_id"), ("event_confidence", "event_id"))),
}


def _set_aside(db: Database, table: str) -> None:
    """Rename ``table`` to ``<table>_v8`` after dropping its own triggers and named
    indexes (they come back on the new table); references to it from other tables and
    their triggers are left as they are, naming the new table once it exists."""
    owned = db.execute(
        "SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND type IN "
        "('trigger', 'index') AND sql IS NOT NULL",
        [table],
    ).fetchall()
    for kind, name in owned:
        db.execute(f"DROP {kind.upper()} {name}")
    db.execute(f"ALTER TABLE {table} RENAME TO {table}_v8")


def _drop_lost(db: Database, table: str, dependents: tuple[tuple[str, str], ...]) -> None:
    """Delete the spans or events naming no document, and what hangs on them.

    Another tool writing with foreign keys off may leave them behind when it deletes
    a document. Nothing showed or exported them (both go document by document), and a
    row number cannot be given to them; the log says how many went.
    """
    lost = f"SELECT id FROM {table} a WHERE NOT EXISTS " + (
        "(SELECT 1 FROM documents d WHERE d.id = a.document_id)"
    )
    count = db.execute(f"SELECT count(*) FROM ({lost})").fetchone()[0]
    if not count:
        return
    for child, column in dependents:
        db.execute(f"DELETE FROM {child} WHERE {column} IN ({lost})")
    db.execute(f"DELETE FROM {table} WHERE id IN ({lost})")
    log.warning("upgrade to format 9: dropped %d %s naming no document", count, table)


@migrations(name="0009_integer_keys")
def _integer_keys(db: Database) -> None:
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("migration 0009 rebuilds tables: run it with foreign keys off")
    for table, (_, dependents) in _V9_KEYED.items():
        _drop_lost(db, table, dependents)
    # Legacy renaming leaves other tables' references alone (the modern one would point
    # them at the table set aside, and re-check every trigger midway).
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        _set_aside(db, "documents")
        _run_script(db, _V9_DOCUMENTS)
        for table, (rebuild, _) in _V9_KEYED.items():
            _set_aside(db, table)
            _run_script(db, rebuild)
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")
    _run_script(db, _v8_document_triggers())
    _run_script(db, _V9_TRIGGERS)
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        # Statistics someone gathered lost the rebuilt tables' rows: gather them again,
        # or the planner would weigh new indexes against old figures.
        for table in ("documents", *_V9_KEYED):
            db.execute(f"ANALYZE {table}")
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version = {max(current, 9)}")


def run_pending(db: Database, stop_before: str | None = None) -> None:
    """Apply the pending steps in one write transaction, foreign keys off meanwhile.

    The transaction takes the write lock first, so two processes never both run a step.

    SQLite's way of changing a table's definition (step 0009) needs foreign keys off,
    and PRAGMA foreign_keys cannot change inside a transaction. foreign_key_check then
    proves the steps broke no reference before they commit (references another tool
    left broken, writing with foreign keys off, stay as they were: the program opened
    such files before); anything wrong rolls all back.
    """
    if not migrations.pending(db):
        return
    enforced = db.execute("PRAGMA foreign_keys").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            before = _broken_references(db)
            migrations.apply(db, stop_before=stop_before)
            after = _broken_references(db)
            for (child, parent), count in after.items():
                if count > before.get((child, parent), 0):
                    raise sqlite3.IntegrityError(
                        f"the upgrade would leave a {child} row pointing at no {parent} row"
                    )
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
    finally:
        db.execute(f"PRAGMA foreign_keys = {'ON' if enforced else 'OFF'}")


def _broken_references(db: Database) -> Counter[tuple[str, str]]:
    """(table, the table it refers to) -> rows whose reference finds no row."""
    return Counter((row[0], row[2]) for row in db.execute("PRAGMA foreign_key_check"))


# The user_version the newest migration sets; tests check it matches the steps.
LATEST_VERSION = 9
