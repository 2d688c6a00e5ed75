"""The PostgreSQL application recorder with the hash chain (see ``recorders``).

A module of its own so that psycopg is imported only when PostgreSQL is used.
The digests are written after eventsourcing has inserted a command's events and
read back their positions, in the same transaction, while it holds the
``EXCLUSIVE`` lock on the events table that keeps positions in commit order: the
hook is ``_fetch_ids_after_insert_events``, the one eventsourcing's own
``PostgresProcessRecorder`` builds on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from psycopg import Cursor
from psycopg.rows import DictRow, tuple_row
from psycopg.sql import SQL, Identifier

from sgz_ledger.chain import GENESIS, ChainLink, RawEvent, link
from sgz_ledger.recorders import CHAIN_TABLE, META_TABLE, SCAN_BATCH, _Chain

__all__ = ["ChainedPostgresApplicationRecorder"]

# The greatest position a BIGINT holds: read_raw's bound when none is asked for.
PG_POSITION_MAX = 2**63 - 1


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
    ) -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        self._chain = _Chain(chain_key)
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

    def create_table(self) -> None:
        super().create_table()
        with self.datastore.transaction(commit=True) as curs:
            # The events table's lock: no writer runs while the chain is set up.
            self._lock_table(curs)
            curs.row_factory = tuple_row  # type: ignore[assignment]
            curs.execute(SQL("SELECT name, value FROM {0}").format(self._meta_table))
            stored = {str(row[0]): str(row[1]) for row in curs.fetchall()}  # type: ignore[index]
            if "algorithm" not in stored:
                stored = self._chain.wanted_meta()
                curs.executemany(
                    SQL(
                        "INSERT INTO {0} (name, value) VALUES (%s, %s) "
                        "ON CONFLICT (name) DO UPDATE SET value = excluded.value"
                    ).format(self._meta_table),
                    list(stored.items()),
                )
                self._chain.check(stored)
                self._backfill(curs)
            self._chain.check(stored)

    def _backfill(self, curs: Cursor[Any]) -> None:
        """Chain the events of a store written before the chain existed."""
        curs.execute(SQL("SELECT COUNT(*) FROM {0}").format(self._chain_table))
        row = curs.fetchone()
        if row is not None and row[0]:
            return
        # Streamed through a server-side cursor of the same transaction: a store of
        # millions of events must not be read at once.
        reading = curs.connection.cursor(name="sgz_backfill", row_factory=tuple_row)
        reading.execute(
            SQL(
                "SELECT notification_id, originator_id, originator_version, topic, state "
                "FROM {0} ORDER BY notification_id"
            ).format(self._events_table)
        )
        prev = GENESIS
        last = 0
        while rows := reading.fetchmany(SCAN_BATCH):
            links = []
            for r in rows:
                prev = link(prev, _pg_raw(r), self._chain.key)
                links.append((r[0], prev))
            curs.executemany(
                SQL("INSERT INTO {0} (position, digest) VALUES (%s, %s)").format(self._chain_table),
                links,
            )
            last = links[-1][0]
        reading.close()
        if last:
            # Said, not hidden: these events were chained now, not as they were written.
            curs.execute(
                SQL(
                    "INSERT INTO {0} (name, value) VALUES ('chained_late_upto', %s) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value"
                ).format(self._meta_table),
                (str(last),),
            )

    def _insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        self._chain.require_writable()
        super()._insert_events(curs, stored_events, **kwargs)

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = list(super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs) or [])
        if not ids:
            return ids
        curs.execute(
            SQL("SELECT digest FROM {0} ORDER BY position DESC LIMIT 1").format(self._chain_table)
        )
        found = curs.fetchone()
        prev = GENESIS if found is None else bytes(found["digest"])
        curs.executemany(
            SQL("INSERT INTO {0} (position, digest) VALUES (%s, %s)").format(self._chain_table),
            self._chain.links(prev, ids, stored_events),
        )
        return ids

    # ---- reading ------------------------------------------------------------------------

    def chain_meta(self) -> dict[str, str]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(SQL("SELECT name, value FROM {0}").format(self._meta_table))
            return {str(row["name"]): str(row["value"]) for row in curs.fetchall()}

    def read_raw(
        self, after: int, limit: int, upto: int | None = None
    ) -> list[tuple[int, str, bytes]]:
        last = PG_POSITION_MAX if upto is None else upto
        with self.datastore.transaction(commit=False) as curs:
            curs.row_factory = tuple_row  # type: ignore[assignment]
            curs.execute(
                SQL(
                    "SELECT notification_id, topic, state FROM {0} WHERE notification_id > %s "
                    "AND notification_id <= %s ORDER BY notification_id LIMIT %s"
                ).format(self._events_table),
                (after, last, limit),
                prepare=True,
            )
            return [(r[0], r[1], bytes(r[2])) for r in curs.fetchall()]  # type: ignore[index]

    def read_aggregate(self, originator_id: UUID) -> list[tuple[int, str, bytes]]:
        with self.datastore.transaction(commit=False) as curs:
            curs.row_factory = tuple_row  # type: ignore[assignment]
            curs.execute(
                SQL(
                    "SELECT notification_id, topic, state FROM {0} WHERE originator_id = %s "
                    "ORDER BY originator_version"
                ).format(self._events_table),
                (originator_id,),
                prepare=True,
            )
            return [(r[0], r[1], bytes(r[2])) for r in curs.fetchall()]  # type: ignore[index]

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        statement = SQL(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            "FROM {0} WHERE notification_id > %s"
        ).format(self._events_table)
        yield from self._scan(statement, "notification_id", after, upto, _pg_raw)

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        statement = SQL("SELECT position, digest FROM {0} WHERE position > %s").format(
            self._chain_table
        )
        yield from self._scan(
            statement, "position", after, upto, lambda r: ChainLink(r[0], bytes(r[1]))
        )

    def _scan(
        self, statement: Any, order: str, after: int, upto: int | None, make: Any
    ) -> Iterator[Any]:
        # A server-side cursor in one read-only transaction: a consistent snapshot,
        # streamed in batches.
        params: list[int] = [after]
        if upto is not None:
            statement = statement + SQL(" AND {0} <= %s").format(Identifier(order))
            params.append(upto)
        statement = statement + SQL(" ORDER BY {0}").format(Identifier(order))
        with (
            self.datastore.get_connection() as conn,
            conn.transaction(force_rollback=True),
            conn.cursor(name="sgz_scan", row_factory=tuple_row) as cursor,
        ):
            cursor.itersize = SCAN_BATCH
            cursor.execute(statement, params)
            for row in cursor:
                yield make(row)


def _pg_raw(row: Any) -> RawEvent:
    return RawEvent(int(row[0]), row[1].bytes, int(row[2]), str(row[3]), bytes(row[4]))
