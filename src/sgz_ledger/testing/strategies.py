"""Hypothesis strategies for commands the ledger accepts, and for whole histories.

Each strategy draws the command models of ``sgz_ledger`` (``OpenFund``,
``ReceiveCashDonation``...), ready for ``Ledger.execute`` or ``Ledger.execute_batch``:
money in fen (``amount_fen``), dates in ``YEAR`` (a year past, so no date is after today,
rule 35), text in the canonical form the ledger keeps (rule 16). A strategy is given what
its command depends on (the fund a gift goes to, the station's people, the money
available), and the ids it creates (a receipt number, a request id), so that a caller
keeping several of them apart never draws the same id twice. ``histories`` draws whole
sequences that a fresh ``Ledger("memory:")`` records, command after command.

The station's people (``Staff``) keep maker and checker apart: who records, who approves
(two committee members, for spending above a fund's threshold), who pays, who configures,
each a different person, registered (rule 25) or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from hypothesis import strategies as st

from sgz_ledger import (
    AddPerson,
    ApproveDisbursement,
    ApproveService,
    BudgetLineInput,
    CancelDisbursement,
    Command,
    GoodsLineInput,
    OpenFund,
    OpenProject,
    PayDisbursement,
    PublicizeDisbursement,
    PublishActivity,
    ReceiveCashDonation,
    ReceiveGoodsDonation,
    RecordService,
    RegisterVolunteer,
    RejectDisbursement,
    RequestDisbursement,
    SetStationPolicy,
)

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "YEAR",
    "Category",
    "Staff",
    "Stage",
    "activities",
    "amounts_fen",
    "cash_gifts",
    "dates",
    "disbursements",
    "funds",
    "goods_gifts",
    "histories",
    "projects",
    "restrictions",
    "service_records",
    "staffs",
    "station_policies",
    "volunteers",
]

YEAR = 2024
"""The year every drawn date lies in: a past one, so that no business date is after today."""
FIRST_DAY = dt.date(YEAR, 1, 1)
LAST_DAY = dt.date(YEAR, 12, 31)

# China Standard Time: an activity's times are the station's local times.
_CST = dt.timezone(dt.timedelta(hours=8), "CST")
_NAMES = (
    "王芳",
    "李强",
    "张敏",
    "赵磊",
    "刘洋",
    "陈静",
    "杨帆",
    "黄丽",
    "周杰",
    "吴霞",
    "徐明",
    "孙悦",
)
_PURPOSES = ("助学", "助老", "济困", "助残")
_DONORS = ("某爱心企业", "济南市慈善总会", "蚂蚁公益基金会", "县工商联")
_GOODS = (("大米", "袋"), ("食用油", "桶"), ("棉被", "床"), ("学习用品", "套"))
_STATIONS = (
    ("cuizhai", "崔寨街道社工站", "崔寨村"),
    ("gaoguan", "高官寨街道社工站", "高官寨村"),
    ("sunji", "孙集镇社工站", "孙集村"),
)
_HOSTS = ("济南市慈善总会", "山东省慈善总会")
# The largest amount drawn in one go, in fen (¥50,000): amounts stay in a station's range.
_AMOUNT_FEN_MAX = 5_000_000

_Role: TypeAlias = Literal["admin", "social_worker", "clerk", "committee", "cashier"]
_BASES: tuple[Literal["document", "fair_value", "unvalued"], ...] = (
    "document",
    "fair_value",
    "unvalued",
)
Category: TypeAlias = Literal["volunteer_service", "training"]
"""The categories of activity drawn: volunteer service, and training (never service hours)."""
# Mostly service: training now and then.
_CATEGORIES: tuple[Category, ...] = ("volunteer_service",) * 4 + ("training",)

Stage: TypeAlias = Literal["requested", "approved", "paid", "rejected", "cancelled"]
"""How far a drawn disbursement goes: requested only, approved (the money reserved), paid,
or rejected or cancelled after its request."""


def dates(first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> st.SearchStrategy[dt.date]:
    """Business dates from ``first`` to ``last`` (both included; by default all of ``YEAR``)."""
    return st.dates(min_value=first, max_value=max(first, last))


def amounts_fen(max_fen: int = _AMOUNT_FEN_MAX, min_fen: int = 1) -> st.SearchStrategy[int]:
    """Amounts of money in fen (whole numbers, never floats: rule 15)."""
    return st.integers(min_value=min_fen, max_value=max(min_fen, max_fen))


def restrictions() -> st.SearchStrategy[str]:
    """A gift's restriction (定向): ``""`` (unrestricted money) or a purpose."""
    return st.sampled_from(("", *_PURPOSES))


@dataclass(frozen=True)
class Staff:
    """A station's people, each doing one part of the work, as commands name them.

    Attributes:
        station_id: the station.
        register: the commands registering them (rule 25), first the administrator; empty
            when the station keeps no register (its actors are names).
        admin: configures (opens funds and projects, sets the policy).
        recorder: records gifts, requests, notices, volunteers, activities, service.
        checker: approves service records (recorded by ``recorder``).
        approvers: two committee members: one approves a request up to the fund's
            threshold, both above it.
        cashier: pays.
        names: each actor as commands name them (an id or a name), to the person's name.
    """

    station_id: str
    register: tuple[AddPerson, ...]
    admin: str
    recorder: str
    checker: str
    approvers: tuple[str, str]
    cashier: str
    names: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def registered(self) -> bool:
        """Whether the station keeps a register of its people."""
        return bool(self.register)


@st.composite
def staffs(
    draw: st.DrawFn,
    station_id: str = "cuizhai",
    *,
    registered: bool | None = None,
    on: dt.date = FIRST_DAY,
    id_prefix: str = "P-",
) -> Staff:
    """A station's people: six different people, registered on ``on`` (or not, when
    ``registered`` is False; drawn when None) and named in commands by id or by name."""
    names = draw(st.lists(st.sampled_from(_NAMES), min_size=6, max_size=6, unique=True))
    if registered is None:
        registered = draw(st.booleans())
    roles: tuple[tuple[_Role], ...] = (
        ("admin",),
        ("social_worker",),
        ("clerk",),
        ("committee",),
        ("committee",),
        ("cashier",),
    )
    ids = [f"{id_prefix}{n:02d}" for n in range(1, 7)]
    by_id = registered and draw(st.booleans())
    actor = dict(zip(names, ids if by_id else names, strict=True))
    register: list[AddPerson] = []
    if registered:
        for n, (name, person_id, held) in enumerate(zip(names, ids, roles, strict=True)):
            register.append(
                AddPerson(
                    station_id=station_id,
                    person_id=person_id,
                    name=name,
                    roles=held,
                    # The first person is added by whoever sets the ledger up; the others
                    # by that administrator.
                    actor=name if n == 0 else actor[names[0]],
                    occurred_on=on,
                )
            )
    admin, recorder, checker, first, second, cashier = (actor[n] for n in names)
    return Staff(
        station_id=station_id,
        register=tuple(register),
        admin=admin,
        recorder=recorder,
        checker=checker,
        approvers=(first, second),
        cashier=cashier,
        names={actor[n]: n for n in names},
    )


def station_policies(
    staff: Staff, *, on: dt.date = FIRST_DAY, name: str = "社工站"
) -> st.SearchStrategy[SetStationPolicy]:
    """A station's policy: its shortest 公示 (1 to 10 days, rule 31), set by its administrator."""
    return st.builds(
        SetStationPolicy,
        station_id=st.just(staff.station_id),
        name=st.just(name),
        notice_days_min=st.integers(1, 10),
        actor=st.just(staff.admin),
        occurred_on=st.just(on),
    )


@st.composite
def funds(draw: st.DrawFn, staff: Staff, *, fund_id: str, on: dt.date | None = None) -> OpenFund:
    """A community fund of the staff's station, opened by its administrator: a threshold above
    which spending needs two approvers (sometimes 0, so that every request needs two), and
    whether its spending is noticed (公示) before payment."""
    community = draw(st.sampled_from([c for _, _, c in _STATIONS]))
    return OpenFund(
        fund_id=fund_id,
        station_id=staff.station_id,
        community=community,
        name=f"{community}社区基金",
        host=draw(st.sampled_from(_HOSTS)),
        approval_threshold_fen=draw(st.sampled_from((0, 100_000, 500_000, 1_000_000))),
        publicity_required=draw(st.booleans()),
        actor=staff.admin,
        occurred_on=on if on is not None else draw(dates()),
    )


def _on_or_after(first: dt.date, on: dt.date | None) -> st.SearchStrategy[dt.date]:
    return st.just(on) if on is not None else dates(first, LAST_DAY)


@st.composite
def cash_gifts(
    draw: st.DrawFn,
    fund: OpenFund,
    staff: Staff,
    *,
    receipt_no: str,
    on: dt.date | None = None,
    restriction: str | None = None,
    max_fen: int = _AMOUNT_FEN_MAX,
    project: OpenProject | None = None,
) -> ReceiveCashDonation:
    """A cash gift to ``fund``: from an organisation or anonymous, unrestricted or for a
    purpose (定向), registered by the station's recorder (rule 7); naming ``project`` if
    given (its period must hold the gift's date, rule 41)."""
    return ReceiveCashDonation(
        fund_id=fund.fund_id,
        receipt_no=receipt_no,
        amount_fen=draw(amounts_fen(max_fen)),
        donor=draw(st.one_of(st.none(), st.sampled_from(_DONORS))),
        restriction=draw(restrictions()) if restriction is None else restriction,
        project_id=project.project_id if project is not None else "",
        actor=staff.recorder,
        occurred_on=draw(_on_or_after(fund.occurred_on, on)),
    )


@st.composite
def goods_gifts(
    draw: st.DrawFn,
    fund: OpenFund,
    staff: Staff,
    *,
    receipt_no: str,
    on: dt.date | None = None,
    restriction: str | None = None,
) -> ReceiveGoodsDonation:
    """A gift in kind to ``fund``: one to three lines of goods, each valued on the donor's
    documents, at fair value, or unvalued (rule 8)."""
    lines = []
    for item, unit in draw(st.lists(st.sampled_from(_GOODS), min_size=1, max_size=3)):
        basis = draw(st.sampled_from(_BASES))
        value = None if basis == "unvalued" else draw(st.integers(0, 200_000))
        lines.append(
            GoodsLineInput(
                item=item,
                quantity=draw(st.integers(1, 50)),
                unit=unit,
                value_fen=value,
                basis=basis,
            )
        )
    return ReceiveGoodsDonation(
        fund_id=fund.fund_id,
        receipt_no=receipt_no,
        items=tuple(lines),
        donor=draw(st.one_of(st.none(), st.sampled_from(_DONORS))),
        restriction=draw(restrictions()) if restriction is None else restriction,
        actor=staff.recorder,
        occurred_on=draw(_on_or_after(fund.occurred_on, on)),
    )


@st.composite
def disbursements(
    draw: st.DrawFn,
    fund: OpenFund,
    staff: Staff,
    *,
    request_id: str,
    available_fen: int,
    on: dt.date,
    restriction: str = "",
    notice_days_min: int = 5,
    stage: Stage | None = None,
    budget_line: tuple[OpenProject, str] | None = None,
) -> list[Command[Any]]:
    """A disbursement's commands from its request on ``on``: approved by one committee member
    up to the fund's threshold and by both above it (rule 11), noticed (公示) from the day of
    the approval for at least ``notice_days_min`` days where the fund asks for it (and
    sometimes where it does not), and paid by the cashier the day after the notice ends
    or later (rules 28, 30, 31); or only as far as ``stage`` (drawn when None).

    ``available_fen`` is what ``restriction`` of the fund has available (at least 1 fen): the
    request asks at most that. ``budget_line``: the project and line it is spent on, whose
    remaining budget must hold the amount (rule 42).
    """
    amount = draw(amounts_fen(min(available_fen, _AMOUNT_FEN_MAX)))
    if stage is None:
        stage = draw(
            st.sampled_from(
                ("paid", "paid", "paid", "approved", "requested", "rejected", "cancelled")
            )
        )
    project_id, line = (
        ("", "") if budget_line is None else (budget_line[0].project_id, budget_line[1])
    )
    cmds: list[Command[Any]] = [
        RequestDisbursement(
            fund_id=fund.fund_id,
            request_id=request_id,
            amount_fen=amount,
            purpose=draw(
                st.sampled_from(("慰问困难老人", "助学金发放", "社区活动物资", "大病救助"))
            ),
            payee=draw(st.sampled_from(("社区超市", "幸福食堂", "受助家庭", "文具店"))),
            restriction=restriction,
            project_id=project_id,
            budget_line=line,
            actor=staff.recorder,
            occurred_on=on,
        )
    ]
    day = on
    if stage in ("requested", "cancelled") or (stage == "rejected" and draw(st.booleans())):
        return cmds + _end(fund, staff, request_id, stage, day + _days(draw, 0, 3))
    needed = 2 if amount > fund.approval_threshold_fen else 1
    for approver in staff.approvers[:needed]:
        day += _days(draw, 0, 2)
        cmds.append(
            ApproveDisbursement(
                fund_id=fund.fund_id, request_id=request_id, actor=approver, occurred_on=day
            )
        )
    if stage in ("approved", "rejected"):
        return cmds + _end(fund, staff, request_id, stage, day + _days(draw, 0, 3))
    pay_on = day + _days(draw, 0, 3)
    if fund.publicity_required or draw(st.booleans()):
        notice_to = day + _days(draw, notice_days_min - 1, notice_days_min + 5)
        cmds.append(
            PublicizeDisbursement(
                fund_id=fund.fund_id,
                request_id=request_id,
                notice_ref=f"公示-{request_id}",
                notice_from=day,
                notice_to=notice_to,
                actor=staff.recorder,
                occurred_on=day,
            )
        )
        pay_on = notice_to + _days(draw, 1, 3)
    cmds.append(
        PayDisbursement(
            fund_id=fund.fund_id,
            request_id=request_id,
            voucher_no=f"PZ-{request_id}",
            actor=staff.cashier,
            occurred_on=pay_on,
        )
    )
    return cmds


def _days(draw: st.DrawFn, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=draw(st.integers(low, high)))


def _end(
    fund: OpenFund, staff: Staff, request_id: str, stage: Stage, on: dt.date
) -> list[Command[Any]]:
    """A request turned down by the committee, or withdrawn by its recorder."""
    if stage == "rejected":
        return [
            RejectDisbursement(
                fund_id=fund.fund_id,
                request_id=request_id,
                reason="不符合资助条件",
                actor=staff.approvers[0],
                occurred_on=on,
            )
        ]
    if stage == "cancelled":
        return [
            CancelDisbursement(
                fund_id=fund.fund_id,
                request_id=request_id,
                reason="活动取消",
                actor=staff.recorder,
                occurred_on=on,
            )
        ]
    return []


@st.composite
def volunteers(
    draw: st.DrawFn, staff: Staff, *, volunteer_id: str, on: dt.date | None = None
) -> RegisterVolunteer:
    """A volunteer of the staff's station, registered by its recorder (an ID number is left
    out: two drawn volunteers must not share one, rule 39)."""
    day = on if on is not None else draw(dates())
    return RegisterVolunteer(
        volunteer_id=volunteer_id,
        station_id=staff.station_id,
        name=draw(st.sampled_from(_NAMES)),
        registered_on=day,
        consent=draw(st.booleans()),
        gender=draw(st.sampled_from(("", "男", "女"))),
        actor=staff.recorder,
        occurred_on=day,
    )


@st.composite
def activities(
    draw: st.DrawFn,
    staff: Staff,
    *,
    activity_id: str,
    on: dt.date | None = None,
    category: Category | None = None,
) -> PublishActivity:
    """An activity of the staff's station running from ``on`` to the end of ``YEAR``: mostly
    volunteer service, now and then training, which counts no service hours (rule 4)."""
    day = on if on is not None else draw(dates())
    kind = draw(st.sampled_from(_CATEGORIES)) if category is None else category
    return PublishActivity(
        activity_id=activity_id,
        station_id=staff.station_id,
        name=draw(st.sampled_from(("敬老院探访", "环境整治", "四点半课堂", "防诈宣传"))),
        category=kind,
        community=draw(st.sampled_from([c for _, _, c in _STATIONS])),
        place="社区服务中心",
        organizer="社工站",
        leader=staff.names.get(staff.recorder, staff.recorder),
        starts_at=dt.datetime.combine(day, dt.time(8), _CST),
        ends_at=dt.datetime.combine(LAST_DAY, dt.time(18), _CST),
        actor=staff.recorder,
        occurred_on=day,
    )


@st.composite
def service_records(
    draw: st.DrawFn,
    volunteer: RegisterVolunteer,
    activity: PublishActivity,
    staff: Staff,
    *,
    record_id: str,
    on: dt.date | None = None,
    approve: bool | None = None,
) -> list[Command[Any]]:
    """A service record of ``volunteer`` in ``activity`` (15 minutes to 4 hours on one day,
    on or after both began, rule 37), recorded by the station's recorder, and its approval by
    the checker, a second person (always when ``approve``, never when False, drawn when
    None). The volunteer's day must have room for 4 hours more (rule 38)."""
    first = max(volunteer.registered_on, activity.starts_at.astimezone(_CST).date())
    day = on if on is not None else draw(dates(first, activity.ends_at.astimezone(_CST).date()))
    cmds: list[Command[Any]] = [
        RecordService(
            record_id=record_id,
            volunteer_id=volunteer.volunteer_id,
            activity_id=activity.activity_id,
            duration_s=draw(st.integers(15, 240)) * 60,
            service_date=day,
            content=draw(st.sampled_from(("陪伴老人", "清扫楼道", "辅导作业", "入户宣传"))),
            actor=staff.recorder,
            occurred_on=day,
        )
    ]
    if approve if approve is not None else draw(st.integers(0, 4)) > 0:
        cmds.append(
            ApproveService(
                volunteer_id=volunteer.volunteer_id,
                record_id=record_id,
                actor=staff.checker,
                occurred_on=day,
            )
        )
    return cmds


@st.composite
def projects(
    draw: st.DrawFn,
    staff: Staff,
    funds: Sequence[OpenFund],
    *,
    project_id: str,
    on: dt.date | None = None,
) -> OpenProject:
    """A project (项目) of the staff's station drawing on ``funds`` (the station's own), from
    ``on`` to the end of ``YEAR``, with one to three budget lines (rule 40), opened by its
    administrator."""
    day = on if on is not None else draw(dates())
    count = draw(st.integers(1, 3))
    names = ("餐食补贴", "活动费", "物资采购")
    return OpenProject(
        project_id=project_id,
        station_id=staff.station_id,
        name=draw(st.sampled_from(("助老餐桌", "儿童关爱", "邻里守望"))),
        starts_on=day,
        ends_on=LAST_DAY,
        fund_ids=tuple(f.fund_id for f in funds),
        lines=tuple(
            BudgetLineInput(
                code=f"A{n + 1}", name=names[n], amount_fen=draw(st.integers(0, 2_000_000))
            )
            for n in range(count)
        ),
        actor=staff.admin,
        occurred_on=day,
    )


# ---- histories -------------------------------------------------------------------------------


@dataclass
class _Plan:
    """What a history has recorded so far, so that each next command is one the ledger takes."""

    day: dt.date
    serial: int = 0
    available: dict[tuple[str, str], int] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)
    service_s: dict[tuple[str, dt.date], int] = field(default_factory=dict)

    def key(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:04d}"


@dataclass
class _Station:
    staff: Staff
    notice_days_min: int
    funds: list[OpenFund] = field(default_factory=list)
    project: OpenProject | None = None
    volunteers: list[RegisterVolunteer] = field(default_factory=list)
    activities: list[PublishActivity] = field(default_factory=list)


# The last day a history starts a step on: a step (a disbursement's approvals, notice and
# payment) takes at most 22 days, so that every date stays in ``YEAR``.
_LAST_START = LAST_DAY - dt.timedelta(days=25)
_DAY_S = 24 * 3600
_RECORD_S_MAX = 4 * 3600


@st.composite
def histories(draw: st.DrawFn, *, max_stations: int = 2, max_steps: int = 15) -> list[Command[Any]]:
    """Whole histories the ledger records on a fresh store, command after command: one or more
    stations, each with its people (registered or not), its policy, one or two funds and
    perhaps a project, then gifts in cash and in kind (restricted or not), disbursements
    taken as far as their drawn stage (some on a project's line), volunteers, activities and
    service records, in date order within ``YEAR``."""
    plan = _Plan(day=FIRST_DAY + _days(draw, 0, 30))
    cmds: list[Command[Any]] = []
    codes = draw(
        st.lists(st.sampled_from(_STATIONS), min_size=1, max_size=max_stations, unique=True)
    )
    stations: list[_Station] = []
    for n, (code, name, _) in enumerate(codes):
        staff = draw(staffs(code, on=plan.day, id_prefix=f"P{n + 1}-"))
        policy = draw(station_policies(staff, on=plan.day, name=name))
        station = _Station(staff, policy.notice_days_min)
        cmds += [*staff.register, policy]
        for _ in range(draw(st.integers(1, 2))):
            fund = draw(funds(staff, fund_id=plan.key(f"{code}-F"), on=plan.day))
            station.funds.append(fund)
            cmds.append(fund)
        if draw(st.booleans()):
            station.project = draw(
                projects(staff, station.funds, project_id=plan.key(f"{code}-XM"), on=plan.day)
            )
            cmds.append(station.project)
            for line in station.project.lines:
                plan.lines[(station.project.project_id, line.code)] = line.amount_fen
        stations.append(station)
    for _ in range(draw(st.integers(0, max_steps))):
        if plan.day > _LAST_START:
            break
        plan.day += _days(draw, 0, 4)
        station = draw(st.sampled_from(stations))
        kind = draw(
            st.sampled_from(
                ("cash", "cash", "goods", "spend", "spend", "volunteer", "service", "service")
            )
        )
        cmds += _step(draw, plan, station, kind)
    return cmds


def _step(draw: st.DrawFn, plan: _Plan, station: _Station, kind: str) -> list[Command[Any]]:
    """The commands of one step of a history (none when it cannot be taken yet)."""
    staff, day = station.staff, plan.day
    if kind == "spend":
        funded = sorted(
            k
            for k, fen in plan.available.items()
            if fen > 0 and k[0] in {f.fund_id for f in station.funds}
        )
        if not funded:
            kind = "cash"
        else:
            fund_id, restriction = draw(st.sampled_from(funded))
            return _spend(draw, plan, station, fund_id, restriction)
    if kind in ("cash", "goods"):
        fund = draw(st.sampled_from(station.funds))
        project = station.project
        in_project = project is not None and fund.fund_id in project.fund_ids
        if kind == "goods":
            return [draw(goods_gifts(fund, staff, receipt_no=plan.key("JZ"), on=day))]
        gift = draw(
            cash_gifts(
                fund,
                staff,
                receipt_no=plan.key("JZ"),
                on=day,
                project=project if in_project and draw(st.booleans()) else None,
            )
        )
        key = (fund.fund_id, gift.restriction)
        plan.available[key] = plan.available.get(key, 0) + gift.amount_fen
        return [gift]
    if kind == "volunteer" or not station.volunteers or not station.activities:
        if not station.activities or (station.volunteers and draw(st.booleans())):
            activity = draw(
                activities(staff, activity_id=plan.key(f"{staff.station_id}-HD"), on=day)
            )
            station.activities.append(activity)
            return [activity]
        volunteer = draw(volunteers(staff, volunteer_id=plan.key(f"{staff.station_id}-V"), on=day))
        station.volunteers.append(volunteer)
        return [volunteer]
    volunteer = draw(st.sampled_from(station.volunteers))
    activity = draw(st.sampled_from(station.activities))
    if plan.service_s.get((volunteer.volunteer_id, day), 0) + _RECORD_S_MAX > _DAY_S:
        return []
    record = draw(service_records(volunteer, activity, staff, record_id=plan.key("FW"), on=day))
    served = record[0]
    assert isinstance(served, RecordService)
    assert served.duration_s is not None
    on_day = (volunteer.volunteer_id, day)
    plan.service_s[on_day] = plan.service_s.get(on_day, 0) + served.duration_s
    return record


def _spend(
    draw: st.DrawFn, plan: _Plan, station: _Station, fund_id: str, restriction: str
) -> list[Command[Any]]:
    """A disbursement of money available, on a project's line where one has room for it."""
    fund = next(f for f in station.funds if f.fund_id == fund_id)
    available = plan.available[(fund_id, restriction)]
    line: tuple[OpenProject, str] | None = None
    project = station.project
    if project is not None and fund_id in project.fund_ids and draw(st.booleans()):
        roomy = [c for (p, c), fen in plan.lines.items() if p == project.project_id and fen > 0]
        if roomy:
            code = draw(st.sampled_from(sorted(roomy)))
            line = (project, code)
            available = min(available, plan.lines[(project.project_id, code)])
    cmds = draw(
        disbursements(
            fund,
            station.staff,
            request_id=plan.key("SQ"),
            available_fen=available,
            on=plan.day,
            restriction=restriction,
            notice_days_min=station.notice_days_min,
            budget_line=line,
        )
    )
    request = cmds[0]
    assert isinstance(request, RequestDisbursement)
    ended = isinstance(cmds[-1], RejectDisbursement | CancelDisbursement)
    if not ended and any(isinstance(c, ApproveDisbursement) for c in cmds):
        plan.available[(fund_id, restriction)] -= request.amount_fen
    if line is not None and not ended:
        plan.lines[(line[0].project_id, line[1])] -= request.amount_fen
    plan.day = max(plan.day, *(c.occurred_on for c in cmds))
    return cmds
