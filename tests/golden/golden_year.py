"""The year the golden stores hold: the 崔寨 station's four community funds in 2024, as
``make_stores.py`` recorded them (gifts, goods, spending; no volunteers, those are recorded by
the makers themselves). A copy of the demo year of that time, kept unchanged: recording it
again through today's API must give the golden stores' events (``test_golden_v2``), whatever
the demo year has become.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sgz_ledger.ledger import Ledger
from sgz_ledger.service.commands import GoodsLineFields

__all__ = ["record_demo_year"]

DEMO_YEAR = 2024
DEMO_STATION_ID = "cuizhai"
# The host charity named in the 崔寨 report: each fund is a special sub-account of it.
DEMO_HOST = "山东省乡村振兴基金会"

# The station's people (the report: three resident social workers), and the host's cashier.
_REGISTRAR = "陈晓"  # 驻站社工: registers gifts, posts notices, gives out goods
_CASEWORKER = "刘洋"  # 驻站社工: asks for spending
_YOUTH_WORKER = "孙悦"  # 驻站社工: asks for spending on children and young people
_CASHIER = "周敏"  # 基金会出纳: pays approved, publicized requests


def _on(month: int, day: int) -> dt.date:
    return dt.date(DEMO_YEAR, month, day)


def _goods(
    item: str,
    quantity: int,
    unit: str,
    value: str | None,
    basis: Literal["document", "fair_value", "unvalued"],
) -> GoodsLineFields:
    """One line of an in-kind gift, as ``receive_goods`` takes it (``value=None``: unvalued)."""
    line: GoodsLineFields = {"item": item, "quantity": quantity, "unit": unit, "basis": basis}
    if value is not None:
        line["value"] = value
    return line


class _Year:
    """Short forms of the ledger's commands with the demo's fixed people filled in."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def open(self, fund_id: str, community: str, threshold: str, on: dt.date) -> None:
        self.ledger.open_fund(
            fund_id=fund_id,
            station_id=DEMO_STATION_ID,
            community=community,
            name=f"{community}社区基金",
            host=DEMO_HOST,
            approval_threshold=threshold,
            actor=_REGISTRAR,
            occurred_on=on,
        )

    def cash(
        self,
        fund_id: str,
        receipt_no: str,
        amount: str,
        donor: str | None,
        on: dt.date,
        restriction: str = "",
        note: str = "",
    ) -> None:
        self.ledger.receive_cash(
            fund_id=fund_id,
            receipt_no=receipt_no,
            amount=amount,
            donor=donor,
            restriction=restriction,
            note=note,
            actor=_REGISTRAR,
            occurred_on=on,
        )

    def request(
        self,
        fund_id: str,
        request_id: str,
        amount: str,
        purpose: str,
        payee: str,
        on: dt.date,
        restriction: str = "",
        requester: str = _CASEWORKER,
    ) -> None:
        self.ledger.request_disbursement(
            fund_id=fund_id,
            request_id=request_id,
            amount=amount,
            purpose=purpose,
            payee=payee,
            restriction=restriction,
            actor=requester,
            occurred_on=on,
        )

    def approve(self, fund_id: str, request_id: str, approver: str, on: dt.date) -> None:
        self.ledger.approve_disbursement(
            fund_id=fund_id, request_id=request_id, actor=approver, occurred_on=on
        )

    def publicize(
        self, fund_id: str, request_id: str, notice_ref: str, start: dt.date, end: dt.date
    ) -> None:
        self.ledger.publicize_disbursement(
            fund_id=fund_id,
            request_id=request_id,
            notice_ref=notice_ref,
            notice_from=start,
            notice_to=end,
            actor=_REGISTRAR,
            occurred_on=start,
        )

    def pay(self, fund_id: str, request_id: str, voucher_no: str, on: dt.date) -> None:
        self.ledger.pay_disbursement(
            fund_id=fund_id,
            request_id=request_id,
            voucher_no=voucher_no,
            actor=_CASHIER,
            occurred_on=on,
        )


def record_demo_year(ledger: Ledger) -> None:
    """Record the demo station's 2024 into ``ledger``; a no-op where it is already recorded.

    Raises:
        LedgerError: the store holds something else under one of the demo's keys
            (e.g. a fund ``cz-cuizhai`` opened with other details).
    """
    y = _Year(ledger)
    cz, lsr, wh, qn = "cz-cuizhai", "cz-lishanren", "cz-wanghe", "cz-qingning"

    # ---- January: the four funds are set up; first gifts before the Spring Festival ----
    y.open(cz, "崔寨村", threshold="5000", on=_on(1, 8))
    y.open(lsr, "李善仁村", threshold="3000", on=_on(1, 8))
    y.open(wh, "王河村", threshold="3000", on=_on(1, 8))
    y.open(qn, "清宁村", threshold="3000", on=_on(1, 8))
    y.cash(
        cz, "SX2024-0001", "20000.00", "山东润泽农业科技有限公司", _on(1, 15), restriction="助学"
    )
    ledger.receive_goods(
        fund_id=cz,
        receipt_no="SX2024-0002",
        donor="济南齐鲁惠民超市",
        restriction="助老",
        items=[
            _goods("大米(10kg)", 50, "袋", "3000.00", "document"),
            _goods("食用油(5L)", 50, "桶", "3500.00", "document"),
        ],
        note="春节慰问物资，按超市出库单计价",
        actor=_REGISTRAR,
        occurred_on=_on(1, 25),
    )
    y.cash(wh, "SX2024-0003", "10000.00", "王河村乡贤理事会", _on(1, 30))

    # ---- February: 米面油 given to elderly people living alone; more gifts ----
    for n, (item, unit) in enumerate((("大米(10kg)", "袋"), ("食用油(5L)", "桶")), start=1):
        ledger.distribute_goods(
            fund_id=cz,
            distribution_id=f"FF-CZ-2024-0{n}",
            item=item,
            unit=unit,
            restriction="助老",
            quantity=40,
            recipient="崔寨村独居及高龄老人40户",
            signed_off_by="崔建国",
            purpose="春节走访慰问",
            actor=_REGISTRAR,
            occurred_on=_on(2, 2),
        )
    y.cash(lsr, "SX2024-0004", "5000.00", "李德福", _on(2, 18), note="在外经商的本村村民")
    y.cash(cz, "SX2024-0005", "8000.00", "崔寨街道商会", _on(2, 20))

    # ---- March: spring 助学 grants (above 崔寨村's threshold: two approvers) ----
    y.request(
        cz,
        "SQ-CZ-2024-01",
        "6000.00",
        "春季困境儿童助学金（12人×500元）",
        "崔寨村困境儿童家庭12户",
        _on(3, 1),
        restriction="助学",
        requester=_YOUTH_WORKER,
    )
    y.approve(cz, "SQ-CZ-2024-01", "崔建国", _on(3, 4))
    y.cash(cz, "SX2024-0006", "500.00", None, _on(3, 5), restriction="助老")
    y.approve(cz, "SQ-CZ-2024-01", "崔秀英", _on(3, 5))
    y.publicize(cz, "SQ-CZ-2024-01", "崔寨村公示〔2024〕1号", _on(3, 6), _on(3, 12))
    y.cash(wh, "SX2024-0007", "300.00", "王秀兰", _on(3, 8), restriction="助老")
    y.pay(cz, "SQ-CZ-2024-01", "PZ-2024-031", _on(3, 13))

    # ---- April-May: gifts; a company transferred 1000 too much and gets it back ----
    y.cash(
        qn,
        "SX2024-0008",
        "5000.00",
        "山东清源环保科技有限公司",
        _on(4, 2),
        restriction="心智障碍青年支持",
    )
    y.cash(cz, "SX2024-0009", "1200.00", "崔广明", _on(4, 10), restriction="助老")
    y.cash(qn, "SX2024-0010", "200.00", "赵桂芝", _on(4, 16))
    y.cash(cz, "SX2024-0011", "3000.00", "济南鑫盛物流有限公司", _on(5, 6))
    y.request(
        qn,
        "SQ-QN-2024-01",
        "2400.00",
        "“淘乐乐”驿站手工实训材料",
        "济南创艺手工材料商行",
        _on(5, 13),
        restriction="心智障碍青年支持",
    )
    y.approve(qn, "SQ-QN-2024-01", "张清泉", _on(5, 15))
    y.publicize(qn, "SQ-QN-2024-01", "清宁村公示〔2024〕1号", _on(5, 16), _on(5, 22))
    ledger.refund_donation(
        fund_id=cz,
        refund_id="TK-2024-01",
        receipt_no="SX2024-0011",
        amount="1000.00",
        reason="捐赠方财务多转1000元，经核实原路退回",
        actor=_CASHIER,
        occurred_on=_on(5, 20),
    )
    y.pay(qn, "SQ-QN-2024-01", "PZ-2024-058", _on(5, 24))

    # ---- June: 儿童节 gifts for children in difficulty; a summer day camp ----
    y.cash(lsr, "SX2024-0012", "800.00", None, _on(6, 1), restriction="困境儿童")
    y.cash(lsr, "SX2024-0013", "6000.00", "济南鲁北建材有限公司", _on(6, 1), restriction="困境儿童")
    y.request(
        lsr,
        "SQ-LSR-2024-01",
        "3600.00",
        "困境儿童暑期托管营（18人）",
        "济南市建达社会工作服务中心",
        _on(6, 17),
        restriction="困境儿童",
        requester=_YOUTH_WORKER,
    )
    y.approve(lsr, "SQ-LSR-2024-01", "李长海", _on(6, 19))
    y.approve(lsr, "SQ-LSR-2024-01", "李春梅", _on(6, 20))
    y.publicize(lsr, "SQ-LSR-2024-01", "李善仁村公示〔2024〕1号", _on(6, 21), _on(6, 27))
    y.pay(lsr, "SQ-LSR-2024-01", "PZ-2024-072", _on(7, 1))

    # ---- July: a square-dance sound system is refused; 清宁村 books arrive unvalued ----
    y.request(wh, "SQ-WH-2024-01", "4500.00", "购置广场舞音响设备", "济南声海电器商行", _on(7, 8))
    ledger.reject_disbursement(
        fund_id=wh,
        request_id="SQ-WH-2024-01",
        reason="不属于社区基金资助范围，建议由村集体经费列支",
        actor="王德胜",
        occurred_on=_on(7, 12),
    )
    ledger.receive_goods(
        fund_id=qn,
        receipt_no="SX2024-0014",
        donor=None,
        items=[_goods("儿童图书", 120, "本", None, "unvalued")],
        note="居民匿名捐赠旧书，无凭据、无法估值，不计金额",
        actor=_REGISTRAR,
        occurred_on=_on(7, 20),
    )

    # ---- August-September: 学习用品 for the new school year, partly given out ----
    ledger.receive_goods(
        fund_id=lsr,
        receipt_no="SX2024-0015",
        donor="山东启明文化用品有限公司",
        restriction="困境儿童",
        items=[
            _goods("书包", 60, "个", "4800.00", "document"),
            _goods("文具套装", 60, "套", "1800.00", "fair_value"),
        ],
        note="书包按捐赠发票计价；文具套装按市场价估值",
        actor=_REGISTRAR,
        occurred_on=_on(8, 20),
    )
    for n, (item, unit) in enumerate((("书包", "个"), ("文具套装", "套")), start=1):
        ledger.distribute_goods(
            fund_id=lsr,
            distribution_id=f"FF-LSR-2024-0{n}",
            item=item,
            unit=unit,
            restriction="困境儿童",
            quantity=45,
            recipient="李善仁村及周边困境儿童45人",
            signed_off_by="李春梅",
            purpose="开学助学礼包",
            actor=_REGISTRAR,
            occurred_on=_on(9, 2),
        )
    y.cash(wh, "SX2024-0016", "2000.00", None, _on(9, 10), restriction="助老")
    y.request(
        wh,
        "SQ-WH-2024-02",
        "1800.00",
        "助老食堂第三季度餐费补贴",
        "王河村幸福食堂",
        _on(9, 23),
        restriction="助老",
    )
    y.request(
        lsr,
        "SQ-LSR-2024-02",
        "1200.00",
        "《故乡痕》村史故事汇编印刷",
        "济南明德印务有限公司",
        _on(9, 24),
    )
    y.approve(wh, "SQ-WH-2024-02", "王桂兰", _on(9, 25))
    y.publicize(wh, "SQ-WH-2024-02", "王河村公示〔2024〕1号", _on(9, 26), _on(10, 2))
    y.approve(lsr, "SQ-LSR-2024-02", "李长海", _on(9, 27))
    y.publicize(lsr, "SQ-LSR-2024-02", "李善仁村公示〔2024〕2号", _on(9, 28), _on(10, 4))

    # ---- October: 重阳节; payments after the notices end; a rained-off event ----
    y.pay(wh, "SQ-WH-2024-02", "PZ-2024-103", _on(10, 8))
    y.pay(lsr, "SQ-LSR-2024-02", "PZ-2024-104", _on(10, 8))
    y.request(
        cz,
        "SQ-CZ-2024-02",
        "1500.00",
        "重阳节高龄老人慰问品",
        "济南齐鲁惠民超市",
        _on(10, 8),
        restriction="助老",
    )
    y.approve(cz, "SQ-CZ-2024-02", "崔秀英", _on(10, 9))
    y.publicize(cz, "SQ-CZ-2024-02", "崔寨村公示〔2024〕2号", _on(10, 9), _on(10, 15))
    y.pay(cz, "SQ-CZ-2024-02", "PZ-2024-109", _on(10, 16))
    y.cash(qn, "SX2024-0017", "1000.00", None, _on(10, 21))
    y.request(qn, "SQ-QN-2024-02", "600.00", "秋季邻里运动会奖品", "清宁村便民超市", _on(10, 22))
    y.approve(qn, "SQ-QN-2024-02", "刘玉芳", _on(10, 24))
    ledger.cancel_disbursement(
        fund_id=qn,
        request_id="SQ-QN-2024-02",
        reason="运动会因连续降雨取消，申请撤回",
        actor=_CASEWORKER,
        occurred_on=_on(10, 30),
    )

    # ---- November-December: a community fair approved and noticed, paid in the new year ----
    y.request(
        cz,
        "SQ-CZ-2024-03",
        "2000.00",
        "“崔寨有声”社区公益集市物料",
        "济南惠邦广告制作部",
        _on(11, 4),
    )
    y.approve(cz, "SQ-CZ-2024-03", "崔建国", _on(11, 6))
    y.publicize(cz, "SQ-CZ-2024-03", "崔寨村公示〔2024〕3号", _on(12, 20), _on(12, 27))
