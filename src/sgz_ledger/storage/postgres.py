"""The PostgreSQL application recorder with the hash chain (see ``recorders``).

A module of its own so that psycopg is imported only when PostgreSQL is used.

Writing: a command's events and their chain digests go in one transaction, under the
``EXCLUSIVE`` lock on the events table that eventsourcing takes to keep positions in commit
order, with its ``NOTIFY`` for followers. The positions are taken from the table's own
sequence first, with the chain's last digest, so that the digests are computed before
anything is sent; then the events and the digests are inserted as binary arrays, each event
with its position. The primary key ``(originator_id, originator_version)`` refuses a version
already stored (optimistic concurrency): eventsourcing's ``IntegrityError``, nothing
written.

Reading: every bulk read fetches its rows in binary (``bytea`` as the stored bytes, not as
hex text the client decodes); the log reader's pages are one autocommit statement each,
their rows returned as fetched; verify and the scans use server-side cursors."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    InterfaceError,
    OperationalError,
    StoredEvent,
)
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresDatastore,
)
from eventsourcing.utils import retry
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from sgz_ledger.storage.chain import GENESIS, ChainLink, RawEvent
from sgz_ledger.storage.recorders import (
    CHAIN_TABLE,
    LOG_BATCH,
    META_TABLE,
    Chain,
    as_stored_bytes,
)

__all__ = ["ChainedPostgresApplicationRecorder", "PostgresSnapshotRecorder", "ddl_turn"]

# PostgreSQL's type id of ``bytea``.
BYTEA_OID = 17


@contextmanager
def ddl_turn(datastore: PostgresDatastore) -> Iterator[None]:
    """Create a schema's tables one process at a time.

    PostgreSQL's ``CREATE ... IF NOT EXISTS``, run by two sessions at once on a new schema,
    can fail with "tuple concurrently updated" or a duplicate ``pg_type`` key: so several
    writers starting together on a new store (a district's) take turns. The turn is a
    session advisory lock, keyed by the schema, on a connection of its own; that session
    commits at once, so it is never idle in a transaction while the tables are created.
    """
    key = f"sgz-ledger tables {datastore.schema}"
    with datastore.get_connection() as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        conn.commit()
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))
            conn.commit()


class ChainedPostgresApplicationRecorder(PostgresApplicationRecorder):
    """eventsourcing's PostgreSQL application recorder, with the hash chain and bulk reads."""

    # The position sequence skips numbers after rolled-back inserts.
    contiguous_positions = False

    def __init__(
        self,
        datastore: PostgresDatastore,
        *,
        events_table_name: str = "stored_events",
        chain_key: bytes | None = None,
        cipher_meta: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        self._chain = Chain(chain_key, cipher_meta)
        schema = Identifier(self.datastore.schema)
        self._chain_table = SQL("{0}.{1}").format(schema, Identifier(CHAIN_TABLE))
        self._meta_table = SQL("{0}.{1}").format(schema, Identifier(META_TABLE))
        self._events_table = SQL("{0}.{1}").format(schema, Identifier(self.events_table_name))
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} "
                "(position bigint PRIMARY KEY, digest bytea NOT NULL)"
            ).format(self._chain_table)
        )
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (name text PRIMARY KEY, value text NOT NULL)"
            ).format(self._meta_table)
        )
        # The writing statements (``insert_events``). Positions are the sequence's next
        # ``count`` values, taken with the chain's last row and the log's last position.
        self._position_sequence: str | None = None
        self._reserve_sql = SQL(
            "SELECT (SELECT MAX(notification_id) FROM {0}), c.position, c.digest, "
            "ARRAY(SELECT nextval(%s::regclass) FROM generate_series(1, %s)) "
            "FROM (SELECT 1) AS one LEFT JOIN "
            "(SELECT position, digest FROM {1} ORDER BY position DESC LIMIT 1) AS c ON TRUE"
        ).format(self._events_table, self._chain_table)
        self._insert_sql = SQL(
            "INSERT INTO {0} (originator_id, originator_version, topic, state, notification_id) "
            "SELECT * FROM unnest(%b::uuid[], %b::bigint[], %b::text[], %b::bytea[], %b::bigint[])"
        ).format(self._events_table)
        self._insert_links_sql = SQL(
            "INSERT INTO {0} (position, digest) SELECT * FROM unnest(%b::bigint[], %b::bytea[])"
        ).format(self._chain_table)
        # The bulk reads' statements. A NULL topic or state (only a hand edit makes one)
        # is read as empty: a row that then fails its digest or its decoding, as a finding.
        #
        # A page is ``notification_id > after ... LIMIT n`` and nothing more: ``upto`` and
        # a filter on names are applied to its rows. With either in the SQL, a table without
        # statistics (never analyzed: a fresh load, or autovacuum off) is planned as a
        # bitmap scan of every row after ``after`` and a sort, page after page, which makes
        # a whole read quadratic; without them, ``LIMIT`` makes the index's order the plan.
        self._read_raw_sql = SQL(
            "SELECT notification_id, topic, COALESCE(state, '') FROM {0} "
            "WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
        ).format(self._events_table)
        # The aggregate's id as its 16 bytes (``uuid_send``): no UUID object per row.
        self._scan_events_sql = SQL(
            "SELECT notification_id, uuid_send(originator_id), originator_version, "
            "COALESCE(topic, ''), COALESCE(state, '') FROM {0}"
        ).format(self._events_table)
        self._scan_links_sql = SQL("SELECT position, digest FROM {0}").format(self._chain_table)

    def _inspect(self) -> tuple[dict[str, str], bool]:
        """The store's metadata and whether it holds events, read without creating anything."""
        with self.datastore.transaction(commit=False) as curs:
            curs.row_factory = tuple_row  # type: ignore[assignment]
            schema = self.datastore.schema
            curs.execute(
                "SELECT to_regclass(%s), to_regclass(%s)",
                (f'"{schema}"."{self.events_table_name}"', f'"{schema}"."{META_TABLE}"'),
            )
            row: Any = curs.fetchone()
            events_exist, meta_exists = (row[0], row[1]) if row else (None, None)
            has_events = False
            if events_exist is not None:
                curs.execute(SQL("SELECT 1 FROM {0} LIMIT 1").format(self._events_table))
                has_events = curs.fetchone() is not None
            stored: dict[str, str] = {}
            if meta_exists is not None:
                curs.execute(SQL("SELECT name, value FROM {0}").format(self._meta_table))
                stored = {str(r[0]): str(r[1]) for r in curs.fetchall()}  # type: ignore[index]
        return stored, has_events

    def create_table(self) -> None:
        """A writer's opening: create a new store's tables and metadata; on a store that
        holds events, create and change nothing (only check that this writer may extend it)."""
        stored, has_events = self._inspect()
        if has_events:
            self._chain.check(stored)
            return
        with ddl_turn(self.datastore):
            super().create_table()
        with self.datastore.transaction(commit=True) as curs:
            # The events table's lock: two writers creating one store take turns; the
            # first one's metadata stays and the other checks itself against it.
            self._lock_table(curs)
            curs.row_factory = tuple_row  # type: ignore[assignment]
            curs.executemany(
                SQL(
                    "INSERT INTO {0} (name, value) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING"
                ).format(self._meta_table),
                list(self._chain.wanted_meta().items()),
            )
            curs.execute(SQL("SELECT name, value FROM {0}").format(self._meta_table))
            stored = {str(row[0]): str(row[1]) for row in curs.fetchall()}  # type: ignore[index]
        self._chain.check(stored, has_events=False)

    def pin_meta(self, rows: Mapping[str, str]) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.executemany(
                SQL(
                    "INSERT INTO {0} (name, value) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING"
                ).format(self._meta_table),
                list(rows.items()),
            )

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """Write ``stored_events`` and their chain rows in one transaction; their positions.

        Under eventsourcing's ``EXCLUSIVE`` lock on the events table (positions in commit
        order) and with its ``NOTIFY`` (followers wake), the positions are taken from the
        table's own sequence, then the events and their digests go in as binary arrays
        (``unnest``), each row with its position: two round trips, the commit included.
        eventsourcing's own insert sends the events as a text array of a composite type,
        which psycopg escapes in Python, value by value; this skips that. A version that
        is already stored fails the primary key: eventsourcing's ``IntegrityError``,
        nothing written.
        """
        self._chain.require_writable()
        if not stored_events:
            return []
        count = len(stored_events)
        columns = (
            _uuids(stored_events),
            [s.originator_version for s in stored_events],
            [s.topic for s in stored_events],
            [s.state for s in stored_events],
        )
        sequence = self._sequence()
        with (
            self.datastore.get_connection() as conn,
            conn.cursor(row_factory=tuple_row, binary=True) as curs,
            conn.pipeline() as pipeline,
            conn.transaction(),
        ):
            self._lock_table(curs)  # type: ignore[arg-type]
            self._notify_channel(curs)  # type: ignore[arg-type]
            curs.execute(self._reserve_sql, (sequence, count), prepare=True)
            pipeline.sync()
            found = curs.fetchone()
            assert found is not None
            before, chained, digest = found[0], found[1], found[2]
            ids: list[int] = found[3]
            # The chain must reach the log's last event (positions may skip numbers here,
            # so it is asked, not computed).
            if chained != before:
                raise Chain.broken_tail(chained, before)
            # The events go first: the server inserts them while the digests are computed.
            curs.execute(self._insert_sql, (*columns, ids), prepare=True)
            links = self._chain.links(GENESIS if digest is None else digest, ids, stored_events)
            curs.execute(self._insert_links_sql, (ids, [d for _, d in links]), prepare=True)
            # Run the inserts now, so that a version already stored is an IntegrityError
            # here rather than a failed commit (eventsourcing syncs at the same point).
            pipeline.sync()
            self._fetch_ids_after_insert_events(curs, stored_events, notification_ids=ids)
        return ids

    def _fetch_ids_after_insert_events(
        self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """eventsourcing's hook between a write's inserts and its commit: every row of the
        write is in, uncommitted. The positions were taken before the insert
        (``notification_ids``), so there is nothing to fetch."""
        ids: list[int] = kwargs["notification_ids"]
        return ids

    def _sequence(self) -> str:
        """The events table's position sequence (its ``bigserial``), asked once."""
        if self._position_sequence is None:
            with self.datastore.get_connection() as conn:
                row = conn.execute(
                    "SELECT pg_get_serial_sequence(%s, 'notification_id') AS name",
                    (f'"{self.datastore.schema}"."{self.events_table_name}"',),
                ).fetchone()
            assert row is not None
            self._position_sequence = str(row["name"])
        return self._position_sequence

    # ---- reading ------------------------------------------------------------------------

    def chain_meta(self) -> dict[str, str]:
        return self._inspect()[0]

    def exists(self) -> bool:
        with self.datastore.transaction(commit=False) as curs:
            curs.row_factory = tuple_row  # type: ignore[assignment]
            curs.execute(
                "SELECT to_regclass(%s)", (f'"{self.datastore.schema}"."{self.events_table_name}"',)
            )
            row: Any = curs.fetchone()
            return row is not None and row[0] is not None

    @contextmanager
    def verify_scan(self) -> Iterator[tuple[Iterator[RawEvent], Iterator[ChainLink]]]:
        # Two binary server-side cursors in one REPEATABLE READ transaction: one snapshot
        # of the log and its chain (under READ COMMITTED each cursor would see its own
        # moment).
        schema = self.datastore.schema
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(force_rollback=True),
        ):
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            row = conn.execute(
                "SELECT to_regclass(%s) IS NOT NULL AS events, "
                "to_regclass(%s) IS NOT NULL AS chain",
                (f'"{schema}"."{self.events_table_name}"', f'"{schema}"."{CHAIN_TABLE}"'),
                prepare=False,
            ).fetchone()
            events_exist = row is not None and bool(row["events"])
            chain_exists = row is not None and bool(row["chain"])
            with (
                conn.cursor(
                    name="sgz_verify_events", row_factory=_raw_event, binary=True
                ) as events,
                conn.cursor(name="sgz_verify_links", row_factory=_chain_link, binary=True) as links,
            ):
                events.itersize = links.itersize = LOG_BATCH
                if events_exist:
                    events.execute(self._scan_events_sql + SQL(" ORDER BY notification_id"))
                if chain_exists:
                    links.execute(self._scan_links_sql + SQL(" ORDER BY position"))
                yield (
                    _fetched(events) if events_exist else iter(()),
                    _fetched(links) if chain_exists else iter(()),
                )

    def read_raw(
        self,
        after: int,
        limit: int,
        upto: int | None = None,
        names: Sequence[str] | None = None,
    ) -> list[tuple[int, str, bytes]]:
        if upto is not None and upto <= after:
            return []
        if names is None:
            return self._page(after, limit, upto)
        # Names are filtered here, page by page, until ``limit`` rows are found.
        wanted = frozenset(names)
        found: list[tuple[int, str, bytes]] = []
        while len(found) < limit:
            page = self._page(after, LOG_BATCH, upto)
            found += [row for row in page if row[1] in wanted]
            if len(page) < LOG_BATCH:
                break
            after = page[-1][0]
        return found[:limit]

    def _page(self, after: int, limit: int, upto: int | None) -> list[tuple[int, str, bytes]]:
        """Up to ``limit`` rows after ``after``, not after ``upto``: one statement in
        autocommit (one round trip, no BEGIN and ROLLBACK), its rows in binary (``bytea``
        comes as the stored bytes, not hex text to decode), returned as fetched."""
        if upto is not None:
            # No more rows than positions up to ``upto`` can be in it.
            limit = min(limit, upto - after)
        with (
            self.datastore.get_connection() as conn,
            conn.cursor(row_factory=tuple_row, binary=True) as curs,
        ):
            curs.execute(self._read_raw_sql, (after, limit), prepare=True)
            rows = _as_stored(curs, curs.fetchall())
        if upto is not None:
            # Positions skip numbers: the last rows may be past ``upto``.
            while rows and rows[-1][0] > upto:
                rows.pop()
        return rows

    def existing(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        if not originator_ids:
            return set()
        with (
            self.datastore.get_connection() as conn,
            conn.cursor(row_factory=tuple_row, binary=True) as curs,
        ):
            # Each id's first version, by the primary key: one seek per id, one query.
            curs.execute(
                SQL(
                    "SELECT originator_id FROM {0} WHERE originator_version = 1 "
                    "AND originator_id = ANY(%s)"
                ).format(self._events_table),
                (list(originator_ids),),
                prepare=True,
            )
            return {r[0] for r in curs.fetchall()}

    def read_aggregate(
        self, originator_id: UUID, limit: int | None = None, after_version: int = 0
    ) -> list[tuple[int, str, bytes]]:
        with (
            self.datastore.get_connection() as conn,
            conn.cursor(row_factory=tuple_row, binary=True) as curs,
        ):
            curs.execute(
                SQL(
                    "SELECT notification_id, topic, COALESCE(state, '') FROM {0} "
                    "WHERE originator_id = %s AND originator_version > %s "
                    "ORDER BY originator_version LIMIT %s"
                ).format(self._events_table),
                (originator_id, after_version, limit),  # LIMIT NULL: no limit
                prepare=True,
            )
            return _as_stored(curs, curs.fetchall())

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        yield from self._scan(
            self._scan_events_sql + SQL(" WHERE notification_id > %s"),
            "notification_id",
            after,
            upto,
            _raw_event,
        )

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        yield from self._scan(
            self._scan_links_sql + SQL(" WHERE position > %s"), "position", after, upto, _chain_link
        )

    def _scan(
        self, statement: Any, order: str, after: int, upto: int | None, make: Any
    ) -> Iterator[Any]:
        # A binary server-side cursor in one read-only transaction: a consistent
        # snapshot, streamed in batches.
        params: list[int] = [after]
        if upto is not None:
            statement = statement + SQL(" AND {0} <= %s").format(Identifier(order))
            params.append(upto)
        statement = statement + SQL(" ORDER BY {0}").format(Identifier(order))
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(force_rollback=True),
            conn.cursor(name="sgz_scan", row_factory=make, binary=True) as cursor,
        ):
            cursor.itersize = LOG_BATCH
            cursor.execute(statement, params)
            yield from _fetched(cursor)


class PostgresSnapshotRecorder(PostgresAggregateRecorder):
    """eventsourcing's PostgreSQL recorder of snapshots, inserting them as binary arrays.

    A fund's snapshot holds its whole history (hundreds of kilobytes for a large fund);
    eventsourcing's insert sends it inside a text array of a composite type, hex-encoded and
    escaped by psycopg in Python, which made the snapshots of an import four times as slow
    as on SQLite.
    """

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str) -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        table = SQL("{0}.{1}").format(
            Identifier(self.datastore.schema), Identifier(self.events_table_name)
        )
        self._insert_sql = SQL(
            "INSERT INTO {0} (originator_id, originator_version, topic, state) "
            "SELECT * FROM unnest(%b::uuid[], %b::bigint[], %b::text[], %b::bytea[])"
        ).format(table)

    def create_table(self) -> None:
        """eventsourcing's tables, created in this schema's turn (``ddl_turn``)."""
        with ddl_turn(self.datastore):
            super().create_table()

    def _insert_stored_events(
        self, curs: Any, stored_events: Sequence[StoredEvent], **_: Any
    ) -> None:
        curs.execute(
            self._insert_sql,
            (
                _uuids(stored_events),
                [s.originator_version for s in stored_events],
                [s.topic for s in stored_events],
                [s.state for s in stored_events],
            ),
        )


def _fetched(cursor: Any) -> Iterator[Any]:
    """A server-side cursor's rows, fetched ``LOG_BATCH`` at a time."""
    fetch = cursor.fetchmany
    while rows := fetch(LOG_BATCH):
        yield from rows


def _state_is_bytea(cursor: Any, column: int) -> bool:
    """Whether the state column reads as ``bytea``, as eventsourcing creates it (a hand edit
    may have retyped it)."""
    return bool(cursor.description[column].type_code == BYTEA_OID)


def _as_stored(cursor: Any, rows: list[Any]) -> list[tuple[int, str, bytes]]:
    """``(position, name, state)`` rows with the state as stored bytes (``as_stored_bytes``
    when the column was retyped by hand: the row then fails its decoding, as a finding)."""
    if not rows or _state_is_bytea(cursor, 2):
        return rows
    return [(r[0], r[1], as_stored_bytes(r[2])) for r in rows]


def _raw_event(cursor: Any) -> Any:
    """Rows as ``RawEvent`` (the SELECT gives its fields in order, the id as 16 bytes)."""
    if _state_is_bytea(cursor, 4):
        return RawEvent._make
    return lambda row: RawEvent(row[0], row[1], row[2], row[3], as_stored_bytes(row[4]))


def _chain_link(cursor: Any) -> Any:
    return ChainLink._make


def _uuids(stored_events: Sequence[StoredEvent]) -> list[UUID]:
    """The events' aggregate ids as UUIDs (eventsourcing's type allows their text too)."""
    return [
        uid if isinstance(uid, UUID) else UUID(str(uid))
        for uid in (s.originator_id for s in stored_events)
    ]
