"""Bad input is refused at the boundary with a typed error, and the store is left as it was.

A refused command records nothing (errors.py): on every backend, the number of
stored events and the balances are the same before and after. Money mistakes raise
``InvalidAmount`` naming the field; other shape/type/length mistakes raise
``InvalidInput`` listing the bad fields (rules 15 and 17). Money is given in yuan
(``amount``: ``Decimal`` or text) or in fen (``amount_fen``: ``int``), one of the two: an
``int`` in a yuan field is refused, never read as fen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest

from conftest import D, open_test_fund
from sgz_ledger import InvalidAmount, InvalidInput, Ledger, NotFound
from sgz_ledger.domain.money import AMOUNT_FEN_MAX, format_yuan
from sgz_ledger.service.commands import KEY_LEN_MAX, NOTE_LEN_MAX, QUANTITY_MAX, TEXT_LEN_MAX

FUND = "cz-village"

BAD_AMOUNTS = [
    pytest.param(0.1, id="float"),
    pytest.param(math.nan, id="float-nan"),
    pytest.param(math.inf, id="float-inf"),
    pytest.param(-math.inf, id="float-minus-inf"),
    pytest.param(Decimal("NaN"), id="decimal-nan"),
    pytest.param(Decimal("Infinity"), id="decimal-inf"),
    pytest.param(-100, id="negative-int"),
    pytest.param("-300.50", id="negative-yuan"),
    pytest.param(0, id="zero-int"),
    pytest.param("0.00", id="zero-yuan"),
    pytest.param("1.001", id="three-decimals"),
    pytest.param(AMOUNT_FEN_MAX + 1, id="int-above-max"),
    pytest.param(format_yuan(AMOUNT_FEN_MAX + 1), id="yuan-above-max"),
    pytest.param(100, id="an-int-is-fen-not-yuan"),
    pytest.param(True, id="bool"),
    pytest.param("四万五千元", id="garbage"),
]

BAD_FEN = [
    pytest.param(-100, id="negative"),
    pytest.param(0, id="zero"),
    pytest.param(AMOUNT_FEN_MAX + 1, id="above-max"),
    pytest.param(True, id="bool"),
    pytest.param("100", id="yuan-text"),
    pytest.param(Decimal("100"), id="decimal"),
    pytest.param(100.0, id="float"),
]


@contextmanager
def records_nothing(ledger: Ledger) -> Iterator[None]:
    """Assert the store and the balances are unchanged by the block (which must raise)."""
    events_before = len(ledger.stored_events())
    balances_before = ledger.balances()
    yield
    assert len(ledger.stored_events()) == events_before
    assert ledger.balances() == balances_before


def _given_a_fund_with_money_and_goods(ledger: Ledger) -> None:
    open_test_fund(ledger)
    ledger.receive_cash(
        fund_id=FUND,
        receipt_no="R-001",
        amount="1000",
        restriction="困境儿童助学",
        actor="王芳",
        occurred_on=D,
    )
    ledger.receive_goods(
        fund_id=FUND,
        receipt_no="G-001",
        items=[
            {"item": "泡面", "quantity": 145, "unit": "箱", "value": "5800", "basis": "document"}
        ],
        actor="王芳",
        occurred_on=D,
    )


def _cash(ledger: Ledger, amount: object, unit: str = "amount") -> None:
    money: dict[str, Any] = {unit: amount}
    ledger.receive_cash(fund_id=FUND, receipt_no="R-002", actor="王芳", occurred_on=D, **money)


def test_bad_amount_refused_on_a_fresh_fund_records_nothing(ledger: Ledger) -> None:
    """The very first gift of a fund, refused, leaves only the opening event."""
    open_test_fund(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount):
        _cash(ledger, 0.1)
    assert len(ledger.stored_events()) == 1


@pytest.mark.parametrize("amount", BAD_AMOUNTS)
def test_bad_cash_amount_raises_invalid_amount_and_records_nothing(
    ledger: Ledger, amount: object
) -> None:
    """Rule 7 registers an amount; a float, NaN, ±inf, ≤0, 3 decimals... is never registered."""
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        _cash(ledger, amount)
    assert caught.value.field == "amount"


@pytest.mark.parametrize("amount", BAD_FEN)
def test_bad_fen_amount_raises_invalid_amount_and_records_nothing(
    ledger: Ledger, amount: object
) -> None:
    """``amount_fen`` takes an int of fen within the limits, and nothing else."""
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        _cash(ledger, amount, "amount_fen")
    assert caught.value.field == "amount_fen"


def test_an_int_in_a_yuan_field_is_refused_naming_the_fen_field(ledger: Ledger) -> None:
    """``amount=100``: 1.00 yuan if an int were fen, 100 yuan if it were yuan; refused."""
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        _cash(ledger, 100)
    assert "amount_fen=100 for 1.00 yuan" in str(caught.value)
    assert "amount='100' for 100 yuan" in str(caught.value)


@pytest.mark.parametrize(
    "money",
    [
        pytest.param({"amount": "1", "amount_fen": 100}, id="both"),
        pytest.param({}, id="neither"),
    ],
)
def test_an_amount_is_given_once(ledger: Ledger, money: dict[str, Any]) -> None:
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.receive_cash(fund_id=FUND, receipt_no="R-002", actor="王芳", occurred_on=D, **money)
    assert type(caught.value) is InvalidInput
    assert [name for name, _ in caught.value.problems] == ["amount"]
    assert "amount_fen" in str(caught.value)


# Every command that carries money, with the name of its amount field in the error.
AMOUNT_COMMANDS: dict[str, tuple[str, Callable[[Ledger, dict[str, Any]], Any]]] = {
    "open_fund": (
        "approval_threshold",
        lambda ledger, money: ledger.open_fund(
            fund_id="another",
            station_id="cuizhai",
            community="李善仁村",
            name="李善仁村社区基金",
            host="济南市慈善总会",
            **money,
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "receive_goods": (
        "items.0.value",
        lambda ledger, money: ledger.receive_goods(
            fund_id=FUND,
            receipt_no="G-002",
            items=[
                {
                    "item": "火腿肠",
                    "quantity": 37,
                    "unit": "箱",
                    "basis": "document",
                    **money,
                }
            ],
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "sell_goods": (
        "proceeds",
        lambda ledger, money: ledger.sell_goods(
            fund_id=FUND,
            sale_id="S-001",
            item="泡面",
            unit="箱",
            quantity=1,
            **money,
            buyer="超市",
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "refund_donation": (
        "amount",
        lambda ledger, money: ledger.refund_donation(
            fund_id=FUND,
            refund_id="RF-001",
            receipt_no="R-001",
            **money,
            reason="捐赠人要求退回",
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "release_restriction": (
        "amount",
        lambda ledger, money: ledger.release_restriction(
            fund_id=FUND,
            release_id="RL-001",
            restriction="困境儿童助学",
            **money,
            reason="项目结余",
            reference="捐赠人同意函2024-01",
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "change_purpose": (
        "amount",
        lambda ledger, money: ledger.change_purpose(
            fund_id=FUND,
            change_id="PC-001",
            from_restriction="困境儿童助学",
            to_restriction="困难老人帮扶",
            **money,
            consent_ref="捐赠人同意函2024-02",
            reason="项目调整",
            actor="王芳",
            occurred_on=D,
        ),
    ),
    "request_disbursement": (
        "amount",
        lambda ledger, money: ledger.request_disbursement(
            fund_id=FUND,
            request_id="Q-001",
            **money,
            purpose="购买学习用品",
            payee="文具店",
            restriction="困境儿童助学",
            actor="张伟",
            occurred_on=D,
        ),
    ),
}


@pytest.mark.parametrize("command", sorted(AMOUNT_COMMANDS))
@pytest.mark.parametrize(
    "amount",
    [
        pytest.param(0.1, id="float"),
        pytest.param(Decimal("NaN"), id="decimal-nan"),
        pytest.param("1.001", id="three-decimals"),
        pytest.param(-1, id="negative"),
        pytest.param(True, id="bool"),
    ],
)
def test_every_amount_field_refuses_bad_amounts_and_records_nothing(
    ledger: Ledger, command: str, amount: object
) -> None:
    field, run = AMOUNT_COMMANDS[command]
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        run(ledger, {_name(field): amount})
    assert caught.value.field == field


def _name(field: str) -> str:
    """The argument a money field is given by (``items.0.value``: ``value`` of the line)."""
    return field.rsplit(".", 1)[-1]


@pytest.mark.parametrize("command", sorted(AMOUNT_COMMANDS))
def test_every_yuan_field_refuses_an_int_naming_its_fen_field(ledger: Ledger, command: str) -> None:
    field, run = AMOUNT_COMMANDS[command]
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        run(ledger, {_name(field): 100})
    assert caught.value.field == field
    assert f"{_name(field)}_fen=100 for 1.00 yuan" in caught.value.why


@pytest.mark.parametrize("command", sorted(AMOUNT_COMMANDS))
@pytest.mark.parametrize("amount", [pytest.param("1", id="text"), pytest.param(1.5, id="float")])
def test_every_fen_field_takes_only_an_int(ledger: Ledger, command: str, amount: object) -> None:
    field, run = AMOUNT_COMMANDS[command]
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidAmount) as caught:
        run(ledger, {f"{_name(field)}_fen": amount})
    assert caught.value.field == f"{field}_fen"


@pytest.mark.parametrize("command", sorted(AMOUNT_COMMANDS))
def test_every_money_field_refuses_both_units(ledger: Ledger, command: str) -> None:
    field, run = AMOUNT_COMMANDS[command]
    name = _name(field)
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        run(ledger, {name: "1", f"{name}_fen": 100})
    assert type(caught.value) is InvalidInput
    assert [p for p, _ in caught.value.problems] == [field]


def test_zero_is_a_valid_threshold_and_a_valid_goods_value(ledger: Ledger) -> None:
    """Zero is refused for money that moves, but a 0 threshold (always two approvers) is fine."""
    _given_a_fund_with_money_and_goods(ledger)
    AMOUNT_COMMANDS["open_fund"][1](ledger, {"approval_threshold_fen": 0})
    AMOUNT_COMMANDS["receive_goods"][1](ledger, {"value": "0.00"})
    assert ledger.fund("another").state.opened is not None


def test_refused_open_fund_leaves_no_fund(ledger: Ledger) -> None:
    _given_a_fund_with_money_and_goods(ledger)
    with pytest.raises(InvalidAmount):
        AMOUNT_COMMANDS["open_fund"][1](ledger, {"approval_threshold": 0.1})
    with pytest.raises(NotFound):
        ledger.fund("another")


# ---- other bad input: InvalidInput (not InvalidAmount), nothing recorded -------------------

CASH = {
    "fund_id": FUND,
    "receipt_no": "R-002",
    "amount": "300.50",
    "donor": "居民李某",
    "actor": "王芳",
    "occurred_on": D,
}

BAD_CASH_INPUT = [
    pytest.param({"receipt_no": None}, "receipt_no", id="missing-receipt-no"),
    pytest.param({"amount": None}, "amount", id="missing-amount"),
    pytest.param({"occurred_on": None}, "occurred_on", id="missing-date"),
    pytest.param({"actor": None}, "actor", id="missing-actor"),
    pytest.param({"amount_yuan": "300.50"}, "amount_yuan", id="extra-field"),
    pytest.param({"receipt_no": ""}, "receipt_no", id="empty-receipt-no"),
    pytest.param({"receipt_no": "   "}, "receipt_no", id="blank-receipt-no"),
    pytest.param({"receipt_no": "R" * (KEY_LEN_MAX + 1)}, "receipt_no", id="long-receipt-no"),
    pytest.param({"receipt_no": 2024001}, "receipt_no", id="receipt-no-as-int"),
    pytest.param({"occurred_on": "2024-03-01"}, "occurred_on", id="date-as-string"),
    pytest.param(
        {"occurred_on": dt.datetime(2024, 3, 1, 9, 0)}, "occurred_on", id="datetime-not-date"
    ),
    pytest.param({"donor": "某" * (TEXT_LEN_MAX + 1)}, "donor", id="long-donor"),
    pytest.param({"note": "备注" * NOTE_LEN_MAX}, "note", id="long-note"),
    pytest.param({"actor": ""}, "actor", id="empty-actor"),
    pytest.param({"fund_id": ""}, "fund_id", id="empty-fund-id"),
]


@pytest.mark.parametrize(("change", "field"), BAD_CASH_INPUT)
def test_bad_cash_input_raises_invalid_input_and_records_nothing(
    ledger: Ledger, change: dict[str, object], field: str
) -> None:
    _given_a_fund_with_money_and_goods(ledger)
    fields = {k: v for k, v in {**CASH, **change}.items() if v is not None}
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.receive_cash(**fields)
    assert type(caught.value) is InvalidInput
    assert field in [name for name, _ in caught.value.problems]


def test_every_bad_field_is_listed(ledger: Ledger) -> None:
    """One refusal lists all the problems, so a clerk fixes a row once."""
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.receive_cash(fund_id=FUND, receipt_no="", actor="", occurred_on="2024-03-01")  # type: ignore[arg-type]
    fields = {name for name, _ in caught.value.problems}
    assert {"receipt_no", "actor", "occurred_on", "amount"} <= fields


def _goods(line: dict[str, object]) -> dict[str, object]:
    return {
        "fund_id": FUND,
        "receipt_no": "G-002",
        "items": [line],
        "actor": "王芳",
        "occurred_on": D,
    }


GOOD_LINE = {"item": "火腿肠", "quantity": 37, "unit": "箱", "value": "2220", "basis": "document"}

BAD_GOODS_LINES = [
    pytest.param({"quantity": 0}, id="zero-quantity"),
    pytest.param({"quantity": -37}, id="negative-quantity"),
    pytest.param({"quantity": QUANTITY_MAX + 1}, id="quantity-above-max"),
    pytest.param({"quantity": 37.0}, id="float-quantity"),
    pytest.param({"quantity": "37"}, id="text-quantity"),
    pytest.param({"basis": "guess"}, id="unknown-basis"),
    pytest.param({"basis": "unvalued"}, id="unvalued-with-value"),
    pytest.param({"value": None}, id="document-without-value"),
    pytest.param({"item": ""}, id="empty-item"),
    pytest.param({"unit": "箱" * (TEXT_LEN_MAX + 1)}, id="long-unit"),
    pytest.param({"colour": "red"}, id="extra-field"),
]


@pytest.mark.parametrize("change", BAD_GOODS_LINES)
def test_bad_goods_line_raises_invalid_input_and_records_nothing(
    ledger: Ledger, change: dict[str, object]
) -> None:
    """Rule 8: a goods line has a quantity, a unit, and either a value with its basis or none."""
    _given_a_fund_with_money_and_goods(ledger)
    line = {k: v for k, v in {**GOOD_LINE, **change}.items() if v is not None}
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.receive_goods(**_goods(line))
    assert type(caught.value) is InvalidInput
    assert all(name.startswith("items.0") for name, _ in caught.value.problems)


def test_in_kind_gift_without_items_is_refused(ledger: Ledger) -> None:
    _given_a_fund_with_money_and_goods(ledger)
    fields = _goods(GOOD_LINE)
    fields["items"] = []
    with records_nothing(ledger), pytest.raises(InvalidInput):
        ledger.receive_goods(**fields)


@pytest.mark.parametrize(
    "reason", [pytest.param("", id="empty"), pytest.param("因" * (TEXT_LEN_MAX + 1), id="long")]
)
def test_refund_needs_a_reason_of_bounded_length(ledger: Ledger, reason: str) -> None:
    """Rule 11: a refund is a reversing entry; its reason is required and length-limited."""
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.refund_donation(
            fund_id=FUND,
            refund_id="RF-001",
            receipt_no="R-001",
            amount="100",
            reason=reason,
            actor="王芳",
            occurred_on=D,
        )
    assert [name for name, _ in caught.value.problems] == ["reason"]


def test_notice_dates_must_be_dates(ledger: Ledger) -> None:
    _given_a_fund_with_money_and_goods(ledger)
    with records_nothing(ledger), pytest.raises(InvalidInput) as caught:
        ledger.publicize_disbursement(
            fund_id=FUND,
            request_id="Q-001",
            notice_ref="公示-001",
            notice_from="2024-03-01",
            notice_to=D,
            actor="王芳",
            occurred_on=D,
        )
    assert [name for name, _ in caught.value.problems] == ["notice_from"]
