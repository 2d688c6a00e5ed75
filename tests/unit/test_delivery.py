"""Service delivery: cases, groups, community activities, supervision (rules 45 to 49).

Each rule refuses with its typed error and records nothing; repeats are no-ops; the
report counts 人次 and distinct people; erasure leaves the figures and breaks the link.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec
import pytest

from conftest import FixedClock
from sgz_ledger import (
    AccessRefused,
    AttendanceRefused,
    CaseClosedError,
    DurationRefused,
    IdempotencyConflict,
    InvalidInput,
    Ledger,
    NotFound,
    OutsideLife,
    PeriodClosedError,
    ProjectNotFound,
    ProjectRefused,
    UnknownBudgetLine,
)
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

D = dt.date(2024, 3, 1)
W = {"station_id": "cz", "actor": "王芳"}
YEAR = {"date_from": dt.date(2024, 1, 1), "date_to": dt.date(2024, 12, 31)}


@pytest.fixture
def ledger() -> Ledger:
    return Ledger("memory:", clock=FixedClock())


def _project(ledger: Ledger, project_id: str, *lines: str, station: str = "cz") -> None:
    """A project of ``station`` running through 2024, drawing on a fund of its own."""
    start = dt.date(2024, 1, 1)
    ledger.open_fund(
        fund_id=f"{station}-F", station_id=station, community="崔寨村", name="崔寨村社区基金",
        host="某慈善会", approval_threshold="5000", actor="王芳", occurred_on=start,
    )  # fmt: skip
    ledger.open_project(
        project_id=project_id, station_id=station, name="公益创投", starts_on=start,
        ends_on=dt.date(2024, 12, 31), fund_ids=[f"{station}-F"],
        lines=[{"code": line, "name": line, "amount": "1000"} for line in lines or ("活动费",)],
        actor="王芳", occurred_on=start,
    )  # fmt: skip


def _group(ledger: Ledger, group_id: str = "G1", on: dt.date = D, station: str = "cz") -> None:
    ledger.create_group(
        station_id=station, actor="王芳", group_id=group_id, name="长者互助", occurred_on=on
    )


def _session(
    ledger: Ledger,
    session_id: str,
    participants: int,
    identified: tuple[str, ...] = (),
    *,
    on: dt.date = D,
    duration_s: int = 5400,
    group_id: str = "G1",
    station: str = "cz",
) -> None:
    ledger.hold_group_session(
        station_id=station,
        actor="王芳",
        group_id=group_id,
        session_id=session_id,
        duration_s=duration_s,
        participants=participants,
        identified=identified,
        occurred_on=on,
    )


# ---- rule 45: a case's and a group's life --------------------------------------------------


def test_a_closed_case_takes_no_session_after_its_closing(ledger: Ledger) -> None:
    ledger.open_case(**W, case_id="C1", social_worker="李强", occurred_on=D)
    ledger.record_case_session(
        **W, case_id="C1", session_id="1", duration_s=3600, worker="李强", occurred_on=D
    )
    ledger.close_case(**W, case_id="C1", reason="目标达成", occurred_on=D + dt.timedelta(days=2))
    # A session of its life entered after the closing (the file kept late) is taken.
    ledger.record_case_session(
        **W, case_id="C1", session_id="2", duration_s=3600, worker="李强",
        occurred_on=D + dt.timedelta(days=1),
    )  # fmt: skip
    head = ledger.log_position()
    with pytest.raises(CaseClosedError) as refused:
        ledger.record_case_session(
            **W, case_id="C1", session_id="3", duration_s=3600, worker="李强",
            occurred_on=D + dt.timedelta(days=3),
        )  # fmt: skip
    assert refused.value.reason == "case_closed"
    with pytest.raises(CaseClosedError):
        ledger.close_case(**W, case_id="C1", reason="另一原因", occurred_on=D)
    # the same closing again is a repeat
    ledger.close_case(**W, case_id="C1", reason="目标达成", occurred_on=D + dt.timedelta(days=2))
    assert ledger.log_position() == head


def test_sessions_and_closing_stay_within_the_life(ledger: Ledger) -> None:
    ledger.open_case(**W, case_id="C1", social_worker="李强", occurred_on=D)
    with pytest.raises(OutsideLife) as refused:
        ledger.record_case_session(
            **W,
            case_id="C1",
            session_id="1",
            duration_s=3600,
            worker="李强",
            occurred_on=D - dt.timedelta(days=1),
        )
    assert refused.value.reason == "outside_life"
    ledger.record_case_session(
        **W,
        case_id="C1",
        session_id="1",
        duration_s=3600,
        worker="李强",
        occurred_on=D + dt.timedelta(days=5),
    )
    with pytest.raises(OutsideLife):  # before its last session
        ledger.close_case(**W, case_id="C1", reason="结案", occurred_on=D + dt.timedelta(days=4))
    _group(ledger, on=D)
    with pytest.raises(OutsideLife):
        _session(ledger, "1", 5, on=D - dt.timedelta(days=1))


def test_unknown_case_or_group_is_not_found(ledger: Ledger) -> None:
    with pytest.raises(NotFound):
        ledger.record_case_session(
            **W, case_id="nope", session_id="1", duration_s=60, worker="李强", occurred_on=D
        )
    with pytest.raises(NotFound):
        _session(ledger, "1", 3)
    ledger.create_community_activity(**W, activity_id="CA", name="邻里节", occurred_on=D)
    with pytest.raises(NotFound):  # another station's code
        ledger.hold_community_activity_session(
            station_id="other", actor="王芳", activity_id="CA", session_id="1",
            duration_s=60, attendance=3, occurred_on=D,
        )  # fmt: skip


# ---- rule 46: counts and the people identified ---------------------------------------------


def test_more_identified_than_attended_is_refused_and_makes_no_key(ledger: Ledger) -> None:
    _group(ledger)
    head = ledger.log_position()
    with pytest.raises(AttendanceRefused) as refused:
        _session(ledger, "1", 2, ("R1", "R2", "R3"))
    assert refused.value.reason == "attendance_refused"
    assert ledger.log_position() == head
    assert not list(ledger.subject_keys.key_ids(ledger.sealer.served_subject("R1")))


def test_one_person_twice_in_a_session_is_refused(ledger: Ledger) -> None:
    _group(ledger)
    with pytest.raises(AttendanceRefused):
        _session(ledger, "1", 5, ("13800000000", "138 0000-0000"))  # one phone, spelt twice


@pytest.mark.parametrize("bad", [-1, True, 1.5, "3"])
def test_counts_are_whole_and_not_negative(ledger: Ledger, bad: object) -> None:
    _group(ledger)
    with pytest.raises(InvalidInput):
        ledger.hold_group_session(
            **W, group_id="G1", session_id="1", duration_s=60,
            participants=bad, occurred_on=D,  # type: ignore[arg-type]
        )  # fmt: skip


def test_a_supervision_record_counts_at_least_one(ledger: Ledger) -> None:
    with pytest.raises(InvalidInput):
        ledger.record_supervision(
            **W, record_id="D1", kind="supervision", count=0, duration_s=60,
            supervisor="陈", occurred_on=D,
        )  # fmt: skip


# ---- rule 47: a day at most --------------------------------------------------------------------


def test_a_session_lasts_at_most_a_day(ledger: Ledger) -> None:
    _group(ledger)
    _session(ledger, "1", 5, duration_s=24 * 3600)
    with pytest.raises(DurationRefused) as refused:
        _session(ledger, "2", 5, duration_s=24 * 3600 + 1)
    assert refused.value.reason == "duration_refused"
    with pytest.raises(DurationRefused):
        ledger.record_supervision(
            **W, record_id="D1", kind="supervision", count=3, duration_s=25 * 3600,
            supervisor="陈", occurred_on=D,
        )  # fmt: skip
    with pytest.raises(InvalidInput):
        _session(ledger, "3", 5, duration_s=0)


def test_supervision_is_not_volunteer_service(ledger: Ledger) -> None:
    ledger.record_supervision(
        **W, record_id="D1", kind="supervision", count=1, duration_s=3 * 3600,
        supervisor="陈", occurred_on=D,
    )  # fmt: skip
    report = ledger.annual_report(2024, station_id="cz")
    assert (report.service_s, report.person_times, report.other_activities) == (0, 0, ())
    assert report.service_delivery
    assert report.service_delivery.supervision_hours == Decimal("3.00")


# ---- repeats ---------------------------------------------------------------------------------


def test_repeats_record_nothing_and_changes_conflict(ledger: Ledger) -> None:
    _group(ledger)
    _session(ledger, "1", 5, ("R1", "R2"))
    head = ledger.log_position()
    _session(ledger, "1", 5, ("R2", "R1"))  # the same people in another order
    _group(ledger, on=D + dt.timedelta(days=30))  # a later sheet names the group again
    assert ledger.log_position() == head
    with pytest.raises(IdempotencyConflict):
        _session(ledger, "1", 6, ("R1", "R2"))
    with pytest.raises(IdempotencyConflict):
        _session(ledger, "1", 5, ("R1", "R3"))
    with pytest.raises(IdempotencyConflict):
        ledger.create_group(**W, group_id="G1", name="另一个名字", occurred_on=D)
    ledger.open_case(**W, case_id="C1", social_worker="李强", served_person="R1", occurred_on=D)
    ledger.open_case(**W, case_id="C1", social_worker="李强", served_person="R1", occurred_on=D)
    with pytest.raises(IdempotencyConflict):
        ledger.open_case(**W, case_id="C1", social_worker="李强", served_person="R9", occurred_on=D)


# ---- the report --------------------------------------------------------------------------------


def test_person_times_and_distinct_people(ledger: Ledger) -> None:
    _group(ledger)
    _session(ledger, "1", 10, ("R1", "R2"))
    _session(ledger, "2", 8, ("R1", "R3"), on=D + dt.timedelta(days=7))
    ledger.open_case(**W, case_id="C1", social_worker="李强", served_person="R1", occurred_on=D)
    for n in range(3):
        ledger.record_case_session(
            **W, case_id="C1", session_id=str(n), duration_s=3600, worker="李强", occurred_on=D
        )
    _project(ledger, "P-1")
    ledger.create_community_activity(
        **W, activity_id="CA", name="邻里节", project_id="P-1", occurred_on=D
    )
    ledger.hold_community_activity_session(
        **W, activity_id="CA", session_id="1", duration_s=7200, attendance=60,
        identified=["R4"], occurred_on=D,
    )  # fmt: skip
    r = ledger.delivery_report(**YEAR)
    assert (r.groups, r.group_sessions, r.group_person_times) == (1, 2, 18)
    assert (r.cases_opened, r.cases_closed, r.cases_open_end, r.case_sessions) == (1, 0, 1, 3)
    assert (r.community_activities, r.community_sessions, r.community_person_times) == (1, 1, 60)
    assert r.person_times == 18 + 3 + 60
    assert r.distinct_people == 4  # R1 in the group and the case counts once
    assert ledger.delivery_by_project(**YEAR) == {"": (21, 3), "P-1": (60, 1)}
    march = ledger.delivery_report(date_from=D, date_to=D, station_ids=frozenset({"cz"}))
    assert (march.group_sessions, march.person_times) == (1, 10 + 3 + 60)


def test_stations_are_selected_by_set(ledger: Ledger) -> None:
    for station in ("a", "b"):
        _group(ledger, station=station)
        _session(ledger, "1", 4, ("R1",), station=station)
    both = ledger.delivery_report(**YEAR, station_ids=frozenset({"a", "b"}))
    one = ledger.delivery_report(**YEAR, station_ids=frozenset({"a"}))
    assert (both.person_times, both.distinct_people, both.groups) == (8, 1, 2)
    assert (one.person_times, one.distinct_people) == (4, 1)
    with pytest.raises(NotFound):
        ledger.delivery_report(**YEAR, station_ids=frozenset({"nowhere"}))
    with pytest.raises(InvalidInput):
        ledger.delivery_report(date_from=D, date_to=D - dt.timedelta(days=1))


def test_the_annual_report_is_unchanged_without_delivery(ledger: Ledger) -> None:
    ledger.set_station_policy(station_id="cz", name="崔寨站", actor="王芳", occurred_on=D)
    report = ledger.annual_report(2024, station_id="cz")
    assert report.service_delivery is msgspec.UNSET
    assert b"service_delivery" not in report.to_json()
    _group(ledger)
    assert b"service_delivery" in ledger.annual_report(2024, station_id="cz").to_json()
    assert b"service_delivery" in ledger.annual_report(2024).to_json()


def test_a_record_names_a_project_and_a_line_that_fit_it(ledger: Ledger) -> None:
    fields = {"record_id": "D1", "kind": "training", "count": 2, "duration_s": 3600,
              "supervisor": "陈", "occurred_on": D}  # fmt: skip
    # No such project, a line without its project: refused, nothing recorded.
    position = ledger.log_position()
    with pytest.raises(ProjectNotFound):
        ledger.record_supervision(**W, **fields, project_id="公益创投-2024", budget_line="培训费")
    with pytest.raises(ProjectRefused):
        ledger.record_supervision(**W, **fields, budget_line="培训费")
    assert ledger.log_position() == position
    _project(ledger, "公益创投-2024", "培训费")
    with pytest.raises(UnknownBudgetLine):
        ledger.record_supervision(**W, **fields, project_id="公益创投-2024", budget_line="餐费")
    # Another station's project.
    with pytest.raises(ProjectRefused):
        ledger.record_supervision(
            station_id="other", actor="王芳", **fields, project_id="公益创投-2024"
        )
    event = ledger.record_supervision(
        **W, **fields, project_id="公益创投-2024", budget_line="培训费"
    )
    assert (event.project_id, event.budget_line) == ("公益创投-2024", "培训费")


# ---- rule 48/49: identifiers never stored; erasure -------------------------------------------


def test_the_identifier_is_never_in_an_event(ledger: Ledger) -> None:
    _group(ledger)
    _session(ledger, "1", 3, ("370102199001011234",))
    ledger.open_case(
        **W, case_id="C1", social_worker="李强", served_person="370102199001011234", occurred_on=D
    )
    for event in ledger.stored_events():
        assert b"370102199001011234" not in msgspec.json.encode(event)
    with pytest.raises(InvalidInput):  # nor in clear text beside it
        _session_with_content(ledger, "370102199001011234")


def _session_with_content(ledger: Ledger, ident: str) -> None:
    ledger.hold_group_session(
        **W, group_id="G1", session_id="2", duration_s=60, participants=1, identified=[ident],
        content=f"探访{ident}", occurred_on=D,
    )  # fmt: skip


def test_erasure_keeps_the_figures_and_breaks_the_link(ledger: Ledger) -> None:
    _group(ledger)
    _session(ledger, "1", 5, ("R1", "R2"))
    before = ledger.delivery_report(**YEAR)
    subject = ledger.sealer.served_subject("R1")
    assert list(ledger.subject_keys.key_ids(subject))
    erased = ledger.erase_served_person(
        **W, served_person="R1", reason="本人申请", requested_by="本人", occurred_on=D
    )
    assert not list(ledger.subject_keys.key_ids(subject))
    after = ledger.delivery_report(**YEAR)
    assert after == before  # still served, still counted once
    with pytest.raises(NotFound):  # nothing leads from the identifier any more
        ledger.erase_served_person(
            **W, served_person="R1", reason="本人申请", requested_by="本人", occurred_on=D
        )
    # served again, they are a new reference: the old one cannot be linked to them
    _session(ledger, "2", 1, ("R1",))
    [event] = [e for e in ledger.stored_events() if getattr(e, "session_id", "") == "2"]
    assert event.participant_refs != (erased.key_id,)  # type: ignore[attr-defined]
    assert ledger.delivery_report(**YEAR).distinct_people == 3
    with pytest.raises(InvalidInput):  # the requester is never the identifier
        ledger.erase_served_person(
            **W, served_person="R2", reason="R2 申请", requested_by="本人", occurred_on=D
        )


def test_who_may_erase_and_record(ledger: Ledger) -> None:
    p = {"station_id": "cz", "occurred_on": D}
    ledger.add_person(**p, person_id="A", name="站长", roles=["admin"], actor="站长")
    ledger.add_person(**p, person_id="S", name="李强", roles=["social_worker"], actor="A")
    ledger.create_group(station_id="cz", actor="李强", group_id="G1", name="小组", occurred_on=D)
    ledger.hold_group_session(
        station_id="cz", actor="李强", group_id="G1", session_id="1", duration_s=60,
        participants=1, identified=["R1"], occurred_on=D,
    )  # fmt: skip
    with pytest.raises(AccessRefused):
        ledger.erase_served_person(
            station_id="cz", served_person="R1", reason="本人申请", requested_by="本人",
            actor="李强", occurred_on=D,
        )  # fmt: skip
    with pytest.raises(AccessRefused):
        ledger.create_group(station_id="cz", actor="路人", group_id="G2", name="x", occurred_on=D)
    ledger.erase_served_person(
        station_id="cz", served_person="R1", reason="本人申请", requested_by="本人",
        actor="A", occurred_on=D,
    )  # fmt: skip


def test_a_closed_period_holds_delivery_figures(ledger: Ledger) -> None:
    _group(ledger)
    ledger.close_period(
        station_id="cz", period_from=dt.date(2024, 1, 1), period_to=dt.date(2024, 3, 31),
        reason="一季度已公开", actor="王芳", occurred_on=dt.date(2024, 4, 2),
    )  # fmt: skip
    with pytest.raises(PeriodClosedError):
        _session(ledger, "1", 5)
    ledger.hold_group_session(
        **W, group_id="G1", session_id="1", duration_s=60, participants=5, occurred_on=D,
        correction_note="3月1日活动漏记",
    )  # fmt: skip
