"""A time-bank redemption paid in goods from the station's 爱心超市 fund (rule 56): the credit
and the goods leave together in one write, or nothing is recorded."""

from __future__ import annotations

import pytest

from sgz_ledger import (
    AccessRefused,
    GoodsDistributed,
    HoursRedeemed,
    IdempotencyConflict,
    InsufficientCredit,
    InsufficientStock,
    InvalidTransition,
    Ledger,
    NotFound,
    PeriodClosedError,
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


def test_a_closed_period_holds_both_sides() -> None:
    ledger = Ledger("memory:")
    _station(ledger)
    ledger.close_period(
        station_id="cz", period_from=DAY, period_to=DAY, reason="已公开", actor="王芳",
        occurred_on=DAY,
    )  # fmt: skip
    state = _state(ledger)
    with pytest.raises(PeriodClosedError):
        _redeem(ledger)
    assert _state(ledger)[:2] == state[:2]
    assert "TB-1" not in ledger.fund("market").state.distributions


def test_where_the_station_keeps_a_register_an_auditor_cannot_redeem_goods() -> None:
    ledger = Ledger("memory:")
    _station(ledger)
    ledger.add_person(
        station_id="cz", person_id="P-01", name="站长", roles=["admin"], actor="站长",
        occurred_on=DAY,
    )  # fmt: skip
    for pid, name, role in (("P-02", "王芳", "clerk"), ("P-03", "审计员", "auditor")):
        ledger.add_person(
            station_id="cz", person_id=pid, name=name, roles=[role], actor="P-01",
            occurred_on=DAY,
        )  # fmt: skip
    state = _state(ledger)
    with pytest.raises(AccessRefused):
        ledger.redeem_hours_for_goods(
            volunteer_id="V1", redemption_id="TB-1", credit_s=HOUR, fund_id="market",
            item="泡面", unit="箱", approver="站长", actor="审计员", occurred_on=DAY,
        )  # fmt: skip
    assert _state(ledger) == state
    _redeem(ledger)  # 王芳, a clerk
    assert _state(ledger)[:2] == (2 * HOUR, 9)
