"""Every table of a store, read raw, to show that something left it byte-for-byte unchanged.

SQLite: the schema (``sqlite_master``) and every table's rows, read through a read-only
connection. PostgreSQL: every table of the store's schema and the values of its
sequences (a refused insert would still move a sequence). Rows are sorted by their
``repr`` so that two dumps of the same content compare equal whatever order the database
returns them in; values are compared as stored (bytes as bytes).
"""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import parse_qs, urlparse

Dump = dict[str, list[tuple[Any, ...]]]


def dump_store(url: str) -> Dump:
    """The raw content of the store at ``url`` (a SQLite file path or a PostgreSQL URL)."""
    if url.startswith("postgresql://"):
        return _dump_postgres(url)
    return _dump_sqlite(url)


def _rows(rows: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in rows), key=repr)


def _dump_sqlite(path: str) -> Dump:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        schema = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        dump: Dump = {"<schema>": _rows(schema)}
        for kind, name, _, _ in schema:
            if kind == "table":
                dump[name] = _rows(connection.execute(f'SELECT * FROM "{name}"').fetchall())
        assert len(dump) > 1, f"no table in {path}"
        return dump
    finally:
        connection.close()


def _dump_postgres(url: str) -> Dump:
    import psycopg

    parts = urlparse(url)
    schema = parse_qs(parts.query)["schema"][0]
    with psycopg.connect(
        host=parts.hostname, port=parts.port, dbname=parts.path.lstrip("/"), user=parts.username
    ) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                "ORDER BY table_name",
                (schema,),
            ).fetchall()
        ]
        assert tables, f"no table in schema {schema}"
        dump: Dump = {
            table: _rows(connection.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall())
            for table in tables
        }
        dump["<sequences>"] = _rows(
            connection.execute(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = %s",
                (schema,),
            ).fetchall()
        )
        return dump


def differences(before: Dump, after: Dump) -> list[str]:
    """What changed between two dumps, table by table (empty when nothing did)."""
    changed = []
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table), after.get(table)
        if old != new:
            added = [row for row in new or [] if row not in (old or [])]
            removed = [row for row in old or [] if row not in (new or [])]
            changed.append(f"{table}: +{added[:3]} -{removed[:3]}")
    return changed
