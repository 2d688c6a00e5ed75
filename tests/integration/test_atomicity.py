"""All or nothing: batches, two-fund commands, failed writes and crashes mid-write.

A command or batch is one unit of work saved in one ``insert_events`` call, so the
store holds the whole of it or none of it; and whatever a refused or failed unit
did to the ledger's cached funds is thrown away, so the next command sees the
store's true state.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.persistence import OperationalError, StoredEvent

import sgz_ledger.service.unit_of_work
from conftest import D, open_test_fund, reopenable
from sgz_ledger import (
    ApproveDisbursement,
    BatchCommandRefused,
    Command,
    IdempotencyConflict,
    InsufficientFunds,
    Ledger,
    LedgerError,
    NotFound,
    ReceiveCashDonation,
    RequestDisbursement,
    StoreError,
)
from sgz_ledger.domain.events import CashDonationReceived

FUND = "cz-village"
OTHER = "cz-elder"
NOW = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def cash(receipt_no: str, amount_fen: int = 100, fund_id: str = FUND) -> ReceiveCashDonation:
    return ReceiveCashDonation(
        fund_id=fund_id, receipt_no=receipt_no, amount_fen=amount_fen, actor="王芳", occurred_on=D
    )


def spy_on_inserts(
    monkeypatch: pytest.MonkeyPatch, ledger: Ledger, *, fail: bool = False
) -> list[list[StoredEvent]]:
    """Record each ``insert_events`` call's events; with ``fail``, raise instead of writing."""
    calls: list[list[StoredEvent]] = []
    insert_events = ledger.recorder.insert_events

    def spy(stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        calls.append(list(stored_events))
        if fail:
            raise OperationalError("simulated failure: disk I/O error")
        return insert_events(stored_events, **kwargs)

    monkeypatch.setattr(ledger.recorder, "insert_events", spy)
    return calls


def receipts(ledger: Ledger) -> list[str]:
    return [e.receipt_no for e in ledger.stored_events() if isinstance(e, CashDonationReceived)]


# ---- batches ---------------------------------------------------------------------------------

REFUSALS: dict[str, tuple[Command, type[LedgerError]]] = {
    "unknown fund": (cash("R-X", fund_id="no-such-fund"), NotFound),
    "same receipt, other amount": (cash("R-1", 999), IdempotencyConflict),
    "approval beyond the money": (
        ApproveDisbursement(fund_id=FUND, request_id="SQ-BIG", actor="张敏", occurred_on=D),
        InsufficientFunds,
    ),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_a_refused_command_in_a_batch_records_nothing(ledger: Ledger, refusal: str) -> None:
    open_test_fund(ledger)
    ledger.receive_cash(fund_id=FUND, receipt_no="R-0", amount="10", actor="王芳", occurred_on=D)
    before = ledger.stored_events()
    [balance_before] = ledger.balances()
    bad, error_type = REFUSALS[refusal]
    batch: list[Command] = [
        cash("R-1"),
        RequestDisbursement(
            fund_id=FUND,
            request_id="SQ-BIG",
            amount_fen=100_000,  # 1,000.00 yuan: below the two-approver threshold
            purpose="修路",
            payee="施工队",
            actor="李强",
            occurred_on=D,
        ),
        cash("R-2"),
        bad,
        cash("R-3"),
    ]

    with pytest.raises(BatchCommandRefused) as refused:
        ledger.execute_batch(batch)

    assert refused.value.index == 3
    assert type(refused.value.error) is error_type
    assert refused.value.__cause__ is refused.value.error
    assert refused.value.reason == "batch_command_refused"
    assert ledger.stored_events() == before
    assert ledger.balances() == [balance_before]
    # The cached fund was evicted: the batch's receipts and request are unknown,
    # so sending them again records them (a stale cache would call them repeats).
    fund = ledger.fund(FUND)
    assert fund.version == 2
    assert set(fund.state.donations) == {"R-0"}
    assert not fund.state.disbursements
    recorded = ledger.execute_batch([cash("R-1"), cash("R-2")])
    assert [e.originator_version for e in recorded] == [3, 4]
    assert receipts(ledger) == ["R-0", "R-1", "R-2"]


def test_a_fund_a_reader_holds_does_not_show_a_refused_batch(ledger: Ledger) -> None:
    open_test_fund(ledger)
    held = ledger.fund(FUND)
    with pytest.raises(BatchCommandRefused):
        ledger.execute_batch([cash("R-1"), cash("R-2", fund_id="no-such-fund")])
    assert ledger.fund(FUND).version == 1
    assert (held.version, list(held.state.donations)) == (1, [])


def test_a_batch_of_1000_donations_is_one_write_and_all_of_it_is_visible(
    ledger: Ledger,
    open_ledger: Callable[[], Ledger],
    store_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_test_fund(ledger)
    calls = spy_on_inserts(monkeypatch, ledger)

    events = ledger.execute_batch([cash(f"R-{n:04d}", 100) for n in range(1000)])

    assert len(calls) == 1
    assert len(calls[0]) == 1000
    assert [e.originator_version for e in events] == list(range(2, 1002))
    assert len(receipts(ledger)) == 1000
    assert [r.total_fen for r in ledger.balances()] == [100_000]
    if reopenable(store_url):
        other = open_ledger()
        assert other.fund(FUND).version == 1001
        assert [r.total_fen for r in other.balances()] == [100_000]


def test_a_batch_over_the_limit_is_refused_before_anything_runs(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_test_fund(ledger)
    monkeypatch.setattr(sgz_ledger.service.unit_of_work, "BATCH_COMMANDS_MAX", 10)
    with pytest.raises(LedgerError, match="at most 10 commands"):
        ledger.execute_batch([cash(f"R-{n}") for n in range(11)])
    assert receipts(ledger) == []


def test_an_empty_batch_records_nothing(ledger: Ledger) -> None:
    assert ledger.execute_batch([]) == []
    assert ledger.stored_events() == []


# ---- closing a fund into another: both funds or neither --------------------------------------


def fund_to_close(ledger: Ledger) -> None:
    """OTHER holds 100.00 unrestricted and 50.00 for 助学; FUND holds 10.00."""
    open_test_fund(ledger, FUND)
    open_test_fund(ledger, OTHER)
    ledger.receive_cash(fund_id=FUND, receipt_no="R-1", amount="10", actor="王芳", occurred_on=D)
    ledger.receive_cash(fund_id=OTHER, receipt_no="E-1", amount="100", actor="王芳", occurred_on=D)
    ledger.receive_cash(
        fund_id=OTHER,
        receipt_no="E-2",
        amount="50",
        restriction="助学",
        actor="王芳",
        occurred_on=D,
    )


def close_other(ledger: Ledger) -> Any:
    return ledger.close_fund(
        fund_id=OTHER, reason="并入村基金", transfer_to=FUND, actor="王芳", occurred_on=D
    )


def test_closing_with_a_transfer_saves_both_funds_in_one_write(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    fund_to_close(ledger)
    calls = spy_on_inserts(monkeypatch, ledger)

    close_other(ledger)

    [written] = calls
    by_fund = {ledger.fund(FUND).id: FUND, ledger.fund(OTHER).id: OTHER}
    assert sorted((by_fund[s.originator_id], s.topic) for s in written) == [
        (OTHER, "FundClosed.v1"),
        (OTHER, "FundTransferredOut.v1"),
        (OTHER, "FundTransferredOut.v1"),
        (FUND, "FundTransferredIn.v1"),
        (FUND, "FundTransferredIn.v1"),
    ]
    totals = {r.fund_id: r.total_fen for r in ledger.balances()}
    assert totals == {FUND: 16_000, OTHER: 0}
    restricted = ledger.fund(FUND).balances.restrictions["助学"]
    assert restricted.total_fen == 5_000


def test_a_failed_write_while_closing_changes_neither_fund(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    fund_to_close(ledger)
    stored_before = ledger.stored_events()
    # Snapshots are deep copies: the cached funds themselves may change under us.
    copies = {f: ledger.fund(f).snapshot(NOW) for f in (FUND, OTHER)}
    calls = spy_on_inserts(monkeypatch, ledger, fail=True)

    with pytest.raises(StoreError, match="simulated failure"):
        close_other(ledger)

    [attempted] = calls
    assert {s.originator_id for s in attempted} == {ledger.fund(FUND).id, ledger.fund(OTHER).id}
    monkeypatch.undo()
    assert ledger.stored_events() == stored_before
    # Both funds were evicted from the cache: they read as the store has them.
    for f in (FUND, OTHER):
        fund = ledger.fund(f)
        assert (fund.version, fund.state) == (copies[f].originator_version, copies[f].state)
        assert fund.state.closed is None
        assert not fund.state.transfers
    # The next command works on the true state: OTHER is open and still holds its cash.
    ledger.receive_cash(fund_id=OTHER, receipt_no="E-3", amount="1", actor="王芳", occurred_on=D)
    close_other(ledger)
    totals = {r.fund_id: r.total_fen for r in ledger.balances()}
    assert totals == {FUND: 16_100, OTHER: 0}


@pytest.mark.parametrize("store_url", ["sqlite-memory", "sqlite-file"], indirect=True)
def test_sqlite_rolls_back_rows_written_before_a_failure(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the transaction: some rows are written, then the write fails; none remain."""
    fund_to_close(ledger)
    stored_before = ledger.stored_events()
    insert = ledger.recorder._insert_events  # type: ignore[attr-defined]
    written: list[int] = []

    def half_then_fail(c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        half = len(stored_events) // 2
        insert(c, stored_events[:half], **kwargs)
        written.append(half)
        raise OperationalError("simulated failure after some rows")

    monkeypatch.setattr(ledger.recorder, "_insert_events", half_then_fail)
    with pytest.raises(StoreError, match="simulated failure"):
        close_other(ledger)
    monkeypatch.undo()

    assert written == [2]
    assert ledger.stored_events() == stored_before
    assert ledger.fund(OTHER).state.closed is None
    close_other(ledger)
    assert ledger.fund(OTHER).state.closed is not None


# ---- a crash mid-write -----------------------------------------------------------------------

CRASH_EXIT = 77
BATCH = 200

CRASHING_WRITER = textwrap.dedent(
    """
    import datetime as dt
    import os
    import sys

    from sgz_ledger import Ledger, ReceiveCashDonation

    store, when = sys.argv[1], sys.argv[2]
    day = dt.date(2024, 3, 1)
    ledger = Ledger(store)
    ledger.open_fund(
        fund_id="cz-village", station_id="cuizhai", community="崔寨村", name="崔寨村社区基金",
        host="济南市慈善总会", approval_threshold="5000", publicity_required=False,
        actor="王芳", occurred_on=day,
    )
    recorder = ledger.recorder

    if when == "after-commit":
        insert_events = recorder.insert_events

        def crash(stored_events, **kwargs):
            insert_events(stored_events, **kwargs)
            os._exit({exit})

        recorder.insert_events = crash
    elif hasattr(recorder, "_fetch_ids_after_insert_events"):  # PostgreSQL
        # Called once every row is inserted in the open transaction, before COMMIT.
        def crash(*args, **kwargs):
            os._exit({exit})

        recorder._fetch_ids_after_insert_events = crash
    else:  # SQLite: write half of the rows, then die inside the transaction
        insert = recorder._insert_events

        def crash(c, stored_events, **kwargs):
            insert(c, stored_events[: len(stored_events) // 2], **kwargs)
            os._exit({exit})

        recorder._insert_events = crash

    ledger.execute_batch([
        ReceiveCashDonation(
            fund_id="cz-village", receipt_no=f"R-{{n}}", amount_fen=100, actor="王芳",
            occurred_on=day,
        )
        for n in range({batch})
    ])
    sys.exit(0)  # not reached: the write above ends the process
    """
).format(exit=CRASH_EXIT, batch=BATCH)


@pytest.fixture(params=["sqlite-file", "postgres"])
def durable_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite-file":
        return str(tmp_path / "station.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.mark.parametrize(("when", "expected"), [("mid-write", 0), ("after-commit", BATCH)])
def test_a_crash_leaves_the_whole_batch_or_none_of_it(
    durable_store: str, tmp_path: Path, when: str, expected: int
) -> None:
    script = tmp_path / "crashing_writer.py"
    script.write_text(CRASHING_WRITER, encoding="utf-8")

    done = subprocess.run(  # noqa: S603 - our own script, run by this interpreter
        [sys.executable, str(script), durable_store, when],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == CRASH_EXIT, done.stderr

    restarted = Ledger(durable_store)
    try:
        found = receipts(restarted)
        assert len(found) in (0, BATCH)
        assert len(found) == expected
        fund = restarted.fund(FUND)
        assert fund.version == 1 + expected
        # The store takes writes again after the crash.
        restarted.receive_cash(
            fund_id=FUND, receipt_no="R-after", amount="1", actor="王芳", occurred_on=D
        )
        assert restarted.fund(FUND).version == 2 + expected
    finally:
        restarted.close()
