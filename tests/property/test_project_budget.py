"""Property: a project's budget lines against any sequence of requests, approvals, payments,
rejections, withdrawals, reversed payments and amendments (rules 40 and 42).

After every step, for every line: ``remaining == budget + amendments - committed``, where
committed is the amount of the line's requests neither rejected nor withdrawn; it is never
negative unless the station allows spending over budget; and the project's spending is the
sum of the payments naming it that stand, as the funds themselves hold them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from project_support import (
    APPROVER,
    BUDGET_FEN,
    CASHIER,
    CLERK,
    FUND,
    MANAGER,
    PROJECT,
    SECOND_FUND,
    STATION,
    D,
    a_station,
    request,
)
from sgz_ledger import Ledger, LedgerError, OverBudget

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

LINES = tuple(BUDGET_FEN)
DAY = D(2024, 4, 1)

step = st.one_of(
    st.tuples(
        st.just("request"),
        st.sampled_from(LINES),
        st.integers(1, 200_000),
        st.sampled_from((FUND, SECOND_FUND)),
    ),
    st.tuples(
        st.sampled_from(("approve", "pay", "reject", "cancel", "reverse")),
        st.integers(0, 7),
    ),
    st.tuples(st.just("amend"), st.sampled_from(LINES), st.integers(0, 500_000)),
)


# Each step's states it moves a request from, and the state it moves it to (the fund's
# rules, one approver each request: the fund's threshold is above every amount here).
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "approve": (("requested",), "approved"),
    "pay": (("approved",), "paid"),
    "reject": (("requested", "approved"), "rejected"),
    "cancel": (("requested", "approved"), "cancelled"),
    "reverse": (("paid",), "approved"),
}


class Model:
    """What the ledger should say: each request's line, amount and status, each line's budget."""

    def __init__(self) -> None:
        self.budget = dict(BUDGET_FEN)
        # request id -> [fund, line, amount, status]
        self.requests: dict[str, list[Any]] = {}

    def committed(self, line: str) -> int:
        return sum(
            amount
            for _, on, amount, status in self.requests.values()
            if on == line and status not in ("rejected", "cancelled")
        )

    def paid(self) -> int:
        return sum(amount for _, _, amount, status in self.requests.values() if status == "paid")


def run(ledger: Ledger, model: Model, s: tuple[Any, ...], n: int, allowed: bool) -> None:
    """Apply one step to the ledger and, where the ledger records it, to the model."""
    kind = s[0]
    if kind == "request":
        _, line, amount, fund = s
        request_id = f"SQ-{n}"
        over = amount > model.budget[line] - model.committed(line)
        fields = request(request_id, "1", line=line, fund_id=fund)
        del fields["amount"]
        try:
            ledger.request_disbursement(**fields, amount_fen=amount)
        except OverBudget:
            assert over
            assert not allowed
            return
        assert allowed or not over
        model.requests[request_id] = [fund, line, amount, "requested"]
        return
    if kind == "amend":
        _, line, amount = s
        below = amount < model.committed(line)
        try:
            ledger.amend_budget_line(project_id=PROJECT, amendment_id=f"TZ-{n}", line_code=line,
                                     amount_fen=amount, reason="调整", actor=MANAGER,
                                     occurred_on=DAY)  # fmt: skip
        except OverBudget:
            assert below
            assert not allowed
            return
        assert allowed or not below  # never over while not allowed: a cut below is refused
        model.budget[line] = amount
        return
    ids = sorted(model.requests)
    if not ids:
        return
    request_id = ids[s[1] % len(ids)]
    entry = model.requests[request_id]
    fund = entry[0]
    w = {"fund_id": fund, "request_id": request_id, "occurred_on": DAY}
    try:
        if kind == "approve":
            ledger.approve_disbursement(**w, actor=APPROVER)
        elif kind == "pay":
            ledger.pay_disbursement(**w, voucher_no=f"PZ-{n}", actor=CASHIER)
        elif kind == "reject":
            ledger.reject_disbursement(**w, reason="驳回", actor=APPROVER)
        elif kind == "cancel":
            ledger.cancel_disbursement(**w, reason="撤回", actor=CLERK)
        else:
            ledger.reverse_payment(**w, correction_id=f"CZ-{n}", reason="录错", actor=CASHIER)
    except LedgerError:
        return  # a step the request's state does not allow (the fund's rules): nothing changed
    # Where the step moves the request on; from any other state it was a repeat (the same
    # approver approving again) and changed nothing.
    before, after = TRANSITIONS[kind]
    if entry[3] in before:
        entry[3] = after


def check(ledger: Ledger, model: Model, allowed: bool) -> None:
    report = ledger.project(PROJECT)
    for line in report.lines:
        assert line.budget_fen == model.budget[line.code]
        assert line.committed_fen == model.committed(line.code)
        assert line.remaining_fen == line.budget_fen - line.committed_fen
        assert line.committed_fen == line.requested_fen + line.approved_fen + line.paid_fen
        assert allowed or line.remaining_fen >= 0
    assert report.spending_fen == model.paid()
    stands_paid = sum(
        d.request.amount_fen
        for fund in (FUND, SECOND_FUND)
        for d in ledger.fund(fund).state.disbursements.values()
        if d.request.project_id == PROJECT and d.status == "paid"
    )
    assert report.spending_fen == stands_paid


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(step, min_size=1, max_size=25), allowed=st.booleans())
def test_remaining_is_budget_less_committed_and_spending_is_what_stands_paid(
    steps: list[tuple[Any, ...]], allowed: bool
) -> None:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 20, 2, tzinfo=dt.UTC)))
    try:
        a_station(ledger, second_fund=True)
        if allowed:
            ledger.set_station_policy(station_id=STATION, name="崔寨站", over_budget_allowed=True,
                                      actor=MANAGER, occurred_on=DAY)  # fmt: skip
        model = Model()
        for n, s in enumerate(steps):
            run(ledger, model, s, n, allowed)
            check(ledger, model, allowed)
    finally:
        ledger.close()
