"""What the ledger's recorders share: the chain's writing side, the bulk-reading protocol,
the tables' names (each backend's recorder: ``sqlite``, ``postgres``, ``memory``).

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
                      before the chain existed), ``copied_from`` and
                      ``served_lineage`` (a copy made by ``service.rekey``)

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
records atomically with events. Each recorder also reads ``(position, name, bytes)``
without building eventsourcing's ``Notification`` objects (``read_raw``, and
``read_aggregate`` for one aggregate's events): the log reader's (``storage.log``) bulk
reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.storage.chain import (
    ALGORITHM_HMAC,
    ALGORITHM_PLAIN,
    ALGORITHMS,
    CHAIN_FORMAT,
    ChainLink,
    RawEvent,
    digest_of,
    key_fingerprint,
)

__all__ = [
    "CHAIN_TABLE",
    "LOG_BATCH",
    "META_TABLE",
    "Chain",
    "ChainedRecorder",
    "as_stored_bytes",
]

CHAIN_TABLE = "event_chain"
META_TABLE = "event_chain_meta"
# Rows fetched per round trip when the log is read in bulk (the log reader's pages, a
# verification's cursors): bounds memory on a log of millions of events. The one batch size
# of every reader.
LOG_BATCH = 10_000


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
        self,
        after: int,
        limit: int,
        upto: int | None = None,
        names: Sequence[str] | None = None,
    ) -> list[tuple[int, str, bytes]]:
        """Up to ``limit`` ``(position, name, stored bytes)`` after ``after`` (and not after
        ``upto``), in order; only rows stored under ``names`` when given (SQLite filters them
        in the database; PostgreSQL as it reads each page, see ``postgres``). ``upto`` is a
        position, not a count: on PostgreSQL positions may skip numbers, so
        ``limit = upto - after`` rows could reach past ``upto``. Fewer than ``limit`` rows
        means the range holds no more: a reader stops there instead of asking again."""

    def existing(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        """Which of ``originator_ids`` have any event: one query for all of them (a seek in
        the events table's primary key each), where eventsourcing's repository asks once
        per aggregate. A command asks this for its station's register of people, closed
        periods and policy, which most stations never create."""
        ...

    def read_aggregate(
        self, originator_id: UUID, limit: int | None = None, after_version: int = 0
    ) -> list[tuple[int, str, bytes]]:
        """One aggregate's ``(position, name, stored bytes)`` with versions after
        ``after_version``, in version order (which is log order: an aggregate's next version
        is always recorded after the last), the first ``limit`` only when given. Empty when
        it has none. One seek in the events table's primary key, then a range: a fund's
        statement for a period and a point-in-time balance are read this way."""


class Chain:
    """The chain's writing side: the metadata this writer would create a store with, whether
    it may extend the store it opened, and digests for newly positioned events."""

    def __init__(self, key: bytes | None, cipher_meta: Mapping[str, str] | None = None) -> None:
        self.key = key
        self.algorithm = ALGORITHM_HMAC if key else ALGORITHM_PLAIN
        self.fingerprint = key_fingerprint(key) if key else ""
        self.cipher_meta = dict(cipher_meta or {})
        # Why this writer must not extend the store's chain, if it must not.
        self.mismatch: Phrase | None = None

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
            self.mismatch = Phrase("chain_missing") if has_events else None
        elif stored.get("format", CHAIN_FORMAT) != CHAIN_FORMAT or algorithm not in ALGORITHMS:
            self.mismatch = Phrase("chain_unknown", algorithm=algorithm)
        elif algorithm == ALGORITHM_HMAC and not self.key:
            self.mismatch = Phrase("chain_keyed_record")
        elif algorithm == ALGORITHM_HMAC and stored.get("key_fingerprint") != self.fingerprint:
            self.mismatch = Phrase("chain_key_wrong")
        elif algorithm == ALGORITHM_PLAIN and self.key:
            self.mismatch = Phrase("chain_not_keyed")
        else:
            self.mismatch = None

    def require_writable(self) -> None:
        if self.mismatch:
            raise StoreError("chain_refuses_write", why=self.mismatch)

    @staticmethod
    def broken_tail(last_chained: int | None, last_before: int | None) -> StoreError:
        """The error for a log whose chain stops before its end (checked on every write)."""
        return StoreError(
            "chain_broken_tail", last_chained=last_chained or 0, last_before=last_before or 0
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


def as_stored_bytes(value: Any) -> bytes:
    """A stored event's bytes as the chain hashes them, whatever a hand edit put in the column
    (text, a number, NULL): such a row then fails its digest, as a finding, not a crash."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if value is None:
        return b""
    return str(value).encode("utf-8")
