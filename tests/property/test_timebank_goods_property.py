"""Property: a time-bank redemption in goods moves the credit and the goods together or not
at all (rule 55), whatever the asks, the credit and the stock."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger import InsufficientCredit, InsufficientStock, Ledger
from timebank_goods_support import DAY, HOUR, station

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)


def _redeem(ledger: Ledger, rid: str, hours: int, boxes: int) -> None:
    ledger.redeem_hours_for_goods(
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


def _state(ledger: Ledger) -> tuple[int, int]:
    line = ledger.fund("market").state.balances.stock_line("泡面", "箱", "")
    return ledger.volunteer("V1").state.bank_balance_s, 0 if line is None else line.quantity


@settings(max_examples=40, deadline=None)
@given(
    asks=st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.integers(min_value=1, max_value=4)),
        min_size=1,
        max_size=6,
    )
)
def test_hours_and_goods_move_together_or_not_at_all(asks: list[tuple[int, int]]) -> None:
    ledger = Ledger("memory:")
    station(ledger, hours=5, boxes=6)
    credit, stock = _state(ledger)
    for n, (hours, boxes) in enumerate(asks):
        try:
            _redeem(ledger, f"TB-{n}", hours, boxes)
        except (InsufficientCredit, InsufficientStock):
            assert hours * HOUR > credit or boxes > stock
            assert _state(ledger) == (credit, stock)
            continue
        credit, stock = credit - hours * HOUR, stock - boxes
        assert _state(ledger) == (credit, stock)
    volunteer = ledger.volunteer("V1").state
    fund = ledger.fund("market").state
    assert set(volunteer.redemptions) == set(fund.distributions)
    spent = sum(r.credit_s for r in volunteer.redemptions.values())
    given_out = sum(d.quantity for d in fund.distributions.values())
    assert (spent, given_out) == (5 * HOUR - credit, 6 - stock)


@settings(max_examples=30, deadline=None)
@given(
    asks=st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.integers(min_value=1, max_value=4)),
        min_size=1,
        max_size=5,
    )
)
def test_a_repeat_never_moves_anything(asks: list[tuple[int, int]]) -> None:
    ledger = Ledger("memory:")
    station(ledger, hours=5, boxes=6)
    for n, (hours, boxes) in enumerate(asks):
        for _ in range(2):  # the clerk presses the button twice
            before = _state(ledger)
            recorded = f"TB-{n}" in ledger.volunteer("V1").state.redemptions
            try:
                _redeem(ledger, f"TB-{n}", hours, boxes)
            except (InsufficientCredit, InsufficientStock):
                assert _state(ledger) == before
            if recorded:
                assert _state(ledger) == before
