"""A small sqlite-utils-shaped facade over psycopg 3, so the store's SQL runs on PostgreSQL.

The repositories call ``db.execute(sql, params)``, ``db.conn.execute/executemany``,
``db.conn.in_transaction``, ``db[table].insert_all/insert/upsert`` and
``db.atomic()``; this module gives a PostgreSQL connection those same calls and
nothing more. SQL is written with SQLite's placeholders (``?`` and ``:name``);
each statement is translated to psycopg's (``%s``, ``%(name)s``) once and cached.

The connection runs in autocommit mode: a transaction is exactly what the store
opens with BEGIN and ends with COMMIT/ROLLBACK, as with sqlite3, so
``in_transaction`` means the same on both engines.
"""

from __future__ import annotations

import contextlib
import functools
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import psycopg
from psycopg import pq
from psycopg.rows import RowMaker

# A statement's parameters: positional for ``?``, by name for ``:name``.
Parameters = Sequence[Any] | Mapping[str, Any] | None

# A string literal, a quoted identifier, a '::' cast, a placeholder, or a lone '%'.
_TOKENS = re.compile(
    r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(::)|(\?\d*)|(?<![:\w]):([A-Za-z_]\w*)|(%)"""
)


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """``sql`` with SQLite placeholders turned into psycopg's; literal '%' doubled.

    ``?`` becomes ``%s``, ``:name`` becomes ``%(name)s``; placeholders inside quotes
    and PostgreSQL's ``::`` casts are left alone. Every statement is sent with
    parameters (maybe none), so psycopg always reads ``%%`` back as ``%``. Numbered
    ``?1`` is refused: the store writes positional parameters in order.
    """

    def replace(match: re.Match[str]) -> str:
        literal, identifier, cast, mark, name, percent = match.groups()
        if literal or identifier:
            return match.group(0).replace("%", "%%")  # psycopg reads '%' everywhere
        if cast:
            return cast
        if mark:
            if mark != "?":
                raise ValueError(f"numbered placeholder {mark} is not supported: {sql!r}")
            return "%s"
        if name:
            return f"%({name})s"
        return "%%" if percent else match.group(0)

    return _TOKENS.sub(replace, sql)


class Row(tuple):
    """A result row usable by index, by unpacking, and by column name (like sqlite3.Row)."""

    _names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        """The column names, in order."""
        return list(self._names)


@functools.lru_cache(maxsize=512)
def _row_type(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"_names": names, "__slots__": ()})


def _row_factory(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    return _row_type(tuple(column.name for column in cursor.description or ()))


class PgConnection:
    """The part of sqlite3.Connection the store uses, over one psycopg connection.

    ``connect`` makes the psycopg connection. When the server cannot be reached
    (the connection broke, or cannot be made), a statement raises ``lost(exc)``
    at once; the next statement connects again. A transaction the loss cut short
    is gone with its connection: the server rolled it back.
    """

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection[Any]],
        lost: Callable[[psycopg.OperationalError], Exception],
    ) -> None:
        self._connect = connect
        self._lost = lost
        self.raw = connect()
        # True from a statement that broke the connection to the next statement.
        self.was_lost = False

    @property
    def gone(self) -> bool:
        """True when the connection is closed or broken (the next statement reconnects)."""
        return self.raw.closed or self.raw.broken

    def _live(self) -> psycopg.Connection[Any]:
        if self.gone:
            with self._reporting_loss():
                self.raw = self._connect()
        self.was_lost = False
        return self.raw

    @contextlib.contextmanager
    def _reporting_loss(self) -> Iterator[None]:
        try:
            yield
        except psycopg.OperationalError as exc:
            if self.gone:  # a failed statement leaves the connection usable: not a loss
                self.was_lost = True
                raise self._lost(exc) from exc
            raise

    @property
    def in_transaction(self) -> bool:
        """True inside BEGIN ... COMMIT/ROLLBACK (also an aborted one, until its ROLLBACK)."""
        if self.gone:
            return False
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Parameters = None) -> psycopg.Cursor[Row]:
        """Run one statement; returns the psycopg cursor (fetchone/fetchall/iterate/rowcount).

        A statement outside a transaction (a read, or the BEGIN of an action) that finds
        the connection dead, lost while idle, is run once more on a new connection:
        nothing was done yet, so nothing can be done twice.
        """
        fresh = not self.in_transaction
        try:
            return self._execute_once(sql, params)
        except Exception:
            if not (fresh and self.was_lost):
                raise
        return self._execute_once(sql, params)

    def _execute_once(self, sql: str, params: Parameters) -> psycopg.Cursor[Row]:
        with self._reporting_loss():
            cursor = self._live().cursor(row_factory=_row_factory)
            return cursor.execute(translate(sql), _params(params))

    def stream(self, sql: str, params: Parameters = None, batch: int = 1000) -> Iterator[Row]:
        """The rows of a long read, fetched ``batch`` at a time through a server-side cursor:
        a plain cursor would bring the whole result into this process first. Only inside a
        transaction (the cursor lives as long as it); closed when the rows are done or dropped.
        """
        if not self.in_transaction:
            raise RuntimeError("stream() outside a transaction: use ProjectStore.snapshot()")
        name = f"annotator_rows_{secrets.token_hex(8)}"
        cursor = self._live().cursor(name=name, row_factory=_row_factory)
        cursor.itersize = batch
        try:
            with self._reporting_loss():
                cursor.execute(translate(sql), _params(params))
                yield from cursor
        finally:
            if not self.gone:
                cursor.close()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        """Run one statement for each of ``rows`` (pipelined by psycopg)."""
        cursor = self._live().cursor()
        rows = list(rows)
        if rows:
            with self._reporting_loss():
                cursor.executemany(translate(sql), rows)
        return cursor

    def script(self, sql: str) -> None:
        """Run several statements at once (no parameters; used for the schema's steps)."""
        with self._reporting_loss():
            self._live().execute(sql)  # type: ignore[arg-type]

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


def _params(params: Parameters) -> Any:
    if params is None:
        return []
    return params if isinstance(params, Mapping) else list(params)


class PgTable:
    """``db[table]``: the three writes the store makes through sqlite-utils tables."""

    def __init__(self, db: PgDatabase, name: str) -> None:
        self.db = db
        self.name = name

    def insert(self, row: Mapping[str, Any]) -> None:
        self.insert_all([row])

    def insert_all(self, rows: Iterable[Mapping[str, Any]], batch_size: int = 500) -> None:
        """Insert rows (all with the keys of the first), in batches of ``batch_size``."""
        rows = list(rows)
        if not rows:
            return
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {self.name} ({', '.join(_quoted(c) for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        for start in range(0, len(rows), batch_size):
            chunk = rows[start : start + batch_size]
            self.db.conn.executemany(sql, [[row[c] for c in columns] for row in chunk])

    def upsert(self, row: Mapping[str, Any], pk: str) -> None:
        """Insert ``row``, or update the row with the same primary key ``pk``."""
        columns = list(row)
        updates = ", ".join(f"{_quoted(c)} = excluded.{_quoted(c)}" for c in columns if c != pk)
        self.db.execute(
            f"INSERT INTO {self.name} ({', '.join(_quoted(c) for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({_quoted(pk)}) DO UPDATE SET {updates}",
            [row[c] for c in columns],
        )


def _quoted(column: str) -> str:
    return f'"{column}"'


class PgDatabase:
    """What the store uses of sqlite_utils.Database, on PostgreSQL."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection[Any]],
        lost: Callable[[psycopg.OperationalError], Exception],
    ) -> None:
        self.conn = PgConnection(connect, lost)

    def execute(self, sql: str, params: Parameters = None) -> psycopg.Cursor[Row]:
        """Run one statement (see PgConnection.execute)."""
        return self.conn.execute(sql, params)

    def __getitem__(self, table: str) -> PgTable:
        return PgTable(self, table)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A nested block inside the current transaction, as a savepoint (like sqlite-utils)."""
        if not self.conn.in_transaction:
            raise RuntimeError("atomic() outside a transaction: ProjectStore.transaction opens it")
        savepoint = f"annotator_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def close(self) -> None:
        self.conn.close()
