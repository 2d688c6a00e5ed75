"""The disclosure (信息公开) lists goods in units as well as value (rule 57): 下沙's 145箱
泡面, all handed out, read "泡面 145箱, 派发 145箱"; the JSON of a fund without goods, or
without ``goods=True``, is what it always was."""

from __future__ import annotations

import msgspec

from reports_support import on, open_fund
from sgz_ledger import Ledger
from sgz_ledger.render.funds import disclosure_text


def _xiasha(ledger: Ledger) -> None:
    open_fund(ledger, "xiasha", "xiasha", on(8, 1, 2022))
    ledger.receive_goods(
        fund_id="xiasha",
        receipt_no="XS-2022-08",
        donor="蚂蚁公益基金会",
        items=[
            {"item": "泡面", "quantity": 145, "unit": "箱", "value": "5800", "basis": "document"},
            {"item": "火腿肠", "quantity": 37, "unit": "箱", "basis": "unvalued"},
        ],
        actor="社工站",
        occurred_on=on(8, 2, 2022),
    )
    for n, (item, quantity) in enumerate((("泡面", 80), ("泡面", 65), ("火腿肠", 30))):
        ledger.distribute_goods(
            fund_id="xiasha",
            distribution_id=f"FF-{n}",
            item=item,
            unit="箱",
            quantity=quantity,
            recipient="户外工作者",
            signed_off_by="站长",
            purpose="慰问",
            actor="社工站",
            occurred_on=on(8, 10 + n, 2022),
        )


def test_goods_in_units_and_value() -> None:
    ledger = Ledger("memory:")
    _xiasha(ledger)
    d = ledger.disclosure("xiasha", from_day=on(8, 1, 2022), to_day=on(8, 31, 2022), goods=True)
    assert not isinstance(d.goods_units, msgspec.UnsetType)
    by_item = {g.item: g for g in d.goods_units}
    noodles, sausages = by_item["泡面"], by_item["火腿肠"]
    assert (noodles.received, noodles.handed_out, noodles.in_stock) == (145, 145, 0)
    assert (noodles.received_value_fen, noodles.handed_out_value_fen) == (580_000, 580_000)
    assert (sausages.received, sausages.handed_out, sausages.in_stock) == (37, 30, 7)
    text = disclosure_text(d)
    assert "泡面: 接收 received 145箱 (5800.00), 派发 handed out 145箱 (5800.00)" in text
    assert "火腿肠: 接收 received 37箱 (0.00), 派发 handed out 30箱 (0.00), 结存 in stock 7箱" in (
        text
    )


def test_the_json_is_unchanged_unless_asked_and_unset_without_goods() -> None:
    ledger = Ledger("memory:")
    _xiasha(ledger)
    plain = ledger.disclosure("xiasha", from_day=on(8, 1, 2022), to_day=on(8, 31, 2022))
    assert plain.goods_units is msgspec.UNSET
    assert b"goods_units" not in msgspec.json.encode(plain)
    open_fund(ledger, "cash-only", "xiasha", on(8, 1, 2022))
    bare = ledger.disclosure(
        "cash-only", from_day=on(8, 1, 2022), to_day=on(8, 31, 2022), goods=True
    )
    assert bare.goods_units is msgspec.UNSET
    assert "Goods in units" not in disclosure_text(bare)
