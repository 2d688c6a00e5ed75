"""Projections: pure folds over the event log, persisted with their position, exactly once.

A projection is two things (ARCHITECTURE: one-way flow, pure core):

* a **fold**: ``apply(event, position, ops)`` looks at one decoded event and appends
  row operations (``Put``, ``Add``, ``Append``, ``CarryAdd``) to ``ops``. It does no
  I/O. The little state a fold needs between events (which fund an aggregate id is,
  the running balances) lives on the object and is rebuilt by ``restore`` from the
  projection's own tables, so a restarted process continues where the last one
  committed;
* **tables** (``Table``): the view's rows, in the same database as the events (a
  SQLite file, PostgreSQL) or in a private in-memory SQLite database when the events
  are in memory. Their schema is documented in ``docs/projections.md`` and station
  software may query them with SQL.

``ViewStore`` writes a batch of operations **and** the projection's tracking position
(eventsourcing's ``SQLiteTrackingRecorder`` / ``PostgresTrackingRecorder`` tracking
table, one row per projection) in one transaction. The position moves first, by
compare-and-set: a batch folded from the state at position P commits only if the
stored position is still P. So two processes catching up the same view cannot both
commit an event, whatever their batches: the loser's transaction is rolled back whole,
it restores its state from the tables (and the position, in one snapshot) and goes on
from the winner's position. A crash leaves the batch committed or not at all.

eventsourcing's own ``ProjectionRunner`` is not used: it needs a subscription, and its
SQLite recorder has none. ``ViewRunner`` reads the notification log in batches
instead (polling on SQLite; on PostgreSQL ``follow`` uses eventsourcing's LISTEN/NOTIFY
subscription) and commits one transaction per batch.

A catch-up with more than one batch to fold (a rebuild, a new view version, a store just
imported, a view far behind) is a bulk load (``ViewStore.bulk_load``): on a SQLite file
the batches are written through a connection of the load's own, tuned for it, and an
empty view's SQLite secondary indexes are built once at the end. Each batch still
commits durably with its position, exactly as above.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, Protocol

import msgspec
from eventsourcing.persistence import IntegrityError, PersistenceError, Subscription
from eventsourcing.sqlite import SQLITE3_DEFAULT_LOCK_TIMEOUT, SQLiteConnection

from sgz_ledger.storage.factory import ViewBackend

__all__ = [
    "Add",
    "Append",
    "CarryAdd",
    "Op",
    "Projection",
    "Put",
    "Table",
    "ViewRunner",
    "ViewStore",
]

SQL_TYPES = {"text": "TEXT", "int": "BIGINT"}
# A follower waiting on a subscription checks its stop event this often.
FOLLOW_STOP_CHECK_S = 0.1
# A bulk load's own SQLite connection (``ViewStore.bulk_load``): its page cache (KiB;
# SQLite's default is 2 MiB) and its WAL checkpoint interval (pages; the default is
# 1,000, about 4 MB): bigger than a command's, as a bulk load writes many batches in a row
# and a bigger cache and fewer checkpoints make each batch's writes and commit cheaper.
BULK_CACHE_KIB = 65_536
BULK_WAL_AUTOCHECKPOINT_PAGES = 25_000


class Table(NamedTuple):
    """A view table: its name, ``(column, type)`` pairs (type ``text`` or ``int``; dates
    are ISO ``YYYY-MM-DD`` text, which sorts by date), its primary key, and indexes."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


# The operations are msgspec structs that Python's cyclic garbage collector does not track
# (``gc=False``): a bulk catch-up holds two or three of them an event until its batch
# commits, and as tracked objects (they were named tuples) they reached the collector's
# oldest generation and set off full collections that walked them all. They cannot be
# part of a reference cycle: they hold a table's name and tuples of SQL parameter values
# (text, numbers, None), the only values a commit can write.


class Put(msgspec.Struct, frozen=True, gc=False):
    """Insert the row, or replace the row with the same key (values in column order)."""

    table: str
    row: tuple[Any, ...]


class Add(msgspec.Struct, frozen=True, gc=False):
    """Insert the row, or add its non-key values to those of the row with the same key."""

    table: str
    row: tuple[Any, ...]


class Append(msgspec.Struct, frozen=True, gc=False):
    """Insert a row whose key is new (a log position, for instance)."""

    table: str
    row: tuple[Any, ...]


class CarryAdd(msgspec.Struct, frozen=True, gc=False):
    """A cumulative series changed in its past (a late entry).

    In ``table``, the rows whose leading key columns equal ``key`` form a series
    ordered by the last key column. The point ``at`` is created if missing, carrying
    the values of the point before it (zeros if none), and then ``deltas`` are added
    to it and to every later point.
    """

    table: str
    key: tuple[Any, ...]
    at: Any
    deltas: tuple[int, ...]


Op = Put | Add | Append | CarryAdd


class Projection(Protocol):
    """What ``ViewRunner`` needs of a projection.

    Attributes:
        name: the tracking name (unique in a store).
        version: bump it when the fold changes; the store then rebuilds the view.
        tables: the view's tables.

    A projection may also have ``retired_tables``: names of tables its earlier versions
    had, dropped (their content overwritten, on SQLite) when the view is rebuilt.
    """

    name: str
    version: int
    tables: tuple[Table, ...]

    def reset(self) -> None:
        """Forget the fold's state (before ``restore``, or for a rebuild)."""

    def restore(self, store: ViewStore) -> None:
        """Rebuild the fold's state from the projection's tables (at their position)."""

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        """Fold one event at log ``position``, appending the row operations to ``ops``.

        A projection may also have ``finish(ops)``, called after the last event of each
        batch, to append operations it kept back (a row that later events of the batch
        would only replace is better written once, at the batch's end).
        """


class ViewStore:
    """View tables and their tracking positions in one database.

    Built on an eventsourcing tracking recorder (``recorder``): its datastore gives the
    transactions, and its (single-row) tracking table holds the positions, written in
    the same transaction as the rows.
    """

    def __init__(self, backend: ViewBackend) -> None:
        recorder = backend.recorder
        # One row per projection: the position's compare-and-set relies on it.
        assert getattr(recorder.datastore, "single_row_tracking", True)
        self.recorder = recorder
        self.dialect = backend.dialect
        self._owns_datastore = backend.owned
        self._lock = threading.Lock()
        self._ensured: set[str] = set()
        self._reading = threading.local()  # this thread's snapshot cursor, if any
        # During ``bulk_load`` on a SQLite file: the load's own connection (eventsourcing's
        # wrapper, for its transactions and its error types), for the loading thread only.
        self._bulk_thread = threading.local()

    # ---- SQL helpers ----------------------------------------------------------------

    def sql(self, text: str) -> str:
        """``text`` with ``?`` placeholders and ``{s}`` before table names, for this driver."""
        return text.replace("?", self.dialect.param).replace("{s}", self.dialect.schema)

    def query(self, text: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query (``?`` placeholders, ``{s}`` schema prefix); rows as tuples.

        Inside ``snapshot()`` (in the same thread) it reads that snapshot.
        """
        cursor = getattr(self._reading, "cursor", None)
        if cursor is not None:
            return self._query(cursor, text, params)
        if self._postgres:
            # One statement in autocommit: one round trip, where a read-only transaction
            # adds a BEGIN and a ROLLBACK (a point-in-time answer makes several queries).
            with self.recorder.datastore.get_connection() as conn, conn.cursor() as c:
                return self._query(c, text, params)
        with self.recorder.datastore.transaction(commit=False) as c:
            return self._query(c, text, params)

    def _query(self, c: Any, text: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        if self._postgres:
            # eventsourcing's PostgreSQL connections make dict rows, which would merge
            # two result columns of the same name (two ``MIN(...)`` are both "min"):
            # this transaction's own cursor makes plain tuples instead.
            from psycopg.rows import tuple_row

            c.row_factory = tuple_row
        c.execute(self.sql(text), tuple(params))
        return [tuple(row) for row in c.fetchall()]

    def position(self, name: str) -> int:
        """The log position up to which projection ``name`` is committed (0: nothing)."""
        rows = self.query(
            "SELECT MAX(notification_id) FROM {s}"
            + self._tracking_table
            + " WHERE application_name = ?",
            (name,),
        )
        return int(rows[0][0] or 0)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Make this thread's ``query`` and ``position`` read one moment of the store.

        A fold's state restored from its tables must be the state at the position read
        with it: another process may commit a batch between two separate reads. One
        read-only transaction gives one snapshot (SQLite: a read transaction; PostgreSQL:
        ``REPEATABLE READ``).
        """
        assert getattr(self._reading, "cursor", None) is None, "snapshots do not nest"
        with self.recorder.datastore.transaction(commit=False) as c:
            if self._postgres:
                c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            self._reading.cursor = c
            try:
                yield
            finally:
                self._reading.cursor = None

    @property
    def _postgres(self) -> bool:
        return self.dialect.postgres

    def is_current(self, projection: Projection, head: int) -> bool:
        """Whether the projection's tables are there, of its version, and folded up to
        log position ``head``: read-only, for a reader that may not bring them up to date."""
        try:
            with self.snapshot():
                rows = self.query(
                    "SELECT version FROM {s}view_versions WHERE name = ?", (projection.name,)
                )
                if not rows or rows[0][0] != projection.version:
                    return False
                return self.position(projection.name) == head
        except PersistenceError:
            return False  # a table is missing: views never made, or made by another version

    # ---- reading for an audit (nothing here creates or writes anything) ----------------

    @property
    def tracking_table(self) -> str:
        """The name of the table that holds each view's position."""
        return self._tracking_table

    def columns(self, table: str) -> tuple[str, ...] | None:
        """The columns ``table`` has in the store, in order; ``None`` when there is no such
        table. Unlike ``ensure`` it creates nothing."""
        if self._postgres:
            rows = self.query(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                (self.recorder.datastore.schema, table),
            )
        else:
            rows = self.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", (table,))
        return tuple(str(row[0]) for row in rows) or None

    def stored_version(self, name: str) -> int | None:
        """The version of projection ``name`` its tables were made for; ``None`` when no
        version is stored (its views were never made here)."""
        if self.columns("view_versions") is None:
            return None
        rows = self.query("SELECT version FROM {s}view_versions WHERE name = ?", (name,))
        return None if not rows else int(rows[0][0])

    def scan(self, table: Table, *, batch: int = 10_000) -> Iterator[tuple[Any, ...]]:
        """Every row of ``table`` (its columns in order), by its key, streamed in batches.

        Text keys are ordered by code point (SQLite's own order; on PostgreSQL
        ``COLLATE "C"``, not the database's collation), so two stores' scans of a table
        can be merged row by row. Inside ``snapshot()`` (in the same thread) it reads
        that snapshot, otherwise a read transaction of its own.
        """
        kinds = dict(table.columns)
        order = ", ".join(
            f'{c} COLLATE "C"' if self._postgres and kinds[c] == "text" else c for c in table.key
        )
        text = self.sql(
            f"SELECT {', '.join(table.column_names)} FROM {{s}}{table.name} ORDER BY {order}"
        )
        cursor = getattr(self._reading, "cursor", None)
        if cursor is not None:
            yield from self._stream(cursor, text, batch)
            return
        with self.recorder.datastore.transaction(commit=False) as c:
            yield from self._stream(c, text, batch)

    def _stream(self, c: Any, text: str, batch: int) -> Iterator[tuple[Any, ...]]:
        if self._postgres:
            from psycopg.rows import tuple_row

            # A server-side cursor of the transaction: a big table is not fetched at once.
            reading = c.connection.cursor(name="sgz_view_scan", row_factory=tuple_row)
        else:
            reading = c.sqlite_cursor.connection.cursor()  # the same transaction
            reading.row_factory = None  # plain tuples
        try:
            reading.execute(text)
            while rows := reading.fetchmany(batch):
                for row in rows:
                    yield tuple(row)
        finally:
            reading.close()

    # ---- schema ---------------------------------------------------------------------

    def ensure(self, projection: Projection) -> bool:
        """Create the projection's tables; rebuild them when its version changed.

        Returns:
            True when the view was (re)created empty and must catch up from the start.
        """
        if projection.name in self._ensured:
            return False
        s = self.dialect.schema
        with self._lock, self.recorder.datastore.transaction(commit=True) as c:
            # Take the store's write lock first, so that two processes opening the views
            # at once do this one after the other (PostgreSQL's CREATE TABLE IF NOT
            # EXISTS is not safe to run concurrently; the second must see the version).
            if self._postgres:
                c.execute(f"LOCK TABLE {s}{self._tracking_table} IN SHARE ROW EXCLUSIVE MODE")
            else:  # SQLite: a write statement takes the database's write lock
                c.execute(
                    f"UPDATE {self._tracking_table} SET notification_id = notification_id "
                    "WHERE 0 = 1"
                )
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {s}view_versions "
                "(name TEXT PRIMARY KEY, version BIGINT NOT NULL)"
            )
            c.execute(
                self.sql("SELECT version FROM {s}view_versions WHERE name = ?"), (projection.name,)
            )
            row = c.fetchone()
            stored = None if row is None else (row["version"] if isinstance(row, dict) else row[0])
            fresh = stored != projection.version
            if fresh:
                self._drop_retired(c, projection)
                for table in projection.tables:
                    c.execute(f"DROP TABLE IF EXISTS {s}{table.name}")
                c.execute(
                    self.sql(
                        "DELETE FROM {s}" + self._tracking_table + " WHERE application_name = ?"
                    ),
                    (projection.name,),
                )
                c.execute(
                    self.sql("DELETE FROM {s}view_versions WHERE name = ?"), (projection.name,)
                )
                c.execute(
                    self.sql("INSERT INTO {s}view_versions (name, version) VALUES (?, ?)"),
                    (projection.name, projection.version),
                )
            for table in projection.tables:
                columns = ", ".join(f"{n} {SQL_TYPES[t]} NOT NULL" for n, t in table.columns)
                key = ", ".join(table.key)
                # SQLite: the primary key is the table itself (one b-tree to write per row,
                # not a table and a key index).
                layout = "" if self._postgres else " WITHOUT ROWID"
                c.execute(
                    f"CREATE TABLE IF NOT EXISTS {s}{table.name} "
                    f"({columns}, PRIMARY KEY ({key})){layout}"
                )
            # The indexes: also where a bulk load that did not finish left them dropped.
            self._create_indexes(c, projection)
        self._ensured.add(projection.name)
        return fresh

    def _drop_retired(self, c: Any, projection: Projection) -> None:
        """Drop the tables an earlier version of the projection had.

        On SQLite a dropped table's pages keep their bytes in the file's free list until
        reused: ``secure_delete`` overwrites them with zeros as they are freed, so what
        such a table held (an old statement table's names, in clear) is not left in the
        file. It is a setting of the connection, put back as it was afterwards.
        """
        retired: tuple[str, ...] = getattr(projection, "retired_tables", ())
        if not retired:
            return
        s = self.dialect.schema
        if self._postgres:
            for name in retired:
                c.execute(f"DROP TABLE IF EXISTS {s}{name}")
            return
        c.execute("PRAGMA secure_delete")
        row = c.fetchone()
        was = row[0] if not isinstance(row, dict) else next(iter(row.values()))
        c.execute("PRAGMA secure_delete = 1")
        try:
            for name in retired:
                c.execute(f"DROP TABLE IF EXISTS {name}")
        finally:
            c.execute(f"PRAGMA secure_delete = {int(was)}")

    @property
    def _tracking_table(self) -> str:
        return str(getattr(self.recorder, "tracking_table_name", "tracking"))

    def rebuild(self, projection: Projection) -> None:
        """Drop the view's rows and its position: the next catch-up starts from the log's start."""
        s = self.dialect.schema
        with self._lock, self.recorder.datastore.transaction(commit=True) as c:
            for table in projection.tables:
                c.execute(f"DELETE FROM {s}{table.name}")
            c.execute(
                self.sql("DELETE FROM {s}" + self._tracking_table + " WHERE application_name = ?"),
                (projection.name,),
            )
        projection.reset()

    # ---- writing --------------------------------------------------------------------

    def commit(
        self, projection: Projection, ops: Sequence[Op], position: int, *, after: int
    ) -> None:
        """Write ``ops`` and move the projection's position from ``after`` to ``position``,
        atomically.

        ``ops`` were folded from the state at ``after``: they are written only if the
        stored position is still ``after`` (compare-and-set). A position that is merely
        greater would not do: a batch reaching past another runner's batch would apply
        that batch's events a second time. The position moves first, so runners of one
        view wait for each other on its tracking row before they touch any view row
        (no deadlock between them on PostgreSQL).

        Raises:
            IntegrityError: another runner moved the position on from ``after`` first.
        """
        assert after < position, (after, position)
        tables = {t.name: t for t in projection.tables}
        with self._lock, self._write_transaction() as c:
            self._move_position(c, projection.name, after, position)
            for statement, rows in self._statements(tables, ops):
                c.executemany(statement, rows)

    @property
    def _bulk(self) -> SQLiteConnection | None:
        """This thread's bulk-load connection, if it is loading (other threads: None)."""
        connection: SQLiteConnection | None = getattr(self._bulk_thread, "connection", None)
        return connection

    @contextmanager
    def _write_transaction(self) -> Iterator[Any]:
        bulk = self._bulk
        if bulk is None:
            with self.recorder.datastore.transaction(commit=True) as c:
                yield c
        else:
            with bulk.transaction(commit=True) as c:
                yield c

    @contextmanager
    def bulk_load(self, projection: Projection, *, empty: bool) -> Iterator[None]:
        """Write many batches fast, each still committed durably with its position.

        For a catch-up with more than one batch to fold (``empty``: the view has no
        rows yet, as in a rebuild). Two things SQLite does better for a load of many
        rows (PostgreSQL: unchanged):

        * when ``empty``, the tables' secondary indexes are dropped first and created
          at the end: one sort each, instead of an index insert per row (a third of the
          writes). A view that has rows keeps its indexes up as it goes;
        * on a SQLite file, the batches go through a connection of their own, with a
          bigger page cache (``BULK_CACHE_KIB``) and WAL checkpoints every
          ``BULK_WAL_AUTOCHECKPOINT_PAGES`` pages instead of SQLite's 1,000: a
          checkpoint syncs the database file, and with 200 funds' rows spread over
          the tables nearly every commit wrote a checkpoint's worth. The WAL is
          checkpointed and truncated at the end. The connections shared with commands
          keep SQLite's defaults, so a command never pays for a big checkpoint.

        Only the write path changes: the rows, the positions and their compare-and-set
        are those of ``commit``. An error or a crash leaves the committed batches; the
        indexes are created again here, or by ``ensure`` when a process next uses the
        views (in the meantime, queries are slower, never wrong).
        """
        if self._postgres:
            yield
            return
        pool = self.recorder.datastore.pool
        if empty:
            with self._lock, self.recorder.datastore.transaction(commit=True) as c:
                for name, _, _ in _indexes(projection):
                    c.execute(f"DROP INDEX IF EXISTS {name}")
        try:
            if not pool.is_sqlite_memory_mode:
                connection = sqlite3.connect(
                    pool.db_name,
                    uri=True,
                    isolation_level=None,
                    timeout=pool.lock_timeout or SQLITE3_DEFAULT_LOCK_TIMEOUT,
                )
                connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
                connection.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_AUTOCHECKPOINT_PAGES}")
                self._bulk_thread.connection = SQLiteConnection(
                    sqlite_conn=connection, max_age=None
                )
            yield
        finally:
            try:
                if empty:
                    with self._lock, self._write_transaction() as c:
                        self._create_indexes(c, projection)
            finally:
                bulk, self._bulk_thread.connection = self._bulk, None
                if bulk is not None:
                    try:
                        # Readers may hold the WAL: then this checkpoints what it can.
                        bulk.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    finally:
                        bulk.close()

    def _create_indexes(self, c: Any, projection: Projection) -> None:
        s = self.dialect.schema
        for name, table, columns in _indexes(projection):
            c.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {s}{table} ({', '.join(columns)})")

    def _move_position(self, c: Any, name: str, after: int, position: int) -> None:
        """Set the tracking row of ``name`` to ``position`` if it is ``after`` (else raise).

        The row is eventsourcing's single-row tracking row; its own upsert moves it to
        any greater position, so the compare-and-set is written here.
        """
        table = "{s}" + self._tracking_table
        if after == 0:
            # No row yet: a plain INSERT fails on the key if another runner's first
            # batch got there first (on PostgreSQL, once that runner commits).
            c.execute(
                self.sql(f"INSERT INTO {table} (application_name, notification_id) VALUES (?, ?)"),
                (name, position),
            )
            return
        # On PostgreSQL, an UPDATE waiting for another runner's lock on the row checks
        # its WHERE again on the row that runner committed.
        c.execute(
            self.sql(
                f"UPDATE {table} SET notification_id = ? "
                "WHERE application_name = ? AND notification_id = ? RETURNING notification_id"
            ),
            (position, name, after),
        )
        if c.fetchone() is None:
            msg = f"view {name!r}: the position moved on from {after} before this batch"
            raise IntegrityError(msg)

    def _statements(
        self, tables: dict[str, Table], ops: Sequence[Op]
    ) -> Iterable[tuple[str, list[tuple[Any, ...]]]]:
        """Group ``ops`` into ``executemany`` calls, keeping their order where it matters.

        Runs of ``Put``/``Add``/``Append`` between two ``CarryAdd`` are grouped per table
        (a later ``Put`` of the same key replaces an earlier one; ``Add`` deltas of the
        same key are summed); a ``CarryAdd`` is executed where it stands.
        """
        run: list[Op] = []
        for op in ops:
            if isinstance(op, CarryAdd):
                yield from self._grouped(tables, run)
                run = []
                yield from self._carry_add(tables[op.table], op)
            else:
                run.append(op)
        yield from self._grouped(tables, run)

    def _grouped(
        self, tables: dict[str, Table], ops: Sequence[Op]
    ) -> Iterable[tuple[str, list[tuple[Any, ...]]]]:
        puts: dict[str, dict[tuple[Any, ...], tuple[Any, ...]]] = {}
        adds: dict[str, dict[tuple[Any, ...], list[Any]]] = {}
        appends: dict[str, list[tuple[Any, ...]]] = {}
        widths = {name: len(table.key) for name, table in tables.items()}
        for op in ops:
            # By exact class, the commonest first: a catch-up groups a few ops per event.
            if type(op) is Append:
                appended = appends.get(op.table)
                if appended is None:
                    appended = appends[op.table] = []
                appended.append(op.row)
            elif type(op) is Put:
                puts.setdefault(op.table, {})[op.row[: widths[op.table]]] = op.row
            elif type(op) is Add:
                width = widths[op.table]
                rows = adds.setdefault(op.table, {})
                key = op.row[:width]
                have = rows.get(key)
                if have is None:
                    rows[key] = list(op.row)
                else:
                    for i in range(width, len(op.row)):
                        have[i] += op.row[i]
            else:
                msg = f"not a view operation: {op!r}"
                raise TypeError(msg)
        s = self.dialect.schema
        for name, keyed in puts.items():
            table = tables[name]
            values = [c for c in table.column_names if c not in table.key]
            update = ", ".join(f"{c} = excluded.{c}" for c in values) or None
            yield self._insert(
                table,
                list(keyed.values()),
                f"ON CONFLICT ({', '.join(table.key)}) "
                + (f"DO UPDATE SET {update}" if update else "DO NOTHING"),
            )
        for name, summed in adds.items():
            table = tables[name]
            values = [c for c in table.column_names if c not in table.key]
            update = ", ".join(f"{c} = {s}{name}.{c} + excluded.{c}" for c in values)
            yield self._insert(
                table,
                [tuple(row) for row in summed.values()],
                f"ON CONFLICT ({', '.join(table.key)}) DO UPDATE SET {update}",
            )
        for name, appended in appends.items():
            yield self._insert(tables[name], appended, "")

    def _insert(
        self, table: Table, rows: list[tuple[Any, ...]], conflict: str
    ) -> tuple[str, list[tuple[Any, ...]]]:
        """An ``INSERT`` of ``rows`` into ``table`` (``conflict``: its ``ON CONFLICT``
        clause), as ``(statement, parameter rows)`` for ``executemany``.

        On PostgreSQL the rows go as one statement, each column a binary array
        (``unnest``): the server inserts them as one set, where ``executemany`` runs the
        statement once a row. A grouped run has one row per key, which ``ON CONFLICT``
        of a single statement requires.
        """
        cols = table.column_names
        target = f"INSERT INTO {{s}}{table.name} ({', '.join(cols)}) "
        if not self._postgres:
            return self.sql(target + f"VALUES ({', '.join('?' * len(cols))}) " + conflict), rows
        kinds = dict(table.columns)
        arrays = ", ".join(f"%b::{SQL_TYPES[kinds[c]]}[]" for c in cols)
        columns = tuple(list(column) for column in zip(*rows, strict=True))
        return self.sql(target + f"SELECT * FROM unnest({arrays}) " + conflict), [columns]

    def _carry_add(self, table: Table, op: CarryAdd) -> Iterable[tuple[str, list[tuple[Any, ...]]]]:
        lead = table.key[:-1]
        order = table.key[-1]
        values = [c for c in table.column_names if c not in table.key]
        where = " AND ".join(f"{c} = ?" for c in lead)
        cols = ", ".join((*table.key, *values))
        carried = ", ".join(
            f"COALESCE((SELECT {v} FROM {{s}}{table.name} WHERE {where} AND {order} < ? "
            f"ORDER BY {order} DESC LIMIT 1), 0)"
            for v in values
        )
        carry_params: list[Any] = []
        for _ in values:
            carry_params += [*op.key, op.at]
        yield (
            self.sql(
                f"INSERT INTO {{s}}{table.name} ({cols}) "
                f"SELECT {', '.join('?' * len(table.key))}, {carried} "
                f"ON CONFLICT ({', '.join(table.key)}) DO NOTHING"
            ),
            [(*op.key, op.at, *carry_params)],
        )
        sets = ", ".join(f"{v} = {v} + ?" for v in values)
        yield (
            self.sql(f"UPDATE {{s}}{table.name} SET {sets} WHERE {where} AND {order} >= ?"),
            [(*op.deltas, *op.key, op.at)],
        )

    def close(self) -> None:
        """Close the private datastore (an in-memory view store); a shared one stays open."""
        if self._owns_datastore:
            self.recorder.datastore.close()


def _indexes(projection: Projection) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """``(name, table, columns)`` of each secondary index of the projection's tables."""
    for table in projection.tables:
        for i, columns in enumerate(table.indexes):
            yield f"{table.name}_i{i}", table.name, columns


class ViewRunner:
    """Brings projections up to date with the log, one transaction per batch.

    Args:
        store: where the views and their positions are.
        read: ``read(after, limit, upto)`` returns up to ``limit`` ``(position, event)`` pairs
            after log position ``after`` and not after ``upto``, in log order (``upto`` is a
            position, not a count: on PostgreSQL positions may skip numbers). Any iterable:
            the runner walks it once, so a reader may decode each event as it is reached.
        head: returns the log's last position.
        batch: events per transaction.
        bulk_batch: events per transaction when more than ``batch`` are to be folded
            (a bulk load); four batches by default.
    """

    def __init__(
        self,
        store: ViewStore,
        read: Callable[[int, int, int], Iterable[tuple[int, Any]]],
        head: Callable[[], int],
        *,
        batch: int = 5000,
        bulk_batch: int | None = None,
    ) -> None:
        self.store = store
        self.read = read
        self.head = head
        self.batch = batch
        self.bulk_batch = bulk_batch
        self._positions: dict[str, int] = {}
        self._lock = threading.RLock()

    def _start(self, projection: Projection) -> int:
        fresh = self.store.ensure(projection)
        if fresh or projection.name not in self._positions:
            return self._reload(projection)
        return self._positions[projection.name]

    def catch_up(
        self,
        projection: Projection,
        *,
        until: int | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Apply every event after the view's position (up to ``until``); returns the position.

        ``progress`` is called with the position after each committed batch.
        """
        with self._lock:
            position = self._start(projection)
            # Another process may have moved the view on since: start from the stored position.
            stored = self.store.position(projection.name)
            if stored != position:
                position = self._reload(projection)
            end = self.head() if until is None else until
            if end - position > self.batch:
                # More than one batch to fold: a bulk load (an empty view's without its
                # indexes until the end), in bigger batches (fewer commits; a batch's
                # rows are held until it commits).
                bulk_batch = self.bulk_batch or 4 * self.batch
                with self.store.bulk_load(projection, empty=position == 0):
                    return self._fold(projection, position, end, bulk_batch, progress)
            return self._fold(projection, position, end, self.batch, progress)

    def _fold(
        self,
        projection: Projection,
        position: int,
        end: int,
        batch: int,
        progress: Callable[[int], None] | None,
    ) -> int:
        """Fold and commit the events after ``position`` up to ``end``, ``batch`` at a time.

        The commits run in this thread. A commit in a thread of its own, while the next
        batch is folded, was measured slower: sqlite3 releases the GIL around each row
        it writes, and two threads handing the GIL back and forth for every row lost
        more than the overlap won (51.9 s against 44.9 s at 1M events).
        """
        apply = projection.apply
        finish = getattr(projection, "finish", None)
        try:
            while position < end:
                ops: list[Op] = []
                last = position
                for last, event in self.read(position, batch, end):
                    apply(event, last, ops)
                if last == position:
                    break  # nothing left up to ``end`` (positions may skip numbers)
                if finish is not None:
                    finish(ops)
                try:
                    self.store.commit(projection, ops, last, after=position)
                except IntegrityError:
                    # Another process committed these events first; continue after it.
                    position = self._reload(projection)
                    continue
                position = self._positions[projection.name] = last
                if progress is not None:
                    progress(position)
        except BaseException:
            # Nothing of this batch was written (a failed read, fold or commit): the
            # fold's state must not keep any of it.
            self._reload(projection)
            raise
        return position

    def _reload(self, projection: Projection) -> int:
        """Restore the fold's state and its position from the tables, read in one snapshot."""
        with self.store.snapshot():
            projection.reset()
            projection.restore(self.store)
            position = self.store.position(projection.name)
        self._positions[projection.name] = position
        return position

    def rebuild(
        self, projection: Projection, *, progress: Callable[[int], None] | None = None
    ) -> int:
        """Drop the view and fold the whole log again; returns the position."""
        with self._lock:
            self.store.ensure(projection)
            self.store.rebuild(projection)
            self._positions[projection.name] = 0
            return self.catch_up(projection, progress=progress)

    def lag(self, projection: Projection) -> int:
        """How many log positions the committed view is behind the log's head."""
        return self.head() - self.store.position(projection.name)

    def follow(
        self,
        projections: Sequence[Projection],
        stop: threading.Event,
        *,
        poll_s: float = 0.5,
        subscribe: Callable[[int], Subscription[Any]] | None = None,
    ) -> None:
        """Keep ``projections`` up to date until ``stop`` is set (run it in a thread).

        With ``subscribe`` (PostgreSQL: eventsourcing's LISTEN/NOTIFY subscription,
        ``lambda gt: recorder.subscribe(gt=gt)``) a notification of a newly recorded
        event wakes the runner; otherwise (SQLite) the log is polled every ``poll_s``
        seconds. It returns soon after ``stop`` is set, also while a subscription waits
        for a notification; an error (of the store, of a fold) ends it, raised.
        """
        assert projections, "nothing to follow"
        if subscribe is None:
            while not stop.is_set():
                for projection in projections:
                    self.catch_up(projection)
                stop.wait(poll_s)
            return
        while not stop.is_set():
            covered = min(self.catch_up(p) for p in projections)
            # The subscription first gives what was recorded after ``covered`` (nothing
            # recorded since the catch-up is missed), then blocks for new notifications.
            self._follow_subscription(projections, stop, subscribe(covered), covered)

    def _follow_subscription(
        self,
        projections: Sequence[Projection],
        stop: threading.Event,
        subscription: Subscription[Any],
        covered: int,
    ) -> None:
        done = threading.Event()

        def stop_subscription_when_asked() -> None:
            # Iterating blocks until a notification arrives, and ``stop`` cannot wake
            # it: stopping the subscription does (the iteration then ends).
            while not done.is_set():
                if stop.wait(FOLLOW_STOP_CHECK_S):
                    subscription.stop()
                    return

        watcher = threading.Thread(target=stop_subscription_when_asked, name="view-follow-stop")
        # Leaving the subscription's context stops it and joins its threads.
        with subscription:
            watcher.start()
            try:
                for notification in subscription:
                    if stop.is_set():
                        break
                    if notification.id <= covered:
                        continue  # folded by an earlier catch-up (one per batch, not per event)
                    covered = min(self.catch_up(p) for p in projections)
            finally:
                done.set()
                watcher.join()
