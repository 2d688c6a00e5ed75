"""The goods register (物资台账): goods in units per fund, purpose, item and unit.

下沙's 145箱泡面 and 37箱火腿肠 (one valued, one not) all handed out; goods partly sold;
a gift entry reversed; the annual report's goods in units; and, for any gifts,
distributions and sales, received - reversed - handed out - sold equals the stock the
Fund aggregate itself holds.
"""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports_support import on, open_fund
from sgz_ledger import InvalidInput, Ledger, LedgerError, NotFound
from sgz_ledger.render.funds import annual_report_text, goods_text
from sgz_ledger.reports.goods import GoodsLineRow


def _line(rows: tuple[GoodsLineRow, ...], item: str) -> GoodsLineRow:
    [row] = [r for r in rows if r.item == item]
    return row


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
    given_out = [("泡面", 80, "环卫工人"), ("泡面", 50, "外卖小哥"), ("泡面", 15, "防疫点"),
                 ("火腿肠", 37, "防疫点")]  # fmt: skip
    for n, (item, quantity, recipient) in enumerate(given_out):
        ledger.distribute_goods(
            fund_id="xiasha",
            distribution_id=f"FF-{n}",
            item=item,
            unit="箱",
            quantity=quantity,
            recipient=recipient,
            signed_off_by="站长",
            purpose="户外工作群体慰问",
            actor="社工站",
            occurred_on=on(8, 10 + n, 2022),
        )


def test_xiasha_noodles_and_sausages_all_handed_out() -> None:
    ledger = Ledger("memory:")
    _xiasha(ledger)
    register = ledger.goods_register(fund_id="xiasha")
    noodles, sausages = _line(register.lines, "泡面"), _line(register.lines, "火腿肠")
    assert (noodles.received, noodles.handed_out, noodles.sold, noodles.in_stock) == (
        145,
        145,
        0,
        0,
    )
    assert (sausages.received, sausages.handed_out, sausages.in_stock) == (37, 37, 0)
    assert (noodles.received_value_fen, noodles.handed_out_value_fen) == (580_000, 580_000)
    assert (sausages.received_value_fen, sausages.in_stock_value_fen) == (0, 0)  # unvalued
    assert ledger.goods_register(station_id="xiasha") == msgspec.structs.replace(
        register, fund_id=None, station_id="xiasha"
    )
    text = goods_text(register)
    assert "泡面" in text
    assert "火腿肠" in text

    # A period: the first two handouts only; the stock at its end, the opening before it.
    august = ledger.goods_register(
        fund_id="xiasha", from_day=on(8, 1, 2022), to_day=on(8, 11, 2022)
    )
    noodles = _line(august.lines, "泡面")
    assert (noodles.opening, noodles.received, noodles.handed_out, noodles.in_stock) == (
        0,
        145,
        130,
        15,
    )
    later = ledger.goods_register(fund_id="xiasha", from_day=on(8, 12, 2022))
    noodles = _line(later.lines, "泡面")
    assert (noodles.opening, noodles.received, noodles.handed_out, noodles.in_stock) == (
        15,
        0,
        15,
        0,
    )
    assert ledger.goods_register(fund_id="xiasha", to_day=on(8, 1, 2022)).lines == ()

    report = ledger.annual_report(2022, station_id="xiasha", goods=True)
    assert "泡面 145箱, 派发 145箱, 结存 0箱" in annual_report_text(report)
    assert "火腿肠 37箱, 派发 37箱, 结存 0箱" in annual_report_text(report)
    assert b'"goods"' not in ledger.annual_report(2022, station_id="xiasha").to_json()


def test_goods_partly_sold_and_a_gift_reversed() -> None:
    ledger = Ledger("memory:")
    open_fund(ledger, "jianshe", "jianshe", on(1, 2))
    ledger.receive_goods(
        fund_id="jianshe",
        receipt_no="JS-1",
        donor="爱心超市",
        restriction="助老",
        items=[{"item": "大米(10kg)", "quantity": 50, "unit": "袋", "value": "2500",
                 "basis": "document"}],
        actor="社工站",
        occurred_on=on(3, 1),
    )  # fmt: skip
    ledger.receive_goods(
        fund_id="jianshe",
        receipt_no="JS-2",
        donor="某公司",
        items=[{"item": "书包", "quantity": 20, "unit": "个", "basis": "unvalued"}],
        actor="社工站",
        occurred_on=on(3, 2),
    )
    ledger.distribute_goods(
        fund_id="jianshe", distribution_id="D-1", item="大米(10kg)", unit="袋", quantity=30,
        recipient="独居老人", signed_off_by="站长", purpose="助老", restriction="助老",
        actor="社工站", occurred_on=on(3, 5),
    )  # fmt: skip
    ledger.sell_goods(
        fund_id="jianshe", sale_id="S-1", item="大米(10kg)", unit="袋", quantity=5,
        proceeds="200", buyer="居民", restriction="助老", actor="社工站", occurred_on=on(3, 6),
    )  # fmt: skip
    ledger.reverse_donation(
        fund_id="jianshe", correction_id="C-1", receipt_no="JS-2", reason="重复录入",
        actor="社工站", occurred_on=on(3, 7),
    )  # fmt: skip
    lines = ledger.goods_register(fund_id="jianshe").lines
    rice = _line(lines, "大米(10kg)")
    assert rice.restriction == "助老"
    assert (rice.received, rice.handed_out, rice.sold, rice.in_stock) == (50, 30, 5, 15)
    assert rice.received_value_fen == 250_000
    assert rice.in_stock_value_fen == 250_000 - rice.handed_out_value_fen - rice.sold_value_fen
    bags = _line(lines, "书包")
    assert (bags.received, bags.reversed, bags.in_stock) == (20, 20, 0)


def test_refusals() -> None:
    ledger = Ledger("memory:")
    _xiasha(ledger)
    with pytest.raises(NotFound):
        ledger.goods_register(fund_id="nowhere")
    with pytest.raises(InvalidInput):
        ledger.goods_register(from_day=on(9, 1, 2022), to_day=on(8, 1, 2022))


ITEMS = (("泡面", "箱"), ("泡面", "包"), ("火腿肠", "箱"))
gift = st.tuples(st.just("gift"), st.sampled_from(ITEMS), st.integers(1, 50),
                 st.sampled_from(["", "助老"]), st.sampled_from([None, "100", "0.07"]))  # fmt: skip
out = st.tuples(st.sampled_from(["give", "sell", "reverse"]), st.sampled_from(ITEMS),
                st.integers(1, 60), st.sampled_from(["", "助老"]), st.just(None))  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.one_of(gift, out), max_size=12), cut=st.integers(0, 12))
def test_register_balances_with_the_fund_aggregate(
    steps: list[tuple[str, tuple[str, str], int, str, str | None]], cut: int
) -> None:
    """received - reversed - handed out - sold == the aggregate's goods in stock; and over
    a period, opening + the same == the stock at its end."""
    ledger = Ledger("memory:")
    open_fund(ledger, "f", "s", on(1, 1))
    gifts: list[str] = []
    for n, (kind, (item, unit), quantity, restriction, value) in enumerate(steps):
        day = on(1, 2) + dt.timedelta(days=n)
        try:
            if kind == "gift":
                line = {"item": item, "quantity": quantity, "unit": unit,
                        "basis": "unvalued" if value is None else "document"}  # fmt: skip
                if value is not None:
                    line["value"] = value
                ledger.receive_goods(fund_id="f", receipt_no=f"R{n}", donor="某公司",
                                     restriction=restriction, items=[line], actor="社工站",
                                     occurred_on=day)  # fmt: skip
                gifts.append(f"R{n}")
            elif kind == "give":
                ledger.distribute_goods(fund_id="f", distribution_id=f"D{n}", item=item,
                                        unit=unit, quantity=quantity, recipient="居民",
                                        signed_off_by="站长", purpose="慰问",
                                        restriction=restriction, actor="社工站",
                                        occurred_on=day)  # fmt: skip
            elif kind == "sell":
                ledger.sell_goods(fund_id="f", sale_id=f"S{n}", item=item, unit=unit,
                                  quantity=quantity, proceeds="1", buyer="居民",
                                  restriction=restriction, actor="社工站",
                                  occurred_on=day)  # fmt: skip
            elif gifts:
                ledger.reverse_donation(fund_id="f", correction_id=f"C{n}",
                                        receipt_no=gifts[quantity % len(gifts)], reason="录错",
                                        actor="社工站", occurred_on=day)  # fmt: skip
        except LedgerError:  # refused (more than in stock, no such goods): nothing recorded
            pass
    stock = ledger.fund("f").balances.stock
    lines = ledger.goods_register(fund_id="f").lines
    got = {(r.item, r.unit, r.restriction): r for r in lines}
    want = {(s.item, s.unit, s.restriction): s for s in stock.values()}
    assert set(got) == set(want)
    for key, row in got.items():
        assert row.received - row.reversed - row.handed_out - row.sold == row.in_stock
        assert row.in_stock == want[key].quantity >= 0
        assert row.in_stock_value_fen == want[key].value_fen
    split = on(1, 2) + dt.timedelta(days=cut)
    for row in ledger.goods_register(fund_id="f", from_day=split).lines:
        assert row.opening + row.received - row.reversed - row.handed_out - row.sold == row.in_stock
