"""Importing time-bank sheets (时间银行台账) and goods-distribution sheets (物资发放登记):
Chinese or English headers, UTF-8 or GB18030, whole file or nothing, a repeat records
nothing, and a time-bank redemption in goods moves the credit and the goods together."""

from __future__ import annotations

import pytest

from sgz_ledger import Ledger
from sgz_ledger.sheets import ImportSummary, SheetRefused, import_sheet
from sgz_ledger.sheets.timebank import parse_hours_s
from timebank_goods_support import DAY, HOUR, station

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)


def _ledger(*, hours: int = 5, boxes: int = 10) -> Ledger:
    ledger = Ledger("memory:")
    station(ledger, hours=hours, boxes=boxes)
    ledger.register_volunteer(
        volunteer_id="V2", station_id="cz", name="李四", registered_on=DAY, consent=False,
        actor="王芳", occurred_on=DAY,
    )  # fmt: skip
    return ledger


def _import(ledger: Ledger, text: str, encoding: str = "utf-8") -> ImportSummary:
    return import_sheet(
        ledger, text.encode(encoding), source="sheet.csv", station_id="cz", entered_by="王芳"
    )


def _figures(ledger: Ledger) -> tuple[int, int, int, int]:
    line = ledger.fund("market").state.balances.stock_line("泡面", "箱", "")
    return (
        ledger.volunteer("V1").state.bank_balance_s,
        ledger.volunteer("V2").state.bank_balance_s,
        0 if line is None else line.quantity,
        ledger.log_position(),
    )


TIMEBANK_ZH = """业务,日期,志愿者编号,单号,小时,项目,数量,提供方,审批人,基金,单位,受赠志愿者,原因
兑换,2024-03-02,V1,TB-1,1,理发服务,1,爱心理发店,站长,,,,
兑换,2024-03-02,V1,TB-2,1.5,泡面,2,,站长,market,箱,,
转赠,2024-03-02,V1,TR-1,0.5,,,,,,,V2,赠与
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_timebank_sheet_in_chinese(encoding: str) -> None:
    ledger = _ledger()
    result = _import(ledger, TIMEBANK_ZH, encoding)
    assert result.kind == "timebank"
    assert (result.bank_redemptions, result.bank_transfers, result.goods_distributions) == (
        2,
        1,
        1,
    )
    # 5 h - 1 - 1.5 - 0.5 = 2 h; V2 got 0.5 h; 2 boxes left the stock.
    assert _figures(ledger)[:3] == (2 * HOUR, HOUR // 2, 8)
    position = ledger.log_position()
    again = _import(ledger, TIMEBANK_ZH, encoding)
    assert (again.already_present, again.events_recorded) == (3, 0)
    assert ledger.log_position() == position


def test_a_timebank_sheet_in_english_banks_a_record() -> None:
    ledger = Ledger("memory:")
    station(ledger, hours=2)
    # The support station banked R1 already (王芳, 2 March): the same deposit that day is a
    # repeat that records nothing; a deposit of it on another day is refused, with its line.
    position = ledger.log_position()
    _import(ledger, "operation,date,volunteer_id,entry_id\nbank,2024-03-02,V1,R1\n")
    assert ledger.log_position() == position
    text = "operation,date,volunteer_id,entry_id\nbank,2024-03-04,V1,R1\n"
    with pytest.raises(SheetRefused) as refused:
        _import(ledger, text)
    assert refused.value.lines == (2,)
    assert "already in the time bank" in str(refused.value)


def test_clerk_sheet_with_goods_short_records_nothing_at_all() -> None:
    # Row 3 asks for more boxes than the stock holds: the whole file is refused, the
    # haircut on row 2 and the credit of row 3 included.
    ledger = _ledger(boxes=1)
    before = _figures(ledger)
    with pytest.raises(SheetRefused) as refused:
        _import(ledger, TIMEBANK_ZH)
    assert refused.value.lines == (3,)
    assert "in stock" in str(refused.value)
    assert _figures(ledger) == before


def test_bad_cells_are_named_by_line_and_column() -> None:
    ledger = _ledger()
    text = (
        "业务,日期,志愿者编号,单号,小时,项目,审批人,提供方\n"
        "借出,2024-03-02,V1,X-1,1,理发,站长,店\n"
        "兑换,2024-03-02,V1,X-2,1.555,理发,站长,店\n"
        "兑换,2024-03-02,V1,X-2,1,理发,站长,店\n"
        "兑换,2024-03-02,V1,X-3,1,理发,,店\n"
    )
    before = _figures(ledger)
    with pytest.raises(SheetRefused) as refused:
        _import(ledger, text)
    assert refused.value.lines == (2, 3, 4, 5)
    assert _figures(ledger) == before


def test_hours_are_read_exactly() -> None:
    assert parse_hours_s("0.01") == 36
    assert parse_hours_s("2.5") == 9000
    for bad in ("2.555", "-1", "1e3", "0", ""):
        with pytest.raises(ValueError, match="hours"):
            parse_hours_s(bad)


GOODS_ZH = """发放编号,日期,基金,物资名称,单位,数量,领取人,用途,签收人
FF-1,2024-03-02,market,泡面,箱,6,环卫工人,户外工作群体慰问,站长
FF-2,2024-03-02,market,泡面,箱,4,外卖小哥,户外工作群体慰问,站长
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_goods_distribution_sheet(encoding: str) -> None:
    ledger = _ledger()
    result = _import(ledger, GOODS_ZH, encoding)
    assert (result.kind, result.goods_distributions) == ("goods_distributions", 2)
    assert _figures(ledger)[2] == 0
    register = ledger.goods_register(fund_id="market")
    assert register.lines[0].handed_out == 10
    assert register.lines[0].handed_out_value_fen == 40_000
    again = _import(ledger, GOODS_ZH, encoding)
    assert (again.already_present, again.events_recorded) == (2, 0)


def test_a_goods_sheet_in_english_taking_more_than_is_left_names_the_row() -> None:
    ledger = _ledger()
    text = (
        "distribution_id,date,fund,item,unit,quantity,recipient,purpose,signed_off_by\n"
        "FF-1,2024-03-02,market,泡面,箱,8,环卫工人,慰问,站长\n"
        "FF-2,2024-03-02,market,泡面,箱,3,外卖小哥,慰问,站长\n"
        "FF-3,2024-03-02,market,泡面,箱,abc,外卖小哥,慰问,站长\n"
        "FF-4,2024-03-02,nowhere,泡面,箱,1,外卖小哥,慰问,站长\n"
    )
    before = _figures(ledger)
    with pytest.raises(SheetRefused) as refused:
        _import(ledger, text)
    assert refused.value.lines == (3, 4, 5)
    assert _figures(ledger) == before


def test_clerk_filling_cells_of_another_kind_of_entry_is_refused() -> None:
    # Hours typed on a deposit (its credit is the record's), a receiver on a redemption, a
    # provider on a redemption paid in goods: each is a mistake, named by line and column.
    ledger = _ledger()
    text = (
        "业务,日期,志愿者编号,单号,小时,项目,单位,提供方,审批人,基金,受赠志愿者,原因\n"
        "存入,2024-03-02,V1,R9,2,,,,,,,\n"
        "兑换,2024-03-02,V1,TB-1,1,理发,,店,站长,,V2,\n"
        "兑换,2024-03-02,V1,TB-2,1,泡面,箱,超市,站长,market,,\n"
        "转赠,2024-03-02,V1,TR-1,1,泡面,,,,,V2,赠与\n"
    )
    before = _figures(ledger)
    with pytest.raises(SheetRefused) as refused:
        _import(ledger, text)
    assert refused.value.lines == (2, 3, 4, 5)
    assert {p.reason for p in refused.value.rows} == {"not_for_operation"}
    assert _figures(ledger) == before
