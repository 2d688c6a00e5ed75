"""The bulk reader gives exactly what eventsourcing's notification log gives.

``LogReader.page`` (views, replays) and ``recorder.read_raw`` read the events table
directly instead of through ``select_notifications``; on every backend, encrypted
or not, they must return the same positions, names, bytes and decoded events, for
any start and any page size, and the recorders' scans the same rows again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.audit.replay import replay_events
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.fund import fund_uuid

D = dt.date(2024, 3, 1)


def record(ledger: Ledger, gifts: int = 23) -> None:
    open_test_fund(ledger, "F1")
    open_test_fund(ledger, "F2", station_id="chaoyang")
    for n in range(gifts):
        ledger.receive_cash(
            fund_id="F1" if n % 3 else "F2",
            receipt_no=f"R-{n}",
            amount_fen=n + 1,
            restriction="助学" if n % 2 else "",
            actor="王芳",
            occurred_on=D + dt.timedelta(days=n % 5),
        )
    ledger.register_volunteer(
        volunteer_id="V1",
        station_id="cuizhai",
        name="张丽",
        phone="13900000000",
        registered_on=D,
        consent=True,
        actor="王芳",
        occurred_on=D,
    )


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
@pytest.mark.parametrize(("after", "limit"), [(0, 1), (0, 7), (3, 5), (0, 1000), (20, 3), (99, 5)])
def test_the_bulk_reader_equals_the_notification_log(
    open_ledger: Callable[[], Ledger], after: int, limit: int
) -> None:
    ledger = open_ledger()
    record(ledger)
    notifications = ledger.recorder.select_notifications(start=after + 1, limit=limit)
    raw = ledger.chained_recorder.read_raw(after, limit)
    assert raw == [(n.id, n.topic, n.state) for n in notifications]
    decoded = [(n.id, ledger.mapper.to_domain_event(n)) for n in notifications]
    assert list(ledger.log_reader.page(after, limit)) == decoded
    # The view runner reads the same pairs.
    assert list(ledger.log_reader.page(after, limit)) == decoded


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_the_scans_give_every_row_in_order(open_ledger: Callable[[], Ledger]) -> None:
    ledger = open_ledger()
    record(ledger)
    notifications = ledger.recorder.select_notifications(start=1, limit=10_000)
    scanned = list(ledger.chained_recorder.scan_events())
    assert [(e.position, e.originator_version, e.topic, e.state) for e in scanned] == [
        (n.id, n.originator_version, n.topic, n.state) for n in notifications
    ]
    assert [link.position for link in ledger.chained_recorder.scan_links()] == [
        n.id for n in notifications
    ]
    middle = notifications[10].id
    window = [n.id for n in notifications if middle < n.id <= notifications[12].id]
    scanned_window = ledger.chained_recorder.scan_events(after=middle, upto=notifications[12].id)
    assert [e.position for e in scanned_window] == window == [n.id for n in notifications[11:13]]
    assert ledger.stored_events() == [ledger.mapper.to_domain_event(n) for n in notifications]


def test_an_encrypted_store_reads_the_same_through_the_bulk_reader() -> None:
    from eventsourcing.cipher import AESCipher

    key = AESCipher.create_key(16)
    ledger = Ledger("sqlite::memory:", cipher_key=key, clock=FixedClock())
    record(ledger)
    notifications = ledger.recorder.select_notifications(start=1, limit=10_000)
    assert list(ledger.log_reader.page(0, 10_000)) == [
        (n.id, ledger.mapper.to_domain_event(n)) for n in notifications
    ]
    # The raw bytes are ciphertext: no name of the donor's gift purpose in clear.
    rows = ledger.chained_recorder.read_raw(0, 10_000)
    assert all("助学".encode() not in state for _, _, state in rows)
    assert ledger.verify().ok
    ledger.close()


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
@pytest.mark.parametrize(
    ("after", "limit", "upto"), [(0, 1000, 5), (3, 5, 20), (0, 7, 7), (9, 4, 9)]
)
def test_the_bulk_reader_stops_at_upto(
    open_ledger: Callable[[], Ledger], after: int, limit: int, upto: int
) -> None:
    ledger = open_ledger()
    record(ledger)
    notifications = ledger.recorder.select_notifications(start=after + 1, limit=limit, stop=upto)
    assert ledger.chained_recorder.read_raw(after, limit, upto) == [
        (n.id, n.topic, n.state) for n in notifications
    ]


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_a_gap_in_the_positions_does_not_carry_a_read_past_its_bound(tmp_path: Path) -> None:
    """PostgreSQL's positions may skip numbers; a deleted row makes such a gap on SQLite.

    ``upto - after`` events then reach past ``upto``: the replay, the export and the
    views' catch-up bound by position must still stop at it.
    """
    store = str(tmp_path / "gap.db")
    ledger = Ledger(store, clock=FixedClock())
    record(ledger)
    ledger.close()
    with sqlite3.connect(store) as connection:  # a gift at position 10 (fund F1) goes
        connection.execute("DELETE FROM stored_events WHERE rowid = 10")
    ledger = Ledger(store, create=False, clock=FixedClock())
    try:
        up_to_12 = [p for p, _ in list(ledger.log_reader.page(0, 1000)) if p <= 12]
        assert up_to_12 == [*range(1, 10), 11, 12]
        assert [r[0] for r in ledger.chained_recorder.read_raw(0, 12, 12)] == up_to_12
        assert len(list(replay_events(ledger, upto=12))) == len(up_to_12)
        assert ledger.view_runner.catch_up(ledger.fund_views, until=12) == 12
        assert ledger.view_store.position(ledger.fund_views.name) == 12
    finally:
        ledger.close()


# ---- the view runner's reader: the same pairs, each event decoded when reached --------------


def test_the_views_reader_decodes_each_event_only_when_it_is_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = Ledger(str(tmp_path / "station.db"), clock=FixedClock())
    try:
        record(ledger)
        decode = ledger.mapper.raw_decoder()  # type: ignore[attr-defined]
        decoded: list[str] = []

        def counting(name: str, data: bytes) -> Any:
            decoded.append(name)
            return decode(name, data)

        monkeypatch.setattr(ledger.mapper, "raw_decoder", lambda: counting)
        pairs = ledger.log_reader.page(0, 3)
        assert decoded == []
        position, _ = next(pairs)
        assert position == 1
        assert len(decoded) == 1
        assert len(list(pairs)) == 2
        assert len(decoded) == 3
    finally:
        ledger.close()


def test_an_unreadable_event_stops_the_views_with_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    ledger = Ledger(str(path), clock=FixedClock())
    record(ledger)
    ledger.catch_up_views()
    before = ledger.view_runner.lag(ledger.fund_views)
    ledger.receive_cash(
        fund_id="F1", receipt_no="R-late", amount_fen=5, actor="王芳", occurred_on=D
    )
    ledger.close()
    with sqlite3.connect(path) as db:
        db.execute(
            "UPDATE stored_events SET state = x'c1' "
            "WHERE rowid = (SELECT MAX(rowid) FROM stored_events)"
        )
    ledger = Ledger(str(path), clock=FixedClock())
    try:
        last = ledger.log_position()
        with pytest.raises(StoreError):
            list(ledger.log_reader.page(last - 1, 10))
        with pytest.raises(StoreError):
            ledger.catch_up_views()
        # Nothing of the batch was written: the views are where they were.
        assert ledger.view_runner.lag(ledger.fund_views) == before + 1
    finally:
        ledger.close()


# ---- one aggregate's events: what a statement reads -----------------------------------------


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_one_aggregates_rows_are_its_notifications_in_version_order(
    open_ledger: Callable[[], Ledger],
) -> None:
    ledger = open_ledger()
    record(ledger)
    notifications = ledger.recorder.select_notifications(start=1, limit=10_000)
    for fund_id in ("F1", "F2", "F-none"):
        uid = fund_uuid(fund_id)
        mine = [n for n in notifications if n.originator_id == uid]
        rows = ledger.chained_recorder.read_aggregate(uid)
        assert rows == [(n.id, n.topic, n.state) for n in mine]
        assert [n.originator_version for n in mine] == list(range(1, len(mine) + 1))
        # Decoded by the ledger, with their positions; ``upto`` stops at a position.
        pairs = ledger.fund_events(fund_id)
        assert pairs == [(n.id, ledger.mapper.to_domain_event(n)) for n in mine]
        if mine:
            middle = mine[len(mine) // 2].id
            assert ledger.fund_events(fund_id, upto=middle) == [
                pair for pair in pairs if pair[0] <= middle
            ]
    assert ledger.fund_events("F-none") == []


def test_a_funds_events_need_the_stores_key() -> None:
    from eventsourcing.cipher import AESCipher

    key = AESCipher.create_key(16)
    ledger = Ledger("sqlite::memory:", cipher_key=key, clock=FixedClock())
    record(ledger)
    assert len(ledger.fund_events("F1")) > 1
    # The same rows decoded without the key (a ledger's codec without a cipher): a
    # StoreError naming the first position, not an answer.
    plain = Ledger("memory:")
    decode = plain.mapper.raw_decoder()  # type: ignore[attr-defined]
    plain.close()
    ledger.mapper.raw_decoder = lambda: decode  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="at position 1: the stored events cannot be read"):
        ledger.fund_events("F1")
    ledger.close()
