"""Every figure of the annual report as a named row, and the events behind each one.

``figure_rows`` lists the figures of an ``AnnualReport`` one per row (``section``,
``figure``, Chinese and English labels, the value as text and its unit), the rows the
report's CSV holds; a figure's name is ``section.figure`` (``volunteers.person_times``,
``funds.donations_cash``, ``projects.XM-01.spending``).

``explain`` answers "which events make this figure?": for each event that contributes,
its log position, type, business date, the aggregate's code (fund, volunteer, case...)
and its signed contribution in the figure's base unit (fen, seconds or a count: of
events, people, or goods in a goods line's own unit), then the total, which equals the
figure. Every row of ``figure_rows`` can be explained (``explainable``).

The definitions are the reports' own: the volunteer figures fold
(``projections.volunteer_stats``), the service delivery fold (``projections.delivery``)
and the recognition fold (``projections.recognition``) are folded again over the same
log, noting the position of each event they read, and the reports' own selections
(``reports.volunteers._selected``, the delivery and recognition reports' date and
station tests, ``domain.stars.star_level``) pick the records; a fund's figures are its
statement entries (``projections.fund_log``), selected by kind and date exactly as the
annual report sums them; a goods line's are the goods events the register and the stock
fold read (``reports.goods``); a project's follow ``reports.projects``' fold of its
events and its funds' requests and gifts. A served person appears only by reference,
never by name.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal
from uuid import UUID

import msgspec

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.events import (
    ActivityPublished,
    AwardGranted,
    BudgetLineAmended,
    CaseClosed,
    CaseOpened,
    CashDonationReceived,
    ClosedPeriodCorrected,
    DeliveryEvent,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    EvaluationRecorded,
    GoodsDistributed,
    InKindDonationReceived,
    PaymentReversed,
    ProjectOpened,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    TeamDissolved,
    TeamFormed,
    TeamMemberJoined,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerRegistered,
)
from sgz_ledger.domain.messages import term
from sgz_ledger.domain.money import format_yuan, hours_2dp
from sgz_ledger.domain.stars import star_level
from sgz_ledger.projections.delivery import DeliveryFold
from sgz_ledger.projections.fund_log import ENTRY_KINDS, FundEntry, FundReader, fund_history
from sgz_ledger.projections.recognition import RecognitionProjection, TeamState
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.goods import _GOODS, GoodsLineRow
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
        unit: 次, 人次, 人, 秒, 小时, 元, 个, 节, 笔, 项, 条, or a goods line's own unit (箱,
            袋...).
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
        base_unit: ``fen``, ``s`` or ``count``: the unit of the contributions (a count of
            goods is in ``unit``, the goods line's own).
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

_LINE_MONEY: tuple[tuple[str, str, str], ...] = (
    ("budgeted", "原预算", "budget as opened"),
    ("amended", "预算调整", "amendments"),
    ("budget", "预算", "budget"),
    ("requested", "待批", "requested"),
    ("approved", "已批未付", "approved, not paid"),
    ("paid", "已付", "paid"),
    ("committed", "已占用", "committed"),
    ("remaining", "预算余额", "budget remaining"),
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
        zh = term(c, "zh")  # 培训 for training: the category's own word
        rows += [
            _row("other_activities", f"{c}.activities", f"{zh}次数", f"{c} activities",
                 o.activities, "次"),
            _row("other_activities", f"{c}.person_times", f"{zh}人次", f"{c} person-times",
                 o.person_times, "人次"),
            _row("other_activities", f"{c}.volunteers", f"{zh}人数", f"{c} volunteers",
                 o.volunteers, "人"),
            _row("other_activities", f"{c}.duration_s", f"{zh}时长(秒)", f"{c} time (seconds)",
                 o.duration_s, "秒"),
            _row("other_activities", f"{c}.hours", f"{zh}时长", f"{c} hours", o.hours, "小时"),
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
            # Labelled by fund and purpose too: two funds' rice are two lines.
            line_zh = f"{g.fund_id} {g.restriction or '非限定'}: {g.item}"
            line_en = f"{g.fund_id} {g.restriction or 'unrestricted'}: {g.item}"
            for name, zh, en in (
                ("opening", "期初", "opening"),
                ("received", "接收", "received"),
                ("reversed", "冲销", "reversed"),
                ("handed_out", "派发", "handed out"),
                ("sold", "变卖", "sold"),
                ("in_stock", "结存", "in stock"),
            ):
                rows.append(
                    _row("goods", f"{key}.{name}", f"{line_zh}{zh}", f"{line_en} {en}",
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
                    _yuan("goods", f"{key}.{name}", f"{line_zh}{zh}", f"{line_en} {en}",
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
            for line in p.lines:
                for name, zh, en in _LINE_MONEY:
                    rows.append(
                        _yuan("projects", f"{pid}.lines.{line.code}.{name}",
                              f"{p.name} {line.name} {zh}", f"{pid} line {line.code} {en}",
                              getattr(line, f"{name}_fen"))
                    )  # fmt: skip
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
        for t in rec.teams:
            team = f"teams.{t.team_id}"
            rows += [
                _row("recognition", f"{team}.members", f"{t.name} 年末队员",
                     f"{t.team_id} members at year end", len(t.members), "人"),
                _row("recognition", f"{team}.member_service_s", f"{t.name} 队员服务时长(秒)",
                     f"{t.team_id} members' service (seconds)", t.member_service_s, "秒"),
                _row("recognition", f"{team}.member_service_hours", f"{t.name} 队员服务时长",
                     f"{t.team_id} members' service hours", t.member_service_hours, "小时"),
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
        self._recognition: _RecognitionLog | None = None

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

    @property
    def recognition(self) -> _RecognitionLog:
        if self._recognition is None:
            self._recognition = _RecognitionLog(self.events)
        return self._recognition


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


def _service_seconds(
    ctx: _Context, records: list[tuple[tuple[UUID, str], Any]]
) -> list[Contribution]:
    """Service seconds as the fold counts them: the approval's duration, plus each
    correction's delta (a counted record was never voided)."""
    log = ctx.volunteers
    out = []
    for key, record in records:
        code = log.code(record.volunteer)
        for position, event in log.record_events[key]:
            if isinstance(event, ServiceApproved):
                amount = event.duration_s
            elif isinstance(event, ServiceCorrected):
                amount = event.delta_s
            else:
                continue
            out.append(_contribution(position, event, code, event.record_id, amount))
    return sorted(out, key=lambda c: c.position)


def _seconds(category: str | None) -> Callable[[_Context], list[Contribution]]:
    """Service seconds (``_service_seconds``); another category's time is the record's
    current duration, listed at the event that last set it."""

    def explain(ctx: _Context) -> list[Contribution]:
        records = _volunteer_records(ctx, category)
        if category is None:
            return _service_seconds(ctx, records)
        log = ctx.volunteers
        out = []
        for key, record in records:
            position, event = next(
                (p, e)
                for p, e in reversed(log.record_events[key])
                if getattr(e, "duration_s", None) == record.duration_s
            )
            code = log.code(record.volunteer)
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
            registered = member.registered
            out.append(
                Contribution(
                    position=log.registered_at[volunteer],
                    event_type=type(registered).__name__,
                    occurred_on=registered.registered_on,
                    aggregate=registered.volunteer_id,
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


class _ProjectRequest:
    """A disbursement request naming the project, with the event that set its state."""

    __slots__ = ("amount_fen", "at", "fund_id", "line", "request_id", "status")

    def __init__(self, fund_id: str, position: int, event: DisbursementRequested) -> None:
        self.fund_id = fund_id
        self.request_id = event.request_id
        self.amount_fen = event.amount_fen
        self.line = event.budget_line
        self.status = "requested"
        self.at: tuple[int, Any] = (position, event)


class _ProjectLog:
    """One project as ``reports.projects`` folds it (its events, its funds' requests and
    gifts), with the position of each event that set a figure."""

    def __init__(self, ctx: _Context, project_id: str) -> None:
        self.opened: tuple[int, ProjectOpened] | None = None
        self.amendments: list[tuple[int, BudgetLineAmended]] = []
        for position, event in ctx.events:
            if isinstance(event, ProjectOpened) and event.project_id == project_id:
                self.opened = (position, event)
            elif isinstance(event, BudgetLineAmended) and event.project_id == project_id:
                self.amendments.append((position, event))
        codes = set() if self.opened is None else {line.code for line in self.opened[1].lines}
        self.requests: list[_ProjectRequest] = []
        # (position, event, fund, ref, cash fen, in-kind fen, gifts): signed.
        self.income: list[tuple[int, Any, str, str, int, int, int]] = []
        funds = () if self.opened is None else self.opened[1].fund_ids
        for fund_id in funds:
            by_id: dict[str, _ProjectRequest] = {}
            named: set[str] = set()
            for position, e in ctx.read(fund_id):
                match e:
                    case DisbursementRequested() if e.project_id == project_id:
                        by_id[e.request_id] = request = _ProjectRequest(fund_id, position, e)
                        self.requests.append(request)
                    case DisbursementApproved() if e.request_id in by_id and e.reserved_fen:
                        self._set(by_id[e.request_id], "approved", position, e)
                    case DisbursementPaid() if e.request_id in by_id:
                        self._set(by_id[e.request_id], "paid", position, e)
                    case PaymentReversed() if e.request_id in by_id:
                        self._set(by_id[e.request_id], "approved", position, e)
                    case DisbursementRejected() | DisbursementCancelled() if e.request_id in by_id:
                        self._set(by_id[e.request_id], "ended", position, e)
                    case CashDonationReceived() if e.project_id == project_id:
                        named.add(e.receipt_no)
                        self.income.append((position, e, fund_id, e.receipt_no, e.amount_fen, 0, 1))
                    case InKindDonationReceived() if e.project_id == project_id:
                        named.add(e.receipt_no)
                        value = sum(g.value_fen or 0 for g in e.items)
                        self.income.append((position, e, fund_id, e.receipt_no, 0, value, 1))
                    case DonationRefunded() if e.receipt_no in named:
                        self.income.append((position, e, fund_id, e.refund_id, -e.amount_fen, 0, 0))
                    case DonationReversed() if e.receipt_no in named:
                        value = sum(g.value_fen or 0 for g in e.items)
                        self.income.append(
                            (position, e, fund_id, e.correction_id, -e.amount_fen, -value, -1)
                        )
        # The report sums the requests on the project's own budget lines.
        self.requests = [r for r in self.requests if r.line in codes]

    @staticmethod
    def _set(request: _ProjectRequest, status: str, position: int, event: Any) -> None:
        request.status = status
        request.at = (position, event)


# A project's money figures over its requests: the states each sums.
_PROJECT_STATES = {
    "requested": ("requested",),
    "approved": ("approved",),
    "paid": ("paid",),
    "spending": ("paid",),
    "committed": ("requested", "approved", "paid"),
}


def _project_budget(
    log: _ProjectLog, project_id: str, line: str | None, opened: bool, amended: bool
) -> list[Contribution]:
    """The budget of the project (or of its ``line``): as opened, and each amendment's
    change."""
    out = []
    if log.opened is not None and opened:
        position, event = log.opened
        amount = sum(b.amount_fen for b in event.lines if line in (None, b.code))
        out.append(_contribution(position, event, project_id, line or "", amount))
    for position, a in log.amendments:
        if amended and line in (None, a.line_code):
            out.append(_contribution(position, a, project_id, a.amendment_id, a.delta_fen))
    return out


def _project_money(
    project_id: str, name: str, line: str | None = None
) -> Callable[[_Context], list[Contribution]]:
    """A project's (or one budget line's) money figures as ``reports.projects`` counts
    them, to date: its budget (as opened, then each amendment's change); its requests on
    its lines by state, each at the event that set that state (a request paid: at its
    payment); ``remaining`` the budget less what is committed; its income (its gifts, less
    their refunds and reversals)."""

    def explain(ctx: _Context) -> list[Contribution]:
        log = _ProjectLog(ctx, project_id)
        out: list[Contribution] = []
        if name in ("budgeted", "amended", "budget", "remaining"):
            out += _project_budget(log, project_id, line, name != "amended", name != "budgeted")
        if name in _PROJECT_STATES or name == "remaining":
            states = _PROJECT_STATES.get(name, _PROJECT_STATES["committed"])
            sign = -1 if name == "remaining" else 1
            for r in log.requests:
                if r.status in states and line in (None, r.line):
                    position, event = r.at
                    out.append(
                        _contribution(position, event, r.fund_id, r.request_id,
                                      sign * r.amount_fen)
                    )  # fmt: skip
        if name in ("income_cash", "income_in_kind"):
            for position, e, fund_id, ref, cash, in_kind, _ in log.income:
                amount = cash if name == "income_cash" else in_kind
                out.append(_contribution(position, e, fund_id, ref, amount))
        return sorted((c for c in out if c.amount), key=lambda c: c.position)

    return explain


def _project_gifts(project_id: str) -> Callable[[_Context], list[Contribution]]:
    """Each gift naming the project counts one, and a reversal of one takes it back."""

    def explain(ctx: _Context) -> list[Contribution]:
        log = _ProjectLog(ctx, project_id)
        return [
            _contribution(position, e, fund_id, ref, gifts)
            for position, e, fund_id, ref, _, _, gifts in log.income
            if gifts
        ]

    return explain


def _project_records(ctx: _Context, project_id: str) -> list[tuple[tuple[UUID, str], Any]]:
    """The service records the project's figures count: naming it, counted, volunteer
    service, whatever their date (a project's figures are to date)."""
    return [
        (k, r)
        for k, r in ctx.volunteers.fold.records.items()
        if r.recorded.project_id == project_id and r.counted and r.is_service
    ]


def _project_service(
    project_id: str, what: Literal["person_times", "volunteers", "s"]
) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        records = _project_records(ctx, project_id)
        if what == "s":
            return _service_seconds(ctx, records)
        out = []
        seen: set[UUID] = set()
        for key, record in sorted(records, key=lambda kr: ctx.volunteers.recorded_at(kr[0])):
            if what == "volunteers":
                if record.volunteer in seen:
                    continue
                seen.add(record.volunteer)
            out.append(_record_contribution(ctx, key, record))
        return out

    return explain


def _project_served(project_id: str, distinct: bool) -> Callable[[_Context], list[Contribution]]:
    """The people the project's services reached, ever, at any station: the sessions
    naming it, as the projects report counts them (``reports.delivery``)."""

    def explain(ctx: _Context) -> list[Contribution]:
        log = ctx.delivery
        rows = [
            (position, event, row)
            for (position, event), row in zip(log.session_events, log.fold.sessions, strict=True)
            if row.project_id == project_id
        ]
        return _served(rows, distinct)

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


def _served(rows: list[tuple[int, Any, Any]], distinct: bool) -> list[Contribution]:
    """人次 (each session's count), or distinct people: each served reference once, at
    the first session naming it. The reference (a random key id) is the contribution's
    ``ref``, never an identifier."""
    out = []
    seen: set[str] = set()
    for position, event, row in rows:
        if not distinct:
            out.append(_contribution(position, event, row.owner, _session_ref(event),
                                     row.person_times))  # fmt: skip
            continue
        for ref in row.refs:
            if ref not in seen:
                seen.add(ref)
                out.append(_contribution(position, event, row.owner, ref, 1))
    return [c for c in out if c.amount]


def _distinct_people(ctx: _Context) -> list[Contribution]:
    return _served(_sessions(ctx, None), True)


def _delivery_project(project_id: str, distinct: bool) -> Callable[[_Context], list[Contribution]]:
    """A project's line of the year's delivery (``""``: work charged to no project)."""

    def explain(ctx: _Context) -> list[Contribution]:
        rows = [(p, e, row) for p, e, row in _sessions(ctx, None) if row.project_id == project_id]
        return _served(rows, distinct)

    return explain


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


# -- goods in units --

# A goods figure: the movements it sums (their sign in the stock), the dates it reads
# ("year": dated in the year; "before": before it; "to_end": up to its end), and whether it
# sums quantities or booked values.
_GOODS_FIGURES: dict[str, tuple[tuple[str, ...], Literal["year", "before", "to_end"], bool]] = {
    "opening": (("received", "reversed", "handed_out", "sold"), "before", False),
    "received": (("received",), "year", False),
    "reversed": (("reversed",), "year", False),
    "handed_out": (("handed_out",), "year", False),
    "sold": (("sold",), "year", False),
    "in_stock": (("received", "reversed", "handed_out", "sold"), "to_end", False),
    "received_value": (("received",), "year", True),
    "reversed_value": (("reversed",), "year", True),
    "handed_out_value": (("handed_out",), "year", True),
    "sold_value": (("sold",), "year", True),
    "in_stock_value": (("received", "reversed", "handed_out", "sold"), "to_end", True),
}


def _goods_moves(
    events: Iterable[tuple[int, Any]], line: GoodsLineRow
) -> list[tuple[int, Any, str, str, int, int]]:
    """The fund's events that moved the line's goods (item, unit and purpose), as the
    register and the stock fold read them: ``(position, event, movement, ref, quantity,
    value)``, quantities and values positive. A distribution is any ``GoodsDistributed``,
    a time-bank redemption in goods's included."""
    out: list[tuple[int, Any, str, str, int, int]] = []
    for position, e in events:
        if not isinstance(e, _GOODS):
            continue
        if isinstance(e, InKindDonationReceived | DonationReversed):
            goods = [
                g for g in e.items if (g.item, g.unit, e.restriction) == (line.item, line.unit,
                                                                          line.restriction)
            ]  # fmt: skip
            if not goods:
                continue
            if isinstance(e, InKindDonationReceived):
                kind, ref = "received", e.receipt_no
            else:
                kind, ref = "reversed", e.correction_id
            quantity = sum(g.quantity for g in goods)
            out.append((position, e, kind, ref, quantity, sum(g.value_fen or 0 for g in goods)))
        elif (e.item, e.unit, e.restriction) == (line.item, line.unit, line.restriction):
            if isinstance(e, GoodsDistributed):
                out.append((position, e, "handed_out", e.distribution_id, e.quantity,
                            e.value_fen))  # fmt: skip
            else:
                out.append((position, e, "sold", e.sale_id, e.quantity, e.value_fen))
    return out


def _goods(line: GoodsLineRow, name: str) -> Callable[[_Context], list[Contribution]]:
    """A goods line's figure: the movements of the year (in the line's unit, or their
    booked value), or the stock before or at the year's end as every movement dated by
    then, goods received counting in and every other movement out."""

    def explain(ctx: _Context) -> list[Contribution]:
        kinds, dates, value = _GOODS_FIGURES[name]
        start, end = ctx.period.date_from, ctx.period.date_to
        out = []
        for position, e, kind, ref, quantity, value_fen in _goods_moves(
            ctx.read(line.fund_id), line
        ):
            day = e.occurred_on
            if kind not in kinds:
                continue
            if dates == "year" and not start <= day <= end:
                continue
            if (dates == "before" and day >= start) or (dates == "to_end" and day > end):
                continue
            sign = 1 if dates == "year" or kind == "received" else -1
            amount = sign * (value_fen if value else quantity)
            if amount:
                out.append(_contribution(position, e, line.fund_id, ref, amount))
        return out

    return explain


# -- recognition --


class _RecognitionLog:
    """The recognition fold over the log, with the positions of the events it read."""

    def __init__(self, events: LogEvents) -> None:
        self.fold = RecognitionProjection()
        self.formed: dict[str, tuple[int, Any]] = {}
        self.dissolved: dict[str, tuple[int, Any]] = {}
        self.joined: dict[tuple[str, str], list[tuple[int, Any]]] = {}
        self.awards: list[int] = []
        self.evaluations: list[int] = []
        for position, event in events:
            if type(event) not in RecognitionProjection.reads:
                continue
            self.fold.apply(event)
            match event:
                case TeamFormed():
                    self.formed[event.team_id] = (position, event)
                case TeamDissolved():
                    self.dissolved[event.team_id] = (position, event)
                case TeamMemberJoined():
                    key = (event.team_id, event.volunteer_id)
                    self.joined.setdefault(key, []).append((position, event))
                case AwardGranted():
                    self.awards.append(position)
                case EvaluationRecorded():
                    self.evaluations.append(position)


def _teams(ctx: _Context) -> list[TeamState]:
    """The teams the report lists: of its stations, existing at some time in the year."""
    start, end = ctx.period.date_from, ctx.period.date_to
    return [
        t
        for _, t in sorted(ctx.recognition.fold.teams.items())
        if _mine(ctx, t.formed.station_id)
        and t.formed_on <= end
        and (t.dissolved_on is None or t.dissolved_on >= start)
    ]


def _team_count(
    which: Literal["active", "formed", "dissolved"],
) -> Callable[[_Context], list[Contribution]]:
    def explain(ctx: _Context) -> list[Contribution]:
        start, end = ctx.period.date_from, ctx.period.date_to
        log = ctx.recognition
        out = []
        for t in _teams(ctx):
            team_id = t.formed.team_id
            formed_in_year = start <= t.formed_on <= end
            if (which == "active" and t.active_on(end)) or (which == "formed" and formed_in_year):
                position, event = log.formed[team_id]
            elif (
                which == "dissolved"
                and t.dissolved_on is not None
                and (start <= t.dissolved_on <= end)
            ):
                position, event = log.dissolved[team_id]
            else:
                continue
            out.append(_contribution(position, event, team_id, "", 1))
        return sorted(out, key=lambda c: c.position)

    return explain


def _joining(ctx: _Context, team: TeamState, volunteer_id: str, day: dt.date) -> Contribution:
    """The joining of ``team`` that made ``volunteer_id`` a member on ``day``."""
    joined_on = team.joined_for(volunteer_id, day)
    team_id = team.formed.team_id
    position, event = [
        (p, e)
        for p, e in ctx.recognition.joined[(team_id, volunteer_id)]
        if e.occurred_on == joined_on
    ][-1]
    return _contribution(position, event, team_id, volunteer_id, 1)


def _team_members(ctx: _Context) -> list[Contribution]:
    """Each volunteer in an active team at the year's end once, at the joining that made
    them a member that day (of the first such team by code)."""
    end = ctx.period.date_to
    seen: set[str] = set()
    out = []
    for t in _teams(ctx):
        if not t.active_on(end):
            continue
        for volunteer_id in t.members_on(end):
            if volunteer_id not in seen:
                seen.add(volunteer_id)
                out.append(_joining(ctx, t, volunteer_id, end))
    return sorted(out, key=lambda c: c.position)


def _team(team_id: str, what: Literal["members", "s"]) -> Callable[[_Context], list[Contribution]]:
    """One team's members at the year's end (each at their joining), or its members'
    service: the counted service records of the year dated on days their volunteer was a
    member (members who left included), at their approvals and corrections."""

    def explain(ctx: _Context) -> list[Contribution]:
        team = ctx.recognition.fold.teams[team_id]
        start, end = ctx.period.date_from, ctx.period.date_to
        if what == "members":
            members = [_joining(ctx, team, v, end) for v in team.members_on(end)]
            return sorted(members, key=lambda c: c.position)
        log = ctx.volunteers
        records = [
            (key, r)
            for key, r in log.fold.records.items()
            if r.counted
            and r.is_service
            and start <= r.recorded.service_date <= end
            and team.is_member_on(log.code(r.volunteer), r.recorded.service_date)
        ]
        return _service_seconds(ctx, records)

    return explain


def _recognition_dated(
    what: Literal["awards", "volunteer", "team", "evaluations"],
) -> Callable[[_Context], list[Contribution]]:
    """Awards (all, or to volunteers or teams) and evaluations dated in the year."""

    def explain(ctx: _Context) -> list[Contribution]:
        start, end = ctx.period.date_from, ctx.period.date_to
        log = ctx.recognition
        out = []
        if what == "evaluations":
            for position, ev in zip(log.evaluations, log.fold.evaluations, strict=True):
                if _mine(ctx, ev.station_id) and start <= ev.occurred_on <= end:
                    out.append(_contribution(position, ev, ev.volunteer_id, ev.evaluation_id, 1))
            return out
        for position, a in zip(log.awards, log.fold.awards, strict=True):
            if not (_mine(ctx, a.station_id) and start <= a.occurred_on <= end):
                continue
            if what in ("awards", a.recipient):
                out.append(_contribution(position, a, a.recipient_id, a.award_id, 1))
        return out

    return explain


def _stars(
    level: int | None, with_service: bool = False
) -> Callable[[_Context], list[Contribution]]:
    """The star counts at the year's end, as ``reports.recognition.star_counts`` counts
    them: the volunteers registered and not deactivated that day, each at their
    registration; with ``level`` ≥ 1, each at the approval (or last correction) of the
    record that took their counted service, in service-date order, to that level's
    threshold; ``with_service``: each at the approval of their first counted record."""

    def explain(ctx: _Context) -> list[Contribution]:
        end = ctx.period.date_to
        log = ctx.volunteers
        by_volunteer: dict[UUID, list[tuple[dt.date, int, tuple[UUID, str], int]]] = {}
        for key, r in log.fold.records.items():
            if r.counted and r.is_service and r.counted_s and r.recorded.service_date <= end:
                by_volunteer.setdefault(r.volunteer, []).append(
                    (r.recorded.service_date, log.recorded_at(key), key, r.counted_s)
                )
        out = []
        for volunteer, member in log.fold.members.items():
            station = member.registered.station_id
            if not _mine(ctx, station) or not member.active_on(end):
                continue
            days = sorted(by_volunteer.get(volunteer, []))
            seconds = sum(d[3] for d in days)
            if with_service and not seconds:
                continue
            thresholds = ctx.recognition.fold.thresholds_on(station, end)
            reached = star_level(seconds, thresholds)
            if level is not None and reached != level:
                continue
            code = member.registered.volunteer_id
            if with_service:
                upto = 1
            elif level:
                upto = thresholds[level - 1] * 3600
            else:
                upto = 0
            if upto:
                running = 0
                for _, _, key, s in days:
                    running += s
                    if running >= upto:
                        position, event = [
                            (p, e)
                            for p, e in log.record_events[key]
                            if isinstance(e, ServiceApproved | ServiceCorrected)
                        ][0 if with_service else -1]
                        out.append(_contribution(position, event, code, event.record_id, 1))
                        break
                continue
            registered = member.registered
            out.append(
                Contribution(
                    position=log.registered_at[volunteer],
                    event_type=type(registered).__name__,
                    occurred_on=registered.registered_on,
                    aggregate=code,
                    ref="",
                    amount=1,
                )
            )
        return sorted(out, key=lambda c: c.position)

    return explain


# -- corrections --


def _corrections(ctx: _Context) -> list[Contribution]:
    """The corrections into closed periods the report lists, each at its own position."""
    listed = ctx.report.closed_period_corrections
    assert not isinstance(listed, msgspec.UnsetType)
    return [
        Contribution(
            position=c.position,
            event_type=ClosedPeriodCorrected.__name__,
            occurred_on=c.occurred_on,
            aggregate=c.station_id,
            ref=c.event_type,
            amount=1,
        )
        for c in listed
    ]


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
    if not isinstance(report.goods, msgspec.UnsetType):
        for g in report.goods:
            key = f"{g.fund_id}/{g.restriction}/{g.item}/{g.unit}"
            for name in _GOODS_FIGURES:
                unit: BaseUnit = "fen" if name.endswith("_value") else "count"
                table[f"goods.{key}.{name}"] = (_goods(g, name), unit)
    if not isinstance(report.projects, msgspec.UnsetType):
        for p in report.projects:
            pid = p.project_id
            for name, _, _ in _PROJECT_MONEY:
                table[f"projects.{pid}.{name}"] = (_project_money(pid, name), "fen")
            for line in p.lines:
                for name, _, _ in _LINE_MONEY:
                    table[f"projects.{pid}.lines.{line.code}.{name}"] = (
                        _project_money(pid, name, line.code), "fen")  # fmt: skip
            table.update(
                {
                    f"projects.{pid}.gifts": (_project_gifts(pid), "count"),
                    f"projects.{pid}.person_times": (
                        _project_service(pid, "person_times"), "count"),
                    f"projects.{pid}.volunteers": (_project_service(pid, "volunteers"), "count"),
                    f"projects.{pid}.service_s": (_project_service(pid, "s"), "s"),
                    f"projects.{pid}.service_hours": (_project_service(pid, "s"), "s"),
                    f"projects.{pid}.people_served_times": (_project_served(pid, False), "count"),
                    f"projects.{pid}.people_served_distinct": (
                        _project_served(pid, True), "count"),
                }
            )  # fmt: skip
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
        for pd in report.service_delivery.projects:
            label = pd.project_id or "-"
            table[f"delivery.projects.{label}.person_times"] = (
                _delivery_project(pd.project_id, False), "count")  # fmt: skip
            table[f"delivery.projects.{label}.distinct_people"] = (
                _delivery_project(pd.project_id, True), "count")  # fmt: skip
    if not isinstance(report.recognition, msgspec.UnsetType):
        table.update(
            {
                "recognition.teams_active": (_team_count("active"), "count"),
                "recognition.teams_formed": (_team_count("formed"), "count"),
                "recognition.teams_dissolved": (_team_count("dissolved"), "count"),
                "recognition.team_members": (_team_members, "count"),
                "recognition.stars.volunteers": (_stars(None), "count"),
                "recognition.stars.with_service": (_stars(None, with_service=True), "count"),
                "recognition.awards": (_recognition_dated("awards"), "count"),
                "recognition.awards_to_volunteers": (_recognition_dated("volunteer"), "count"),
                "recognition.awards_to_teams": (_recognition_dated("team"), "count"),
                "recognition.evaluations": (_recognition_dated("evaluations"), "count"),
            }
        )
        for level in report.recognition.stars.levels:
            table[f"recognition.stars.level_{level.level}"] = (_stars(level.level), "count")
        for t in report.recognition.teams:
            team = f"recognition.teams.{t.team_id}"
            table[f"{team}.members"] = (_team(t.team_id, "members"), "count")
            table[f"{team}.member_service_s"] = (_team(t.team_id, "s"), "s")
            table[f"{team}.member_service_hours"] = (_team(t.team_id, "s"), "s")
    if not isinstance(report.closed_period_corrections, msgspec.UnsetType):
        table["corrections.closed_periods"] = (_corrections, "count")
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
        names = [n for n in rows if n in table]
        # A report has hundreds of figures: the nearest names, and where the rest are listed.
        close = difflib.get_close_matches(figure, names, n=3, cutoff=0.5)
        raise InvalidInput.on(
            "figure", "unknown_figure", value=figure, close=close, count=len(names), choices=names
        )
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
