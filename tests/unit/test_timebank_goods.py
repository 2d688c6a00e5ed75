"""A time-bank redemption paid in goods from the station's 爱心超市 fund (rule 56): the credit
and the goods leave together in one write, or nothing is recorded."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sgz_ledger import (
    GoodsDistributed,
    HoursRedeemed,
    IdempotencyConflict,
    InsufficientCredit,
    InsufficientStock,
    InvalidTransition,
    Ledger,
    NotFound,
    RuleViolation,
)
from timebank_goods_support import DAY, HOUR
from timebank_goods_support import station as _station

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)


def _redeem(ledger: Ledger, *, rid: str = "TB-1", hours: int = 1, boxes: int = 1) -> HoursRedeemed:
    return ledger.redeem_hours_for_goods(
        volunteer_id="V1",
        redemption_id=rid,
        credit_s=hours * HOUR,
        fund_id="market",
        item="泡面",
        unit="箱",
        quantity=boxes,
        approver="站长",
        actor="王芳",
        occurred_on=DAY,
    )


def _state(ledger: Ledger) -> tuple[int, int, int]:
    """(credit seconds, boxes in stock, position of the log)."""
    line = ledger.fund("market").state.balances.stock_line("泡面", "箱", "")
    stock = 0 if line is None else line.quantity
    return ledger.volunteer("V1").state.bank_balance_s, stock, ledger.log_position()


def test_the_credit_and_the_goods_leave_together(ledger: Ledger) -> None:
    _station(ledger)
    event = _redeem(ledger, hours=2, boxes=3)
    assert event.counterparty == "market"
    assert _state(ledger)[:2] == (1 * HOUR, 7)
    distributed = ledger.fund("market").state.distributions["TB-1"]
    assert isinstance(distributed, GoodsDistributed)
    assert (distributed.recipient, distributed.signed_off_by) == ("V1", "站长")
    assert distributed.value_fen == 12_000
    register = ledger.goods_register(fund_id="market")
    assert register.lines[0].handed_out == 3


def test_goods_not_in_stock_record_nothing_not_even_the_redemption(ledger: Ledger) -> None:
    _station(ledger, boxes=2)
    before = _state(ledger)
    with pytest.raises(InsufficientStock):
        _redeem(ledger, boxes=3)
    assert _state(ledger) == before
    assert "TB-1" not in ledger.volunteer("V1").state.redemptions


def test_short_credit_records_nothing_not_even_the_goods(ledger: Ledger) -> None:
    _station(ledger, hours=1)
    before = _state(ledger)
    with pytest.raises(InsufficientCredit):
        _redeem(ledger, hours=2)
    assert _state(ledger) == before
    assert "TB-1" not in ledger.fund("market").state.distributions


def test_a_repeat_records_nothing_and_a_changed_repeat_is_refused() -> None:
    ledger = Ledger("memory:")
    _station(ledger)
    first = _redeem(ledger)
    state = _state(ledger)
    assert _redeem(ledger) == first
    assert _state(ledger) == state
    with pytest.raises(IdempotencyConflict):
        _redeem(ledger, boxes=2)
    assert _state(ledger) == state


def test_clerk_reusing_an_id_of_a_plain_redemption_is_refused() -> None:
    # A tired clerk types the id of yesterday's haircut redemption for today's noodles.
    ledger = Ledger("memory:")
    _station(ledger)
    ledger.redeem_hours(
        volunteer_id="V1",
        redemption_id="TB-1",
        credit_s=HOUR,
        item="泡面",
        quantity=1,
        counterparty="market",
        approver="站长",
        actor="王芳",
        occurred_on=DAY,
    )
    state = _state(ledger)
    with pytest.raises(InvalidTransition, match="time bank only"):
        _redeem(ledger)
    assert _state(ledger) == state


def test_forger_taking_goods_of_another_stations_fund_is_refused() -> None:
    ledger = Ledger("memory:")
    _station(ledger, station="other")
    state = _state(ledger)
    with pytest.raises(RuleViolation, match="station 'other'"):
        _redeem(ledger)
    assert _state(ledger) == state


def test_the_approver_is_not_who_enters_it_and_unknowns_are_not_found() -> None:
    ledger = Ledger("memory:")
    _station(ledger)
    with pytest.raises(RuleViolation):
        ledger.redeem_hours_for_goods(
            volunteer_id="V1", redemption_id="TB-9", credit_s=HOUR, fund_id="market",
            item="泡面", unit="箱", approver="王芳", actor="王芳", occurred_on=DAY,
        )  # fmt: skip
    with pytest.raises(NotFound):
        ledger.redeem_hours_for_goods(
            volunteer_id="V1", redemption_id="TB-9", credit_s=HOUR, fund_id="nope",
            item="泡面", unit="箱", approver="站长", actor="王芳", occurred_on=DAY,
        )  # fmt: skip
    assert "TB-9" not in ledger.volunteer("V1").state.redemptions


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    asks=st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.integers(min_value=1, max_value=4)),
        min_size=1,
        max_size=6,
    )
)
def test_hours_and_goods_move_together_or_not_at_all(asks: list[tuple[int, int]]) -> None:
    ledger = Ledger("memory:")
    _station(ledger, hours=5, boxes=6)
    credit, stock, _ = _state(ledger)
    for n, (hours, boxes) in enumerate(asks):
        try:
            _redeem(ledger, rid=f"TB-{n}", hours=hours, boxes=boxes)
        except (InsufficientCredit, InsufficientStock):
            assert hours * HOUR > credit or boxes > stock
            now = _state(ledger)
            assert now[:2] == (credit, stock)
            continue
        credit, stock = credit - hours * HOUR, stock - boxes
        assert _state(ledger)[:2] == (credit, stock)
    volunteer = ledger.volunteer("V1").state
    fund = ledger.fund("market").state
    assert set(volunteer.redemptions) == set(fund.distributions)
    spent = sum(r.credit_s for r in volunteer.redemptions.values())
    given_out = sum(d.quantity for d in fund.distributions.values())
    assert (spent, given_out) == (5 * HOUR - credit, 6 - stock)
