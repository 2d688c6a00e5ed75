"""Several writers on one store: fresh state, conflicts retried, bounded, and thread safety.

Two ``Ledger`` objects on one store stand for two processes (two stations' laptops
on one PostgreSQL, or two programs on one SQLite file). Races are made
deterministic by letting the other ledger write between a command's load and its
save, through the one seam the application gives: its ``save``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.persistence import OperationalError

import sgz_ledger.service.unit_of_work
import sgz_ledger.storage.settings
from conftest import D, FixedClock, open_test_fund
from sgz_ledger import (
    ConcurrencyConflict,
    InsufficientFunds,
    Ledger,
    ReceiveCashDonation,
    StoreError,
)
from sgz_ledger.domain.events import CashDonationReceived

FUND = "cz-village"


SHARED = ["sqlite-file", "postgres"]
EVERY_BACKEND = ["memory", "sqlite-memory", *SHARED]


@pytest.fixture(params=SHARED)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """By default the stores two processes can share (overrides conftest's matrix here)."""
    kind = request.param
    if kind == "memory":
        return "memory:"
    if kind == "sqlite-memory":
        return "sqlite::memory:"
    if kind == "sqlite-file":
        return str(tmp_path / "station.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def two(open_ledger: Callable[[], Ledger]) -> tuple[Ledger, Ledger]:
    """Writers A and B on the same store, with a fund of 1,000.00 yuan opened by A."""
    a, b = open_ledger(), open_ledger()
    open_test_fund(a)
    donate(a, "A-0", "1000")
    return a, b


def donate(ledger: Ledger, receipt_no: str, amount: str = "1", fund_id: str = FUND) -> Any:
    return ledger.receive_cash(
        fund_id=fund_id, receipt_no=receipt_no, amount=amount, actor="王芳", occurred_on=D
    )


def request_spending(ledger: Ledger, request_id: str, amount: str) -> None:
    ledger.request_disbursement(
        fund_id=FUND,
        request_id=request_id,
        amount=amount,
        purpose="困境儿童学习用品",
        payee="某文具店",
        actor="李强",
        occurred_on=D,
    )


def approve(ledger: Ledger, request_id: str) -> None:
    ledger.approve_disbursement(fund_id=FUND, request_id=request_id, actor="张敏", occurred_on=D)


def spend(ledger: Ledger, request_id: str, amount: str) -> None:
    request_spending(ledger, request_id, amount)
    approve(ledger, request_id)
    ledger.pay_disbursement(
        fund_id=FUND,
        request_id=request_id,
        voucher_no="PZ-" + request_id,
        actor="王芳",
        occurred_on=D,
    )


def interleave(
    monkeypatch: pytest.MonkeyPatch, writer: Ledger, other: Callable[[int], None], times: int
) -> list[int]:
    """Run ``other(n)`` just before each of ``writer``'s first ``times`` saves.

    That is the race two processes run: the other writer commits between this
    one's load and its save. Returns the list of save attempts (grows per call).
    """
    attempts: list[int] = []
    save = writer.save

    def racing_save(*objs: Any, **kwargs: Any) -> Any:
        attempts.append(len(attempts) + 1)
        if len(attempts) <= times:
            other(len(attempts))
        return save(*objs, **kwargs)

    monkeypatch.setattr(writer, "save", racing_save)
    return attempts


def donations(ledger: Ledger) -> list[str]:
    return [e.receipt_no for e in ledger.stored_events() if isinstance(e, CashDonationReceived)]


def assert_versions_contiguous(ledger: Ledger, fund_id: str = FUND) -> None:
    versions = [
        e.originator_version
        for e in ledger.stored_events()
        if e.originator_id == ledger.fund(fund_id).id
    ]
    assert versions == list(range(1, len(versions) + 1))


# ---- one writer sees the other's events --------------------------------------------------


def test_b_sees_a_events_and_applies_its_rules_to_the_fresh_state(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    request_spending(b, "SQ-B", "800")  # B now holds the fund in its cache
    version_before = b.fund(FUND).version

    spend(a, "SQ-A", "500")

    # B's next use fast-forwards its cached fund: it reads only A's new events.
    reads: list[dict[str, Any]] = []
    get_events = b.events.get

    def spy(*args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs)
        return get_events(*args, **kwargs)

    monkeypatch.setattr(b.events, "get", spy)
    fund = b.fund(FUND)
    assert [r.get("gt") for r in reads] == [version_before]
    assert fund.version == version_before + 3 == a.fund(FUND).version
    assert fund.balances.available_fen("") == 50_000

    with pytest.raises(InsufficientFunds) as refused:
        approve(b, "SQ-B")
    assert (refused.value.available_fen, refused.value.needed_fen) == (50_000, 80_000)
    assert b.fund(FUND).version == a.fund(FUND).version == version_before + 3
    assert b.fund(FUND).state.disbursements["SQ-B"].status == "requested"


def test_a_fund_opened_by_a_is_found_by_b(two: tuple[Ledger, Ledger]) -> None:
    a, b = two
    open_test_fund(a, "cz-elder")
    donate(b, "B-1", fund_id="cz-elder")
    assert a.fund("cz-elder").version == 2
    assert [r.fund_id for r in b.balances()] == sorted([FUND, "cz-elder"])


# ---- a command on a cache another process made stale ---------------------------------------
#
# Commands use cached aggregates without reading the store first (optimistic): the
# store's (aggregate, version) key refuses a save on stale state, and the command runs
# again. These tests pin what that key alone cannot: a refusal made on stale state, an
# aggregate only read, and a repeat of a command another process recorded.


def test_a_stale_cache_never_refuses_what_the_store_allows(two: tuple[Ledger, Ledger]) -> None:
    a, b = two
    request_spending(b, "SQ-B", "3000")  # B caches the fund: 1,000.00 available
    donate(a, "A-1", "5000")  # B does not read the fund again before approving
    approve(b, "SQ-B")  # refused on B's cached state, run again on the store's: approved
    fund = a.fund(FUND)
    assert fund.state.disbursements["SQ-B"].status == "approved"
    assert fund.balances.available_fen("") == 300_000
    assert_versions_contiguous(a)


def test_a_refusal_on_fresh_state_is_still_a_refusal(two: tuple[Ledger, Ledger]) -> None:
    a, b = two
    request_spending(b, "SQ-B", "3000")
    donate(a, "A-1", "100")
    with pytest.raises(InsufficientFunds) as refused:
        approve(b, "SQ-B")
    assert refused.value.available_fen == 110_000  # the store's figure, not the cache's
    assert b.fund(FUND).state.disbursements["SQ-B"].status == "requested"


def test_a_receipt_another_process_recorded_is_a_repeat(two: tuple[Ledger, Ledger]) -> None:
    a, b = two
    donate(b, "B-0")  # B caches the fund
    first = donate(a, "R-9", "20")
    again = donate(b, "R-9", "20")  # B's cache does not have R-9 yet
    assert again == first
    assert donations(a) == ["A-0", "B-0", "R-9"]


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_an_aggregate_only_read_is_read_again_when_another_process_changed_it(
    open_ledger: Callable[[], Ledger],
) -> None:
    """A station's policy is read by a service record, never written by it: its key
    cannot refuse the record, so the cached policy is checked before saving."""
    import datetime as dt

    a, b = open_ledger(), open_ledger()
    cst = dt.timezone(dt.timedelta(hours=8))
    day = dt.date(2024, 1, 1)

    def policy(ledger: Ledger, auto: bool) -> None:
        ledger.set_station_policy(
            station_id="S", name="站", auto_approve=auto, actor="站长", occurred_on=day
        )

    policy(a, False)
    b.register_volunteer(
        volunteer_id="V1", station_id="S", name="张丽", registered_on=day, consent=True,
        actor="王芳", occurred_on=day,
    )  # fmt: skip
    b.publish_activity(
        activity_id="A1", station_id="S", name="探访", community="c", place="p",
        organizer="o", leader="刘军", starts_at=dt.datetime(2024, 1, 1, 9, tzinfo=cst),
        ends_at=dt.datetime(2024, 1, 1, 18, tzinfo=cst), actor="王芳", occurred_on=day,
    )  # fmt: skip

    def record(record_id: str, hour: int) -> None:
        b.record_service(
            record_id=record_id, volunteer_id="V1", activity_id="A1",
            started_at=dt.datetime(2024, 1, 1, hour, tzinfo=cst),
            ended_at=dt.datetime(2024, 1, 1, hour + 1, tzinfo=cst),
            content="陪伴", actor="王芳", occurred_on=day,
        )  # fmt: skip

    record("R1", 9)  # B caches the station: records wait for approval
    assert b.volunteer("V1").state.service_s == 0
    policy(a, True)  # another process turns automatic approval on
    record("R2", 11)
    assert b.volunteer("V1").state.service_s == 3600  # R2 was approved on entry


# ---- conflicts on the (aggregate, version) key -------------------------------------------


def test_a_lost_race_is_reloaded_and_retried(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    donate(b, "B-0")  # B caches the fund
    attempts = interleave(monkeypatch, b, lambda n: donate(a, f"A-{n}"), times=1)

    event = donate(b, "B-1")

    assert attempts == [1, 2]
    assert donations(a) == ["A-0", "B-0", "A-1", "B-1"]
    assert event.originator_version == a.fund(FUND).version == b.fund(FUND).version == 5
    assert_versions_contiguous(a)


def test_a_retried_command_checks_its_rules_again_on_the_winner_s_state(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    request_spending(b, "SQ-B", "800")
    # While B approves (800 of the 1000 available), A pays 500 out first.
    attempts = interleave(monkeypatch, b, lambda n: spend(a, "SQ-A", "500"), times=1)

    with pytest.raises(InsufficientFunds):
        approve(b, "SQ-B")

    assert attempts == [1]  # the retry refused on the rules, before saving
    fund = a.fund(FUND)
    assert fund.state.disbursements["SQ-B"].status == "requested"
    assert fund.balances.available_fen("") == 50_000
    assert_versions_contiguous(a)


def test_a_race_lost_every_time_ends_in_concurrency_conflict_with_nothing_recorded(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    donate(b, "B-0")
    tries = sgz_ledger.service.unit_of_work.CONFLICT_RETRIES_MAX + 1
    attempts = interleave(monkeypatch, b, lambda n: donate(a, f"A-{n}"), times=10 * tries)

    with pytest.raises(ConcurrencyConflict):
        donate(b, "B-1")

    assert attempts == list(range(1, tries + 1))
    assert donations(a) == ["A-0", "B-0", *(f"A-{n}" for n in range(1, tries + 1))]
    # B's cache holds nothing from the refused command: it reads the store's state.
    assert b.fund(FUND).version == a.fund(FUND).version == 3 + tries
    assert "B-1" not in b.fund(FUND).state.donations
    assert_versions_contiguous(a)

    # Once the other writer pauses, the same command goes through, once.
    monkeypatch.undo()
    donate(b, "B-1")
    donate(b, "B-1")  # a repeat of the same receipt records nothing
    assert donations(a).count("B-1") == 1


def test_a_batch_that_keeps_losing_records_none_of_its_commands(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    before = len(a.stored_events())
    interleave(monkeypatch, b, lambda n: donate(a, f"A-{n}"), times=100)
    batch = [
        ReceiveCashDonation(
            fund_id=FUND, receipt_no=f"B-{n}", amount_fen=100, actor="王芳", occurred_on=D
        )
        for n in range(10)
    ]
    with pytest.raises(ConcurrencyConflict):
        b.execute_batch(batch)
    tries = sgz_ledger.service.unit_of_work.CONFLICT_RETRIES_MAX + 1
    assert len(a.stored_events()) == before + tries
    assert not [r for r in donations(a) if r.startswith("B-")]


# ---- another process holding SQLite's write lock --------------------------------------------


@pytest.fixture
def locked_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> Iterator[tuple[Ledger, sqlite3.Connection]]:
    """A ledger on a SQLite file (lock timeout 1 s) and a raw connection holding its write lock."""
    monkeypatch.setattr(sgz_ledger.storage.settings, "SQLITE_LOCK_TIMEOUT_S", 1)
    path = tmp_path / "station.db"
    ledger = Ledger(str(path), clock=clock)
    open_test_fund(ledger)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # what another process's open write transaction holds
    try:
        yield ledger, holder
    finally:
        holder.close()
        ledger.close()


def test_a_write_lock_held_by_another_process_is_retried(
    locked_sqlite: tuple[Ledger, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger, holder = locked_sqlite
    failures: list[str] = []
    insert_events = ledger.recorder.insert_events

    def insert_then_release(stored_events: Any, **kwargs: Any) -> Any:
        try:
            return insert_events(stored_events, **kwargs)
        except OperationalError as e:
            failures.append(str(e))
            holder.execute("ROLLBACK")  # the other process finishes its write
            raise

    monkeypatch.setattr(ledger.recorder, "insert_events", insert_then_release)

    donate(ledger, "R-1")

    assert len(failures) == 1
    assert "locked" in failures[0]
    assert donations(ledger) == ["R-1"]


def test_a_write_lock_held_past_every_retry_is_a_concurrency_conflict(
    locked_sqlite: tuple[Ledger, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger, holder = locked_sqlite
    monkeypatch.setattr(
        sgz_ledger.service.unit_of_work, "CONFLICT_RETRIES_MAX", 1
    )  # 2 tries of 1 s

    with pytest.raises(ConcurrencyConflict):
        donate(ledger, "R-1")

    holder.execute("ROLLBACK")
    assert donations(ledger) == []
    assert ledger.fund(FUND).version == 1
    donate(ledger, "R-1")
    assert donations(ledger) == ["R-1"]


def test_other_operational_errors_are_not_retried(
    two: tuple[Ledger, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, b = two
    calls: list[int] = []

    def disk_full(stored_events: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise OperationalError("database or disk is full")

    monkeypatch.setattr(b.recorder, "insert_events", disk_full)
    with pytest.raises(StoreError, match="disk is full"):
        donate(b, "B-1")
    assert calls == [1]


# ---- threads ---------------------------------------------------------------------------------

THREADS = 8
PER_THREAD = 25


def run_threads(work: Callable[[int], None], count: int = THREADS) -> None:
    """Start ``count`` threads together and re-raise the first error any of them hit."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def body(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as e:  # reported to the test below
            errors.append(e)

    threads = [threading.Thread(target=body, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    if errors:
        raise errors[0]


@pytest.mark.parametrize("store_url", EVERY_BACKEND, indirect=True)
def test_threads_on_one_ledger_record_each_donation_exactly_once(ledger: Ledger) -> None:
    open_test_fund(ledger)
    open_test_fund(ledger, "cz-elder")

    def work(n: int) -> None:
        for k in range(PER_THREAD):
            fund_id = FUND if k % 2 else "cz-elder"
            donate(ledger, f"T{n}-{k}", "1", fund_id=fund_id)

    run_threads(work)

    receipts = donations(ledger)
    expected = {f"T{n}-{k}" for n in range(THREADS) for k in range(PER_THREAD)}
    assert len(receipts) == len(expected)
    assert set(receipts) == expected
    assert sum(r.total_fen for r in ledger.balances()) == 100 * len(expected)
    assert_versions_contiguous(ledger, FUND)
    assert_versions_contiguous(ledger, "cz-elder")


@pytest.mark.parametrize("store_url", EVERY_BACKEND, indirect=True)
def test_threads_repeating_the_same_receipts_record_each_once(ledger: Ledger) -> None:
    open_test_fund(ledger)
    results: dict[int, list[Any]] = {}

    def work(n: int) -> None:
        results[n] = [donate(ledger, f"R-{k}", "2") for k in range(PER_THREAD)]

    run_threads(work)

    assert Counter(donations(ledger)) == {f"R-{k}": 1 for k in range(PER_THREAD)}
    # Every thread got the one recorded event back for each receipt.
    for k in range(PER_THREAD):
        assert len({results[n][k].originator_version for n in range(THREADS)}) == 1
    assert [r.total_fen for r in ledger.balances()] == [200 * PER_THREAD]


def test_two_ledgers_racing_in_threads_record_each_donation_once(
    open_ledger: Callable[[], Ledger],
) -> None:
    """A real (not staged) race; a caller retries ``ConcurrencyConflict`` with the same key."""
    writers = [open_ledger() for _ in range(2)]
    open_test_fund(writers[0])
    conflicts: list[int] = []

    def work(n: int) -> None:
        for k in range(PER_THREAD):
            for _ in range(20):  # bounded: a hot loop must surface, not spin
                try:
                    donate(writers[n], f"W{n}-{k}")
                    break
                except ConcurrencyConflict:
                    conflicts.append(n)
            else:
                pytest.fail(f"W{n}-{k} lost 20 races in a row")

    run_threads(work, count=len(writers))

    expected = {f"W{n}-{k}" for n in range(len(writers)) for k in range(PER_THREAD)}
    receipts = donations(writers[0])
    assert len(receipts) == len(expected)
    assert set(receipts) == expected
    assert_versions_contiguous(writers[1])
    assert writers[0].fund(FUND).version == writers[1].fund(FUND).version == 1 + len(expected)
