"""The annual report (年度工作总结): a station's year in the figures stations publish.

The seeds' reports quote, for a year: 志愿服务N次 (activities), N人次 (person-times),
注册志愿者N人, 志愿服务时长N小时 (2 decimals), 成立N个社区基金, 累计接收捐赠资金N元,
in-kind gifts (145箱泡面, 15000元学习用品) and what was spent. ``annual_report``
gathers them for one station, or for every station of the store (a district's 总站)
when no station is named, from what the caller folded and keeps up to date (the
``Ledger`` catches its views up once and passes them):

* volunteer figures from the volunteer figures fold (``reports.volunteers.stats``), with
  its definitions: records by ``service_date``, counted when approved and not voided,
  hours rounded half up after summing seconds;
* fund figures from each fund's events, read from the log (``projections.fund_log``;
  the fund views list the station's funds), by business date: gifts, sale proceeds,
  refunds, spending and transfers dated in the year; balances at the end of 31 December
  of the year before and of the year. A correction counts in the year of its own date (a gift
  reversed in the year lowers the year's donations; one reversed the next year lowers
  the next year's), as published reports are corrected by notes, not edited (rule 12).

Every figure but two is additive: a level's figure (a district's, a station's with its
community rooms', the store's) equals the sum of its units' figures plus what is recorded
at the level itself. The exceptions are distinct counts across stations: an activity (次数)
counts once for each station whose volunteers served in it, so a joint activity of two
stations counts twice in their sum and once at their common parent (the district, the
store), and volunteers are the union of the units' (each volunteer serves at the station
that registered them, so the union is also their sum); and ``service_hours`` is the
level's seconds rounded once (its ``service_s`` is additive), so it may differ from the
sum of its units' rounded hours by a few hundredths.

A report of a level (``station_ids``: what ``domain.levels.LevelRegister.units_under``
gives for the unit on the year's last day) covers the records of those stations.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import msgspec

from sgz_ledger.projections.framework import ViewStore
from sgz_ledger.projections.fund_log import FundReader, fund_history
from sgz_ledger.projections.recognition import RecognitionProjection
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.reports.delivery import DeliveryReport
from sgz_ledger.reports.funds import fund_codes
from sgz_ledger.reports.goods import GoodsLineRow, goods_lines
from sgz_ledger.reports.periods import ClosedPeriodCorrection
from sgz_ledger.reports.projects import ProjectReport
from sgz_ledger.reports.recognition import (
    RecognitionReport,
    has_recognition,
    recognition_report,
)
from sgz_ledger.reports.scope import station_scope
from sgz_ledger.reports.volunteers import Period
from sgz_ledger.reports.volunteers import stats as volunteer_stats
from sgz_ledger.storage.chain import Anchor

__all__ = [
    "AnnualReport",
    "FundYear",
    "OtherActivities",
    "annual_report",
]


class OtherActivities(msgspec.Struct, frozen=True, kw_only=True):
    """Records of a category that is not volunteer service (培训, 督导...), rule 4.

    Attributes:
        hours: ``duration_s`` in hours, 2 decimals, rounded half up after summing.
    """

    category: str
    activities: int
    person_times: int
    volunteers: int
    duration_s: int
    hours: Decimal


class FundYear(msgspec.Struct, frozen=True, kw_only=True):
    """One fund's year, in fen (the report's fund figures are the sums of these).

    Attributes:
        donations_cash_fen: cash gifts dated in the year, less gift entries reversed in it.
        donations_in_kind_fen: booked value of goods given in the year, less reversed.
        sale_proceeds_fen: cash from goods sold in the year.
        refunds_fen: cash refunded to donors in the year.
        spending_fen: payments in the year, less payments reversed in it.
        transfers_net_fen: cash from other funds less cash to other funds.
        goods_distributed_fen: booked value of goods given out in the year.
        cash_start_fen, cash_end_fen: cash at the end of the year before, and of the year.
        reserved_end_fen, available_end_fen: reserved for approved requests, and the
            rest, at the year's end.
        in_kind_held_end_fen: booked value of goods held at the year's end.
    """

    fund_id: str
    station_id: str
    community: str
    name: str
    opened_on: dt.date
    closed_on: dt.date | None
    donations_cash_fen: int
    donations_in_kind_fen: int
    sale_proceeds_fen: int
    refunds_fen: int
    spending_fen: int
    transfers_net_fen: int
    goods_distributed_fen: int
    cash_start_fen: int
    cash_end_fen: int
    reserved_end_fen: int
    available_end_fen: int
    in_kind_held_end_fen: int


# The fund figures summed over funds, in FundYear's order.
_FUND_FIGURES = tuple(name for name in FundYear.__struct_fields__ if name.endswith("_fen"))


class AnnualReport(msgspec.Struct, frozen=True, kw_only=True):
    """A station's (or, with ``station_id=None``, every station's) figures for a year.

    Attributes:
        activities: 志愿服务次数, distinct activities with a counted service record.
        person_times: 服务人次, counted service records.
        volunteers: volunteers with at least one counted record in the year.
        registered_volunteers: 注册志愿者 on 31 December.
        service_s, service_hours: 志愿服务时长 in seconds, and in hours (2 decimals).
        other_activities: training, supervision and the other non-service categories.
        funds_opened: funds set up (成立) in the year.
        funds_open: funds open at the year's end.
        donations_cash_fen ... in_kind_held_end_fen: the sums of ``funds`` (``FundYear``).
        funds: every fund open at some time in the year, by fund code.
        anchor: the hash chain's head when the report was made (``sgz-ledger verify
            --anchor`` proves a later copy of the store holds the same history).
        closed_period_corrections: the corrections recorded into the station's closed
            periods that no published annual report listed yet (更正说明, rule 34);
            unset when there is none.
        goods: the goods register of the year in units, per fund, purpose, item and unit
            (``reports.goods``): set only when asked for (``annual_report(goods=True)``),
            so the report's JSON keeps the fields it always had.
        unit_id, level, stations: the unit of the register of levels the report was
            asked for, its level, and the station codes it covers (the unit and those
            under it); unset for a station or the store.
        projects: the station's projects whose period meets the year, each with its
            figures to date (``reports.projects``: a budget is for a project's whole
            period); unset when there is none.
        service_delivery: the year's cases, groups, community activities, people served
            and supervision (``reports.delivery``): set only where the station recorded
            service delivery.
        recognition: the year's teams, star levels, awards and evaluations
            (``reports.recognition``): set only when the stations have a team that existed
            in the year, an award or an evaluation dated in it, so the JSON of a store
            without any keeps the fields it always had.
    """

    year: int
    station_id: str | None
    period_from: dt.date
    period_to: dt.date
    activities: int
    person_times: int
    volunteers: int
    registered_volunteers: int
    service_s: int
    service_hours: Decimal
    other_activities: tuple[OtherActivities, ...]
    funds_opened: int
    funds_open: int
    donations_cash_fen: int
    donations_in_kind_fen: int
    sale_proceeds_fen: int
    refunds_fen: int
    spending_fen: int
    transfers_net_fen: int
    goods_distributed_fen: int
    cash_start_fen: int
    cash_end_fen: int
    reserved_end_fen: int
    available_end_fen: int
    in_kind_held_end_fen: int
    funds: tuple[FundYear, ...]
    anchor: Anchor | None = None
    # Left out of the JSON when there is none: reports of stores without one stay as
    # they were.
    closed_period_corrections: tuple[ClosedPeriodCorrection, ...] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    goods: tuple[GoodsLineRow, ...] | msgspec.UnsetType = msgspec.UNSET
    unit_id: str | msgspec.UnsetType = msgspec.UNSET
    level: str | msgspec.UnsetType = msgspec.UNSET
    stations: tuple[str, ...] | msgspec.UnsetType = msgspec.UNSET
    projects: tuple[ProjectReport, ...] | msgspec.UnsetType = msgspec.UNSET
    service_delivery: DeliveryReport | msgspec.UnsetType = msgspec.UNSET
    recognition: RecognitionReport | msgspec.UnsetType = msgspec.UNSET

    def to_json(self) -> bytes:
        """The report as JSON: money as integers of fen, hours as decimal strings."""
        return msgspec.json.encode(self)


# ---- the report ---------------------------------------------------------------------------------


def annual_report(
    store: ViewStore,
    read: FundReader,
    volunteers: VolunteerStatsProjection,
    year: int,
    *,
    station_id: str | None = None,
    goods: bool = False,
    station_ids: frozenset[str] | None = None,
    recognition: RecognitionProjection | None = None,
) -> AnnualReport:
    """The figures of ``year`` for ``station_id``, or for the stations ``station_ids`` (a
    level of the register), or for every station when both are ``None``.

    Args:
        store: a view store whose fund views are up to date (it lists the funds).
        read: a fund's events from the same log, with their positions, in order.
        volunteers: the volunteer figures fold over the same log.
        goods: also list the year's goods in units (``AnnualReport.goods``).
        recognition: the recognition fold over the same log, for the year's teams, star
            levels, awards and evaluations (``AnnualReport.recognition``, when any).

    Raises:
        InvalidInput: ``year`` is not a year, or both ``station_id`` and ``station_ids``
            were given.
    """
    period = Period.year(year)
    stations = station_scope(station_id, station_ids)
    stats = volunteer_stats(volunteers, period, station_ids=stations)
    funds = _fund_years(store, read, period, stations)
    goods_rows: tuple[GoodsLineRow, ...] | msgspec.UnsetType = msgspec.UNSET
    if goods:
        goods_rows = tuple(
            line
            for f in funds
            for line in goods_lines(read(f.fund_id), period.date_from, period.date_to)
        )
    sums = {name: sum(getattr(f, name) for f in funds) for name in _FUND_FIGURES}
    end = period.date_to
    recognised: RecognitionReport | msgspec.UnsetType = msgspec.UNSET
    # Asked first of the recognition fold alone: a store without teams or awards pays
    # nothing for the section it does not print.
    if recognition is not None and has_recognition(
        recognition, period.date_from, end, station_ids=stations
    ):
        recognised = recognition_report(
            volunteers, recognition, period.date_from, end, station_ids=stations
        )
    return AnnualReport(
        year=year,
        station_id=station_id,
        period_from=period.date_from,
        period_to=end,
        activities=stats.service.activities,
        person_times=stats.service.person_times,
        volunteers=stats.service.volunteers,
        registered_volunteers=stats.registered_volunteers,
        service_s=stats.service.duration_s,
        service_hours=stats.service.hours,
        other_activities=tuple(
            OtherActivities(
                category=c.category,
                activities=c.figures.activities,
                person_times=c.figures.person_times,
                volunteers=c.figures.volunteers,
                duration_s=c.figures.duration_s,
                hours=c.figures.hours,
            )
            for c in stats.other_categories
        ),
        funds_opened=sum(1 for f in funds if f.opened_on.year == year),
        funds_open=sum(
            1 for f in funds if f.opened_on <= end and (f.closed_on is None or f.closed_on > end)
        ),
        funds=tuple(funds),
        goods=goods_rows,
        stations=msgspec.UNSET if station_ids is None else tuple(sorted(station_ids)),
        recognition=recognised,
        **sums,
    )


def _fund_years(
    store: ViewStore, read: FundReader, period: Period, stations: frozenset[str] | None
) -> list[FundYear]:
    """Each fund open at some time in ``period``, with its figures, by fund code."""
    start, end = period.date_from, period.date_to
    out = []
    for code in fund_codes(store, station_ids=stations):
        history = fund_history(read(code))
        if history is None:
            continue  # listed by the views, not in the log: ``audit`` reports it
        info = history.info
        sums: dict[str, tuple[int, int]] = {}
        for e in history.entries:
            if start <= e.occurred_on <= end:
                cash_sum, in_kind_sum = sums.get(e.kind, (0, 0))
                sums[e.kind] = (cash_sum + e.cash_fen, in_kind_sum + e.in_kind_fen)
        opening = history.counters(start - dt.timedelta(days=1))
        closing = history.counters(end)
        holds_cash = any(b.total_fen for b in (*opening.values(), *closing.values()))
        # Open at some time in the year; or, opened later, with entries dated before it
        # (a backdated entry must not vanish from the year it is dated in).
        open_in_year = info.opened_on <= end and (info.closed_on is None or info.closed_on >= start)
        if not (open_in_year or sums or holds_cash):
            continue

        def cash(*names: str, sums: dict[str, tuple[int, int]] = sums) -> int:
            return sum(sums.get(n, (0, 0))[0] for n in names)

        def in_kind(*names: str, sums: dict[str, tuple[int, int]] = sums) -> int:
            return sum(sums.get(n, (0, 0))[1] for n in names)

        ends = closing.values()
        out.append(
            FundYear(
                fund_id=info.fund_id,
                station_id=info.station_id,
                community=info.community,
                name=info.name,
                opened_on=info.opened_on,
                closed_on=info.closed_on,
                donations_cash_fen=cash("donation", "donation_reversed"),
                donations_in_kind_fen=in_kind("in_kind_donation", "donation_reversed"),
                sale_proceeds_fen=cash("goods_sold"),
                refunds_fen=-cash("refund"),
                spending_fen=-cash("paid", "payment_reversed"),
                transfers_net_fen=cash("transfer_in", "transfer_out"),
                goods_distributed_fen=-in_kind("goods_distributed"),
                cash_start_fen=sum(b.total_fen for b in opening.values()),
                cash_end_fen=sum(b.total_fen for b in ends),
                reserved_end_fen=sum(b.reserved_fen for b in ends),
                available_end_fen=sum(b.available_fen for b in ends),
                in_kind_held_end_fen=history.in_kind_held(end),
            )
        )
    return out
