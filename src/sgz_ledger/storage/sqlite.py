"""The SQLite application recorder with the hash chain (see ``recorders``).

eventsourcing's SQLite recorder, writing a command's events and their chain digests in one
transaction; it inserts a command's events with one ``executemany`` instead of eventsourcing's
row-by-row ``execute`` (the positions are then read back once and checked), which keeps bulk
imports near SQLite's own insert rate; and ``read_raw`` reads ``(position, name, bytes)``
without building eventsourcing's ``Notification`` objects, for replays and catch-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from sgz_ledger.storage.chain import GENESIS, ChainLink, RawEvent
from sgz_ledger.storage.recorders import (
    CHAIN_TABLE,
    LOG_BATCH,
    META_TABLE,
    Chain,
    as_stored_bytes,
)

__all__ = ["ChainedSQLiteApplicationRecorder"]


class ChainedSQLiteApplicationRecorder(SQLiteApplicationRecorder):
    """eventsourcing's SQLite application recorder, with the hash chain and bulk reads."""

    contiguous_positions = True

    def __init__(
        self,
        datastore: SQLiteDatastore,
        events_table_name: str = "stored_events",
        *,
        chain_key: bytes | None = None,
        cipher_meta: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(datastore, events_table_name)
        self._chain = Chain(chain_key, cipher_meta)
        t = self.events_table_name
        self._max_rowid = f"SELECT MAX(rowid) FROM {t}"
        self._rowid_of = f"SELECT rowid FROM {t} WHERE originator_id = ? AND originator_version = ?"

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {CHAIN_TABLE} "
            "(position INTEGER PRIMARY KEY, digest BLOB NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {META_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]

    def _inspect(self) -> tuple[dict[str, str], bool]:
        """The store's metadata and whether it holds events, read without creating anything."""
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {row[0] for row in c.fetchall()}
            has_events = False
            if self.events_table_name in tables:
                c.execute(f"SELECT 1 FROM {self.events_table_name} LIMIT 1")
                has_events = c.fetchone() is not None
            stored: dict[str, str] = {}
            if META_TABLE in tables:
                c.execute(f"SELECT name, value FROM {META_TABLE}")
                stored = {row[0]: row[1] for row in c.fetchall()}
        return stored, has_events

    def create_table(self) -> None:
        """A writer's opening: create a new store's tables and metadata; on a store that
        holds events, create and change nothing (only check that this writer may extend it)."""
        stored, has_events = self._inspect()
        if has_events:
            self._chain.check(stored)
            return
        super().create_table()
        with self.datastore.transaction(commit=True) as c:
            # INSERT OR IGNORE: of two writers creating one store at once, the first one's
            # metadata stays and the other checks itself against it.
            c.executemany(
                f"INSERT OR IGNORE INTO {META_TABLE} (name, value) VALUES (?, ?)",
                list(self._chain.wanted_meta().items()),
            )
            c.execute(f"SELECT name, value FROM {META_TABLE}")
            stored = {row[0]: row[1] for row in c.fetchall()}
        self._chain.check(stored, has_events=False)

    def pin_meta(self, rows: Mapping[str, str]) -> None:
        with self.datastore.transaction(commit=True) as c:
            c.executemany(
                f"INSERT OR IGNORE INTO {META_TABLE} (name, value) VALUES (?, ?)",
                list(rows.items()),
            )

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **_: Any
    ) -> Sequence[int] | None:
        self._chain.require_writable()
        if not stored_events:
            return []
        c.executemany(self.insert_events_statement, _sqlite_rows(stored_events))
        # Positions: SQLite gives each new row the largest rowid so far plus one, and
        # this transaction holds the write lock, so the rows just inserted have the
        # last len(stored_events) positions. Checked at both ends, not assumed.
        c.execute(self._max_rowid)
        last = int(c.fetchone()[0])
        first = last - len(stored_events) + 1
        head = stored_events[0]
        c.execute(
            self._rowid_of,
            (
                head.originator_id.hex
                if isinstance(head.originator_id, UUID)
                else head.originator_id,
                head.originator_version,
            ),
        )
        assert c.fetchone()[0] == first, "SQLite did not number the new rows consecutively"
        positions = range(first, last + 1)
        c.execute(f"SELECT position, digest FROM {CHAIN_TABLE} ORDER BY position DESC LIMIT 1")
        found = c.fetchone()
        # The chain must reach the event just before these (positions are contiguous here).
        if (found[0] if found is not None else 0) != first - 1:
            raise Chain.broken_tail(found[0] if found is not None else None, first - 1)
        prev = GENESIS if found is None else bytes(found[1])
        c.executemany(
            f"INSERT INTO {CHAIN_TABLE} (position, digest) VALUES (?, ?)",
            self._chain.links(prev, positions, stored_events),
        )
        return list(positions)

    # ---- reading ------------------------------------------------------------------------

    def chain_meta(self) -> dict[str, str]:
        return self._inspect()[0]

    def exists(self) -> bool:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                (self.events_table_name,),
            )
            return c.fetchone() is not None

    @contextmanager
    def verify_scan(self) -> Iterator[tuple[Iterator[RawEvent], Iterator[ChainLink]]]:
        # Two cursors of one connection in one read transaction: one snapshot of both.
        with self.datastore.transaction(commit=False) as c:
            connection = c.sqlite_cursor.connection
            c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {row[0] for row in c.fetchall()}
            events = connection.cursor()
            links = connection.cursor()
            for cursor in (events, links):
                cursor.row_factory = None
            if self.events_table_name in tables:
                events.execute(
                    f"SELECT rowid, originator_id, originator_version, topic, state "
                    f"FROM {self.events_table_name} ORDER BY rowid"
                )
            if CHAIN_TABLE in tables:
                links.execute(f"SELECT position, digest FROM {CHAIN_TABLE} ORDER BY position")

            def rows(cursor: Any, make: Any) -> Iterator[Any]:
                if cursor.description is None:
                    return
                while batch := cursor.fetchmany(LOG_BATCH):
                    for row in batch:
                        yield make(row)

            try:
                yield rows(events, _sqlite_raw), rows(links, ChainLink._make)
            finally:
                events.close()
                links.close()

    def read_raw(
        self,
        after: int,
        limit: int,
        upto: int | None = None,
        names: Sequence[str] | None = None,
    ) -> list[tuple[int, str, bytes]]:
        where = "rowid > ?"
        params: list[int | str] = [after]
        if upto is not None:
            where += " AND rowid <= ?"
            params.append(upto)
        if names is not None:
            where += f" AND topic IN ({', '.join('?' * len(names))})"
            params.extend(names)
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            # Plain tuples, not eventsourcing's sqlite3.Row objects: this is the hot path
            # of every replay and catch-up, and the rows are returned as they come.
            cursor.row_factory = None
            cursor.execute(
                f"SELECT rowid, topic, state FROM {self.events_table_name} "
                f"WHERE {where} ORDER BY rowid LIMIT ?",
                (*params, limit),
            )
            rows: list[tuple[int, str, bytes]] = cursor.fetchall()
            return rows

    def existing(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        if not originator_ids:
            return set()
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            cursor.row_factory = None
            # Each id's first version, by the primary key: one seek per id, one query.
            cursor.execute(
                f"SELECT originator_id FROM {self.events_table_name} WHERE originator_version = 1 "
                f"AND originator_id IN ({', '.join('?' * len(originator_ids))})",
                [uid.hex for uid in originator_ids],
            )
            return {UUID(row[0]) for row in cursor.fetchall()}

    def read_aggregate(
        self, originator_id: UUID, limit: int | None = None, after_version: int = 0
    ) -> list[tuple[int, str, bytes]]:
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            cursor.row_factory = None  # plain tuples, as read_raw
            # eventsourcing stores a UUID as its 32 hex digits; the primary key
            # (originator_id, originator_version) gives the rows in version order.
            cursor.execute(
                f"SELECT rowid, topic, state FROM {self.events_table_name} "
                "WHERE originator_id = ? AND originator_version > ? "
                "ORDER BY originator_version LIMIT ?",
                (originator_id.hex, after_version, -1 if limit is None else limit),
            )
            rows: list[tuple[int, str, bytes]] = cursor.fetchall()
            return rows

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        statement = (
            f"SELECT rowid, originator_id, originator_version, topic, state "
            f"FROM {self.events_table_name} WHERE rowid > ?"
        )
        yield from self._scan(statement, after, upto, "rowid", _sqlite_raw)

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        statement = f"SELECT position, digest FROM {CHAIN_TABLE} WHERE position > ?"
        yield from self._scan(statement, after, upto, "position", ChainLink._make)

    def _scan(
        self, statement: str, after: int, upto: int | None, order: str, make: Any
    ) -> Iterator[Any]:
        # One read transaction for the whole scan: a consistent snapshot of the log
        # (WAL readers do not block writers), fetched in batches to bound memory.
        params: list[int] = [after]
        if upto is not None:
            statement += f" AND {order} <= ?"
            params.append(upto)
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            cursor.row_factory = None  # plain tuples (verify and backfill read every row)
            cursor.execute(statement + f" ORDER BY {order}", params)
            fetch = cursor.fetchmany
            while True:
                rows = fetch(LOG_BATCH)
                if not rows:
                    return
                for row in rows:
                    yield make(row)


def _sqlite_rows(stored_events: Sequence[StoredEvent]) -> list[tuple[str, int, str, bytes]]:
    """eventsourcing's row parameters for ``stored_events``, each aggregate id's hex made
    once (``UUID.hex`` is Python code; a command's events come grouped by aggregate)."""
    rows = []
    last_uid: Any = None
    uid_text = ""
    for s in stored_events:
        uid = s.originator_id
        if uid is not last_uid:
            last_uid = uid
            uid_text = uid.hex if isinstance(uid, UUID) else uid
        rows.append((uid_text, s.originator_version, s.topic, s.state))
    return rows


def _sqlite_raw(row: Any) -> RawEvent:
    # eventsourcing keeps a UUID as 32 hex digits: their bytes are the UUID's bytes
    # (bytes.fromhex is several times cheaper than building a UUID per row).
    state = row[4]
    return RawEvent(
        row[0],
        bytes.fromhex(row[1]),
        row[2],
        row[3],
        state if type(state) is bytes else as_stored_bytes(state),
    )
