"""The one place that decides the backend: memory, a SQLite file (or SQLite in memory), or
PostgreSQL.

``open_backend`` is called once, by the ``Ledger``, with the store's settings and
eventsourcing's infrastructure factory (built from the same settings). The ``Backend`` it
returns makes everything that differs by backend: the application recorder with the hash
chain, the tracking recorder and SQL dialect of the views, the subject-key table, and
whether the store can wake a follower (PostgreSQL's LISTEN/NOTIFY). Nothing else in the
library tests a class name, a dialect or a store kind to decide which to use.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from eventsourcing.sqlite import SQLiteDatastore, SQLiteTrackingRecorder

from sgz_ledger.storage.memory import ChainedPOPOApplicationRecorder
from sgz_ledger.storage.recorders import ChainedRecorder
from sgz_ledger.storage.settings import StoreKind, StoreSettings
from sgz_ledger.storage.sqlite import ChainedSQLiteApplicationRecorder
from sgz_ledger.storage.subject_keys import (
    MemorySubjectKeys,
    PostgresSubjectKeys,
    SQLiteSubjectKeys,
    SubjectKeyStore,
)

__all__ = ["Backend", "Dialect", "ViewBackend", "open_backend", "private_view_backend"]


class Dialect(NamedTuple):
    """How the views' SQL is written for a backend.

    Attributes:
        param: the driver's placeholder (``?``, ``%s``).
        schema: the prefix of a table's name (``""``, or ``"schema".``).
        postgres: PostgreSQL's forms (table locks, ``COLLATE "C"``, server-side cursors)
            rather than SQLite's (``WITHOUT ROWID`` tables, a bulk load's own connection).
    """

    param: str
    schema: str
    postgres: bool


class ViewBackend(NamedTuple):
    """Where a store's views live: eventsourcing's tracking recorder (its datastore gives
    the transactions, its table the positions) and the SQL dialect; ``owned``: a private
    datastore that closing the views closes."""

    recorder: Any
    dialect: Dialect
    owned: bool


class _SQLiteViewRecorder(SQLiteTrackingRecorder):
    """eventsourcing's SQLite tracking recorder, used for its transactions and tracking."""


def private_view_backend() -> ViewBackend:
    """Views of their own, in a private in-memory SQLite database (a store in memory, or a
    reader that may not write the store's views)."""
    private = SQLiteDatastore(f"file:sgz-views-{uuid.uuid4().hex}?mode=memory&cache=shared")
    recorder = _SQLiteViewRecorder(private)
    recorder.create_table()
    return ViewBackend(recorder, Dialect("?", "", postgres=False), owned=True)


@dataclass(frozen=True)
class Backend:
    """What differs by backend, for one store.

    Attributes:
        kind: ``memory``, ``sqlite`` or ``postgres``.
        recorder: the application recorder, with the hash chain and the bulk reads.
        listens: whether a follower can wait for new events (LISTEN/NOTIFY) instead of
            polling.
    """

    kind: StoreKind
    recorder: ChainedRecorder
    listens: bool
    _datastore: Any

    def views(self, *, read_only: bool) -> ViewBackend:
        """The store's views: beside the events (a SQLite file, the PostgreSQL schema), or
        private and in memory for a store in memory. ``read_only``: nothing is created."""
        if self.kind == "sqlite":
            recorder = _SQLiteViewRecorder(self._datastore)
            if not read_only:
                recorder.create_table()
            return ViewBackend(recorder, Dialect("?", "", postgres=False), owned=False)
        if self.kind == "postgres":
            from eventsourcing.postgres import PostgresTrackingRecorder

            from sgz_ledger.storage.postgres import ddl_turn

            pg = PostgresTrackingRecorder(self._datastore, tracking_table_name="view_tracking")
            if not read_only:
                with ddl_turn(self._datastore):
                    pg.create_table()
            schema = f'"{self._datastore.schema}".'
            return ViewBackend(pg, Dialect("%s", schema, postgres=True), owned=False)
        return private_view_backend()

    def snapshot_recorder(self, infrastructure: Any) -> Any:
        """The recorder of the aggregates' snapshots: eventsourcing's, except on PostgreSQL,
        where it inserts them in binary (``storage.postgres``)."""
        if self.kind != "postgres":
            return infrastructure.aggregate_recorder(purpose="snapshots")
        from sgz_ledger.storage.postgres import PostgresSnapshotRecorder

        recorder = PostgresSnapshotRecorder(
            self._datastore,
            events_table_name=f"{infrastructure.env.name.lower() or 'stored'}_snapshots",
        )
        if infrastructure.env_create_table():
            recorder.create_table()
        return recorder

    def subject_keys(self, cipher_key: str) -> SubjectKeyStore:
        """The store's subject keys (their table is created by the first key stored)."""
        if self.kind == "sqlite":
            return SQLiteSubjectKeys(self._datastore, cipher_key)
        if self.kind == "postgres":
            return PostgresSubjectKeys(self._datastore, cipher_key)
        return MemorySubjectKeys(cipher_key)


def open_backend(
    settings: StoreSettings,
    infrastructure: Any,
    *,
    chain_key: bytes | None,
    store_meta: Mapping[str, str],
) -> Backend:
    """The backend of ``settings``, over eventsourcing's infrastructure factory.

    A writer's recorder creates a new store's tables and metadata (``store_meta`` beside the
    chain's); an existing store's are left as they are. A read-only store's connections are
    read-only and nothing is created.
    """
    if settings.kind == "memory":
        memory = ChainedPOPOApplicationRecorder(chain_key=chain_key, cipher_meta=store_meta)
        return Backend("memory", memory, listens=False, _datastore=None)
    datastore = infrastructure.datastore
    recorder: Any
    if settings.kind == "sqlite":
        if settings.read_only:
            # eventsourcing switches a file to WAL mode on its first connection: a write,
            # which a read-only connection must not attempt (a copy kept in another
            # journal mode is read as it is).
            datastore.pool.is_journal_mode_wal = True
        recorder = ChainedSQLiteApplicationRecorder(
            datastore, chain_key=chain_key, cipher_meta=store_meta
        )
    else:
        from sgz_ledger.storage.postgres import ChainedPostgresApplicationRecorder

        if settings.read_only:
            # Every transaction of this ledger's sessions is read-only: the server refuses
            # any write, whatever the code path (set before any connection opens).
            datastore.pool.kwargs["options"] = "-c default_transaction_read_only=on"
        # The table eventsourcing's PostgreSQL factory would name ("sgzledger_events").
        table = f"{infrastructure.env.name.lower() or 'stored'}_events"
        recorder = ChainedPostgresApplicationRecorder(
            datastore, events_table_name=table, chain_key=chain_key, cipher_meta=store_meta
        )
    if not settings.read_only:
        recorder.create_table()
    return Backend(
        settings.kind, recorder, listens=settings.kind == "postgres", _datastore=datastore
    )
