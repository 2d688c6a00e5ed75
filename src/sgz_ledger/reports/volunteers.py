"""Volunteer figures and accounts, as stations quote them: 志愿服务N次, N人次, 注册志愿者N人,
时长N小时, per slice; and each volunteer's 人次, hours and time bank.

Every function reads a fold's state (``projections.volunteer_stats``,
``projections.volunteer_accounts``), folded from the log by the caller (the ``Ledger``
keeps both up to date in memory, ``audit`` replays them). Every figure is derived from
events only, so an auditor can recompute it from the log (the tests do so
independently).

Definitions (all "as the log stands now": a record approved, corrected or voided
after a period ends changes that period's figures, because a record belongs to the
period of its ``service_date``, not to the day it was approved or corrected):

* a **counted record** is a ``ServiceRecorded`` that has a ``ServiceApproved`` and no
  ``ServiceVoided``. Records awaiting approval and voided records count in no figure
  (they are reported apart as ``records_pending`` and ``records_voided``);
* **service seconds** (``duration_s`` of ``volunteer_service`` records) fold the
  events exactly as the Volunteer aggregate does: the approval's ``duration_s``, plus
  each ``ServiceCorrected.delta_s``, minus ``ServiceVoided.counted_s``. Only
  ``volunteer_service`` records are service (rule 4, 办法 Art.19);
* the **other categories** (training 培训, supervision 督导, group work, ...) are never
  service hours; their own figures use the record's current duration (the last
  ``ServiceRecorded`` / ``ServiceCorrected`` ``duration_s``), because their corrections
  carry ``delta_s=0`` by design (nothing counted, nothing to change);
* **人次 (person-times)** = the number of counted records in the slice: one volunteer
  serving one activity once is one 人次 (a volunteer who has two records in the same
  activity is two); a record of service over several days (``ends_on``: a camp, a relief
  week) is one 人次 with all its seconds, in the period of its first day (rule 38);
* **次数 (activities)** = the number of distinct ``activity_id`` with at least one
  counted record in the slice. An activity whose records were all voided or never
  approved is not counted; one with records in two months counts once in each month
  and once in the year. ``activities_published`` is the other reading: distinct
  activities published (``ActivityPublished``) whose start, in China Standard Time,
  falls in the period, whatever their records;
* **volunteers** = distinct volunteers with at least one counted record in the slice;
* **registered volunteers** (注册志愿者) as of a day = registered on or before it
  (``registered_on``) and not deactivated on or before it (the deactivation's
  ``occurred_on``); by team, those who had joined the team on or before the day and
  not left it on or before the day (join/leave ``occurred_on``). A membership runs
  from a join to the leave that ended it, the next leave of that team in log order
  (the aggregate lets them only alternate); a leave entered later with a date before
  its join leaves an empty membership, never a negative one. A volunteer in no team
  shows under team ``""``; one in two teams shows under both.

Slices: a record's station, team and community are those on its ``ServiceRecorded``
(the station is the volunteer's, the community the activity's, the team ``""`` when
the record names none), its category the activity's, its period its ``service_date``.
Seconds and person-times are additive: the rows by station, by team, by community,
by (service) category and by year, quarter or month each sum to the total. Activities
and volunteers are distinct counts, so their rows may sum to more than the total.

Hours are reported with ``domain.money.hours_2dp`` on the summed seconds (rule 1), never as a
sum of rounded hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from uuid import UUID

import msgspec

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.domain.volunteer import STATION_TZ
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import (
    SERVICE_CATEGORIES,
    ServiceRecordState,
    VolunteerStatsProjection,
)
from sgz_ledger.reports.scope import station_scope

__all__ = [
    "NO_COMMUNITY",
    "NO_TEAM",
    "PERIOD_DAYS_MAX",
    "CategoryFigures",
    "Figures",
    "Period",
    "RegisteredCount",
    "VolunteerAccount",
    "VolunteerStats",
    "accounts",
    "activities_published",
    "figures",
    "registered",
    "stats",
]

NO_TEAM = ""
NO_COMMUNITY = ""

# A report covers at most a century: a longer range is a typing error (2024 typed as
# 1024), and the bound keeps a report's month rows few.
PERIOD_DAYS_MAX = 366 * 100


# ---- periods -------------------------------------------------------------------------------


class Period(msgspec.Struct, frozen=True, kw_only=True):
    """A range of days, both ends included, with the label reports print.

    Attributes:
        label: ``"2024"``, ``"2024Q1"``, ``"2024-03"``, or ``"<from>..<to>"`` for a range.
    """

    label: str
    date_from: dt.date
    date_to: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        _check_year(year)
        return cls(
            label=f"{year:04d}", date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31)
        )

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1-4 of a year (Q1 = January to March)."""
        _check_year(year)
        if not 1 <= quarter <= 4:
            raise InvalidInput.on("quarter", "not_a_quarter", quarter=quarter)
        first = dt.date(year, 3 * quarter - 2, 1)
        return cls(
            label=f"{year:04d}Q{quarter}", date_from=first, date_to=_month_end(year, 3 * quarter)
        )

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """A calendar month."""
        _check_year(year)
        if not 1 <= month <= 12:
            raise InvalidInput.on("month", "not_a_month", month=month)
        return cls(
            label=f"{year:04d}-{month:02d}",
            date_from=dt.date(year, month, 1),
            date_to=_month_end(year, month),
        )

    @classmethod
    def between(cls, date_from: dt.date, date_to: dt.date, label: str = "") -> Period:
        """Any range of days, both ends included.

        Raises:
            InvalidInput: the range ends before it starts or is longer than a century.
        """
        if date_to < date_from:
            raise InvalidInput.on("date_to", "date_before", last=date_to, first=date_from)
        if (date_to - date_from).days >= PERIOD_DAYS_MAX:
            raise InvalidInput.on("date_to", "period_too_long", most=PERIOD_DAYS_MAX)
        return cls(
            label=label or f"{date_from.isoformat()}..{date_to.isoformat()}",
            date_from=date_from,
            date_to=date_to,
        )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.date_from <= day <= self.date_to


def _check_year(year: int) -> None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidInput.on("year", "not_a_year", year=year)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _clipped(parts: Iterable[Period], period: Period) -> tuple[Period, ...]:
    """``parts`` cut to ``period`` (a quarter half inside a range keeps its label)."""
    return tuple(
        Period(
            label=part.label,
            date_from=max(part.date_from, period.date_from),
            date_to=min(part.date_to, period.date_to),
        )
        for part in parts
    )


def _years(period: Period) -> tuple[Period, ...]:
    years = range(period.date_from.year, period.date_to.year + 1)
    return _clipped((Period.year(y) for y in years), period)


def _quarters(period: Period) -> tuple[Period, ...]:
    first = period.date_from.year * 4 + (period.date_from.month - 1) // 3
    last = period.date_to.year * 4 + (period.date_to.month - 1) // 3
    return _clipped((Period.quarter(n // 4, n % 4 + 1) for n in range(first, last + 1)), period)


def _months(period: Period) -> tuple[Period, ...]:
    first = period.date_from.year * 12 + period.date_from.month - 1
    last = period.date_to.year * 12 + period.date_to.month - 1
    return _clipped((Period.month(n // 12, n % 12 + 1) for n in range(first, last + 1)), period)


# ---- results ---------------------------------------------------------------------------------


class VolunteerAccount(msgspec.Struct, frozen=True, kw_only=True):
    """One volunteer's figures (seconds are exact; hours are 2 decimals, half up)."""

    volunteer_id: str
    station_id: str
    registered_on: dt.date
    active: bool
    teams: tuple[str, ...]
    person_times: int
    service_s: int
    hours: Decimal
    pending_records: int
    bank_balance_s: int
    bank_hours: Decimal


class Figures(msgspec.Struct, frozen=True, kw_only=True):
    """The figures of one slice of counted records.

    Attributes:
        key: the slice: a station, team, community, category or period label; ``""``
            for no team / no community, ``"total"`` for the whole.
        activities: 次数, distinct activities with at least one counted record here.
        person_times: 人次, counted records.
        volunteers: distinct volunteers with at least one counted record here.
        duration_s: counted seconds, summed.
        hours: ``duration_s`` as hours, 2 decimals, rounded half up after summing.
    """

    key: str
    activities: int
    person_times: int
    volunteers: int
    duration_s: int
    hours: Decimal


class CategoryFigures(msgspec.Struct, frozen=True, kw_only=True):
    """A category that is not service (training, supervision, ...): its own figures (rule 4).

    Attributes:
        category: the activity category.
        activities_published: activities of the category starting in the period.
        figures: its counted records, with their current duration.
    """

    category: str
    activities_published: int
    figures: Figures


class RegisteredCount(msgspec.Struct, frozen=True, kw_only=True):
    """Registered, not deactivated volunteers of one station or team on a day."""

    key: str
    volunteers: int


class VolunteerStats(msgspec.Struct, frozen=True, kw_only=True):
    """A station's (or every station's) volunteer figures for a period.

    Attributes:
        station_id: the station, or ``None`` for all stations of the store.
        period: the days covered (records by ``service_date``).
        service: the totals over ``volunteer_service`` records (key ``"total"``).
        activities_published: volunteer-service activities starting in the period.
        records_pending: service records in the period not yet approved (not voided).
        records_voided: service records in the period that were voided.
        registered_volunteers: 注册志愿者 on the period's last day.
        registered_by_station / registered_by_team: the same, per station / team.
        by_station, by_team, by_community, by_category, by_year, by_quarter, by_month:
            the service figures per slice; their ``person_times`` and ``duration_s``
            each sum to ``service``'s. Period rows cover the whole period (months
            without records show zeros) and are cut to it at its ends.
        other_categories: training, supervision and the other non-service categories.
        stations: the station codes covered, when asked for a set of them (a level of
            the register: ``unit_id`` at ``level``); unset otherwise.
    """

    station_id: str | None
    period: Period
    service: Figures
    activities_published: int
    records_pending: int
    records_voided: int
    registered_volunteers: int
    registered_by_station: tuple[RegisteredCount, ...]
    registered_by_team: tuple[RegisteredCount, ...]
    by_station: tuple[Figures, ...]
    by_team: tuple[Figures, ...]
    by_community: tuple[Figures, ...]
    by_category: tuple[Figures, ...]
    by_year: tuple[Figures, ...]
    by_quarter: tuple[Figures, ...]
    by_month: tuple[Figures, ...]
    other_categories: tuple[CategoryFigures, ...]
    unit_id: str | msgspec.UnsetType = msgspec.UNSET
    level: str | msgspec.UnsetType = msgspec.UNSET
    stations: tuple[str, ...] | msgspec.UnsetType = msgspec.UNSET

    def to_json(self) -> bytes:
        """The report as JSON (hours as decimal strings, dates as ISO dates)."""
        return msgspec.json.encode(self)


# ---- the figures ----------------------------------------------------------------------------


class _Acc:
    """Accumulates the figures of one slice."""

    __slots__ = ("activities", "duration_s", "person_times", "volunteers")

    def __init__(self) -> None:
        self.activities: set[str] = set()
        self.volunteers: set[UUID] = set()
        self.person_times = 0
        self.duration_s = 0

    def add(self, record: ServiceRecordState) -> None:
        self.activities.add(record.recorded.activity_id)
        self.volunteers.add(record.volunteer)
        self.person_times += 1
        self.duration_s += record.seconds

    def figures(self, key: str) -> Figures:
        return Figures(
            key=key,
            activities=len(self.activities),
            person_times=self.person_times,
            volunteers=len(self.volunteers),
            duration_s=self.duration_s,
            hours=hours_2dp(self.duration_s),
        )


# The period labels of a record's service date: the same labels ``Period`` gives.
def _year_of(r: ServiceRecordState) -> str:
    return f"{r.recorded.service_date.year:04d}"


def _quarter_of(r: ServiceRecordState) -> str:
    d = r.recorded.service_date
    return f"{d.year:04d}Q{(d.month - 1) // 3 + 1}"


def _month_of(r: ServiceRecordState) -> str:
    d = r.recorded.service_date
    return f"{d.year:04d}-{d.month:02d}"


def _grouped(
    records: Iterable[ServiceRecordState],
    key: Callable[[ServiceRecordState], str],
    keys: Iterable[str] = (),
) -> tuple[Figures, ...]:
    """Figures per ``key(record)``, sorted by key; ``keys`` appear even when empty."""
    accs: dict[str, _Acc] = {k: _Acc() for k in keys}
    for record in records:
        accs.setdefault(key(record), _Acc()).add(record)
    return tuple(accs[k].figures(k) for k in sorted(accs))


def _selected(
    fold: VolunteerStatsProjection,
    period: Period | None,
    stations: frozenset[str] | None,
    team: str | None,
    community: str | None,
) -> Iterable[ServiceRecordState]:
    for r in fold.records.values():
        e = r.recorded
        if period is not None and e.service_date not in period:
            continue
        if stations is not None and e.station_id not in stations:
            continue
        if team is not None and e.team != team:
            continue
        if community is not None and e.community != community:
            continue
        yield r


def figures(
    fold: VolunteerStatsProjection,
    *,
    period: Period | None = None,
    station_id: str | None = None,
    team: str | None = None,
    community: str | None = None,
    category: str = SERVICE_CATEGORIES[0],
    station_ids: frozenset[str] | None = None,
) -> Figures:
    """The figures of any slice (``None`` = any value; ``team=""`` = records with no team;
    ``station_ids``: the records of any of those stations).

    ``category`` defaults to volunteer service; for another category the figures
    are its own (training time is never service time).
    """
    acc = _Acc()
    for r in _selected(fold, period, station_scope(station_id, station_ids), team, community):
        if r.counted and r.recorded.category == category:
            acc.add(r)
    return acc.figures("total")


def registered(
    fold: VolunteerStatsProjection,
    *,
    as_of: dt.date,
    station_id: str | None = None,
    team: str | None = None,
    station_ids: frozenset[str] | None = None,
) -> int:
    """注册志愿者 on a day: registered and not deactivated (``team=""``: in no team)."""
    stations = station_scope(station_id, station_ids)
    count = 0
    for m in fold.members.values():
        if stations is not None and m.registered.station_id not in stations:
            continue
        if not m.active_on(as_of):
            continue
        if team is not None and team not in (m.teams_on(as_of) or {NO_TEAM}):
            continue
        count += 1
    return count


def activities_published(
    fold: VolunteerStatsProjection,
    *,
    period: Period | None = None,
    station_id: str | None = None,
    community: str | None = None,
    category: str = SERVICE_CATEGORIES[0],
    station_ids: frozenset[str] | None = None,
) -> int:
    """Activities published whose start (China Standard Time) falls in ``period``."""
    stations = station_scope(station_id, station_ids)
    count = 0
    for a in fold.activities.values():
        if a.category != category:
            continue
        if stations is not None and a.station_id not in stations:
            continue
        if community is not None and a.community != community:
            continue
        if period is not None and a.starts_at.astimezone(STATION_TZ).date() not in period:
            continue
        count += 1
    return count


def stats(
    fold: VolunteerStatsProjection,
    period: Period,
    *,
    station_id: str | None = None,
    station_ids: frozenset[str] | None = None,
) -> VolunteerStats:
    """Every figure of a station (or of a set of stations: a level, or all stations) for a
    period, with its slices."""
    stations = station_scope(station_id, station_ids)
    records = list(_selected(fold, period, stations, None, None))
    service = [r for r in records if r.counted and r.is_service]
    total = _Acc()
    for r in service:
        total.add(r)

    others: dict[str, _Acc] = {}
    for r in records:
        if r.counted and not r.is_service:
            others.setdefault(r.recorded.category, _Acc()).add(r)
    for a in fold.activities.values():
        # A category with activities in the period shows even when none has a record yet.
        if (
            a.category not in SERVICE_CATEGORIES
            and (stations is None or a.station_id in stations)
            and a.starts_at.astimezone(STATION_TZ).date() in period
        ):
            others.setdefault(a.category, _Acc())
    other_categories = tuple(
        CategoryFigures(
            category=category,
            activities_published=activities_published(
                fold, period=period, station_ids=stations, category=category
            ),
            figures=others[category].figures(category),
        )
        for category in sorted(others)
    )

    as_of = period.date_to
    by_station: dict[str, int] = {}
    by_team: dict[str, int] = {}
    for m in fold.members.values():
        if stations is not None and m.registered.station_id not in stations:
            continue
        if not m.active_on(as_of):
            continue
        by_station[m.registered.station_id] = by_station.get(m.registered.station_id, 0) + 1
        for team in m.teams_on(as_of) or {NO_TEAM}:
            by_team[team] = by_team.get(team, 0) + 1

    return VolunteerStats(
        station_id=station_id,
        period=period,
        service=total.figures("total"),
        activities_published=sum(
            activities_published(fold, period=period, station_ids=stations, category=c)
            for c in SERVICE_CATEGORIES
        ),
        records_pending=sum(1 for r in records if r.is_service and not r.approved and not r.voided),
        records_voided=sum(1 for r in records if r.is_service and r.voided),
        registered_volunteers=sum(by_station.values()),
        registered_by_station=tuple(
            RegisteredCount(key=k, volunteers=v) for k, v in sorted(by_station.items())
        ),
        registered_by_team=tuple(
            RegisteredCount(key=k, volunteers=v) for k, v in sorted(by_team.items())
        ),
        by_station=_grouped(service, lambda r: r.recorded.station_id),
        by_team=_grouped(service, lambda r: r.recorded.team),
        by_community=_grouped(service, lambda r: r.recorded.community),
        by_category=_grouped(service, lambda r: r.recorded.category, SERVICE_CATEGORIES),
        by_year=_grouped(service, _year_of, (p.label for p in _years(period))),
        by_quarter=_grouped(service, _quarter_of, (p.label for p in _quarters(period))),
        by_month=_grouped(service, _month_of, (p.label for p in _months(period))),
        other_categories=other_categories,
        stations=msgspec.UNSET if station_ids is None else tuple(sorted(station_ids)),
    )


# ---- each volunteer's account -------------------------------------------------------------


def accounts(
    fold: VolunteerAccounts,
    *,
    station_id: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    station_ids: frozenset[str] | None = None,
    registered_teams: Mapping[str, Sequence[str]] | None = None,
) -> list[VolunteerAccount]:
    """Every volunteer's account (of one station, or of a set of them), service counted in
    the period.

    ``registered_teams`` names, by volunteer code, the teams of the team register the
    volunteer is a member of; they are listed after the teams of the volunteer's own
    record, each name once.

    Person-times (人次) and service seconds count approved, unvoided ``volunteer_service``
    records whose service date is in ``date_from .. date_to`` (both optional, inclusive);
    the time-bank balance is always the balance now.
    """
    stations = station_scope(station_id, station_ids)
    out = []
    for v in fold.volunteers.values():
        reg = v.registered
        if stations is not None and reg.station_id not in stations:
            continue
        counted = [
            r
            for r in v.records.values()
            if r.approved
            and not r.voided
            and r.is_service
            and (date_from is None or r.service_date >= date_from)
            and (date_to is None or r.service_date <= date_to)
        ]
        seconds = sum(r.counted_s for r in counted)
        pending = sum(1 for r in v.records.values() if not r.approved and not r.voided)
        out.append(
            VolunteerAccount(
                volunteer_id=reg.volunteer_id,
                station_id=reg.station_id,
                registered_on=reg.registered_on,
                active=v.active,
                teams=tuple(
                    dict.fromkeys([*v.teams, *(registered_teams or {}).get(reg.volunteer_id, ())])
                ),
                person_times=len(counted),
                service_s=seconds,
                hours=hours_2dp(seconds),
                pending_records=pending,
                bank_balance_s=v.balance_s,
                bank_hours=hours_2dp(v.balance_s),
            )
        )
    out.sort(key=lambda a: (a.station_id, a.volunteer_id))
    return out
