"""Dates and hours (docs/rules.md 35 to 39): what an auditor tried, refused, nothing recorded.

The clock stands at Monday 2024-06-03 10:00 in China. Each bypass is the attempt a tired
clerk or a dishonest insider would make: a gift dated ahead, two 23-hour durations on one
day, service before the volunteer registered or outside the activity, a second volunteer
with the same ID number (through the API and a roster sheet). Each is refused and the log
is as long as before.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import (
    DuplicateIdNumber,
    FutureDate,
    IdNumberClaimed,
    IdNumberReleased,
    Ledger,
    NotFound,
    PledgeRecorded,
    ServiceRefused,
    SheetRefused,
)
from sgz_ledger.domain.volunteer import DURATION_S_MAX, day_shares
from sgz_ledger.reports.volunteers import Period
from sgz_ledger.sheets import import_file
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)  # Monday 10:00 in China
TODAY = dt.date(2024, 6, 3)
DAY = dt.date(2024, 5, 27)
STATION = "chencang"
FUND = "f-chencang"
CLERK, APPROVER = "王芳", "李娜"
ID_ZHANG = "610302199001011234"
HOUR = 3600


@contextmanager
def records_nothing(ledger: Ledger) -> Iterator[None]:
    before = ledger.log_position()
    yield
    assert ledger.log_position() == before, "the refused command recorded events"


def station(ledger: Ledger) -> None:
    """A fund, a volunteer registered on 2024-03-01 and an activity of April and May."""
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="陈仓区", name="陈仓社区基金",
                     host="宝鸡市慈善总会", approval_threshold="5000", actor=CLERK,
                     occurred_on=dt.date(2024, 3, 1))  # fmt: skip
    ledger.register_volunteer(volunteer_id="V-1", station_id=STATION, name="张丽",
                              id_number=ID_ZHANG, registered_on=dt.date(2024, 3, 1), consent=True,
                              actor=CLERK, occurred_on=dt.date(2024, 3, 1))  # fmt: skip
    ledger.publish_activity(activity_id="A-1", station_id=STATION, name="防汛值守",
                            starts_at=dt.datetime(2024, 4, 1, 8, tzinfo=CST),
                            ends_at=dt.datetime(2024, 5, 31, 18, tzinfo=CST), actor=CLERK,
                            occurred_on=dt.date(2024, 3, 20))  # fmt: skip


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    opened = Ledger("memory:", clock=FixedClock(NOW))
    station(opened)
    yield opened
    opened.close()


def serve(
    ledger: Ledger, record_id: str, seconds: int, day: dt.date = DAY, **more: object
) -> object:
    return ledger.record_service(record_id=record_id, volunteer_id="V-1", activity_id="A-1",
                                 duration_s=seconds, service_date=day, actor=CLERK,
                                 occurred_on=DAY, **more)  # fmt: skip


# ---- rule 35: no business date after today ---------------------------------------------------


def test_a_gift_dated_2099_is_refused_and_no_report_counts_it(ledger: Ledger) -> None:
    before = ledger.balances(fund_id=FUND)
    with records_nothing(ledger), pytest.raises(FutureDate) as refused:
        ledger.receive_cash(fund_id=FUND, receipt_no="JZ-2099", amount="50000", donor="某公司",
                            actor=CLERK, occurred_on=dt.date(2099, 2, 3))  # fmt: skip
    assert refused.value.reason == "future_date"
    assert (refused.value.field, refused.value.today) == ("occurred_on", TODAY)
    assert ledger.balances(fund_id=FUND) == before


def test_spending_dated_tomorrow_is_refused_but_today_in_china_is_accepted(
    ledger: Ledger,
) -> None:
    """At 01:30 in China on 4 June the clock's UTC date is still 3 June: today is the 4th."""
    ledger.receive_cash(fund_id=FUND, receipt_no="JZ-1", amount="3000", actor=CLERK,
                        occurred_on=DAY)  # fmt: skip
    with records_nothing(ledger), pytest.raises(FutureDate):
        ledger.request_disbursement(fund_id=FUND, request_id="Q-1", amount="800",
                                    purpose="防汛物资", payee="某五金店", actor=CLERK,
                                    occurred_on=TODAY + dt.timedelta(days=1))  # fmt: skip
    late_night = Ledger("memory:", clock=FixedClock(dt.datetime(2024, 6, 3, 17, 30, tzinfo=dt.UTC)))
    station(late_night)
    late_night.receive_cash(fund_id=FUND, receipt_no="JZ-1", amount="3000", actor=CLERK,
                            occurred_on=dt.date(2024, 6, 4))  # fmt: skip
    with pytest.raises(FutureDate):
        late_night.receive_cash(fund_id=FUND, receipt_no="JZ-2", amount="3000", actor=CLERK,
                                occurred_on=dt.date(2024, 6, 5))  # fmt: skip


def test_a_registration_dated_ahead_is_refused(ledger: Ledger) -> None:
    with records_nothing(ledger), pytest.raises(FutureDate) as refused:
        ledger.register_volunteer(volunteer_id="V-2", station_id=STATION, name="赵强",
                                  registered_on=dt.date(2024, 7, 1), consent=True, actor=CLERK,
                                  occurred_on=TODAY)  # fmt: skip
    assert refused.value.field == "registered_on"


@settings(max_examples=30, deadline=None)
@given(days=st.integers(-400, 400))
def test_property_a_gift_is_recorded_exactly_when_it_is_not_dated_after_today(days: int) -> None:
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    station(ledger)
    day = TODAY + dt.timedelta(days=days)
    before = ledger.log_position()
    if day > TODAY:
        with pytest.raises(FutureDate):
            ledger.receive_cash(fund_id=FUND, receipt_no="JZ", amount="100", actor=CLERK,
                                occurred_on=day)  # fmt: skip
        assert ledger.log_position() == before
    else:
        ledger.receive_cash(fund_id=FUND, receipt_no="JZ", amount="100", actor=CLERK,
                            occurred_on=day)  # fmt: skip
        assert ledger.log_position() == before + 1
    ledger.close()


# ---- rule 36: pledges ------------------------------------------------------------------------


def test_a_pledge_is_not_income_until_the_gift_names_it(ledger: Ledger) -> None:
    cash_before = ledger.balances(fund_id=FUND)
    pledge = ledger.record_pledge(fund_id=FUND, pledge_id="RJ-1", amount="20000",
                                  donor="陈仓某建材公司", restriction="防汛",
                                  expected_on=dt.date(2024, 9, 1), actor=CLERK,
                                  occurred_on=DAY)  # fmt: skip
    assert isinstance(pledge, PledgeRecorded)
    assert pledge.amount_fen == 2_000_000
    assert ledger.balances(fund_id=FUND) == cash_before  # no restriction, no income, no balance
    assert ledger.annual_report(2024).donations_cash_fen == 0
    with records_nothing(ledger), pytest.raises(NotFound):
        ledger.receive_cash(fund_id=FUND, receipt_no="JZ-9", amount="20000", pledge_id="RJ-X",
                            actor=CLERK, occurred_on=DAY)  # fmt: skip
    gift = ledger.receive_cash(fund_id=FUND, receipt_no="JZ-1", amount="20000",
                               donor="陈仓某建材公司", restriction="防汛", pledge_id="RJ-1",
                               actor=CLERK, occurred_on=DAY)  # fmt: skip
    assert gift.pledge_id == "RJ-1"
    assert ledger.annual_report(2024).donations_cash_fen == 2_000_000


# ---- rule 37: service within its dates -------------------------------------------------------


def test_service_before_the_volunteer_registered_is_refused(ledger: Ledger) -> None:
    ledger.publish_activity(activity_id="A-0", station_id=STATION, name="春节慰问",
                            starts_at=dt.datetime(2024, 2, 1, 8, tzinfo=CST),
                            ends_at=dt.datetime(2024, 2, 28, 18, tzinfo=CST), actor=CLERK,
                            occurred_on=dt.date(2024, 2, 1))  # fmt: skip
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="before volunteer"):
        ledger.record_service(record_id="R-0", volunteer_id="V-1", activity_id="A-0",
                              duration_s=2 * HOUR, service_date=dt.date(2024, 2, 10),
                              actor=CLERK, occurred_on=DAY)  # fmt: skip


@pytest.mark.parametrize(
    "day", [dt.date(2024, 3, 31), dt.date(2024, 6, 1)], ids=["before it", "after it"]
)
def test_service_outside_the_activitys_dates_is_refused(ledger: Ledger, day: dt.date) -> None:
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="outside the dates"):
        serve(ledger, "R-1", 2 * HOUR, day)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="outside the dates"):
        serve(ledger, "R-2", 2 * HOUR, dt.date(2024, 5, 30), ends_on=dt.date(2024, 6, 1))


# ---- rule 38: 24 hours a day; service over several days --------------------------------------


def test_two_23_hour_durations_on_one_day_are_refused(ledger: Ledger) -> None:
    serve(ledger, "R-1", 23 * HOUR)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="a day has"):
        serve(ledger, "R-2", 23 * HOUR)
    serve(ledger, "R-3", HOUR)  # the day's last hour
    ledger.void_service(volunteer_id="V-1", record_id="R-3", reason="重复录入", actor=APPROVER,
                        occurred_on=DAY)  # fmt: skip
    serve(ledger, "R-4", HOUR)  # a voided record frees its hour


def test_a_timed_record_counts_towards_the_day_too(ledger: Ledger) -> None:
    serve(ledger, "R-1", 20 * HOUR)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="a day has"):
        ledger.record_service(record_id="R-2", volunteer_id="V-1", activity_id="A-1",
                              started_at=dt.datetime(2024, 5, 27, 9, tzinfo=CST),
                              ended_at=dt.datetime(2024, 5, 27, 14, tzinfo=CST), actor=CLERK,
                              occurred_on=DAY)  # fmt: skip


def test_a_correction_is_held_to_the_days_total(ledger: Ledger) -> None:
    serve(ledger, "R-1", 12 * HOUR)
    serve(ledger, "R-2", 10 * HOUR)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="a day has"):
        ledger.correct_service(volunteer_id="V-1", record_id="R-2", correction_id="C-1",
                               duration_s=13 * HOUR, reason="补记夜班", requested_by="张丽",
                               actor=APPROVER, occurred_on=DAY)  # fmt: skip
    ledger.correct_service(volunteer_id="V-1", record_id="R-2", correction_id="C-2",
                           duration_s=12 * HOUR, reason="补记夜班", requested_by="张丽",
                           actor=APPROVER, occurred_on=DAY)  # fmt: skip


def test_a_flood_relief_week_is_one_record_of_at_most_24_hours_a_day(ledger: Ledger) -> None:
    week = {"day": dt.date(2024, 5, 6), "ends_on": dt.date(2024, 5, 12)}
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="24 hours a day"):
        serve(ledger, "R-1", 7 * 24 * HOUR + 1, **week)
    event = serve(ledger, "R-1", 7 * 12 * HOUR + 5, **week)
    assert event.ends_on == dt.date(2024, 5, 12)  # type: ignore[attr-defined]
    # 12 h and 1 s on each of its first five days, 12 h on the last two: 12 hours are left
    # on those two only.
    for day in (dt.date(2024, 5, 6), dt.date(2024, 5, 10)):
        with records_nothing(ledger), pytest.raises(ServiceRefused, match="a day has"):
            serve(ledger, "R-2", 12 * HOUR, day)
    serve(ledger, "R-3", 12 * HOUR, dt.date(2024, 5, 11))
    with records_nothing(ledger), pytest.raises(ServiceRefused):
        serve(ledger, "R-4", HOUR, dt.date(2024, 5, 20), ends_on=TODAY + dt.timedelta(days=1))


def test_chencang_508_person_times_and_22639_hours() -> None:
    """陈仓's 508人次, 22639小时 (44.6 hours a person-time): 508 records of several days."""
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    ledger.publish_activity(activity_id="A-FX", station_id=STATION, name="防汛救灾",
                            starts_at=dt.datetime(2024, 1, 1, 0, tzinfo=CST),
                            ends_at=dt.datetime(2024, 5, 31, 23, tzinfo=CST), actor=CLERK,
                            occurred_on=dt.date(2024, 1, 1))  # fmt: skip
    people = 127
    for n in range(people):
        ledger.register_volunteer(volunteer_id=f"CC-{n:03d}", station_id=STATION,
                                  name=f"志愿者{n}", registered_on=dt.date(2024, 1, 1),
                                  consent=True, actor=CLERK,
                                  occurred_on=dt.date(2024, 1, 1))  # fmt: skip
    total_s = 22639 * HOUR
    share, rest = divmod(total_s, 508)
    for k in range(508):  # four 3-day spells a volunteer, 44.6 hours each
        first = dt.date(2024, 1, 2) + dt.timedelta(days=4 * (k // people))
        rid = f"FX-{k:03d}"
        ledger.record_service(record_id=rid, volunteer_id=f"CC-{k % people:03d}",
                              activity_id="A-FX", duration_s=share + (1 if k < rest else 0),
                              service_date=first, ends_on=first + dt.timedelta(days=2),
                              actor=CLERK, occurred_on=dt.date(2024, 5, 1))  # fmt: skip
        ledger.approve_service(volunteer_id=f"CC-{k % people:03d}", record_id=rid,
                               actor=APPROVER, occurred_on=dt.date(2024, 5, 1))  # fmt: skip
    stats = ledger.volunteer_stats(Period.year(2024))
    assert (stats.service.person_times, stats.service.duration_s) == (508, total_s)
    assert stats.service.hours == Decimal("22639.00")
    report = ledger.annual_report(2024)
    assert (report.person_times, report.service_hours) == (508, Decimal("22639.00"))
    accounts = ledger.volunteer_accounts()
    assert sum(a.person_times for a in accounts) == 508
    assert sum(a.service_s for a in accounts) == total_s
    ledger.close()


@settings(max_examples=200, deadline=None)
@given(
    days=st.integers(1, 30),
    seconds=st.integers(1, 30 * DURATION_S_MAX),
)
def test_property_a_records_time_is_spread_whole_over_its_days(days: int, seconds: int) -> None:
    first = dt.date(2024, 5, 1)
    last = first + dt.timedelta(days=days - 1)
    shares = day_shares(first, last, seconds)
    assert [d for d, _ in shares] == [first + dt.timedelta(days=n) for n in range(days)]
    assert sum(s for _, s in shares) == seconds
    assert max(s for _, s in shares) - min(s for _, s in shares) < days or days == 1
    # The seconds left over go one each to the first days: shares never grow later on.
    assert all(a >= b for (_, a), (_, b) in itertools.pairwise(shares))
    if seconds <= DURATION_S_MAX * days:
        assert all(s <= DURATION_S_MAX for _, s in shares)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 13)), min_size=1, max_size=8))
def test_property_no_day_ever_holds_more_than_24_hours(plan: list[tuple[int, int]]) -> None:
    """Durations on a few days (hours each): each is accepted exactly when its day has room."""
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    station(ledger)
    held: dict[dt.date, int] = {}
    for n, (offset, hours) in enumerate(plan):
        day = DAY + dt.timedelta(days=offset)
        if day > dt.date(2024, 5, 31):
            day = DAY
        room = held.get(day, 0) + hours * HOUR <= DURATION_S_MAX
        before = ledger.log_position()
        if room:
            serve(ledger, f"R-{n}", hours * HOUR, day)
            held[day] = held.get(day, 0) + hours * HOUR
        else:
            with pytest.raises(ServiceRefused):
                serve(ledger, f"R-{n}", hours * HOUR, day)
            assert ledger.log_position() == before
    assert all(t <= DURATION_S_MAX for t in ledger.volunteer("V-1").state.day_s.values())
    ledger.close()


# ---- rule 39: one ID number, one volunteer ---------------------------------------------------


def test_a_second_volunteer_with_the_same_id_number_is_refused(ledger: Ledger) -> None:
    for written in (ID_ZHANG, "610302 19900101 1234"):
        with records_nothing(ledger), pytest.raises(DuplicateIdNumber) as refused:
            ledger.register_volunteer(volunteer_id="V-9", station_id=STATION, name="张莉",
                                      id_number=written, registered_on=dt.date(2024, 4, 1),
                                      consent=True, actor=CLERK,
                                      occurred_on=dt.date(2024, 4, 1))  # fmt: skip
        assert (refused.value.reason, refused.value.holder) == ("duplicate_id_number", "V-1")
        assert ID_ZHANG not in str(refused.value)
    # The claim is stored under a keyed hash: the number is in no event.
    claims = [e for e in ledger.stored_events() if isinstance(e, IdNumberClaimed)]
    assert len(claims) == 1
    assert ID_ZHANG.encode() not in claims[0].holder_sealed


def test_correcting_the_id_number_moves_the_claim(ledger: Ledger) -> None:
    ledger.register_volunteer(volunteer_id="V-2", station_id=STATION, name="赵强",
                              id_number="610302198505051239", registered_on=dt.date(2024, 4, 1),
                              consent=True, actor=CLERK,
                              occurred_on=dt.date(2024, 4, 1))  # fmt: skip
    with records_nothing(ledger), pytest.raises(DuplicateIdNumber):
        ledger.correct_volunteer_profile(volunteer_id="V-2", correction_id="K-1",
                                         field="id_number", value=ID_ZHANG, reason="录错",
                                         actor=CLERK, occurred_on=DAY)  # fmt: skip
    ledger.correct_volunteer_profile(volunteer_id="V-1", correction_id="K-2", field="id_number",
                                     value="610302199001011250", reason="录错", actor=CLERK,
                                     occurred_on=DAY)  # fmt: skip
    assert isinstance(ledger.stored_events()[-2], IdNumberClaimed | IdNumberReleased)
    # The old number is free again: V-2 may take it.
    ledger.correct_volunteer_profile(volunteer_id="V-2", correction_id="K-3",
                                     field="id_number", value=ID_ZHANG, reason="录错",
                                     actor=CLERK, occurred_on=DAY)  # fmt: skip


def test_an_erased_holders_claim_lapses(ledger: Ledger) -> None:
    ledger.erase_personal_data(volunteer_id="V-1", reason="本人申请", requested_by="本人",
                               actor=CLERK, occurred_on=DAY)  # fmt: skip
    ledger.register_volunteer(volunteer_id="V-3", station_id=STATION, name="张丽",
                              id_number=ID_ZHANG, registered_on=DAY, consent=True, actor=CLERK,
                              occurred_on=DAY)  # fmt: skip


ROSTER_HEADER = "志愿者编号,姓名,身份证号,出生日期,注册日期,同意\n"


def test_a_roster_with_an_id_number_held_by_another_volunteer_records_nothing(
    ledger: Ledger, tmp_path: Path
) -> None:
    sheet = tmp_path / "名册.csv"
    sheet.write_text(ROSTER_HEADER + f"V-7,张莉,{ID_ZHANG},1990-01-01,2024-04-01,是\n",
                     encoding="utf-8")  # fmt: skip
    with records_nothing(ledger), pytest.raises(SheetRefused) as refused:
        import_file(ledger, sheet, station_id=STATION)
    [problem] = refused.value.rows
    assert (problem.line, problem.reason) == (2, "duplicate_id_number")
    assert "'V-1'" in problem.message
    assert ID_ZHANG not in problem.message


def test_a_roster_with_one_id_number_on_two_lines_records_nothing(
    ledger: Ledger, tmp_path: Path
) -> None:
    sheet = tmp_path / "名册.csv"
    sheet.write_text(
        ROSTER_HEADER
        + "V-7,王五,610302198001011236,1980-01-01,2024-04-01,是\n"
        + "V-8,王伍,610302 19800101 1236,1980-01-01,2024-04-01,是\n",
        encoding="utf-8",
    )
    with records_nothing(ledger), pytest.raises(SheetRefused) as refused:
        import_file(ledger, sheet, station_id=STATION)
    [problem] = refused.value.rows
    assert (problem.line, problem.reason) == (3, "duplicate_id_number")
    assert "1236" not in problem.message


def test_a_roster_seals_the_id_number_and_birth_date(ledger: Ledger, tmp_path: Path) -> None:
    sheet = tmp_path / "名册.csv"
    sheet.write_text(ROSTER_HEADER + "V-7,王五,610302198001011236,1980-01-01,2024-04-01,是\n",
                     encoding="utf-8")  # fmt: skip
    import_file(ledger, sheet, station_id=STATION)
    data = ledger.personal_data("V-7")
    assert (data.id_number, data.birth_date) == ("610302198001011236", dt.date(1980, 1, 1))
    assert any(isinstance(e, IdNumberClaimed) for e in ledger.stored_events())


def test_two_writers_on_one_store_cannot_both_register_one_id_number(tmp_path: Path) -> None:
    """Two clerks' ledgers on one SQLite file: the claim the first wrote refuses the second."""
    db = str(tmp_path / "station.db")
    first, second = Ledger(db, clock=FixedClock(NOW)), Ledger(db, clock=FixedClock(NOW))
    try:
        second.volunteer_accounts()  # the second has read the store before the first writes
        first.register_volunteer(volunteer_id="V-1", station_id=STATION, name="张丽",
                                 id_number=ID_ZHANG, registered_on=DAY, consent=True,
                                 actor=CLERK, occurred_on=DAY)  # fmt: skip
        with records_nothing(second), pytest.raises(DuplicateIdNumber):
            second.register_volunteer(volunteer_id="V-2", station_id=STATION, name="张丽",
                                      id_number=ID_ZHANG, registered_on=DAY, consent=True,
                                      actor=CLERK, occurred_on=DAY)  # fmt: skip
    finally:
        first.close()
        second.close()
