"""Replay as of a date or position, from the raw events, agrees with the views; edits are found.

``record_small_year`` (tests/reports_support.py) gives two stations' funds with every
awkward case; a few volunteers with approved, corrected and voided records are added.
``audit`` must find nothing on an untouched store, at any date; a hand edit of a view
table must show as a difference naming the fund, restriction and figure.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FixedClock
from reports_support import EAST, record_small_year
from sgz_ledger import Ledger
from sgz_ledger.audit.replay import audit, replay_funds, replay_volunteers
from sgz_ledger.reports.volunteers import Period

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CST = dt.timezone(dt.timedelta(hours=8))


def record_volunteers(ledger: Ledger) -> None:
    day = dt.date(2024, 3, 1)
    ledger.set_station_policy(
        station_id=EAST,
        name="东站",
        auto_approve=False,
        bank_rate_pct=100,
        bank_automatic=False,
        actor="站长",
        occurred_on=day,
    )
    for n in (1, 2):
        ledger.register_volunteer(
            volunteer_id=f"V{n}",
            station_id=EAST,
            name=f"志愿者{n}",
            registered_on=day,
            consent=True,
            team="红马甲",
            actor="王芳",
            occurred_on=day,
        )
    ledger.publish_activity(
        activity_id="A1",
        station_id=EAST,
        name="敬老院探访",
        community="东社区",
        place="敬老院",
        organizer="东站",
        leader="刘军",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 6, 30, 17, tzinfo=CST),
        actor="王芳",
        occurred_on=day,
    )
    for n, (month, minutes) in enumerate(((3, 150), (4, 90), (5, 45), (6, 200)), start=1):
        vid = f"V{1 + n % 2}"
        ledger.record_service(
            record_id=f"R{n}",
            volunteer_id=vid,
            activity_id="A1",
            service_date=dt.date(2024, month, 10),
            duration_minutes=minutes,
            content="陪伴老人",
            actor="王芳",
            occurred_on=dt.date(2024, month, 10),
        )
        ledger.approve_service(
            volunteer_id=vid, record_id=f"R{n}", actor="刘军", occurred_on=dt.date(2024, month, 11)
        )
    ledger.void_service(
        volunteer_id="V2",
        record_id="R3",
        reason="重复录入",
        actor="刘军",
        occurred_on=dt.date(2024, 7, 1),
    )
    ledger.bank_hours(
        volunteer_id="V2", record_id="R1", actor="王芳", occurred_on=dt.date(2024, 7, 1)
    )


@pytest.fixture
def clock() -> FixedClock:
    """Recording starts after the year recorded (service records cannot be in the future)."""
    return FixedClock(dt.datetime(2025, 1, 2, tzinfo=dt.UTC))


@pytest.fixture
def station(open_ledger: Callable[[], Ledger]) -> Ledger:
    ledger = open_ledger()
    record_small_year(ledger)
    record_volunteers(ledger)
    return ledger


def test_an_untouched_store_audits_clean_now_and_on_every_day(station: Ledger) -> None:
    head = station.catch_up_views()
    report = audit(station)
    assert report.ok, report.differences
    assert report.funds == len(station.balances())
    assert report.stations == 1
    assert report.position == report.log_position == station.log_position() == head
    assert report.lag == 0
    assert report.tables == len(station.fund_views.tables)
    assert report.rows == sum(
        len(station.view_store.query(f"SELECT 1 FROM {{s}}{t.name}"))
        for t in station.fund_views.tables
    )
    days = sorted({e.occurred_on for e in station.stored_events()})
    for day in [days[0] - dt.timedelta(days=1), *days[:: max(1, len(days) // 12)], days[-1]]:
        assert audit(station, as_of=day).ok, day


def test_views_behind_the_log_are_compared_at_their_position_and_never_moved(
    station: Ledger,
) -> None:
    """Audit writes nothing: views behind the log are compared where they are, the lag said."""
    head = station.log_position()
    middle = head // 2
    station.view_runner.catch_up(station.fund_views, until=middle)
    report = audit(station)
    assert report.ok, report.differences
    assert (report.position, report.log_position, report.lag) == (middle, head, head - middle)
    assert report.funds == len(replay_funds(station, position=middle))
    assert station.view_store.position(station.fund_views.name) == middle  # not caught up
    days = sorted({e.occurred_on for e in station.stored_events()})
    assert audit(station, as_of=days[len(days) // 2]).ok
    # Views never made: nothing to compare, all of the log behind.
    fresh = Ledger("memory:")
    record_small_year(fresh)
    report = audit(fresh)
    assert report.ok, report.differences
    assert (report.position, report.lag, report.tables) == (0, fresh.log_position(), 0)
    assert fresh.view_store.columns("fund_balances") is None  # audit made no table
    fresh.close()


def test_replayed_funds_equal_the_views_now_by_date_and_by_position(station: Ledger) -> None:
    assert replay_funds(station) == station.balances()
    day = dt.date(2024, 6, 30)
    assert replay_funds(station, as_of=day) == station.balances(as_of=day)
    middle = station.log_position() // 2
    replayed = replay_funds(station, position=middle)
    viewed = station.balances(position=middle)
    assert [(f.fund_id, f.total_fen, f.restrictions) for f in replayed] == [
        (f.fund_id, f.total_fen, f.restrictions) for f in viewed
    ]


def test_replayed_volunteer_hours_count_approved_unvoided_service(station: Ledger) -> None:
    # R1 (V2, 150 min), R2 (V1, 90), R3 (V2, 45, voided), R4 (V1, 200); R1 banked.
    accounts = {a.volunteer_id: a for a in replay_volunteers(station)}
    assert accounts["V2"].service_s == 150 * 60
    assert accounts["V1"].service_s == (90 + 200) * 60
    assert accounts["V2"].person_times == 1
    assert accounts["V2"].bank_balance_s == 150 * 60
    assert accounts["V1"].bank_balance_s == 0
    stats = station.volunteer_stats(Period.year(2024), station_id=EAST)
    assert stats.service.duration_s == (150 + 90 + 200) * 60
    by_april = {a.volunteer_id: a for a in replay_volunteers(station, as_of=dt.date(2024, 4, 30))}
    assert by_april["V2"].service_s == 150 * 60
    assert by_april["V2"].bank_balance_s == 150 * 60  # the balance is always now
    assert by_april["V1"].service_s == 90 * 60


def test_an_edited_view_shows_as_a_difference(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    ledger = Ledger(str(path), clock=FixedClock(dt.datetime(2025, 1, 2, tzinfo=dt.UTC)))
    record_small_year(ledger)
    ledger.catch_up_views()
    assert audit(ledger).ok
    fund_id, restriction, total = ledger.view_store.query(
        "SELECT fund_id, restriction, total_fen FROM {s}fund_balances "
        "ORDER BY fund_id, restriction LIMIT 1"
    )[0]
    ledger.close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE fund_balances SET total_fen = total_fen + 100 "
            "WHERE fund_id = ? AND restriction = ?",
            (fund_id, restriction),
        )
    conn.close()
    ledger = Ledger(str(path), clock=FixedClock())
    report = audit(ledger)
    ledger.close()
    assert not report.ok
    where = f"fund {fund_id} restriction {restriction or '(unrestricted)'}"
    assert any(
        d.subject == where
        and d.figure == "total_fen"
        and d.replayed == total
        and d.view == total + 100
        for d in report.differences
    ), report.differences
    # The table itself: the cell, by table, key and column.
    assert any(
        (d.table, d.key, d.column, d.replayed, d.view)
        == ("fund_balances", (fund_id, restriction), "total_fen", total, total + 100)
        for d in report.differences
    ), report.differences
