"""Money by the name of its unit, for every money field of every command model: yuan and the
same amount in fen make the same command; an int in a yuan field, or anything but an int in a
fen field, is refused with ``InvalidAmount`` naming the field; both or neither is
``InvalidInput``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_ledger import InvalidAmount, InvalidInput
from sgz_ledger.domain.money import AMOUNT_FEN_MAX, format_yuan
from sgz_ledger.service import commands as b

W = {"actor": "王芳", "occurred_on": dt.date(2024, 3, 1)}
LINE = {"item": "米", "quantity": 1, "unit": "袋", "basis": "document"}
# Each money field: its model, the other fields, and where the amount goes (a goods line's
# value is inside its line).
CASES: dict[str, tuple[type[Any], dict[str, Any], str]] = {
    "approval_threshold": (b.OpenFund, {"fund_id": "F", "station_id": "S", "community": "c",
                           "name": "n", "host": "h", **W}, "approval_threshold"),
    "amount": (b.ReceiveCashDonation, {"fund_id": "F", "receipt_no": "R", **W}, "amount"),
    "proceeds": (b.SellGoods, {"fund_id": "F", "sale_id": "S", "item": "米", "unit": "袋",
                 "quantity": 1, "buyer": "b", **W}, "proceeds"),
    "refund": (b.RefundDonation, {"fund_id": "F", "refund_id": "T", "receipt_no": "R",
               "reason": "r", **W}, "amount"),
    "release": (b.ReleaseRestriction, {"fund_id": "F", "release_id": "L", "restriction": "x",
                "reason": "r", "reference": "ref", **W}, "amount"),
    "change": (b.ChangePurpose, {"fund_id": "F", "change_id": "P", "from_restriction": "a",
               "to_restriction": "b", "consent_ref": "c", "reason": "r", **W}, "amount"),
    "request": (b.RequestDisbursement, {"fund_id": "F", "request_id": "Q", "purpose": "p",
                "payee": "p", **W}, "amount"),
    "value": (b.GoodsLineInput, dict(LINE), "value"),
}  # fmt: skip


def _build(case: str, money: dict[str, Any]) -> Any:
    model, fields, _ = CASES[case]
    return b.validate_command(model, {**fields, **money})


@given(case=st.sampled_from(sorted(CASES)), fen=st.integers(1, AMOUNT_FEN_MAX))
def test_yuan_and_the_same_fen_are_the_same_command(case: str, fen: int) -> None:
    name = CASES[case][2]
    as_fen = _build(case, {f"{name}_fen": fen})
    assert _build(case, {name: format_yuan(fen)}) == as_fen
    assert _build(case, {name: Decimal(fen).scaleb(-2)}) == as_fen
    assert getattr(as_fen, f"{name}_fen") == fen
    assert getattr(as_fen, name) is None


@given(case=st.sampled_from(sorted(CASES)), number=st.integers() | st.booleans())
def test_an_int_in_a_yuan_field_is_refused_naming_the_fen_field(case: str, number: int) -> None:
    name = CASES[case][2]
    with pytest.raises(InvalidAmount) as caught:
        _build(case, {name: number})
    assert caught.value.field == name
    assert f"{name}_fen" in caught.value.why


@given(
    case=st.sampled_from(sorted(CASES)),
    value=st.text(max_size=6) | st.decimals() | st.floats() | st.booleans() | st.none(),
)
def test_a_fen_field_takes_an_int_only(case: str, value: object) -> None:
    name = CASES[case][2]
    if value is None:  # not given: the same as leaving the field out
        return
    with pytest.raises(InvalidAmount) as caught:
        _build(case, {f"{name}_fen": value})
    assert caught.value.field == f"{name}_fen"


@given(case=st.sampled_from(sorted(CASES)), fen=st.integers(1, 10**6))
def test_both_units_are_refused(case: str, fen: int) -> None:
    name = CASES[case][2]
    with pytest.raises(InvalidInput) as caught:
        _build(case, {name: format_yuan(fen), f"{name}_fen": fen})
    assert type(caught.value) is InvalidInput
    assert [field for field, _ in caught.value.problems] == [name]
