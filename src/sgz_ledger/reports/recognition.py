"""Teams, star levels, awards and evaluations for a period (rules 50 to 53).

Definitions:

* **service seconds**: a volunteer's counted volunteer-service seconds, exactly as the
  volunteer figures and accounts count them: records by ``service_date``, approved and not
  voided, corrections applied; training, supervision and the other categories never count,
  nor do awards or evaluations (rule 53).
* **star level** (星级志愿者) on a day: the number of the station's thresholds (its policy
  on that day, ``StationPolicySet.star_thresholds_h``) reached by the volunteer's service
  seconds with a service date on or before that day; computed, never stored (rule 51).
  The star counts take the volunteers registered and not deactivated on that day.
* **a team's members** on a day: joined on or before it, not left on or before it, the
  team not dissolved on or before it. A team's **member service** in a period: the service
  seconds of its members' records dated on days they were members (rule 50).
* **awards and evaluations** of a period: those dated in it (their ``occurred_on``).

Every function takes ``station_ids`` (``None``: every station), so a caller may pass the
stations of any group of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import msgspec

from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.domain.stars import STAR_LEVELS, star_level
from sgz_ledger.projections.recognition import RecognitionProjection, TeamState
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection

__all__ = [
    "RecognitionReport",
    "StarCounts",
    "StarLevelCount",
    "TeamMember",
    "TeamYear",
    "VolunteerStar",
    "has_recognition",
    "recognition_report",
    "star_counts",
    "volunteer_star",
]


class VolunteerStar(msgspec.Struct, frozen=True, kw_only=True):
    """A volunteer's star level on a day.

    Attributes:
        service_s, service_hours: counted service with a service date on or before ``as_of``.
        level: 0 to 5 stars.
        thresholds_h: the station's thresholds that day.
        next_threshold_h: the hours of the next level (``None`` at five stars).
    """

    volunteer_id: str
    station_id: str
    as_of: dt.date
    service_s: int
    service_hours: Decimal
    level: int
    thresholds_h: tuple[int, ...]
    next_threshold_h: int | None


class StarLevelCount(msgspec.Struct, frozen=True, kw_only=True):
    """How many volunteers hold one star level."""

    level: int
    volunteers: int


class StarCounts(msgspec.Struct, frozen=True, kw_only=True):
    """Volunteers per star level on a day.

    Attributes:
        volunteers: the volunteers counted (registered, not deactivated, on ``as_of``):
            the sum of ``levels``.
        with_service: those of them with any counted service by then.
        levels: one row per level, 0 to 5.
    """

    as_of: dt.date
    volunteers: int
    with_service: int
    levels: tuple[StarLevelCount, ...]


class TeamMember(msgspec.Struct, frozen=True, kw_only=True):
    """A team's member at the period's end, with their service while a member in it."""

    volunteer_id: str
    service_s: int
    service_hours: Decimal


class TeamYear(msgspec.Struct, frozen=True, kw_only=True):
    """One team in the period.

    Attributes:
        active_end: formed and not dissolved at the period's end.
        leader: its leader at the period's end, if any.
        members: its members at the period's end, by code.
        member_service_s, member_service_hours: the service of everyone who was a
            member in the period, on the days they were (members who left included).
    """

    team_id: str
    station_id: str
    name: str
    formed_on: dt.date
    dissolved_on: dt.date | None
    active_end: bool
    leader: str | None
    members: tuple[TeamMember, ...]
    member_service_s: int
    member_service_hours: Decimal


class RecognitionReport(msgspec.Struct, frozen=True, kw_only=True):
    """Teams, star levels, awards and evaluations of a period.

    Attributes:
        teams_active: teams formed and not dissolved at the period's end.
        teams_formed, teams_dissolved: teams formed, dissolved, in the period.
        team_members: distinct volunteers in an active team at the period's end.
        teams: every team that existed at some time in the period, by code.
        stars: star levels at the period's end.
        awards, awards_to_volunteers, awards_to_teams: awards dated in the period.
        evaluations: evaluations dated in the period.
    """

    period_from: dt.date
    period_to: dt.date
    teams_active: int
    teams_formed: int
    teams_dissolved: int
    team_members: int
    teams: tuple[TeamYear, ...]
    stars: StarCounts
    awards: int
    awards_to_volunteers: int
    awards_to_teams: int
    evaluations: int


# ---- service seconds --------------------------------------------------------------------------


def _service_days(volunteers: VolunteerStatsProjection) -> dict[str, list[tuple[dt.date, int]]]:
    """Each volunteer's counted service, as (service date, seconds), by volunteer code."""
    out: dict[str, list[tuple[dt.date, int]]] = {}
    for r in volunteers.records.values():
        if not (r.counted and r.is_service) or r.counted_s == 0:
            continue
        member = volunteers.members.get(r.volunteer)
        if member is None:  # pragma: no cover - a record's volunteer registered first
            continue
        out.setdefault(member.registered.volunteer_id, []).append(
            (r.recorded.service_date, r.counted_s)
        )
    return out


def _service_s(days: Iterable[tuple[dt.date, int]], upto: dt.date) -> int:
    return sum(seconds for day, seconds in days if day <= upto)


def _in(station_ids: frozenset[str] | None, station_id: str) -> bool:
    return station_ids is None or station_id in station_ids


# ---- star levels ------------------------------------------------------------------------------


def volunteer_star(
    volunteers: VolunteerStatsProjection,
    recognition: RecognitionProjection,
    volunteer_id: str,
    as_of: dt.date,
) -> VolunteerStar:
    """``volunteer_id``'s star level on ``as_of``.

    Raises:
        NotFound: no volunteer of that code.
    """
    member = next(
        (m for m in volunteers.members.values() if m.registered.volunteer_id == volunteer_id),
        None,
    )
    if member is None:
        raise NotFound("volunteer", volunteer_id)
    station = member.registered.station_id
    seconds = _service_s(_service_days(volunteers).get(volunteer_id, ()), as_of)
    thresholds = recognition.thresholds_on(station, as_of)
    level = star_level(seconds, thresholds)
    return VolunteerStar(
        volunteer_id=volunteer_id,
        station_id=station,
        as_of=as_of,
        service_s=seconds,
        service_hours=hours_2dp(seconds),
        level=level,
        thresholds_h=thresholds,
        next_threshold_h=thresholds[level] if level < len(thresholds) else None,
    )


def star_counts(
    volunteers: VolunteerStatsProjection,
    recognition: RecognitionProjection,
    as_of: dt.date,
    *,
    station_ids: frozenset[str] | None = None,
) -> StarCounts:
    """Volunteers per star level on ``as_of`` at ``station_ids`` (``None``: every station)."""
    service = _service_days(volunteers)
    counts = [0] * (STAR_LEVELS + 1)
    with_service = 0
    for m in volunteers.members.values():
        station = m.registered.station_id
        if not _in(station_ids, station) or not m.active_on(as_of):
            continue
        seconds = _service_s(service.get(m.registered.volunteer_id, ()), as_of)
        with_service += seconds > 0
        counts[star_level(seconds, recognition.thresholds_on(station, as_of))] += 1
    return StarCounts(
        as_of=as_of,
        volunteers=sum(counts),
        with_service=with_service,
        levels=tuple(StarLevelCount(level=n, volunteers=c) for n, c in enumerate(counts)),
    )


# ---- the period's report ----------------------------------------------------------------------


def _member_service_s(
    team: TeamState,
    volunteer_id: str,
    days: list[tuple[dt.date, int]],
    start: dt.date,
    end: dt.date,
) -> int:
    spells = team.member_days(volunteer_id)
    return sum(
        seconds
        for day, seconds in days
        if start <= day <= end
        and any(first <= day and (after is None or after > day) for first, after in spells)
    )


def _team_year(
    team: TeamState, service: dict[str, list[tuple[dt.date, int]]], start: dt.date, end: dt.date
) -> TeamYear:
    per_member = {
        v: _member_service_s(team, v, service.get(v, []), start, end) for v in team.spells
    }
    total = sum(per_member.values())
    return TeamYear(
        team_id=team.formed.team_id,
        station_id=team.formed.station_id,
        name=team.formed.name,
        formed_on=team.formed_on,
        dissolved_on=team.dissolved_on,
        active_end=team.active_on(end),
        leader=team.leader_on(end),
        members=tuple(
            TeamMember(
                volunteer_id=v, service_s=per_member[v], service_hours=hours_2dp(per_member[v])
            )
            for v in team.members_on(end)
        ),
        member_service_s=total,
        member_service_hours=hours_2dp(total),
    )


def has_recognition(
    recognition: RecognitionProjection,
    period_from: dt.date,
    period_to: dt.date,
    *,
    station_ids: frozenset[str] | None = None,
) -> bool:
    """Whether the stations have a team that existed in the period, or an award or an
    evaluation dated in it (read from the recognition fold alone, without the service)."""
    return (
        any(
            _in(station_ids, t.formed.station_id)
            and t.formed_on <= period_to
            and (t.dissolved_on is None or t.dissolved_on >= period_from)
            for t in recognition.teams.values()
        )
        or any(
            _in(station_ids, a.station_id) and period_from <= a.occurred_on <= period_to
            for a in recognition.awards
        )
        or any(
            _in(station_ids, e.station_id) and period_from <= e.occurred_on <= period_to
            for e in recognition.evaluations
        )
    )


def recognition_report(
    volunteers: VolunteerStatsProjection,
    recognition: RecognitionProjection,
    period_from: dt.date,
    period_to: dt.date,
    *,
    station_ids: frozenset[str] | None = None,
) -> RecognitionReport:
    """Teams, star levels (at ``period_to``), awards and evaluations of ``period_from ..
    period_to`` at ``station_ids`` (``None``: every station).

    Raises:
        InvalidInput: the period ends before it starts.
    """
    InvalidInput.check_period(period_from, period_to, field="period_to")
    service = _service_days(volunteers)
    teams = [
        _team_year(t, service, period_from, period_to)
        for _, t in sorted(recognition.teams.items())
        if _in(station_ids, t.formed.station_id)
        and t.formed_on <= period_to
        and (t.dissolved_on is None or t.dissolved_on >= period_from)
    ]
    members = {m.volunteer_id for t in teams if t.active_end for m in t.members}
    awards = [
        a
        for a in recognition.awards
        if _in(station_ids, a.station_id) and period_from <= a.occurred_on <= period_to
    ]
    evaluations = [
        e
        for e in recognition.evaluations
        if _in(station_ids, e.station_id) and period_from <= e.occurred_on <= period_to
    ]
    return RecognitionReport(
        period_from=period_from,
        period_to=period_to,
        teams_active=sum(1 for t in teams if t.active_end),
        teams_formed=sum(1 for t in teams if period_from <= t.formed_on <= period_to),
        teams_dissolved=sum(
            1
            for t in teams
            if t.dissolved_on is not None and period_from <= t.dissolved_on <= period_to
        ),
        team_members=len(members),
        teams=tuple(teams),
        stars=star_counts(volunteers, recognition, period_to, station_ids=station_ids),
        awards=len(awards),
        awards_to_volunteers=sum(1 for a in awards if a.recipient == "volunteer"),
        awards_to_teams=sum(1 for a in awards if a.recipient == "team"),
        evaluations=len(evaluations),
    )
