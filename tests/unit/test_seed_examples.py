"""Figures from the stations' own reports (shared/seeds), reproduced from recorded events.

* 003 朝阳 2024: "累计接收各类捐赠资金45265元" (rule 7: every gift registered, anonymous too).
* 000 下沙 2022: "145箱泡面、37箱火腿肠按需派发到辖区的环卫工人、外卖小哥等户外工作群体和社区防疫点"
  (rule 8: in-kind gifts, valued from documents or unvalued, leave the stock as distributed).
* 001 陈仓: "链接爱心企业为辖区困境儿童累计捐赠15000元学习用品" (in kind: income, never cash).

The reports give totals only; how 朝阳's total splits into gifts and what the
boxes were worth are made up here for the example (marked "assumed").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import D
from sgz_ledger import (
    FundBalance,
    GoodsBalance,
    InsufficientFunds,
    InsufficientStock,
    Ledger,
    format_yuan,
)
from sgz_ledger.domain.events import CashDonationReceived, DonationReversed, GoodsDistributed

CLERK = "社工站经办人"


def _open(ledger: Ledger, fund_id: str, station_id: str, community: str) -> None:
    ledger.open_fund(
        fund_id=fund_id,
        station_id=station_id,
        community=community,
        name=f"{community}社区基金",
        host="市慈善总会",
        approval_threshold="5000",
        publicity_required=False,
        actor=CLERK,
        occurred_on=D,
    )


def _balance(ledger: Ledger, fund_id: str) -> FundBalance:
    [row] = ledger.balances(fund_id=fund_id)
    return row


# ---- 003 朝阳: 累计接收各类捐赠资金45265元 ----------------------------------------------------

# Assumed split of the reported total: companies, residents, two anonymous gifts.
CHAOYANG_GIFTS: list[dict[str, Any]] = [
    {"receipt_no": "CY-2024-001", "amount": "20000", "donor": "石嘴山市某爱心企业"},
    {
        "receipt_no": "CY-2024-002",
        "amount": "15,000.00",
        "donor": "宁夏某商贸有限公司",
        "restriction": "困难群体救助",
    },
    {"receipt_no": "CY-2024-003", "amount": "6000", "donor": "万盛社区居民张某"},
    {
        "receipt_no": "CY-2024-004",
        "amount": "3000元",
        "donor": "阳光社区居民李某",
        "restriction": "儿童关怀",
    },
    {"receipt_no": "CY-2024-005", "amount": "1000", "donor": None},  # 匿名
    {"receipt_no": "CY-2024-006", "amount": "¥265", "donor": None},  # 匿名
]


def _receive_chaoyang_gifts(ledger: Ledger) -> None:
    _open(ledger, "chaoyang", "dawukou-chaoyang", "朝阳街道")
    for n, gift in enumerate(CHAOYANG_GIFTS):
        ledger.receive_cash(
            fund_id="chaoyang",
            actor=CLERK,
            occurred_on=D + dt.timedelta(days=7 * n),
            **gift,
        )


def test_chaoyang_donations_add_up_to_45265_yuan(ledger: Ledger) -> None:
    """003 朝阳: six registered gifts (two anonymous) reproduce the reported 45265元."""
    _receive_chaoyang_gifts(ledger)
    row = _balance(ledger, "chaoyang")
    assert row.received_fen == 4_526_500
    assert row.total_fen == row.available_fen == 4_526_500
    assert format_yuan(row.received_fen) == "45265.00"
    by_restriction = {r.restriction: r.received_fen for r in row.restrictions}
    assert by_restriction == {"": 2_726_500, "困难群体救助": 1_500_000, "儿童关怀": 300_000}
    assert row.in_kind_received_fen == 0


def test_chaoyang_total_is_reproducible_from_the_registered_gifts(ledger: Ledger) -> None:
    """Rule 7, 13: an auditor sums the registered gifts; anonymous gifts are registered too."""
    _receive_chaoyang_gifts(ledger)
    gifts = [e for e in ledger.stored_events() if isinstance(e, CashDonationReceived)]
    assert len(gifts) == 6
    assert sum(g.amount_fen for g in gifts) == 4_526_500
    assert [g.receipt_no for g in gifts if g.donor is None] == ["CY-2024-005", "CY-2024-006"]
    assert all(g.actor == CLERK for g in gifts)


def test_chaoyang_total_survives_a_corrected_typo(ledger: Ledger) -> None:
    """Rule 3, 12: a mistyped gift is reversed by a new event and re-entered; nothing is edited."""
    _receive_chaoyang_gifts(ledger)
    ledger.receive_cash(
        fund_id="chaoyang", receipt_no="CY-2024-007", amount="4526.5", actor=CLERK, occurred_on=D
    )
    ledger.reverse_donation(
        fund_id="chaoyang",
        correction_id="CY-C-001",
        receipt_no="CY-2024-007",
        reason="重复录入：与CY-2024-001至006合计金额混淆",
        actor="财务复核员",
        occurred_on=D + dt.timedelta(days=1),
    )
    assert _balance(ledger, "chaoyang").received_fen == 4_526_500
    events = ledger.stored_events()
    assert any(isinstance(e, DonationReversed) for e in events)
    assert any(
        isinstance(e, CashDonationReceived) and e.receipt_no == "CY-2024-007" for e in events
    )


# ---- 000 下沙: 145箱泡面、37箱火腿肠, distributed to outdoor workers ----------------------------

NOODLES, SAUSAGES = "泡面", "火腿肠"


def _receive_xiasha_goods(ledger: Ledger, *, valued: bool) -> None:
    _open(ledger, "xiasha", "qiantang-xiasha", "下沙街道")

    def line(item: str, quantity: int, value: str) -> dict[str, Any]:
        if valued:  # assumed document values: the report gives none
            return {
                "item": item,
                "quantity": quantity,
                "unit": "箱",
                "value": value,
                "basis": "document",
            }
        return {"item": item, "quantity": quantity, "unit": "箱", "basis": "unvalued"}

    ledger.receive_goods(
        fund_id="xiasha",
        receipt_no="XS-2022-08-001",
        donor="蚂蚁公益基金会",
        items=[line(NOODLES, 145, "5,800.00"), line(SAUSAGES, 37, "2,000.00")],
        note="钱塘区募集，2022年8月到货",
        actor=CLERK,
        occurred_on=dt.date(2022, 8, 1),
    )


# The distribution in parts: 环卫工人, 外卖小哥, 社区防疫点 (按需派发).
XIASHA_PARTS = [
    (NOODLES, 60, "环卫工人"),
    (SAUSAGES, 20, "环卫工人"),
    (NOODLES, 50, "外卖小哥"),
    (SAUSAGES, 10, "外卖小哥"),
    (NOODLES, 35, "社区防疫点"),
    (SAUSAGES, 7, "社区防疫点"),
]


def _distribute(ledger: Ledger, n: int, item: str, quantity: int, recipient: str) -> Any:
    return ledger.distribute_goods(
        fund_id="xiasha",
        distribution_id=f"XS-D-{n:03d}",
        item=item,
        unit="箱",
        quantity=quantity,
        recipient=recipient,
        signed_off_by="社区主任",
        purpose="慰问户外工作群体",
        actor=CLERK,
        occurred_on=dt.date(2022, 8, 2) + dt.timedelta(days=n),
    )


def test_xiasha_goods_enter_the_stock_at_their_document_value(ledger: Ledger) -> None:
    _receive_xiasha_goods(ledger, valued=True)
    row = _balance(ledger, "xiasha")
    assert row.goods == (
        GoodsBalance(item=NOODLES, unit="箱", restriction="", quantity=145, value_fen=580_000),
        GoodsBalance(item=SAUSAGES, unit="箱", restriction="", quantity=37, value_fen=200_000),
    )
    assert row.in_kind_received_fen == row.in_kind_held_fen == 780_000
    assert (row.received_fen, row.available_fen) == (0, 0)


def test_xiasha_goods_distributed_in_parts_leave_no_stock_and_no_value(ledger: Ledger) -> None:
    """All 145 + 37 boxes handed out: quantity and booked value reach exactly 0 together."""
    _receive_xiasha_goods(ledger, valued=True)
    events = [_distribute(ledger, n, *part) for n, part in enumerate(XIASHA_PARTS)]
    assert all(isinstance(e, GoodsDistributed) for e in events)
    sausage_values = [e.value_fen for e in events if e.item == SAUSAGES]
    assert sausage_values == [108_108, 54_054, 37_838]  # pro rata, the last takes the rest
    assert sum(sausage_values) == 200_000
    row = _balance(ledger, "xiasha")
    assert all((g.quantity, g.value_fen) == (0, 0) for g in row.goods)
    assert (row.in_kind_received_fen, row.in_kind_held_fen) == (780_000, 0)
    boxes = {(e.item, e.recipient): e.quantity for e in events}
    assert sum(q for (item, _), q in boxes.items() if item == NOODLES) == 145
    assert sum(q for (item, _), q in boxes.items() if item == SAUSAGES) == 37


def test_xiasha_distribution_of_more_than_in_stock_is_refused(ledger: Ledger) -> None:
    _receive_xiasha_goods(ledger, valued=True)
    _distribute(ledger, 0, NOODLES, 60, "环卫工人")
    before = ledger.stored_events()
    with pytest.raises(InsufficientStock, match="85"):
        _distribute(ledger, 1, NOODLES, 86, "外卖小哥")
    assert ledger.stored_events() == before
    assert _balance(ledger, "xiasha").goods[0].quantity == 85


def test_xiasha_unvalued_goods_book_no_money_but_are_counted(ledger: Ledger) -> None:
    """Rule 8: with neither documents nor fair value, the gift is unvalued and books no money."""
    _receive_xiasha_goods(ledger, valued=False)
    row = _balance(ledger, "xiasha")
    assert [(g.item, g.quantity, g.value_fen) for g in row.goods] == [
        (NOODLES, 145, 0),
        (SAUSAGES, 37, 0),
    ]
    assert row.in_kind_received_fen == 0
    events = [_distribute(ledger, n, *part) for n, part in enumerate(XIASHA_PARTS)]
    assert [e.value_fen for e in events] == [0] * len(XIASHA_PARTS)
    assert all(g.quantity == 0 for g in _balance(ledger, "xiasha").goods)
    with pytest.raises(InsufficientStock):
        _distribute(ledger, 99, SAUSAGES, 1, "环卫工人")


# ---- 001 陈仓: 15000元学习用品 for 困境儿童 --------------------------------------------------


def _receive_chencang_supplies(ledger: Ledger) -> None:
    _open(ledger, "chencang", "baoji-chencang", "陈仓镇")
    ledger.receive_goods(
        fund_id="chencang",
        receipt_no="CC-2023-015",
        donor="爱心企业",
        restriction="困境儿童",
        items=[
            {
                "item": "学习用品",
                "quantity": 300,
                "unit": "套",
                "value": "15000",
                "basis": "document",
            }
        ],
        actor=CLERK,
        occurred_on=D,
    )


def test_chencang_supplies_count_as_in_kind_income_not_cash(ledger: Ledger) -> None:
    _receive_chencang_supplies(ledger)
    row = _balance(ledger, "chencang")
    assert row.in_kind_received_fen == row.in_kind_held_fen == 1_500_000
    assert (row.received_fen, row.total_fen, row.available_fen) == (0, 0, 0)
    assert format_yuan(row.in_kind_received_fen) == "15000.00"


def test_chencang_supplies_cannot_pay_a_cash_disbursement(ledger: Ledger) -> None:
    """Rule 11 checks the cash of the restriction: 15000元 of goods is 0 fen available."""
    _receive_chencang_supplies(ledger)
    ledger.request_disbursement(
        fund_id="chencang",
        request_id="CC-Q-001",
        amount="100",
        purpose="困境儿童交通补贴",
        payee="困境儿童家长",
        restriction="困境儿童",
        actor="申请社工",
        occurred_on=D,
    )
    before = len(ledger.stored_events())
    with pytest.raises(InsufficientFunds) as caught:
        ledger.approve_disbursement(
            fund_id="chencang", request_id="CC-Q-001", actor="管委会委员", occurred_on=D
        )
    assert (caught.value.available_fen, caught.value.needed_fen) == (0, 10_000)
    assert len(ledger.stored_events()) == before


def test_chencang_supplies_handed_out_stay_in_reported_income(ledger: Ledger) -> None:
    """Income reported (15000元) does not shrink when the goods reach the children."""
    _receive_chencang_supplies(ledger)
    ledger.distribute_goods(
        fund_id="chencang",
        distribution_id="CC-D-001",
        item="学习用品",
        unit="套",
        restriction="困境儿童",
        quantity=300,
        recipient="辖区困境儿童",
        signed_off_by="社工站站长",
        purpose="困境儿童学习用品发放",
        actor=CLERK,
        occurred_on=D + dt.timedelta(days=3),
    )
    row = _balance(ledger, "chencang")
    assert (row.in_kind_received_fen, row.in_kind_held_fen) == (1_500_000, 0)
    assert row.available_fen == 0
