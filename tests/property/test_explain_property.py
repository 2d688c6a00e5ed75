"""For random small histories, the events ``explain`` lists add up to the report's figure.

Hypothesis writes a history across the turn of two years (service records approved,
corrected or voided; gifts, reversals and payments; goods received, given out and
reversed; group sessions naming people; team members joining and leaving, under star
thresholds of a few hours) and runs it through a real Ledger; commands the rules refuse
are not recorded. For each year, every figure of the report's rows can be explained; the
explanations of the figures of each section must total the annual report's figures, list
only events of the log at their positions, and list each distinct person once; the star
levels' lines name each counted volunteer once between them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger, LedgerError
from sgz_ledger.reports.explain import explainable, figure_rows
from sgz_ledger.service import commands as b

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

START = dt.date(2023, 12, 1)  # histories run from December 2023 to January 2025
STATION, FUND, CLERK, APPROVER, CASHIER = "s1", "F1", "王芳", "张敏", "周敏"
LINE = f"goods.{FUND}//米/袋"  # the one goods line: rice in bags, for no set purpose
FIGURES = (
    "volunteers.activities",
    "volunteers.person_times",
    "volunteers.volunteers",
    "volunteers.service_s",
    "volunteers.service_hours",
    "funds.donations_cash",
    "funds.spending",
    "funds.cash_start",
    "funds.cash_end",
    "funds.available_end",
    "delivery.group_sessions",
    "delivery.person_times",
    "delivery.distinct_people",
    "recognition.team_members",
    "recognition.stars.volunteers",
    "recognition.stars.with_service",
    *(f"recognition.stars.level_{n}" for n in range(6)),
    *(f"{LINE}.{name}" for name in ("opening", "received", "reversed", "handed_out",
                                    "in_stock", "received_value", "in_stock_value")),
)  # fmt: skip

days = st.integers(0, 420).map(lambda n: START + dt.timedelta(days=n))
volunteer = st.sampled_from(["V0", "V1", "V2"])
record = st.tuples(volunteer, st.sampled_from(["R0", "R1", "R2"]))
# Whole hours often, so that volunteers reach the star thresholds of a few hours.
seconds = st.one_of(st.integers(1, 36000), st.sampled_from([3600, 7200, 14400, 28800]))
service = st.tuples(st.just("service"), record, st.sampled_from(["A0", "A1"]), seconds, days,
                    st.booleans(), st.one_of(st.none(), seconds), st.booleans())  # fmt: skip
step = st.one_of(
    service,
    service,  # twice as likely as the others: star levels need a few hours each
    st.tuples(st.just("correct"), record, st.integers(1, 36000), days),
    st.tuples(st.just("void"), record, days),
    st.tuples(st.just("gift"), st.integers(1, 100000), days, st.booleans(), days),
    st.tuples(st.just("pay"), st.integers(1, 50000), days),
    st.tuples(st.just("session"), days, st.lists(st.sampled_from(["P0", "P1", "P2", "P3"]),
                                                 unique=True, max_size=3), st.integers(0, 4)),
    st.tuples(st.just("goods"), st.integers(1, 20), days, st.integers(0, 20), st.booleans(),
              days),
    st.tuples(st.just("team"), volunteer, days, st.one_of(st.none(), days)),
)  # fmt: skip


def _play(ledger: Ledger, steps: list[tuple[Any, ...]]) -> None:
    on = dt.date(2023, 11, 1)
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="东村", name="东村基金",
                     host="基金会", approval_threshold="100000", publicity_required=False,
                     actor=CLERK, occurred_on=on)  # fmt: skip
    for n in range(3):
        ledger.execute(b.RegisterVolunteer(volunteer_id=f"V{n}", station_id=STATION,
                                           name=f"V{n}", registered_on=on, consent=True,
                                           actor=CLERK, occurred_on=on))  # fmt: skip
    for n in range(2):
        start = dt.datetime(2023, 11, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        ledger.execute(b.PublishActivity(activity_id=f"A{n}", station_id=STATION, name=f"A{n}",
                                         starts_at=start, ends_at=start + dt.timedelta(days=470),
                                         actor=CLERK, occurred_on=on))  # fmt: skip
    ledger.create_group(station_id=STATION, group_id="G", name="小组", theme="长者",
                        actor=CLERK, occurred_on=on)  # fmt: skip
    ledger.set_station_policy(station_id=STATION, name="s1站", star_thresholds_h=[1, 2, 3, 5, 8],
                              actor=CLERK, occurred_on=on)  # fmt: skip
    ledger.form_team(team_id="T", station_id=STATION, name="服务队", actor=CLERK, occurred_on=on)
    for n, s in enumerate(steps):
        with contextlib.suppress(LedgerError):
            _step(ledger, n, s)


def _step(ledger: Ledger, n: int, s: tuple[Any, ...]) -> None:
    kind = s[0]
    if kind == "service":  # recorded; perhaps approved, then corrected, then voided
        (vid, rid), aid, seconds, on, approve, corrected, voided = s[1:]
        ledger.execute(b.RecordService(record_id=rid, volunteer_id=vid, activity_id=aid,
                                       duration_s=seconds, service_date=on, actor=CLERK,
                                       occurred_on=on))  # fmt: skip
        if approve:
            ledger.execute(b.ApproveService(volunteer_id=vid, record_id=rid, actor=APPROVER,
                                            occurred_on=on))  # fmt: skip
        if corrected is not None:
            _step(ledger, n, ("correct", (vid, rid), corrected, on))
        if voided:
            _step(ledger, n, ("void", (vid, rid), on))
    elif kind == "correct":
        (vid, rid), seconds, on = s[1:]
        ledger.execute(b.CorrectService(volunteer_id=vid, record_id=rid, correction_id=f"C{n}",
                                        reason="更正", requested_by=vid, duration_s=seconds,
                                        actor=APPROVER, occurred_on=on))  # fmt: skip
    elif kind == "void":
        (vid, rid), on = s[1:]
        ledger.execute(b.VoidService(volunteer_id=vid, record_id=rid, reason="作废",
                                     actor=APPROVER, occurred_on=on))  # fmt: skip
    elif kind == "gift":  # perhaps reversed later, maybe in the next year
        amount, on, reverse, later = s[1:]
        ledger.receive_cash(fund_id=FUND, receipt_no=f"R{n}", amount_fen=amount, actor=CLERK,
                            occurred_on=on)  # fmt: skip
        if reverse:
            ledger.reverse_donation(fund_id=FUND, correction_id=f"X{n}", receipt_no=f"R{n}",
                                    reason="重复", actor=APPROVER,
                                    occurred_on=max(on, later))  # fmt: skip
    elif kind == "pay":
        amount, on = s[1:]
        ledger.request_disbursement(fund_id=FUND, request_id=f"Q{n}", amount_fen=amount,
                                    purpose="慰问", payee="某户", actor=CLERK,
                                    occurred_on=on)  # fmt: skip
        ledger.approve_disbursement(fund_id=FUND, request_id=f"Q{n}", actor=APPROVER,
                                    occurred_on=on)  # fmt: skip
        if amount % 3:  # some approved requests stay unpaid: reserved at the year's end
            ledger.pay_disbursement(fund_id=FUND, request_id=f"Q{n}", voucher_no=f"V{n}",
                                    actor=CASHIER, occurred_on=on)  # fmt: skip
    elif kind == "goods":  # received; some given out; perhaps reversed, if none were
        quantity, on, out, reverse, later = s[1:]
        rice: list[b.GoodsLineFields] = [
            {
                "item": "米",
                "quantity": quantity,
                "unit": "袋",
                "value_fen": 500 * quantity,
                "basis": "document",
            }
        ]
        ledger.receive_goods(fund_id=FUND, receipt_no=f"G{n}", items=rice, actor=CLERK,
                             occurred_on=on)  # fmt: skip
        if out:
            with contextlib.suppress(LedgerError):
                ledger.distribute_goods(fund_id=FUND, distribution_id=f"D{n}", item="米",
                                        unit="袋", quantity=out, recipient="某户",
                                        signed_off_by=APPROVER, purpose="慰问", actor=CLERK,
                                        occurred_on=max(on, later))  # fmt: skip
        if reverse:
            ledger.reverse_donation(fund_id=FUND, correction_id=f"X{n}", receipt_no=f"G{n}",
                                    reason="重复", actor=APPROVER,
                                    occurred_on=max(on, later))  # fmt: skip
    elif kind == "team":  # a volunteer joins the team, perhaps leaves it later
        vid, on, left = s[1:]
        ledger.add_team_member(team_id="T", volunteer_id=vid, actor=CLERK, occurred_on=on)
        if left is not None:
            ledger.remove_team_member(team_id="T", volunteer_id=vid, reason="离队",
                                      actor=CLERK, occurred_on=max(on, left))  # fmt: skip
    else:
        on, people, extra = s[1:]
        ledger.hold_group_session(station_id=STATION, group_id="G", session_id=str(n),
                                  duration_s=3600, participants=len(people) + extra,
                                  identified=people, actor=CLERK, occurred_on=on)  # fmt: skip


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(steps=st.lists(step, min_size=5, max_size=30))
def test_explanations_total_the_figures(steps: list[tuple[Any, ...]]) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    try:
        _play(ledger, steps)
        log = {p: type(e).__name__ for p, e in ledger.log_reader.events()}
        for year in (2023, 2024, 2025):
            report = ledger.annual_report(year, goods=True)
            names = set(explainable(report))
            assert names == {row.name for row in figure_rows(report)}
            for figure in FIGURES:
                if figure not in names:  # no delivery, or no goods, in this history
                    continue
                e = ledger.explain_figure(year, figure)
                assert e.total_text == e.value, (year, figure, e)
                assert all(log[c.position] == c.event_type for c in e.contributions)
            if "recognition.stars.volunteers" in names:
                counted = ledger.explain_figure(year, "recognition.stars.volunteers")
                levels = [ledger.explain_figure(year, f"recognition.stars.level_{n}")
                          for n in range(6)]  # fmt: skip
                assert sorted(c.aggregate for e in levels for c in e.contributions) == sorted(
                    c.aggregate for c in counted.contributions
                )
            if report.service_delivery:
                people = ledger.explain_figure(year, "delivery.distinct_people")
                refs = [c.ref for c in people.contributions]
                assert len(refs) == len(set(refs))
    finally:
        ledger.close()
