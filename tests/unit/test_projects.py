"""Projects (rules 40 to 44): a budget opened and amended by events, what may name a project,
and a line's remaining budget held for every request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import msgspec
import pytest

from conftest import FixedClock
from project_support import (
    ACTIVITIES,
    APPROVER,
    CASHIER,
    CLERK,
    END,
    FUND,
    MANAGER,
    MEALS,
    OTHER_FUND,
    OTHER_PROJECT,
    OTHER_STATION,
    PROJECT,
    SECOND_FUND,
    START,
    STATION,
    D,
    a_station,
    request,
)
from sgz_ledger import (
    BatchCommandRefused,
    BudgetLineAmended,
    IdempotencyConflict,
    InvalidInput,
    Ledger,
    NotFound,
    OverBudget,
    PeriodClosedError,
    ProjectNotFound,
    ProjectRefused,
    RuleViolation,
    UnknownBudgetLine,
)
from sgz_ledger.domain.events import DisbursementRequested, StationPolicySet
from sgz_ledger.service import commands as b
from sgz_ledger.sheets import SheetRefused, import_sheet
from sgz_ledger.storage.codec import EventCodec

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

CST = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 20, 2, tzinfo=dt.UTC)))
    a_station(ledger)
    yield ledger
    ledger.close()


def remaining(ledger: Ledger, line: str = MEALS) -> int:
    [row] = [r for r in ledger.project(PROJECT).lines if r.code == line]
    return row.remaining_fen


# ---- rule 40: a budget opened, amended by events of their own --------------------------------


def test_a_project_opens_with_its_lines_and_a_repeat_records_nothing(mem: Ledger) -> None:
    report = mem.project(PROJECT)
    assert [(r.code, r.budget_fen, r.remaining_fen) for r in report.lines] == [
        (MEALS, 300_000, 300_000),
        (ACTIVITIES, 100_000, 100_000),
    ]
    assert (report.station_id, report.starts_on, report.ends_on) == (STATION, START, END)
    position = mem.log_position()
    mem.open_project(project_id=PROJECT, station_id=STATION, name="助老餐桌", starts_on=START,
                     ends_on=END, fund_ids=[FUND],
                     lines=[{"code": MEALS, "name": "餐食补贴", "amount_fen": 300_000},
                            {"code": ACTIVITIES, "name": "活动费", "amount": "1000.00"}],
                     actor=MANAGER, occurred_on=D(2024, 2, 20))  # fmt: skip
    assert mem.log_position() == position
    with pytest.raises(IdempotencyConflict):
        mem.open_project(project_id=PROJECT, station_id=STATION, name="助老餐桌", starts_on=START,
                         ends_on=END, fund_ids=[FUND],
                         lines=[{"code": MEALS, "name": "餐食补贴", "amount": "9999"}],
                         actor=MANAGER, occurred_on=D(2024, 2, 20))  # fmt: skip


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"ends_on": D(2024, 2, 1)}, RuleViolation),  # ends before it starts
        ({"fund_ids": [OTHER_FUND]}, ProjectRefused),  # another station's fund
        ({"fund_ids": ["no-such-fund"]}, NotFound),
        ({"fund_ids": [FUND, FUND]}, RuleViolation),
        ({"fund_ids": []}, InvalidInput),
        ({"lines": [{"code": "B", "name": "x", "amount": "1"}] * 2}, RuleViolation),
        ({"lines": [{"code": "B", "name": "x", "amount": 100}]}, InvalidInput),  # int yuan
    ],
)
def test_a_project_that_cannot_be_is_refused_and_records_nothing(
    mem: Ledger, change: dict[str, object], error: type[Exception]
) -> None:
    fields: dict[str, object] = {
        "project_id": "XM-NEW", "station_id": STATION, "name": "新项目", "starts_on": START,
        "ends_on": END, "fund_ids": [FUND], "lines": [{"code": "B", "name": "x", "amount": "1"}],
        "actor": MANAGER, "occurred_on": D(2024, 2, 20),
    }  # fmt: skip
    fields.update(change)
    position = mem.log_position()
    with pytest.raises(error):
        mem.open_project(**fields)  # type: ignore[arg-type]
    assert mem.log_position() == position


def test_an_amendment_is_its_own_event_and_the_line_as_opened_stays(mem: Ledger) -> None:
    event = mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                                  amount="3500", reason="管委会决议增加", actor=MANAGER,
                                  occurred_on=D(2024, 5, 1))  # fmt: skip
    assert isinstance(event, BudgetLineAmended)
    assert (event.amount_fen, event.delta_fen, event.actor) == (350_000, 50_000, MANAGER)
    mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-02", line_code=MEALS,
                          amount="2800", reason="调减", actor=MANAGER,
                          occurred_on=D(2024, 6, 1))  # fmt: skip
    [line, _] = mem.project(PROJECT).lines
    assert (line.budgeted_fen, line.amended_fen, line.budget_fen) == (300_000, -20_000, 280_000)
    assert [a.amendment_id for a in mem.project(PROJECT).amendments] == ["TZ-01", "TZ-02"]
    position = mem.log_position()
    mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                          amount="3500", reason="管委会决议增加", actor=MANAGER,
                          occurred_on=D(2024, 5, 1))  # fmt: skip
    assert mem.log_position() == position
    with pytest.raises(IdempotencyConflict):
        mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                              amount="4000", reason="管委会决议增加", actor=MANAGER,
                              occurred_on=D(2024, 5, 1))  # fmt: skip


def test_an_amendment_of_a_line_or_project_that_does_not_exist_is_refused(mem: Ledger) -> None:
    w = {"amount": "1", "reason": "x", "actor": MANAGER, "occurred_on": D(2024, 5, 1)}
    with pytest.raises(UnknownBudgetLine) as refused:
        mem.amend_budget_line(project_id=PROJECT, amendment_id="T", line_code="Z9", **w)
    assert refused.value.reason == "unknown_budget_line"
    with pytest.raises(ProjectNotFound) as missing:
        mem.amend_budget_line(project_id="XM-NONE", amendment_id="T", line_code=MEALS, **w)
    assert missing.value.reason == "project_not_found"


def test_an_amendment_below_what_is_committed_is_refused(mem: Ledger) -> None:
    mem.request_disbursement(**request("SQ-01", "2500"))
    with pytest.raises(OverBudget) as refused:
        mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                              amount="2000", reason="调减", actor=MANAGER,
                              occurred_on=D(2024, 5, 1))  # fmt: skip
    assert refused.value.reason == "over_budget"
    mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                          amount="2500", reason="调减到已用", actor=MANAGER,
                          occurred_on=D(2024, 5, 1))  # fmt: skip
    assert remaining(mem) == 0


# ---- rule 41: what names a project fits it ---------------------------------------------------


def test_gifts_name_a_project_of_a_fund_it_draws_on_within_its_period(mem: Ledger) -> None:
    w = {"donor": "爱心超市", "actor": CLERK, "project_id": PROJECT}
    mem.receive_cash(fund_id=FUND, receipt_no="R-1", amount="800", occurred_on=D(2024, 4, 2), **w)
    mem.receive_goods(fund_id=FUND, receipt_no="R-2", occurred_on=D(2024, 4, 3),
                      items=[{"item": "大米", "quantity": 10, "unit": "袋", "value": "500",
                              "basis": "document"}], **w)  # fmt: skip
    mem.refund_donation(fund_id=FUND, refund_id="TK-1", receipt_no="R-1", amount="100",
                        reason="多捐", actor=CASHIER, occurred_on=D(2024, 4, 5))  # fmt: skip
    report = mem.project(PROJECT)
    assert (report.income_cash_fen, report.income_in_kind_fen, report.gifts) == (70_000, 50_000, 2)
    position = mem.log_position()
    refusals: list[tuple[dict[str, object], type[Exception]]] = [
        ({"fund_id": OTHER_FUND}, ProjectRefused),  # the project does not draw on it
        ({"occurred_on": D(2024, 2, 29)}, ProjectRefused),  # before the project
        ({"project_id": "XM-NONE"}, ProjectNotFound),
        ({"project_id": "", "budget_line": MEALS}, ProjectRefused),  # a line, no project
        ({"budget_line": "Z9"}, UnknownBudgetLine),
    ]
    for change, error in refusals:
        fields: dict[str, object] = {"fund_id": FUND, "receipt_no": "R-9", "amount": "1",
                                     "occurred_on": D(2024, 4, 2), **w}  # fmt: skip
        fields.update(change)
        with pytest.raises(error):
            mem.receive_cash(**fields)  # type: ignore[arg-type]
    assert mem.log_position() == position


def test_a_request_names_a_line_and_a_closed_project_takes_nothing_new(mem: Ledger) -> None:
    with pytest.raises(ProjectRefused, match="budget_line"):
        mem.request_disbursement(**request("SQ-01", "10", line=""))
    with pytest.raises(ProjectRefused, match="station 'wanghe'"):
        mem.request_disbursement(**request("SQ-01", "10", project_id=OTHER_PROJECT))
    mem.request_disbursement(**request("SQ-01", "10"))
    mem.close_project(project_id=PROJECT, reason="结项", actor=MANAGER,
                      occurred_on=D(2024, 12, 1))  # fmt: skip
    with pytest.raises(ProjectRefused, match="closed"):
        mem.request_disbursement(**request("SQ-02", "10"))
    # What was requested before the closing still goes its way.
    mem.approve_disbursement(fund_id=FUND, request_id="SQ-01", actor=APPROVER,
                             occurred_on=D(2024, 4, 2))  # fmt: skip
    assert mem.project(PROJECT).closed_on == D(2024, 12, 1)


def test_service_records_name_their_activitys_project_and_hours_round_after_summing(
    mem: Ledger,
) -> None:
    at = dt.datetime(2024, 4, 6, 9, tzinfo=CST)
    mem.publish_activity(activity_id="HD-1", station_id=STATION, name="助老送餐",
                         starts_at=at, ends_at=at + dt.timedelta(hours=8), project_id=PROJECT,
                         budget_line=ACTIVITIES, actor=CLERK,
                         occurred_on=D(2024, 4, 1))  # fmt: skip
    for n in (1, 2):
        mem.register_volunteer(volunteer_id=f"V-{n}", station_id=STATION, name=f"志愿者{n}",
                               registered_on=D(2024, 1, 5), consent=True, actor=CLERK,
                               occurred_on=D(2024, 1, 5))  # fmt: skip
    # 20 min 3 s + 20 min 3 s = 40 min 6 s = 0.66833 h -> 0.67; rounded each, 0.34 + 0.34 = 0.68.
    for n in (1, 2):
        mem.record_service(record_id=f"FW-{n}", volunteer_id=f"V-{n}", activity_id="HD-1",
                           duration_s=1203, service_date=D(2024, 4, 6), actor=CLERK,
                           occurred_on=D(2024, 4, 6))  # fmt: skip
        mem.approve_service(volunteer_id=f"V-{n}", record_id=f"FW-{n}", actor=APPROVER,
                            occurred_on=D(2024, 4, 7))  # fmt: skip
    # Not approved: not counted.
    mem.record_service(record_id="FW-3", volunteer_id="V-1", activity_id="HD-1",
                       duration_s=600, service_date=D(2024, 4, 6), actor=CLERK,
                       occurred_on=D(2024, 4, 6))  # fmt: skip
    report = mem.project(PROJECT)
    assert (report.person_times, report.volunteers, report.service_s) == (2, 2, 2406)
    assert str(report.service_hours) == "0.67"
    with pytest.raises(ProjectRefused, match="outside"):
        mem.publish_activity(activity_id="HD-2", station_id=STATION, name="助老送餐",
                             starts_at=at.replace(month=12), ends_at=at.replace(month=12),
                             project_id=PROJECT, actor=CLERK,
                             occurred_on=D(2024, 4, 1))  # fmt: skip


# ---- rule 42: the remaining budget ---------------------------------------------------------


def test_a_request_over_the_remaining_budget_is_refused(mem: Ledger) -> None:
    mem.request_disbursement(**request("SQ-01", "2000"))
    position = mem.log_position()
    with pytest.raises(OverBudget) as refused:
        mem.request_disbursement(**request("SQ-02", "1000.01"))
    assert (refused.value.remaining_fen, refused.value.needed_fen) == (100_000, 100_001)
    assert mem.log_position() == position
    mem.request_disbursement(**request("SQ-02", "1000"))
    assert remaining(mem) == 0
    assert remaining(mem, ACTIVITIES) == 100_000  # another line is its own


def test_rejected_and_withdrawn_requests_free_the_line_and_a_reversed_payment_does_not(
    mem: Ledger,
) -> None:
    for request_id in ("SQ-01", "SQ-02", "SQ-03"):
        mem.request_disbursement(**request(request_id, "1000"))
    mem.reject_disbursement(fund_id=FUND, request_id="SQ-01", reason="不符合", actor=APPROVER,
                            occurred_on=D(2024, 4, 2))  # fmt: skip
    mem.cancel_disbursement(fund_id=FUND, request_id="SQ-02", reason="撤回", actor=CLERK,
                            occurred_on=D(2024, 4, 2))  # fmt: skip
    mem.approve_disbursement(fund_id=FUND, request_id="SQ-03", actor=APPROVER,
                             occurred_on=D(2024, 4, 2))  # fmt: skip
    mem.pay_disbursement(fund_id=FUND, request_id="SQ-03", voucher_no="PZ-1", actor=CASHIER,
                         occurred_on=D(2024, 4, 3))  # fmt: skip
    [line, _] = mem.project(PROJECT).lines
    assert (line.paid_fen, line.committed_fen, line.remaining_fen) == (100_000, 100_000, 200_000)
    mem.reverse_payment(fund_id=FUND, correction_id="CZ-1", request_id="SQ-03",
                        reason="凭证录错", actor=CASHIER, occurred_on=D(2024, 4, 4))  # fmt: skip
    report = mem.project(PROJECT)
    [line, _] = report.lines
    assert (line.approved_fen, line.paid_fen, line.remaining_fen) == (100_000, 0, 200_000)
    assert report.spending_fen == 0


def test_the_station_may_allow_spending_over_budget(mem: Ledger) -> None:
    mem.set_station_policy(station_id=STATION, name="崔寨站", over_budget_allowed=True,
                           actor=MANAGER, occurred_on=D(2024, 3, 1))  # fmt: skip
    mem.request_disbursement(**request("SQ-01", "3500"))
    assert remaining(mem) == -50_000
    mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                          amount="3500", reason="追加预算", actor=MANAGER,
                          occurred_on=D(2024, 5, 1))  # fmt: skip
    assert remaining(mem) == 0


def test_the_budget_is_summed_over_every_fund_the_project_draws_on() -> None:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 20, 2, tzinfo=dt.UTC)))
    a_station(ledger, second_fund=True)
    ledger.request_disbursement(**request("SQ-01", "2000"))
    with pytest.raises(OverBudget):
        ledger.request_disbursement(**request("SQ-01", "1500", fund_id=SECOND_FUND))
    ledger.request_disbursement(**request("SQ-01", "1000", fund_id=SECOND_FUND))
    assert remaining(ledger) == 0
    ledger.close()


def test_a_batch_is_held_to_the_budget_as_a_whole(mem: Ledger) -> None:
    batch = [b.RequestDisbursement(**request(f"SQ-{n}", "1000")) for n in range(1, 5)]
    position = mem.log_position()
    with pytest.raises(BatchCommandRefused) as refused:
        mem.execute_batch(batch)
    assert refused.value.index == 3
    assert isinstance(refused.value.error, OverBudget)
    assert mem.log_position() == position


# ---- closed periods, reports, old events --------------------------------------------------


def test_a_closed_period_holds_an_amendment_dated_in_it(mem: Ledger) -> None:
    mem.close_period(station_id=STATION, period_from=D(2024, 1, 1), period_to=D(2024, 6, 30),
                     reason="上半年已公开", actor=MANAGER,
                     occurred_on=D(2024, 7, 5))  # fmt: skip
    with pytest.raises(PeriodClosedError):
        mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                              amount="3500", reason="追加", actor=MANAGER,
                              occurred_on=D(2024, 6, 1))  # fmt: skip
    mem.amend_budget_line(project_id=PROJECT, amendment_id="TZ-01", line_code=MEALS,
                          amount="3500", reason="追加", actor=MANAGER, occurred_on=D(2024, 6, 1),
                          correction_note="6月预算调整漏记，补录")  # fmt: skip


def test_the_annual_report_lists_projects_only_where_there_are_some(mem: Ledger) -> None:
    report = mem.annual_report(2024, station_id=STATION)
    assert not isinstance(report.projects, msgspec.UnsetType)
    assert [p.project_id for p in report.projects] == [PROJECT]
    assert b'"projects"' not in mem.annual_report(2023, station_id=STATION).to_json()
    assert [p.project_id for p in mem.projects(station_ids=frozenset({STATION}))] == [PROJECT]
    assert len(mem.projects()) == 2
    with pytest.raises(NotFound):
        mem.projects(station_ids=frozenset({"no-such-station"}))


def test_people_served_come_from_the_service_delivered_on_the_project(mem: Ledger) -> None:
    assert mem.project(PROJECT).people_served_times == 0
    w = {"station_id": STATION, "actor": CLERK}
    mem.create_group(**w, group_id="G1", name="长者互助", project_id=PROJECT,
                     budget_line=ACTIVITIES, occurred_on=START)  # fmt: skip
    for n, (count, people) in enumerate(((7, ["R1", "R2"]), (5, ["R1", "R3"])), start=1):
        mem.hold_group_session(
            **w, group_id="G1", session_id=str(n), duration_s=3600, participants=count,
            identified=people, project_id=PROJECT, budget_line=ACTIVITIES,
            occurred_on=START + dt.timedelta(days=n),
        )  # fmt: skip
    # A group charged to no project is not this project's.
    mem.create_group(**w, group_id="G2", name="亲子阅读", occurred_on=START)
    mem.hold_group_session(**w, group_id="G2", session_id="1", duration_s=3600, participants=9,
                           occurred_on=START + dt.timedelta(days=3))  # fmt: skip
    report = mem.project(PROJECT)
    assert (report.people_served_times, report.people_served_distinct) == (12, 3)
    [listed] = [p for p in mem.annual_report(2024, station_id=STATION).projects
                if p.project_id == PROJECT]  # type: ignore[union-attr]  # fmt: skip
    assert (listed.people_served_times, listed.people_served_distinct) == (12, 3)


def test_events_stored_before_projects_read_as_naming_none() -> None:
    codec = EventCodec()
    common = {
        "originator_id": "6f1d7f0e-5a53-4c1e-9d1b-2f0c5a8e4b11",
        "originator_version": 1,
        "timestamp": "2024-01-01T00:00:00Z",
        "actor": "x",
        "occurred_on": "2024-01-01",
    }
    old_request = {"type": "DisbursementRequested", **common, "request_id": "SQ", "amount_fen": 1,
                   "purpose": "p", "restriction": "", "payee": "y"}  # fmt: skip
    old_policy = {"type": "StationPolicySet", **common, "station_id": "s", "name": "n",
                  "auto_approve": False, "bank_rate_pct": 100, "bank_automatic": False,
                  "bank_limit_s": 0}  # fmt: skip
    request_event = msgspec.convert(old_request, DisbursementRequested, strict=False)
    assert (request_event.project_id, request_event.budget_line) == ("", "")
    policy = msgspec.convert(old_policy, StationPolicySet, strict=False)
    assert policy.over_budget_allowed is False
    assert codec.names  # the registry knows the project events too
    assert {"ProjectOpened.v1", "BudgetLineAmended.v1", "ProjectClosed.v1"} <= set(codec.names)


def test_a_donation_sheet_names_the_project_and_is_refused_whole_for_a_wrong_line(
    mem: Ledger,
) -> None:
    head = "日期,基金,捐赠人,类型,金额,票据号,经办人,项目,预算科目"
    good = f"2024-04-02,{FUND},爱心超市,现金,800,R-S1,{CLERK},{PROJECT},{MEALS}"
    bad = f"2024-04-02,{FUND},爱心超市,现金,100,R-S2,{CLERK},{PROJECT},Z9"
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, f"{head}\n{good}\n{bad}\n".encode(), station_id=STATION)
    assert [(p.line, p.reason) for p in refused.value.rows] == [(3, "unknown_budget_line")]
    assert mem.log_position() == position
    import_sheet(mem, f"{head}\n{good}\n".encode(), station_id=STATION)
    assert mem.project(PROJECT).income_cash_fen == 80_000


def test_a_service_record_naming_the_project_itself_is_held_to_its_period(mem: Ledger) -> None:
    at = dt.datetime(2024, 2, 10, 9, tzinfo=CST)
    mem.publish_activity(activity_id="HD-0", station_id=STATION, name="春节慰问", starts_at=at,
                         ends_at=at + dt.timedelta(hours=4), actor=CLERK,
                         occurred_on=D(2024, 2, 1))  # fmt: skip
    mem.register_volunteer(volunteer_id="V-1", station_id=STATION, name="志愿者", consent=True,
                           registered_on=D(2024, 1, 5), actor=CLERK,
                           occurred_on=D(2024, 1, 5))  # fmt: skip
    with pytest.raises(ProjectRefused, match="outside"):
        mem.record_service(record_id="FW-1", volunteer_id="V-1", activity_id="HD-0",
                           duration_s=3600, service_date=D(2024, 2, 10), project_id=PROJECT,
                           actor=CLERK, occurred_on=D(2024, 2, 10))  # fmt: skip
    event = mem.record_service(record_id="FW-1", volunteer_id="V-1", activity_id="HD-0",
                               duration_s=3600, service_date=D(2024, 2, 10), actor=CLERK,
                               occurred_on=D(2024, 2, 10))  # fmt: skip
    assert event.project_id == ""


def test_a_joint_activitys_volunteer_from_another_station_serves_the_project(
    mem: Ledger,
) -> None:
    at = dt.datetime(2024, 4, 6, 9, tzinfo=CST)
    mem.publish_activity(activity_id="HD-J", station_id=STATION, name="两村联合义诊",
                         starts_at=at, ends_at=at + dt.timedelta(hours=6), project_id=PROJECT,
                         actor=CLERK, occurred_on=D(2024, 4, 1))  # fmt: skip
    mem.register_volunteer(volunteer_id="V-WH", station_id=OTHER_STATION, name="王河志愿者",
                           consent=True, registered_on=D(2024, 1, 5), actor=CLERK,
                           occurred_on=D(2024, 1, 5))  # fmt: skip
    event = mem.record_service(record_id="FW-J", volunteer_id="V-WH", activity_id="HD-J",
                               duration_s=7200, service_date=D(2024, 4, 6), actor=CLERK,
                               occurred_on=D(2024, 4, 6))  # fmt: skip
    assert (event.station_id, event.project_id) == (OTHER_STATION, PROJECT)


def test_the_budget_holds_on_every_backend(ledger: Ledger) -> None:
    a_station(ledger)
    ledger.request_disbursement(**request("SQ-1", "3000"))
    with pytest.raises(OverBudget):
        ledger.request_disbursement(**request("SQ-2", "0.01"))
    assert remaining(ledger) == 0
    assert ledger.project(PROJECT).lines[0].requested_fen == 300_000


def test_project_queries_check_their_arguments(mem: Ledger) -> None:
    with pytest.raises(InvalidInput, match="project_id"):
        mem.project(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="station_ids"):
        mem.projects(station_ids=STATION)  # type: ignore[arg-type]
    assert mem.project(f" {PROJECT} ").project_id == PROJECT  # canonical form, rule 16


def test_a_line_overspent_while_allowed_may_be_raised_but_not_lowered_once_disallowed(
    mem: Ledger,
) -> None:
    policy = {"station_id": STATION, "name": "崔寨站", "actor": MANAGER, "occurred_on": START}
    mem.set_station_policy(**policy, over_budget_allowed=True)
    mem.request_disbursement(**request("SQ-1", "4000"))
    mem.set_station_policy(**policy, over_budget_allowed=False)
    w = {"project_id": PROJECT, "line_code": MEALS, "reason": "调整", "actor": MANAGER,
         "occurred_on": D(2024, 5, 1)}  # fmt: skip
    with pytest.raises(OverBudget):
        mem.amend_budget_line(**w, amendment_id="TZ-1", amount="2000")
    mem.amend_budget_line(**w, amendment_id="TZ-2", amount="3500")  # better, still over
    assert remaining(mem) == -50_000
    with pytest.raises(OverBudget):
        mem.request_disbursement(**request("SQ-2", "0.01"))
