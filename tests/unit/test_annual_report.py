"""The annual report (issue 4): a station's year, and the district's as the sum of its stations.

Two stations: s-east with the funds of ``reports_support.record_small_year`` and three
volunteers, s-west with 003 朝阳's gifts (45265元) and two volunteers. The figures are
worked out by hand below and recounted from ``ledger.stored_events()`` (``Recount`` for the
funds, ``volunteer_recount`` here for the volunteers), never through the library's views.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from typing import Any
from uuid import UUID

import msgspec
import pytest

from conftest import FixedClock
from reports_support import (
    CLERK,
    EAST,
    WEST,
    YEAR_FIGURES,
    Recount,
    on,
    open_fund,
    record_small_year,
)
from sgz_ledger import InvalidInput, Ledger
from sgz_ledger.demo import DEMO_STATION_ID, record_demo_year
from sgz_ledger.domain.events import (
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    VolunteerRegistered,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.projections.volunteer_stats import volunteer_stats
from sgz_ledger.render.funds import annual_report_text
from sgz_ledger.reports.annual import AnnualReport, annual_report
from view_support import log

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CST = dt.timezone(dt.timedelta(hours=8))
RECORDER, VERIFIER = "记录员", "审核员"


@pytest.fixture
def clock() -> FixedClock:
    """Recorded after the year, so no service record of it is in the future."""
    return FixedClock(dt.datetime(2025, 1, 6, 8, 0, tzinfo=dt.UTC))


CHAOYANG = [
    ("CY-001", "20000", "石嘴山市某爱心企业"),
    ("CY-002", "15000", "宁夏某商贸有限公司"),
    ("CY-003", "6000", "万盛社区居民张某"),
    ("CY-004", "3000", "阳光社区居民李某"),
    ("CY-005", "1000", None),
    ("CY-006", "265", None),
]


def record_volunteers(ledger: Ledger) -> None:
    """s-east: E1-E3 (E3 registered in 2025), s-west: W1, W2; activities of each station."""
    for vid, station, day in (
        ("E1", EAST, on(1, 3)),
        ("E2", EAST, on(2, 1)),
        ("E3", EAST, on(1, 2, 2025)),
        ("W1", WEST, on(5, 1)),
        ("W2", WEST, on(5, 1)),
    ):
        ledger.register_volunteer(
            volunteer_id=vid,
            station_id=station,
            name=vid,
            registered_on=day,
            consent=True,
            actor=RECORDER,
            occurred_on=day,
        )
    for aid, station, category, day in (
        ("A-E1", EAST, "volunteer_service", on(3, 9)),
        ("A-E2", EAST, "volunteer_service", on(9, 9)),
        ("T-E", EAST, "training", on(4, 2)),
        ("A-W1", WEST, "volunteer_service", on(6, 1)),
    ):
        start = dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=CST)
        ledger.publish_activity(
            activity_id=aid,
            station_id=station,
            name=aid,
            category=category,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=4),
            actor=RECORDER,
            occurred_on=day,
        )
    # (record, volunteer, activity, seconds, day, approved?)
    records = [
        ("r1", "E1", "A-E1", 3600, on(3, 9), True),
        ("r2", "E2", "A-E1", 5400, on(3, 9), True),
        ("r3", "E1", "A-E2", 2700, on(9, 9), True),
        ("r4", "E2", "A-E2", 1800, on(9, 9), False),  # never approved: counts nowhere
        ("r5", "E1", "T-E", 7200, on(4, 2), True),  # training: not service hours
        ("r6", "W1", "A-W1", 4000, on(6, 1), True),
        ("r7", "W2", "A-W1", 4000, on(6, 1), True),
        ("r8", "W1", "A-W1", 1000, on(6, 1), True),  # a second record: a second 人次
        ("r9", "W2", "A-W1", 999, on(6, 1), True),  # voided below
    ]
    for rid, vid, aid, seconds, day, approve in records:
        ledger.record_service(
            record_id=rid,
            volunteer_id=vid,
            activity_id=aid,
            duration_s=seconds,
            service_date=day,
            actor=RECORDER,
            occurred_on=day,
        )
        if approve:
            ledger.approve_service(volunteer_id=vid, record_id=rid, actor=VERIFIER, occurred_on=day)
    ledger.correct_service(
        volunteer_id="E1",
        record_id="r3",
        correction_id="c1",
        duration_s=3000,  # 2700 -> 3000
        reason="签到表核对",
        requested_by="E1",
        actor=VERIFIER,
        occurred_on=on(9, 20),
    )
    ledger.void_service(
        volunteer_id="W2", record_id="r9", reason="重复录入", actor=VERIFIER, occurred_on=on(6, 5)
    )


def record_two_stations(ledger: Ledger) -> None:
    record_small_year(ledger)
    open_fund(ledger, "chaoyang", WEST, on(5, 6))
    for n, (receipt_no, amount, donor) in enumerate(CHAOYANG):
        ledger.receive_cash(
            fund_id="chaoyang",
            receipt_no=receipt_no,
            amount=amount,
            donor=donor,
            actor=CLERK,
            occurred_on=on(5, 10 + n),
        )
    record_volunteers(ledger)


@pytest.fixture
def two(ledger: Ledger) -> Ledger:
    record_two_stations(ledger)
    return ledger


def volunteer_recount(events: list[Any], year: int, station: str | None) -> dict[str, int]:
    """Counted service records (approved, not voided, last stated duration) and registrations."""
    records: dict[tuple[Any, str], dict[str, Any]] = {}
    registered = 0
    end = dt.date(year, 12, 31)
    for e in events:
        if isinstance(e, ServiceRecorded):
            records[(e.originator_id, e.record_id)] = {"e": e, "s": e.duration_s, "ok": False}
        elif isinstance(e, ServiceCorrected):
            records[(e.originator_id, e.record_id)]["s"] = e.duration_s
        elif isinstance(e, ServiceApproved):
            records[(e.originator_id, e.record_id)]["ok"] = True
        elif isinstance(e, ServiceVoided):
            records[(e.originator_id, e.record_id)]["ok"] = False
        elif (
            isinstance(e, VolunteerRegistered)
            and e.registered_on <= end
            and station in (None, e.station_id)
        ):
            registered += 1
    counted = [
        r
        for r in records.values()
        if r["ok"]
        and r["e"].category == "volunteer_service"
        and r["e"].service_date.year == year
        and station in (None, r["e"].station_id)
    ]
    return {
        "activities": len({r["e"].activity_id for r in counted}),
        "person_times": len(counted),
        "volunteers": len({r["e"].originator_id for r in counted}),
        "registered_volunteers": registered,
        "service_s": sum(r["s"] for r in counted),
    }


def assert_matches_recount(report: AnnualReport, ledger: Ledger) -> None:
    events = ledger.stored_events()
    want = Recount(events).year(report.year, report.station_id)
    for name in YEAR_FIGURES:
        assert getattr(report, name) == want[name], name
    for name, value in volunteer_recount(events, report.year, report.station_id).items():
        assert getattr(report, name) == value, name
    assert report.service_hours == hours_2dp(report.service_s)


# ---- one station --------------------------------------------------------------------------------


def test_a_station_year_by_hand(two: Ledger) -> None:
    east = two.annual_report(2024, station_id=EAST)
    # Volunteers: records r1, r2 (A-E1) and r3 corrected to 3000 s (A-E2) count; r4 was
    # never approved, r5 is training. E3 registered in 2025.
    assert (east.activities, east.person_times, east.volunteers) == (2, 3, 2)
    assert east.registered_volunteers == 2
    assert east.service_s == 3600 + 5400 + 3000
    assert east.service_hours == Decimal("3.33")
    assert [(o.category, o.person_times, o.hours) for o in east.other_activities] == [
        ("training", 1, Decimal("2.00"))
    ]
    # Funds: F-A and F-B opened; F-B closed into F-A on 30 November.
    assert (east.funds_opened, east.funds_open) == (2, 1)
    # Cash gifts 1000 + 5000 + 300 + 200 + 600 less the 300 reversed: 6800.
    assert east.donations_cash_fen == 680_000
    assert east.donations_in_kind_fen == 401_000  # 泡面 2900 + 火腿肠 1110
    assert east.sale_proceeds_fen == 80_000
    assert east.refunds_fen == 20_000
    assert east.spending_fen == 250_000  # 2000 + 500 + 500 - 500 reversed
    assert east.transfers_net_fen == 0  # F-B's 600 went to F-A, both in the station
    assert east.goods_distributed_fen == 200_000
    assert (east.cash_start_fen, east.cash_end_fen, east.available_end_fen) == (0, 490_000, 490_000)
    assert east.in_kind_held_end_fen == 90_000  # 4010 - 2000 given out - 1110 sold
    assert [(f.fund_id, f.closed_on, f.cash_end_fen) for f in east.funds] == [
        ("F-A", None, 490_000),
        ("F-B", on(11, 30), 0),
    ]
    assert [f.transfers_net_fen for f in east.funds] == [60_000, -60_000]
    assert_matches_recount(east, two)


def test_chaoyang_station_received_45265_yuan(two: Ledger) -> None:
    west = two.annual_report(2024, station_id=WEST)
    assert west.donations_cash_fen == west.cash_end_fen == 4_526_500
    assert (west.funds_opened, west.funds_open) == (1, 1)
    # W1 twice and W2 once in one activity (W2's second record was voided).
    assert (west.activities, west.person_times, west.volunteers, west.service_s) == (
        1,
        3,
        2,
        9000,
    )
    assert west.service_hours == Decimal("2.50")
    assert_matches_recount(west, two)


def test_the_cash_of_the_year_reconciles(two: Ledger) -> None:
    for station in (EAST, WEST, None):
        r = two.annual_report(2024, station_id=station)
        assert r.cash_end_fen == (
            r.cash_start_fen
            + r.donations_cash_fen
            + r.sale_proceeds_fen
            - r.refunds_fen
            - r.spending_fen
            + r.transfers_net_fen
        )
        assert r.cash_end_fen == r.reserved_end_fen + r.available_end_fen
        following = two.annual_report(2025, station_id=station)
        assert following.cash_start_fen == r.cash_end_fen
        assert following.in_kind_held_end_fen == r.in_kind_held_end_fen
        assert following.funds_opened == 0


# ---- the district -------------------------------------------------------------------------------


def test_district_totals_are_the_sums_of_the_stations(two: Ledger) -> None:
    district = two.annual_report(2024)
    stations = [two.annual_report(2024, station_id=s) for s in (EAST, WEST)]
    figures = [
        name
        for name, value in msgspec.structs.asdict(district).items()
        if isinstance(value, int) and name not in ("year",)
    ]
    assert len(figures) == 19  # every count and amount of the report
    for name in figures:
        assert getattr(district, name) == sum(getattr(s, name) for s in stations), name
    # Hours are rounded once, from the summed seconds (rule 1), never summed rounded.
    assert district.service_hours == hours_2dp(district.service_s)
    assert district.funds == tuple(f for s in stations for f in s.funds)
    assert_matches_recount(district, two)


def test_the_report_from_views_and_folds_given_is_the_ledgers(two: Ledger) -> None:
    two.catch_up_views()
    # The funds' events, grouped by aggregate from the whole log (not the ledger's reader).
    by_fund: dict[UUID, list[tuple[int, Any]]] = defaultdict(list)
    for position, event in log(two):
        by_fund[event.originator_id].append((position, event))

    def fund_events(fund_id: str) -> list[tuple[int, Any]]:
        return by_fund.get(fund_uuid(fund_id), [])

    volunteers = volunteer_stats(two.stored_events())
    for station in (EAST, None):
        made = two.annual_report(2024, station_id=station)
        assert made.anchor == two.anchor()  # the ledger adds the chain's head it was made at
        given = annual_report(two.view_store, fund_events, volunteers, 2024, station_id=station)
        assert given == msgspec.structs.replace(made, anchor=None)


def test_a_year_before_anything_is_all_zero(two: Ledger) -> None:
    r = two.annual_report(2023)
    assert r.funds == ()
    assert all(
        value == 0
        for name, value in msgspec.structs.asdict(r).items()
        if isinstance(value, int) and name != "year"
    )


def test_a_year_must_be_a_year(two: Ledger) -> None:
    with pytest.raises(InvalidInput):
        two.annual_report(0)


# ---- output -------------------------------------------------------------------------------------


def test_json_gives_money_in_integer_fen_and_hours_with_two_decimals() -> None:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 6, tzinfo=dt.UTC)))
    record_two_stations(ledger)
    decoded = json.loads(ledger.annual_report(2024, station_id=WEST).to_json())
    assert decoded["donations_cash_fen"] == 4_526_500
    assert isinstance(decoded["cash_end_fen"], int)
    assert decoded["service_hours"] == "2.50"
    assert decoded["station_id"] == WEST
    assert decoded["period_to"] == "2024-12-31"
    assert decoded["funds"][0]["fund_id"] == "chaoyang"
    ledger.close()


def test_the_table_shows_chinese_and_english_labels_and_yuan() -> None:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 6, tzinfo=dt.UTC)))
    record_two_stations(ledger)
    text = annual_report_text(ledger.annual_report(2024))
    for label in (
        "开展志愿服务(次) activities",
        "服务人次 person-times",
        "注册志愿者(人) registered volunteers",
        "志愿服务时长(小时) service hours",
        "成立社区基金(个) funds set up",
        "接收捐赠资金 cash donations",
        "年末现金余额 cash at year end",
    ):
        assert label in text
    lines = text.splitlines()
    cash_line = next(line for line in lines if "接收捐赠资金" in line)
    assert cash_line.endswith("52065.00")  # 6800.00 (s-east) + 45265.00 (s-west)
    assert next(line for line in lines if "志愿服务时长" in line).endswith("5.83")
    ledger.close()


def test_the_demo_station_set_up_four_funds() -> None:
    """002 崔寨: "成立4个社区基金" (the demo year is modelled on it)."""
    ledger = Ledger("memory:")
    record_demo_year(ledger)
    r = ledger.annual_report(2024, station_id=DEMO_STATION_ID)
    assert r.funds_opened == r.funds_open == 4
    assert [f.community for f in r.funds] == ["崔寨村", "李善仁村", "清宁村", "王河村"]
    want = Recount(ledger.stored_events()).year(2024, DEMO_STATION_ID)
    for name in YEAR_FIGURES:
        assert getattr(r, name) == want[name], name
    assert r.donations_cash_fen == 6_300_000
    ledger.close()
