"""A demo year: 2024 at a town social work station, modelled on the 崔寨街道 report.

The 崔寨 report (seeds/002) names four community funds set up in 2024 under
山东省乡村振兴基金会: 崔寨村, 李善仁村, 王河村 and 清宁村. The gifts, people and
spending below are invented but typical of what such funds record: cash from
companies, residents and anonymous givers, restricted (助学, 助老, 困境儿童...) and
unrestricted; one part refund; in-kind gifts (米面油, 学习用品, and unvalued books),
partly given out; spending through request, approval (two committee members above
a fund's threshold), 公示 and payment; one request rejected and one cancelled.

The station's volunteers serve the same year: twelve volunteers in three teams (the report
names three volunteer teams), activities month by month (春节 visits, 学雷锋 day, the
summer day camp, the 助老 canteen, 重阳节, 国际志愿者日), times to the second, each record
entered by one social worker and approved by another; a training day that is not service
(rule 4); hours banked in the time bank (爱心储蓄银行), some redeemed; a certificate
(志愿服务证明) issued on the year's last day.

Everything is fixed (keys, business dates, amounts, people), and every command is
idempotent by its key, so recording the year into a store that already holds it
records nothing. The recording timestamps come from the ledger's clock; they are
not compared when a command is repeated.

The calls go through the ledger's public command methods only, so this file is
also a worked example of the API. It is written by theme (the funds, then the
volunteers) and played in date order, as the station entered it (``_InDateOrder``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, cast

from sgz_ledger.domain.events import ActivityCategory
from sgz_ledger.ledger import Ledger
from sgz_ledger.service.commands import GoodsLineFields

__all__ = ["DEMO_HOST", "DEMO_STATION_ID", "DEMO_YEAR", "record_demo_year"]

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


class _InDateOrder:
    """Stands in for the ledger while the year is written down: each command method called
    on it is kept, with its business date, and ``play`` runs them all on the ledger in date
    order (the order written within a day). Typed as the ``Ledger`` where it is used, so the
    calls are checked against the real methods."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._calls: list[tuple[dt.date, int, Callable[[], object]]] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        method = getattr(self._ledger, name)

        def keep(**fields: Any) -> None:
            on = fields["occurred_on"]
            self._calls.append((on, len(self._calls), lambda: method(**fields)))

        return keep

    def play(self) -> None:
        for _, _, call in sorted(self._calls, key=lambda c: (c[0], c[1])):
            call()


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
        project: tuple[str, str] = ("", ""),
    ) -> None:
        self.ledger.request_disbursement(
            fund_id=fund_id,
            request_id=request_id,
            amount=amount,
            purpose=purpose,
            payee=payee,
            restriction=restriction,
            project_id=project[0],
            budget_line=project[1],
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
    plan = _InDateOrder(ledger)
    book = cast(Ledger, plan)
    _funds_year(book)
    _project_year(book)
    _volunteers_year(book)
    _teams_year(book)
    _delivery_year(book)
    plan.play()


def _funds_year(ledger: Ledger) -> None:
    """The four funds' year: gifts, goods, spending."""
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
        project=(_PROJECT, "托管营"),
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


# ---- the volunteers' year ----------------------------------------------------------------------

_CST = dt.timezone(dt.timedelta(hours=8))
# The three teams and their members (volunteer id, name, gender, team).
_TEAMS = ("崔寨村志愿服务队", "李善仁村巾帼志愿队", "清宁青年志愿队")
_VOLUNTEERS = (
    ("CZV-001", "崔建华", "男", _TEAMS[0]),
    ("CZV-002", "崔玉兰", "女", _TEAMS[0]),
    ("CZV-003", "王德明", "男", _TEAMS[0]),
    ("CZV-004", "赵春花", "女", _TEAMS[0]),
    ("CZV-005", "李秀珍", "女", _TEAMS[1]),
    ("CZV-006", "李红梅", "女", _TEAMS[1]),
    ("CZV-007", "刘桂芳", "女", _TEAMS[1]),
    ("CZV-008", "李晓燕", "女", _TEAMS[1]),
    ("CZV-009", "张清华", "男", _TEAMS[2]),
    ("CZV-010", "孙浩然", "男", _TEAMS[2]),
    ("CZV-011", "周子涵", "女", _TEAMS[2]),
    ("CZV-012", "吴宇航", "男", _TEAMS[2]),
)

# The activities: id, name, category, community, day, start, end, who served (by number)
# and how long each served, as (start, end) times of day to the second.
_Activity = tuple[
    str, str, ActivityCategory, str, dt.date, str, str, tuple[tuple[int, str, str], ...]
]
_ACTIVITIES: tuple[_Activity, ...] = (
    ("HD-2024-01", "春节走访慰问独居老人", "volunteer_service", "崔寨村", _on(2, 2),
     "08:30", "12:00",
     ((1, "08:30:00", "11:45:20"), (2, "08:30:00", "11:45:20"), (3, "08:42:10", "12:00:00"),
      (5, "09:00:00", "11:30:00"))),
    ("HD-2024-02", "学雷锋志愿服务日：义诊义剪", "volunteer_service", "李善仁村", _on(3, 5),
     "08:00", "12:00",
     ((5, "08:00:00", "11:58:45"), (6, "08:00:00", "11:58:45"), (7, "08:15:30", "11:30:00"),
      (8, "08:00:00", "10:20:00"), (9, "09:05:00", "11:58:45"))),
    ("HD-2024-03", "志愿者服务技能培训", "training", "崔寨村", _on(4, 20),
     "14:00", "16:30",
     ((1, "14:00:00", "16:30:00"), (4, "14:00:00", "16:30:00"), (10, "14:00:00", "16:30:00"))),
    ("HD-2024-04", "困境儿童暑期托管营陪伴", "volunteer_service", "李善仁村", _on(7, 8),
     "13:30", "17:30",
     ((9, "13:30:00", "17:12:40"), (10, "13:30:00", "17:12:40"), (11, "13:45:00", "17:30:00"),
      (12, "14:00:00", "17:30:00"))),
    ("HD-2024-05", "助老食堂帮厨送餐", "volunteer_service", "王河村", _on(9, 12),
     "10:00", "13:00",
     ((3, "10:00:00", "12:36:15"), (4, "10:00:00", "12:36:15"), (7, "10:20:00", "13:00:00"))),
    ("HD-2024-06", "重阳节敬老孝老集中服务", "volunteer_service", "崔寨村", _on(10, 11),
     "08:30", "16:30",
     ((1, "08:30:00", "16:05:30"), (2, "08:30:00", "12:00:00"), (5, "13:00:00", "16:30:00"),
      (6, "08:30:00", "16:05:30"), (11, "09:00:00", "11:45:00"))),
    ("HD-2024-07", "国际志愿者日：清宁村环境整治", "volunteer_service", "清宁村", _on(12, 5),
     "08:30", "11:30",
     ((9, "08:30:00", "11:18:20"), (10, "08:30:00", "11:18:20"), (11, "08:30:00", "11:30:00"),
      (12, "08:45:00", "11:30:00"), (3, "08:30:00", "10:05:00"))),
)  # fmt: skip


def _at(day: dt.date, clock: str) -> dt.datetime:
    """A time of day in China Standard Time (``HH:MM`` or ``HH:MM:SS``)."""
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), _CST)


def _volunteers_year(ledger: Ledger) -> None:
    """The volunteers' year: registered with their teams, their activities recorded by one
    social worker and approved by another, hours banked and some redeemed, a certificate."""
    ledger.set_station_policy(
        station_id=DEMO_STATION_ID,
        name="崔寨街道社会工作服务站",
        bank_rate_pct=100,
        actor=_REGISTRAR,
        occurred_on=_on(1, 5),
    )
    for volunteer_id, name, gender, team in _VOLUNTEERS:
        ledger.register_volunteer(
            volunteer_id=volunteer_id,
            station_id=DEMO_STATION_ID,
            name=name,
            gender=gender,
            registered_on=_on(1, 5),
            consent=True,
            team=team,
            actor=_REGISTRAR,
            occurred_on=_on(1, 5),
        )
    for activity_id, name, category, community, day, begins, ends, served in _ACTIVITIES:
        ledger.publish_activity(
            activity_id=activity_id,
            station_id=DEMO_STATION_ID,
            name=name,
            category=category,
            community=community,
            organizer="崔寨街道社会工作服务站",
            leader=_YOUTH_WORKER,
            starts_at=_at(day, begins),
            ends_at=_at(day, ends),
            actor=_YOUTH_WORKER,
            occurred_on=day,
        )
        for number, started, ended in served:
            volunteer_id = _VOLUNTEERS[number - 1][0]
            record_id = f"{activity_id}-{number:02d}"
            ledger.record_service(
                record_id=record_id,
                volunteer_id=volunteer_id,
                activity_id=activity_id,
                started_at=_at(day, started),
                ended_at=_at(day, ended),
                content=name,
                actor=_YOUTH_WORKER,
                occurred_on=day,
            )
            # Checked and approved by another social worker (谁组织谁记录, four eyes).
            ledger.approve_service(
                volunteer_id=volunteer_id,
                record_id=record_id,
                actor=_REGISTRAR,
                occurred_on=day + dt.timedelta(days=2),
            )
            if category == "volunteer_service" and number in (1, 5, 9, 10):
                ledger.bank_hours(
                    volunteer_id=volunteer_id,
                    record_id=record_id,
                    actor=_REGISTRAR,
                    occurred_on=day + dt.timedelta(days=3),
                )
    # 爱心超市: banked hours exchanged at the year's end, for a service, and for goods that
    # leave the 崔寨村 fund's 助老 stock in the same command.
    ledger.redeem_hours(
        volunteer_id="CZV-001",
        redemption_id="DH-2024-01",
        credit_s=2 * 3600,
        item="理发服务",
        counterparty="崔寨爱心超市",
        approver=_CASEWORKER,
        actor=_REGISTRAR,
        occurred_on=_on(12, 16),
    )
    ledger.redeem_hours_for_goods(
        volunteer_id="CZV-009",
        redemption_id="DH-2024-09",
        credit_s=3 * 3600,
        fund_id="cz-cuizhai",
        item="食用油(5L)",
        unit="桶",
        restriction="助老",
        approver=_CASEWORKER,
        actor=_REGISTRAR,
        occurred_on=_on(12, 16),
    )
    ledger.issue_certificate(
        volunteer_id="CZV-001",
        certificate_no="CZ-ZM-2024-001",
        period_from=_on(1, 1),
        period_to=_on(12, 31),
        issuing_station="崔寨街道社会工作服务站",
        actor=_REGISTRAR,
        occurred_on=_on(12, 31),
    )


# ---- a project, the teams, service delivery ----------------------------------------------------

# The 李善仁村 fund's project for children in difficulty (the report's 落地服务项目): the summer
# day camp is paid from its 托管营 line, its group work charged to it.
_PROJECT = "XM-LSR-2024-01"


def _project_year(ledger: Ledger) -> None:
    """The project opened in March, its budget in two lines."""
    ledger.open_project(
        project_id=_PROJECT,
        station_id=DEMO_STATION_ID,
        name="李善仁村困境儿童关爱项目",
        starts_on=_on(3, 1),
        ends_on=_on(12, 31),
        fund_ids=["cz-lishanren"],
        lines=[
            {"code": "托管营", "name": "暑期托管营", "amount": "4000.00"},
            {"code": "小组", "name": "童伴成长小组物料", "amount": "1000.00"},
        ],
        actor=_REGISTRAR,
        occurred_on=_on(3, 1),
    )


def _teams_year(ledger: Ledger) -> None:
    """The three teams formed with their members and leaders; one is commended in December."""
    for n, name in enumerate(_TEAMS, start=1):
        team_id = f"CZ-TEAM-{n}"
        ledger.form_team(
            team_id=team_id,
            station_id=DEMO_STATION_ID,
            name=name,
            actor=_REGISTRAR,
            occurred_on=_on(1, 6),
        )
        members = [v for v, _, _, team in _VOLUNTEERS if team == name]
        for volunteer_id in members:
            ledger.add_team_member(
                team_id=team_id, volunteer_id=volunteer_id, actor=_REGISTRAR, occurred_on=_on(1, 6)
            )
        ledger.name_team_leader(
            team_id=team_id, volunteer_id=members[0], actor=_REGISTRAR, occurred_on=_on(1, 6)
        )
    ledger.grant_award(
        station_id=DEMO_STATION_ID,
        award_id="BZ-2024-01",
        recipient="team",
        recipient_id="CZ-TEAM-3",
        title="优秀志愿服务队",
        awarding_body="崔寨街道办事处",
        actor=_REGISTRAR,
        occurred_on=_on(12, 20),
    )


def _delivery_year(ledger: Ledger) -> None:
    """Case work, a group of five sessions, a community activity, supervision and training.

    The people served are identified by made-up resident numbers: the ledger keeps only a
    keyed reference of each, so they count once as distinct people.
    """
    ledger.open_case(
        station_id=DEMO_STATION_ID,
        case_id="GA-2024-001",
        social_worker=_CASEWORKER,
        served_person="CZ-R-0001",
        actor=_CASEWORKER,
        occurred_on=_on(3, 4),
    )
    for n, (month, day) in enumerate(((3, 11), (4, 8), (5, 13)), start=1):
        ledger.record_case_session(
            station_id=DEMO_STATION_ID,
            case_id="GA-2024-001",
            session_id=str(n),
            duration_s=3600 + 600 * n,
            worker=_CASEWORKER,
            content="入户探访、情绪支持",
            actor=_CASEWORKER,
            occurred_on=_on(month, day),
        )
    ledger.close_case(
        station_id=DEMO_STATION_ID,
        case_id="GA-2024-001",
        reason="服务目标达成",
        actor=_CASEWORKER,
        occurred_on=_on(6, 28),
    )
    ledger.create_group(
        station_id=DEMO_STATION_ID,
        group_id="XZ-2024-01",
        name="童伴成长小组",
        theme="困境儿童",
        project_id=_PROJECT,
        budget_line="小组",
        actor=_YOUTH_WORKER,
        occurred_on=_on(7, 15),
    )
    children = [f"CZ-C-{n:04d}" for n in range(1, 13)]
    for n, present in enumerate((12, 11, 12, 10, 12), start=1):
        ledger.hold_group_session(
            station_id=DEMO_STATION_ID,
            group_id="XZ-2024-01",
            session_id=str(n),
            duration_s=5400,
            participants=present,
            identified=children[:present],
            content=f"第{n}节",
            actor=_YOUTH_WORKER,
            occurred_on=_on(7, 14 + n),
        )
    ledger.create_community_activity(
        station_id=DEMO_STATION_ID,
        activity_id="SQ-2024-01",
        name="重阳节敬老集市",
        theme="敬老",
        actor=_CASEWORKER,
        occurred_on=_on(10, 11),
    )
    ledger.hold_community_activity_session(
        station_id=DEMO_STATION_ID,
        activity_id="SQ-2024-01",
        session_id="1",
        duration_s=4 * 3600,
        attendance=150,
        actor=_CASEWORKER,
        occurred_on=_on(10, 11),
    )
    for n, (month, day) in enumerate(((3, 28), (6, 27), (9, 26), (12, 26)), start=1):
        ledger.record_supervision(
            station_id=DEMO_STATION_ID,
            record_id=f"DD-2024-{n}",
            kind="supervision",
            count=1,
            duration_s=3 * 3600,
            supervisor="济南市社会工作督导中心",
            actor=_CASEWORKER,
            occurred_on=_on(month, day),
        )
    ledger.record_supervision(
        station_id=DEMO_STATION_ID,
        record_id="PX-2024-1",
        kind="training",
        count=1,
        duration_s=6 * 3600,
        supervisor="济南市社会工作督导中心",
        note="社工实务培训",
        actor=_CASEWORKER,
        occurred_on=_on(5, 30),
    )
