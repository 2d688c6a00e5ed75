"""eventsourcing's application recorders, extended with the hash chain and a bulk reader.

Each recorder writes a command's events **and** their chain digests
(``sgz_ledger.storage.chain``) in one transaction, so the chain can never miss or double an
event: the digests are computed from the rows as they are written, after the
store has given them their log positions, while the writer holds the log's write
lock (SQLite's database lock; PostgreSQL's ``EXCLUSIVE`` table lock, which
eventsourcing takes to keep positions in commit order). Tables, beside
eventsourcing's ``stored_events``:

``event_chain``       ``position`` (the event's log position), ``digest`` (32 bytes)
``event_chain_meta``  ``name``, ``value``: ``format``, ``algorithm`` (``sha256`` or
                      ``hmac-sha256``), ``key_fingerprint`` (keyed chains only),
                      ``cipher`` (``none`` or ``aes-gcm``), ``cipher_key_check``
                      (encrypted stores), ``chained_late_upto`` (stores written
                      before the chain existed)

The metadata is written once, by the writer that creates the store, in the same
transaction as the tables, before any event: the chain's algorithm and key fingerprint,
and whether the events are encrypted and with which key (a check value, never the key).
Nothing rewrites it afterwards; ``sgz_ledger.storage.chain.check_meta`` says what ``verify``
finds when it was changed. Opening an existing store creates and writes nothing (and a
reader never calls ``create_table`` at all): in particular the chain is never computed
"late" over events already in the log, which would give a forger's edits fresh
digests. A writer refuses to add events to a store whose chain does not reach the end
of its log.

Why subclasses of eventsourcing's recorders rather than a wrapper: the digests must
be written inside eventsourcing's insert transaction, after positions are known;
eventsourcing's own ``ProcessRecorder`` extends the same hooks to write tracking
records atomically with events. The SQLite recorder also inserts a command's events
with one ``executemany`` instead of eventsourcing's row-by-row ``execute`` (the
positions are then read back once), which keeps bulk imports near SQLite's own
insert rate; and ``read_raw`` reads ``(position, name, bytes)`` without building
eventsourcing's ``Notification`` objects, for replays and catch-up (``read_aggregate``
the same for one aggregate's events, for the reports read from the log).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from sgz_ledger.domain.errors import StoreError
from sgz_ledger.storage.chain import (
    ALGORITHM_HMAC,
    ALGORITHM_PLAIN,
    ALGORITHMS,
    CHAIN_FORMAT,
    GENESIS,
    ChainLink,
    RawEvent,
    digest_of,
    key_fingerprint,
)

__all__ = [
    "CHAIN_TABLE",
    "META_TABLE",
    "ChainedPOPOApplicationRecorder",
    "ChainedRecorder",
    "ChainedSQLiteApplicationRecorder",
    "as_stored_bytes",
    "chained_postgres_recorder_class",
]

CHAIN_TABLE = "event_chain"
META_TABLE = "event_chain_meta"
# Rows fetched per round trip when a reader scans the whole log.
SCAN_BATCH = 10_000


class ChainedRecorder(Protocol):
    """What the ledger and the audit tools need of a recorder beyond eventsourcing's."""

    contiguous_positions: bool

    def chain_meta(self) -> dict[str, str]:
        """The store's metadata (``{}`` when it has none): ``format``, ``algorithm``,
        ``key_fingerprint``, ``cipher``, ``cipher_key_check``..."""

    def verify_scan(self) -> AbstractContextManager[tuple[Iterator[RawEvent], Iterator[ChainLink]]]:
        """The whole log and the whole chain, read in one snapshot (one read transaction):
        a write between reading the events and reading their digests cannot make an
        event look unchained."""

    def pin_meta(self, rows: Mapping[str, str]) -> None:
        """Add metadata rows the store does not have yet (``upgrade``); never changes one."""

    def exists(self) -> bool:
        """Whether the store has an events table (a reader opens only a store that does)."""

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        """Every stored event after position ``after`` (up to ``upto``), in position order."""

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        """Every chain row after position ``after`` (up to ``upto``), in position order."""

    def read_raw(
        self, after: int, limit: int, upto: int | None = None
    ) -> list[tuple[int, str, bytes]]:
        """Up to ``limit`` ``(position, name, stored bytes)`` after ``after`` (and not after
        ``upto``), in order. ``upto`` is a position, not a count: on PostgreSQL positions
        may skip numbers, so ``limit = upto - after`` rows could reach past ``upto``."""

    def read_aggregate(self, originator_id: UUID) -> list[tuple[int, str, bytes]]:
        """One aggregate's ``(position, name, stored bytes)``, in version order (which is
        log order: an aggregate's next version is always recorded after the last). Empty
        when it has no events. A fund's statement is read this way, from the log itself."""


class _Chain:
    """The chain's writing side: the metadata this writer would create a store with, whether
    it may extend the store it opened, and digests for newly positioned events."""

    def __init__(self, key: bytes | None, cipher_meta: Mapping[str, str] | None = None) -> None:
        self.key = key
        self.algorithm = ALGORITHM_HMAC if key else ALGORITHM_PLAIN
        self.fingerprint = key_fingerprint(key) if key else ""
        self.cipher_meta = dict(cipher_meta or {})
        self.mismatch = ""  # why this writer must not extend the store's chain, if it must not

    def wanted_meta(self) -> dict[str, str]:
        meta = {"format": CHAIN_FORMAT, "algorithm": self.algorithm}
        if self.fingerprint:
            meta["key_fingerprint"] = self.fingerprint
        meta.update(self.cipher_meta)
        return meta

    def check(self, stored: Mapping[str, str], *, has_events: bool = True) -> None:
        """Remember whether this writer's key fits the store's chain (raise on writing)."""
        algorithm = stored.get("algorithm")
        if algorithm is None:
            self.mismatch = (
                "this store's events are not hash-chained (its chain metadata is missing): "
                "run `sgz-ledger verify`"
                if has_events
                else ""
            )
        elif stored.get("format", CHAIN_FORMAT) != CHAIN_FORMAT or algorithm not in ALGORITHMS:
            self.mismatch = (
                f"this store's hash chain ({algorithm!r}) is not one this version writes"
            )
        elif algorithm == ALGORITHM_HMAC and not self.key:
            self.mismatch = (
                "this store's hash chain is keyed (HMAC): open it with its chain key to record"
            )
        elif algorithm == ALGORITHM_HMAC and stored.get("key_fingerprint") != self.fingerprint:
            self.mismatch = "the chain key given is not this store's chain key"
        elif algorithm == ALGORITHM_PLAIN and self.key:
            self.mismatch = (
                "this store's hash chain has no key; open it without a chain key to record"
            )
        else:
            self.mismatch = ""

    def require_writable(self) -> None:
        if self.mismatch:
            raise StoreError("nothing was recorded: " + self.mismatch)

    @staticmethod
    def broken_tail(last_chained: int | None, last_before: int | None) -> StoreError:
        """The error for a log whose chain stops before its end (checked on every write)."""
        return StoreError(
            "nothing was recorded: the store's hash chain does not reach the end of its log "
            f"(the last digest is at position {last_chained or 0}, the last event before "
            f"this write at {last_before or 0}); run `sgz-ledger verify`"
        )

    def links(
        self, prev: bytes, positions: Sequence[int], stored_events: Sequence[StoredEvent]
    ) -> list[tuple[int, bytes]]:
        # A bulk import's hot path: a command's events come grouped by aggregate and
        # share a few names, so each id's bytes and each name's UTF-8 are made once.
        key = self.key
        rows = []
        names: dict[str, bytes] = {}
        last_uid: Any = None
        uid_bytes = b""
        for position, s in zip(positions, stored_events, strict=True):
            uid = s.originator_id
            if uid is not last_uid:
                last_uid = uid
                uid_bytes = uid.bytes if isinstance(uid, UUID) else UUID(str(uid)).bytes
            name = names.get(s.topic)
            if name is None:
                name = names[s.topic] = s.topic.encode("utf-8")
            prev = digest_of(prev, position, uid_bytes, s.originator_version, name, s.state, key)
            rows.append((position, prev))
        return rows


# ---- SQLite ---------------------------------------------------------------------------------


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
        self._chain = _Chain(chain_key, cipher_meta)
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
            raise _Chain.broken_tail(found[0] if found is not None else None, first - 1)
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
                while batch := cursor.fetchmany(SCAN_BATCH):
                    for row in batch:
                        yield make(row)

            try:
                yield rows(events, _sqlite_raw), rows(links, ChainLink._make)
            finally:
                events.close()
                links.close()

    def read_raw(
        self, after: int, limit: int, upto: int | None = None
    ) -> list[tuple[int, str, bytes]]:
        bound, params = (
            ("", (after, limit)) if upto is None else (" AND rowid <= ?", (after, upto, limit))
        )
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            # Plain tuples, not eventsourcing's sqlite3.Row objects: this is the hot path
            # of every replay and catch-up, and the rows are returned as they come.
            cursor.row_factory = None
            cursor.execute(
                f"SELECT rowid, topic, state FROM {self.events_table_name} "
                f"WHERE rowid > ?{bound} ORDER BY rowid LIMIT ?",
                params,
            )
            rows: list[tuple[int, str, bytes]] = cursor.fetchall()
            return rows

    def read_aggregate(self, originator_id: UUID) -> list[tuple[int, str, bytes]]:
        with self.datastore.transaction(commit=False) as c:
            cursor = c.sqlite_cursor
            cursor.row_factory = None  # plain tuples, as read_raw
            # eventsourcing stores a UUID as its 32 hex digits; the primary key
            # (originator_id, originator_version) gives the rows in version order.
            cursor.execute(
                f"SELECT rowid, topic, state FROM {self.events_table_name} "
                "WHERE originator_id = ? ORDER BY originator_version",
                (originator_id.hex,),
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
                rows = fetch(SCAN_BATCH)
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


def as_stored_bytes(value: Any) -> bytes:
    """A stored event's bytes as the chain hashes them, whatever a hand edit put in the column
    (text, a number, NULL): such a row then fails its digest, as a finding, not a crash."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if value is None:
        return b""
    return str(value).encode("utf-8")


# ---- in memory ------------------------------------------------------------------------------


class ChainedPOPOApplicationRecorder(POPOApplicationRecorder):
    """eventsourcing's in-memory recorder, with the hash chain (for tests and dry runs)."""

    contiguous_positions = True

    def __init__(
        self, *, chain_key: bytes | None = None, cipher_meta: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self._chain = _Chain(chain_key, cipher_meta)
        self._meta = self._chain.wanted_meta()
        self._chain.check(self._meta)
        self._links: list[bytes] = []

    def _update_table(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int]:
        ids = list(super()._update_table(stored_events, **kwargs) or [])
        prev = self._links[-1] if self._links else GENESIS
        self._links.extend(d for _, d in self._chain.links(prev, ids, stored_events))
        return ids

    def chain_meta(self) -> dict[str, str]:
        return dict(self._meta)

    def pin_meta(self, rows: Mapping[str, str]) -> None:
        for name, value in rows.items():
            self._meta.setdefault(name, value)

    def exists(self) -> bool:
        return True

    @contextmanager
    def verify_scan(self) -> Iterator[tuple[Iterator[RawEvent], Iterator[ChainLink]]]:
        with self._database_lock:
            count = len(self._stored_events)
            links = list(self._links)
        yield self.scan_events(upto=count), iter([ChainLink(i + 1, d) for i, d in enumerate(links)])

    def read_raw(
        self, after: int, limit: int, upto: int | None = None
    ) -> list[tuple[int, str, bytes]]:
        end = after + limit if upto is None else min(after + limit, upto)
        with self._database_lock:
            rows = self._stored_events[after:end]
            return [(after + i + 1, s.topic, s.state) for i, s in enumerate(rows)]

    def read_aggregate(self, originator_id: UUID) -> list[tuple[int, str, bytes]]:
        with self._database_lock:
            # eventsourcing's index: the aggregate's versions -> their places in the log.
            index = self._stored_events_index.get(str(originator_id), {})
            rows = []
            for _, i in sorted(index.items()):
                s = self._stored_events[i]
                rows.append((i + 1, s.topic, s.state))
            return rows

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        with self._database_lock:
            rows = list(self._stored_events[after:upto])
        for i, s in enumerate(rows):
            uid = s.originator_id
            yield RawEvent(
                after + i + 1,
                uid.bytes if isinstance(uid, UUID) else UUID(str(uid)).bytes,
                s.originator_version,
                s.topic,
                s.state,
            )

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        with self._database_lock:
            links = list(self._links[after:upto])
        for i, digest in enumerate(links):
            yield ChainLink(after + i + 1, digest)


# ---- PostgreSQL -----------------------------------------------------------------------------


def chained_postgres_recorder_class() -> type[Any]:
    """The PostgreSQL recorder class (imported only when PostgreSQL is used)."""
    from sgz_ledger.storage.postgres import ChainedPostgresApplicationRecorder

    return ChainedPostgresApplicationRecorder
