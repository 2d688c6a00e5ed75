"""Idempotency: every command carries an external key (receipt no., request id, refund id...).

Repeating a command with the same key and the same fields returns the event first
recorded and records nothing; the same key with a field changed is almost always a
data-entry mistake (two gifts typed with one receipt number), so it is refused with
``IdempotencyConflict`` naming the first differing field (after TigerBeetle's
``exists_with_different_*`` results). Runs on every backend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from conftest import D
from sgz_ledger import BatchCommandRefused, IdempotencyConflict, Ledger
from sgz_ledger.domain.events import FundEvent
from sgz_ledger.service import commands as b

FUND = "cz-village"
AID = "困境儿童助学"
CLERK = "王芳"
REQUESTER = "张伟"
APPROVER = "李娜"
DAY = dt.timedelta(days=1)
PAY_DAY = D + 10 * DAY  # after every notice period of the history below


def _who(actor: str = CLERK, on: dt.date = D) -> dict[str, Any]:
    return {"actor": actor, "occurred_on": on}


OPEN = {
    "fund_id": FUND,
    "station_id": "cuizhai",
    "community": "崔寨村",
    "name": "崔寨村社区基金",
    "host": "济南市慈善总会",
    "approval_threshold": "5000",
    "publicity_required": True,
    **_who(),
}


def _given_history(ledger: Ledger) -> None:
    """A fund with cash (unrestricted and restricted), goods, and requests at every stage."""
    ledger.open_fund(**OPEN)
    ledger.open_fund(**{**OPEN, "fund_id": "empty-fund", "name": "空基金"})
    f = {"fund_id": FUND}
    ledger.receive_cash(**f, receipt_no="R-1", amount="10000", donor="爱心企业", **_who())
    ledger.receive_cash(**f, receipt_no="R-2", amount="5000", restriction=AID, **_who())
    ledger.receive_goods(
        **f,
        receipt_no="G-1",
        items=[
            {"item": "泡面", "quantity": 145, "unit": "箱", "value": "5800", "basis": "document"}
        ],
        donor="蚂蚁公益基金会",
        **_who(),
    )
    for request_id in ("Q-1", "Q-2", "Q-3", "Q-4", "Q-5", "Q-6"):
        ledger.request_disbursement(
            **f,
            request_id=request_id,
            amount="100",
            purpose="慰问环卫工人",
            payee="超市",
            **_who(REQUESTER),
        )
    for request_id in ("Q-1", "Q-3", "Q-4"):
        ledger.approve_disbursement(**f, request_id=request_id, **_who(APPROVER))
    for request_id in ("Q-1", "Q-4"):
        ledger.publicize_disbursement(
            **f,
            request_id=request_id,
            notice_ref=f"公示-{request_id}",
            notice_from=D,
            notice_to=D + 4 * DAY,
            **_who(),
        )
    ledger.pay_disbursement(**f, request_id="Q-1", voucher_no="V-Q-1", **_who(on=PAY_DAY))


# Each case: the command (Ledger method and its fields, valid after the history) and a
# change of one field with the name the conflict must give (the event's field name).
Case = tuple[str, dict[str, Any], dict[str, Any], str]
F = {"fund_id": FUND}
CASES: dict[str, Case] = {
    "open_fund-threshold": (
        "open_fund",
        {**OPEN, "fund_id": "lsr-village"},
        {"approval_threshold": "6000"},
        "approval_threshold_fen",
    ),
    "open_fund-name": (
        "open_fund",
        {**OPEN, "fund_id": "lsr-village"},
        {"name": "李善仁村基金"},
        "name",
    ),
    "open_fund-publicity": (
        "open_fund",
        {**OPEN, "fund_id": "lsr-village"},
        {"publicity_required": False},
        "publicity_required",
    ),
    "cash-amount": (
        "receive_cash",
        {**F, "receipt_no": "R-10", "amount": "300.50", "donor": "居民李某", **_who()},
        {"amount": "300.51"},
        "amount_fen",
    ),
    "cash-donor": (
        "receive_cash",
        {**F, "receipt_no": "R-10", "amount": "300.50", "donor": "居民李某", **_who()},
        {"donor": None},
        "donor",
    ),
    "cash-restriction": (
        "receive_cash",
        {**F, "receipt_no": "R-10", "amount": "300.50", "donor": "居民李某", **_who()},
        {"restriction": AID},
        "restriction",
    ),
    "cash-actor": (
        "receive_cash",
        {**F, "receipt_no": "R-10", "amount": "300.50", "donor": "居民李某", **_who()},
        {"actor": "刘洋"},
        "actor",
    ),
    "cash-date": (
        "receive_cash",
        {**F, "receipt_no": "R-10", "amount": "300.50", "donor": "居民李某", **_who()},
        {"occurred_on": D + DAY},
        "occurred_on",
    ),
    "in_kind-items": (
        "receive_goods",
        {
            **F,
            "receipt_no": "G-10",
            "items": [
                {
                    "item": "火腿肠",
                    "quantity": 37,
                    "unit": "箱",
                    "value": "2220",
                    "basis": "document",
                }
            ],
            **_who(),
        },
        {
            "items": [
                {
                    "item": "火腿肠",
                    "quantity": 36,
                    "unit": "箱",
                    "value": "2220",
                    "basis": "document",
                }
            ]
        },
        "items",
    ),
    "in_kind-donor": (
        "receive_goods",
        {
            **F,
            "receipt_no": "G-10",
            "items": [{"item": "火腿肠", "quantity": 37, "unit": "箱", "basis": "unvalued"}],
            **_who(),
        },
        {"donor": "蚂蚁公益基金会"},
        "donor",
    ),
    "distribution-quantity": (
        "distribute_goods",
        {
            **F,
            "distribution_id": "D-10",
            "item": "泡面",
            "unit": "箱",
            "quantity": 10,
            "recipient": "环卫工人",
            "signed_off_by": "社区主任",
            "purpose": "慰问",
            **_who(),
        },
        {"quantity": 11},
        "quantity",
    ),
    "sale-proceeds": (
        "sell_goods",
        {
            **F,
            "sale_id": "S-10",
            "item": "泡面",
            "unit": "箱",
            "quantity": 1,
            "proceeds": "30",
            "buyer": "超市",
            **_who(),
        },
        {"proceeds": "31"},
        "proceeds_fen",
    ),
    "request_id-payee": (
        "request_disbursement",
        {
            **F,
            "request_id": "Q-10",
            "amount": "200",
            "purpose": "购买学习用品",
            "payee": "文具店",
            **_who(REQUESTER),
        },
        {"payee": "书店"},
        "payee",
    ),
    "request_id-amount": (
        "request_disbursement",
        {
            **F,
            "request_id": "Q-10",
            "amount": "200",
            "purpose": "购买学习用品",
            "payee": "文具店",
            **_who(REQUESTER),
        },
        {"amount": "200.01"},
        "amount_fen",
    ),
    "request_id-requester": (
        "request_disbursement",
        {
            **F,
            "request_id": "Q-10",
            "amount": "200",
            "purpose": "购买学习用品",
            "payee": "文具店",
            **_who(REQUESTER),
        },
        {"actor": "刘洋"},
        "actor",
    ),
    "approval-date": (
        "approve_disbursement",
        {**F, "request_id": "Q-2", **_who(APPROVER)},
        {"occurred_on": D + DAY},
        "occurred_on",
    ),
    "publicize-notice_ref": (
        "publicize_disbursement",
        {
            **F,
            "request_id": "Q-3",
            "notice_ref": "公示-Q-3",
            "notice_from": D,
            "notice_to": D + 5 * DAY,
            **_who(),
        },
        {"notice_ref": "公示-Q-3b"},
        "notice_ref",
    ),
    "publicize-notice_to": (
        "publicize_disbursement",
        {
            **F,
            "request_id": "Q-3",
            "notice_ref": "公示-Q-3",
            "notice_from": D,
            "notice_to": D + 5 * DAY,
            **_who(),
        },
        {"notice_to": D + 7 * DAY},
        "notice_to",
    ),
    "payment-voucher_no": (
        "pay_disbursement",
        {**F, "request_id": "Q-4", "voucher_no": "V-2024-004", **_who(on=PAY_DAY)},
        {"voucher_no": "V-2024-005"},
        "voucher_no",
    ),
    "reject-reason": (
        "reject_disbursement",
        {**F, "request_id": "Q-5", "reason": "不符合资助范围", **_who(APPROVER)},
        {"reason": "材料不全"},
        "reason",
    ),
    "cancel-reason": (
        "cancel_disbursement",
        {**F, "request_id": "Q-6", "reason": "活动取消", **_who(REQUESTER)},
        {"reason": "改期"},
        "reason",
    ),
    "refund_id-amount": (
        "refund_donation",
        {
            **F,
            "refund_id": "RF-10",
            "receipt_no": "R-1",
            "amount": "100",
            "reason": "退回",
            **_who(),
        },
        {"amount": "101"},
        "amount_fen",
    ),
    "refund_id-receipt_no": (
        "refund_donation",
        {
            **F,
            "refund_id": "RF-10",
            "receipt_no": "R-1",
            "amount": "100",
            "reason": "退回",
            **_who(),
        },
        {"receipt_no": "R-2"},
        "receipt_no",
    ),
    "correction_id-receipt_no": (
        "reverse_donation",
        {**F, "correction_id": "C-10", "receipt_no": "R-2", "reason": "重复录入", **_who()},
        {"receipt_no": "R-1"},
        "receipt_no",
    ),
    "correction_id-payment-reason": (
        "reverse_payment",
        {**F, "correction_id": "C-11", "request_id": "Q-1", "reason": "凭证重复", **_who()},
        {"reason": "金额错误"},
        "reason",
    ),
    "release_id-amount": (
        "release_restriction",
        {
            **F,
            "release_id": "RL-10",
            "restriction": AID,
            "amount": "100",
            "reason": "项目结余",
            "reference": "捐赠人同意函2024-01",
            **_who(),
        },
        {"amount": "100.10"},
        "amount_fen",
    ),
    "release_id-reference": (
        "release_restriction",
        {
            **F,
            "release_id": "RL-10",
            "restriction": AID,
            "amount": "100",
            "reason": "项目结余",
            "reference": "捐赠人同意函2024-01",
            **_who(),
        },
        {"reference": "管委会决议2024-02"},
        "reference",
    ),
    "change_id-consent": (
        "change_purpose",
        {
            **F,
            "change_id": "PC-10",
            "from_restriction": AID,
            "to_restriction": "困难老人帮扶",
            "amount": "50",
            "consent_ref": "同意函A",
            "reason": "项目调整",
            **_who(),
        },
        {"consent_ref": "同意函B"},
        "consent_ref",
    ),
    "close-reason": (
        "close_fund",
        {"fund_id": "empty-fund", "reason": "并入镇级基金", **_who()},
        {"reason": "停用"},
        "reason",
    ),
}


def _call(ledger: Ledger, method: str, fields: dict[str, Any]) -> FundEvent:
    run: Callable[..., FundEvent] = getattr(ledger, method)
    return run(**fields)


@pytest.mark.parametrize("case", sorted(CASES))
def test_repeating_a_command_returns_the_original_event_and_records_nothing(
    ledger: Ledger, case: str
) -> None:
    method, fields, _, _ = CASES[case]
    _given_history(ledger)
    first = _call(ledger, method, fields)
    count = len(ledger.stored_events())
    again = _call(ledger, method, fields)
    assert again == first
    assert again.timestamp == first.timestamp  # the original, not a new event (clock moved)
    assert len(ledger.stored_events()) == count


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_key_with_a_field_changed_names_that_field(ledger: Ledger, case: str) -> None:
    method, fields, change, field = CASES[case]
    _given_history(ledger)
    _call(ledger, method, fields)
    count = len(ledger.stored_events())
    with pytest.raises(IdempotencyConflict) as caught:
        _call(ledger, method, {**fields, **change})
    assert caught.value.field == field
    assert caught.value.reason == "exists_with_different_fields"
    assert len(ledger.stored_events()) == count


@pytest.mark.parametrize(
    "money",
    [
        {"amount": "300.50"},
        {"amount": "¥300.5"},
        {"amount_fen": 30_050},
        {"amount": Decimal("300.50")},
    ],
)
def test_the_same_amount_written_another_way_is_the_same_command(
    ledger: Ledger, money: dict[str, Any]
) -> None:
    _given_history(ledger)
    fields = {**F, "receipt_no": "R-10", "donor": "居民李某", **_who()}
    first = ledger.receive_cash(**fields, amount="300.50")
    count = len(ledger.stored_events())
    assert ledger.receive_cash(**fields, **money) == first
    assert len(ledger.stored_events()) == count


def test_a_cash_receipt_number_cannot_be_reused_for_goods(ledger: Ledger) -> None:
    _given_history(ledger)
    count = len(ledger.stored_events())
    with pytest.raises(IdempotencyConflict) as caught:
        ledger.receive_goods(
            **F,
            receipt_no="R-1",
            items=[{"item": "泡面", "quantity": 1, "unit": "箱", "basis": "unvalued"}],
            **_who(),
        )
    assert (caught.value.field, caught.value.recorded, caught.value.given) == (
        "kind",
        "cash",
        "in_kind",
    )
    assert len(ledger.stored_events()) == count


def test_a_goods_receipt_number_cannot_be_reused_for_cash(ledger: Ledger) -> None:
    _given_history(ledger)
    count = len(ledger.stored_events())
    with pytest.raises(IdempotencyConflict) as caught:
        ledger.receive_cash(**F, receipt_no="G-1", amount="5800", **_who())
    assert caught.value.field == "kind"
    assert len(ledger.stored_events()) == count


def test_a_donation_correction_id_cannot_be_reused_for_a_payment(ledger: Ledger) -> None:
    _given_history(ledger)
    ledger.reverse_donation(
        **F, correction_id="C-10", receipt_no="R-2", reason="重复录入", **_who()
    )
    count = len(ledger.stored_events())
    with pytest.raises(IdempotencyConflict) as caught:
        ledger.reverse_payment(
            **F, correction_id="C-10", request_id="Q-1", reason="凭证重复", **_who()
        )
    assert caught.value.field == "kind"
    assert len(ledger.stored_events()) == count


def test_a_repeat_reaches_a_closed_fund_as_a_no_op(ledger: Ledger) -> None:
    """A re-imported file after the fund closed repeats its rows without error."""
    ledger.open_fund(**OPEN)
    gift = {**F, "receipt_no": "R-1", "amount": "100", **_who()}
    first = ledger.receive_cash(**gift)
    ledger.refund_donation(
        **F, refund_id="RF-1", receipt_no="R-1", amount="100", reason="退回", **_who()
    )
    ledger.close_fund(**F, reason="停用", **_who())
    count = len(ledger.stored_events())
    assert ledger.receive_cash(**gift) == first
    assert len(ledger.stored_events()) == count


# ---- in a batch, a duplicate key behaves the same -----------------------------------------


def _cash_command(**change: Any) -> b.ReceiveCashDonation:
    fields = {
        **F,
        "receipt_no": "R-10",
        "amount": "300.50",
        "donor": "居民李某",
        **_who(),
        **change,
    }
    return b.validate_command(b.ReceiveCashDonation, fields)


def test_a_duplicate_inside_one_batch_is_recorded_once(ledger: Ledger) -> None:
    _given_history(ledger)
    count = len(ledger.stored_events())
    first, again = ledger.execute_batch([_cash_command(), _cash_command()])
    assert again == first
    assert len(ledger.stored_events()) == count + 1


def test_a_batch_opening_a_fund_twice_opens_it_once(ledger: Ledger) -> None:
    open_fund = b.validate_command(b.OpenFund, OPEN)
    results = ledger.execute_batch([open_fund, open_fund, _cash_command(), _cash_command()])
    assert results[1] == results[0]
    assert results[3] == results[2]
    assert len(ledger.stored_events()) == 2


def test_a_conflict_inside_one_batch_refuses_the_whole_batch(ledger: Ledger) -> None:
    _given_history(ledger)
    before = ledger.stored_events()
    other = b.validate_command(
        b.ReceiveCashDonation, {**F, "receipt_no": "R-11", "amount": "1", **_who()}
    )
    with pytest.raises(BatchCommandRefused) as caught:
        ledger.execute_batch([other, _cash_command(), _cash_command(amount="300.51")])
    assert caught.value.index == 2
    error = caught.value.error
    assert isinstance(error, IdempotencyConflict)
    assert error.field == "amount_fen"
    assert ledger.stored_events() == before


def test_a_batch_repeating_a_stored_command_records_only_what_is_new(ledger: Ledger) -> None:
    _given_history(ledger)
    stored = ledger.execute(_cash_command())
    count = len(ledger.stored_events())
    new = b.validate_command(
        b.ReceiveCashDonation, {**F, "receipt_no": "R-11", "amount": "1", **_who()}
    )
    repeated, recorded = ledger.execute_batch([_cash_command(), new])
    assert repeated == stored
    assert recorded.receipt_no == "R-11"
    assert len(ledger.stored_events()) == count + 1


def test_a_batch_conflicting_with_a_stored_command_records_nothing(ledger: Ledger) -> None:
    _given_history(ledger)
    ledger.execute(_cash_command())
    before = ledger.stored_events()
    with pytest.raises(BatchCommandRefused) as caught:
        ledger.execute_batch([_cash_command(donor="居民王某")])
    assert caught.value.index == 0
    assert isinstance(caught.value.error, IdempotencyConflict)
    assert caught.value.error.field == "donor"
    assert ledger.stored_events() == before
