"""PostgreSQL's own read and write paths: binary rows, positions taken before the insert.

The log reader's pages carry no upper bound in SQL (``upto`` applies to the rows): on a
table without statistics a bounded page was planned as a scan of every later row and a
sort, for every page. These tests pin the plan and the bound; the other PostgreSQL tests
(the backend matrix, concurrency, crashes, chain tampering) run the same paths.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.audit.replay import replay_events
from sgz_ledger.storage.recorders import LOG_BATCH

D = dt.date(2024, 3, 1)
GIFTS = 30


@pytest.fixture
def pg(pg_url: str) -> Iterator[tuple[Ledger, str]]:
    ledger = Ledger(pg_url, clock=FixedClock())
    open_test_fund(ledger, "F1")
    for n in range(GIFTS):
        ledger.receive_cash(
            fund_id="F1", receipt_no=f"R-{n}", amount_fen=n + 1, actor="王芳", occurred_on=D
        )
    try:
        yield ledger, pg_url.rsplit("schema=", 1)[1]
    finally:
        ledger.close()


def connect() -> psycopg.Connection[Any]:
    return psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER, autocommit=True)


def plan_nodes(plan: dict[str, Any]) -> Iterator[str]:
    yield plan["Node Type"]
    for child in plan.get("Plans", ()):
        yield from plan_nodes(child)


@pytest.mark.postgres
def test_a_page_is_read_in_the_index_order_on_a_table_never_analyzed(
    pg: tuple[Ledger, str],
) -> None:
    ledger, schema = pg
    with connect() as conn:
        # Enough rows for the planner's estimates to matter (only the plan is looked at).
        conn.execute(
            f'INSERT INTO "{schema}".sgzledger_events '
            "(originator_id, originator_version, topic, state) "
            "SELECT gen_random_uuid(), 1, 'Filler.v1', '\\x00' FROM generate_series(1, 100000)"
        )
        [(table_analyzed,)] = conn.execute(
            "SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL "
            "FROM pg_stat_user_tables WHERE schemaname = %s AND relname = 'sgzledger_events'",
            (schema,),
        ).fetchall()
        if table_analyzed:
            pytest.skip("autovacuum analyzed the table already: nothing to show")
        statement: Any = ledger.chained_recorder._read_raw_sql  # type: ignore[attr-defined]
        for after in (0, 50_000):
            [(found,)] = conn.execute(
                psycopg.sql.SQL("EXPLAIN (FORMAT JSON) ") + statement, (after, LOG_BATCH)
            ).fetchall()
            plan = (found if isinstance(found, list) else json.loads(found))[0]["Plan"]
            nodes = list(plan_nodes(plan))
            assert "Index Scan" in nodes, nodes
            assert "Sort" not in nodes, nodes


@pytest.mark.postgres
def test_a_gap_in_the_positions_does_not_carry_a_read_past_its_bound(
    pg: tuple[Ledger, str],
) -> None:
    ledger, schema = pg
    with connect() as conn:  # a rolled-back write leaves such a gap; here a deleted row
        conn.execute(f'DELETE FROM "{schema}".sgzledger_events WHERE notification_id = 10')
    recorder = ledger.chained_recorder
    up_to_12 = [*range(1, 10), 11, 12]
    assert [r[0] for r in recorder.read_raw(0, 12, 12)] == up_to_12
    assert [r[0] for r in recorder.read_raw(0, 100, 12)] == up_to_12
    assert [r[0] for r in recorder.read_raw(0, 5, 12)] == [1, 2, 3, 4, 5]
    assert [r[0] for r in recorder.read_raw(9, 1, 11)] == [11]
    assert recorder.read_raw(12, 10, 12) == []
    gifts = recorder.read_raw(0, 100, 12, ["CashDonationReceived.v1"])
    assert [r[0] for r in gifts] == up_to_12[1:]
    assert len(list(replay_events(ledger, upto=12))) == len(up_to_12)
    assert ledger.view_runner.catch_up(ledger.fund_views, until=12) == 12


@pytest.mark.postgres
def test_rows_come_as_the_stored_bytes_and_the_chain_verifies(pg: tuple[Ledger, str]) -> None:
    ledger, _ = pg
    recorder = ledger.chained_recorder
    rows = recorder.read_raw(0, 1000)
    notifications = ledger.recorder.select_notifications(start=1, limit=1000)
    assert rows == [(n.id, n.topic, n.state) for n in notifications]
    assert all(type(state) is bytes for _, _, state in rows)
    scanned = list(recorder.scan_events())
    assert [(e.position, e.topic, e.state) for e in scanned] == rows
    assert [e.originator_id for e in scanned] == [n.originator_id.bytes for n in notifications]
    report = ledger.verify()
    assert report.ok
    assert report.events == GIFTS + 1


@pytest.mark.postgres
def test_positions_follow_the_sequence_after_a_refused_write(pg: tuple[Ledger, str]) -> None:
    """A version already stored refuses the whole write; the positions it took are skipped
    and the next write chains on from the last event."""
    ledger, _ = pg
    recorder = ledger.recorder
    head = ledger.log_position()
    stored = recorder.select_notifications(start=head, limit=1)
    from eventsourcing.persistence import IntegrityError, StoredEvent

    again = StoredEvent(
        originator_id=stored[0].originator_id,
        originator_version=stored[0].originator_version,
        topic=stored[0].topic,
        state=stored[0].state,
    )
    with pytest.raises(IntegrityError):
        recorder.insert_events([again])
    assert ledger.log_position() == head
    ledger.receive_cash(
        fund_id="F1", receipt_no="R-next", amount_fen=1, actor="王芳", occurred_on=D
    )
    assert ledger.log_position() == head + 2  # the refused write's position is skipped
    assert ledger.verify().ok


@pytest.mark.postgres
def test_snapshots_are_stored_in_binary_and_read_back(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sgz_ledger.service.unit_of_work.SNAPSHOT_INTERVAL", 3)
    ledger = Ledger(pg_url, clock=FixedClock())
    try:
        open_test_fund(ledger)
        for n in range(8):
            ledger.receive_cash(
                fund_id="cz-village",
                receipt_no=f"R-{n}",
                amount_fen=n + 1,
                actor="王芳",
                occurred_on=D,
            )
        assert ledger.snapshots is not None
        recorder = ledger.snapshots.recorder
        assert type(recorder).__name__ == "PostgresSnapshotRecorder"
        from sgz_ledger.domain.fund import fund_uuid

        stored = recorder.select_events(fund_uuid("cz-village"))
        assert [s.originator_version for s in stored] == [3, 6]
        assert {s.topic for s in stored} == {"FundSnapshot.v1"}
        expected = ledger.fund("cz-village").state
    finally:
        ledger.close()
    again = Ledger(pg_url, clock=FixedClock())
    try:
        assert again.fund("cz-village").state == expected
        assert again.balances()[0].total_fen == sum(range(1, 9))
    finally:
        again.close()
