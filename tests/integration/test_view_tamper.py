"""Every view table is audited: an edited, deleted or inserted row is a finding naming it.

The demo year is recorded into a SQLite file and into a PostgreSQL schema through the
CLI, as an auditor would receive them; then one row of one view table is edited (one
value), deleted, or a row is inserted, with the database's own tools, and
``sgz-ledger audit`` must exit 1 and name the table (and, for an edit, the row's key and
the column). An untouched store audits clean (exit 0), and ``audit`` writes nothing:
the SQLite file is byte for byte the same afterwards. To the demo year the store adds a
fund's busy month (enough events for a checkpoint) and one late entry, so that every
view table has rows to tamper with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, main
from sgz_ledger.projections.framework import Table
from sgz_ledger.projections.fund_views import CHECKPOINT_EVENTS, FundViews

TABLES = {t.name: t for t in FundViews.tables}
# The column each table's edit changes: text and numbers, a key's neighbour and a counter.
EDITED = {
    "funds": "community",
    "fund_balances": "available_fen",
    "fund_goods": "quantity",
    "fund_checkpoints": "counters",
    "fund_late_entries": "day",
}


def busy_month(url: str) -> None:
    """A checkpoint's worth of gifts to the demo's first fund in December, then one dated
    in January (a late entry): the demo alone has neither."""
    with Ledger(url, create=False) as ledger:
        fund_id = ledger.balances()[0].fund_id
        for n in range(CHECKPOINT_EVENTS):
            ledger.receive_cash(
                fund_id=fund_id,
                receipt_no=f"BUSY-{n:03d}",
                amount_fen=100 + n,
                actor="出纳",
                occurred_on=dt.date(2024, 12, 1 + n % 28),
            )
        ledger.receive_cash(
            fund_id=fund_id,
            receipt_no="BUSY-LATE",
            amount_fen=7,
            actor="出纳",
            occurred_on=dt.date(2024, 1, 31),
        )
        ledger.catch_up_views()


ACTIONS = ("edit", "delete", "insert")


class Store:
    """A demo store, and plain SQL on it (sqlite3 or psycopg), outside the ledger."""

    def __init__(self, url: str, execute: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]):
        self.url = url
        self.execute = execute
        self.schema = ""

    def name(self, table: str) -> str:
        return f'"{self.schema}"."{table}"' if self.schema else table

    @property
    def param(self) -> str:
        return "%s" if self.schema else "?"


def audit(store: Store, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    code = main(["--store", store.url, "audit", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert main(["--store", store.url, "audit"]) == code
    text = capsys.readouterr().out
    return code, report, text


def tamper(store: Store, table: Table, action: str) -> tuple[Any, ...]:
    """Do ``action`` to the first row (by key) of ``table``; returns that row's key."""
    p = store.param
    columns = table.column_names
    order = ", ".join(table.key)
    [row] = store.execute(
        f"SELECT {', '.join(columns)} FROM {store.name(table.name)} ORDER BY {order} LIMIT 1", ()
    )
    width = len(table.key)
    key = row[:width]
    where = " AND ".join(f"{c} = {p}" for c in table.key)
    if action == "edit":
        column = EDITED[table.name]
        value = row[columns.index(column)]
        changed = value + "改" if isinstance(value, str) else value + 1
        store.execute(
            f"UPDATE {store.name(table.name)} SET {column} = {p} WHERE {where}", (changed, *key)
        )
    elif action == "delete":
        store.execute(f"DELETE FROM {store.name(table.name)} WHERE {where}", key)
    else:
        last = row[width - 1]
        new_key = (*key[:-1], last + "-伪" if isinstance(last, str) else last + 1_000_000)
        store.execute(
            f"INSERT INTO {store.name(table.name)} ({', '.join(columns)}) "
            f"VALUES ({', '.join([p] * len(columns))})",
            (*new_key, *row[width:]),
        )
        key = new_key
    return key


@contextmanager
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "station.db"
    assert main(["--store", str(path), "demo"]) == EXIT_OK
    busy_month(str(path))

    def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with sqlite3.connect(path) as db:
            rows = db.execute(sql, params).fetchall()
        db.close()
        return rows

    yield Store(str(path), execute)


@contextmanager
def postgres_store(pg_url: str) -> Iterator[Store]:
    import psycopg

    assert main(["--store", pg_url, "demo"]) == EXIT_OK
    busy_month(pg_url)

    def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
            cursor = conn.execute(sql, params)  # type: ignore[arg-type]
            return list(cursor.fetchall()) if cursor.description else []

    store = Store(pg_url, execute)
    store.schema = pg_url.rsplit("schema=", 1)[1]
    yield store


@pytest.fixture(params=["sqlite", "postgres"])
def demo_store(
    request: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Iterator[Store]:
    if request.param == "sqlite":
        with sqlite_store(tmp_path) as store:
            capsys.readouterr()
            yield store
    else:
        with postgres_store(request.getfixturevalue("pg_url")) as store:
            capsys.readouterr()
            yield store


def test_an_untouched_store_audits_clean_and_is_left_as_it_was(
    demo_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint(demo_store)
    code, report, text = audit(demo_store, capsys)
    assert code == EXIT_OK, report
    assert report["ok"] is True
    assert report["tables"] == len(TABLES)
    assert report["rows"] > len(TABLES)
    assert report["lag"] == 0
    assert "相符" in text
    assert _fingerprint(demo_store) == before


def _fingerprint(store: Store) -> str:
    """The SQLite file's bytes; every view table's rows and the views' bookkeeping."""
    if not store.schema:
        return hashlib.sha256(Path(store.url).read_bytes()).hexdigest()
    parts = [
        repr(sorted(store.execute(f"SELECT * FROM {store.name(t)}", ())))
        for t in (*TABLES, "view_versions", "view_tracking")
    ]
    return hashlib.sha256("".join(parts).encode()).hexdigest()


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_tampered_view_row_is_found_by_table_key_and_column(
    demo_store: Store, capsys: pytest.CaptureFixture[str], table: str, action: str
) -> None:
    key = tamper(demo_store, TABLES[table], action)
    code, report, text = audit(demo_store, capsys)
    assert code == EXIT_FINDING
    assert report["ok"] is False
    mine = [d for d in report["differences"] if d["table"] == table]
    assert mine, report["differences"]
    assert table in text
    found = {(tuple(d["key"]), d["column"]) for d in mine}
    if action == "edit":
        assert (key, EDITED[table]) in found
    else:
        assert (key, "") in found
        [row] = [d for d in mine if tuple(d["key"]) == key]
        assert (row["replayed"], row["view"]) == (
            ("present", "absent") if action == "delete" else ("absent", "present")
        )
    # The views are where they were (audit moved nothing) and a rebuild repairs them.
    assert report["position"] == report["log_position"]
    assert main(["--store", demo_store.url, "rebuild"]) == EXIT_OK
    capsys.readouterr()
    assert audit(demo_store, capsys)[0] == EXIT_OK


def test_the_views_bookkeeping_is_audited_too(
    demo_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    p = demo_store.param
    tracking = "view_tracking" if demo_store.schema else "tracking"
    versions = demo_store.name("view_versions")
    # Another version stored: the tables are not this code's, a finding that says so.
    demo_store.execute(f"UPDATE {versions} SET version = version + 1", ())
    code, report, text = audit(demo_store, capsys)
    assert code == EXIT_FINDING
    assert [(d["table"], d["column"]) for d in report["differences"]] == [
        ("view_versions", "version")
    ]
    assert "rebuild" in text
    # An earlier version's views (a store not yet upgraded): said, not compared, no finding.
    demo_store.execute(f"UPDATE {versions} SET version = version - 2", ())
    code, report, text = audit(demo_store, capsys)
    assert code == EXIT_OK
    assert report["views_version"] == FundViews.version - 1
    assert "earlier version" in text
    demo_store.execute(f"UPDATE {versions} SET version = version + 1", ())
    # A row for no projection, in either table.
    demo_store.execute(f"INSERT INTO {versions} (name, version) VALUES ({p}, {p})", ("x", 1))
    demo_store.execute(
        f"INSERT INTO {demo_store.name(tracking)} (application_name, notification_id) "
        f"VALUES ({p}, {p})",
        ("x", 3),
    )
    code, report, _ = audit(demo_store, capsys)
    assert code == EXIT_FINDING
    assert {(d["table"], tuple(d["key"])) for d in report["differences"]} == {
        ("view_versions", ("x",)),
        (tracking, ("x",)),
    }
    demo_store.execute(f"DELETE FROM {versions} WHERE name = {p}", ("x",))
    demo_store.execute(
        f"DELETE FROM {demo_store.name(tracking)} WHERE application_name = {p}", ("x",)
    )
    assert audit(demo_store, capsys)[0] == EXIT_OK
    # A position past the log's end.
    demo_store.execute(
        f"UPDATE {demo_store.name(tracking)} SET notification_id = notification_id + 5", ()
    )
    code, report, _ = audit(demo_store, capsys)
    assert code == EXIT_FINDING
    assert (tracking, ("fund_views",), "notification_id") in {
        (d["table"], tuple(d["key"]), d["column"]) for d in report["differences"]
    }
    # The old statement table, made again: a retired table must not be there.
    demo_store.execute(
        f"UPDATE {demo_store.name(tracking)} SET notification_id = notification_id - 5", ()
    )
    demo_store.execute(f"CREATE TABLE {demo_store.name('fund_entries')} (donor TEXT)", ())
    code, report, _ = audit(demo_store, capsys)
    assert code == EXIT_FINDING
    assert [d["table"] for d in report["differences"]] == ["fund_entries"]
