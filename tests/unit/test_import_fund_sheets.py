"""Importing funds sheets, donation registers and disbursement registers (``sgz-ledger import``).

The sheets are written here by hand, in the three encodings stations save (UTF-8,
UTF-8 with BOM, GB18030) and with English or Chinese headers. The expected balances
are summed by hand in the comments, to the fen, not by the code under test.

A sheet is recorded whole or not at all: a sheet with bad rows of every kind is
refused, every bad line is named with its reason, and the log does not move.
Importing the same sheet again records nothing. The station year and the refused
sheets run on every backend (the check runs that find every bad row must leave no
trace in any store).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sgz_ledger.storage.log
from conftest import FixedClock, open_test_fund
from sgz_ledger import IdempotencyConflict, Ledger
from sgz_ledger.domain.events import CashDonationReceived, GoodsLine, InKindDonationReceived
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.reports.balances import FundBalance
from sgz_ledger.sheets import ImportSummary, SheetRefused, common, import_file, import_sheet
from sgz_ledger.sheets.funds import APPROVERS_PER_ROW_MAX, split_approvers

STATION = "cuizhai"
CLERK = "陈录入"  # the --entered-by of these imports
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030"]


@pytest.fixture
def clock() -> FixedClock:
    """Recording starts at the end of 2024, after every business date in these sheets."""
    return FixedClock(dt.datetime(2024, 12, 31, 8, 0, tzinfo=dt.UTC))


@pytest.fixture
def mem(clock: FixedClock) -> Iterator[Ledger]:
    """An in-memory ledger, for tests where the backend does not matter."""
    ledger = Ledger("memory:", clock=clock)
    yield ledger
    ledger.close()


# The Chinese header names of the spec, stated here (not taken from the code under test).
ZH = {
    # funds
    "fund": "基金",
    "name": "名称",
    "station": "社工站",
    "community": "社区",
    "host": "托管机构",
    "approval_threshold": "审批限额",
    "opened_on": "设立日期",
    "publicity_required": "需公示",
    # donations
    "date": "日期",
    "donor": "捐赠人",
    "kind": "类型",
    "amount": "金额",
    "item": "物资名称",
    "quantity": "数量",
    "unit": "单位",
    "basis": "价值依据",
    "restriction": "限定用途",
    "receipt_no": "票据号",
    "handler": "经办人",
    # disbursements
    "request_id": "申请编号",
    "purpose": "用途",
    "payee": "收款方",
    "requested_by": "申请人",
    "approved_by": "审批人",
    "paid_on": "支付日期",
    "voucher_no": "凭证号",
    "notice_ref": "公示编号",
    "notice_from": "公示开始",
    "notice_to": "公示结束",
}


def sheet(text: str, headers: str = "en") -> str:
    """A sheet from ``text`` (first line the English header), with its header in
    English (``en``), Chinese (``zh``), or alternating per column (``mixed``)."""
    head, _, body = text.strip("\n").partition("\n")
    columns = head.split(",")
    if headers == "zh":
        columns = [ZH[c] for c in columns]
    elif headers == "mixed":
        columns = [ZH[c] if i % 2 else c for i, c in enumerate(columns)]
    return ",".join(columns) + "\n" + body + "\n"


def data(text: str, encoding: str = "utf-8", *, excel: bool = False) -> bytes:
    """The sheet's bytes; ``excel`` uses CRLF line ends as Excel writes them."""
    if excel:
        text = text.replace("\n", "\r\n")
    return text.encode(encoding)


def load(ledger: Ledger, text: str, headers: str = "en", encoding: str = "utf-8") -> ImportSummary:
    return import_sheet(
        ledger,
        data(sheet(text, headers), encoding),
        station_id=STATION,
        entered_by=CLERK,
    )


def balance(ledger: Ledger, fund_id: str) -> FundBalance:
    (fund,) = ledger.balances(fund_id=fund_id)
    return fund


def by_restriction(fund: FundBalance) -> dict[str, tuple[int, int, int, int, int]]:
    """restriction -> (received, paid, total, reserved, available), in fen."""
    return {
        r.restriction: (r.received_fen, r.paid_fen, r.total_fen, r.reserved_fen, r.available_fen)
        for r in fund.restrictions
    }


# ---- a station year ---------------------------------------------------------------------

FUNDS = """
fund,name,station,community,host,approval_threshold,opened_on,publicity_required
cz-cuizhai,崔寨村社区基金,cuizhai,崔寨村,济南市慈善总会,5000,2024-01-02,
cz-wanghe,王河村社区基金,,王河村,济南市慈善总会,2000.50,2024/1/2,是
"""

# JZ-002 is anonymous and unrestricted; JZ-003 has no 经办人 (the --entered-by enters it)
# and its amount is written as Excel shows money; JZ-004 is one gift of two goods lines,
# the second unvalued.
DONATIONS = """
date,fund,donor,kind,amount,item,quantity,unit,restriction,receipt_no,handler
2024-01-10,cz-cuizhai,某爱心企业,cash,12000.00,,,,助学,JZ-001,王芳
2024-01-15,cz-cuizhai,,现金,300.50,,,,,JZ-002,王芳
2024-02-01,cz-cuizhai,张三,cash,"¥1,000.05",,,,,JZ-003,
2024-02-03,cz-wanghe,李四,cash,8000,,,,助老,WH-001,刘军
2024-02-05,cz-cuizhai,某超市,物资,3000,大米(10kg),50,袋,,JZ-004,王芳
2024-02-05,cz-cuizhai,某超市,in_kind,,食用油(5L),20,桶,,JZ-004,王芳
2024-03-01,cz-wanghe,某书店,in_kind,1500.00,儿童图书,120,本,助学,WH-002,刘军
"""

# SQ-01 is paid; SQ-02 is above 崔寨's 5000 threshold, so two approvers (full-width
# "；"); SQ-03 is approved, not paid (its money is reserved); SQ-04 is only requested;
# SQ-05 is from 王河, which requires 公示 and has a 2000.50 threshold: two approvers
# ("、"), notice 3-11 to 3-18, paid 3-20.
DISBURSEMENTS = """
request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,paid_on,voucher_no,notice_ref,notice_from,notice_to
SQ-01,2024-03-05,cz-cuizhai,3000,困境儿童学习用品,助学,某文具店,李强,张敏,2024-03-10,PZ-01,,,
SQ-02,2024-03-06,cz-cuizhai,6000.00,助学金发放,助学,学生家长,李强,张敏；赵刚,2024-03-12,PZ-02,,,
SQ-03,2024-04-01,cz-cuizhai,800.25,社区活动物资,,某超市,李强,张敏,,,,,
SQ-04,2024-04-02,cz-cuizhai,200,办公用品,,某文具店,李强,,,,,,
SQ-05,2024-03-10,cz-wanghe,2500,老人慰问,助老,慰问对象,刘军,王芳、陈静,2024-03-20,WH-PZ-01,公示-01,2024-03-11,2024-03-18
"""

# The year by hand, in fen (restriction -> received, paid, total, reserved, available):
#   崔寨 助学: received 12000.00 = 1_200_000; paid SQ-01 3000 + SQ-02 6000 = 900_000;
#        total 300_000, nothing reserved, available 300_000.
#   崔寨 unrestricted: received 300.50 + 1000.05 = 130_055; SQ-03 800.25 approved, so
#        80_025 reserved; SQ-04 only requested reserves nothing; available 50_030.
#   崔寨 in kind: 3000.00 of rice = 300_000 booked; the oil is unvalued.
#   王河 助老: received 8000 = 800_000; paid SQ-05 2500 = 250_000; total 550_000.
#   王河 in kind: 1500.00 of books = 150_000, given for 助学.
CUIZHAI = {
    "": (130_055, 0, 130_055, 80_025, 50_030),
    "助学": (1_200_000, 900_000, 300_000, 0, 300_000),
}
WANGHE = {"助老": (800_000, 250_000, 550_000, 0, 550_000)}


def check_the_year(ledger: Ledger) -> None:
    cuizhai, wanghe = balance(ledger, "cz-cuizhai"), balance(ledger, "cz-wanghe")
    assert by_restriction(cuizhai) == CUIZHAI
    assert by_restriction(wanghe) == WANGHE
    # 崔寨: 130_055 + 300_000 held; 80_025 reserved.
    assert (cuizhai.total_fen, cuizhai.reserved_fen, cuizhai.available_fen) == (
        430_055,
        80_025,
        350_030,
    )
    assert (cuizhai.received_fen, cuizhai.paid_fen) == (1_330_055, 900_000)
    assert (cuizhai.in_kind_received_fen, cuizhai.in_kind_held_fen) == (300_000, 300_000)
    goods = {(g.item, g.unit, g.restriction): (g.quantity, g.value_fen) for g in cuizhai.goods}
    assert goods == {("大米(10kg)", "袋", ""): (50, 300_000), ("食用油(5L)", "桶", ""): (20, 0)}
    assert (wanghe.total_fen, wanghe.in_kind_received_fen) == (550_000, 150_000)
    assert [(g.item, g.quantity, g.restriction) for g in wanghe.goods] == [
        ("儿童图书", 120, "助学")
    ]


@pytest.mark.parametrize("headers", ["en", "zh", "mixed"])
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_each_kind_of_sheet_in_each_encoding_and_header_language(
    mem: Ledger, encoding: str, headers: str
) -> None:
    funds = load(mem, FUNDS, headers, encoding)
    donations = load(mem, DONATIONS, headers, encoding)
    disbursements = load(mem, DISBURSEMENTS, headers, encoding)

    shown = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "gb18030": "GB18030"}[encoding]
    summaries = {"funds": funds, "donations": donations, "disbursements": disbursements}
    for kind, summary in summaries.items():
        assert (summary.kind, summary.encoding) == (kind, shown)
    check_the_year(mem)


@pytest.mark.parametrize(("encoding", "excel"), [("gb18030", True), ("utf-8-sig", False)])
def test_a_station_year_balances_to_the_fen(ledger: Ledger, encoding: str, excel: bool) -> None:
    def run(text: str) -> ImportSummary:
        return import_sheet(
            ledger,
            data(sheet(text, "zh"), encoding, excel=excel),
            station_id=STATION,
            entered_by=CLERK,
        )

    funds, donations, disbursements = run(FUNDS), run(DONATIONS), run(DISBURSEMENTS)

    assert (funds.rows, funds.funds_opened, funds.events_recorded) == (2, 2, 2)
    assert donations.rows == 7
    assert donations.donations_recorded == 6  # JZ-004's two rows are one gift
    # Cash 12000.00 + 300.50 + 1000.05 + 8000 = 21300.55; goods 3000.00 + 1500.00.
    assert donations.cash_received_fen == 2_130_055
    assert donations.in_kind_value_fen == 450_000
    assert donations.events_recorded == 6
    d = disbursements
    assert (d.rows, d.disbursements_requested) == (5, 5)
    # Approvals completed: SQ-01, SQ-02 (second approver), SQ-03, SQ-05 (second approver).
    assert d.disbursements_approved == 4
    assert (d.disbursements_publicized, d.disbursements_paid) == (1, 3)
    assert d.paid_fen == 300_000 + 600_000 + 250_000
    # 5 requests + 6 approvals (1 + 2 + 1 + 0 + 2) + 1 notice + 3 payments
    assert d.events_recorded == 15
    check_the_year(ledger)


def test_what_each_row_records(mem: Ledger) -> None:
    for text in (FUNDS, DONATIONS, DISBURSEMENTS):
        load(mem, text)

    cuizhai, wanghe = mem.fund("cz-cuizhai").state, mem.fund("cz-wanghe").state
    assert cuizhai.opened is not None
    assert wanghe.opened is not None
    assert (cuizhai.opened.station_id, cuizhai.opened.actor) == (STATION, CLERK)
    assert cuizhai.opened.occurred_on == wanghe.opened.occurred_on == dt.date(2024, 1, 2)
    assert (cuizhai.opened.approval_threshold_fen, wanghe.opened.approval_threshold_fen) == (
        500_000,
        200_050,
    )
    # 需公示: empty is no (a funds sheet's default), 是 is yes.
    assert (cuizhai.opened.publicity_required, wanghe.opened.publicity_required) == (False, True)

    gift = cuizhai.donations["JZ-002"]
    assert isinstance(gift, CashDonationReceived)
    assert (gift.donor, gift.restriction, gift.amount_fen, gift.actor) == (None, "", 30_050, "王芳")
    assert cuizhai.donations["JZ-003"].actor == CLERK  # no 经办人: the --entered-by
    goods = cuizhai.donations["JZ-004"]
    assert isinstance(goods, InKindDonationReceived)
    assert goods.items == (
        GoodsLine(item="大米(10kg)", quantity=50, unit="袋", value_fen=300_000, basis="document"),
        GoodsLine(item="食用油(5L)", quantity=20, unit="桶", value_fen=None, basis="unvalued"),
    )
    assert (goods.donor, goods.occurred_on) == ("某超市", dt.date(2024, 2, 5))

    sq2 = cuizhai.disbursements["SQ-02"]
    assert sq2.request.actor == "李强"
    assert [(a.actor, a.occurred_on, a.reserved_fen) for a in sq2.approvals] == [
        ("张敏", dt.date(2024, 3, 6), 0),
        ("赵刚", dt.date(2024, 3, 6), 600_000),
    ]
    assert sq2.payment is not None
    assert (sq2.payment.voucher_no, sq2.payment.occurred_on) == ("PZ-02", dt.date(2024, 3, 12))
    assert sq2.payment.actor == CLERK
    assert cuizhai.disbursements["SQ-03"].status == "approved"
    sq4 = cuizhai.disbursements["SQ-04"]
    assert (sq4.status, sq4.approvals) == ("requested", ())
    sq5 = wanghe.disbursements["SQ-05"]
    assert [a.actor for a in sq5.approvals] == ["王芳", "陈静"]
    assert sq5.notice is not None
    assert (sq5.notice.notice_ref, sq5.notice.notice_from, sq5.notice.notice_to) == (
        "公示-01",
        dt.date(2024, 3, 11),
        dt.date(2024, 3, 18),
    )
    assert sq5.notice.occurred_on == dt.date(2024, 3, 11)
    assert sq5.status == "paid"


def test_a_funds_sheet_without_a_station_cell_uses_the_station_option(mem: Ledger) -> None:
    text = "基金,名称,社区,托管机构,审批限额,设立日期\nf1,甲基金,甲村,慈善总会,0,2024-01-02\n"
    import_sheet(mem, data(text), station_id="xiasha")
    opened = mem.fund("f1").state.opened
    assert opened is not None
    assert (opened.station_id, opened.approval_threshold_fen) == ("xiasha", 0)
    assert opened.publicity_required is False  # no 需公示 column: no


def test_a_value_basis_column_overrides_document(mem: Ledger) -> None:
    load(mem, FUNDS)
    text = """
date,fund,kind,amount,item,quantity,unit,basis,receipt_no
2024-05-01,cz-cuizhai,物资,800,书包,20,个,公允价值,G-1
2024-05-01,cz-cuizhai,物资,450.50,文具,30,套,票据,G-2
2024-05-01,cz-cuizhai,物资,,图书,10,本,,G-3
"""
    load(mem, text, "zh")
    donations = mem.fund("cz-cuizhai").state.donations
    items = {no: donations[no].items[0] for no in ("G-1", "G-2", "G-3")}  # type: ignore[union-attr]
    assert (items["G-1"].value_fen, items["G-1"].basis) == (80_000, "fair_value")
    assert (items["G-2"].value_fen, items["G-2"].basis) == (45_050, "document")
    assert (items["G-3"].value_fen, items["G-3"].basis) == (None, "unvalued")
    assert donations["G-1"].actor == CLERK  # no 经办人 column


# ---- approvals above the threshold ----------------------------------------------------------


@pytest.mark.parametrize("separator", [";", "；", "、"])
def test_above_the_threshold_two_approvers_are_needed(mem: Ledger, separator: str) -> None:
    load(mem, FUNDS)
    load(mem, DONATIONS)
    # 6000 > 崔寨's threshold of 5000: two approvers, from 助学 (12000 received).
    head = (
        "request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,"
        "paid_on,voucher_no\n"
    )
    row = "T-1,2024-06-01,cz-cuizhai,6000,助学金,助学,学生家长,李强,{approvers},{paid},{voucher}\n"

    one = load(mem, head + row.format(approvers="张敏", paid="", voucher=""))
    t1 = mem.fund("cz-cuizhai").state.disbursements["T-1"]
    assert (t1.status, t1.reserved_fen, len(t1.approvals)) == ("requested", 0, 1)
    assert one.disbursements_approved == 0
    assert by_restriction(balance(mem, "cz-cuizhai"))["助学"][4] == 1_200_000  # nothing reserved

    # The same row with the second approver and the payment filled in since.
    approvers = f"张敏{separator}赵刚"
    both = load(mem, head + row.format(approvers=approvers, paid="2024-06-03", voucher="PZ-9"))
    assert (both.already_present, both.disbursements_requested) == (1, 0)
    assert (both.disbursements_approved, both.disbursements_paid) == (1, 1)
    t1 = mem.fund("cz-cuizhai").state.disbursements["T-1"]
    assert [a.actor for a in t1.approvals] == ["张敏", "赵刚"]
    assert t1.status == "paid"
    # 助学: 12000.00 received, 6000 paid: 6000.00 held, nothing reserved.
    assert by_restriction(balance(mem, "cz-cuizhai"))["助学"] == (
        1_200_000,
        600_000,
        600_000,
        0,
        600_000,
    )


def test_one_approver_above_the_threshold_cannot_pay(mem: Ledger) -> None:
    load(mem, FUNDS)
    load(mem, DONATIONS)
    text = """
request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,paid_on,voucher_no
T-2,2024-06-01,cz-cuizhai,5000.01,助学金,助学,学生家长,李强,张敏,2024-06-03,PZ-10
T-3,2024-06-01,cz-cuizhai,5000.00,助学金,助学,学生家长,李强,张敏,2024-06-03,PZ-11
"""
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        load(mem, text)
    # 5000.01 is above the threshold (one approver is not enough); 5000.00 is not.
    assert [(p.line, p.reason) for p in refused.value.rows] == [(2, "invalid_transition")]
    assert "not approved" in refused.value.rows[0].message
    assert mem.log_position() == position


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("张敏", ["张敏"]),
        ("张敏;赵刚", ["张敏", "赵刚"]),
        ("张敏 ； 赵刚", ["张敏", "赵刚"]),
        ("张敏、赵刚、刘军", ["张敏", "赵刚", "刘军"]),
        ("张敏;", ["张敏"]),
        ("", []),
    ],
)
def test_approvers_are_split_on_each_separator(cell: str, names: list[str]) -> None:
    assert split_approvers(cell) == names


# ---- importing again -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_importing_the_same_sheets_again_records_nothing(mem: Ledger, encoding: str) -> None:
    sheets = [data(sheet(text, "zh"), encoding) for text in (FUNDS, DONATIONS, DISBURSEMENTS)]
    for raw in sheets:
        import_sheet(mem, raw, station_id=STATION, entered_by=CLERK)
    position = mem.log_position()

    again = [import_sheet(mem, raw, station_id=STATION, entered_by=CLERK) for raw in sheets]

    assert mem.log_position() == position
    assert [(s.rows, s.already_present, s.events_recorded) for s in again] == [
        (2, 2, 0),
        (7, 7, 0),  # the two rows of JZ-004 both count
        (5, 5, 0),
    ]
    assert again[0].funds_opened == again[1].donations_recorded == 0
    assert again[1].cash_received_fen == again[2].paid_fen == 0
    assert again[2].disbursements_requested == again[2].disbursements_paid == 0
    check_the_year(mem)


def test_a_re_import_by_another_clerk_is_a_conflict(mem: Ledger) -> None:
    """The step the sheet names nobody for is entered by --entered-by; another one is a
    different entry to the ledger, refused as a conflict rather than recorded twice."""
    load(mem, FUNDS)
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(sheet(FUNDS)), station_id=STATION, entered_by="别人")
    assert {p.reason for p in refused.value.rows} == {IdempotencyConflict.reason}
    assert refused.value.lines == (2, 3)
    assert mem.log_position() == position


# ---- bad sheets: refused whole, every bad line named ------------------------------------------

# Each bad line, and why (line 1 is the header). Imported after FUNDS and DONATIONS.
BAD_DONATIONS = """
date,fund,donor,kind,amount,item,quantity,unit,basis,restriction,receipt_no,handler
2024-04-01,cz-cuizhai,甲,cash,100,,,,,,B-01,王芳
2024-04-01,cz-cuizhai,乙,cash,一百元,,,,,,B-02,王芳
2024-04-01,cz-cuizhai,丙,cash,12.345,,,,,,B-03,王芳
2024-04-01,cz-nowhere,丁,cash,100,,,,,,B-04,王芳
2024-04-01,cz-cuizhai,戊,股票,100,,,,,,B-05,王芳
2024-04-01,cz-cuizhai,己,in_kind,100,,5,箱,,,B-06,王芳
2024-04-01,cz-cuizhai,庚,cash,200,,,,,,B-01,王芳
2024-04-01,cz-cuizhai,辛,cash,-50,,,,,,B-08,王芳
2024-04-01,cz-cuizhai,壬,cash,0,,,,,,B-09,王芳
2024-04-01,cz-cuizhai,癸,cash,100,大米,,,,,B-10,王芳
2024-02-30,cz-cuizhai,子,cash,100,,,,,,B-11,王芳
2024-04-02,cz-cuizhai,某超市,in_kind,500,大米,10,袋,,,G-01,王芳
2024-04-02,cz-cuizhai,另一超市,in_kind,300,食用油,5,桶,,,G-01,王芳
2024-04-02,cz-cuizhai,丑,in_kind,100,面粉,1.5,袋,,,G-02,王芳
2024-01-10,cz-cuizhai,某爱心企业,cash,12500.00,,,,,助学,JZ-001,王芳
2024-04-01,cz-cuizhai,寅,cash,,,,,,,B-12,王芳
2024-04-01,cz-cuizhai,卯,in_kind,200,书包,10,个,估计,,B-13,王芳
2024-04-01,cz-cuizhai,辰,in_kind,,书包,10,个,fair_value,,B-14,王芳
2024-04-01,cz-cuizhai,巳,cash,1e3,,,,,,B-15,王芳
2024-04-01,cz-cuizhai,午,in_kind,0,书包,10,个,,,B-16,王芳
2024-04-03,cz-cuizhai,,cash,66.60,,,,,,B-17,
"""
BAD_DONATION_LINES = {
    3: "invalid_amount",  # 一百元: not a number of yuan
    4: "invalid_amount",  # 12.345: three decimals
    5: "not_found",  # no fund cz-nowhere
    6: "bad_choice",  # 股票 is no kind of gift
    7: "missing_value",  # goods without 物资名称
    8: "duplicate_key",  # B-01 again (line 2)
    9: "invalid_amount",  # negative
    10: "invalid_amount",  # zero
    11: "not_for_cash",  # a cash gift with goods cells
    12: "bad_date",  # no 2024-02-30
    14: "gift_mismatch",  # G-01's second row names another donor
    15: "bad_number",  # 1.5 bags
    16: "exists_with_different_fields",  # JZ-001 was recorded with 12000.00
    17: "missing_value",  # cash without an amount
    18: "bad_choice",  # 估计 is no basis
    19: "invalid_input",  # fair value named, but no value
    20: "invalid_amount",  # 1e3: an exponent is not how yuan are written
    21: "invalid_amount",  # goods valued at 0 (empty means unvalued)
}
# Good: line 2 (B-01), line 13 (G-01's first row: the gift is bad through line 14, which
# is named), line 22 (anonymous, no 经办人).

BAD_DISBURSEMENTS = """
request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,paid_on,voucher_no,notice_ref,notice_from,notice_to
D-01,2024-05-06,cz-cuizhai,100,社区活动,,某超市,李强,张敏,2024-05-08,PZ-11,,,
D-02,2024-05-06,cz-cuizhai,50,社区活动,,某超市,李强,李强,,,,,
D-03,2024-05-06,cz-cuizhai,3500,助学金,助学,学生家长,李强,张敏,,,,,
D-04,2024-05-06,cz-nowhere,100,社区活动,,某超市,李强,张敏,,,,,
D-05,2024-05-06,cz-cuizhai,6000,助学金,助学,学生家长,李强,张敏,2024-05-08,PZ-15,,,
D-06,2024-05-06,cz-cuizhai,100.125,社区活动,,某超市,李强,张敏,,,,,
D-01,2024-05-07,cz-cuizhai,100,社区活动,,某超市,李强,张敏,,,,,
D-08,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,张敏,2024-05-08,,,,
D-09,2024-05-06,cz-wanghe,100,老人慰问,助老,慰问对象,刘军,王芳,2024-05-08,V9,,,
D-10,2024-05-06,cz-wanghe,100,老人慰问,助老,慰问对象,刘军,王芳,2024-05-08,V10,公示-10,2024-05-06,2024-05-10
D-11,2024-05-06,cz-cuizhai,100,助老活动,助老,某超市,李强,张敏,,,,,
D-12,2024-05-06,cz-cuizhai,400.31,社区活动,,某超市,李强,张敏,,,,,
D-13,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,张敏;张敏,,,,,
D-14,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,张敏,,,公示-14,2024-05-06,
D-15,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,,2024-05-08,PZ-16,,,
D-16,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,张敏,,PZ-17,,,
D-17,2024-05-06,cz-cuizhai,10,社区活动,,某超市,李强,,,,,,
SQ-01,2024-03-05,cz-cuizhai,3100,困境儿童学习用品,助学,某文具店,李强,张敏,2024-03-10,PZ-01,,,
D-19,2024-05-06,cz-cuizhai,10,社区活动,,某超市,,张敏,,,,,
"""
# Available before this sheet: 崔寨 助学 3000.00, unrestricted 500.30; 王河 助老 5500.00.
BAD_DISBURSEMENT_LINES = {
    3: "approval_refused",  # 李强 approves his own request
    4: "insufficient_funds",  # 3500 from 助学, which has 3000.00 available
    5: "not_found",  # no fund cz-nowhere
    6: "invalid_transition",  # 6000 > 5000 needs two approvers: not approved, cannot pay
    7: "invalid_amount",  # 100.125: three decimals
    8: "duplicate_key",  # D-01 again (line 2)
    9: "missing_value",  # paid, but no 凭证号
    10: "invalid_transition",  # 王河 requires 公示 before payment
    11: "invalid_transition",  # paid 5-08, during the notice period (to 5-10)
    12: "insufficient_funds",  # no 助老 money in 崔寨 (restricted money is not pooled)
    13: "insufficient_funds",  # 400.31 > 500.30 - 100 (D-01, line 2, paid): off by one fen
    14: "duplicate_value",  # 张敏 named twice
    15: "missing_value",  # a notice without 公示结束
    16: "invalid_transition",  # paid without any approval
    17: "missing_value",  # a voucher number, but no 支付日期
    19: "exists_with_different_fields",  # SQ-01 was recorded with 3000
    20: "missing_value",  # no 申请人
}
# Good: line 2 (D-01) and line 18 (D-17, only requested).


def prepared(ledger: Ledger) -> Ledger:
    load(ledger, FUNDS)
    load(ledger, DONATIONS)
    load(ledger, DISBURSEMENTS)
    return ledger


@pytest.mark.parametrize("headers", ["en", "zh"])
def test_a_donation_register_with_bad_rows_is_refused_whole(ledger: Ledger, headers: str) -> None:
    prepared(ledger)
    position = ledger.log_position()
    before = balance(ledger, "cz-cuizhai")

    with pytest.raises(SheetRefused) as refused:
        import_sheet(ledger, data(sheet(BAD_DONATIONS, headers), "gb18030"), source="捐赠.csv")

    error = refused.value
    assert error.lines == tuple(sorted(BAD_DONATION_LINES))
    assert {p.line: p.reason for p in error.rows} == BAD_DONATION_LINES
    assert len(error.rows) == len(BAD_DONATION_LINES)  # one problem per bad line here
    by_line = {p.line: p for p in error.rows}
    assert "2 decimals" in by_line[4].message
    assert by_line[5].message == "fund 'cz-nowhere' not found"
    assert by_line[7].column == ("物资名称" if headers == "zh" else "item")
    assert "line 2" in by_line[8].message
    assert "negative" in by_line[9].message
    assert "zero" in by_line[10].message
    assert "line 13" in by_line[14].message
    assert "某超市" in by_line[14].message
    assert "with amount 12000.00 yuan" in by_line[16].message
    assert "correction" in by_line[16].message
    assert "fair_value" in by_line[19].message
    assert by_line[19].column == ("金额" if headers == "zh" else "amount")
    assert "unvalued" in by_line[21].message or "empty" in by_line[21].message
    assert all(f"line {n}" in str(error) for n in BAD_DONATION_LINES)
    # Nothing recorded: not the good rows, not the check runs.
    assert ledger.log_position() == position
    assert balance(ledger, "cz-cuizhai") == before
    assert "B-01" not in ledger.fund("cz-cuizhai").state.donations


def test_a_disbursement_register_with_bad_rows_is_refused_whole(ledger: Ledger) -> None:
    prepared(ledger)
    position = ledger.log_position()

    with pytest.raises(SheetRefused) as refused:
        import_sheet(ledger, data(sheet(BAD_DISBURSEMENTS, "zh")), entered_by=CLERK)

    error = refused.value
    assert error.lines == tuple(sorted(BAD_DISBURSEMENT_LINES))
    assert {p.line: p.reason for p in error.rows} == BAD_DISBURSEMENT_LINES
    by_line = {p.line: p for p in error.rows}
    # A row is several steps; the message says which one the ledger refused.
    assert by_line[3].message.startswith("approval by '李强': ")
    assert by_line[4].message.startswith("approval by '张敏': ")
    assert "助学" in by_line[4].message
    assert by_line[6].message.startswith("payment of 2024-05-08: ")
    assert "公示" in by_line[10].message
    assert "2024-05-10" in by_line[11].message
    assert "400.30 yuan available, 400.31 yuan needed" in by_line[13].message
    assert by_line[15].column == "公示结束"
    assert ledger.log_position() == position
    assert "D-01" not in ledger.fund("cz-cuizhai").state.disbursements
    check_the_year(ledger)


def test_the_good_rows_of_a_refused_register_import_once_the_bad_ones_go(mem: Ledger) -> None:
    prepared(mem)
    lines = sheet(BAD_DISBURSEMENTS).splitlines()
    good = [lines[0]] + [
        line for n, line in enumerate(lines, 1) if n > 1 and n not in BAD_DISBURSEMENT_LINES
    ]
    summary = import_sheet(mem, data("\n".join(good) + "\n"), entered_by=CLERK)
    assert (summary.disbursements_requested, summary.disbursements_paid) == (2, 1)
    # Unrestricted: 500.30 available - 100 paid (D-01) = 400.30; D-17 reserves nothing.
    assert by_restriction(balance(mem, "cz-cuizhai"))[""][4] == 40_030


@pytest.mark.parametrize(
    "row",
    [
        # The notice columns left empty: the comma's extra cell is empty too, so but for the
        # count the row would read whole, with purpose, payee and people one column along.
        "SQ-09,2024-05-06,cz-cuizhai,1,000,办公用品,,某文具店,李强,,,,,,",
        # Paid, with the last column empty as well.
        "SQ-09,2024-05-06,cz-cuizhai,1,000,办公用品,,某文具店,李强,张敏,2024-05-08,PZ-9,,,",
    ],
)
def test_an_unquoted_thousands_comma_is_a_bad_row_never_a_shifted_one(
    mem: Ledger, row: str
) -> None:
    prepared(mem)
    header = sheet(DISBURSEMENTS).splitlines()[0]
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(f"{header}\n{row}\n"), entered_by=CLERK)
    [problem] = refused.value.rows
    assert (problem.line, problem.reason) == (2, "extra_cells")
    assert "1,000" in problem.message
    assert mem.log_position() == position


def test_a_row_with_one_stray_trailing_comma_is_refused_too(mem: Ledger) -> None:
    # Indistinguishable from the shift above, so it is named for the clerk to fix.
    prepared(mem)
    header = sheet(DISBURSEMENTS).splitlines()[0]
    row = "SQ-09,2024-05-06,cz-cuizhai,1000,办公用品,,某文具店,李强,,,,,,,"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(f"{header}\n{row}\n"), entered_by=CLERK)
    assert [(p.line, p.reason) for p in refused.value.rows] == [(2, "extra_cells")]


BAD_FUNDS = """
fund,name,station,community,host,approval_threshold,opened_on,publicity_required
f-1,甲基金,,甲村,慈善总会,5000,2024-01-02,
f-2,乙基金,,乙村,慈善总会,5千,2024-01-02,
f-3,丙基金,,丙村,,5000,2024-01-02,
f-1,甲基金,,甲村,慈善总会,5000,2024-01-02,
f-4,丁基金,,丁村,慈善总会,5000,2024-13-01,
f-5,戊基金,,戊村,慈善总会,5000,2024-01-02,也许
cz-cuizhai,崔寨社区基金,cuizhai,崔寨村,济南市慈善总会,5000,2024-01-02,
f-6,己基金,,己村,慈善总会,-1,2024-01-02,
f-7,庚基金,,庚村,慈善总会,0,2024-01-02,否
"""
BAD_FUND_LINES = {
    3: "invalid_amount",  # 5千
    4: "missing_value",  # no 托管机构
    5: "duplicate_key",  # f-1 again
    6: "bad_date",  # month 13
    7: "bad_choice",  # 也许 is neither yes nor no
    8: "exists_with_different_fields",  # cz-cuizhai is open under another name
    9: "invalid_amount",  # a negative threshold
}


def test_a_funds_sheet_with_bad_rows_is_refused_whole(mem: Ledger) -> None:
    load(mem, FUNDS)
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        load(mem, BAD_FUNDS, "zh", "gb18030")
    assert {p.line: p.reason for p in refused.value.rows} == BAD_FUND_LINES
    by_line = {p.line: p for p in refused.value.rows}
    assert by_line[4].column == "托管机构"
    assert "name" in by_line[8].message
    assert mem.log_position() == position


def test_a_gift_over_several_rows_refused_by_the_ledger_names_every_row(mem: Ledger) -> None:
    load(mem, FUNDS)
    text = """
date,fund,kind,amount,item,quantity,unit,receipt_no
2024-05-01,cz-cuizhai,现金,100,,,,C-1
2024-05-01,cz-elsewhere,物资,100,大米,10,袋,G-1
2024-05-01,cz-elsewhere,物资,200,食用油,10,桶,G-1
2024-05-01,cz-elsewhere,物资,300,面粉,10,袋,G-1
2024-05-01,cz-cuizhai,现金,100,,,,C-2
"""
    with pytest.raises(SheetRefused) as refused:
        load(mem, text)
    rows = [(p.line, p.reason) for p in refused.value.rows]
    # Lines 3-5 are one gift, to a fund that does not exist: the ledger refuses it once,
    # and each of its lines is named. The cash rows around it are fine.
    assert rows == [(3, "not_found"), (4, "not_found"), (5, "not_found")]
    assert "line 3" in refused.value.rows[1].message
    assert mem.log_position() == 2


def test_the_same_receipt_apart_from_its_gift_is_a_duplicate(mem: Ledger) -> None:
    load(mem, FUNDS)
    text = """
date,fund,kind,amount,item,quantity,unit,receipt_no
2024-05-01,cz-cuizhai,物资,100,大米,10,袋,G-1
2024-05-01,cz-cuizhai,物资,200,食用油,10,桶,G-1
2024-05-01,cz-cuizhai,现金,100,,,,C-1
2024-05-01,cz-cuizhai,物资,300,面粉,10,袋,G-1
2024-05-01,cz-cuizhai,现金,100,,,,G-1
"""
    with pytest.raises(SheetRefused) as refused:
        load(mem, text)
    assert [(p.line, p.reason) for p in refused.value.rows] == [
        (5, "duplicate_key"),
        (6, "duplicate_key"),
    ]


def test_too_many_approvers_in_one_cell_is_a_bad_row(mem: Ledger) -> None:
    prepared(mem)
    names = "、".join(f"委员{n}" for n in range(APPROVERS_PER_ROW_MAX + 1))
    head = "申请编号,日期,基金,金额,用途,收款方,申请人,审批人\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(f"{head}X-1,2024-05-01,cz-cuizhai,10,用途,某超市,李强,{names}\n"))
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [(2, "审批人", "too_many")]


def test_a_sheet_too_big_for_one_batch_is_refused_before_anything_runs(
    mem: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(mem, FUNDS)
    load(mem, DONATIONS)
    position = mem.log_position()
    # DISBURSEMENTS makes 5 requests, 6 approvals, 1 notice and 3 payments: 15 commands.
    monkeypatch.setattr(common, "BATCH_COMMANDS_MAX", 14)
    with pytest.raises(SheetRefused) as refused:
        load(mem, DISBURSEMENTS)
    assert [(p.line, p.reason) for p in refused.value.rows] == [(0, "too_big")]
    assert "split the file" in refused.value.rows[0].message
    assert mem.log_position() == position
    monkeypatch.setattr(common, "BATCH_COMMANDS_MAX", 15)
    assert load(mem, DISBURSEMENTS).events_recorded == 15


# ---- headers ----------------------------------------------------------------------------


def test_columns_that_only_mean_something_together(mem: Ledger) -> None:
    for head, missing in (
        ("申请编号,日期,基金,金额,用途,收款方,申请人,支付日期", "凭证号"),
        ("申请编号,日期,基金,金额,用途,收款方,申请人,公示编号,公示开始", "公示结束"),
    ):
        with pytest.raises(SheetRefused) as refused:
            import_sheet(mem, data(head + "\n"))
        [problem] = refused.value.rows
        assert (problem.line, problem.reason) == (1, "missing_column")
        assert missing in problem.message


def test_a_header_naming_two_kinds_is_refused(mem: Ledger) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data("日期,基金,金额,票据号,申请编号\n"))
    assert refused.value.rows[0].reason == "unknown_sheet"
    assert "cannot tell" in refused.value.rows[0].message


def test_a_register_without_a_required_column_is_refused(mem: Ledger) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data("日期,基金,捐赠人,金额,票据号\n2024-01-01,f,张三,100,R1\n"))
    assert [(p.line, p.reason) for p in refused.value.rows] == [(1, "missing_column")]
    assert "类型" in refused.value.rows[0].message


def test_title_rows_row_numbers_and_amount_headers_with_units(mem: Ledger) -> None:
    load(mem, FUNDS)
    text = (
        "崔寨社工站2024年捐赠登记,,,,,\n"
        "序号,日期,基金,类型,金额（元）,票据号\n"
        "1,2024年5月1日,cz-cuizhai,现金,１２０.５０,C-9\n"
    )
    summary = import_sheet(mem, data(text, "gb18030"))
    assert (summary.kind, summary.cash_received_fen) == ("donations", 12_050)


def test_import_file_reads_the_path(mem: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "基金.csv"
    path.write_bytes(data(sheet(FUNDS, "zh"), "gb18030", excel=True))
    summary = import_file(mem, path, station_id=STATION, entered_by=CLERK)
    assert (summary.source, summary.funds_opened) == (str(path), 2)


# ---- property: any valid register imports to the sum of its rows ------------------------------

_RESTRICTIONS = ["", "助学", "助老"]


def _yuan_text(fen: int, style: int) -> str:
    """``fen`` written as a person might: 1200, 1200.5, 1200.50, ¥1,200.50, 1200元."""
    whole, part = divmod(fen, 100)
    if style == 0:
        return f"{whole}.{part:02d}"
    if style == 1 and part == 0:
        return str(whole)
    if style == 2 and part % 10 == 0:
        return f"{whole}.{part // 10}"
    if style == 3:
        return f"¥{whole:,}.{part:02d}"
    return f"{whole}.{part:02d}元"


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["cash", "现金", "in_kind", "物资"]),
        st.integers(min_value=1, max_value=10**9),  # fen: up to 10 million yuan
        st.integers(min_value=0, max_value=4),
        st.sampled_from(_RESTRICTIONS),
        st.sampled_from(["", "张三", "某爱心企业"]),
        st.booleans(),  # goods: valued?
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_ROWS)
def test_a_valid_register_imports_to_the_sum_of_its_rows(
    rows: list[tuple[str, int, int, str, str, bool]],
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["日期", "基金", "捐赠人", "类型", "金额", "物资名称", "数量", "单位", "限定用途", "票据号"]
    )
    cash: dict[str, int] = dict.fromkeys(_RESTRICTIONS, 0)
    in_kind_fen = 0
    for n, (kind, fen, style, restriction, donor, valued) in enumerate(rows):
        goods = kind in ("in_kind", "物资")
        amount = _yuan_text(fen, style) if (valued or not goods) else ""
        if goods:
            in_kind_fen += fen if valued else 0
        else:
            cash[restriction] += fen
        item = ("大米", "3", "袋") if goods else ("", "", "")
        writer.writerow(["2024-05-01", "f", donor, kind, amount, *item, restriction, f"R-{n}"])
    text = out.getvalue()

    stores = []
    for encoding in ("utf-8", "gb18030"):
        ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2024, 12, 31, tzinfo=dt.UTC)))
        stores.append(ledger)
        ledger.open_fund(
            fund_id="f", station_id="s", community="甲村", name="甲村基金", host="慈善总会",
            approval_threshold="0", actor="王芳", occurred_on=dt.date(2024, 1, 1),
        )  # fmt: skip
        summary = import_sheet(ledger, text.encode(encoding))
        assert summary.cash_received_fen == sum(cash.values())
        assert summary.in_kind_value_fen == in_kind_fen
        assert summary.donations_recorded == len(rows)
        fund = balance(ledger, "f")
        assert fund.received_fen == fund.total_fen == sum(cash.values())
        got = {r.restriction: r.received_fen for r in fund.restrictions}
        assert got == {name: fen for name, fen in cash.items() if fen}
        assert fund.in_kind_received_fen == in_kind_fen
    # The same sheet saved as GB18030 records exactly the same events as in UTF-8.
    assert stores[0].stored_events() == stores[1].stored_events()
    for ledger in stores:
        ledger.close()


@pytest.mark.parametrize("page", [1, 5000])
def test_the_summary_reads_only_the_named_funds_events_in_the_range(
    page: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``events_between``: what a batch recorded, read back from the log for its summary
    (``Ledger.stored_events(after=, upto=)``, in pages of one event or of many), keeps the
    given funds' events in (after, upto] and nothing of another writer's."""
    monkeypatch.setattr(sgz_ledger.storage.log, "LOG_BATCH", page)
    ledger = Ledger("memory:", clock=FixedClock())
    open_test_fund(ledger, "cz-village")
    open_test_fund(ledger, "other-fund")
    before = ledger.log_position()
    for n, fund_id in enumerate(["cz-village", "other-fund", "cz-village", "other-fund"]):
        ledger.receive_cash(
            fund_id=fund_id,
            receipt_no=f"R-{n}",
            amount="10.00",
            actor="王芳",
            occurred_on=dt.date(2024, 3, 1),
        )
    upto = ledger.log_position() - 1  # the last gift is past the range
    got = common.events_between(ledger, before, upto, {fund_uuid("cz-village")})
    assert [(type(e), e.receipt_no) for e in got] == [
        (CashDonationReceived, "R-0"),
        (CashDonationReceived, "R-2"),
    ]
    others = common.events_between(ledger, before, upto, {fund_uuid("other-fund")})
    assert [e.receipt_no for e in others] == ["R-1"]
    assert ledger.stored_events(after=ledger.log_position()) == []
    assert len(ledger.stored_events(after=before)) == 4
    assert ledger.stored_events(upto=before) == ledger.stored_events()[:before]
