"""PostgreSQL's own limits, shared by the suite (``measure``) and the district (``district``).

What the server does at best with the same rows, through psycopg and nothing of the library:
a read of the log through a binary server-side cursor or binary keyset pages, and an insert
of the stored rows by ``executemany`` or binary ``COPY``, into a table of eventsourcing's
shape, a commit per batch. Also the throwaway schema every PostgreSQL measurement works in.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sgz_ledger.storage.settings import parse_store

__all__ = [
    "DEFAULT_URL",
    "EVENTS_TABLE",
    "connect_kwargs",
    "create_raw_table",
    "fresh_schema",
    "insert_rows",
    "scan_cursor",
    "scan_keyset",
    "unreachable_reason",
    "with_schema",
]

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
# The table the ledger's events are in (eventsourcing's PostgreSQL factory names it).
EVENTS_TABLE = "sgzledger_events"
COLUMNS = ("originator_id", "originator_version", "topic", "state")


def connect_kwargs(url: str) -> dict[str, Any]:
    """psycopg's connection arguments for a store URL, read as the ledger reads it
    (``parse_store``: its defaults, its percent-decoding, its refusals)."""
    settings = parse_store(url)
    kwargs: dict[str, Any] = {
        "host": settings.pg_host,
        "port": settings.pg_port,
        "dbname": settings.pg_dbname,
        "user": settings.pg_user,
    }
    if settings.pg_password:
        kwargs["password"] = settings.pg_password
    return kwargs


def with_schema(url: str, schema: str) -> str:
    """The store URL of ``schema`` in the database of ``url`` (its own query replaced)."""
    return url.split("?", 1)[0] + f"?schema={schema}"


def schema_of(url: str) -> str:
    return parse_store(url).pg_schema or "public"


def unreachable_reason(url: str) -> str | None:
    """``None`` when the server of ``url`` answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(connect_timeout=3, **connect_kwargs(url)) as conn:
            conn.execute("SELECT 1")
    except Exception as e:  # any failure means "not reachable" here
        return f"PostgreSQL at {url} unreachable: {e}"
    return None


@contextlib.contextmanager
def fresh_schema(url: str, prefix: str = "bench") -> Iterator[str]:
    """A new schema in the database of ``url``, dropped afterwards (its name)."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(autocommit=True, **connect_kwargs(url)) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        with psycopg.connect(autocommit=True, **connect_kwargs(url)) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def scan_cursor(
    conn: Any, schema: str, columns: str, batch: int, table: str = EVENTS_TABLE
) -> Iterator[list[tuple[Any, ...]]]:
    """Every event's ``columns`` in log order through a binary server-side cursor, in
    batches of ``batch`` rows (one transaction for the whole scan)."""
    with conn.transaction(), conn.cursor(name="bench_scan", binary=True) as cursor:
        cursor.itersize = batch
        cursor.execute(f'SELECT {columns} FROM "{schema}".{table} ORDER BY notification_id')
        while rows := cursor.fetchmany(batch):
            yield rows


def scan_keyset(
    conn: Any, schema: str, columns: str, batch: int, table: str = EVENTS_TABLE
) -> Iterator[list[tuple[Any, ...]]]:
    """Every event's ``columns`` in log order, ``batch`` rows a statement (binary, prepared,
    each page after the last position of the one before). The position is the first
    column read and is not given."""
    statement = (
        f'SELECT notification_id, {columns} FROM "{schema}".{table} '
        "WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
    )
    after = 0
    with conn.cursor(binary=True) as cursor:
        while True:
            cursor.execute(statement, (after, batch), prepare=True)
            rows = cursor.fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield [row[1:] for row in rows]


def create_raw_table(conn: Any, schema: str, table: str) -> None:
    """A table of eventsourcing's shape (its key, its position index), empty."""
    conn.execute(f'DROP TABLE IF EXISTS "{schema}".{table}')
    conn.execute(
        f'CREATE TABLE "{schema}".{table} (originator_id uuid NOT NULL, '
        "originator_version bigint NOT NULL, topic text, state bytea, "
        "notification_id bigserial, PRIMARY KEY (originator_id, originator_version))"
    )
    conn.execute(f'CREATE UNIQUE INDEX ON "{schema}".{table} (notification_id)')


def insert_rows(
    conn: Any,
    schema: str,
    table: str,
    batches: Iterable[Sequence[tuple[Any, ...]]],
    how: str = "executemany",
) -> Iterator[tuple[int, float]]:
    """Insert ``(originator_id, version, topic, state)`` rows, a commit per batch, by
    ``executemany`` or binary ``COPY``; yields ``(rows, seconds)`` per batch (the insert
    and the commit only)."""
    target = f'"{schema}".{table} ({", ".join(COLUMNS)})'
    for batch in batches:
        started = time.perf_counter()
        with conn.cursor() as cursor:
            if how == "copy":
                with cursor.copy(f"COPY {target} FROM STDIN (FORMAT BINARY)") as copy:
                    copy.set_types(["uuid", "int8", "text", "bytea"])
                    for row in batch:
                        copy.write_row(row)
            else:
                cursor.executemany(f"INSERT INTO {target} VALUES (%s, %s, %s, %s)", batch)
        conn.commit()
        yield len(batch), time.perf_counter() - started
