"""Every rule and refusal of volunteers, service records and the time bank (DOMAIN rules 1-4, 6).

Given a station's volunteers and activities (set up through the ``Ledger``'s own
commands), when a command runs, then either the expected events are stored, or the
named error is raised and nothing is stored: ``ledger.log_position()`` is unchanged.
The tests go through the public ``Ledger`` API because several rules live in the
application (auto-approval, automatic banking, atomic transfers) and the boundary
(``InvalidInput`` for a duration of zero), and they run on every backend.

Time: the recording clock stands at Monday 2024-06-03 10:00 in China (02:00 UTC), later
than every service date used, and every datetime passed in is timezone-aware (UTC+8).

Repeats follow the fund's rule: the same key with the same fields returns the
recorded event; the same key with another field (another date, another member, a
transfer received rather than given) is refused and records nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    NotFound,
    RuleViolation,
)
from sgz_ledger.domain.events import (
    HoursAdjusted,
    HoursBanked,
    HoursTransferredIn,
    HoursTransferredOut,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
)
from sgz_ledger.domain.volunteer import (
    STATION_TZ,
    InsufficientCredit,
    ServiceRefused,
    VolunteerNotActive,
    volunteer_uuid,
)
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

CST = dt.timezone(dt.timedelta(hours=8))
# Monday 2024-06-03, 10:00 in China: the ledger's clock, later than every service date.
NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2024, 6, 3)
DAY = dt.date(2024, 5, 27)  # a Monday, 5 working days before TODAY: not late
STATION = "cuizhai"
V1, V2, V3 = "V-0001", "V-0002", "V-0003"
SERVICE, TRAINING, SUPERVISION = "A-SVC", "A-TRAIN", "A-SUP"
CLERK = "王芳"  # records service (记录人)
APPROVER = "李娜"  # checks and approves it
MANAGER = "刘军"  # 站长: authorises adjustments, approves redemptions
HOUR = 3600


@pytest.fixture
def clock() -> FixedClock:
    """The recording clock of every ledger in this module (overrides conftest's)."""
    return FixedClock(NOW)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A time of day in China (UTC+8)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CST)


@contextmanager
def records_nothing(ledger: Ledger) -> Iterator[None]:
    """The block (a refused command) leaves the log exactly as it was."""
    before = ledger.log_position()
    yield
    assert ledger.log_position() == before, "the command recorded events"


def new_events(ledger: Ledger, since: int) -> list[Any]:
    """The events stored after log position ``since``."""
    return ledger.stored_events()[since:]


# ---- given: a station, its volunteers and activities ------------------------------------------


def given(ledger: Ledger, **policy: Any) -> None:
    """Two active volunteers (both in 红马甲服务队), a service, a training and a supervision
    activity; with ``policy`` fields the station's policy is set first."""
    if policy:
        ledger.set_station_policy(
            station_id=STATION, name="崔寨街道社工站", actor=MANAGER, occurred_on=DAY, **policy
        )
    for code, name in ((V1, "张丽"), (V2, "赵强")):
        ledger.register_volunteer(
            volunteer_id=code,
            station_id=STATION,
            name=name,
            registered_on=dt.date(2024, 3, 1),
            consent=True,
            team="红马甲服务队",
            actor=CLERK,
            occurred_on=dt.date(2024, 3, 1),
        )
    for code, name, category in (
        (SERVICE, "敬老院探访", "volunteer_service"),
        (TRAINING, "志愿者急救培训", "training"),
        (SUPERVISION, "社工督导", "supervision"),
    ):
        ledger.publish_activity(
            activity_id=code,
            station_id=STATION,
            name=name,
            category=category,
            community="崔寨村",
            place="崔寨敬老院",
            organizer="崔寨街道社工站",
            leader="刘军",
            starts_at=at(dt.date(2024, 3, 1), 8),
            ends_at=at(dt.date(2024, 12, 31), 18),
            actor=CLERK,
            occurred_on=dt.date(2024, 3, 1),
        )


def record(
    ledger: Ledger,
    record_id: str,
    *,
    volunteer: str = V1,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    activity: str = SERVICE,
    actor: str = CLERK,
    occurred_on: dt.date = DAY,
    **fields: Any,
) -> Any:
    """Record service: by default 09:00-11:00 on DAY; ``duration_s=``/``service_date=`` instead."""
    if "duration_s" not in fields and "duration_minutes" not in fields:
        fields["started_at"] = start or at(DAY, 9)
        fields["ended_at"] = end or at(DAY, 11)
    return ledger.record_service(
        record_id=record_id,
        volunteer_id=volunteer,
        activity_id=activity,
        actor=actor,
        occurred_on=occurred_on,
        **fields,
    )


def approve(
    ledger: Ledger,
    record_id: str,
    *,
    volunteer: str = V1,
    actor: str = APPROVER,
    occurred_on: dt.date = DAY,
) -> Any:
    return ledger.approve_service(
        volunteer_id=volunteer, record_id=record_id, actor=actor, occurred_on=occurred_on
    )


def bank(ledger: Ledger, record_id: str, *, volunteer: str = V1) -> Any:
    return ledger.bank_hours(
        volunteer_id=volunteer, record_id=record_id, actor=CLERK, occurred_on=DAY
    )


def redeem(
    ledger: Ledger,
    redemption_id: str,
    credit_s: int,
    *,
    volunteer: str = V1,
    approver: str = MANAGER,
    actor: str = CLERK,
) -> Any:
    return ledger.redeem_hours(
        volunteer_id=volunteer,
        redemption_id=redemption_id,
        credit_s=credit_s,
        item="理发服务",
        quantity=1,
        counterparty="爱心理发店",
        approver=approver,
        actor=actor,
        occurred_on=DAY,
    )


def transfer(
    ledger: Ledger, transfer_id: str, credit_s: int, *, source: str = V1, target: str = V2
) -> Any:
    return ledger.transfer_hours(
        volunteer_id=source,
        transfer_id=transfer_id,
        to_volunteer_id=target,
        credit_s=credit_s,
        reason="赠予家人",
        actor=CLERK,
        occurred_on=DAY,
    )


def adjust(
    ledger: Ledger,
    adjustment_id: str,
    credit_s: int,
    kind: str = "adjustment",
    *,
    volunteer: str = V1,
) -> Any:
    return ledger.adjust_hours(
        volunteer_id=volunteer,
        adjustment_id=adjustment_id,
        credit_s=credit_s,
        kind=kind,
        authorised_by=MANAGER,
        reason="年度清理",
        actor=CLERK,
        occurred_on=DAY,
    )


def deactivate(ledger: Ledger, volunteer: str = V1) -> Any:
    return ledger.deactivate_volunteer(
        volunteer_id=volunteer, reason="迁出本街道", actor=CLERK, occurred_on=DAY
    )


def hours_s(ledger: Ledger, volunteer: str = V1) -> int:
    return ledger.volunteer(volunteer).state.service_s


def balance_s(ledger: Ledger, volunteer: str = V1) -> int:
    return ledger.volunteer(volunteer).state.bank_balance_s


def given_balance(ledger: Ledger, seconds: int = 2 * HOUR, **policy: Any) -> None:
    """``given`` plus one approved, banked record of V1 worth ``seconds`` of credit (1:1)."""
    given(ledger, **policy)
    record(ledger, "R-BANK", duration_s=seconds, service_date=DAY)
    approve(ledger, "R-BANK")
    bank(ledger, "R-BANK")
    assert balance_s(ledger) == seconds


# ---- rule 1: what a record holds, and the time it may state ------------------------------------


def test_a_record_holds_the_fields_of_art_7(ledger: Ledger) -> None:
    given(ledger)
    event = record(ledger, "R-1", content="陪伴老人、整理房间")
    assert isinstance(event, ServiceRecorded)
    assert (event.activity_name, event.service_date, event.place) == (
        "敬老院探访",
        DAY,
        "崔寨敬老院",
    )
    assert (event.content, event.organizer, event.leader) == (
        "陪伴老人、整理房间",
        "崔寨街道社工站",
        "刘军",
    )
    assert (event.duration_s, event.actor, event.community) == (2 * HOUR, CLERK, "崔寨村")
    assert event.team == "红马甲服务队"  # the volunteer's team when none is given
    assert ledger.stored_events()[-1] == event


@pytest.mark.parametrize(
    "time",
    [
        {"duration_s": 0, "service_date": DAY},
        {"duration_s": -60, "service_date": DAY},
        {"duration_minutes": 0, "service_date": DAY},
        {"duration_minutes": -5, "service_date": DAY},
    ],
    ids=["0 s", "-60 s", "0 min", "-5 min"],
)
def test_the_boundary_refuses_a_duration_of_zero_or_less(
    ledger: Ledger, time: dict[str, Any]
) -> None:
    given(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput):
        record(ledger, "R-1", **time)


@pytest.mark.parametrize(
    ("start", "end"),
    [(at(DAY, 9), at(DAY, 9)), (at(DAY, 11), at(DAY, 9))],
    ids=["ends as it starts", "ends before it starts"],
)
def test_an_interval_of_zero_or_negative_time_is_refused(
    ledger: Ledger, start: dt.datetime, end: dt.datetime
) -> None:
    given(ledger)
    with records_nothing(ledger), pytest.raises(ServiceRefused) as refused:
        record(ledger, "R-1", start=start, end=end)
    # Said in the times given, in station time, so the clerk sees which cell is wrong.
    assert refused.value.code == "service_ends_before_start"
    local = (end.astimezone(STATION_TZ), start.astimezone(STATION_TZ))
    assert f"the end {local[0]:%H:%M:%S} is not after the start {local[1]:%H:%M:%S}" in str(
        refused.value
    )


def test_more_than_24_hours_in_one_record_is_refused(ledger: Ledger) -> None:
    given(ledger)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="24 hours"):
        record(ledger, "R-1", duration_s=24 * HOUR + 1, service_date=DAY)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="24 hours"):
        record(ledger, "R-2", start=at(DAY, 8), end=at(DAY + dt.timedelta(days=1), 8, 1))
    assert record(ledger, "R-3", duration_s=24 * HOUR, service_date=DAY).duration_s == 24 * HOUR


def test_a_record_overlapping_another_of_the_same_volunteer_is_refused(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1", start=at(DAY, 9), end=at(DAY, 11))
    for start, end in [
        (at(DAY, 10), at(DAY, 12)),  # starts inside
        (at(DAY, 8), at(DAY, 9, 30)),  # ends inside
        (at(DAY, 8), at(DAY, 12)),  # covers it
        (at(DAY, 9, 30), at(DAY, 10)),  # inside it
        (at(DAY, 9), at(DAY, 11)),  # the same time under another record id
    ]:
        with records_nothing(ledger), pytest.raises(ServiceRefused, match="overlaps"):
            record(ledger, "R-2", start=start, end=end)
    # An overlap with a record of another category (training) is refused too: one person.
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="overlaps"):
        record(ledger, "R-2", start=at(DAY, 10), end=at(DAY, 12), activity=TRAINING)


def test_adjacent_records_do_not_overlap(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1", start=at(DAY, 9), end=at(DAY, 11))
    record(ledger, "R-2", start=at(DAY, 11), end=at(DAY, 12))
    record(ledger, "R-3", start=at(DAY, 8), end=at(DAY, 9))
    # The same instant written in UTC is still adjacent, not overlapping.
    record(ledger, "R-4", start=at(DAY, 12).astimezone(dt.UTC), end=at(DAY, 13).astimezone(dt.UTC))
    assert set(ledger.volunteer(V1).state.records) == {"R-1", "R-2", "R-3", "R-4"}


def test_the_same_time_for_another_volunteer_does_not_overlap(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1", volunteer=V1)
    record(ledger, "R-2", volunteer=V2)
    assert "R-2" in ledger.volunteer(V2).state.records


def test_a_voided_record_no_longer_overlaps(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    ledger.void_service(
        volunteer_id=V1, record_id="R-1", reason="录错日期", actor=CLERK, occurred_on=DAY
    )
    record(ledger, "R-2")
    assert "R-2" in ledger.volunteer(V1).state.records


def test_a_correction_may_not_create_an_overlap(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1", start=at(DAY, 9), end=at(DAY, 11))
    record(ledger, "R-2", start=at(DAY, 13), end=at(DAY, 14))
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="overlaps"):
        ledger.correct_service(
            volunteer_id=V1,
            record_id="R-2",
            correction_id="C-1",
            started_at=at(DAY, 10),
            ended_at=at(DAY, 14),
            reason="开始时间录错",
            requested_by="张丽",
            actor=APPROVER,
            occurred_on=DAY,
        )
    # Moving a record within its own old time does not overlap itself.
    event = ledger.correct_service(
        volunteer_id=V1,
        record_id="R-1",
        correction_id="C-2",
        started_at=at(DAY, 9, 30),
        ended_at=at(DAY, 11),
        reason="迟到半小时",
        requested_by="张丽",
        actor=APPROVER,
        occurred_on=DAY,
    )
    assert event.duration_s == 90 * 60


def test_a_record_ending_in_the_future_is_refused(ledger: Ledger) -> None:
    given(ledger)
    now_cst = NOW.astimezone(CST)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="future"):
        record(
            ledger,
            "R-1",
            start=now_cst - dt.timedelta(hours=1),
            end=now_cst + dt.timedelta(hours=1),
        )
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="future"):
        record(ledger, "R-2", start=at(TODAY, 11), end=at(TODAY, 12))
    # Ending before the clock (which advances one second per command) is fine.
    event = record(ledger, "R-3", start=now_cst - dt.timedelta(hours=2), end=now_cst)
    assert event.service_date == TODAY


def test_a_record_dated_in_the_future_is_refused(ledger: Ledger) -> None:
    given(ledger)
    tomorrow = TODAY + dt.timedelta(days=1)
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="future"):
        record(ledger, "R-1", duration_s=HOUR, service_date=tomorrow)
    assert record(ledger, "R-2", duration_s=HOUR, service_date=TODAY).service_date == TODAY


def test_todays_service_may_be_recorded_just_after_midnight_in_china(
    ledger: Ledger, clock: FixedClock
) -> None:
    """ "Today" is the station's date (UTC+8), not the UTC date of the clock."""
    given(ledger)
    clock.now = dt.datetime(2024, 6, 3, 18, 0, tzinfo=dt.UTC)  # 2024-06-04 02:00 in China
    june_4 = dt.date(2024, 6, 4)
    event = record(ledger, "R-1", start=at(june_4, 0, 30), end=at(june_4, 1, 30))
    assert event.service_date == june_4
    assert record(ledger, "R-2", duration_s=60, service_date=june_4).service_date == june_4
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="future"):
        record(ledger, "R-3", duration_s=60, service_date=dt.date(2024, 6, 5))


def test_an_unknown_volunteer_or_activity_is_not_found(ledger: Ledger) -> None:
    given(ledger)
    with records_nothing(ledger), pytest.raises(NotFound) as info:
        record(ledger, "R-1", volunteer="V-9999")
    assert info.value.kind == "volunteer"
    with records_nothing(ledger), pytest.raises(NotFound) as info:
        record(ledger, "R-1", activity="A-9999")
    assert info.value.kind == "activity"
    with records_nothing(ledger), pytest.raises(NotFound):
        approve(ledger, "R-9999")
    with records_nothing(ledger), pytest.raises(NotFound):
        ledger.volunteer("V-9999")


def test_a_deactivated_volunteer_records_no_service_and_moves_no_credit(ledger: Ledger) -> None:
    given_balance(ledger)
    record(ledger, "R-1", start=at(DAY, 14), end=at(DAY, 15))
    approve(ledger, "R-1")
    deactivate(ledger)
    assert not ledger.volunteer(V1).state.active
    position = ledger.log_position()
    assert deactivate(ledger) is None  # deactivating again records nothing
    assert ledger.log_position() == position
    for command in (
        lambda: record(ledger, "R-2"),
        lambda: bank(ledger, "R-1"),
        lambda: redeem(ledger, "X-1", HOUR),
        lambda: transfer(ledger, "T-1", HOUR),
    ):
        with records_nothing(ledger), pytest.raises(VolunteerNotActive):
            command()
    # Records and credit stay: an expiry still applies, and others may give credit to them.
    adjust(ledger, "J-1", -HOUR, "expiry")
    adjust(ledger, "J-2", 60, volunteer=V2)
    transfer(ledger, "T-2", 60, source=V2, target=V1)
    assert balance_s(ledger) == HOUR + 60
    assert hours_s(ledger) == 3 * HOUR


# ---- rule 2: who records, late entries, approval ------------------------------------------------


@pytest.mark.parametrize(
    ("service_date", "recorded_on", "late"),
    [
        (dt.date(2024, 5, 20), dt.date(2024, 6, 3), False),  # Mon -> Mon: exactly 10 working days
        (dt.date(2024, 5, 20), dt.date(2024, 6, 4), True),  # 11 working days
        (dt.date(2024, 5, 10), dt.date(2024, 5, 24), False),  # Fri -> Fri: 10
        (dt.date(2024, 5, 10), dt.date(2024, 5, 26), False),  # ... the weekend after: still 10
        (dt.date(2024, 5, 10), dt.date(2024, 5, 27), True),  # Monday: 11
        (dt.date(2024, 5, 11), dt.date(2024, 5, 24), False),  # Sat -> Fri: 10
        (dt.date(2024, 5, 11), dt.date(2024, 5, 27), True),  # Sat -> Mon: 11
        (dt.date(2024, 3, 4), dt.date(2024, 6, 3), True),  # months later
    ],
)
def test_a_record_after_10_working_days_is_accepted_and_flagged_late(
    ledger: Ledger,
    clock: FixedClock,
    service_date: dt.date,
    recorded_on: dt.date,
    late: bool,
) -> None:
    clock.now = dt.datetime.combine(recorded_on, dt.time(2), tzinfo=dt.UTC)  # 10:00 in China
    given(ledger)
    # Entered and approved on the day of entry: a business date after today is refused.
    event = record(
        ledger, "R-1", duration_s=HOUR, service_date=service_date, occurred_on=recorded_on
    )
    assert event.late is late
    approve(ledger, "R-1", occurred_on=recorded_on)
    assert hours_s(ledger) == HOUR  # a late record counts like any other once approved


def test_the_recorder_may_not_approve_their_own_record(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1", actor=CLERK)
    with records_nothing(ledger), pytest.raises(RuleViolation, match="may not approve"):
        approve(ledger, "R-1", actor=CLERK)
    assert isinstance(approve(ledger, "R-1", actor=APPROVER), ServiceApproved)


def test_a_record_counts_only_once_approved(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    assert hours_s(ledger) == 0
    assert ledger.volunteer(V1).state.records["R-1"].counted_s == 0
    event = approve(ledger, "R-1")
    assert (event.actor, event.record_id, event.duration_s) == (APPROVER, "R-1", 2 * HOUR)
    assert hours_s(ledger) == 2 * HOUR


def test_a_second_approver_is_refused_and_the_same_one_again_records_nothing(
    ledger: Ledger,
) -> None:
    given(ledger)
    record(ledger, "R-1")
    first = approve(ledger, "R-1")
    position = ledger.log_position()
    assert approve(ledger, "R-1") == first
    assert ledger.log_position() == position
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="already approved"):
        approve(ledger, "R-1", actor=MANAGER)
    assert hours_s(ledger) == 2 * HOUR


def test_approving_again_with_another_date_is_a_conflict(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    approve(ledger, "R-1")
    with records_nothing(ledger), pytest.raises(IdempotencyConflict):
        ledger.approve_service(
            volunteer_id=V1,
            record_id="R-1",
            actor=APPROVER,
            occurred_on=DAY + dt.timedelta(days=1),
        )


def test_an_auto_approving_station_counts_records_on_entry(ledger: Ledger) -> None:
    given(ledger, auto_approve=True)
    position = ledger.log_position()
    record(ledger, "R-1")
    recorded, approved = new_events(ledger, position)
    assert isinstance(recorded, ServiceRecorded)
    assert isinstance(approved, ServiceApproved)
    assert (approved.actor, approved.record_id, approved.duration_s) == (
        "auto-approve",
        "R-1",
        7200,
    )
    assert hours_s(ledger) == 2 * HOUR
    # Repeating the entry approves nothing again, and a named approver adds nothing,
    # not even the recorder (since 8b455e9).
    record(ledger, "R-1")
    assert approve(ledger, "R-1", actor=APPROVER) == approved
    assert approve(ledger, "R-1", actor=CLERK) == approved
    assert ledger.log_position() == position + 2


# ---- rule 4: training and supervision are not service ------------------------------------------


@pytest.mark.parametrize("activity", [TRAINING, SUPERVISION])
def test_training_and_supervision_produce_no_service_hours(ledger: Ledger, activity: str) -> None:
    given(ledger)
    event = record(ledger, "R-1", activity=activity)
    assert event.category in ("training", "supervision")
    approve(ledger, "R-1")
    state = ledger.volunteer(V1).state
    assert state.records["R-1"].approval is not None
    assert (state.records["R-1"].counted_s, state.service_s) == (0, 0)
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="not volunteer service"):
        bank(ledger, "R-1")
    # A correction of such a record changes no hours either.
    correction = ledger.correct_service(
        volunteer_id=V1,
        record_id="R-1",
        correction_id="C-1",
        duration_s=3 * HOUR,
        reason="漏记一小时",
        requested_by="张丽",
        actor=APPROVER,
        occurred_on=DAY,
    )
    assert (correction.delta_s, correction.counted) == (0, False)
    assert hours_s(ledger) == 0


@pytest.mark.parametrize("activity", [TRAINING, SUPERVISION])
def test_automatic_banking_skips_training_and_supervision(ledger: Ledger, activity: str) -> None:
    given(ledger, auto_approve=True, bank_automatic=True)
    position = ledger.log_position()
    record(ledger, "R-1", activity=activity)
    assert [type(e) for e in new_events(ledger, position)] == [ServiceRecorded, ServiceApproved]
    assert (hours_s(ledger), balance_s(ledger)) == (0, 0)


# ---- rule 3: corrections and voids are new events ------------------------------------------------


def correct(ledger: Ledger, correction_id: str, record_id: str = "R-1", **time: Any) -> Any:
    return ledger.correct_service(
        volunteer_id=V1,
        record_id=record_id,
        correction_id=correction_id,
        reason="志愿者反映少记半小时",
        requested_by="张丽",
        actor=APPROVER,
        occurred_on=DAY,
        **time,
    )


def test_a_correction_is_a_new_event_naming_record_reason_requester_and_verifier(
    ledger: Ledger,
) -> None:
    given(ledger)
    original = record(ledger, "R-1")
    approve(ledger, "R-1")
    position = ledger.log_position()
    event = correct(ledger, "C-1", started_at=at(DAY, 9), ended_at=at(DAY, 11, 30))
    assert new_events(ledger, position) == [event]
    assert isinstance(event, ServiceCorrected)
    assert (event.record_id, event.reason) == ("R-1", "志愿者反映少记半小时")
    assert (event.requested_by, event.actor) == ("张丽", APPROVER)
    assert (event.duration_s, event.delta_s, event.counted) == (9000, 1800, True)
    # The original stays in the log, unchanged.
    assert original in ledger.stored_events()
    state = ledger.volunteer(V1).state
    assert state.records["R-1"].recorded == original
    assert state.records["R-1"].duration_s == 9000
    assert state.service_s == 9000
    # A second correction moves the count by its own delta only.
    assert correct(ledger, "C-2", duration_s=HOUR).delta_s == HOUR - 9000
    assert hours_s(ledger) == HOUR


def test_a_correction_before_approval_changes_no_hours_until_approved(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    event = correct(ledger, "C-1", duration_s=3 * HOUR)
    assert (event.delta_s, event.counted) == (0, False)
    assert hours_s(ledger) == 0
    approve(ledger, "R-1")
    assert hours_s(ledger) == 3 * HOUR  # the corrected time is what gets approved


def test_the_boundary_refuses_a_correction_of_zero_time(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    with records_nothing(ledger), pytest.raises(InvalidInput):
        correct(ledger, "C-1", duration_s=0)
    with records_nothing(ledger), pytest.raises(ServiceRefused):
        correct(ledger, "C-1", started_at=at(DAY, 11), ended_at=at(DAY, 9))
    with records_nothing(ledger), pytest.raises(ServiceRefused, match="24 hours"):
        correct(ledger, "C-1", duration_s=24 * HOUR + 1)


def test_a_void_with_a_reason_removes_the_counted_hours(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    approve(ledger, "R-1")
    record(ledger, "R-2", start=at(DAY, 14), end=at(DAY, 15))  # never approved
    position = ledger.log_position()
    event = ledger.void_service(
        volunteer_id=V1, record_id="R-1", reason="重复录入", actor=CLERK, occurred_on=DAY
    )
    assert new_events(ledger, position) == [event]
    assert isinstance(event, ServiceVoided)
    assert (event.record_id, event.counted_s, event.reason) == ("R-1", 2 * HOUR, "重复录入")
    unapproved = ledger.void_service(
        volunteer_id=V1, record_id="R-2", reason="活动取消", actor=CLERK, occurred_on=DAY
    )
    assert unapproved.counted_s == 0
    assert hours_s(ledger) == 0
    position = ledger.log_position()
    again = ledger.void_service(
        volunteer_id=V1, record_id="R-1", reason="重复录入", actor=CLERK, occurred_on=DAY
    )
    assert again is None
    assert ledger.log_position() == position
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="voided"):
        correct(ledger, "C-1", duration_s=HOUR)
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="voided"):
        approve(ledger, "R-2")
    with records_nothing(ledger), pytest.raises(InvalidTransition):
        bank(ledger, "R-1")


# ---- rule 6: the time bank ----------------------------------------------------------------------


def test_a_deposit_names_its_record_and_a_record_is_banked_once(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-1")
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="not an approved"):
        bank(ledger, "R-1")
    approve(ledger, "R-1")
    event = bank(ledger, "R-1")
    assert isinstance(event, HoursBanked)
    assert (event.record_id, event.duration_s, event.credit_s) == ("R-1", 2 * HOUR, 2 * HOUR)
    assert balance_s(ledger) == 2 * HOUR
    # The same deposit asked for again (same clerk, same day) is a repeat: nothing new.
    with records_nothing(ledger):
        assert bank(ledger, "R-1") == event
    assert balance_s(ledger) == 2 * HOUR
    for actor, on in ((MANAGER, DAY), (CLERK, DAY + dt.timedelta(days=1))):
        with (
            records_nothing(ledger),
            pytest.raises(InvalidTransition, match="already in the time bank"),
        ):
            ledger.bank_hours(volunteer_id=V1, record_id="R-1", actor=actor, occurred_on=on)
    with records_nothing(ledger), pytest.raises(NotFound):
        bank(ledger, "R-9999")


def test_automatic_banking_deposits_on_approval(ledger: Ledger) -> None:
    given(ledger, bank_automatic=True)
    record(ledger, "R-1")
    position = ledger.log_position()
    approve(ledger, "R-1")
    approved, banked = new_events(ledger, position)
    assert isinstance(approved, ServiceApproved)
    assert isinstance(banked, HoursBanked)
    assert (banked.record_id, banked.credit_s, banked.actor) == ("R-1", 2 * HOUR, APPROVER)
    with (
        records_nothing(ledger),
        pytest.raises(InvalidTransition, match="already in the time bank"),
    ):
        bank(ledger, "R-1")


def test_auto_approval_and_automatic_banking_deposit_on_entry(ledger: Ledger) -> None:
    given(ledger, auto_approve=True, bank_automatic=True)
    position = ledger.log_position()
    record(ledger, "R-1")
    types = [type(e) for e in new_events(ledger, position)]
    assert types == [ServiceRecorded, ServiceApproved, HoursBanked]
    assert balance_s(ledger) == 2 * HOUR


@pytest.mark.parametrize(
    ("rate_pct", "duration_s", "credit_s"),
    [(100, 3601, 3601), (150, 3601, 5401), (150, 7200, 10800), (50, 3601, 1800), (120, 1, 1)],
)
def test_the_station_rate_sets_the_credit(
    ledger: Ledger, rate_pct: int, duration_s: int, credit_s: int
) -> None:
    given(ledger, bank_rate_pct=rate_pct)
    record(ledger, "R-1", duration_s=duration_s, service_date=DAY)
    approve(ledger, "R-1")
    event = bank(ledger, "R-1")
    assert event.credit_s == duration_s * rate_pct // 100 == credit_s
    assert balance_s(ledger) == credit_s
    assert hours_s(ledger) == duration_s  # the rate changes credit, never service hours


def test_a_redemption_never_takes_the_balance_below_zero(ledger: Ledger) -> None:
    given_balance(ledger, 2 * HOUR)
    with records_nothing(ledger), pytest.raises(InsufficientCredit) as info:
        redeem(ledger, "X-1", 2 * HOUR + 1)
    assert (info.value.balance_s, info.value.needed_s, info.value.limit_s) == (7200, 7201, 0)
    redeem(ledger, "X-1", HOUR)
    redeem(ledger, "X-2", HOUR)  # exactly down to zero
    assert balance_s(ledger) == 0
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        redeem(ledger, "X-3", 1)


def test_a_negative_limit_allows_going_below_zero_down_to_it(ledger: Ledger) -> None:
    given_balance(ledger, HOUR, bank_limit_s=-2 * HOUR)
    redeem(ledger, "X-1", 2 * HOUR)
    assert balance_s(ledger) == -HOUR
    with records_nothing(ledger), pytest.raises(InsufficientCredit) as info:
        redeem(ledger, "X-2", HOUR + 1)
    assert info.value.limit_s == -2 * HOUR
    redeem(ledger, "X-2", HOUR)
    assert balance_s(ledger) == -2 * HOUR
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        transfer(ledger, "T-1", 1)
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        adjust(ledger, "J-1", -1, "expiry")


def test_the_boundary_refuses_a_positive_limit(ledger: Ledger) -> None:
    with records_nothing(ledger), pytest.raises(InvalidInput):
        ledger.set_station_policy(
            station_id=STATION, name="站", bank_limit_s=60, actor=MANAGER, occurred_on=DAY
        )


def test_a_redemption_is_approved_by_someone_else(ledger: Ledger) -> None:
    given_balance(ledger)
    with records_nothing(ledger), pytest.raises(RuleViolation, match="someone other"):
        redeem(ledger, "X-1", HOUR, approver=CLERK, actor=CLERK)
    event = redeem(ledger, "X-1", HOUR, approver=MANAGER, actor=CLERK)
    assert (event.approver, event.actor, event.item, event.quantity) == (
        MANAGER,
        CLERK,
        "理发服务",
        1,
    )


def test_a_transfer_moves_credit_between_members_atomically(ledger: Ledger) -> None:
    given_balance(ledger, 2 * HOUR)
    position = ledger.log_position()
    event = transfer(ledger, "T-1", HOUR)
    out, into = new_events(ledger, position)
    assert out == event
    assert isinstance(out, HoursTransferredOut)
    assert isinstance(into, HoursTransferredIn)
    assert (out.originator_id, into.originator_id) == (volunteer_uuid(V1), volunteer_uuid(V2))
    assert (out.transfer_id, out.to_volunteer_id, out.credit_s) == ("T-1", V2, HOUR)
    assert (into.transfer_id, into.from_volunteer_id, into.credit_s) == ("T-1", V1, HOUR)
    assert (balance_s(ledger, V1), balance_s(ledger, V2)) == (HOUR, HOUR)
    # Refused whole: beyond the balance, to an unknown member, or to oneself.
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        transfer(ledger, "T-2", HOUR + 1)
    with records_nothing(ledger), pytest.raises(NotFound):
        transfer(ledger, "T-3", 60, target="V-9999")
    with records_nothing(ledger), pytest.raises(RuleViolation, match="themselves"):
        transfer(ledger, "T-4", 60, target=V1)
    # Repeating it records nothing.
    assert transfer(ledger, "T-1", HOUR) == event
    assert ledger.log_position() == position + 2
    assert (balance_s(ledger, V1), balance_s(ledger, V2)) == (HOUR, HOUR)


def test_a_transfer_id_reused_for_another_member_is_a_conflict(ledger: Ledger) -> None:
    given_balance(ledger, 2 * HOUR)
    ledger.register_volunteer(
        volunteer_id=V3,
        station_id=STATION,
        name="孙悦",
        registered_on=DAY,
        consent=True,
        actor=CLERK,
        occurred_on=DAY,
    )
    transfer(ledger, "T-1", HOUR, target=V2)
    with records_nothing(ledger), pytest.raises(IdempotencyConflict):
        transfer(ledger, "T-1", HOUR, target=V3)


def test_a_received_transfer_id_is_not_a_transfer_back(ledger: Ledger) -> None:
    given_balance(ledger, 2 * HOUR)
    transfer(ledger, "T-1", HOUR, source=V1, target=V2)
    with records_nothing(ledger), pytest.raises((IdempotencyConflict, InvalidTransition)):
        transfer(ledger, "T-1", HOUR, source=V2, target=V1)


def test_an_expiry_takes_credit_away_and_an_adjustment_needs_authorisation(
    ledger: Ledger,
) -> None:
    given_balance(ledger, 2 * HOUR)
    with records_nothing(ledger), pytest.raises(RuleViolation, match="expiry"):
        adjust(ledger, "J-1", HOUR, "expiry")
    with records_nothing(ledger), pytest.raises(RuleViolation, match="zero"):
        adjust(ledger, "J-1", 0)
    with records_nothing(ledger), pytest.raises(InvalidInput):
        ledger.adjust_hours(
            volunteer_id=V1,
            adjustment_id="J-1",
            credit_s=-60,
            kind="expiry",
            authorised_by="",  # an adjustment without authorisation
            reason="年度清理",
            actor=CLERK,
            occurred_on=DAY,
        )
    expiry = adjust(ledger, "J-1", -HOUR, "expiry")
    assert isinstance(expiry, HoursAdjusted)
    assert (expiry.kind, expiry.credit_s, expiry.authorised_by) == ("expiry", -HOUR, MANAGER)
    assert expiry.reason == "年度清理"
    plus = adjust(ledger, "J-2", 30 * 60, "adjustment")
    assert plus.credit_s == 1800
    assert balance_s(ledger) == HOUR + 1800
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        adjust(ledger, "J-3", -(HOUR + 1801), "adjustment")


def test_a_banked_record_can_be_neither_voided_nor_corrected(ledger: Ledger) -> None:
    given_balance(ledger)
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="time bank"):
        ledger.void_service(
            volunteer_id=V1, record_id="R-BANK", reason="重复", actor=CLERK, occurred_on=DAY
        )
    with records_nothing(ledger), pytest.raises(InvalidTransition, match="time bank"):
        correct(ledger, "C-1", "R-BANK", duration_s=HOUR)
    assert (hours_s(ledger), balance_s(ledger)) == (2 * HOUR, 2 * HOUR)


# ---- idempotency: a repeat records nothing, a changed repeat is a conflict --------------------


@dataclass(frozen=True)
class Repeat:
    """A command to repeat: its Ledger method, fields, and one field to change."""

    method: str
    fields: dict[str, Any]
    changed: tuple[str, Any]  # (field, new value)
    conflict_field: str  # the field the IdempotencyConflict names
    prepare: Callable[[Ledger], None] = given


REGISTER = {
    "volunteer_id": V3,
    "station_id": STATION,
    "name": "孙悦",
    "registered_on": DAY,
    "consent": True,
    "phone": "13700000003",
    "id_number": "37010219900101002X",
    "team": "红马甲服务队",
    "actor": CLERK,
    "occurred_on": DAY,
}
RECORD = {
    "record_id": "R-1",
    "volunteer_id": V1,
    "activity_id": SERVICE,
    "started_at": at(DAY, 9),
    "ended_at": at(DAY, 11),
    "content": "陪伴老人",
    "actor": CLERK,
    "occurred_on": DAY,
}
APPROVE = {"volunteer_id": V1, "record_id": "R-BANK", "actor": APPROVER, "occurred_on": DAY}
REDEEM = {
    "volunteer_id": V1,
    "redemption_id": "X-1",
    "credit_s": HOUR,
    "item": "理发服务",
    "quantity": 1,
    "counterparty": "爱心理发店",
    "approver": MANAGER,
    "actor": CLERK,
    "occurred_on": DAY,
}
ADJUST = {
    "volunteer_id": V1,
    "adjustment_id": "J-1",
    "credit_s": -HOUR,
    "kind": "expiry",
    "authorised_by": MANAGER,
    "reason": "年度清理",
    "actor": CLERK,
    "occurred_on": DAY,
}
CERTIFICATE = {  # a period that has ended, holding one approved record (R-BANK on DAY)
    "volunteer_id": V1,
    "certificate_no": "ZM-2024-001",
    "period_from": dt.date(2024, 1, 1),
    "period_to": DAY,
    "issuing_station": "崔寨街道社工站",
    "actor": APPROVER,
    "occurred_on": DAY,
}
TRANSFER = {
    "volunteer_id": V1,
    "transfer_id": "T-1",
    "to_volunteer_id": V2,
    "credit_s": HOUR,
    "reason": "赠予家人",
    "actor": CLERK,
    "occurred_on": DAY,
}
PUBLISH = {
    "activity_id": "A-NEW",
    "station_id": STATION,
    "name": "垃圾分类宣传",
    "community": "王河村",
    "starts_at": at(DAY, 8),
    "ends_at": at(DAY, 12),
    "actor": CLERK,
    "occurred_on": DAY,
}
POLICY = {
    "station_id": STATION,
    "name": "崔寨街道社工站",
    "auto_approve": False,
    "bank_rate_pct": 150,
    "actor": MANAGER,
    "occurred_on": DAY,
}


def _given_record(ledger: Ledger) -> None:
    given(ledger)
    record(ledger, "R-BANK", duration_s=2 * HOUR, service_date=DAY)


def _given_approved_record(ledger: Ledger) -> None:
    _given_record(ledger)
    approve(ledger, "R-BANK")


REPEATS = {
    "register": Repeat("register_volunteer", REGISTER, ("phone", "13700000004"), "phone"),
    "register id_number": Repeat(
        "register_volunteer", REGISTER, ("id_number", "370102199001010038"), "id_hash"
    ),
    "register consent": Repeat("register_volunteer", REGISTER, ("consent", False), "consent"),
    "record": Repeat("record_service", RECORD, ("ended_at", at(DAY, 12)), "ended_at"),
    "record actor": Repeat("record_service", RECORD, ("actor", APPROVER), "actor"),
    "record team": Repeat("record_service", RECORD, ("team", "蓝天服务队"), "team"),
    "approve": Repeat(
        "approve_service", APPROVE, ("occurred_on", DAY), "occurred_on", _given_record
    ),
    "redeem": Repeat("redeem_hours", REDEEM, ("credit_s", HOUR + 1), "credit_s", given_balance),
    "redeem approver": Repeat(
        "redeem_hours", REDEEM, ("approver", "赵强"), "approver", given_balance
    ),
    "adjust": Repeat("adjust_hours", ADJUST, ("reason", "另一原因"), "reason", given_balance),
    "certificate": Repeat(
        "issue_certificate",
        CERTIFICATE,
        ("period_to", DAY - dt.timedelta(days=1)),
        "period_to",
        _given_approved_record,
    ),
    "transfer": Repeat("transfer_hours", TRANSFER, ("credit_s", 60), "credit_s", given_balance),
    "publish": Repeat("publish_activity", PUBLISH, ("name", "另一个活动"), "name"),
    "policy": Repeat("set_station_policy", POLICY, ("occurred_on", DAY), "occurred_on"),
}


@pytest.mark.parametrize("case", REPEATS.values(), ids=REPEATS.keys())
def test_a_repeated_command_records_nothing(ledger: Ledger, case: Repeat) -> None:
    case.prepare(ledger)
    method = getattr(ledger, case.method)
    first = method(**case.fields)
    position = ledger.log_position()
    again = method(**case.fields)
    assert ledger.log_position() == position
    assert again == first


@pytest.mark.parametrize(
    "case",
    [c for c in REPEATS.values() if c.changed[1] != c.fields.get(c.changed[0])],
    ids=[k for k, c in REPEATS.items() if c.changed[1] != c.fields.get(c.changed[0])],
)
def test_the_same_key_with_different_fields_is_a_conflict(ledger: Ledger, case: Repeat) -> None:
    case.prepare(ledger)
    method = getattr(ledger, case.method)
    method(**case.fields)
    name, value = case.changed
    with records_nothing(ledger), pytest.raises(IdempotencyConflict) as info:
        method(**{**case.fields, name: value})
    assert info.value.field == case.conflict_field


def test_a_policy_change_is_recorded_and_applies_from_then_on(ledger: Ledger) -> None:
    given(ledger, bank_rate_pct=100)
    position = ledger.log_position()
    ledger.set_station_policy(
        station_id=STATION, name="崔寨街道社工站", bank_rate_pct=200, actor=MANAGER, occurred_on=DAY
    )
    assert ledger.log_position() == position + 1
    record(ledger, "R-1", duration_s=HOUR, service_date=DAY)
    approve(ledger, "R-1")
    assert bank(ledger, "R-1").credit_s == 2 * HOUR


def test_repeating_a_registration_after_leaving_its_team_records_nothing(ledger: Ledger) -> None:
    given(ledger)
    ledger.register_volunteer(**REGISTER)
    ledger.leave_team(
        volunteer_id=V3, team="红马甲服务队", reason="搬家", actor=CLERK, occurred_on=DAY
    )
    with records_nothing(ledger):
        ledger.register_volunteer(**REGISTER)


def test_repeating_a_registration_after_deactivation_records_nothing(ledger: Ledger) -> None:
    given(ledger)
    first = ledger.register_volunteer(**REGISTER)
    deactivate(ledger, V3)
    with records_nothing(ledger):
        assert ledger.register_volunteer(**REGISTER) == first


def test_a_refused_command_leaves_the_volunteer_as_it_was(ledger: Ledger) -> None:
    """A refusal also leaves the ledger's cached volunteer untouched: the next commands see
    the state before it."""
    given_balance(ledger, HOUR)
    before = ledger.volunteer(V1).state
    with records_nothing(ledger), pytest.raises(InsufficientCredit):
        transfer(ledger, "T-1", HOUR + 1)
    with records_nothing(ledger), pytest.raises(ServiceRefused):
        record(ledger, "R-X", duration_s=25 * HOUR, service_date=DAY)
    assert ledger.volunteer(V1).state == before
    transfer(ledger, "T-1", HOUR)
    assert (balance_s(ledger, V1), balance_s(ledger, V2)) == (0, HOUR)


def test_a_late_approval_of_a_deactivated_volunteer_is_still_banked(ledger: Ledger) -> None:
    """Where the station banks automatically, a record served while the volunteer was
    active is banked when approved, even after deactivation: approving late must not
    cost them the credit. Banking on request needs an active volunteer."""
    given(ledger, bank_automatic=True)
    record(ledger, "R-1")
    record(ledger, "R-2", start=at(DAY, 14), end=at(DAY, 15))
    ledger.set_station_policy(
        station_id=STATION,
        name="崔寨街道社工站",
        bank_automatic=False,
        actor=MANAGER,
        occurred_on=DAY,
    )
    approve(ledger, "R-2")
    ledger.set_station_policy(
        station_id=STATION,
        name="崔寨街道社工站",
        bank_automatic=True,
        actor=MANAGER,
        occurred_on=DAY,
    )
    deactivate(ledger)
    position = ledger.log_position()
    approve(ledger, "R-1")
    approved, banked = new_events(ledger, position)
    assert isinstance(approved, ServiceApproved)
    assert isinstance(banked, HoursBanked)
    assert banked.record_id == "R-1"
    with records_nothing(ledger), pytest.raises(VolunteerNotActive):
        ledger.bank_hours(volunteer_id=V1, record_id="R-2", actor=CLERK, occurred_on=DAY)
