"""Every figure of the annual report as a named row, and the events behind each one.

``figure_rows`` lists the figures of an ``AnnualReport`` one per row (``section``,
``figure``, Chinese and English labels, the value as text and its unit), the rows the
report's CSV holds; a figure's name is ``section.figure`` (``volunteers.person_times``,
``funds.donations_cash``, ``projects.XM-01.spending``).

``explain`` answers "which events make this figure?": for each event that contributes,
its log position, type, business date, the aggregate's code (fund, volunteer, case...)
and its signed contribution in the figure's base unit (fen, seconds or a count), then the
total, which equals the figure. The definitions are the reports' own: the volunteer
figures fold (``projections.volunteer_stats``) and the service delivery fold
(``projections.delivery``) are folded again over the same log, noting the position of
each event they read, and the reports' own selections (``reports.volunteers._selected``,
the delivery report's date and station tests) pick the records; a fund's figures are its
statement entries (``projections.fund_log``), selected by kind and date exactly as the
annual report sums them. A served person appears only by reference, never by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal
from uuid import UUID

import msgspec

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.events import (
    ActivityPublished,
    CaseClosed,
    CaseOpened,
    CashDonationReceived,
    DeliveryEvent,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    InKindDonationReceived,
    PaymentReversed,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerRegistered,
)
from sgz_ledger.domain.money import format_yuan, hours_2dp
from sgz_ledger.projections.delivery import DeliveryFold
from sgz_ledger.projections.fund_log import ENTRY_KINDS, FundEntry, FundReader, fund_history
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.volunteers import Period, _selected

__all__ = [
    "Contribution",
    "Explanation",
    "FigureRow",
    "explain",
    "explainable",
    "figure_rows",
]

BaseUnit = Literal["fen", "s", "count"]


class FigureRow(msgspec.Struct, frozen=True, kw_only=True):
    """One figure of the report, as a CSV row.

    Attributes:
        value: the figure as text: a count, seconds, hours with 2 decimals, or yuan with
            2 decimals (never a float).
        unit: 次, 人次, 人, 秒, 小时, 元, 个, 节, or a goods line's own unit (箱, 袋...).
    """

    section: str
    figure: str
    label_zh: str
    label_en: str
    value: str
    unit: str

    @property
    def name(self) -> str:
        """``section.figure``, what ``explain`` takes."""
        return f"{self.section}.{self.figure}"


class Contribution(msgspec.Struct, frozen=True, kw_only=True):
    """One event's part in a figure.

    Attributes:
        position: the event's log position.
        event_type: the event's class name.
        occurred_on: its business date.
        aggregate: the code of the aggregate it belongs to (fund, volunteer, case, group,
            activity, supervision record, project).
        ref: its own key where it has one (receipt, request, service record, session...).
        amount: its signed contribution, in the explanation's ``base_unit``.
    """

    position: int
    event_type: str
    occurred_on: dt.date
    aggregate: str
    ref: str
    amount: int


class Explanation(msgspec.Struct, frozen=True, kw_only=True):
    """The events behind one figure of an annual report.

    Attributes:
        figure: ``section.figure``.
        value, unit: the figure as the report's CSV gives it.
        base_unit: ``fen``, ``s`` or ``count``: the unit of the contributions.
        total: the contributions summed; ``total_text`` is it written as ``value`` is
            (yuan, hours with 2 decimals, or the count), so ``total_text == value``.
        contributions: in log order.
    """

    figure: str
    value: str
    unit: str
    base_unit: BaseUnit
    total: int
    total_text: str
    contributions: tuple[Contribution, ...]

    def to_json(self) -> bytes:
        """The explanation as JSON (fen and seconds as integers)."""
        return msgspec.json.encode(self)


# ---- the rows ------------------------------------------------------------------------------


_FUND_MONEY: tuple[tuple[str, str, str], ...] = (
    ("donations_cash", "接收捐赠资金", "cash donations"),
    ("donations_in_kind", "接收物资(折价)", "in-kind donations (value)"),
    ("sale_proceeds", "物资变卖收入", "sale proceeds"),
    ("refunds", "退款", "refunds"),
    ("spending", "支出", "spending"),
    ("transfers_net", "基金间转入净额", "transfers between funds (net)"),
    ("goods_distributed", "发放物资(折价)", "goods given out (value)"),
    ("cash_start", "年初现金余额", "cash at start of year"),
    ("cash_end", "年末现金余额", "cash at year end"),
    ("reserved_end", "年末已预留", "reserved at year end"),
    ("available_end", "年末可用", "available at year end"),
    ("in_kind_held_end", "年末库存物资(折价)", "goods held at year end (value)"),
)

_PROJECT_MONEY: tuple[tuple[str, str, str], ...] = (
    ("budget", "预算", "budget"),
    ("requested", "待批", "requested"),
    ("approved", "已批未付", "approved, not paid"),
    ("paid", "已付", "paid"),
    ("committed", "已占用", "committed"),
    ("remaining", "预算余额", "budget remaining"),
    ("income_cash", "项目收入(现金)", "income in cash"),
    ("income_in_kind", "项目收入(物资折价)", "income in kind (value)"),
    ("spending", "项目支出", "spending"),
)

_DELIVERY_COUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("cases_opened", "个案建档", "cases opened", "个"),
    ("cases_closed", "个案结案", "cases closed", "个"),
    ("cases_open_end", "年末在案个案", "cases open at year end", "个"),
    ("case_sessions", "个案服务次数", "case sessions", "次"),
    ("groups", "小组", "groups", "个"),
    ("group_sessions", "小组节数", "group sessions", "节"),
    ("group_person_times", "小组服务人次", "group person-times", "人次"),
    ("community_activities", "社区活动", "community activities", "个"),
    ("community_sessions", "社区活动场次", "community activity sessions", "次"),
    ("community_person_times", "社区活动人次", "community activity person-times", "人次"),
    ("person_times", "服务人次", "people served (person-times)", "人次"),
    ("distinct_people", "服务人数", "distinct people served", "人"),
    ("supervision_count", "督导次数", "supervision sessions", "次"),
    ("supervision_s", "督导时长(秒)", "supervision time (seconds)", "秒"),
    ("training_count", "培训次数", "training sessions", "次"),
    ("training_s", "培训时长(秒)", "training time (seconds)", "秒"),
)


def _row(section: str, figure: str, zh: str, en: str, value: object, unit: str) -> FigureRow:
    return FigureRow(
        section=section, figure=figure, label_zh=zh, label_en=en, value=str(value), unit=unit
    )


def _yuan(section: str, figure: str, zh: str, en: str, fen: int) -> FigureRow:
    return _row(section, figure, zh, en, format_yuan(fen), "元")


def figure_rows(report: AnnualReport) -> tuple[FigureRow, ...]:
    """Every figure of ``report``, one row each, the optional sections when present."""
    r = report
    rows = [
        _row("volunteers", "activities", "开展志愿服务", "activities", r.activities, "次"),
        _row("volunteers", "person_times", "服务人次", "person-times", r.person_times, "人次"),
        _row("volunteers", "volunteers", "参与志愿者", "volunteers serving", r.volunteers, "人"),
        _row("volunteers", "registered_volunteers", "注册志愿者", "registered volunteers",
             r.registered_volunteers, "人"),
        _row("volunteers", "service_s", "志愿服务时长(秒)", "service time (seconds)",
             r.service_s, "秒"),
        _row("volunteers", "service_hours", "志愿服务时长", "service hours",
             r.service_hours, "小时"),
    ]  # fmt: skip
    for o in r.other_activities:
        c = o.category
        rows += [
            _row("other_activities", f"{c}.activities", f"{c}次数", f"{c} activities",
                 o.activities, "次"),
            _row("other_activities", f"{c}.person_times", f"{c}人次", f"{c} person-times",
                 o.person_times, "人次"),
            _row("other_activities", f"{c}.volunteers", f"{c}人数", f"{c} volunteers",
                 o.volunteers, "人"),
            _row("other_activities", f"{c}.duration_s", f"{c}时长(秒)", f"{c} time (seconds)",
                 o.duration_s, "秒"),
            _row("other_activities", f"{c}.hours", f"{c}时长", f"{c} hours", o.hours, "小时"),
        ]  # fmt: skip
    rows += [
        _row("funds", "funds_opened", "成立社区基金", "funds set up", r.funds_opened, "个"),
        _row("funds", "funds_open", "年末存续基金", "funds open at year end", r.funds_open, "个"),
    ]
    for name, zh, en in _FUND_MONEY:
        rows.append(_yuan("funds", name, zh, en, getattr(r, f"{name}_fen")))
    for f in r.funds:
        for name, zh, en in _FUND_MONEY:
            rows.append(
                _yuan("funds", f"{f.fund_id}.{name}", f"{f.name} {zh}", f"{f.fund_id} {en}",
                      getattr(f, f"{name}_fen"))
            )  # fmt: skip
    if not isinstance(r.goods, msgspec.UnsetType):
        for g in r.goods:
            key = f"{g.fund_id}/{g.restriction}/{g.item}/{g.unit}"
            for name, zh, en in (
                ("opening", "期初", "opening"),
                ("received", "接收", "received"),
                ("reversed", "冲销", "reversed"),
                ("handed_out", "派发", "handed out"),
                ("sold", "变卖", "sold"),
                ("in_stock", "结存", "in stock"),
            ):
                rows.append(
                    _row("goods", f"{key}.{name}", f"{g.item}{zh}", f"{g.item} {en}",
                         getattr(g, name), g.unit)
                )  # fmt: skip
            for name, zh, en in (
                ("received_value", "接收折价", "received (value)"),
                ("reversed_value", "冲销折价", "reversed (value)"),
                ("handed_out_value", "派发折价", "handed out (value)"),
                ("sold_value", "变卖折价", "sold (value)"),
                ("in_stock_value", "结存折价", "in stock (value)"),
            ):
                rows.append(
                    _yuan("goods", f"{key}.{name}", f"{g.item}{zh}", f"{g.item} {en}",
                          getattr(g, f"{name}_fen"))
                )  # fmt: skip
    if not isinstance(r.projects, msgspec.UnsetType):
        for p in r.projects:
            pid = p.project_id
            for name, zh, en in _PROJECT_MONEY:
                rows.append(
                    _yuan("projects", f"{pid}.{name}", f"{p.name} {zh}", f"{pid} {en}",
                          getattr(p, f"{name}_fen"))
                )  # fmt: skip
            rows += [
                _row("projects", f"{pid}.gifts", f"{p.name} 捐赠笔数", f"{pid} gifts",
                     p.gifts, "笔"),
                _row("projects", f"{pid}.person_times", f"{p.name} 志愿服务人次",
                     f"{pid} volunteer person-times", p.person_times, "人次"),
                _row("projects", f"{pid}.volunteers", f"{p.name} 志愿者", f"{pid} volunteers",
                     p.volunteers, "人"),
                _row("projects", f"{pid}.service_s", f"{p.name} 志愿服务时长(秒)",
                     f"{pid} service time (seconds)", p.service_s, "秒"),
                _row("projects", f"{pid}.service_hours", f"{p.name} 志愿服务时长",
                     f"{pid} service hours", p.service_hours, "小时"),
                _row("projects", f"{pid}.people_served_times", f"{p.name} 服务人次",
                     f"{pid} people served (person-times)", p.people_served_times, "人次"),
                _row("projects", f"{pid}.people_served_distinct", f"{p.name} 服务人数",
                     f"{pid} distinct people served", p.people_served_distinct, "人"),
            ]  # fmt: skip
    if not isinstance(r.service_delivery, msgspec.UnsetType):
        d = r.service_delivery
        for name, zh, en, unit in _DELIVERY_COUNTS:
            rows.append(_row("delivery", name, zh, en, getattr(d, name), unit))
        rows += [
            _row("delivery", "supervision_hours", "督导时长", "supervision hours",
                 d.supervision_hours, "小时"),
            _row("delivery", "training_hours", "培训时长", "training hours",
                 d.training_hours, "小时"),
        ]  # fmt: skip
        for pd in d.projects:
            label = pd.project_id or "-"
            rows += [
                _row("delivery", f"projects.{label}.person_times", f"项目{label}服务人次",
                     f"project {label} person-times", pd.person_times, "人次"),
                _row("delivery", f"projects.{label}.distinct_people", f"项目{label}服务人数",
                     f"project {label} distinct people", pd.distinct_people, "人"),
            ]  # fmt: skip
    if not isinstance(r.recognition, msgspec.UnsetType):
        rec = r.recognition
        rows += [
            _row("recognition", "teams_active", "年末服务队", "teams active at year end",
                 rec.teams_active, "个"),
            _row("recognition", "teams_formed", "新成立服务队", "teams formed",
                 rec.teams_formed, "个"),
            _row("recognition", "teams_dissolved", "解散服务队", "teams dissolved",
                 rec.teams_dissolved, "个"),
            _row("recognition", "team_members", "服务队队员", "team members",
                 rec.team_members, "人"),
            _row("recognition", "stars.volunteers", "星级评定志愿者", "volunteers rated",
                 rec.stars.volunteers, "人"),
            _row("recognition", "stars.with_service", "有服务时长的志愿者",
                 "volunteers with service", rec.stars.with_service, "人"),
        ]  # fmt: skip
        for level in rec.stars.levels:
            rows.append(
                _row("recognition", f"stars.level_{level.level}", f"{level.level}星志愿者",
                     f"{level.level}-star volunteers", level.volunteers, "人")
            )  # fmt: skip
        rows += [
            _row("recognition", "awards", "表彰", "awards", rec.awards, "项"),
            _row("recognition", "awards_to_volunteers", "表彰志愿者", "awards to volunteers",
                 rec.awards_to_volunteers, "项"),
            _row("recognition", "awards_to_teams", "表彰服务队", "awards to teams",
                 rec.awards_to_teams, "项"),
            _row("recognition", "evaluations", "考核", "evaluations", rec.evaluations, "次"),
        ]  # fmt: skip
    if not isinstance(r.closed_period_corrections, msgspec.UnsetType):
        rows.append(
            _row("corrections", "closed_periods", "已关账期间的更正", "corrections to closed "
                 "periods", len(r.closed_period_corrections), "条")
        )  # fmt: skip
    return tuple(rows)


# ---- the events behind a figure -------------------------------------------------------------

LogEvents = Sequence[tuple[int, Any]]


class _Context:
    """What every explainer reads: the report, its stations, the log and the funds."""

    def __init__(self, report: AnnualReport, events: LogEvents, read: FundReader) -> None:
        self.report = report
        self.events = events
        self.read = read
        self.period = Period.year(report.year)
        if not isinstance(report.stations, msgspec.UnsetType):
            self.stations: frozenset[str] | None = frozenset(report.stations)
        elif report.station_id is not None:
            self.stations = frozenset({report.station_id})
        else:
            self.stations = None
        self._volunteers: _VolunteerLog | None = None
        self._delivery: _DeliveryLog | None = None

    @property
    def volunteers(self) -> _VolunteerLog:
        if self._volunteers is None:
            self._volunteers = _VolunteerLog(self.events)
        return self._volunteers

    @property
    def delivery(self) -> _DeliveryLog:
        if self._delivery is None:
            self._delivery = _DeliveryLog(self.events)
        return self._delivery


def _contribution(position: int, event: Any, aggregate: str, ref: str, amount: int) -> Contribution:
    return Contribution(
        position=position,
        event_type=type(event).__name__,
        occurred_on=event.occurred_on,
        aggregate=aggregate,
        ref=ref,
        amount=amount,
    )


# -- volunteers --


class _VolunteerLog:
    """The volunteer figures fold over the log, with the positions of the events it read."""

    _READS = (
        ServiceRecorded,
        ServiceApproved,
        ServiceCorrected,
        ServiceVoided,
        VolunteerRegistered,
        VolunteerJoinedTeam,
        VolunteerLeftTeam,
        VolunteerDeactivated,
        ActivityPublished,
    )

    def __init__(self, events: LogEvents) -> None:
        self.fold = VolunteerStatsProjection()
        self.record_events: dict[tuple[UUID, str], list[tuple[int, Any]]] = {}
        self.registered_at: dict[UUID, int] = {}
        for position, event in events:
            if not isinstance(event, self._READS):
                continue
            self.fold.apply(event)
            if isinstance(
                event, ServiceRecorded | ServiceApproved | ServiceCorrected | ServiceVoided
            ):
                key = (event.originator_id, event.record_id)
                self.record_events.setdefault(key, []).append((position, event))
            elif isinstance(event, VolunteerRegistered):
                self.registered_at[event.originator_id] = position

    def code(self, volunteer: UUID) -> str:
        member = self.fold.members.get(volunteer)
        return member.registered.volunteer_id if member is not None else str(volunteer)

    def recorded_at(self, key: tuple[UUID, str]) -> int:
        return next(p for p, e in self.record_events[key] if isinstance(e, ServiceRecorded))


def _volunteer_records(ctx: _Context, category: str | None) -> list[tuple[tuple[UUID, str], Any]]:
    """The counted records of the report's year and stations, in log order: of volunteer
    service (``category=None``) or of one other category, selected as ``stats`` does."""
    log = ctx.volunteers
    selected = {
        id(r)
        for r in _selected(log.fold, ctx.period, ctx.stations, None, None)
        if r.counted and (r.is_service if category is None else (
            not r.is_service and r.recorded.category == category))
    }  # fmt: skip
    return [(k, r) for k, r in log.fold.records.items() if id(r) in selected]


def _record_contribution(ctx: _Context, key: tuple[UUID, str], record: Any) -> Contribution:
    position = ctx.volunteers.recorded_at(key)
    return _contribution(
        position,
        record.recorded,
        ctx.volunteers.code(record.volunteer),
        record.recorded.record_id,
        1,
    )


def _person_times(category: str | None) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        return [_record_contribution(ctx, k, r) for k, r in _volunteer_records(ctx, category)]

    return explain


def _first_of(
    attribute: Callable[[Any], object], category: str | None
) -> Callable[[_Context], list[Contribution]]:
    """A distinct count: each activity or volunteer counts once, at its first record (an
    activity's line names the activity as its ``ref``, a volunteer's the record)."""

    def explain(ctx: _Context) -> list[Contribution]:
        seen: set[object] = set()
        out = []
        records = sorted(_volunteer_records(ctx, category),
                         key=lambda kr: ctx.volunteers.recorded_at(kr[0]))  # fmt: skip
        for key, record in records:
            value = attribute(record)
            if value not in seen:
                seen.add(value)
                line = _record_contribution(ctx, key, record)
                if isinstance(value, str):
                    line = msgspec.structs.replace(line, ref=value)
                out.append(line)
        return out

    return explain


def _seconds(category: str | None) -> Callable[[_Context], list[Contribution]]:
    """Service seconds as the fold counts them: the approval's duration, plus each
    correction's delta (a counted record was never voided). Another category's time is
    the record's current duration, listed at the event that last set it."""

    def explain(ctx: _Context) -> list[Contribution]:
        log = ctx.volunteers
        out = []
        for key, record in _volunteer_records(ctx, category):
            code = log.code(record.volunteer)
            if category is None:
                for position, event in log.record_events[key]:
                    if isinstance(event, ServiceApproved):
                        amount = event.duration_s
                    elif isinstance(event, ServiceCorrected):
                        amount = event.delta_s
                    else:
                        continue
                    out.append(_contribution(position, event, code, event.record_id, amount))
            else:
                position, event = next(
                    (p, e)
                    for p, e in reversed(log.record_events[key])
                    if getattr(e, "duration_s", None) == record.duration_s
                )
                out.append(_contribution(position, event, code, event.record_id, record.duration_s))
        return sorted(out, key=lambda c: c.position)

    return explain


def _registered(ctx: _Context) -> list[Contribution]:
    log = ctx.volunteers
    as_of = ctx.period.date_to
    out = []
    for volunteer, member in log.fold.members.items():
        if ctx.stations is not None and member.registered.station_id not in ctx.stations:
            continue
        if member.active_on(as_of):
            event = member.registered
            out.append(
                Contribution(
                    position=log.registered_at[volunteer],
                    event_type=type(event).__name__,
                    occurred_on=event.registered_on,
                    aggregate=event.volunteer_id,
                    ref="",
                    amount=1,
                )
            )
    return sorted(out, key=lambda c: c.position)


# -- funds --

# Each money figure of a fund's year: the entry kinds summed, which side (cash or booked
# in-kind value), and the sign, as ``reports.annual._fund_years`` sums them.
_YEAR_SUMS: dict[str, tuple[tuple[str, ...], Literal["cash", "in_kind"], int]] = {
    "donations_cash": (("donation", "donation_reversed"), "cash", 1),
    "donations_in_kind": (("in_kind_donation", "donation_reversed"), "in_kind", 1),
    "sale_proceeds": (("goods_sold",), "cash", 1),
    "refunds": (("refund",), "cash", -1),
    "spending": (("paid", "payment_reversed"), "cash", -1),
    "transfers_net": (("transfer_in", "transfer_out"), "cash", 1),
    "goods_distributed": (("goods_distributed",), "in_kind", -1),
}


def _fund_entries(ctx: _Context, fund_id: str | None) -> list[FundEntry]:
    out: list[FundEntry] = []
    for f in ctx.report.funds:
        if fund_id is not None and f.fund_id != fund_id:
            continue
        history = fund_history(ctx.read(f.fund_id))
        if history is not None:
            out += history.entries
    return out


def _entry_contribution(entry: FundEntry, amount: int) -> Contribution:
    return Contribution(
        position=entry.position,
        event_type=_ENTRY_EVENT[entry.kind],
        occurred_on=entry.occurred_on,
        aggregate=entry.fund_id,
        ref=entry.ref,
        amount=amount,
    )


# A statement entry's kind -> the name of its event's class.
_ENTRY_EVENT = {kind: cls.__name__ for cls, kind in ENTRY_KINDS.items()}


def _fund_money(name: str, fund_id: str | None) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        start, end = ctx.period.date_from, ctx.period.date_to
        entries = _fund_entries(ctx, fund_id)
        amount: Callable[[FundEntry], int]
        if name in _YEAR_SUMS:
            kinds, side, sign = _YEAR_SUMS[name]
            if side == "cash":
                amount = lambda e: sign * e.cash_fen  # noqa: E731
            else:
                amount = lambda e: sign * e.in_kind_fen  # noqa: E731
            chosen = [e for e in entries if e.kind in kinds and start <= e.occurred_on <= end]
        else:
            day = start - dt.timedelta(days=1) if name == "cash_start" else end
            chosen = [e for e in entries if e.occurred_on <= day]
            if name in ("cash_start", "cash_end"):
                amount = lambda e: e.cash_fen  # noqa: E731
            elif name == "reserved_end":
                amount = lambda e: e.reserved_fen  # noqa: E731
            elif name == "available_end":
                amount = lambda e: e.cash_fen - e.reserved_fen  # noqa: E731
            else:  # in_kind_held_end
                amount = lambda e: e.in_kind_fen  # noqa: E731
        out = [_entry_contribution(e, amount(e)) for e in chosen]
        return sorted((c for c in out if c.amount), key=lambda c: c.position)

    return explain


def _funds_count(opened_only: bool) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        end = ctx.period.date_to
        out = []
        for f in ctx.report.funds:
            if opened_only:
                if f.opened_on.year != ctx.report.year:
                    continue
            elif not (f.opened_on <= end and (f.closed_on is None or f.closed_on > end)):
                continue
            position, event = ctx.read(f.fund_id)[0]
            out.append(_contribution(position, event, f.fund_id, "", 1))
        return sorted(out, key=lambda c: c.position)

    return explain


# -- projects --


def _project_money(project_id: str, name: str) -> Callable[[_Context], list[Contribution]]:
    """A project's spending (its requests paid, at their last payment) and income (its
    gifts, less their refunds and reversals), as ``reports.projects`` counts them."""

    def explain(ctx: _Context) -> list[Contribution]:
        assert not isinstance(ctx.report.projects, msgspec.UnsetType)
        project = next(p for p in ctx.report.projects if p.project_id == project_id)
        out: list[Contribution] = []
        for fund_id in project.fund_ids:
            events = ctx.read(fund_id)
            status: dict[str, tuple[str, int, int, Any]] = {}
            named: set[str] = set()
            for position, e in events:
                match e:
                    case DisbursementRequested() if e.project_id == project_id:
                        status[e.request_id] = ("requested", e.amount_fen, position, e)
                    case DisbursementPaid() if e.request_id in status:
                        status[e.request_id] = ("paid", status[e.request_id][1], position, e)
                    case PaymentReversed() if e.request_id in status:
                        status[e.request_id] = ("approved", status[e.request_id][1], position, e)
                    case DisbursementRejected() | DisbursementCancelled() if e.request_id in status:
                        status[e.request_id] = ("ended", status[e.request_id][1], position, e)
                    case CashDonationReceived() if e.project_id == project_id:
                        named.add(e.receipt_no)
                        if name == "income_cash":
                            out.append(_contribution(position, e, fund_id, e.receipt_no,
                                                     e.amount_fen))  # fmt: skip
                    case InKindDonationReceived() if e.project_id == project_id:
                        named.add(e.receipt_no)
                        if name == "income_in_kind":
                            value = sum(g.value_fen or 0 for g in e.items)
                            out.append(_contribution(position, e, fund_id, e.receipt_no, value))
                    case DonationRefunded() if e.receipt_no in named and name == "income_cash":
                        out.append(_contribution(position, e, fund_id, e.refund_id,
                                                 -e.amount_fen))  # fmt: skip
                    case DonationReversed() if e.receipt_no in named:
                        if name == "income_cash":
                            amount = -e.amount_fen
                        else:
                            amount = -sum(g.value_fen or 0 for g in e.items)
                        if name in ("income_cash", "income_in_kind"):
                            out.append(_contribution(position, e, fund_id, e.correction_id,
                                                     amount))  # fmt: skip
            if name == "spending":
                for request_id, (state, amount_fen, position, e) in status.items():
                    if state == "paid":
                        out.append(_contribution(position, e, fund_id, request_id, amount_fen))
        return sorted((c for c in out if c.amount), key=lambda c: c.position)

    return explain


# -- service delivery --


class _DeliveryLog:
    """The service delivery fold over the log, with the position of each row it made."""

    def __init__(self, events: LogEvents) -> None:
        self.fold = DeliveryFold()
        self.session_events: list[tuple[int, Any]] = []
        self.supervision_events: list[tuple[int, Any]] = []
        self.case_events: list[tuple[int, Any]] = []
        for position, event in events:
            if not isinstance(event, DeliveryEvent):
                continue
            sessions, supervision = len(self.fold.sessions), len(self.fold.supervision)
            self.fold.apply(event)
            if len(self.fold.sessions) > sessions:
                self.session_events.append((position, event))
            if len(self.fold.supervision) > supervision:
                self.supervision_events.append((position, event))
            if isinstance(event, CaseOpened | CaseClosed):
                self.case_events.append((position, event))


def _mine(ctx: _Context, station_id: str) -> bool:
    return ctx.stations is None or station_id in ctx.stations


def _sessions(ctx: _Context, kind: str | None) -> list[tuple[int, Any, Any]]:
    """The sessions the delivery report counts: dated in the year, at its stations."""
    log = ctx.delivery
    start, end = ctx.period.date_from, ctx.period.date_to
    return [
        (position, event, row)
        for (position, event), row in zip(log.session_events, log.fold.sessions, strict=True)
        if start <= row.on <= end and _mine(ctx, row.station_id) and kind in (None, row.kind)
    ]


def _session_ref(event: Any) -> str:
    return str(event.session_id)


def _delivery_sessions(
    kind: str | None, what: Literal["sessions", "person_times", "owners"]
) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        out = []
        seen: set[tuple[str, str]] = set()
        for position, event, row in _sessions(ctx, kind):
            if what == "owners":
                if (row.station_id, row.owner) in seen:
                    continue
                seen.add((row.station_id, row.owner))
            amount = row.person_times if what == "person_times" else 1
            out.append(_contribution(position, event, row.owner, _session_ref(event), amount))
        return out

    return explain


def _distinct_people(ctx: _Context) -> list[Contribution]:
    """Each served reference once, at the first session of the year naming it: the
    reference (a random key id) is the contribution's ``ref``, never an identifier."""
    out = []
    seen: set[str] = set()
    for position, event, row in _sessions(ctx, None):
        for ref in row.refs:
            if ref not in seen:
                seen.add(ref)
                out.append(_contribution(position, event, row.owner, ref, 1))
    return out


def _cases(
    which: Literal["opened", "closed", "open_end"],
) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        start, end = ctx.period.date_from, ctx.period.date_to
        log = ctx.delivery
        opened: dict[tuple[str, str], tuple[int, Any]] = {}
        out = []
        for position, event in log.case_events:
            if not _mine(ctx, event.station_id):
                continue
            key = (event.station_id, event.case_id)
            if isinstance(event, CaseOpened):
                opened[key] = (position, event)
        for key, case in log.fold.cases.items():
            if key not in opened:
                continue
            position, event = opened[key]
            if which == "opened":
                if start <= case.opened_on <= end:
                    out.append(_contribution(position, event, case.case_id, "", 1))
            elif which == "closed":
                if case.closed_on is not None and start <= case.closed_on <= end:
                    closing = [
                        (p, e)
                        for p, e in log.case_events
                        if isinstance(e, CaseClosed) and (e.station_id, e.case_id) == key
                    ][-1]
                    out.append(_contribution(closing[0], closing[1], case.case_id, "", 1))
            elif case.opened_on <= end and (case.closed_on is None or case.closed_on > end):
                out.append(_contribution(position, event, case.case_id, "", 1))
        return sorted(out, key=lambda c: c.position)

    return explain


def _supervision(
    kind: str, what: Literal["count", "s"]
) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        start, end = ctx.period.date_from, ctx.period.date_to
        log = ctx.delivery
        out = []
        for (position, event), row in zip(
            log.supervision_events, log.fold.supervision, strict=True
        ):
            if row.kind == kind and start <= row.on <= end and _mine(ctx, row.station_id):
                amount = row.sessions if what == "count" else row.duration_s
                out.append(_contribution(position, event, event.record_id, "", amount))
        return out

    return explain


# -- the table of explainers --

Explainer = Callable[[_Context], list[Contribution]]


def _explainers(report: AnnualReport) -> dict[str, tuple[Explainer, BaseUnit]]:
    table: dict[str, tuple[Explainer, BaseUnit]] = {
        "volunteers.activities": (_first_of(lambda r: r.recorded.activity_id, None), "count"),
        "volunteers.person_times": (_person_times(None), "count"),
        "volunteers.volunteers": (_first_of(lambda r: r.volunteer, None), "count"),
        "volunteers.registered_volunteers": (_registered, "count"),
        "volunteers.service_s": (_seconds(None), "s"),
        "volunteers.service_hours": (_seconds(None), "s"),
        "funds.funds_opened": (_funds_count(True), "count"),
        "funds.funds_open": (_funds_count(False), "count"),
    }
    for o in report.other_activities:
        c = o.category
        table[f"other_activities.{c}.activities"] = (
            _first_of(lambda r: r.recorded.activity_id, c), "count")  # fmt: skip
        table[f"other_activities.{c}.person_times"] = (_person_times(c), "count")
        table[f"other_activities.{c}.volunteers"] = (_first_of(lambda r: r.volunteer, c), "count")
        table[f"other_activities.{c}.duration_s"] = (_seconds(c), "s")
        table[f"other_activities.{c}.hours"] = (_seconds(c), "s")
    for name, _, _ in _FUND_MONEY:
        table[f"funds.{name}"] = (_fund_money(name, None), "fen")
        for f in report.funds:
            table[f"funds.{f.fund_id}.{name}"] = (_fund_money(name, f.fund_id), "fen")
    if not isinstance(report.projects, msgspec.UnsetType):
        for p in report.projects:
            for name in ("spending", "income_cash", "income_in_kind"):
                table[f"projects.{p.project_id}.{name}"] = (
                    _project_money(p.project_id, name), "fen")  # fmt: skip
    if not isinstance(report.service_delivery, msgspec.UnsetType):
        table.update(
            {
                "delivery.cases_opened": (_cases("opened"), "count"),
                "delivery.cases_closed": (_cases("closed"), "count"),
                "delivery.cases_open_end": (_cases("open_end"), "count"),
                "delivery.case_sessions": (_delivery_sessions("case", "sessions"), "count"),
                "delivery.groups": (_delivery_sessions("group", "owners"), "count"),
                "delivery.group_sessions": (_delivery_sessions("group", "sessions"), "count"),
                "delivery.group_person_times": (
                    _delivery_sessions("group", "person_times"), "count"),
                "delivery.community_activities": (
                    _delivery_sessions("community", "owners"), "count"),
                "delivery.community_sessions": (
                    _delivery_sessions("community", "sessions"), "count"),
                "delivery.community_person_times": (
                    _delivery_sessions("community", "person_times"), "count"),
                "delivery.person_times": (_delivery_sessions(None, "person_times"), "count"),
                "delivery.distinct_people": (_distinct_people, "count"),
                "delivery.supervision_count": (_supervision("supervision", "count"), "count"),
                "delivery.supervision_s": (_supervision("supervision", "s"), "s"),
                "delivery.supervision_hours": (_supervision("supervision", "s"), "s"),
                "delivery.training_count": (_supervision("training", "count"), "count"),
                "delivery.training_s": (_supervision("training", "s"), "s"),
                "delivery.training_hours": (_supervision("training", "s"), "s"),
            }
        )  # fmt: skip
    return table


def explainable(report: AnnualReport) -> tuple[str, ...]:
    """The names of the figures of ``report`` that ``explain`` explains, in CSV order."""
    table = _explainers(report)
    return tuple(row.name for row in figure_rows(report) if row.name in table)


def _text(total: int, base_unit: BaseUnit, unit: str) -> str:
    if base_unit == "fen":
        return format_yuan(total)
    if unit == "小时":
        return str(hours_2dp(total))
    return str(total)


def explain(
    report: AnnualReport, figure: str, events: Iterable[tuple[int, Any]], read: FundReader
) -> Explanation:
    """The events behind ``figure`` (a ``FigureRow.name``) of ``report``.

    Args:
        report: the annual report, made from the log up to its anchor's position.
        events: ``(position, event)`` of the same log up to the same position, in order.
        read: a fund's events from the same log, with their positions.

    Raises:
        InvalidInput: ``figure`` is not a figure of the report that can be explained
            (the message names those that can).
    """
    table = _explainers(report)
    rows = {row.name: row for row in figure_rows(report)}
    if figure not in table or figure not in rows:
        names = ", ".join(n for n in rows if n in table)
        raise InvalidInput([("figure", f"{figure!r} is not one of: {names}")])
    explainer, base_unit = table[figure]
    ctx = _Context(report, list(events), read)
    contributions = tuple(explainer(ctx))
    total = sum(c.amount for c in contributions)
    row = rows[figure]
    return Explanation(
        figure=figure,
        value=row.value,
        unit=row.unit,
        base_unit=base_unit,
        total=total,
        total_text=_text(total, base_unit, row.unit),
        contributions=contributions,
    )
